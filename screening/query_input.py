"""The door of the engine: what a caller gives, checked and read into a ``Query``.

The name must be text the engine can screen (a string, within the length limit, valid
Unicode, not empty once invisible characters go); otherwise ``InputError``. The schema
is accepted in any case. A birth date is read in the forms ``screening.dates`` knows
and a country as a code or a name (``screening.sources.countries``); a value that
cannot be read is left out of the query with a warning, so it counts as unknown
evidence and never as a mismatch that could clear a hit.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any, Final, NamedTuple, get_args

from screening.dates import parse_birth_date
from screening.encoding import misread_utf8
from screening.errors import InputError
from screening.identifiers import KNOWN_TYPES, normalise
from screening.model import SCHEMAS, Identifier, Query, Schema
from screening.sources.countries import parse_country
from screening.text import clean

QueryLike = str | Query | Mapping[str, Any]
IdentifierLike = Identifier | Mapping[str, Any] | tuple[str, str] | tuple[str, str, str | None]

_SURROGATE: Final = re.compile(r"[\ud800-\udfff]")  # escaped: mypyc takes no surrogate literal
_SCHEMA_SPELLINGS: Final[dict[str, Schema]] = {
    schema.casefold(): schema for schema in get_args(Schema)
}
DATE_FORMS: Final = (
    "YYYY-MM-DD, YYYY-MM, YYYY, DD.MM.YYYY, DD/MM/YYYY, 7 October 1952, 7 октября 1952"
)


class PreparedQuery(NamedTuple):
    """A checked query and the warnings about the values it had to leave out."""

    query: Query
    warnings: list[str]


def prepare_query(item: QueryLike, max_chars: int) -> PreparedQuery:
    """Check and read one query; ``InputError`` when it cannot be screened at all."""
    if isinstance(item, Query):
        data: dict[str, Any] = item.model_dump(by_alias=True)
    elif isinstance(item, str):
        data = {"name": item}
    elif isinstance(item, Mapping):
        data = dict(item)
    else:
        raise InputError(f"cannot screen a {type(item).__name__}; give a name string")
    identifiers = read_identifiers(data.get("identifiers"), max_chars)
    name = data.get("name")
    if name is None and identifiers:
        name = ""  # an identifier-only query
    if not isinstance(name, str):
        raise InputError("the name to screen must be a string")
    if len(name) > max_chars:
        raise InputError(f"name is {len(name)} characters long; the limit is {max_chars}")
    for field in ("name", "schema", "birth_date", "country"):
        check_unicode(field, data.get(field))
    if not clean(name) and not identifiers:
        raise InputError("the name is empty once invisible and control characters go")
    warnings: list[str] = identifier_warnings(identifiers)
    misread = misread_utf8(name)
    if misread is not None:
        encoding, original = misread
        warnings.append(
            f"the name looks like UTF-8 text misread as {encoding} (mojibake): it was "
            f"probably {original!r}; screen the text as it was written"
        )
    birth_date = _optional_text(data.get("birth_date"), "birth date")
    if birth_date is not None:
        read = parse_birth_date(birth_date)
        if read is None:
            warnings.append(
                f"birth date {birth_date!r} not understood (accepted: {DATE_FORMS}); "
                "ignored as unknown evidence"
            )
        birth_date = read
    country = _optional_text(data.get("country"), "country")
    if country is not None:
        code = parse_country(country)
        if code is None:
            warnings.append(
                f"country {country!r} not understood (give an ISO 3166 code or a country "
                "name); ignored as unknown evidence"
            )
        country = code
    query = Query(
        name=name,
        schema=parse_schema(data.get("schema")),
        birth_date=birth_date,
        country=country,
        identifiers=identifiers,
    )
    return PreparedQuery(query, warnings)


def read_identifiers(given: object, max_chars: int) -> list[Identifier]:
    """Identifiers given as models, dicts or ``(type, value[, country])`` tuples."""
    if not given:
        return []
    if not isinstance(given, list | tuple):
        raise InputError("identifiers must be a list of (type, value) pairs")
    identifiers: list[Identifier] = []
    for item in given:
        if isinstance(item, tuple) and len(item) in (2, 3):
            country = item[2] if len(item) > 2 else None
            item = {"type": item[0], "value": item[1], "country": country}
        if isinstance(item, Mapping):
            for field in ("type", "value", "country"):
                check_unicode(f"identifier {field}", item.get(field))
            try:
                item = Identifier.model_validate(dict(item))
            except ValueError as exc:
                raise InputError(f"invalid identifier: {exc}") from None
        if not isinstance(item, Identifier):
            raise InputError(f"an identifier is a (type, value) pair, got {item!r}")
        if len(item.value) > max_chars:
            raise InputError(
                f"an identifier is {len(item.value)} characters long; the limit is {max_chars}"
            )
        identifiers.append(item)
    return identifiers


def identifier_warnings(identifiers: list[Identifier]) -> list[str]:
    """A warning per identifier that is not used: it fails its type's check, or its type
    is unknown (then compared as written, as evidence only)."""
    warnings: list[str] = []
    for identifier in identifiers:
        normal = normalise(identifier)
        if not normal.valid:
            warnings.append(
                f"identifier {identifier.type} {identifier.value!r} {normal.problem}: not matched"
            )
        elif not normal.rule.known:
            warnings.append(
                f"identifier type {identifier.type!r} is unknown: compared as written, "
                f"as evidence only (known types: {', '.join(KNOWN_TYPES)})"
            )
    return warnings


def parse_schema(value: object) -> Schema | None:
    """The model's spelling of a schema given in any case; ``InputError`` naming the
    accepted ones for anything else. Empty means no schema."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        found = _SCHEMA_SPELLINGS.get(value.strip().casefold())
        if found is not None:
            return found
    raise InputError(f"unknown schema {value!r}; choose one of {', '.join(SCHEMAS)}")


def check_unicode(field: str, value: object) -> None:
    """Refuse lone surrogates (undecodable bytes of a command line, broken UTF-16): they
    are not text, and no result holding them could be written out."""
    if not isinstance(value, str) or value.isascii():
        return
    found = _SURROGATE.search(value)
    if found is not None:
        raise InputError(
            f"the {field.replace('_', ' ')} is not valid text: character {found.start() + 1} "
            f"is a lone surrogate (U+{ord(found.group()):04X}; bytes that are not UTF-8?)"
        )


def _optional_text(value: object, what: str) -> str | None:
    """Evidence as text: a string, or a ``date`` / ``int`` year for a birth date."""
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()[:10]
    if isinstance(value, int) and not isinstance(value, bool) and what == "birth date":
        return str(value)
    if not isinstance(value, str):
        raise InputError(f"the {what} must be a string, got {type(value).__name__}")
    return value.strip() or None
