"""Interrupted runs: the temporary output, ``--resume``, and what resuming refuses."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from screening.batch import Progress, RunSummary, screen_csv
from screening.cli import main
from screening.cli.common import EXIT_ROW_ERRORS, EXIT_USAGE
from screening.errors import InputError
from screening.screener import Screener
from tests.batch.conftest import write_csv
from tests.conftest import REPO

NAMES = ["Alexei Budnev", "John Smith", "ООО Ромашка", "", 'Say "hi"\nnewline', "Putin, V."]


def _rows(count: int) -> list[list[str]]:
    return [["id", "name"]] + [[str(n), NAMES[n % len(NAMES)]] for n in range(count)]


class Stop(Exception):
    """Raised from the progress callback to stop a run midway, as Ctrl-C would."""


def _stop_after(chunks: int) -> object:
    seen = []

    def progress(_: Progress) -> None:
        seen.append(1)
        if len(seen) >= chunks:
            raise Stop

    return progress


TORN_TAILS = {"csv": b'999,"Smith\r\nJohn', "jsonl": b'{"row":999,"input":{"na'}


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize("output_format", ["csv", "jsonl"])
def test_resume_after_a_torn_write_equals_an_uninterrupted_run(
    screener: Screener, tmp_path: Path, output_format: str, workers: int
) -> None:
    source = write_csv(tmp_path / "in.csv", _rows(300))
    reference = tmp_path / f"reference.{output_format}"
    screen_csv(screener, source, reference, output_format=output_format)  # type: ignore[arg-type]
    out = tmp_path / f"out.{output_format}"
    with pytest.raises(Stop):
        screen_csv(
            screener, source, out, output_format=output_format, workers=workers,  # type: ignore[arg-type]
            chunk_size=40, progress=_stop_after(3),  # type: ignore[arg-type]
        )  # fmt: skip
    partial = tmp_path / f"out.{output_format}.partial"
    assert not out.exists() and partial.exists()
    with partial.open("ab") as handle:  # half a row, as a kill during a write leaves it
        handle.write(TORN_TAILS[output_format])
    summary = screen_csv(
        screener, source, out, output_format=output_format, workers=workers, resume=True,  # type: ignore[arg-type]
        chunk_size=40,
    )  # fmt: skip
    assert out.read_bytes() == reference.read_bytes()
    assert summary.resumed_from_row == 120
    whole = RunSummary.model_validate_json(
        (tmp_path / f"reference.{output_format}.run.json").read_text()
    )
    assert summary.counts == whole.counts
    assert (
        not partial.exists() and not (tmp_path / f"out.{output_format}.partial.run.json").exists()
    )


def test_resume_refuses_changed_settings_or_input(screener: Screener, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "in.csv", _rows(100))
    out = tmp_path / "out.csv"
    with pytest.raises(Stop):
        screen_csv(screener, source, out, chunk_size=10, progress=_stop_after(2))  # type: ignore[arg-type]
    with pytest.raises(InputError, match="threshold"):
        screen_csv(screener, source, out, threshold=0.5, resume=True)
    with pytest.raises(InputError, match="output_format"):
        screen_csv(screener, source, out, output_format="jsonl", resume=True)
    write_csv(source, _rows(101))
    with pytest.raises(InputError, match="input"):
        screen_csv(screener, source, out, resume=True)


def test_resume_with_nothing_to_resume_starts_afresh(screener: Screener, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "in.csv", _rows(10))
    summary = screen_csv(screener, source, tmp_path / "out.csv", resume=True)
    assert summary.counts.rows == 10 and summary.resumed_from_row == 0


def test_kill_and_resume_from_the_command_line(tmp_path: Path, list_file: Path) -> None:
    """SIGKILL a real run midway, resume it, and get the uninterrupted run's bytes."""
    source = write_csv(tmp_path / "in.csv", _rows(8_000))
    common = ["--list", str(list_file), "--workers", "2", "--chunk-size", "50", "--quiet"]
    reference = tmp_path / "reference.csv"
    assert main(["batch", str(source), "-o", str(reference), *common]) == EXIT_ROW_ERRORS
    out = tmp_path / "out.csv"
    command = [sys.executable, "-m", "screening", "batch", str(source), "-o", str(out), *common]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    run = subprocess.Popen(command, env=env, start_new_session=True)
    partial = tmp_path / "out.csv.partial"
    target = reference.stat().st_size // 4
    deadline = time.monotonic() + 60
    try:
        while run.poll() is None and time.monotonic() < deadline:
            if partial.exists() and partial.stat().st_size > target:
                break
            time.sleep(0.005)
        assert run.poll() is None, "the run ended before it could be killed"
    finally:
        os.killpg(run.pid, signal.SIGKILL)  # the run and its workers: a session of their own
        run.wait()
    assert partial.exists() and not out.exists()
    assert main(["batch", str(source), "-o", str(out), *common, "--resume"]) == EXIT_ROW_ERRORS
    assert out.read_bytes() == reference.read_bytes()
    record = RunSummary.model_validate_json((tmp_path / "out.csv.run.json").read_text())
    assert 0 < record.resumed_from_row < 8_000
    assert record.counts.rows == 8_000


def test_a_second_run_into_an_unfinished_output_is_refused(tmp_path: Path, list_file: Path) -> None:
    source = write_csv(tmp_path / "in.csv", _rows(5))
    (tmp_path / "out.csv.partial").write_bytes(b"")
    args = ["batch", str(source), "-o", str(tmp_path / "out.csv"), "--list", str(list_file)]
    assert main(args) == EXIT_USAGE
