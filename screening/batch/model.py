"""The public types of a batch run: column choices, one row's outcome, progress, counts
and the run record."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field

from screening.errors import InputError
from screening.model import Hit, ListSnapshot
from screening.settings import MEMORY

if TYPE_CHECKING:
    pass


def path_text(path: str | os.PathLike[str]) -> str:
    """A path as text that any JSON or terminal takes: bytes of the file name that are
    not UTF-8 shown as ``\\xff`` rather than kept as lone surrogates."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


RowStatus = Literal["hit", "suppressed", "clear", "error"]
OutputFormat = Literal["csv", "jsonl"]

#: Rows per task sent to a worker: large enough that inter-process traffic is
#: negligible, small enough that memory stays flat and progress stays smooth.
DEFAULT_CHUNK_SIZE = MEMORY.batch_chunk_rows
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


@dataclass(frozen=True)
class ColumnMap:
    """Which input columns hold the name and the optional evidence (case-insensitive).

    Each field names a column of the records: ``name`` (required, default "name"), ``id``
    (your record id, echoed in the output), ``schema`` (Person, Organization...),
    ``birth_date`` and ``country`` (read as ``Screener.screen`` reads them). A field left
    ``None`` is not used. ``ColumnMap.of`` also accepts the shorter forms.
    """

    name: str = "name"
    id: str | None = None
    schema: str | None = None
    birth_date: str | None = None
    country: str | None = None
    # Identifier columns: (type, or type/country such as tax_id/ru; the column). With
    # any, the name column may be absent: the rows are screened by identifier alone.
    identifiers: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, columns: ColumnsLike) -> ColumnMap:
        """A ``ColumnMap`` from any accepted form; ``InputError`` naming the fields otherwise.

        - ``None``: the defaults (the name in column "name", nothing else);
        - a ``ColumnMap``: itself;
        - a string: the name column;
        - a mapping of field to column: ``{"name": "full_name", "birth_date": "dob"}``;
        - a list of fields whose columns have the same names: ``["name", "birth_date"]``.
        """
        if columns is None:
            return cls()
        if isinstance(columns, ColumnMap):
            return columns
        if isinstance(columns, str):
            return cls(name=columns)
        if isinstance(columns, Mapping):
            pairs = dict(columns)
        elif isinstance(columns, Iterable):
            fields = list(columns)
            if not all(isinstance(field_name, str) for field_name in fields):
                raise InputError(f"columns must be field names, got {fields!r}")
            pairs = {field_name: field_name for field_name in fields}
        else:
            raise InputError(
                f"columns must be a ColumnMap, a column name, a mapping or a list of fields; "
                f"got {type(columns).__name__}"
            )
        unknown = [key for key in pairs if key not in COLUMN_FIELDS]
        if unknown:
            raise InputError(
                f"unknown column field(s) {', '.join(map(repr, unknown))}; "
                f"the fields are {', '.join(COLUMN_FIELDS)}"
            )
        for key, value in pairs.items():
            if value is not None and not isinstance(value, str):
                raise InputError(f"the column for {key!r} must be a string, got {value!r}")
        name = pairs.pop("name", "name")
        if name is None:
            raise InputError("the name column is required")
        return cls(
            name=name,
            id=pairs.get("id"),
            schema=pairs.get("schema"),
            birth_date=pairs.get("birth_date"),
            country=pairs.get("country"),
        )


COLUMN_FIELDS = ("name", "id", "schema", "birth_date", "country")
#: What ``ColumnMap.of`` (and so ``screen_records``) accepts for ``columns``.
ColumnsLike = ColumnMap | str | Mapping[str, str | None] | Sequence[str] | None


@dataclass(frozen=True, slots=True)
class BatchRow:
    """The outcome for one input row: its values, status, hits best first, or why it failed.

    ``warnings`` name evidence of the row that could not be read (a birth date or
    country), which was screened as unknown rather than as a mismatch.
    """

    row: int
    values: dict[str, str]
    status: RowStatus
    hits: list[Hit] = field(default_factory=list)
    error: str | None = None
    record_id: str | None = None
    warnings: list[str] = field(default_factory=list)

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
    suppressed: int = 0  # every hit covered by an analyst's decision (``--decisions``)
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
    # ``compiled by mypyc, 31 modules`` or ``pure Python`` (same results either way);
    # None in a record written before builds were recorded.
    engine_build: str | None = None
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
