"""The FCDO "UK Sanctions List", CSV edition (the UK's authoritative list since 2026).

Layout: a first line ``Report Date: 13-Feb-2026`` (the publication date), then a header
of some 58 columns, then one row per name; rows sharing ``Unique ID`` (e.g. ``RUS1234``)
are one designation. The columns used:

- ``Name 6`` is the surname (or the whole name of an entity or ship), ``Name 1``-``Name 5``
  the given names; people become ``Given SURNAME``.
- ``Name type``: "Primary Name" first, then variations and aliases; ``Alias strength``
  "Low quality" (or "weak") makes a weak name.
- ``Name non-latin script``: kept as a name in its own script (Cyrillic, Arabic...).
- ``Designation Type``: Individual / Entity / Ship.
- ``OFSI Group ID`` gives our id ``uk-<group id>``, the same as in the old OFSI ConList,
  so screening results stay comparable; rows are grouped by it, and a designation
  without one uses ``uk-<Unique ID>``.
- ``D.O.B`` (dd/mm/yyyy, ``00`` unknown), ``Nationality(/ies)``, ``Address Country``,
  ``Passport number``, ``National Identifier number``, ``IMO number``, ``Regime Name``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from screening.errors import ListLoadError
from screening.model import Entity
from screening.sources.base import LoadedList, make_loaded_list
from screening.sources.common import (
    csv_records,
    dedupe,
    file_text,
    header_columns,
    parse_dates,
    read_list_file,
    rows_by_column,
)
from screening.sources.countries import country_code
from screening.sources.uk_conlist import (
    SCHEMAS,
    Row,
    birth_places,
    identifiers_of,
    row_name,
    split_numbered,
    too_few_targets,
)

SOURCE = "uk"

REQUIRED_COLUMNS: tuple[str, ...] = (
    "Unique ID",
    "OFSI Group ID",
    "Name 6",
    "Name 1",
    "Name 2",
    "Name 3",
    "Name 4",
    "Name 5",
    "Name type",
    "Name non-latin script",
    "Regime Name",
    "Designation Type",
)


def read_uk_fcdo_csv(path: Path) -> LoadedList:
    """Read the CSV edition of the UK Sanctions List."""
    file = read_list_file(path)
    records = csv_records(file_text(file), path)
    first = next(records, None)
    second = next(records, None)
    if first is None or second is None or not first[1]:
        raise ListLoadError(f"{path}: UK Sanctions List without its report date and header")
    report = first[1][0].strip()
    if not report.lower().startswith("report date"):
        raise ListLoadError(f"{path}: first line is not 'Report Date: <date>'")
    dates = parse_dates(report.split(":", 1)[-1].replace("-", " "))
    if not dates:
        raise ListLoadError(f"{path}: 'Report Date' line has no date")
    header = header_columns(second[1], REQUIRED_COLUMNS, path, "UK Sanctions List")
    entities = group_designations(rows_by_column(records, header, path))
    missing = too_few_targets(len(entities), "UK Sanctions List")
    return make_loaded_list(path, SOURCE, entities, dates[0], files=[file], missing=missing)


def group_designations(rows: Iterable[tuple[str, Row]]) -> list[Entity]:
    """Name rows (each with where it was read) grouped by OFSI Group ID, else Unique ID.

    Shared by both editions: the XML edition builds the same row dicts, keyed by the CSV
    column names, so both map to entities the same way.
    """
    groups: dict[str, list[Row]] = defaultdict(list)
    for where, row in rows:
        if not row["Unique ID"]:
            raise ListLoadError(f"{where}: row without a Unique ID")
        if row["Designation Type"].lower() not in SCHEMAS:
            kind = row["Designation Type"]
            raise ListLoadError(f"{where}: unknown Designation Type {kind!r}")
        groups[row["OFSI Group ID"] or row["Unique ID"]].append(row)
    return [build_entity(key, rows) for key, rows in groups.items()]


def _get(row: Row, column: str) -> str:
    return row.get(column, "")


def _name(row: Row) -> str:
    return row_name(row, "Designation Type")


def _is_weak(row: Row) -> bool:
    strength = _get(row, "Alias strength").lower()
    return "low" in strength or "weak" in strength


def build_entity(key: str, rows: list[Row]) -> Entity:
    """One designation from all its rows: primary name first, then strong aliases."""
    kind = [r["Name type"].lower() for r in rows]
    primary = [_name(r) for r, k in zip(rows, kind, strict=True) if k == "primary name"]
    strong = [_name(r) for r in rows if not _is_weak(r)]
    weak = [_name(r) for r in rows if _is_weak(r)]
    names = dedupe([*primary, *(r["Name non-latin script"] for r in rows), *strong])
    if not names:
        names = dedupe(weak)
    first = rows[0]
    identifiers = identifiers_of(
        rows,
        (
            ("passport", "Passport number"),
            ("national_id", "National Identifier number"),
            ("imo", "IMO number"),
        ),
    )
    countries = [
        country_code(value)
        for r in rows
        for column in ("Nationality(/ies)", "Address Country", "Current believed flag of ship")
        for value in split_numbered(_get(r, column))
    ]
    return Entity(
        id=f"{SOURCE}-{key}",
        schema=SCHEMAS[first["Designation Type"].lower()],
        names=names,
        weak_names=[name for name in dedupe(weak) if name not in names],
        birth_dates=dedupe(d for r in rows for d in parse_dates(_get(r, "D.O.B"))),
        birth_places=birth_places(rows, "Town of birth", "Country of birth"),
        countries=dedupe(countries),
        programs=dedupe(r["Regime Name"] for r in rows),
        identifiers=identifiers,
        remarks=_get(first, "Other Information") or _get(first, "UK Statement of Reasons") or None,
        source=SOURCE,
    )
