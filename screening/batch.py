"""Batch screening: a whole customer book in, one result row per input row out.

The file is read as bytes and cut into CSV records by the parent process, which
does little else; worker processes decode, parse, screen and format each chunk of
records, so one undecodable or malformed line becomes an ``error`` row instead of
ending the run. Results are written in input order to a temporary file beside the
output, which an interrupted run can continue from (``resume=True``), and renamed
into place at the end together with a JSON run record that pins the lists,
settings and input the results were made with.

Sections, top to bottom: public types; reading CSV bytes; screening one row;
formatting output rows; running chunks in parallel; the run's files and resume;
the two entry points ``screen_records`` and ``screen_csv``.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import ctypes
import gc
import hashlib
import io
import json
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Literal, NamedTuple, TypeVar

from pydantic import BaseModel, Field

from screening.errors import InputError
from screening.model import SCHEMAS, Hit, ListSnapshot, TokenMatch

if TYPE_CHECKING:
    from screening.screener import Screener

RowStatus = Literal["hit", "clear", "error"]
OutputFormat = Literal["csv", "jsonl"]

#: Rows per task sent to a worker: large enough that inter-process traffic is
#: negligible, small enough that memory stays flat and progress stays smooth.
DEFAULT_CHUNK_SIZE = 1000
#: Distinct queries whose answers a worker keeps for the rows that repeat them.
ANSWERS_REMEMBERED = 20_000
#: A record longer than this is an error row, and an unclosed quote stops
#: swallowing the following lines once the record reaches it.
MAX_RECORD_BYTES = 1 << 20
#: The columns appended to every output CSV row, in order.
RESULT_COLUMNS = (
    "status",
    "hit_count",
    "top_entity_id",
    "top_name",
    "top_score",
    "reason",
    "error",
)

_CANDIDATE_DELIMITERS = ",;\t|"
#: ``csv.Sniffer`` takes time quadratic in its sample: 8 KiB is ~30 ms, 64 KiB ~2 s.
_SNIFF_BYTES = 8 * 1024


# --- public types ---


@dataclass(frozen=True)
class ColumnMap:
    """Which input columns hold the name and the optional evidence (case-insensitive)."""

    name: str = "name"
    id: str | None = None
    schema: str | None = None
    birth_date: str | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class BatchRow:
    """The outcome for one input row: its values, status, hits best first, or why it failed."""

    row: int
    values: dict[str, str]
    status: RowStatus
    hits: list[Hit] = field(default_factory=list)
    error: str | None = None
    record_id: str | None = None

    @property
    def top(self) -> Hit | None:
        return self.hits[0] if self.hits else None


@dataclass(frozen=True)
class Progress:
    """Where a running ``screen_csv`` stands; handed to the progress callback after each chunk."""

    rows: int
    hits: int
    errors: int
    session_rows: int
    elapsed: float
    bytes_done: int
    bytes_total: int
    eta_seconds: float | None


class RowCounts(BaseModel):
    """Rows screened so far, by outcome, and blank lines skipped (they are not rows)."""

    rows: int = 0
    hits: int = 0
    clear: int = 0
    errors: int = 0
    blank_lines: int = 0


class InputInfo(BaseModel):
    """Which input file was read, and how: enough to detect a changed file on resume."""

    path: str
    sha256: str
    bytes: int
    encoding: str
    delimiter: str
    header: list[str]
    columns: dict[str, str | None]


class RunSummary(BaseModel):
    """The run record, written as ``OUT.run.json``: what was screened, against what, how."""

    status: Literal["running", "complete"] = "running"
    engine_version: str
    settings_hash: str
    threshold: float
    limit: int
    lists: list[ListSnapshot]
    input: InputInfo
    output: str
    output_format: OutputFormat
    counts: RowCounts = Field(default_factory=RowCounts)
    workers: int
    chunk_size: int
    started_at: str
    session_started_at: str
    finished_at: str | None = None
    seconds: float = 0.0
    names_per_second: float = 0.0
    resumed_from_row: int = 0
    options: dict[str, Any] = Field(default_factory=dict)

    def fingerprint(self) -> dict[str, Any]:
        """What must not change between an interrupted run and its resumption."""
        return {
            "engine_version": self.engine_version,
            "settings_hash": self.settings_hash,
            "threshold": self.threshold,
            "limit": self.limit,
            "lists": [snapshot.sha256 for snapshot in self.lists],
            "input": self.input.model_dump(exclude={"path"}),
            "output_format": self.output_format,
        }


# --- reading CSV bytes ---


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
            path=str(self.path.absolute()),
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
            head = stream.read(_SNIFF_BYTES)
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    bom = len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0
    if b"\r" in head and b"\n" not in head:
        raise InputError(f"{path}: lines end in a bare CR (old Mac); convert them to LF or CRLF")
    if bom and codec not in ("utf-8", "utf-8-sig"):
        raise InputError(
            f"{path} starts with a UTF-8 byte-order mark but encoding {encoding} was given"
        )
    if delimiter is None:
        delimiter = detect_delimiter(_sample_text(head[bom:], encoding))
    reader = RecordReader(path, bom, delimiter)
    header_record = next(iter(reader), None)
    if header_record is None:
        raise InputError(f"{path}: empty file, expected a header row")
    if header_record.problem:
        raise InputError(f"{path}: unreadable header: {header_record.problem}")
    try:
        header = parse_fields(_strip_terminator(header_record.data.decode(encoding)), delimiter)
    except UnicodeDecodeError:
        raise InputError(
            f"{path}: the header is not valid {encoding}; give the file's encoding (e.g. cp1251)"
        ) from None
    except ValueError as exc:
        raise InputError(f"{path}: unreadable header: {exc}") from None
    offset = bom + reader.blank_bytes + len(header_record.data)
    return CsvInput(path, encoding, delimiter, header, _unique_keys(header), offset, sha256, size)


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


def _strip_terminator(text: str) -> str:
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


# --- screening one row ---


@dataclass(frozen=True)
class _ScreenJob:
    """Everything a worker needs to screen rows; built once, inherited by forked workers."""

    screener: Screener
    columns: ColumnMap
    threshold: float
    limit: int
    # Hits (or the input error) by query: a customer book repeats names, and the same
    # query against the same list and settings always has the same answer.
    answers: dict[tuple[str | None, ...], list[Hit] | str] = field(
        default_factory=dict, compare=False
    )

    def screen(self, row: int, values: dict[str, str], problem: str | None = None) -> BatchRow:
        """One row's outcome; any failure becomes an ``error`` row, never an exception."""
        record_id = _value(values, self.columns.id)

        def failed(error: str) -> BatchRow:
            return BatchRow(row, values, "error", error=_one_line(error), record_id=record_id)

        if problem is not None:
            return failed(problem)
        name = _value(values, self.columns.name)
        if name is None:
            return failed(f"no {self.columns.name!r} column in this record")
        if not name.strip():
            return failed("empty name")
        query = (
            name,
            _schema(_value(values, self.columns.schema)),
            _value(values, self.columns.birth_date) or None,
            _value(values, self.columns.country) or None,
        )
        answer = self.answers.get(query)
        if answer is None:
            try:
                answer = self.screener.screen(
                    name,
                    schema=query[1],
                    birth_date=query[2],
                    country=query[3],
                    threshold=self.threshold,
                    limit=self.limit,
                ).hits
            except InputError as exc:
                answer = str(exc)
            except Exception as exc:  # an engine bug must not end a run of a million rows
                return failed(f"internal error: {type(exc).__name__}: {exc}")
            if len(self.answers) >= ANSWERS_REMEMBERED:
                self.answers.clear()
            self.answers[query] = answer
        if isinstance(answer, str):
            return failed(answer)
        status: RowStatus = "hit" if answer else "clear"
        return BatchRow(row, values, status, hits=answer, record_id=record_id)


_SCHEMA_NAMES = {schema.casefold(): schema for schema in SCHEMAS}


def _schema(value: str | None) -> str | None:
    """The model's spelling of a schema given in any case; unknown values are left for
    the query validation to reject with its own message."""
    if not value or not value.strip():
        return None
    return _SCHEMA_NAMES.get(value.strip().casefold(), value)


def _value(values: Mapping[str, str], column: str | None) -> str | None:
    """A column's value, matching the column name exactly or else case-insensitively."""
    if column is None:
        return None
    found = values.get(column)
    if found is not None:
        return found
    wanted = column.strip().casefold()
    for key, value in values.items():
        if key.strip().casefold() == wanted:
            return value
    return None


def resolve_columns(columns: ColumnMap, keys: Sequence[str]) -> ColumnMap:
    """The column map with each column spelled as in the header; ``InputError`` if absent."""
    by_folded = {key.strip().casefold(): key for key in keys}

    def find(column: str | None, option: str) -> str | None:
        if column is None:
            return None
        key = by_folded.get(column.strip().casefold())
        if key is None:
            raise InputError(
                f"no column {column!r} in the header ({', '.join(keys)}); "
                f"name the right one with {option}"
            )
        return key

    return ColumnMap(
        name=find(columns.name, "--name-column") or columns.name,
        id=find(columns.id, "--id-column"),
        schema=find(columns.schema, "--schema-column"),
        birth_date=find(columns.birth_date, "--birth-date-column"),
        country=find(columns.country, "--country-column"),
    )


@dataclass(frozen=True)
class _CsvJob:
    """A ``_ScreenJob`` plus how to decode the input's records and format the output's."""

    screen: _ScreenJob
    keys: list[str]
    encoding: str
    delimiter: str
    output_format: OutputFormat


class _ChunkOutput(NamedTuple):
    data: bytes
    rows: int
    hits: int
    errors: int


def _screen_csv_chunk(job: _CsvJob, chunk: tuple[int, list[RawRecord]]) -> _ChunkOutput:
    """Decode, parse, screen and format one chunk of raw records (runs in a worker)."""
    first_row, records = chunk
    rows = [
        job.screen.screen(first_row + offset, *_decode_record(job, record))
        for offset, record in enumerate(records)
    ]
    if job.output_format == "csv":
        text = format_csv_rows(rows)
    else:
        text = "".join(format_jsonl_row(row) for row in rows)
    hits = sum(row.status == "hit" for row in rows)
    errors = sum(row.status == "error" for row in rows)
    return _ChunkOutput(text.encode("utf-8"), len(rows), hits, errors)


def _decode_record(job: _CsvJob, record: RawRecord) -> tuple[dict[str, str], str | None]:
    """A record's values by column, and the problem that makes it unscreenable, if any.

    Values of a broken record are still recovered as well as possible, so the output
    row shows which input row it was.
    """
    problem = record.problem
    try:
        text = record.data.decode(job.encoding)
    except UnicodeDecodeError as exc:
        text = record.data.decode(job.encoding, errors="replace")
        bad = exc.object[exc.start : exc.end].hex(" ")
        problem = problem or f"bytes {bad} at offset {exc.start} are not valid {job.encoding}"
    text = _strip_terminator(text)
    try:
        fields = parse_fields(text, job.delimiter)
    except ValueError as exc:
        fields = text.split(job.delimiter)
        problem = problem or str(exc)
    expected = len(job.keys)
    if len(fields) != expected and problem is None:
        problem = f"expected {expected} fields, found {len(fields)}"
        if len(fields) > expected:
            problem += f"; extra: {_one_line(repr(fields[expected:]))[:200]}"
    if len(fields) < expected:
        fields += [""] * (expected - len(fields))
    return dict(zip(job.keys, fields, strict=False)), problem


# --- formatting output rows ---


def result_columns(header: Sequence[str]) -> list[str]:
    """The names of the appended result columns; prefixed if the input already uses one."""
    taken = {name.strip().casefold() for name in header}
    if any(column in taken for column in RESULT_COLUMNS):
        return [f"screening_{column}" for column in RESULT_COLUMNS]
    return list(RESULT_COLUMNS)


def csv_header(header: Sequence[str]) -> str:
    return _csv_text([[*header, *result_columns(header)]])


def format_csv_rows(rows: Iterable[BatchRow]) -> str:
    """Output CSV lines: the input values, then the ``RESULT_COLUMNS``."""
    return _csv_text([[*row.values.values(), *_result_cells(row)] for row in rows])


def _result_cells(row: BatchRow) -> list[str]:
    top = row.top
    if top is None:
        return [row.status, "0", "", "", "", "", row.error or ""]
    cells = [top.entity_id, top.listed_name, f"{top.score:.4f}", summarize_hit(top)]
    return [row.status, str(len(row.hits)), *cells, row.error or ""]


def _csv_text(rows: Iterable[Sequence[str]]) -> str:
    # The default "\r\n" line ending makes the writer quote any field holding \r or \n,
    # so the file reads back the same with any CSV reader.
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()


def format_jsonl_row(row: BatchRow) -> str:
    """One JSON line: row number, input values, status, every hit fully explained, error."""
    record = {
        "row": row.row,
        "id": row.record_id,
        "input": row.values,
        "status": row.status,
        "hit_count": len(row.hits),
        "hits": [hit.model_dump(mode="json", by_alias=True) for hit in row.hits],
        "error": row.error,
    }
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


def summarize_hit(hit: Hit) -> str:
    """A one-line reading of a hit's explanation for the CSV ``reason`` column.

    For example: ``matched "Aleksey BUDNEV"; aleksey->ALEKSEY exact, budnev->BUDNEV
    exact; birth_date match +0.05``.
    """
    matched = f'matched "{hit.matched_name}"'
    if hit.matched_name != hit.listed_name:
        matched += f' (alias of "{hit.listed_name}")'
    if hit.weak_alias:
        matched += " [weak alias]"
    parts = [matched, ", ".join(_token_text(token) for token in hit.explanation.tokens)]
    parts += [
        f"{check.kind} {check.outcome} {check.score_change:+.2f}"
        for check in hit.explanation.evidence
    ]
    parts += [f"penalty: {penalty}" for penalty in hit.explanation.penalties]
    return _one_line("; ".join(part for part in parts if part))


def _token_text(token: TokenMatch) -> str:
    target = token.list_token if token.list_token is not None else "-"
    rule = token.rule.replace("_", " ")
    if token.detail:
        rule += f" ({token.detail})"
    return f"{token.query_token}->{target} {rule}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --- running chunks in parallel ---

Job = TypeVar("Job")
Chunk = TypeVar("Chunk")
Item = TypeVar("Item")
Result = TypeVar("Result")

_worker_job: Any = None  # set in each worker process by ``_install_job``
_PR_SET_PDEATHSIG = 1  # from <sys/prctl.h>


def ordered_map(
    task: Callable[[Job, Chunk], Result], job: Job, chunks: Iterable[Chunk], workers: int
) -> Generator[Result, None, None]:
    """``task(job, chunk)`` for each chunk, results in input order, on ``workers`` processes.

    Only a few chunks per worker are in flight at once, so memory stays flat however
    long ``chunks`` is. With one worker everything runs here, in this process.
    """
    if workers <= 1:
        for chunk in chunks:
            yield task(job, chunk)
        return
    pool = _start_pool(job, workers)
    pending: deque[Future[Result]] = deque()
    try:
        for chunk in chunks:
            pending.append(pool.submit(_run_task, task, chunk))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _start_pool(job: Any, workers: int) -> ProcessPoolExecutor:
    """Start the worker processes now, sharing ``job`` (the built screener) with them.

    Forked workers inherit the job copy-on-write instead of unpickling a copy each.
    Freezing the garbage collector across the fork keeps the children's collections
    from writing to, and so copying, every page of the parent's objects.
    """
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    pool = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_install_job, initargs=(job, os.getpid())
    )
    gc.freeze()
    try:
        pool.submit(_ready).result()  # with fork, the first submit starts every worker
    finally:
        gc.unfreeze()
    return pool


def _install_job(job: Any, parent: int) -> None:
    global _worker_job
    _worker_job = job
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _die_with_parent(parent)


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this worker when its parent dies: a worker waiting for tasks
    would otherwise outlive a killed run forever, holding its memory."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _ready() -> bool:
    return True


def _run_task(task: Callable[[Any, Chunk], Result], chunk: Chunk) -> Result:
    return task(_worker_job, chunk)


def _chunks(
    items: Iterable[Item], size: int, first_row: int = 1
) -> Iterator[tuple[int, list[Item]]]:
    """Consecutive lists of ``size`` items, each with the row number of its first item."""
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield first_row, batch
            first_row += len(batch)
            batch = []
    if batch:
        yield first_row, batch


def default_workers() -> int:
    return os.cpu_count() or 1


# --- the run's files and resume ---


@dataclass(frozen=True)
class RunFiles:
    """The output, the temporary file it is written to, and the run records beside them."""

    output: Path

    @property
    def partial(self) -> Path:
        return self.output.with_name(self.output.name + ".partial")

    @property
    def partial_record(self) -> Path:
        return self.output.with_name(self.output.name + ".partial.run.json")

    @property
    def record(self) -> Path:
        return self.output.with_name(self.output.name + ".run.json")


def check_output(output_path: str | Path, input_path: str | Path, resume: bool) -> RunFiles:
    """The run's files, if a run may write them; ``InputError`` if it may not."""
    files = RunFiles(Path(output_path).absolute())
    if files.output.resolve() == Path(input_path).resolve():
        raise InputError("the output would overwrite the input")
    if not files.output.parent.is_dir():
        raise InputError(f"{files.output.parent}: no such directory for the output")
    if files.partial.exists() and not resume:
        raise InputError(
            f"{files.partial} exists: another run is writing it, or one was interrupted "
            "(continue it with --resume, or delete it)"
        )
    return files


def format_for(output_path: str | Path) -> OutputFormat:
    """The output format a file name asks for: JSON Lines for ``.jsonl``, else CSV."""
    return "jsonl" if Path(output_path).suffix.lower() in (".jsonl", ".ndjson") else "csv"


def _write_json(path: Path, summary: RunSummary) -> None:
    """Write a run record atomically, so a reader never sees half of one."""
    scratch = path.with_name(path.name + ".tmp")
    scratch.write_text(summary.model_dump_json(indent=2, by_alias=True) + "\n", encoding="utf-8")
    os.replace(scratch, path)


def _start_fresh(files: RunFiles, summary: RunSummary, header: Sequence[str]) -> BinaryIO:
    """Create the temporary output (``check_output`` made sure no other run's is there)."""
    _write_json(files.partial_record, summary)
    try:
        out = files.partial.open("xb")
    except FileExistsError:
        raise InputError(
            f"{files.partial} appeared meanwhile: is another run writing it?"
        ) from None
    if summary.output_format == "csv":
        out.write(csv_header(header).encode("utf-8"))
    return out


def _resume(
    files: RunFiles, summary: RunSummary, header: Sequence[str]
) -> tuple[BinaryIO, RowCounts, RunSummary]:
    """Reopen an interrupted run's output after its last complete row.

    Refuses when the lists, settings, options or input differ from the interrupted
    run's, since the two halves would not make one consistent result. Returns the
    output, the rows already done, and the run record carried over.
    """
    try:
        before = RunSummary.model_validate_json(files.partial_record.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(
            f"cannot resume: unreadable run record {files.partial_record}: {exc}"
        ) from None
    mine, theirs = summary.fingerprint(), before.fingerprint()
    changed = [key for key in mine if mine[key] != theirs[key]]
    if changed:
        raise InputError(
            f"cannot resume {files.partial}: {', '.join(changed)} differ from the interrupted run's"
        )
    counts, good_bytes = _completed_rows(files.partial, summary.output_format, header)
    with files.partial.open("r+b") as damaged:
        damaged.truncate(good_bytes)
    out = files.partial.open("ab")
    if good_bytes == 0 and summary.output_format == "csv":
        out.write(csv_header(header).encode("utf-8"))
    carried = {"started_at": before.started_at, "resumed_from_row": counts.rows}
    return out, counts, summary.model_copy(update=carried)


def _completed_rows(
    path: Path, output_format: OutputFormat, header: Sequence[str]
) -> tuple[RowCounts, int]:
    """Count the complete rows of a partial output by status; bytes up to the last one."""
    counts = RowCounts()
    if output_format == "jsonl":
        good = 0
        with path.open("rb") as stream:
            for line in stream:
                if not line.endswith(b"\n"):
                    break
                try:
                    status = json.loads(line)["status"]
                except (ValueError, KeyError, TypeError):
                    raise InputError(
                        f"cannot resume: {path} line {counts.rows + 1} is not a row"
                    ) from None
                _count(counts, status)
                good += len(line)
        return counts, good
    expected_header = csv_header(header).encode("utf-8")
    status_at = len(header)
    width = len(header) + len(RESULT_COLUMNS)
    reader = RecordReader(path, 0, ",", max_bytes=16 * MAX_RECORD_BYTES, fields=width)
    good = 0
    for record in reader:
        if record.problem or not record.data.endswith(b"\n"):
            break  # the row being written when the run stopped
        if good == 0:
            if record.data != expected_header:
                raise InputError(f"cannot resume: {path} has a different header")
        else:
            fields = parse_fields(_strip_terminator(record.data.decode("utf-8")), ",")
            if len(fields) != width:
                raise InputError(f"cannot resume: {path} has a malformed row after {counts.rows}")
            _count(counts, fields[status_at])
        good += len(record.data)
    return counts, good


def _count(counts: RowCounts, status: str) -> None:
    counts.rows += 1
    if status == "hit":
        counts.hits += 1
    elif status == "clear":
        counts.clear += 1
    elif status == "error":
        counts.errors += 1
    else:
        raise InputError(f"cannot resume: unknown status {status!r} in the partial output")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# --- entry points ---


def screen_records(
    screener: Screener,
    records: Iterable[Mapping[str, str]],
    columns: ColumnMap | None = None,
    workers: int = 1,
    threshold: float | None = None,
    limit: int | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> Iterator[BatchRow]:
    """Screen rows given as mappings (column name to value), yielding results in order.

    For onboarding systems holding customers in memory or a database. Rows are
    numbered from 1; a row that cannot be screened comes back with status ``error``.
    """
    job = _ScreenJob(screener, columns or ColumnMap(), *_cutoffs(screener, threshold, limit))
    rows = (dict(record) for record in records)
    for batch in ordered_map(_screen_mapping_chunk, job, _chunks(rows, chunk_size), workers):
        yield from batch


def _screen_mapping_chunk(
    job: _ScreenJob, chunk: tuple[int, list[dict[str, str]]]
) -> list[BatchRow]:
    first_row, records = chunk
    return [job.screen(first_row + offset, record) for offset, record in enumerate(records)]


def screen_csv(
    screener: Screener,
    input_path: str | Path,
    output_path: str | Path,
    columns: ColumnMap | None = None,
    output_format: OutputFormat | None = None,
    workers: int | None = None,
    threshold: float | None = None,
    limit: int | None = None,
    delimiter: str | None = None,
    encoding: str = "utf-8",
    resume: bool = False,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    progress: Callable[[Progress], None] | None = None,
    options: Mapping[str, Any] | None = None,
) -> RunSummary:
    """Screen every row of a CSV file into ``output_path`` (CSV or JSON Lines).

    The format is JSON Lines if ``output_format`` says so or, when it is not given,
    if the output's name ends in ``.jsonl``; CSV otherwise.
    Writes ``output_path`` and ``output_path.run.json`` only when every row is done;
    until then the work is in ``output_path.partial``, which ``resume=True`` continues.
    Raises ``InputError`` when the run cannot start; row problems become error rows.
    """
    session_start = time.monotonic()
    output_format = output_format or format_for(output_path)
    columns = columns or ColumnMap()
    workers = workers or default_workers()
    if workers < 1 or chunk_size < 1:
        raise InputError("workers and chunk size must be at least 1")
    source = inspect_csv(input_path, encoding=encoding, delimiter=delimiter)
    resolved = resolve_columns(columns, source.keys)
    files = check_output(output_path, source.path, resume)
    cutoff, count = _cutoffs(screener, threshold, limit)
    started = _now()
    summary = RunSummary(
        engine_version=screener.engine_version,
        settings_hash=screener.settings.settings_hash(),
        threshold=cutoff,
        limit=count,
        lists=list(screener.snapshots),
        input=source.info(columns),
        output=str(files.output),
        output_format=output_format,
        workers=workers,
        chunk_size=chunk_size,
        started_at=started,
        session_started_at=started,
        options=dict(options) if options is not None else {},
    )
    if resume and files.partial.exists():
        out, done, summary = _resume(files, summary, source.header)
    else:
        out, done = _start_fresh(files, summary, source.header), RowCounts()
    job = _CsvJob(
        _ScreenJob(screener, resolved, cutoff, count),
        source.keys,
        encoding,
        source.delimiter,
        output_format,
    )
    with out:
        counts = _run_chunks(job, source, done, out, workers, chunk_size, progress, session_start)
        out.flush()
        os.fsync(out.fileno())
    seconds = time.monotonic() - session_start
    session_rows = counts.rows - done.rows
    summary = summary.model_copy(
        update={
            "status": "complete",
            "counts": counts,
            "finished_at": _now(),
            "seconds": round(seconds, 3),
            "names_per_second": round(session_rows / seconds, 1) if seconds > 0 else 0.0,
        }
    )
    os.replace(files.partial, files.output)
    _write_json(files.record, summary)
    files.partial_record.unlink(missing_ok=True)
    return summary


def _run_chunks(
    job: _CsvJob,
    source: CsvInput,
    done: RowCounts,
    out: BinaryIO,
    workers: int,
    chunk_size: int,
    progress: Callable[[Progress], None] | None,
    session_start: float,
) -> RowCounts:
    """Feed the input's records, after those already done, through the workers into ``out``."""
    records = source.records(skip=done.rows)
    counts = done.model_copy()
    in_flight: deque[int] = deque()  # bytes of each chunk sent but not yet written
    session_bytes = 0

    def chunks() -> Iterator[tuple[int, list[RawRecord]]]:
        for chunk in _chunks(records, chunk_size, first_row=done.rows + 1):
            in_flight.append(sum(len(record.data) for record in chunk[1]))
            yield chunk

    results = ordered_map(_screen_csv_chunk, job, chunks(), workers)
    with contextlib.closing(results):
        for output in results:
            out.write(output.data)
            counts.rows += output.rows
            counts.hits += output.hits
            counts.errors += output.errors
            counts.clear += output.rows - output.hits - output.errors
            session_bytes += in_flight.popleft()
            if progress is not None:
                bytes_done = source.data_offset + records.bytes_read - sum(in_flight)
                elapsed = time.monotonic() - session_start
                remaining = max(source.size - bytes_done, 0)
                progress(
                    Progress(
                        rows=counts.rows,
                        hits=counts.hits,
                        errors=counts.errors,
                        session_rows=counts.rows - done.rows,
                        elapsed=elapsed,
                        bytes_done=bytes_done,
                        bytes_total=source.size,
                        eta_seconds=elapsed * remaining / session_bytes if session_bytes else None,
                    )
                )
    counts.blank_lines = records.blank_lines
    return counts


def _cutoffs(screener: Screener, threshold: float | None, limit: int | None) -> tuple[float, int]:
    """The threshold and hit limit in force, checked once rather than on every row."""
    return screener.cutoffs(threshold, limit)


__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "RESULT_COLUMNS",
    "BatchRow",
    "ColumnMap",
    "CsvInput",
    "InputInfo",
    "Progress",
    "RowCounts",
    "RunSummary",
    "format_csv_rows",
    "format_jsonl_row",
    "inspect_csv",
    "parse_fields",
    "screen_csv",
    "screen_records",
    "summarize_hit",
]
