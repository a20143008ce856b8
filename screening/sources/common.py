"""Small helpers every list parser shares: strict reading, CSV records, names and dates.

They exist so that each parser fails closed the same way: a missing, empty, mis-encoded
or truncated file raises ``ListLoadError`` naming the file and the problem.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from screening.errors import ListLoadError

CsvRecord = tuple[int, list[str]]


class RecordError(ValueError):
    """A record a pure parsing function cannot use; its reader adds the file name."""


MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}

# Year ranges ("1960 to 1962") are spelled out year by year up to this width.
MAX_YEAR_RANGE = 10


# A line of a JSON Lines list longer than this is refused (one entity with all its
# aliases takes a few kilobytes); CSV fields are held to the csv module's 128 KiB limit.
MAX_LINE_CHARS = 1_000_000

# A list file larger than this is refused before it is read: the largest official list
# (OFAC's sdn_advanced.xml) is about 120 MB.
MAX_FILE_BYTES = 1024 * 1024 * 1024


@dataclass(frozen=True)
class ListFile:
    """The bytes of one list file, read once: the parser reads them and the snapshot's
    sha256 is computed over them, so the digest always names the bytes that were parsed."""

    path: Path
    data: bytes

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def read_list_file(path: Path) -> ListFile:
    """The whole file, read once; a missing, unreadable, huge or empty file is an error."""
    if not path.is_file():
        raise ListLoadError(f"{path}: list file not found")
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ListLoadError(f"{path}: cannot read: {exc.strerror}") from None
    if len(data) > MAX_FILE_BYTES:
        raise ListLoadError(f"{path}: larger than {MAX_FILE_BYTES} bytes; not a list file")
    if not data.strip(b" \t\r\n\x1a"):
        raise ListLoadError(f"{path}: file is empty")
    return ListFile(path=path, data=data)


def decode_utf8(data: bytes, path: Path) -> str:
    """UTF-8 text (a byte order mark is dropped); other encodings are refused, not guessed."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ListLoadError(f"{path}: not UTF-8 text at line {line} ({exc.reason})") from None
    return text.removeprefix("\ufeff")


def file_text(file: ListFile) -> str:
    """A list file's bytes as UTF-8 text, checked: see ``decode_utf8``."""
    return decode_utf8(file.data, file.path)


def csv_records(text: str, path: Path, columns: int | None = None) -> Iterator[CsvRecord]:
    """CSV records with their line numbers; a quote left open or a short row is an error.

    ``strict`` makes the csv module refuse a quote that is never closed (a file cut inside a
    quoted field) instead of swallowing the rest of the file into one field. With
    ``columns`` every record must have exactly that many fields, so a row cut short fails.
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    line = 1
    try:
        for row in reader:
            if columns is not None and len(row) != columns:
                raise ListLoadError(
                    f"{path}:{line}: expected {columns} columns, found {len(row)}"
                    " (file cut short or damaged?)"
                )
            yield line, row
            line = reader.line_num + 1
    except csv.Error as exc:
        raise ListLoadError(f"{path}:{line}: broken CSV ({exc}; file cut short?)") from None


def header_columns(values: list[str], required: Iterable[str], path: Path, what: str) -> list[str]:
    """A CSV header row, stripped; refused when it lacks a column the reader needs."""
    header = [column.strip() for column in values]
    missing = [column for column in required if column not in header]
    if missing:
        raise ListLoadError(f"{path}: {what} header lacks columns {missing}")
    return header


def rows_by_column(
    records: Iterable[CsvRecord], header: list[str], path: Path, trailing_empty: bool = False
) -> Iterator[tuple[str, dict[str, str]]]:
    """The data rows as dicts by column, each with ``<file>:<line>`` for messages.

    Blank rows are skipped; a row with fewer fields than the header, or more (unless
    ``trailing_empty`` and the extra ones are empty), is an error."""
    for line, values in records:
        if not any(value.strip() for value in values):
            continue
        extra = values[len(header) :]
        if len(values) < len(header) or (
            any(value.strip() for value in extra) if trailing_empty else extra
        ):
            raise ListLoadError(
                f"{path}:{line}: expected {len(header)} columns, found {len(values)}"
                " (file cut short or damaged?)"
            )
        yield f"{path}:{line}", {c: v.strip() for c, v in zip(header, values, strict=False)}


def dedupe(values: Iterable[str | None]) -> list[str]:
    """Non-empty values, stripped, first occurrence kept, order kept."""
    seen: dict[str, None] = {}
    for value in values:
        if value is None:
            continue
        text = " ".join(value.split())
        if text and text not in seen:
            seen[text] = None
    return list(seen)


def person_name(surname: str, given: str) -> str:
    """``Given SURNAME``, the order a person's name is spoken in, from the list's parts."""
    return " ".join(part for part in (given.strip(), surname.strip()) if part)


def iso_date(year: int | str, month: int | str | None = None, day: int | str | None = None) -> str:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; unknown parts (None, 0, "00") are left off."""
    text = f"{int(year):04d}"
    if month and int(month):
        text += f"-{int(month):02d}"
        if day and int(day):
            text += f"-{int(day):02d}"
    return text


_DAY_MONTH_YEAR = re.compile(r"\b(?:(\d{1,2})\s+)?([A-Za-z]{3,9})\.?\s+(\d{4})\b")
_YEAR_RANGE = re.compile(r"\b(\d{4})\s*(?:to|-|–)\s*(\d{4})\b")
_NUMERIC = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b|\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def parse_dates(text: str) -> list[str]:
    """Every date in a free-text date field, as ISO strings.

    Understands ``02 Oct 1954``, ``Oct 1954``, ``1954``, ``circa 1954``, ``1960 to 1962``
    (spelled out year by year), ``1954-10-02`` and ``02/10/1954`` (day first, as the UK
    and EU write it; ``00`` marks an unknown day or month).
    """
    found: list[str] = []
    rest = text
    for match in _YEAR_RANGE.finditer(rest):
        first, last = int(match.group(1)), int(match.group(2))
        if 0 <= last - first <= MAX_YEAR_RANGE:
            found.extend(str(year) for year in range(first, last + 1))
    rest = _YEAR_RANGE.sub(" ", rest)
    for match in _NUMERIC.finditer(rest):
        if match.group(1):
            year, month, day = match.group(1), match.group(2), match.group(3)
        else:
            day, month, year = match.group(4), match.group(5), match.group(6)
        if int(month) <= 12 and int(day) <= 31:
            found.append(iso_date(year, month, day))
    rest = _NUMERIC.sub(" ", rest)
    for match in _DAY_MONTH_YEAR.finditer(rest):
        month_number = MONTHS.get(match.group(2).lower())
        if month_number is None:
            continue
        found.append(iso_date(match.group(3), month_number, match.group(1)))
    rest = _DAY_MONTH_YEAR.sub(lambda m: " " if m.group(2).lower() in MONTHS else m.group(0), rest)
    found.extend(match.group(1) for match in _YEAR.finditer(rest))
    return dedupe(found)
