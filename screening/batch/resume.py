"""The run's files: the partial output beside the final one, the run record, and resuming an
interrupted run from the rows already written."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from screening.errors import InputError

if TYPE_CHECKING:
    pass
from screening.batch.model import (
    MAX_RECORD_BYTES,
    RESULT_COLUMNS,
    OutputFormat,
    RowCounts,
    RunSummary,
)
from screening.batch.output import csv_header
from screening.batch.reader import RecordReader, parse_fields, strip_terminator


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


def write_json(path: Path, summary: RunSummary) -> None:
    """Write a run record atomically, so a reader never sees half of one."""
    scratch = path.with_name(path.name + ".tmp")
    scratch.write_text(summary.model_dump_json(indent=2, by_alias=True) + "\n", encoding="utf-8")
    os.replace(scratch, path)


def start_run(files: RunFiles, summary: RunSummary, header: Sequence[str]) -> BinaryIO:
    """Create the temporary output (``check_output`` made sure no other run's is there)."""
    write_json(files.partial_record, summary)
    try:
        out = files.partial.open("xb")
    except FileExistsError:
        raise InputError(
            f"{files.partial} appeared meanwhile: is another run writing it?"
        ) from None
    if summary.output_format == "csv":
        out.write(csv_header(header).encode("utf-8"))
    return out


def resume_run(
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
            fields = parse_fields(strip_terminator(record.data.decode("utf-8")), ",")
            if len(fields) != width:
                raise InputError(f"cannot resume: {path} has a malformed row after {counts.rows}")
            _count(counts, fields[status_at])
        good += len(record.data)
    return counts, good


def _count(counts: RowCounts, status: str) -> None:
    counts.rows += 1
    if status == "hit":
        counts.hits += 1
    elif status == "suppressed":
        counts.suppressed += 1
    elif status == "clear":
        counts.clear += 1
    elif status == "error":
        counts.errors += 1
    else:
        raise InputError(f"cannot resume: unknown status {status!r} in the partial output")


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
