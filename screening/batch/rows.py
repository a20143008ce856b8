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
from screening.identifiers import normalise, parse_type
from screening.memo import Memo
from screening.model import Hit, Identifier
from screening.settings import MEMORY

if TYPE_CHECKING:
    from screening.screener import Screener


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
    answers: Memo[tuple[str | None, ...], _Answer | str] = field(
        default_factory=lambda: Memo(MEMORY.batch_answers), compare=False
    )

    def screen(self, row: int, values: dict[str, str], problem: str | None = None) -> BatchRow:
        """One row's outcome; any failure becomes an ``error`` row, never an exception."""
        record_id = _value(values, self.columns.id)

        def failed(error: str) -> BatchRow:
            return BatchRow(row, values, "error", error=one_line(error), record_id=record_id)

        if problem is not None:
            return failed(problem)
        name = _value(values, self.columns.name)
        try:
            identifiers = _identifiers(values, self.columns.identifiers)
        except ValueError as exc:
            return failed(str(exc))
        if name is None and not self.columns.identifiers:
            return failed(f"no {self.columns.name!r} column in this record")
        for kind, value, country in identifiers:  # never screened as clear on a bad value
            normal = normalise(Identifier(type=kind, value=value, country=country))
            if not normal.valid:
                return failed(f"identifier {kind} {value!r} {normal.problem}")
        if not (name or "").strip() and not identifiers:
            return failed(
                "empty name and no identifier" if self.columns.identifiers else "empty name"
            )
        query = (
            name or "",
            _value(values, self.columns.schema) or None,
            _value(values, self.columns.birth_date) or None,
            _value(values, self.columns.country) or None,
            *(f"{kind}/{country or ''}={value}" for kind, value, country in identifiers),
        )
        answer = self.answers.get(query)
        if answer is None:
            try:
                result = self.screener.screen(
                    name or "",
                    identifiers=identifiers,
                    schema=query[1],
                    birth_date=query[2],
                    country=query[3],
                    threshold=self.threshold,
                    limit=self.limit,
                )
                answer = _Answer(result.hits, result.warnings)
            except InputError as exc:
                answer = str(exc)
            except Exception as exc:  # an engine bug must not end a run of a million rows
                return failed(f"internal error: {type(exc).__name__}: {exc}")
            self.answers.put(query, answer)
        if isinstance(answer, str):
            return failed(answer)
        hits = answer.hits
        if self.decisions is not None:
            hits = self.decisions.review(record_id, hits, name or "", *query[1:4])
        status = row_status(hits)
        if self.hide_suppressed:
            hits = [hit for hit in hits if not hit.suppressed]
        return BatchRow(
            row, values, status, hits=hits, record_id=record_id, warnings=answer.warnings
        )


def row_status(hits: list[Hit]) -> RowStatus:
    """``hit`` if any hit is an alert, ``suppressed`` if decisions cover all, else ``clear``."""
    if not hits:
        return "clear"
    return "suppressed" if all(hit.suppressed for hit in hits) else "hit"


class _Answer(NamedTuple):
    hits: list[Hit]
    warnings: list[str]


def _identifiers(
    values: Mapping[str, str], columns: Sequence[tuple[str, str]]
) -> list[tuple[str, str, str | None]]:
    """The row's identifiers (type, value, country) from the non-empty identifier columns."""
    found: list[tuple[str, str, str | None]] = []
    for spec, column in columns:
        value = _value(values, column)
        if value and value.strip():
            kind, country = parse_type(spec)
            found.append((kind, value, country))
    return found


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

    by_identifier = columns.identifiers and columns.name.strip().casefold() not in by_folded
    return ColumnMap(
        name=columns.name if by_identifier else find(columns.name, "--name-column") or columns.name,
        identifiers=tuple(
            (spec, find(column, "--id-column") or column) for spec, column in columns.identifiers
        ),
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
