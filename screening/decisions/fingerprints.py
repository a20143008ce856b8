"""Canonical fingerprints of what an analyst looked at: the customer and the listing.

A decision holds while both fingerprints are what they were when it was made. Each is a
SHA-256 over a canonical JSON form: text cleaned of invisible and look-alike characters,
case-folded and with runs of spaces made one; lists of values de-duplicated and sorted
(their order on the list carries no meaning); a version tag first, so that a change to
this recipe can never make an old fingerprint equal a new one by accident.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Iterable
from json.encoder import encode_basestring

from screening.model import Entity, Query
from screening.text import clean

CUSTOMER_RECIPE = "customer/1"
LISTING_RECIPE = "listing/1"


def canonical_text(value: str | None) -> str:
    """Text as it matters to screening: cleaned, NFC, case-folded, spaces collapsed."""
    if value is None:
        return ""
    if value.isascii() and value.isprintable():  # most list values; the same result, faster
        return " ".join(value.casefold().split())
    return " ".join(unicodedata.normalize("NFC", clean(value)).casefold().split())


def canonical_values(values: Iterable[str]) -> list[str]:
    """A list field as a set: canonical texts, blanks dropped, sorted."""
    return sorted({text for value in values if (text := canonical_text(value))})


def _digest(parts: list[object]) -> str:
    payload = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _digest_texts(parts: list[str]) -> str:
    """``_digest`` of a list of texts, written as ``json.dumps`` writes it (each text by
    the encoder's own function) without its general machinery: a book has a million rows."""
    payload = "[" + ",".join(map(encode_basestring, parts)) + "]"
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def customer_fingerprint(
    name: str, schema: str | None = None, birth_date: str | None = None, country: str | None = None
) -> str:
    """The fingerprint of a customer as screened: the name and its secondary data."""
    return _digest_texts(
        [
            CUSTOMER_RECIPE,
            canonical_text(name),
            canonical_text(schema),
            canonical_text(birth_date),
            canonical_text(country),
        ]
    )


def query_fingerprint(query: Query) -> str:
    """``customer_fingerprint`` of a screened query."""
    return customer_fingerprint(query.name, query.schema_, query.birth_date, query.country)


def listing_fingerprint(entity: Entity) -> str:
    """The fingerprint of a listing: its names, weak names, birth dates, countries and
    programmes as listed, and its schema. Remarks, sources and identifiers are left out:
    a new remark does not change whom the entry designates."""
    return _digest(
        [
            LISTING_RECIPE,
            entity.id,
            entity.schema_,
            canonical_values(entity.names),
            canonical_values(entity.weak_names),
            canonical_values(entity.birth_dates),
            canonical_values(entity.countries),
            canonical_values(entity.programs),
        ]
    )
