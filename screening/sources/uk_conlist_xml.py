"""The UK OFSI Consolidated List ("ConList"), XML edition (``ArrayOfFinancialSanctionsTarget``).

The XML holds the same table as the CSV and XLSX editions (see ``uk_conlist``): one
``FinancialSanctionsTarget`` element per *name*, its children the columns, and targets
sharing ``GroupID`` are one target. The published file (OFSI's "2022 format", namespace
``http://schemas.hmtreasury.gov.uk/ofsi/consolidatedlist``) names the children
``Name6``, ``name1``-``name5``, ``Title``, ``NameNonLatinScript``, ``GroupTypeDescription``,
``AliasType``, ``AliasQuality``, ``RegimeName``, ``Individual_DateOfBirth``,
``Individual_Nationality``, ``Country``, ``GroupID``, ``DateListed``, ``LastUpdated``...;
an empty value is an empty element or ``i:nil="true"``.

Each element becomes the row dict the CSV edition would give (keyed by the CSV column
names, values stripped, dates written ``dd/mm/yyyy``), and the rows are grouped and mapped by
``uk_conlist.group_rows``: both editions give the same entities. Element names are matched
without regard to case, and ``DateOfBirth``, ``Nationality``... are accepted without their
``Individual_`` prefix. Unknown elements are ignored, as unknown CSV columns are.

The XML has no "Last Updated" header row: the publication date is the latest
``LastUpdated`` of any row, which is what the CSV's header row says (checked on the
ConList of 14/04/2025).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element

from screening.sources.base import LoadedList, make_loaded_list
from screening.sources.common import parse_dates
from screening.sources.uk_conlist import (
    REQUIRED_COLUMNS,
    SOURCE,
    Row,
    group_rows,
    too_few_targets,
)
from screening.sources.xmlstream import XmlRecords, local

ROOT = "ArrayOfFinancialSanctionsTarget"
RECORD = "FinancialSanctionsTarget"

# Element (lower case) -> CSV column. Elements of the older layout without the
# ``Individual_`` prefix map to the same columns.
COLUMNS: dict[str, str] = {
    "name6": "Name 6",
    **{f"name{i}": f"Name {i}" for i in range(1, 6)},
    "title": "Title",
    "namenonlatinscript": "Name Non-Latin Script",
    "nonlatinscripttype": "Non-Latin Script Type",
    "nonlatinscriptlanguage": "Non-Latin Script Language",
    "individual_dateofbirth": "DOB",
    "dateofbirth": "DOB",
    "individual_townofbirth": "Town of Birth",
    "townofbirth": "Town of Birth",
    "individual_countryofbirth": "Country of Birth",
    "countryofbirth": "Country of Birth",
    "individual_nationality": "Nationality",
    "nationality": "Nationality",
    "individual_passportnumber": "Passport Number",
    "passportnumber": "Passport Number",
    "individual_passportdetails": "Passport Details",
    "passportdetails": "Passport Details",
    "individual_ninumber": "National Identification Number",
    "ninumber": "National Identification Number",
    "individual_nidetails": "National Identification Details",
    "nidetails": "National Identification Details",
    "individual_position": "Position",
    "position": "Position",
    **{f"address{i}": f"Address {i}" for i in range(1, 7)},
    "postcode": "Post/Zip Code",
    "country": "Country",
    "otherinformation": "Other Information",
    "grouptypedescription": "Group Type",
    "aliastype": "Alias Type",
    "aliasquality": "Alias Quality",
    "regimename": "Regime",
    "datelisted": "Listed On",
    "datedesignated": "UK Sanctions List Date Designated",
    "lastupdated": "Last Updated",
    "groupid": "Group ID",
}

# Date columns: the XML may write them as ISO date-times, the CSV writes dd/mm/yyyy.
DATE_COLUMNS: frozenset[str] = frozenset(
    {"DOB", "Listed On", "UK Sanctions List Date Designated", "Last Updated"}
)

# The XML keeps the statement of reasons apart; the CSV folds it into "Other Information".
STATEMENT = "ukstatementofreasons"

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?$")


def read_uk_conlist_xml(path: Path) -> LoadedList:
    """Read the XML edition; every target must have a Group ID and a known Group Type."""
    records = XmlRecords(path, {RECORD})
    rows = list(_rows(records, path))
    records.require_root(ROOT, "an OFSI ConList XML")
    entities = group_rows(rows)
    updated = [date for _, row in rows for date in parse_dates(row["Last Updated"])]
    published = max((d for d in updated if len(d) == 10), default=None)
    missing = too_few_targets(len(entities), "ConList")
    return make_loaded_list(
        path, SOURCE, entities, published, files=[records.file], missing=missing
    )


def _rows(records: XmlRecords, path: Path) -> Iterator[tuple[str, Row]]:
    for number, element in enumerate(records, 1):
        yield f"{path}: {RECORD} #{number}", target_row(element)


def target_row(element: Element) -> Row:
    """One ``FinancialSanctionsTarget`` as the CSV edition's row (all its columns)."""
    row: Row = dict.fromkeys(REQUIRED_COLUMNS, "")
    row.update(dict.fromkeys(COLUMNS.values(), ""))
    statement = ""
    for item in element:
        name = local(item.tag).lower()
        value = (item.text or "").strip()
        if name == STATEMENT:
            statement = value
        elif name in COLUMNS and value:
            column = COLUMNS[name]
            row[column] = csv_date(value) if column in DATE_COLUMNS else value
    if not row["Other Information"]:
        row["Other Information"] = statement
    return row


def csv_date(value: str) -> str:
    """An ISO date or date-time (``2022-12-09T00:00:00``) as the CSV writes it (09/12/2022)."""
    match = _ISO_DATE.match(value)
    if match is None:
        return value
    year, month, day = match.groups()
    return f"{day}/{month}/{year}"
