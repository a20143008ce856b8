"""The EU Financial Sanctions Files (FSF) consolidated list, XML edition (root ``export``).

Structure (schema ``http://eu.europa.ec/fpi/fsd/export``, file ``xmlFullSanctionsList_1_1``):
``<export generationDate="...">`` holds ``sanctionEntity`` elements whose data sit in
attributes. ``logicalId`` is our id (``eu-<logicalId>``); ``subjectType/@code`` is
``person`` or ``enterprise``; ``regulation/@programme`` the regime; each ``nameAlias`` has
``wholeName`` (or ``firstName``/``middleName``/``lastName``), ``nameLanguage`` (names in
Russian, Ukrainian, Belarusian... are kept in their script) and ``strong`` (``false`` marks
a weak alias); ``birthdate`` has ``birthdate`` (YYYY-MM-DD) or ``year``, plus ``city`` and
``countryDescription``; ``citizenship`` and ``address`` carry ``countryIso2Code``;
``identification`` has ``identificationTypeCode``, ``number`` and ``countryIso2Code``.
The first ``nameAlias`` is taken as the primary name: the EU does not mark one.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element

from screening.errors import ListLoadError
from screening.model import Entity, Identifier, Schema
from screening.sources.base import LoadedList, make_loaded_list
from screening.sources.common import RecordError, dedupe, iso_date, parse_dates
from screening.sources.countries import country_code
from screening.sources.xmlstream import XmlRecords, child, children, text

SOURCE = "eu"
ROOT = "export"

SCHEMAS: dict[str, Schema] = {
    "person": "Person",
    "enterprise": "Organization",
}

ID_TYPES: dict[str, str] = {
    "passport": "passport",
    "id": "national_id",
    "fiscalcode": "tax_id",
    "regnumber": "registration",
    "imo": "imo",
    "swiftbic": "bic",
}


def read_eu_xml(path: Path) -> LoadedList:
    """Read the whole list; the ``generationDate`` attribute is its publication date."""
    records = XmlRecords(path, {"sanctionEntity"})
    try:
        entities = [parse_sanction_entity(record) for record in records]
    except RecordError as exc:
        raise ListLoadError(f"{path}: {exc}") from None
    records.require_root(ROOT, "an EU FSF export")
    generated = records.root_attribute("generationDate")
    if not generated:
        raise ListLoadError(f"{path}: EU list without its generationDate attribute")
    return make_loaded_list(path, SOURCE, entities, generated[:10], files=[records.file])


def iso2(element: Element) -> str | None:
    """The lower-case ISO-2 code of an element's country ("00" means unknown)."""
    code = (element.get("countryIso2Code") or "").strip().lower()
    if len(code) == 2 and code.isalpha():
        return code
    return country_code(element.get("countryDescription"))


def alias_name(alias: Element) -> str:
    """``wholeName``, or the name parts when the whole name is missing."""
    whole = " ".join((alias.get("wholeName") or "").split())
    if whole:
        return whole
    parts = (alias.get(key) or "" for key in ("firstName", "middleName", "lastName"))
    return " ".join(part.strip() for part in parts if part.strip())


def birth_dates(element: Element) -> list[str]:
    """A ``birthdate`` element's full date, else its year/month/day attributes."""
    full = element.get("birthdate") or ""
    if full:
        return parse_dates(full)
    year = element.get("year") or ""
    if year.isdigit():
        return [iso_date(year, element.get("monthOfYear"), element.get("dayOfMonth"))]
    return []


def parse_sanction_entity(record: Element) -> Entity:
    """One ``sanctionEntity`` to an Entity."""
    logical_id = (record.get("logicalId") or "").strip()
    if not logical_id:
        raise RecordError("sanctionEntity without logicalId")
    subject = child(record, "subjectType")
    code = (subject.get("code") or "").lower() if subject is not None else ""
    strong: list[str] = []
    weak: list[str] = []
    for alias in children(record, "nameAlias"):
        (weak if (alias.get("strong") or "").lower() == "false" else strong).append(
            alias_name(alias)
        )
    names = dedupe(strong) or dedupe(weak)
    if not names:
        raise RecordError(f"sanctionEntity {logical_id} has no name")
    births = children(record, "birthdate")
    places = [
        ", ".join(p for p in (b.get("city") or b.get("place"), b.get("countryDescription")) if p)
        for b in births
    ]
    identifiers = [
        Identifier(
            type=ID_TYPES.get(kind.lower(), kind.lower() or "id"),
            value=number,
            country=iso2(item),
        )
        for item in children(record, "identification")
        if (number := (item.get("number") or "").strip())
        for kind in [item.get("identificationTypeCode") or ""]
    ]
    un_id = (record.get("unitedNationId") or "").strip()
    if un_id:
        identifiers.append(Identifier(type="un_reference", value=un_id))
    return Entity(
        id=f"{SOURCE}-{logical_id}",
        schema=SCHEMAS.get(code, "LegalEntity"),
        names=names,
        weak_names=[name for name in dedupe(weak) if name not in names],
        birth_dates=dedupe(date for b in births for date in birth_dates(b)),
        birth_places=dedupe(places),
        countries=dedupe(
            iso2(item) for tag in ("citizenship", "address") for item in children(record, tag)
        ),
        programs=dedupe(r.get("programme") for r in children(record, "regulation")),
        identifiers=list(dict.fromkeys(identifiers)),
        remarks=text(record, "remark") or None,
        source=SOURCE,
    )
