"""Reading CSV bytes: the parent cuts the file into records (never decoding them), and the
delimiter, encoding and header are checked before a run starts."""

from __future__ import annotations

import codecs
import csv
import hashlib
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, NamedTuple

from screening.errors import InputError

if TYPE_CHECKING:
    pass
from screening.batch.model import MAX_RECORD_BYTES, ColumnMap, InputInfo, path_text
from screening.encoding import encoding_problem

_CANDIDATE_DELIMITERS = ",;\t|"
#: ``csv.Sniffer`` takes time quadratic in its sample: 8 KiB is ~30 ms, 64 KiB ~2 s.
_SNIFF_BYTES = 8 * 1024
#: How much of the file the encoding check reads: enough lines to tell a legacy file
#: from a few broken rows, quick on any file.
_ENCODING_SAMPLE_BYTES = 64 * 1024


class RawRecord(NamedTuple):
    """The bytes of one CSV record, or of the line that could not become one, and why not."""

    data: bytes
    problem: str | None = None


class _Line(NamedTuple):
    data: bytes
    cut: bool  # the physical line was longer than the record limit and was cut short


@dataclass(frozen=True)
class CsvInput:
    """An input CSV file inspected once: its encoding, delimiter, header and digest."""

    path: Path
    encoding: str
    delimiter: str
    header: list[str]
    keys: list[str]  # the header made unique and non-empty, for the row dictionaries
    data_offset: int  # where the first record after the header starts
    sha256: str
    size: int

    def records(self, skip: int = 0) -> RecordReader:
        """The data records after the header, optionally skipping the first ``skip``."""
        return RecordReader(
            self.path, self.data_offset, self.delimiter, skip=skip, fields=len(self.header)
        )

    def info(self, columns: ColumnMap) -> InputInfo:
        return InputInfo(
            path=path_text(self.path.absolute()),
            sha256=self.sha256,
            bytes=self.size,
            encoding=self.encoding,
            delimiter=self.delimiter,
            header=self.header,
            columns={
                "name": columns.name,
                "id": columns.id,
                "schema": columns.schema,
                "birth_date": columns.birth_date,
                "country": columns.country,
                **{f"identifier {spec}": column for spec, column in columns.identifiers},
            },
        )


def inspect_csv(
    path: str | Path, encoding: str = "utf-8", delimiter: str | None = None
) -> CsvInput:
    """Check an input file can be read and find its header, before any list is loaded.

    Raises ``InputError`` for anything that stops the run from starting: a missing
    or unreadable file, an unusable encoding or delimiter, no header.
    """
    path = Path(path)
    codec = check_encoding(encoding)
    if delimiter is not None:
        check_delimiter(delimiter)
    try:
        sha256, size = _digest(path)
        with path.open("rb") as stream:
            sample = stream.read(_ENCODING_SAMPLE_BYTES)
        head = sample[:_SNIFF_BYTES]
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    not_csv = _not_a_text_file(head)
    if not_csv:
        raise InputError(f"{path} {not_csv}")
    bom = len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0
    if b"\r" in head and b"\n" not in head:
        raise InputError(f"{path}: lines end in a bare CR (old Mac); convert them to LF or CRLF")
    if bom and codec not in ("utf-8", "utf-8-sig"):
        raise InputError(
            f"{path} starts with a UTF-8 byte-order mark but encoding {encoding} was given"
        )
    problem = encoding_problem(sample[bom:], encoding)
    if problem:
        raise InputError(f"{path} {problem}")
    if delimiter is None:
        delimiter = detect_delimiter(_sample_text(head[bom:], encoding))
    reader = RecordReader(path, bom, delimiter)
    header_record = next(iter(reader), None)
    if header_record is None:
        raise InputError(f"{path}: empty file, expected a header row")
    if header_record.problem:
        raise InputError(f"{path}: unreadable header: {header_record.problem}")
    try:
        header = parse_fields(strip_terminator(header_record.data.decode(encoding)), delimiter)
    except UnicodeDecodeError:
        raise InputError(
            f"{path}: the header is not valid {encoding}; give the file's encoding (e.g. cp1251)"
        ) from None
    except ValueError as exc:
        raise InputError(f"{path}: unreadable header: {exc}") from None
    offset = bom + reader.blank_bytes + len(header_record.data)
    return CsvInput(path, encoding, delimiter, header, _unique_keys(header), offset, sha256, size)


#: File signatures of what people save instead of CSV, and what to tell them.
_SIGNATURES = (
    (b"PK\x03\x04", "is a ZIP archive (an Excel .xlsx workbook?), not CSV: save it as CSV UTF-8"),
    (b"\xd0\xcf\x11\xe0", "is an old Excel .xls workbook, not CSV: save it as CSV UTF-8"),
    (b"\x1f\x8b", "is gzip-compressed: decompress it first"),
    (codecs.BOM_UTF16_LE, "is UTF-16 text: save it as UTF-8"),
    (codecs.BOM_UTF16_BE, "is UTF-16 text: save it as UTF-8"),
)


def _not_a_text_file(head: bytes) -> str | None:
    for signature, problem in _SIGNATURES:
        if head.startswith(signature):
            return problem
    if head.count(b"\x00") * 4 > len(head):  # a stray NUL is one bad row; this many, no text
        return "is mostly NUL bytes: not a text CSV file (UTF-16 without a mark?)"
    return None


def check_encoding(encoding: str) -> str:
    """The codec's canonical name; refuse encodings whose bytes for ``,;|"`` and newlines
    are not plain ASCII, since records are cut on those bytes before decoding."""
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    probe = 'name,;\t|"\r\n'
    try:
        compatible = probe.encode(encoding) == probe.encode("ascii")
    except UnicodeError:
        compatible = False
    if not compatible:
        raise InputError(
            f"encoding {encoding!r} is not ASCII-compatible; convert the file to UTF-8"
        )
    return codec


def check_delimiter(delimiter: str) -> None:
    if len(delimiter) != 1 or not delimiter.isascii() or delimiter in '"\r\n':
        raise InputError(
            f"delimiter must be one ASCII character other than a quote, got {delimiter!r}"
        )


def detect_delimiter(sample: str) -> str:
    """The delimiter of a CSV sample: ``csv.Sniffer``'s guess if the header line has it,
    else the candidate most frequent in the header line, else a comma."""
    header_line = sample.split("\n", 1)[0]
    try:
        guess = csv.Sniffer().sniff(sample, delimiters=_CANDIDATE_DELIMITERS).delimiter
    except csv.Error:
        guess = ","
    if guess in header_line:
        return guess
    best = max(_CANDIDATE_DELIMITERS, key=header_line.count)
    return best if header_line.count(best) else ","


class RecordReader:
    """Cuts a CSV file into records without decoding it.

    A record ends at a newline outside quotes, with the quoting rules of Python's
    ``csv`` module (a quote opens a field only at the field's start; ``""`` inside
    a quoted field is a quote). A stray quote would otherwise swallow every line up
    to the next quote, or the rest of the file: so a record spanning several lines
    must have ``fields`` fields and stay under ``max_bytes``, or else its first line
    becomes an error record and the lines after it are read again as records of
    their own. Empty lines are skipped and counted.
    """

    def __init__(
        self,
        path: Path,
        offset: int,
        delimiter: str,
        skip: int = 0,
        max_bytes: int = MAX_RECORD_BYTES,
        fields: int | None = None,
    ) -> None:
        self.path = path
        self.fields = fields
        self.offset = offset
        self.skip = skip
        self.max_bytes = max_bytes
        self._delimiter = delimiter.encode("ascii")
        self.blank_lines = 0
        self.blank_bytes = 0
        self.bytes_read = 0

    def __iter__(self) -> Iterator[RawRecord]:
        with self.path.open("rb") as stream:
            stream.seek(self.offset)
            records = self._records(stream)
            for _ in range(self.skip):
                if next(records, None) is None:
                    raise InputError(f"{self.path}: fewer rows than the {self.skip} to skip")
            yield from records

    def _records(self, stream: BinaryIO) -> Iterator[RawRecord]:
        pending: list[_Line] = []
        size = delimiters = 0
        inside = False
        replay: deque[_Line] = deque()
        while True:
            line = replay.popleft() if replay else self._read_line(stream)
            if line is None:
                if not pending:
                    return
                yield _unbalanced(pending[0])  # the file ended inside quotes
                replay.extend(pending[1:])
                pending, size, delimiters, inside = [], 0, 0, False
                continue
            if not pending and line.data in (b"\n", b"\r\n"):
                self.blank_lines += 1
                self.blank_bytes += len(line.data)
                continue
            pending.append(line)
            size += len(line.data)
            if inside or b'"' in line.data:
                inside, found = scan_line(line.data, self._delimiter, inside)
                delimiters += found
            if not inside and (len(pending) == 1 or self._fits(delimiters)):
                yield _joined(pending)
                pending, size, delimiters = [], 0, 0
            elif not inside or size > self.max_bytes:
                yield _unbalanced(pending[0])
                replay.extendleft(reversed(pending[1:]))
                pending, size, delimiters, inside = [], 0, 0, False

    def _fits(self, delimiters: int) -> bool:
        return self.fields is None or delimiters + 1 == self.fields

    def _read_line(self, stream: BinaryIO) -> _Line | None:
        data = stream.readline(self.max_bytes + 1)
        self.bytes_read += len(data)
        if not data:
            return None
        if len(data) <= self.max_bytes or data.endswith(b"\n"):
            return _Line(data, cut=False)
        rest = data
        while rest and not rest.endswith(b"\n"):  # drop the remainder of an over-long line
            rest = stream.readline(self.max_bytes)
            self.bytes_read += len(rest)
        return _Line(data[: self.max_bytes], cut=True)


def scan_line(line: bytes, delimiter: bytes, inside: bool) -> tuple[bool, int]:
    """Whether a record is still inside a quoted field at the end of this physical line,
    and how many delimiters outside quotes the line holds."""
    pos = 0
    delimiters = 0
    while True:
        if inside:
            close = line.find(b'"', pos)
            if close < 0:
                return True, delimiters
            if line.startswith(b'"', close + 1):  # "" is an escaped quote
                pos = close + 2
                continue
            inside = False
            pos = close + 1
        elif line.startswith(b'"', pos):  # a quote opens a field only at its start
            inside = True
            pos += 1
            continue
        next_field = line.find(delimiter, pos)
        if next_field < 0:
            return False, delimiters
        delimiters += 1
        pos = next_field + 1


def parse_fields(text: str, delimiter: str) -> list[str]:
    """Split one record (without its line ending) into fields, as ``csv.reader`` would.

    Follows the grammar of ``scan_line``, so the parent's record cutting and
    the workers' parsing cannot disagree. Raises ``ValueError`` on an unclosed quote.
    """
    if '"' not in text:
        return text.split(delimiter)
    fields: list[str] = []
    pos = 0
    while True:
        if text.startswith('"', pos):
            parts: list[str] = []
            pos += 1
            while True:
                close = text.find('"', pos)
                if close < 0:
                    raise ValueError("a quoted field is not closed")
                parts.append(text[pos:close])
                if not text.startswith('"', close + 1):
                    break
                parts.append('"')
                pos = close + 2
            pos = close + 1
            end = text.find(delimiter, pos)
            parts.append(text[pos:] if end < 0 else text[pos:end])  # csv keeps text after the quote
            fields.append("".join(parts))
        else:
            end = text.find(delimiter, pos)
            fields.append(text[pos:] if end < 0 else text[pos:end])
        if end < 0:
            return fields
        pos = end + 1


def _joined(lines: list[_Line]) -> RawRecord:
    if len(lines) == 1 and not lines[0].cut:
        return RawRecord(lines[0].data)
    data = b"".join(line.data for line in lines)
    if any(line.cut for line in lines):
        return RawRecord(data, f"row is longer than {MAX_RECORD_BYTES} bytes; cut short")
    return RawRecord(data)


def _unbalanced(line: _Line) -> RawRecord:
    return RawRecord(line.data, "unbalanced quote: a quoted field opened on this line never closes")


def strip_terminator(text: str) -> str:
    if text.endswith("\r\n"):
        return text[:-2]
    return text[:-1] if text.endswith("\n") else text


def _sample_text(head: bytes, encoding: str) -> str:
    cut = head.rfind(b"\n")
    return (head[: cut + 1] if cut > 0 else head).decode(encoding, errors="replace")


def _unique_keys(header: Sequence[str]) -> list[str]:
    """Header names as dictionary keys: stripped, blanks named, duplicates numbered."""
    keys: list[str] = []
    seen: set[str] = set()
    for number, raw in enumerate(header, 1):
        base = raw.strip() or f"column_{number}"
        key, suffix = base, 2
        while key.casefold() in seen:
            key, suffix = f"{base}_{suffix}", suffix + 1
        seen.add(key.casefold())
        keys.append(key)
    return keys


def _digest(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size
