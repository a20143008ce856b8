"""``screening screen`` and ``screening schema``: every name screened, bad ones reported by
position, one JSON shape, one-line failures with documented exit codes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pydantic
import pytest

from screening.bundled import BUNDLED_LIST
from screening.cli import build_parser, main
from screening.cli.common import (
    EXIT_INTERNAL,
    EXIT_LIST_ERROR,
    EXIT_OK,
    EXIT_OUTPUT_ERROR,
    EXIT_ROW_ERRORS,
    EXIT_USAGE,
    interrupt_once,
)
from screening.model import ScreeningResult
from screening.screener import Screener

REPO = Path(__file__).resolve().parents[2]


def test_every_name_is_screened_and_the_bad_one_is_named(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["screen", "Aleksei Budnev", "", "Vladimir Putin", "--json"])
    assert code == EXIT_ROW_ERRORS
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines()]
    assert len(lines) == 3
    assert lines[0]["hits"] and lines[2]["hits"][0]["entity_id"] == "default-0012"
    assert lines[1]["position"] == 2 and "empty" in lines[1]["error"]
    assert "name 2 of 3" in captured.err


def test_screen_json_equals_model_dump_json_and_says_schema(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["screen", "Aleksey Budnev", "--schema", "person", "--json"]) == EXIT_OK
    printed = capsys.readouterr().out.strip()
    result = Screener.from_lists(BUNDLED_LIST).screen("Aleksey Budnev", schema="Person")
    assert printed == result.model_dump_json()
    data = json.loads(printed)
    assert data["query"]["schema"] == "Person" and "schema_" not in printed
    assert data["hits"][0]["schema"] == "Person"
    assert ScreeningResult.model_validate_json(printed) == result


def test_results_are_immutable() -> None:
    result = Screener.from_lists(BUNDLED_LIST).screen("Aleksey Budnev")
    with pytest.raises(pydantic.ValidationError):
        result.threshold = 0.1  # type: ignore[misc]
    with pytest.raises(pydantic.ValidationError):
        result.hits[0].score = 1.0  # type: ignore[misc]
    with pytest.raises(pydantic.ValidationError):
        result.query.name = "someone else"  # type: ignore[misc]


def test_schema_command_prints_the_result_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == EXIT_OK
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "ScreeningResult"
    assert {"query", "hits", "warnings", "lists"} <= set(schema["properties"])
    assert "schema" in schema["$defs"]["Hit"]["properties"]
    assert "schema_" not in json.dumps(schema)


@pytest.mark.parametrize("value", ["organization", "ORGANIZATION", "Organization"])
def test_schema_option_in_any_case(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["screen", "Technologia", "--schema", value, "--json"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)["query"]["schema"] == "Organization"


def test_a_wrong_schema_lists_those_that_exist_in_help_and_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["screen", "Technologia", "--schema", "company"])
    assert stopped.value.code == EXIT_USAGE
    error = capsys.readouterr().err
    assert "pydantic" not in error and "http" not in error
    choices = "Person, Organization, Vessel, Aircraft, LegalEntity"
    assert choices in error
    with pytest.raises(SystemExit):
        build_parser().parse_args(["screen", "--help"])
    assert choices in " ".join(capsys.readouterr().out.split())


def test_help_shows_defaults_exit_codes_and_the_name_limit(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for command in (["screen"], ["batch"], ["lists", "info"], ["lists", "fetch"], ["schema"]):
        with pytest.raises(SystemExit):
            build_parser().parse_args([*command, "--help"])
        text = " ".join(capsys.readouterr().out.split())
        assert "exit status:" in text and "130 interrupted" in text, command
    with pytest.raises(SystemExit):
        build_parser().parse_args(["screen", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "(default 0.74)" in text and "(default 10)" in text and "1,000 characters" in text


def _run(*args: str, stdout: int | None = subprocess.PIPE) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "screening", *args],
        cwd=REPO,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"},
        stdout=stdout,
        stderr=subprocess.PIPE,
        timeout=120,
    )


def test_a_byte_that_is_not_utf8_in_an_argument_is_one_line_not_a_traceback() -> None:
    done = _run("screen", "Aleksey\udcffBudnev".encode("utf-8", "surrogateescape").decode(
        "utf-8", "surrogateescape"), "Vladimir Putin", "--json")  # fmt: skip
    assert done.returncode == EXIT_ROW_ERRORS
    assert b"Traceback" not in done.stderr
    assert b"lone surrogate" in done.stderr and len(done.stderr.splitlines()) == 1
    results = [json.loads(line) for line in done.stdout.splitlines()]
    assert "error" in results[0] and results[1]["hits"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_stdout_on_a_full_device_is_an_output_error() -> None:
    with open("/dev/full", "wb") as full:
        done = _run("screen", "Vladimir Putin", stdout=full.fileno())
    assert done.returncode == EXIT_OUTPUT_ERROR
    assert b"Traceback" not in done.stderr
    assert done.stderr.decode().startswith("screening: cannot write the output")


def test_an_unexpected_error_is_one_line_with_the_internal_code(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*_: object, **__: object) -> None:
        raise IndexError("list index out of range")

    monkeypatch.setattr("screening.cli.screen.build_screener", broken)
    assert main(["screen", "Vladimir Putin"]) == EXIT_INTERNAL
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "internal error: IndexError" in error


def test_a_warning_is_shown_in_the_text_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["screen", "Wladimir Putim", "--birth-date", "yesterday"]) == EXIT_OK
    assert "warning: birth date 'yesterday' not understood" in capsys.readouterr().out


def _workbook(path: Path) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(["Name 6", "Group ID"])
    book.active.append(["BUDNEV", "1"])
    book.save(path)
    return path


def test_a_workbook_renamed_to_csv_is_a_list_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    renamed = _workbook(tmp_path / "book.xlsx").rename(tmp_path / "list.csv")
    assert main(["screen", "Ivan", "--list", str(renamed)]) == EXIT_LIST_ERROR
    error = capsys.readouterr().err
    assert error.startswith("screening: list error:") and error.count("\n") == 1


def test_a_damaged_workbook_is_a_list_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _workbook(tmp_path / "book.xlsx")
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, b"<broken" if name.endswith("sheet1.xml") else data)
    assert main(["screen", "Ivan", "--list", str(path)]) == EXIT_LIST_ERROR
    assert capsys.readouterr().err.count("\n") == 1


def test_file_names_that_are_not_utf8_still_give_json(tmp_path: Path) -> None:
    odd = Path(os.fsdecode(b"l\xff.jsonl"))
    listed = tmp_path / odd
    listed.write_bytes(BUNDLED_LIST.read_bytes())
    done = _run("screen", "Aleksey Budnev", "--list", str(listed), "--json")
    assert done.returncode == EXIT_OK, done.stderr
    result = json.loads(done.stdout)
    assert result["lists"][0]["path"].endswith("l\\xff.jsonl")
    source = tmp_path / os.fsdecode(b"in\xff.csv")
    source.write_text("name\nAleksey Budnev\n", encoding="utf-8")
    out = tmp_path / os.fsdecode(b"out\xff.csv")
    done = _run("batch", str(source), "-o", str(out), "--list", str(listed), "-q")
    assert done.returncode == EXIT_OK, done.stderr
    record = json.loads(Path(str(out) + ".run.json").read_text(encoding="utf-8"))
    assert record["input"]["path"].endswith("in\\xff.csv") and record["status"] == "complete"


def test_interrupt_once_restores_the_handler_or_keeps_ctrl_c_ignored() -> None:
    original = signal.getsignal(signal.SIGINT)
    try:
        with interrupt_once(), interrupt_once():
            pass
        assert signal.getsignal(signal.SIGINT) is original
        with pytest.raises(KeyboardInterrupt), interrupt_once(), interrupt_once():
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(1)  # the signal arrives; the handler raises
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN  # a second Ctrl-C: nothing
        with interrupt_once():
            assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN  # ignored stays ignored
    finally:
        signal.signal(signal.SIGINT, original)
