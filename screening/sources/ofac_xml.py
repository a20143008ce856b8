"""OFAC's classic XML: ``SDN.XML`` and the consolidated ``CONS_PRIM.XML`` (root ``sdnList``).

Structure: ``publshInformation/Publish_Date`` (``MM/DD/YYYY``, OFAC's own spelling of
"publish") is the publication date. Each ``sdnEntry`` has ``uid`` (the same number as
ent_num in the CSV files, so ids match: ``ofac-<uid>``), ``firstName``/``lastName``,
``sdnType`` (Individual, Entity, Vessel, Aircraft), ``programList/program``,
``akaList/aka`` with ``type`` (a.k.a., f.k.a., n.k.a.) and ``category`` (``strong`` or
``weak``), ``idList/id`` (``idType``, ``idNumber``, ``idCountry``), ``addressList``,
``nationalityList``, ``citizenshipList``, ``dateOfBirthList``, ``placeOfBirthList``,
``vesselInfo`` and ``remarks``. Unlike the CSV, everything is structured: no remarks
parsing is needed, and weak aliases are marked as such.

Whether the file is the SDN or the consolidated list is not written inside it: a file
named ``cons_*`` or ``consolidated*`` gets the ``ofac_cons`` prefix, anything else ``ofac``.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree.ElementTree import Element

from screening.errors import ListLoadError
from screening.model import Entity, Identifier, Schema
from screening.sources.base import LoadedList, make_loaded_list
from screening.sources.common import RecordError, dedupe, parse_dates, person_name
from screening.sources.countries import country_code
from screening.sources.xmlstream import XmlRecords, child, children, local, text

ROOT = "sdnList"

SCHEMAS: dict[str, Schema] = {
    "individual": "Person",
    "entity": "Organization",
    "vessel": "Vessel",
    "aircraft": "Aircraft",
}

ID_TYPES: dict[str, str] = {
    "passport": "passport",
    "national id no.": "national_id",
    "tax id no.": "tax_id",
    "swift/bic": "bic",
    "vessel registration identification": "imo",
    "imo number": "imo",
    "mmsi": "mmsi",
    "legal entity number": "lei",
    "registration id": "registration",
    "registration number": "registration",
}


def source_of(path: Path) -> str:
    """``ofac_cons`` for the consolidated list's file, ``ofac`` for the SDN list's."""
    name = path.name.lower()
    return "ofac_cons" if name.startswith(("cons_", "consolidated")) else "ofac"


def read_ofac_xml(path: Path) -> LoadedList:
    """Read ``SDN.XML`` / ``CONS_PRIM.XML``; ``Publish_Date`` becomes the snapshot date."""
    source = source_of(path)
    records = XmlRecords(path, {"sdnEntry", "publshInformation"})
    entities: list[Entity] = []
    published: str | None = None
    stated_count = ""
    try:
        for record in records:
            if local(record.tag) == "publshInformation":
                published = _us_date(text(record, "Publish_Date"))
                stated_count = text(record, "Record_Count")
            else:
                entities.append(parse_entry(record, source))
    except RecordError as exc:
        raise ListLoadError(f"{path}: {exc}") from None
    records.require_root(ROOT, "an OFAC sdnList")
    if published is None:
        raise ListLoadError(f"{path}: OFAC sdnList without its Publish_Date")
    missing = count_findings(stated_count, len(entities))
    return make_loaded_list(
        path, source, entities, published, files=[records.file], missing=missing
    )


def count_findings(stated: str, found: int) -> list[str]:
    """OFAC states the number of entries in ``Record_Count``: a file holding another
    number was cut or edited."""
    if not stated:
        return ["no Record_Count in publshInformation"]
    if not stated.isdigit() or int(stated) != found:
        return [f"Record_Count states {stated} entries, the file holds {found}"]
    return []


_US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def _us_date(value: str) -> str | None:
    """``05/03/2024`` (month first, as OFAC writes it) -> ``2024-05-03``."""
    match = _US_DATE.match(value)
    if not match:
        return None
    month, day, year = match.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}"


def _listed(element: Element, list_name: str, item_name: str) -> list[Element]:
    holder = child(element, list_name)
    return children(holder, item_name) if holder is not None else []


def entry_name(element: Element, is_person: bool) -> str:
    """``firstName lastName`` for people (lastName is the surname), ``lastName`` otherwise."""
    if is_person:
        return person_name(text(element, "lastName"), text(element, "firstName"))
    return " ".join(p for p in (text(element, "firstName"), text(element, "lastName")) if p)


def parse_entry(entry: Element, source: str) -> Entity:
    """One ``sdnEntry`` to an Entity."""
    uid = text(entry, "uid")
    if not uid.isdigit():
        raise RecordError(f"sdnEntry with uid {uid!r}")
    sdn_type = text(entry, "sdnType").lower()
    if sdn_type not in SCHEMAS:
        raise RecordError(f"sdnEntry {uid}: unknown sdnType {text(entry, 'sdnType')!r}")
    is_person = sdn_type == "individual"
    strong: list[str] = []
    weak: list[str] = []
    for aka in _listed(entry, "akaList", "aka"):
        bucket = weak if text(aka, "category").lower() == "weak" else strong
        bucket.append(entry_name(aka, is_person))
    names = dedupe([entry_name(entry, is_person), *strong])
    if not names:
        raise RecordError(f"sdnEntry {uid} has no name")
    identifiers = [identifier(item) for item in _listed(entry, "idList", "id")]
    vessel = child(entry, "vesselInfo")
    if vessel is not None and text(vessel, "callSign"):
        identifiers.append(Identifier(type="call_sign", value=text(vessel, "callSign")))
    countries = [
        *(text(n, "country") for n in _listed(entry, "nationalityList", "nationality")),
        *(text(c, "country") for c in _listed(entry, "citizenshipList", "citizenship")),
        text(vessel, "vesselFlag") if vessel is not None else "",
        *(text(a, "country") for a in _listed(entry, "addressList", "address")),
    ]
    births = _listed(entry, "dateOfBirthList", "dateOfBirthItem")
    places = _listed(entry, "placeOfBirthList", "placeOfBirthItem")
    return Entity(
        id=f"{source}-{uid}",
        schema=SCHEMAS[sdn_type],
        names=names,
        weak_names=[name for name in dedupe(weak) if name not in names],
        birth_dates=dedupe(d for b in births for d in parse_dates(text(b, "dateOfBirth"))),
        birth_places=dedupe(text(p, "placeOfBirth") for p in places),
        countries=dedupe(country_code(name) for name in countries),
        programs=dedupe(text(p) for p in _listed(entry, "programList", "program")),
        identifiers=list(dict.fromkeys(i for i in identifiers if i is not None)),
        remarks=text(entry, "remarks") or None,
        source=source,
    )


def identifier(element: Element) -> Identifier | None:
    """An ``id`` item: known types get our short names, others a slug of OFAC's label."""
    number = text(element, "idNumber")
    if not number:
        return None
    label = text(element, "idType")
    kind = ID_TYPES.get(label.lower())
    if kind is None and label.startswith("Digital Currency Address - "):
        kind = "crypto_" + label.rsplit(" ", 1)[-1].lower()
    if kind == "imo":
        number = number.removeprefix("IMO").strip()
    return Identifier(
        type=kind or re.sub(r"\W+", "_", label.lower()).strip("_") or "id",
        value=number,
        country=country_code(text(element, "idCountry")),
    )
