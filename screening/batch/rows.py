"""Screening one row: a record decoded into values, its query screened, any failure turned
into an ``error`` row; a repeated query is answered from memory."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple, Protocol

from screening.batch.model import BatchRow, ColumnMap, OutputFormat, RowStatus
from screening.batch.output import format_csv_rows, format_jsonl_row, one_line
from screening.batch.reader import RawRecord, parse_fields, strip_terminator
from screening.errors import InputError
from screening.model import SCHEMAS, Hit

if TYPE_CHECKING:
    from screening.screener import Screener


#: Distinct queries whose answers a worker keeps for the rows that repeat them.
ANSWERS_REMEMBERED = 20_000


class HitReviewer(Protocol):
    """Applies analyst decisions to a customer's hits (``screening.decisions.DecisionBook``)."""

    def review(
        self,
        customer_key: str | None,
        hits: list[Hit],
        name: str,
        schema: str | None = None,
        birth_date: str | None = None,
        country: str | None = None,
    ) -> list[Hit]: ...


@dataclass(frozen=True)
class ScreenJob:
    """Everything a worker needs to screen rows; built once, inherited by forked workers."""

    screener: Screener
    columns: ColumnMap
    threshold: float
    limit: int
    decisions: HitReviewer | None = None
    hide_suppressed: bool = False
    # Hits (or the input error) by query: a customer book repeats names, and the same
    # query against the same list and settings always has the same answer.
    answers: dict[tuple[str | None, ...], list[Hit] | str] = field(
        default_factory=dict, compare=False
    )

    def screen(self, row: int, values: dict[str, str], problem: str | None = None) -> BatchRow:
        """One row's outcome; any failure becomes an ``error`` row, never an exception."""
        record_id = _value(values, self.columns.id)

        def failed(error: str) -> BatchRow:
            return BatchRow(row, values, "error", error=one_line(error), record_id=record_id)

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
        if self.decisions is not None:
            answer = self.decisions.review(record_id, answer, *query)
        status = row_status(answer)
        if self.hide_suppressed:
            answer = [hit for hit in answer if not hit.suppressed]
        return BatchRow(row, values, status, hits=answer, record_id=record_id)


def row_status(hits: list[Hit]) -> RowStatus:
    """``hit`` if any hit is an alert, ``suppressed`` if decisions cover all, else ``clear``."""
    if not hits:
        return "clear"
    return "suppressed" if all(hit.suppressed for hit in hits) else "hit"


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
class CsvJob:
    """A ``ScreenJob`` plus how to decode the input's records and format the output's."""

    screen: ScreenJob
    keys: list[str]
    encoding: str
    delimiter: str
    output_format: OutputFormat


class _ChunkOutput(NamedTuple):
    data: bytes
    rows: int
    hits: int
    errors: int
    suppressed: int


def screen_csv_chunk(job: CsvJob, chunk: tuple[int, list[RawRecord]]) -> _ChunkOutput:
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
    suppressed = sum(row.status == "suppressed" for row in rows)
    return _ChunkOutput(text.encode("utf-8"), len(rows), hits, errors, suppressed)


def _decode_record(job: CsvJob, record: RawRecord) -> tuple[dict[str, str], str | None]:
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
    text = strip_terminator(text)
    try:
        fields = parse_fields(text, job.delimiter)
    except ValueError as exc:
        fields = text.split(job.delimiter)
        problem = problem or str(exc)
    expected = len(job.keys)
    if len(fields) != expected and problem is None:
        problem = f"expected {expected} fields, found {len(fields)}"
        if len(fields) > expected:
            problem += f"; extra: {one_line(repr(fields[expected:]))[:200]}"
    if len(fields) < expected:
        fields += [""] * (expected - len(fields))
    return dict(zip(job.keys, fields, strict=False)), problem
