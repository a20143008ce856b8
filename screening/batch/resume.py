"""The run's files: the partial output beside the final one, the run record, and resuming an
interrupted run from the rows already written."""

from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
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


def check_output(
    output_path: str | Path,
    input_path: str | Path,
    resume: bool,
    force: bool = False,
    lists_in_use: Sequence[str | Path] = (),
) -> RunFiles:
    """The run's files, if a run may write them; ``InputError`` if it may not.

    Refused: an output that is the input or a list in use; a device, pipe or socket
    (renaming the finished file over it would replace it); a finished output, whether
    rerun or "resumed", unless ``force``; an interrupted run's ``.partial`` without
    ``resume`` (another run may be writing it).
    """
    if str(output_path) == "-":
        raise InputError("batch results go to a file, not to stdout: give --output FILE")
    files = RunFiles(Path(output_path).absolute())
    target = files.output.resolve()
    if target == Path(input_path).resolve():
        raise InputError("the output would overwrite the input")
    for listed in map(Path, lists_in_use):
        where = listed.resolve()
        if target == where or (listed.is_dir() and where in target.parents):
            raise InputError(f"the output would be written over or into the list in use {listed}")
    if not files.output.parent.is_dir():
        raise InputError(f"{files.output.parent}: no such directory for the output")
    for path in (files.output, files.partial, files.record, files.partial_record):
        _refuse_special(path)
    if files.partial.exists() and not resume:
        raise InputError(
            f"{files.partial} exists: another run is writing it, or one was interrupted "
            "(continue it with --resume, or delete it)"
        )
    if files.output.exists() and not files.partial.exists() and not force:
        if resume:
            raise InputError(
                f"{files.output} is a finished run: nothing to resume "
                "(--force screens the input again and replaces it)"
            )
        raise InputError(f"{files.output} exists: --force replaces it")
    return files


def _refuse_special(path: Path) -> None:
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise InputError(f"{path}: cannot check the output: {exc.strerror or exc}") from None
    if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode)):
        raise InputError(
            f"{path} is a device, pipe or socket, not a file: batch results are written "
            "to a temporary file and renamed into place, which would replace it; give a "
            "regular file"
        )


def format_for(output_path: str | Path) -> OutputFormat:
    """The output format a file name asks for: JSON Lines for ``.jsonl``, else CSV."""
    return "jsonl" if Path(output_path).suffix.lower() in (".jsonl", ".ndjson") else "csv"


def write_json(path: Path, summary: RunSummary) -> None:
    """Write a run record atomically, so a reader never sees half of one.

    The scratch file gets an unpredictable name, created exclusively in the same folder
    (``tempfile``), so no one who can write to the folder can plant a symlink there to
    make us overwrite another file; the rename replaces ``path`` itself, never what a
    symlink there points to.
    """
    text = summary.model_dump_json(indent=2, by_alias=True) + "\n"
    handle, scratch = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(scratch, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(scratch)
        raise


def start_run(files: RunFiles, summary: RunSummary, header: Sequence[str]) -> BinaryIO:
    """Create the temporary output (``check_output`` made sure no other run's is there).

    Created exclusively: an existing file or a symlink planted at its name is refused.
    """
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


def _open_partial(path: Path) -> BinaryIO:
    """Reopen an interrupted run's output for appending, refusing to follow a symlink."""
    try:
        handle = os.open(path, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        raise InputError(f"cannot resume: cannot open {path}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(os.fstat(handle).st_mode):
        os.close(handle)
        raise InputError(f"cannot resume: {path} is not a regular file")
    return os.fdopen(handle, "r+b")


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
    out = _open_partial(files.partial)
    counts, good_bytes = _completed_rows(files.partial, summary.output_format, header)
    out.truncate(good_bytes)
    out.seek(good_bytes)
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
