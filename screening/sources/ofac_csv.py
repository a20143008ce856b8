"""OFAC's legacy CSV files: the SDN list and the consolidated (non-SDN) list.

A list is one primary file plus up to three companions, joined on ``ent_num``:

=================  ======================  ==============================================
SDN list           consolidated list       columns
=================  ======================  ==============================================
``sdn.csv``        ``cons_prim.csv``       ent_num, SDN_Name, SDN_Type, Program, Title,
                                           Call_Sign, Vess_type, Tonnage, GRT, Vess_flag,
                                           Vess_owner, Remarks
``alt.csv``        ``cons_alt.csv``        ent_num, alt_num, alt_type, alt_name, alt_remarks
``add.csv``        ``cons_add.csv``        ent_num, add_num, address, city/state/postcode,
                                           country, add_remarks
``sdn_comments``   ``cons_comments.csv``   ent_num, remarks continued (Remarks is cut at a
                                           fixed width; the rest is here)
=================  ======================  ==============================================

Quirks handled: no header row; ``-0-`` (often ``-0- ``) means empty; CRLF line ends and a
final 0x1A (end-of-file) byte. OFAC ends every file with that byte, and it is the only
sign a file was not cut at a row boundary (no count or date is written inside), so a
file without it is reported as incomplete (see ``LoadedList`` and ``--allow-partial``);
person names written ``SURNAME, Given``
(turned into ``Given SURNAME``, the surname kept in capitals so the list's form stays
recognisable); weak a.k.a.'s only in Remarks (see ``ofac_remarks``); SDN_Type
``individual``, ``vessel``, ``aircraft`` or empty for an entity.

Companion rows whose ent_num has no primary record (files published on different days)
are not turned into entities: they are counted in ``LoadedList.skipped``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from screening.errors import ListLoadError
from screening.model import Entity, Identifier, Schema
from screening.sources.base import LoadedList, make_loaded_list
from screening.sources.common import ListFile, csv_records, dedupe, file_text, read_list_file
from screening.sources.countries import country_code
from screening.sources.ofac_remarks import parse_remarks

PRIMARY_COLUMNS = 12
ALT_COLUMNS = 5
ADD_COLUMNS = 6
COMMENT_COLUMNS = 2

EMPTY = "-0-"
END_OF_FILE = "\x1a"

SCHEMAS: dict[str, Schema] = {
    "individual": "Person",
    "vessel": "Vessel",
    "aircraft": "Aircraft",
    "": "Organization",
}

# Name suffixes that follow the given names: "DELOS REYES, Feliciano Semborio, Jr.".
_SUFFIX = re.compile(r"^(?:jr|sr|ii|iii|iv)\.?$", re.IGNORECASE)


@dataclass(frozen=True)
class OfacFiles:
    """The files of one OFAC legacy CSV list; companions are optional."""

    primary: Path
    alt: Path | None = None
    add: Path | None = None
    comments: Path | None = None

    @property
    def all(self) -> list[Path]:
        return [p for p in (self.primary, self.alt, self.add, self.comments) if p is not None]


@dataclass(frozen=True)
class PrimaryRow:
    """One row of sdn.csv / cons_prim.csv with ``-0-`` already turned into ""."""

    ent_num: str
    name: str
    sdn_type: str
    program: str
    title: str
    call_sign: str
    vessel_flag: str
    remarks: str


@dataclass(frozen=True)
class AltRow:
    ent_num: str
    alt_type: str
    name: str
    remarks: str


def source_of(primary: Path) -> str:
    """``ofac_cons`` for the consolidated list (cons_*), ``ofac`` for the SDN list."""
    return "ofac_cons" if primary.name.lower().startswith("cons_") else "ofac"


def companions_of(primary: Path) -> OfacFiles:
    """The companion files lying beside a primary file, found by their official names."""
    prefix = "cons_" if source_of(primary) == "ofac_cons" else ""
    comments = "cons_comments.csv" if prefix else "sdn_comments.csv"
    by_name = {p.name.lower(): p for p in primary.parent.iterdir() if p.is_file()}
    return OfacFiles(
        primary=primary,
        alt=by_name.get(f"{prefix}alt.csv"),
        add=by_name.get(f"{prefix}add.csv"),
        comments=by_name.get(comments),
    )


def read_ofac_csv(
    primary: Path,
    alt: Path | None = None,
    add: Path | None = None,
    comments: Path | None = None,
) -> LoadedList:
    """Read a primary file and whichever companions are given (they may lie elsewhere)."""
    return read_ofac_files(OfacFiles(primary, alt, add, comments))


def read_ofac_folder_list(primary: Path) -> LoadedList:
    """Read a primary file together with the companions in its folder."""
    files = companions_of(primary)
    return read_ofac_files(files, snapshot_path=primary.parent)


def read_ofac_files(files: OfacFiles, snapshot_path: Path | None = None) -> LoadedList:
    """Read and join the files of one list; every file is checked, none may be broken."""
    source = source_of(files.primary)
    read: list[ListFile] = []
    missing: list[str] = []

    def rows(path: Path, columns: int) -> Iterable[tuple[int, list[str]]]:
        file = read_list_file(path)
        read.append(file)
        records, complete = _records(file, columns)
        if not complete:
            missing.append(f"{path.name}: no closing 0x1A end-of-file byte (cut short?)")
        return records

    primary_rows = [
        primary_row(row, files.primary, line) for line, row in rows(files.primary, PRIMARY_COLUMNS)
    ]
    known = {row.ent_num for row in primary_rows}
    skipped: dict[str, int] = {}

    alts: dict[str, list[AltRow]] = defaultdict(list)
    if files.alt is not None:
        for line, row in rows(files.alt, ALT_COLUMNS):
            alt = alt_row(row, files.alt, line)
            alts[alt.ent_num].append(alt)
    countries: dict[str, list[str]] = defaultdict(list)
    if files.add is not None:
        for line, row in rows(files.add, ADD_COLUMNS):
            ent_num = _ent_num(row[0], files.add, line)
            countries[ent_num].append(_cell(row[4]))
    extra_remarks: dict[str, str] = {}
    if files.comments is not None:
        for line, row in rows(files.comments, COMMENT_COLUMNS):
            ent_num = _ent_num(row[0], files.comments, line)
            extra_remarks[ent_num] = extra_remarks.get(ent_num, "") + _cell(row[1])

    for companion, by_ent in ((files.alt, alts), (files.add, countries)):
        if companion is not None:
            orphans = sum(len(rows) for ent, rows in by_ent.items() if ent not in known)
            if orphans:
                skipped[f"{companion.name}: ent_num without primary record"] = orphans
    if files.comments is not None:
        orphans = sum(1 for ent in extra_remarks if ent not in known)
        if orphans:
            skipped[f"{files.comments.name}: ent_num without primary record"] = orphans

    entities = [
        build_entity(
            row,
            alts.get(row.ent_num, []),
            countries.get(row.ent_num, []),
            extra_remarks.get(row.ent_num, ""),
            source,
        )
        for row in primary_rows
    ]
    return make_loaded_list(
        snapshot_path or files.primary,
        source,
        entities,
        files=read,
        skipped=skipped,
        missing=missing,
    )


def _records(file: ListFile, columns: int) -> tuple[list[tuple[int, list[str]]], bool]:
    """The records of one file and whether it ends with OFAC's 0x1A end-of-file byte."""
    text = file_text(file)
    stripped = text.rstrip("\r\n")
    complete = stripped.endswith(END_OF_FILE)
    if complete:
        text = stripped[:-1]
    if END_OF_FILE in text:
        raise ListLoadError(f"{file.path}: end-of-file byte 0x1A before the end of the file")
    return list(csv_records(text, file.path, columns)), complete


def _cell(value: str) -> str:
    """A cell's text with OFAC's ``-0-`` placeholder turned into ""."""
    text = value.strip()
    return "" if text == EMPTY else text


def _ent_num(value: str, path: Path, line: int) -> str:
    text = value.strip()
    if not text.isdigit():
        raise ListLoadError(f"{path}:{line}: ent_num {text!r} is not a number")
    return text


def primary_row(row: list[str], path: Path, line: int) -> PrimaryRow:
    """Check and name the cells of one primary row."""
    cells = [_cell(value) for value in row]
    sdn_type = cells[2].lower()
    if sdn_type not in SCHEMAS:
        raise ListLoadError(f"{path}:{line}: unknown SDN_Type {cells[2]!r}")
    if not cells[1]:
        raise ListLoadError(f"{path}:{line}: entry without a name")
    return PrimaryRow(
        ent_num=_ent_num(row[0], path, line),
        name=cells[1],
        sdn_type=sdn_type,
        program=cells[3],
        title=cells[4],
        call_sign=cells[5],
        vessel_flag=cells[9],
        remarks=cells[11],
    )


def alt_row(row: list[str], path: Path, line: int) -> AltRow:
    """Check and name the cells of one alt.csv row."""
    return AltRow(
        ent_num=_ent_num(row[0], path, line),
        alt_type=_cell(row[2]).lower().replace(".", ""),
        name=_cell(row[3]),
        remarks=_cell(row[4]),
    )


def display_name(name: str, is_person: bool) -> str:
    """``SURNAME, Given, Jr.`` -> ``Given SURNAME Jr.`` for people; other names as listed."""
    if not is_person or "," not in name:
        return name
    surname, *rest = (part.strip() for part in name.split(","))
    suffixes = [part for part in rest if _SUFFIX.match(part)]
    given = [part for part in rest if part and not _SUFFIX.match(part)]
    return " ".join([*given, surname, *suffixes])


def programs_of(program: str) -> list[str]:
    """``UKRAINE-EO13662] [RUSSIA-EO14024`` -> the two programme codes."""
    return dedupe(part.strip(" []") for part in program.split("] ["))


def is_weak(alt: AltRow) -> bool:
    """An alias is weak when its own remarks say so (the Remarks field carries the rest)."""
    return "weak" in alt.remarks.lower()


def build_entity(
    row: PrimaryRow,
    alts: list[AltRow],
    address_countries: list[str],
    extra_remarks: str,
    source: str,
) -> Entity:
    """Join one primary row with its aliases, address countries and remarks overflow."""
    is_person = row.sdn_type == "individual"
    remarks = row.remarks + extra_remarks
    facts = parse_remarks(remarks)
    strong = [display_name(a.name, is_person) for a in alts if a.name and not is_weak(a)]
    weak = [display_name(a.name, is_person) for a in alts if a.name and is_weak(a)]
    weak += [display_name(name, is_person) for name in facts.weak_names]
    names = dedupe([display_name(row.name, is_person), *strong])
    identifiers = list(facts.identifiers)
    if row.call_sign:
        identifiers.append(Identifier(type="call_sign", value=row.call_sign))
    countries = [
        *facts.countries,
        country_code(row.vessel_flag),
        *(country_code(name) for name in address_countries),
    ]
    return Entity(
        id=f"{source}-{row.ent_num}",
        schema=SCHEMAS[row.sdn_type],
        names=names,
        weak_names=[name for name in dedupe(weak) if name not in names],
        birth_dates=dedupe(facts.birth_dates),
        birth_places=dedupe(facts.birth_places),
        countries=dedupe(countries),
        programs=programs_of(row.program),
        identifiers=list(dict.fromkeys(identifiers)),
        remarks=remarks or None,
        source=source,
    )
