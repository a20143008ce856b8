"""``screening batch`` on the command line: exit codes, output format, summary, progress."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from screening.batch import Progress
from screening.cli import main
from screening.cli.batch import ProgressBar, counts_text
from screening.cli.common import EXIT_LIST_ERROR, EXIT_OK, EXIT_ROW_ERRORS, EXIT_USAGE
from tests.batch.conftest import write_csv

GOOD = [["id", "name"], ["1", "Alexei Budnev"], ["2", "John Smith"]]
WITH_ERRORS = [*GOOD, ["3", ""]]


def _batch(tmp: Path, list_file: Path, rows: list[list[str]], *extra: str) -> int:
    source = write_csv(tmp / "in.csv", rows)
    return main(
        ["batch", str(source), "--output", str(tmp / "out.csv"), "--list", str(list_file), *extra]
    )


@pytest.mark.parametrize(
    ("rows", "extra", "code"),
    [
        (GOOD, [], EXIT_OK),
        (GOOD, ["--workers", "2"], EXIT_OK),
        (WITH_ERRORS, ["--workers", "1"], EXIT_ROW_ERRORS),
        (GOOD, ["--name-column", "full_name"], EXIT_USAGE),
        (GOOD, ["--threshold", "2"], EXIT_USAGE),
        (GOOD, ["--workers", "0"], EXIT_USAGE),
        (GOOD, ["--encoding", "utf-16"], EXIT_USAGE),
        (GOOD, ["--delimiter", "ab"], EXIT_USAGE),
    ],
)
def test_exit_codes(
    tmp_path: Path, list_file: Path, rows: list[list[str]], extra: list[str], code: int
) -> None:
    assert _batch(tmp_path, list_file, rows, *extra) == code


def test_a_list_that_fails_to_load_stops_before_any_output(tmp_path: Path) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "x", "names": []}\n')
    assert _batch(tmp_path, broken, GOOD) == EXIT_LIST_ERROR
    assert not (tmp_path / "out.csv").exists() and not (tmp_path / "out.csv.partial").exists()


def test_an_unreadable_input_is_a_usage_error(tmp_path: Path, list_file: Path) -> None:
    code = main(["batch", str(tmp_path / "absent.csv"), "-o", str(tmp_path / "o.csv"),
                 "--list", str(list_file)])  # fmt: skip
    assert code == EXIT_USAGE


def test_bad_option_values_are_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["batch", "in.csv", "--output", "o.csv", "--format", "xml"])
    assert stopped.value.code == EXIT_USAGE


def test_jsonl_is_chosen_by_the_output_name(tmp_path: Path, list_file: Path) -> None:
    source = write_csv(tmp_path / "in.csv", GOOD)
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(source), "-o", str(out), "--list", str(list_file)]) == EXIT_OK
    statuses = [json.loads(line)["status"] for line in out.read_text().splitlines()]
    assert statuses == ["hit", "clear"]


def test_tab_delimiter_by_name_and_evidence_columns(tmp_path: Path, list_file: Path) -> None:
    rows = [["name", "kind", "dob"], ["Alexei Budnev", "person", "1970-01-02"]]
    source = write_csv(tmp_path / "in.tsv", rows, delimiter="\t")
    out = tmp_path / "out.jsonl"
    args = ["batch", str(source), "-o", str(out), "--list", str(list_file), "--delimiter", "tab",
            "--schema-column", "kind", "--birth-date-column", "DOB"]  # fmt: skip
    assert main(args) == EXIT_OK
    (row,) = (json.loads(line) for line in out.read_text().splitlines())
    evidence = row["hits"][0]["explanation"]["evidence"]
    assert {"kind": "birth_date", "outcome": "match"}.items() <= evidence[0].items()


def test_summary_on_stderr_and_options_in_the_run_record(
    tmp_path: Path, list_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _batch(tmp_path, list_file, WITH_ERRORS, "--limit", "3") == EXIT_ROW_ERRORS
    err = capsys.readouterr().err
    assert "3 rows read: 1 hit, 1 clear, 1 error" in err
    assert "names/s" in err and "out.csv.run.json" in err
    assert "\r" not in err  # no progress line when stderr is not a terminal
    record = json.loads((tmp_path / "out.csv.run.json").read_text())
    assert record["options"]["limit"] == 3 and record["options"]["command"] == "batch"
    assert record["lists"][0]["path"] == str(list_file)


def test_quiet_prints_nothing(
    tmp_path: Path, list_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _batch(tmp_path, list_file, GOOD, "--quiet") == EXIT_OK
    assert capsys.readouterr().err == ""


def _progress(**changes: float) -> Progress:
    values: dict[str, float | None] = {
        "rows": 520_000, "hits": 5_210, "errors": 0, "session_rows": 520_000, "elapsed": 100.0,
        "bytes_done": 52, "bytes_total": 100, "eta_seconds": 94.0,
    }  # fmt: skip
    values.update(changes)
    return Progress(**values)  # type: ignore[arg-type]


def test_counts_text() -> None:
    assert counts_text(_progress()) == "520,000 rows, 5,210 hits"
    assert counts_text(_progress(errors=3)) == "520,000 rows, 5,210 hits, 3 errors"


def test_progress_bar_shows_share_counts_and_ends_its_line() -> None:
    stream = io.StringIO()
    bar = ProgressBar(stream, interval=0.0)
    bar(_progress(bytes_done=10))
    bar(_progress(bytes_done=52, errors=2))
    bar.close()
    text = stream.getvalue()
    assert "52%" in text and "520,000 rows, 5,210 hits, 2 errors" in text
    assert text.endswith("\n") and text.count("\n") == 1
