"""The two entry points: ``screen_records`` for an iterable of mappings and ``screen_csv``
for a file."""

from __future__ import annotations

import contextlib
import itertools
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from screening.batch.model import (
    DEFAULT_CHUNK_SIZE,
    BatchRow,
    ColumnMap,
    ColumnsLike,
    OutputFormat,
    Progress,
    RowCounts,
    RunSummary,
    path_text,
)
from screening.batch.pool import default_workers, make_chunks, ordered_map, task_size
from screening.batch.reader import CsvInput, RawRecord, inspect_csv
from screening.batch.resume import (
    check_output,
    format_for,
    resume_run,
    start_run,
    utc_now,
    write_json,
)
from screening.batch.rows import (
    CsvJob,
    HitReviewer,
    ScreenJob,
    resolve_columns,
    screen_csv_chunk,
)
from screening.engine_build import engine_build
from screening.errors import InputError

if TYPE_CHECKING:
    from screening.screener import Screener

_SAMPLE_ROWS = 100  # records read first to estimate how many rows the file holds


def screen_records(
    screener: Screener,
    records: Iterable[Mapping[str, str]],
    columns: ColumnsLike = None,
    workers: int = 1,
    threshold: float | None = None,
    limit: int | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    decisions: HitReviewer | None = None,
    hide_suppressed: bool = False,
) -> Iterator[BatchRow]:
    """Screen rows given as mappings (column name to value), yielding results in order.

    For onboarding systems holding customers in memory or a database. ``columns`` says
    which columns hold what, in any form ``ColumnMap.of`` accepts (a ``ColumnMap``,
    ``{"name": "full_name"}``, ``["name", "birth_date"]``). Rows are numbered from 1;
    a row that cannot be screened comes back with status ``error``. Bad arguments
    raise ``InputError`` here, at the call, not when the rows are first read.
    """
    if workers < 1 or chunk_size < 1:
        raise InputError("workers and chunk size must be at least 1")
    if isinstance(records, (str, bytes)) or not isinstance(records, Iterable):
        raise InputError("records must be an iterable of mappings (column name to value)")
    job = ScreenJob(
        screener,
        ColumnMap.of(columns),
        *_cutoffs(screener, threshold, limit),
        decisions=decisions,
        hide_suppressed=hide_suppressed,
    )
    return _screen_records(job, records, workers, chunk_size)


def _screen_records(
    job: ScreenJob, records: Iterable[Mapping[str, str]], workers: int, chunk_size: int
) -> Iterator[BatchRow]:
    rows = (_as_row(record) for record in records)
    for batch in ordered_map(_screen_mapping_chunk, job, make_chunks(rows, chunk_size), workers):
        yield from batch


def _as_row(record: Mapping[str, str]) -> dict[str, str]:
    if not isinstance(record, Mapping):
        raise InputError(f"each record must be a mapping of column to value, got {record!r:.80}")
    return {str(key): "" if value is None else str(value) for key, value in record.items()}


def _screen_mapping_chunk(
    job: ScreenJob, chunk: tuple[int, list[dict[str, str]]]
) -> list[BatchRow]:
    first_row, records = chunk
    return [job.screen(first_row + offset, record) for offset, record in enumerate(records)]


def screen_csv(
    screener: Screener,
    input_path: str | Path,
    output_path: str | Path,
    columns: ColumnsLike = None,
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
    force: bool = False,
    decisions: HitReviewer | None = None,
    hide_suppressed: bool = False,
) -> RunSummary:
    """Screen every row of a CSV file into ``output_path`` (CSV or JSON Lines).

    The format is JSON Lines if ``output_format`` says so or, when it is not given,
    if the output's name ends in ``.jsonl``; CSV otherwise.
    Writes ``output_path`` and ``output_path.run.json`` only when every row is done;
    until then the work is in ``output_path.partial``, which ``resume=True`` continues.
    An existing output is replaced only with ``force=True`` (also when resuming a run
    that already finished); see ``check_output`` for what else is refused.
    Raises ``InputError`` when the run cannot start; row problems become error rows.
    With ``decisions`` (keyed by the id column), hits covered by a valid false-positive
    decision are marked, and a row whose hits all are has the status ``suppressed``;
    ``hide_suppressed`` leaves those hits out of the output.
    """
    session_start = time.monotonic()
    output_format = output_format or format_for(output_path)
    columns = ColumnMap.of(columns)
    workers = workers or default_workers()
    if workers < 1 or chunk_size < 1:
        raise InputError("workers and chunk size must be at least 1")
    if decisions is not None and columns.id is None:
        raise InputError("applying decisions needs the customer key: name the id column")
    source = inspect_csv(input_path, encoding=encoding, delimiter=delimiter)
    resolved = resolve_columns(columns, source.keys)
    in_use = [snapshot.path for snapshot in screener.snapshots]
    files = check_output(output_path, source.path, resume, force=force, lists_in_use=in_use)
    cutoff, count = _cutoffs(screener, threshold, limit)
    started = utc_now()
    summary = RunSummary(
        engine_version=screener.engine_version,
        engine_build=engine_build(),
        settings_hash=screener.settings.settings_hash(),
        threshold=cutoff,
        limit=count,
        lists=list(screener.snapshots),
        input=source.info(columns),
        output=path_text(files.output),
        output_format=output_format,
        workers=workers,
        chunk_size=chunk_size,
        started_at=started,
        session_started_at=started,
        options=dict(options) if options is not None else {},
    )
    if resume and files.partial.exists():
        out, done, summary = resume_run(files, summary, source.header)
    else:
        out, done = start_run(files, summary, source.header), RowCounts()
    job = CsvJob(
        ScreenJob(screener, resolved, cutoff, count, decisions, hide_suppressed),
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
            "finished_at": utc_now(),
            "seconds": round(seconds, 3),
            "names_per_second": round(session_rows / seconds, 1) if seconds > 0 else 0.0,
        }
    )
    os.replace(files.partial, files.output)
    write_json(files.record, summary)
    files.partial_record.unlink(missing_ok=True)
    return summary


def _run_chunks(
    job: CsvJob,
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
    reading = iter(records)
    sample = list(itertools.islice(reading, _SAMPLE_ROWS))
    rows_left: float = len(sample)
    if sample:  # the rest of the file, in records the size of the first ones
        average = sum(len(record.data) for record in sample) / len(sample)
        rows_left += max(source.size - source.data_offset - records.bytes_read, 0) / average
    task_rows = task_size(chunk_size, workers, rows_left)

    def chunks() -> Iterator[tuple[int, list[RawRecord]]]:
        rows = itertools.chain(sample, reading)
        for chunk in make_chunks(rows, task_rows, first_row=done.rows + 1):
            in_flight.append(sum(len(record.data) for record in chunk[1]))
            yield chunk

    results = ordered_map(screen_csv_chunk, job, chunks(), workers)
    with contextlib.closing(results):
        for output in results:
            out.write(output.data)
            counts.rows += output.rows
            counts.hits += output.hits
            counts.errors += output.errors
            counts.suppressed += output.suppressed
            counts.clear += output.rows - output.hits - output.errors - output.suppressed
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
