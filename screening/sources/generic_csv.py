"""The generic CSV format, for a user's own (internal) list.

A UTF-8 CSV file with a header row. Columns, in any order (names are case-insensitive):

================  ========  ====================================================
column            required  content
================  ========  ====================================================
``id``            yes       unique id of the entry, kept as written
``name``          yes       the primary name
``schema``        no        Person, Organization, Vessel, Aircraft or LegalEntity
                            (the default)
``aliases``       no        strong aliases, separated by ``;``
``weak_aliases``  no        aliases that must never alert alone, separated by ``;``
``birth_dates``   no        ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, separated by ``;``
``countries``     no        ISO-2 codes or country names, separated by ``;``
``programs``      no        programme or list names, separated by ``;``
``remarks``       no        free text
================  ========  ====================================================

Example::

    id,schema,name,aliases,birth_dates,countries,programs
    c-1,Person,Ivan PETROV,Ivan Petrov;I. PETROV,1970-01-31,ru,internal-watch

Other columns are ignored. Every row must have the header's number of fields; a value
that cannot be used (an unknown schema, a malformed date, an unknown country) is an error
naming the file and line, never silently dropped.
"""

from __future__ import annotations

import re
from pathlib import Path

from screening.errors import ListLoadError
from screening.model import SCHEMAS, Entity
from screening.sources.base import LoadedList, make_loaded_list
from screening.sources.common import csv_records, dedupe, file_text, read_list_file
from screening.sources.countries import country_code

REQUIRED = ("id", "name")
SEPARATOR = ";"
_ISO_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_SCHEMA_NAMES = {schema.lower(): schema for schema in SCHEMAS}


def read_generic_csv(path: Path, source: str | None = None) -> LoadedList:
    """Read a user's CSV list; the snapshot's source defaults to the file stem."""
    file = read_list_file(path)
    records = csv_records(file_text(file), path)
    header_record = next(records, None)
    if header_record is None:
        raise ListLoadError(f"{path}: file is empty")
    header = [column.strip().lower() for column in header_record[1]]
    missing = [column for column in REQUIRED if column not in header]
    if missing:
        raise ListLoadError(f"{path}: header lacks required columns {missing}")
    entities: list[Entity] = []
    for line, values in records:
        if not any(value.strip() for value in values):
            continue
        if len(values) != len(header):
            raise ListLoadError(
                f"{path}:{line}: expected {len(header)} columns, found {len(values)}"
            )
        row = dict(zip(header, (value.strip() for value in values), strict=True))
        try:
            entities.append(entity_from_row(row, source or path.stem))
        except ValueError as exc:
            raise ListLoadError(f"{path}:{line}: {exc}") from None
    return make_loaded_list(path, source or path.stem, entities, files=[file])


def split(value: str | None) -> list[str]:
    """``"a; b;;c"`` -> ``["a", "b", "c"]``."""
    return dedupe((value or "").split(SEPARATOR))


def entity_from_row(row: dict[str, str], source: str) -> Entity:
    """One CSV row (column name -> value) to an Entity; bad values raise ValueError."""
    if not row.get("id"):
        raise ValueError("empty id")
    if not row.get("name"):
        raise ValueError(f"entry {row['id']!r} has no name")
    schema_text = row.get("schema") or "LegalEntity"
    schema = _SCHEMA_NAMES.get(schema_text.lower())
    if schema is None:
        raise ValueError(f"unknown schema {schema_text!r} (expected one of {list(SCHEMAS)})")
    birth_dates = split(row.get("birth_dates"))
    for date in birth_dates:
        if not _ISO_DATE.match(date):
            raise ValueError(f"birth date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    countries: list[str] = []
    for country in split(row.get("countries")):
        code = country.lower() if len(country) == 2 else country_code(country)
        if code is None:
            raise ValueError(f"unknown country {country!r}")
        countries.append(code)
    names = dedupe([row["name"], *split(row.get("aliases"))])
    return Entity.model_validate(
        {
            "id": row["id"],
            "schema": schema,
            "names": names,
            "weak_names": [n for n in split(row.get("weak_aliases")) if n not in names],
            "birth_dates": birth_dates,
            "countries": dedupe(countries),
            "programs": split(row.get("programs")),
            "remarks": row.get("remarks") or None,
            "source": source,
        }
    )
