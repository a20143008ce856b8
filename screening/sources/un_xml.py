"""The UN Security Council Consolidated List, XML edition (``CONSOLIDATED_LIST``).

Structure: ``<CONSOLIDATED_LIST dateGenerated="...">`` holds ``INDIVIDUALS/INDIVIDUAL`` and
``ENTITIES/ENTITY``. A record has ``DATAID`` (our id: ``un-<DATAID>``), ``FIRST_NAME`` ..
``FOURTH_NAME`` (the name in the UN's order, which does not mark the surname),
``NAME_ORIGINAL_SCRIPT`` (Arabic, Cyrillic...: kept as a name), ``UN_LIST_TYPE`` (the
sanctions regime), ``*_ALIAS`` with ``QUALITY`` (``Good``, ``a.k.a.``, ``f.k.a.`` are
strong; ``Low`` is weak) and ``ALIAS_NAME``, ``NATIONALITY/VALUE``, ``*_ADDRESS/COUNTRY``,
``INDIVIDUAL_DATE_OF_BIRTH`` (``DATE``, ``YEAR``, ``FROM_YEAR``/``TO_YEAR`` or a ``NOTE``),
``INDIVIDUAL_PLACE_OF_BIRTH`` and ``INDIVIDUAL_DOCUMENT``.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree.ElementTree import Element

from screening.errors import ListLoadError
from screening.model import Entity, Identifier
from screening.sources.base import LoadedList, make_loaded_list
from screening.sources.common import MAX_YEAR_RANGE, RecordError, dedupe, parse_dates
from screening.sources.countries import country_code
from screening.sources.xmlstream import XmlRecords, children, text

SOURCE = "un"
ROOT = "CONSOLIDATED_LIST"
NAME_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
WEAK_QUALITY = "low"

_ORIGINAL_SCRIPT_NOTE = re.compile(r"original script:\s*(.+)", re.IGNORECASE)
# "Abubakar (original script: Абубакар)": two spellings of one alias in one field.
_WITH_ORIGINAL = re.compile(r"^(.*?)\s*\(original script:\s*(.+?)\)$", re.IGNORECASE)

DOCUMENT_TYPES: dict[str, str] = {
    "passport": "passport",
    "national identification number": "national_id",
    "identification number": "national_id",
}


def read_un_xml(path: Path) -> LoadedList:
    """Read the whole list; the ``dateGenerated`` attribute is its publication date."""
    records = XmlRecords(path, {"INDIVIDUAL", "ENTITY"})
    try:
        entities = [parse_record(record) for record in records]
    except RecordError as exc:
        raise ListLoadError(f"{path}: {exc}") from None
    records.require_root(ROOT, "a UN consolidated list")
    published = records.root_attribute("dateGenerated")
    if not published:
        raise ListLoadError(f"{path}: UN list without its dateGenerated attribute")
    return make_loaded_list(path, SOURCE, entities, published[:10], files=[records.file])


def parse_record(record: Element) -> Entity:
    """One ``INDIVIDUAL`` or ``ENTITY`` element to an Entity."""
    is_person = record.tag.rsplit("}", 1)[-1] == "INDIVIDUAL"
    dataid = text(record, "DATAID")
    if not dataid:
        raise RecordError(f"UN record without DATAID: {text(record, 'FIRST_NAME')!r}")
    prefix = "INDIVIDUAL" if is_person else "ENTITY"
    primary = " ".join(part for part in (text(record, p) for p in NAME_PARTS) if part)
    strong: list[str] = []
    weak: list[str] = []
    for alias in children(record, f"{prefix}_ALIAS"):
        bucket = weak if text(alias, "QUALITY").lower() == WEAK_QUALITY else strong
        bucket.extend(alias_spellings(text(alias, "ALIAS_NAME")))
        note = _ORIGINAL_SCRIPT_NOTE.search(text(alias, "NOTE"))
        if note:
            bucket.append(note.group(1))
    names = dedupe([primary, text(record, "NAME_ORIGINAL_SCRIPT"), *strong])
    if not names:
        raise RecordError(f"UN record {dataid} has no name")
    countries = [
        *(country_code(text(v)) for n in children(record, "NATIONALITY") for v in n),
        *(country_code(text(a, "COUNTRY")) for a in children(record, f"{prefix}_ADDRESS")),
    ]
    reference = text(record, "REFERENCE_NUMBER")
    identifiers = [Identifier(type="un_reference", value=reference)] if reference else []
    identifiers += [doc for d in children(record, "INDIVIDUAL_DOCUMENT") if (doc := document(d))]
    return Entity(
        id=f"{SOURCE}-{dataid}",
        schema="Person" if is_person else "Organization",
        names=names,
        weak_names=[name for name in dedupe(weak) if name not in names],
        birth_dates=birth_dates(record),
        birth_places=dedupe(
            place(p) for p in children(record, "INDIVIDUAL_PLACE_OF_BIRTH") if place(p)
        ),
        countries=dedupe(countries),
        programs=dedupe([text(record, "UN_LIST_TYPE")]),
        identifiers=list(dict.fromkeys(identifiers)),
        remarks=text(record, "COMMENTS1") or None,
        source=SOURCE,
    )


def alias_spellings(name: str) -> list[str]:
    """``Abubakar (original script: Абубакар)`` -> both spellings; other names as they are."""
    match = _WITH_ORIGINAL.match(name)
    return [match.group(1), match.group(2)] if match else [name]


def birth_dates(record: Element) -> list[str]:
    """Exact dates, years, year ranges and dates written in notes, plus aliases' dates."""
    found: list[str] = []
    for item in children(record, "INDIVIDUAL_DATE_OF_BIRTH"):
        if text(item, "DATE"):
            found += parse_dates(text(item, "DATE"))
        elif text(item, "YEAR"):
            found.append(text(item, "YEAR"))
        elif text(item, "FROM_YEAR") and text(item, "TO_YEAR"):
            first, last = int(text(item, "FROM_YEAR")), int(text(item, "TO_YEAR"))
            if 0 <= last - first <= MAX_YEAR_RANGE:
                found += [str(year) for year in range(first, last + 1)]
        found += parse_dates(text(item, "NOTE"))
    for alias in children(record, "INDIVIDUAL_ALIAS"):
        found += parse_dates(text(alias, "DATE_OF_BIRTH"))
    return dedupe(found)


def place(element: Element) -> str:
    """``CITY, STATE_PROVINCE, COUNTRY`` of a place of birth, empty parts left out."""
    return ", ".join(
        part for part in (text(element, n) for n in ("CITY", "STATE_PROVINCE", "COUNTRY")) if part
    )


def document(element: Element) -> Identifier | None:
    """An identity document: passport and national ID numbers have a type of their own."""
    number = text(element, "NUMBER")
    if not number:
        return None
    kind = text(element, "TYPE_OF_DOCUMENT").lower()
    country = text(element, "ISSUING_COUNTRY") or text(element, "COUNTRY_OF_ISSUE")
    return Identifier(
        type=DOCUMENT_TYPES.get(kind, re.sub(r"\W+", "_", kind).strip("_") or "document"),
        value=number,
        country=country_code(country),
    )
