"""Batch screening: a whole customer book in, one result row per input row out.

The file is read as bytes and cut into CSV records by the parent process, which
does little else; worker processes decode, parse, screen and format each chunk of
records, so one undecodable or malformed line becomes an ``error`` row instead of
ending the run. Results are written in input order to a temporary file beside the
output, which an interrupted run can continue from (``resume=True``), and renamed
into place at the end together with a JSON run record that pins the lists,
settings and input the results were made with.

Modules, in the order a run uses them: ``model`` (public types), ``reader`` (CSV bytes
into records), ``rows`` (screening one row), ``output`` (formatting rows), ``pool``
(chunks in parallel), ``resume`` (the run's files and resuming), ``run`` (the entry
points ``screen_records`` and ``screen_csv``).
"""

from __future__ import annotations

from screening.batch.model import (
    DEFAULT_CHUNK_SIZE,
    MAX_RECORD_BYTES,
    RESULT_COLUMNS,
    BatchRow,
    ColumnMap,
    InputInfo,
    Progress,
    RowCounts,
    RunSummary,
)
from screening.batch.output import (
    format_csv_rows,
    format_jsonl_row,
    result_cells,
    result_columns,
    summarize_hit,
)
from screening.batch.reader import (
    CsvInput,
    RecordReader,
    detect_delimiter,
    inspect_csv,
    parse_fields,
)
from screening.batch.resume import RunFiles, check_output
from screening.batch.rows import resolve_columns
from screening.batch.run import screen_csv, screen_records

__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "MAX_RECORD_BYTES",
    "RESULT_COLUMNS",
    "BatchRow",
    "ColumnMap",
    "CsvInput",
    "InputInfo",
    "Progress",
    "RecordReader",
    "RowCounts",
    "RunFiles",
    "RunSummary",
    "check_output",
    "detect_delimiter",
    "format_csv_rows",
    "format_jsonl_row",
    "inspect_csv",
    "parse_fields",
    "resolve_columns",
    "result_cells",
    "result_columns",
    "screen_csv",
    "screen_records",
    "summarize_hit",
]
