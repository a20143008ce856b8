"""The FCDO "UK Sanctions List", XML edition (root ``Designations``).

Layout: ``<Designations>`` starts with ``<DateGenerated>dd/mm/yyyy</DateGenerated>`` (the
publication date), then one ``<Designation>`` per designation:

- ``UniqueID`` (e.g. ``RUS1234``), ``OFSIGroupID``, ``RegimeName``,
  ``IndividualEntityShip`` (Individual / Entity / Ship), ``OtherInformation``,
  ``UKStatementofReasons``;
- ``Names/Name`` with ``Name1``-``Name6`` (``Name6`` the surname or the whole name),
  ``NameType`` (Primary Name, Primary name variation, Alias) and ``AliasStrength``
  ("Good quality a.k.a", "Low quality a.k.a");
- ``NonLatinNames/NonLatinName/NameNonLatinScript``;
- ``Addresses/Address/AddressCountry``;
- ``IndividualDetails/Individual`` with ``DOBs/DOB`` (``dd/mm/yyyy``, ``dd``/``mm`` for
  an unknown day or month), ``Nationalities/Nationality``, ``BirthDetails/Location``
  (``TownOfBirth``, ``CountryOfBirth``), ``PassportDetails/Passport/PassportNumber`` and
  ``NationalIdentifierDetails/NationalIdentifier/NationalIdentifierNumber``;
- ``ShipDetails/Ship`` with ``IMONumbers/IMONumber`` and
  ``CurrentBelievedFlagOfShips/CurrentBelievedFlagOfShip``.

Each designation becomes the name rows the CSV edition has (keyed by the CSV column
names: one row per name, the designation's details spread over its rows), and the rows
are grouped and mapped by ``uk_fcdo.group_designations``: ids ``uk-<OFSI Group ID>`` (else
``uk-<Unique ID>``), names, weak names, dates and countries come out as from the CSV.
Element names are matched without regard to case (the list writes both
``UKStatementofReasons`` and ``UKStatementOfReasons``).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import zip_longest
from pathlib import Path
from xml.etree.ElementTree import Element

from screening.errors import ListLoadError
from screening.sources.base import LoadedList, make_loaded_list
from screening.sources.common import parse_dates
from screening.sources.uk_conlist import Row, too_few_targets
from screening.sources.uk_fcdo import REQUIRED_COLUMNS, SOURCE, group_designations
from screening.sources.xmlstream import XmlRecords, local

ROOT = "Designations"
RECORD = "Designation"

# Designation-level element (lower case) -> CSV column, repeated on every row.
SINGLE: dict[str, str] = {
    "uniqueid": "Unique ID",
    "ofsigroupid": "OFSI Group ID",
    "regimename": "Regime Name",
    "individualentityship": "Designation Type",
    "otherinformation": "Other Information",
    "ukstatementofreasons": "UK Statement of Reasons",
}

# Name element (lower case) -> CSV column, one row per ``Name``.
NAME_PARTS: dict[str, str] = {
    **{f"name{i}": f"Name {i}" for i in range(1, 7)},
    "nametype": "Name type",
    "aliasstrength": "Alias strength",
}

# Repeated detail elements anywhere in a designation (lower case) -> CSV column; the
# n-th value goes on the n-th row.
DETAILS: dict[str, str] = {
    "namenonlatinscript": "Name non-latin script",
    "dob": "D.O.B",
    "nationality": "Nationality(/ies)",
    "passportnumber": "Passport number",
    "nationalidentifiernumber": "National Identifier number",
    "addresscountry": "Address Country",
    "imonumber": "IMO number",
    "currentbelievedflagofship": "Current believed flag of ship",
}

BIRTH_PARTS: dict[str, str] = {
    "townofbirth": "Town of birth",
    "countryofbirth": "Country of birth",
}

COLUMNS: tuple[str, ...] = tuple(
    dict.fromkeys(
        [
            *REQUIRED_COLUMNS,
            *SINGLE.values(),
            *NAME_PARTS.values(),
            *DETAILS.values(),
            *BIRTH_PARTS.values(),
        ]
    )
)


def read_uk_fcdo_xml(path: Path) -> LoadedList:
    """Read the XML edition; every designation needs a UniqueID and a known type."""
    records = XmlRecords(path, {RECORD})
    rows = list(_rows(records, path))
    records.require_root(ROOT, "a UK Sanctions List XML")
    entities = group_designations(rows)
    published = _published(records.root)
    if published is None:
        raise ListLoadError(f"{path}: UK Sanctions List XML without its DateGenerated")
    return make_loaded_list(
        path,
        SOURCE,
        entities,
        published,
        files=[records.file],
        missing=too_few_targets(len(entities), "UK Sanctions List"),
    )


def _rows(records: XmlRecords, path: Path) -> Iterator[tuple[str, Row]]:
    for number, element in enumerate(records, 1):
        where = f"{path}: {RECORD} #{number}"
        for row in designation_rows(element):
            yield where, row


def _published(root: Element | None) -> str | None:
    if root is None:
        return None
    for item in root:
        if local(item.tag).lower() == "dategenerated":
            dates = parse_dates(_text(item))
            return dates[0] if dates else None
    return None


def _text(element: Element) -> str:
    return (element.text or "").strip()


def designation_rows(element: Element) -> list[Row]:
    """One ``Designation`` as the CSV edition's rows: one per name, details spread over them."""
    single: Row = {}
    for item in element:
        column = SINGLE.get(local(item.tag).lower())
        if column:
            single[column] = _text(item)
    names: list[Row] = []
    births: list[Row] = []
    details: dict[str, list[Row]] = {column: [] for column in DETAILS.values()}
    for item in element.iter():
        name = local(item.tag).lower()
        if name == "name" and len(item):
            names.append(_parts(item, NAME_PARTS))
        elif name == "location":
            births.append(_parts(item, BIRTH_PARTS))
        elif name in DETAILS and _text(item):
            details[DETAILS[name]].append({DETAILS[name]: _text(item)})
    rows: list[Row] = []
    for cells in zip_longest(names, births, *details.values()):
        row: Row = dict.fromkeys(COLUMNS, "")
        row.update(single)
        for cell in cells:
            row.update(cell or {})
        rows.append(row)
    return rows or [{**dict.fromkeys(COLUMNS, ""), **single}]


def _parts(element: Element, columns: dict[str, str]) -> Row:
    """The children of ``element`` that ``columns`` names, by column."""
    row: Row = {}
    for part in element:
        column = columns.get(local(part.tag).lower())
        if column:
            row[column] = _text(part)
    return row
