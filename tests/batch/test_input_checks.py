"""A wrong encoding or a file that is not CSV is caught before the run, with what to do;
dates and countries in batch rows are read as ``screen`` reads them."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest

from screening.batch import ColumnMap, inspect_csv, screen_csv, screen_records
from screening.bundled import BUNDLED_LIST
from screening.cli import main
from screening.cli.common import EXIT_USAGE
from screening.encoding import best_legacy_encoding, encoding_problem
from screening.errors import InputError
from screening.screener import Screener
from tests.batch.conftest import write_csv

CYRILLIC = [["id", "name"], ["1", "Алексей Буднев"], ["2", "Иван Петров"], ["3", "Ольга Смирнова"]]


@pytest.mark.parametrize("legacy", ["cp1251", "koi8-r"])
def test_a_legacy_cyrillic_file_read_as_utf8_names_its_encoding(
    tmp_path: Path, legacy: str
) -> None:
    path = write_csv(tmp_path / "in.csv", CYRILLIC, encoding=legacy)
    with pytest.raises(InputError, match=f"--encoding {legacy}"):
        inspect_csv(path)
    assert inspect_csv(path, encoding=legacy).header == ["id", "name"]


def test_the_command_says_which_encoding_to_pass(
    tmp_path: Path, list_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "in.csv", CYRILLIC, encoding="cp1251")
    code = main(["batch", str(path), "-o", str(tmp_path / "o.csv"), "--list", str(list_file)])
    assert code == EXIT_USAGE
    assert "--encoding cp1251" in capsys.readouterr().err
    assert not (tmp_path / "o.csv.partial").exists()


@pytest.mark.parametrize("wrong", ["cp1251", "latin-1", "koi8-r"])
def test_a_utf8_file_read_with_a_legacy_encoding_is_refused(tmp_path: Path, wrong: str) -> None:
    path = write_csv(tmp_path / "in.csv", CYRILLIC)
    with pytest.raises(InputError, match="is UTF-8") as refused:
        inspect_csv(path, encoding=wrong)
    assert "Алексей" in str(refused.value)


def test_a_few_broken_rows_in_a_utf8_file_do_not_stop_the_run() -> None:
    sample = "id,name\n1,Алексей\n2,Ольга\n".encode() + b"3,Iv\xff\xfean\n"
    assert encoding_problem(sample, "utf-8") is None


def test_ascii_files_are_fine_in_any_ascii_compatible_encoding() -> None:
    for encoding in ("utf-8", "cp1251", "latin-1"):
        assert encoding_problem(b"id,name\n1,Ivan Petrov\n", encoding) is None


def test_the_legacy_guess_follows_the_letter_case_of_names() -> None:
    assert best_legacy_encoding("Алексей Буднев".encode("cp1251")) == "cp1251"
    assert best_legacy_encoding("Алексей Буднев".encode("koi8-r")) == "koi8-r"
    assert best_legacy_encoding("José Müller".encode("cp1252")) == "cp1252"


def test_an_xlsx_renamed_to_csv_is_named_for_what_it_is(tmp_path: Path) -> None:
    path = tmp_path / "customers.csv"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(InputError, match="xlsx"):
        inspect_csv(path)


def test_utf16_is_named(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes("name\nIvan\n".encode("utf-16"))
    with pytest.raises(InputError, match="UTF-16"):
        inspect_csv(path)


def test_batch_reads_dates_and_countries_as_screen_does(tmp_path: Path) -> None:
    screener = Screener.from_lists(BUNDLED_LIST)
    rows = [
        ["name", "dob", "country"],
        ["Wladimir Putim", "07.10.1952", "Россия"],
        ["Wladimir Putim", "yesterday", "xx"],
        ["Wladimir Putim", "", ""],
    ]
    source = write_csv(tmp_path / "in.csv", rows)
    out = tmp_path / "out.csv"
    columns = ColumnMap(birth_date="dob", country="country")
    screen_csv(screener, source, out, columns=columns, workers=1)
    parsed, unreadable, plain = csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")))
    assert parsed["status"] == unreadable["status"] == plain["status"] == "hit"
    assert float(parsed["top_score"]) > float(plain["top_score"])
    assert "birth_date match" in parsed["reason"] and "country match" in parsed["reason"]
    assert unreadable["top_score"] == plain["top_score"]
    assert "'yesterday' not understood" in unreadable["reason"]
    assert "'xx' not understood" in unreadable["reason"]


@pytest.mark.parametrize(
    "columns",
    [
        ["name", "birth_date"],
        ("name", "birth_date"),
        {"name": "name", "birth_date": "birth_date"},
        ColumnMap(birth_date="birth_date"),
    ],
)
def test_screen_records_accepts_the_obvious_column_forms(
    screener: Screener, columns: object
) -> None:
    records = [{"name": "Alexei Budnev", "birth_date": "02.01.1970"}, {"name": "John Smith"}]
    rows = list(screen_records(screener, records, columns))  # type: ignore[arg-type]
    assert [row.status for row in rows] == ["hit", "clear"]
    evidence = rows[0].hits[0].explanation.evidence
    assert [(check.kind, check.outcome) for check in evidence] == [("birth_date", "match")]


def test_screen_records_with_only_a_name_column(screener: Screener) -> None:
    rows = list(screen_records(screener, [{"full": "Alexei Budnev"}], "full"))
    assert rows[0].status == "hit"


@pytest.mark.parametrize(
    ("columns", "message"),
    [
        (["name", "dob"], "unknown column field"),
        ({"nam": "x"}, "the fields are name, id, schema, birth_date, country"),
        (42, "columns must be"),
        ([1, 2], "field names"),
        ({"name": None}, "name column is required"),
    ],
)
def test_screen_records_fails_at_the_call_with_a_clear_message(
    screener: Screener, columns: object, message: str
) -> None:
    with pytest.raises(InputError, match=message):
        screen_records(screener, [{"name": "x"}], columns)  # type: ignore[arg-type]


def test_screen_records_refuses_records_that_are_not_mappings(screener: Screener) -> None:
    with pytest.raises(InputError):
        screen_records(screener, "Alexei Budnev")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="mapping"):
        list(screen_records(screener, ["Alexei Budnev"]))  # type: ignore[list-item]


def test_a_record_with_a_lone_surrogate_is_an_error_row(screener: Screener) -> None:
    rows = list(screen_records(screener, [{"name": "Aleksey\udcffBudnev"}, {"name": "Budnev"}]))
    assert rows[0].status == "error" and "lone surrogate" in (rows[0].error or "")
    assert rows[1].status != "error"
