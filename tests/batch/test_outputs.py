"""Outputs that must not attack their reader or the user: formula cells, NUL bytes, temp
files planted as symlinks, special files, overwrites; and Ctrl-C with real signals."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from screening.batch import RunFiles, screen_csv
from screening.batch.output import safe_cell
from screening.cli import main
from screening.cli.common import EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE
from screening.errors import InputError
from screening.model import Entity
from screening.screener import Screener
from tests.batch.conftest import write_csv
from tests.conftest import REPO

FORMULAS = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR"]


@pytest.mark.parametrize("value", FORMULAS)
def test_a_cell_that_would_start_a_formula_is_quoted(value: str) -> None:
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Ivan Petrov", "0.95", "a=b", "x-y", ""])
def test_ordinary_cells_are_unchanged(value: str) -> None:
    assert safe_cell(value) == value


def test_formulas_from_the_input_and_the_list_are_neutralised_in_csv_only(
    tmp_path: Path,
) -> None:
    evil = Entity(id="evil", schema="Person", names=['=HYPERLINK("http://x","Ivan Budnev")'])
    screener = Screener.from_entities([evil], source="evil")
    rows = [["id", "name"], ["=1+1", "Ivan Budnev"], ["@x", "-Ivan Budnev\x00"]]
    source = write_csv(tmp_path / "in.csv", rows)
    out_csv, out_jsonl = tmp_path / "out.csv", tmp_path / "out.jsonl"
    screen_csv(screener, source, out_csv, threshold=0.3)
    screen_csv(screener, source, out_jsonl, threshold=0.3, columns=None)
    data = out_csv.read_bytes()
    assert b"\x00" not in data
    table = list(csv.reader(io.StringIO(data.decode("utf-8"))))
    for row in table[1:]:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row), row
    assert table[1][0] == "'=1+1" and table[1][5] == "'" + evil.names[0]
    lines = [json.loads(line) for line in out_jsonl.read_text(encoding="utf-8").splitlines()]
    assert lines[0]["input"]["id"] == "=1+1"  # JSON Lines keeps the raw values
    assert lines[0]["hits"][0]["listed_name"] == evil.names[0]
    assert b"\x00" not in out_jsonl.read_bytes()


def test_a_finished_output_is_neither_overwritten_nor_resumed_without_force(
    screener: Screener, tmp_path: Path
) -> None:
    source = write_csv(tmp_path / "in.csv", [["name"], ["Alexei Budnev"]])
    out = tmp_path / "out.csv"
    screen_csv(screener, source, out)
    finished = out.read_bytes()
    with pytest.raises(InputError, match="--force"):
        screen_csv(screener, source, out)
    with pytest.raises(InputError, match="nothing to resume"):
        screen_csv(screener, source, out, resume=True)
    assert out.read_bytes() == finished
    assert screen_csv(screener, source, out, force=True).counts.rows == 1


def test_the_command_refuses_an_existing_output_unless_forced(
    tmp_path: Path, list_file: Path
) -> None:
    source = write_csv(tmp_path / "in.csv", [["name"], ["Alexei Budnev"]])
    args = ["batch", str(source), "-o", str(tmp_path / "out.csv"), "--list", str(list_file), "-q"]
    assert main(args) == EXIT_OK
    assert main(args) == EXIT_USAGE
    assert main([*args, "--resume"]) == EXIT_USAGE
    assert main([*args, "--force"]) == EXIT_OK


@pytest.mark.parametrize("special", ["/dev/full", "/dev/null", "-"])
def test_a_special_output_is_refused_never_replaced(
    screener: Screener, tmp_path: Path, special: str
) -> None:
    if special != "-" and not Path(special).exists():
        pytest.skip(f"no {special}")
    source = write_csv(tmp_path / "in.csv", [["name"], ["Alexei Budnev"]])
    with pytest.raises(InputError):
        screen_csv(screener, source, special, force=True)
    if special != "-":
        assert Path(special).is_char_device()


def test_a_fifo_output_is_refused(screener: Screener, tmp_path: Path) -> None:
    fifo = tmp_path / "out.csv"
    os.mkfifo(fifo)
    source = write_csv(tmp_path / "in.csv", [["name"], ["Alexei Budnev"]])
    with pytest.raises(InputError, match="pipe"):
        screen_csv(screener, source, fifo, force=True)
    assert fifo.is_fifo()


def test_an_output_over_a_list_in_use_is_refused(tmp_path: Path, list_file: Path) -> None:
    screener = Screener.from_lists(list_file)
    source = write_csv(tmp_path / "in.csv", [["name"], ["Alexei Budnev"]])
    before = list_file.read_bytes()
    with pytest.raises(InputError, match="list in use"):
        screen_csv(screener, source, list_file, force=True)
    assert list_file.read_bytes() == before


def test_planted_symlinks_at_temp_names_are_not_followed(
    screener: Screener, tmp_path: Path
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    source = write_csv(tmp_path / "in.csv", [["name"], ["Alexei Budnev"]])
    out = tmp_path / "out.csv"
    files = RunFiles(out.absolute())
    for planted in (
        out.with_name("out.csv.run.json.tmp"),
        out.with_name("out.csv.partial.run.json.tmp"),
    ):
        planted.symlink_to(victim)
    screen_csv(screener, source, out)
    assert victim.read_text() == "precious"
    assert json.loads(files.record.read_text())["status"] == "complete"
    # A symlink planted as the partial output is refused, not written through.
    second = tmp_path / "second.csv"
    second.with_name("second.csv.partial").symlink_to(victim)
    with pytest.raises(InputError):
        screen_csv(screener, source, second, resume=True)
    assert victim.read_text() == "precious"


def _rows(count: int) -> list[list[str]]:
    names = ["Alexei Budnev", "John Smith", "Vladimir Putin", "Ivan Sidorov"]
    return [["id", "name"]] + [[str(n), f"{names[n % 4]} {n}"] for n in range(count)]


@pytest.mark.parametrize("second_interrupt", [False, True])
def test_ctrl_c_stops_quickly_every_time_and_the_run_resumes(
    tmp_path: Path, list_file: Path, second_interrupt: bool
) -> None:
    """Real SIGINTs to a real run, three times over: exit 130 within two seconds, no
    traceback, a ``.partial`` left that ``--resume`` completes."""
    source = write_csv(tmp_path / "in.csv", _rows(6_000))
    common = ["--list", str(list_file), "--workers", "2", "--chunk-size", "20", "--quiet"]
    out = tmp_path / "out.csv"
    partial = tmp_path / "out.csv.partial"
    command = [sys.executable, "-m", "screening", "batch", str(source), "-o", str(out), *common]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for attempt in range(3):
        run = subprocess.Popen(command + (["--resume"] if attempt else []), env=env,
                               stderr=subprocess.PIPE, start_new_session=True)  # fmt: skip
        try:
            start_size = partial.stat().st_size if partial.exists() else 0
            deadline = time.monotonic() + 60
            while run.poll() is None and time.monotonic() < deadline:
                if partial.exists() and partial.stat().st_size > start_size + 2000:
                    break
                time.sleep(0.005)
            assert run.poll() is None, "the run ended before it could be interrupted"
            run.send_signal(signal.SIGINT)
            sent = time.monotonic()
            if second_interrupt:
                time.sleep(0.05)
                run.send_signal(signal.SIGINT)
            _, err = run.communicate(timeout=10)
            took = time.monotonic() - sent
        finally:
            if run.poll() is None:
                os.killpg(run.pid, signal.SIGKILL)
                run.wait()
        assert run.returncode == EXIT_INTERRUPTED, err
        assert took < 2.0, took
        assert b"Traceback" not in err and b"--resume" in err
        assert partial.exists() and not out.exists()
    assert main(["batch", str(source), "-o", str(out), *common, "--resume"]) == EXIT_OK
    ids = [row[0] for row in csv.reader(io.StringIO(out.read_text(encoding="utf-8")))][1:]
    assert ids == [str(n) for n in range(6_000)]

