"""The UK OFSI Consolidated List of Financial Sanctions Targets ("ConList"), CSV and XLSX.

Both editions hold the same table. The first row is ``Last Updated,<dd/mm/yyyy>`` (the
publication date), the second the header, then one row per *name*: rows sharing a
``Group ID`` are one target, and a target's other details (DOB, nationality, address) are
repeated on each of its rows, sometimes with different values.

How the columns become an ``Entity``:

- ``Name 6`` is the surname (or the whole name of an entity or ship); ``Name 1``-``Name 5``
  are given names. People become ``Given SURNAME``.
- ``Alias Type`` "Primary name" gives the primary name; "Primary name variation", "AKA"
  and "FKA" give aliases. An alias with ``Alias Quality`` "Low quality" (short nicknames
  like "FUPI") is a weak name, as OFAC's weak a.k.a.'s are.
- ``Name Non-Latin Script`` (Cyrillic, Arabic, Chinese...) is kept as a name in its script.
- ``Group Type`` Individual / Entity / Ship gives Person / Organization / Vessel.
- ``Nationality`` and address ``Country`` give countries; ``DOB`` is ``dd/mm/yyyy`` with
  ``00`` for an unknown day or month.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from screening.errors import ListLoadError
from screening.model import Entity, Identifier, Schema
from screening.sources.base import LoadedList, make_loaded_list
from screening.sources.common import (
    ListFile,
    csv_records,
    dedupe,
    file_text,
    header_columns,
    parse_dates,
    person_name,
    read_list_file,
    rows_by_column,
)
from screening.sources.countries import country_code
from screening.sources.spreadsheet import iter_rows

SOURCE = "uk"

# No complete UK list of recent years held fewer targets: the ConList of April 2025 held
# 4,688, the UK Sanctions List of 2026 some 5,000 designations (see ``too_few_targets``).
MIN_UK_TARGETS = 1000

REQUIRED_COLUMNS: tuple[str, ...] = (
    "Name 6",
    "Name 1",
    "Name 2",
    "Name 3",
    "Name 4",
    "Name 5",
    "Name Non-Latin Script",
    "DOB",
    "Town of Birth",
    "Country of Birth",
    "Nationality",
    "Passport Number",
    "National Identification Number",
    "Country",
    "Other Information",
    "Group Type",
    "Alias Type",
    "Alias Quality",
    "Regime",
    "Group ID",
)

SCHEMAS: dict[str, Schema] = {
    "individual": "Person",
    "entity": "Organization",
    "ship": "Vessel",
}

# "(1) Russia (2) Ukraine": several values numbered inside one cell.
_NUMBERED = re.compile(r"\(\d+\)")

Row = dict[str, str]


def read_uk_csv(path: Path) -> LoadedList:
    """Read the CSV edition; every record must have the header's number of columns."""
    file = read_list_file(path)
    return _load(file, csv_records(file_text(file), path))


def read_uk_xlsx(path: Path) -> LoadedList:
    """Read the XLSX edition (first sheet, "Data" in OFSI's file) in read-only mode."""
    file = read_list_file(path)
    rows = (
        (number, [_cell_text(value) for value in row])
        for number, row in enumerate(iter_rows(file), 1)
    )
    return _load(file, rows)


def _cell_text(value: Any) -> str:
    """A spreadsheet cell as the CSV edition would write it (dates as dd/mm/yyyy)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _load(file: ListFile, records: Iterable[tuple[int, list[str]]]) -> LoadedList:
    entities, published = parse_conlist(records, file.path)
    missing = too_few_targets(len(entities), "ConList")
    return make_loaded_list(file.path, SOURCE, entities, published, files=[file], missing=missing)


def too_few_targets(count: int, what: str) -> list[str]:
    """The integrity finding for a UK list file with fewer targets than any complete one.

    Neither OFSI's ConList nor the FCDO's UK Sanctions List states a record count or
    ends with a marker, so a CSV cut at a row boundary looks complete; the number of
    targets is the only sign left. ``MIN_UK_TARGETS`` is far below any complete edition.
    """
    if count >= MIN_UK_TARGETS:
        return []
    return [
        f"{what} holds {count} targets, fewer than the {MIN_UK_TARGETS} any complete "
        "edition holds (cut short?)"
    ]


def parse_conlist(
    records: Iterable[tuple[int, list[str]]], path: Path
) -> tuple[list[Entity], str | None]:
    """Rows (with line numbers) of either edition to entities and the publication date."""
    iterator = iter(records)
    first = next(iterator, None)
    second = next(iterator, None)
    if first is None or second is None:
        raise ListLoadError(f"{path}: ConList without its 'Last Updated' row and header")
    if not first[1] or first[1][0].strip().lower() != "last updated":
        raise ListLoadError(f"{path}: first row is not 'Last Updated,<date>'")
    published = _published(first[1], path)
    header = header_columns(second[1], REQUIRED_COLUMNS, path, "ConList")
    rows = rows_by_column(iterator, header, path, trailing_empty=True)
    return group_rows(rows), published


def group_rows(rows: Iterable[tuple[str, Row]]) -> list[Entity]:
    """Name rows (each with where it was read, for messages) grouped by Group ID into targets.

    Shared by every edition: the XML edition builds the same row dicts, keyed by the CSV
    column names, so all of them map to entities the same way.
    """
    groups: dict[str, list[Row]] = defaultdict(list)
    for where, row in rows:
        group = row["Group ID"]
        if not group:
            raise ListLoadError(f"{where}: row without a Group ID")
        if row["Group Type"].lower() not in SCHEMAS:
            raise ListLoadError(f"{where}: unknown Group Type {row['Group Type']!r}")
        groups[group].append(row)
    return [build_entity(group, rows) for group, rows in groups.items()]


def _published(first_row: list[str], path: Path) -> str | None:
    dates = parse_dates(first_row[1]) if len(first_row) > 1 else []
    if not dates:
        raise ListLoadError(f"{path}: 'Last Updated' row has no date")
    return dates[0]


def row_name(row: Row, type_column: str = "Group Type") -> str:
    """The Latin-script name of one row: ``Given SURNAME`` for people, else the name parts
    as written (both UK lists: ``Name 1``-``Name 5`` given names, ``Name 6`` the surname)."""
    given = " ".join(row[f"Name {i}"] for i in range(1, 6) if row[f"Name {i}"])
    if row[type_column].lower() == "individual":
        return person_name(row["Name 6"], given)
    return " ".join(part for part in (given, row["Name 6"]) if part)


def split_numbered(value: str) -> list[str]:
    """``(1) Russia (2) Ukraine`` -> ``["Russia", "Ukraine"]``; a plain value -> itself."""
    return [part.strip(" ,;") for part in _NUMBERED.split(value) if part.strip(" ,;")]


def identifiers_of(rows: list[Row], columns: Iterable[tuple[str, str]]) -> list[Identifier]:
    """Each row's numbered values of each ``(identifier type, column)``, without repeats."""
    return list(
        dict.fromkeys(
            Identifier(type=kind, value=value)
            for row in rows
            for kind, column in columns
            for value in split_numbered(row.get(column, ""))
        )
    )


def birth_places(rows: list[Row], town_column: str, country_column: str) -> list[str]:
    """``Town, Country`` of birth of each row (either alone when the other is empty)."""
    places = (
        ", ".join(part for part in (row.get(town_column, ""), row.get(country_column, "")) if part)
        for row in rows
    )
    return dedupe(places)


def build_entity(group: str, rows: list[Row]) -> Entity:
    """One target from all its rows: primary name first, then strong aliases."""
    primary = [row_name(r) for r in rows if r["Alias Type"].lower() == "primary name"]
    variations = [row_name(r) for r in rows if r["Alias Type"].lower() == "primary name variation"]
    aliases = [
        row_name(r)
        for r in rows
        if r["Alias Type"].lower() not in ("primary name", "primary name variation")
        and r["Alias Quality"].lower() != "low quality"
    ]
    weak = [row_name(r) for r in rows if r["Alias Quality"].lower() == "low quality"]
    non_latin = [r["Name Non-Latin Script"] for r in rows]
    names = dedupe([*primary, *variations, *non_latin, *aliases])
    if not names:
        names = dedupe(weak)
    first = rows[0]
    countries = [
        country_code(value)
        for r in rows
        for value in (*split_numbered(r["Nationality"]), r["Country"])
    ]
    identifiers = identifiers_of(
        rows,
        (("passport", "Passport Number"), ("national_id", "National Identification Number")),
    )
    return Entity(
        id=f"{SOURCE}-{group}",
        schema=SCHEMAS[first["Group Type"].lower()],
        names=names,
        weak_names=[name for name in dedupe(weak) if name not in names],
        birth_dates=dedupe(date for r in rows for date in parse_dates(r["DOB"])),
        birth_places=birth_places(rows, "Town of Birth", "Country of Birth"),
        countries=dedupe(countries),
        programs=dedupe(r["Regime"] for r in rows),
        identifiers=identifiers,
        remarks=first["Other Information"] or None,
        source=SOURCE,
    )
