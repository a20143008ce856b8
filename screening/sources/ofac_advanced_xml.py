"""OFAC's advanced XML: ``sdn_advanced.xml`` / ``cons_advanced.xml`` (root ``Sanctions``).

This format normalises everything into reference tables, so reading it is a join:

- ``DateOfIssue`` (Year/Month/Day): the publication date.
- ``ReferenceValueSets``: id -> label tables (alias types, countries with ISO-2 codes,
  feature types such as "Birthdate" or "Nationality Country", document types, name part
  types, party types and sub-types, sanctions programmes).
- ``Locations``: places referred to by features (an address, a country of nationality).
- ``IDRegDocuments``: identity documents, each pointing at an ``Identity``.
- ``DistinctParties/DistinctParty`` (``FixedRef`` = ent_num, our id ``ofac-<FixedRef>``):
  a ``Profile`` with ``PartySubTypeID``, an ``Identity`` of ``Alias`` elements (``Primary``,
  ``LowQuality`` = weak alias) each holding one ``DocumentedName`` per script, made of
  ``DocumentedNamePart/NamePartValue`` whose ``NamePartGroupID`` says which part (last,
  first, middle name...) it is; and ``Feature`` elements (dates, places, countries).
- ``SanctionsEntries/SanctionsEntry`` (``ProfileID``): the programmes, in
  ``SanctionsMeasure/Comment``.

The sections come in this order, so the file is streamed once: tables are kept, parties
are collected, and entities are built at the end when the programmes are known.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element

from screening.errors import ListLoadError
from screening.model import Entity, Identifier, Schema
from screening.sources.base import LoadedList, make_loaded_list
from screening.sources.common import (
    MAX_YEAR_RANGE,
    RecordError,
    dedupe,
    iso_date,
    person_name,
)
from screening.sources.countries import country_code
from screening.sources.xmlstream import XmlRecords, child, children, descendants, local, text

ROOT = "Sanctions"
RECORDS = {
    "DateOfIssue",
    "ReferenceValueSets",
    "Location",
    "IDRegDocument",
    "DistinctParty",
    "SanctionsEntry",
}

SURNAME_PARTS = frozenset({"last name", "patronymic", "matronymic"})
GIVEN_ORDER = ("first name", "middle name", "maiden name", "nickname")

DOCUMENT_TYPES: dict[str, str] = {
    "passport": "passport",
    "diplomatic passport": "passport",
    "national id no.": "national_id",
    "tax id no.": "tax_id",
    "swift/bic": "bic",
    "vessel registration identification": "imo",
    "mmsi": "mmsi",
    "legal entity number": "lei",
    "registration id": "registration",
    "registration number": "registration",
}


@dataclass
class Tables:
    """The reference value sets: id -> label (countries: id -> ISO-2 code)."""

    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    country_iso2: dict[str, str] = field(default_factory=dict)
    party_type_of_subtype: dict[str, str] = field(default_factory=dict)

    def label(self, table: str, value_id: str | None) -> str:
        return self.labels.get(table, {}).get(value_id or "", "")


@dataclass
class Party:
    """What a DistinctParty says before the programmes are known."""

    fixed_ref: str
    profile_id: str
    schema: Schema
    names: list[str]
    weak_names: list[str]
    birth_dates: list[str]
    birth_places: list[str]
    countries: list[str]
    identity_ids: list[str]


def source_of(path: Path) -> str:
    """``ofac_cons`` for ``cons_advanced.xml``, ``ofac`` for ``sdn_advanced.xml``."""
    return "ofac_cons" if path.name.lower().startswith("cons") else "ofac"


def read_ofac_advanced_xml(path: Path) -> LoadedList:
    """Stream the file once, joining parties with documents, locations and programmes."""
    source = source_of(path)
    records = XmlRecords(path, RECORDS)
    tables = Tables()
    locations: dict[str, str | None] = {}
    documents: dict[str, list[Identifier]] = defaultdict(list)
    parties: list[Party] = []
    programs: dict[str, list[str]] = defaultdict(list)
    published: str | None = None
    try:
        for record in records:
            kind = local(record.tag)
            if kind == "DateOfIssue":
                published = iso_date(
                    text(record, "Year"), text(record, "Month"), text(record, "Day")
                )
            elif kind == "ReferenceValueSets":
                tables = read_tables(record)
            elif kind == "Location":
                locations[record.get("ID") or ""] = location_country(record, tables)
            elif kind == "IDRegDocument":
                identity, identifier = read_document(record, tables)
                if identifier is not None:
                    documents[identity].append(identifier)
            elif kind == "DistinctParty":
                parties.append(read_party(record, tables, locations))
            else:
                programs[record.get("ProfileID") or ""] += [
                    text(comment) for comment in descendants(record, "Comment")
                ]
    except RecordError as exc:
        raise ListLoadError(f"{path}: {exc}") from None
    records.require_root(ROOT, "OFAC advanced XML")
    entities = [
        Entity(
            id=f"{source}-{party.fixed_ref}",
            schema=party.schema,
            names=party.names,
            weak_names=party.weak_names,
            birth_dates=party.birth_dates,
            birth_places=party.birth_places,
            countries=party.countries,
            programs=dedupe(programs.get(party.profile_id, [])),
            identifiers=list(
                dict.fromkeys(i for ident in party.identity_ids for i in documents.get(ident, []))
            ),
            source=source,
        )
        for party in parties
    ]
    if published is None:
        raise ListLoadError(f"{path}: OFAC advanced XML without its DateOfIssue")
    return make_loaded_list(path, source, entities, published, files=[records.file])


def read_tables(element: Element) -> Tables:
    """Every ``<XValues><X ID="..">label</X></XValues>`` table, keyed by X."""
    tables = Tables()
    for value_set in element:
        for value in value_set:
            name = local(value.tag)
            value_id = value.get("ID") or ""
            tables.labels.setdefault(name, {})[value_id] = text(value)
            if name == "Country" and value.get("ISO2"):
                tables.country_iso2[value_id] = (value.get("ISO2") or "").lower()
            if name == "PartySubType":
                tables.party_type_of_subtype[value_id] = value.get("PartyTypeID") or ""
    return tables


def country_of(country_id: str | None, tables: Tables) -> str | None:
    if not country_id:
        return None
    return tables.country_iso2.get(country_id) or country_code(tables.label("Country", country_id))


def location_country(location: Element, tables: Tables) -> str | None:
    """The ISO-2 country of a Location, if it names one."""
    country = child(location, "LocationCountry")
    return country_of(country.get("CountryID") if country is not None else None, tables)


def read_document(document: Element, tables: Tables) -> tuple[str, Identifier | None]:
    """An identity document and the Identity it belongs to."""
    number = text(document, "IDRegistrationNo")
    label = tables.label("IDRegDocType", document.get("IDRegDocTypeID")).lower()
    identity = document.get("IdentityID") or ""
    if not number:
        return identity, None
    kind = DOCUMENT_TYPES.get(label)
    if kind is None and label.startswith("digital currency address - "):
        kind = "crypto_" + label.rsplit(" ", 1)[-1]
    identifier = Identifier(
        type=kind or "_".join(label.replace(".", "").split()) or "id",
        value=number,
        country=country_of(document.get("IssuedBy-CountryID"), tables),
    )
    return identity, identifier


def schema_of(profile: Element, tables: Tables) -> Schema:
    subtype_id = profile.get("PartySubTypeID")
    subtype = tables.label("PartySubType", subtype_id).lower()
    if subtype in ("vessel", "aircraft"):
        return "Vessel" if subtype == "vessel" else "Aircraft"
    party_type = tables.label("PartyType", tables.party_type_of_subtype.get(subtype_id or ""))
    return "Person" if party_type.lower() == "individual" else "Organization"


def documented_name(name: Element, part_types: dict[str, str], is_person: bool) -> str:
    """A DocumentedName's parts joined: ``Given Middle SURNAME`` for people."""
    parts: list[tuple[str, str]] = []
    for value in descendants(name, "NamePartValue"):
        part_type = part_types.get(value.get("NamePartGroupID") or "", "").lower()
        parts.append((part_type, text(value)))
    if not is_person:
        return " ".join(value for _, value in parts if value)
    surname = " ".join(value for kind, value in parts if kind in SURNAME_PARTS)
    given = [value for kind in GIVEN_ORDER for k, value in parts if k == kind]
    others = [v for k, v in parts if k not in SURNAME_PARTS and k not in GIVEN_ORDER]
    return person_name(surname, " ".join([*given, *others]))


def read_party(party: Element, tables: Tables, locations: dict[str, str | None]) -> Party:
    """A DistinctParty's names and features (programmes are joined later)."""
    fixed_ref = party.get("FixedRef") or ""
    profile = child(party, "Profile")
    if not fixed_ref.isdigit() or profile is None:
        raise RecordError(f"DistinctParty with FixedRef {fixed_ref!r} and no usable Profile")
    schema = schema_of(profile, tables)
    is_person = schema == "Person"
    strong: list[str] = []
    weak: list[str] = []
    identity_ids: list[str] = []
    for identity in children(profile, "Identity"):
        identity_ids.append(identity.get("ID") or "")
        part_types = {
            group.get("ID") or "": tables.label("NamePartType", group.get("NamePartTypeID"))
            for group in descendants(identity, "NamePartGroup")
        }
        aliases = sorted(children(identity, "Alias"), key=lambda a: a.get("Primary") != "true")
        for alias in aliases:
            bucket = weak if alias.get("LowQuality") == "true" else strong
            for name in children(alias, "DocumentedName"):
                bucket.append(documented_name(name, part_types, is_person))
    names = dedupe(strong) or dedupe(weak)
    if not names:
        raise RecordError(f"DistinctParty {fixed_ref} has no name")
    dates: list[str] = []
    places: list[str] = []
    countries: list[str | None] = []
    for feature in children(profile, "Feature"):
        feature_type = tables.label("FeatureType", feature.get("FeatureTypeID")).lower()
        for version in children(feature, "FeatureVersion"):
            located = [
                locations.get(v.get("LocationID") or "")
                for v in children(version, "VersionLocation")
            ]
            detail = text(version, "VersionDetail")
            if feature_type == "birthdate":
                dates += [d for p in descendants(version, "DatePeriod") for d in period_dates(p)]
            elif feature_type == "place of birth":
                places.append(detail)
            elif "country" in feature_type or feature_type in ("location", "vessel flag"):
                countries += located or [country_code(detail)]
    return Party(
        fixed_ref=fixed_ref,
        profile_id=profile.get("ID") or "",
        schema=schema,
        names=names,
        weak_names=[name for name in dedupe(weak) if name not in names],
        birth_dates=dedupe(dates),
        birth_places=dedupe(places),
        countries=dedupe(countries),
        identity_ids=identity_ids,
    )


def _point(period: Element, edge: str, bound: str) -> tuple[int, int, int] | None:
    holder = child(period, edge)
    point = child(holder, bound) if holder is not None else None
    if point is None or not text(point, "Year").isdigit():
        return None
    month, day = text(point, "Month"), text(point, "Day")
    return int(text(point, "Year")), int(month or 0), int(day or 0)


def period_dates(period: Element) -> list[str]:
    """A DatePeriod as ISO dates: one day, one month, or the years it spans.

    OFAC writes "DOB 1954" as the period 1954-01-01 .. 1954-12-31 and "Oct 1954" as
    1954-10-01 .. 1954-10-31, so the period's two ends say how precise the date is.
    """
    start = _point(period, "Start", "From")
    end = _point(period, "End", "To") or start
    if start is None or end is None:
        return []
    if start == end:
        return [iso_date(*start)]
    if start[:2] == end[:2]:
        return [iso_date(start[0], start[1])]
    if 0 <= end[0] - start[0] <= MAX_YEAR_RANGE:
        return [str(year) for year in range(start[0], end[0] + 1)]
    return [str(start[0]), str(end[0])]
