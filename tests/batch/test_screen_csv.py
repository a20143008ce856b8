"""``screen_csv`` and ``screen_records`` against a real screener: every row accounted for."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

import pytest

from screening.batch import ColumnMap, Progress, RunSummary, screen_csv, screen_records
from screening.engine_build import engine_build
from screening.errors import InputError
from screening.screener import Screener
from tests.batch.conftest import write_csv

HEADER = b"id,name,country\n"

# (input line, expected status, fragment of the error message or None)
BROKEN_ROWS: list[tuple[bytes, str, str | None]] = [
    (b"1,Alexei Budnev,ru\n", "hit", None),
    (b"2,too,many,fields\n", "error", "expected 3 fields, found 4"),
    (b"3,Ivan Petrov\n", "error", "expected 3 fields, found 2"),
    (b"4,,ru\n", "error", "empty name"),
    (b"5,Iv\xff\xfean,ru\n", "error", "not valid utf-8"),
    (b"6,\x01\x02\x1b,ru\n", "error", "empty"),
    (b"7,Vladimir\x07 Putin,ru\n", "hit", None),
    (b"8," + b"x" * 1500 + b",ru\n", "error", "limit is"),
    (b'9,"Romashka,ru\n', "error", "unbalanced quote"),
    (b"10,OOO Romashka,ru\n", "hit", None),
    (b'11,"Smith, John",us\n', "clear", None),
    ("12,Алексей Буднев,ru\n".encode(), "hit", None),
]


def _read_output(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("workers", [1, 2])
def test_every_broken_row_gets_an_output_row(
    screener: Screener, tmp_path: Path, workers: int
) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(HEADER + b"".join(line for line, _, _ in BROKEN_ROWS))
    out = tmp_path / "out.csv"
    summary = screen_csv(
        screener, source, out, columns=ColumnMap(id="id"), workers=workers, chunk_size=3
    )
    rows = _read_output(out)
    assert [row["id"] for row in rows] == [str(n) for n in range(1, len(BROKEN_ROWS) + 1)]
    for row, (line, status, fragment) in zip(rows, BROKEN_ROWS, strict=True):
        assert row["status"] == status, (line, row)
        if fragment is None:
            assert row["error"] == ""
        else:
            assert fragment in row["error"], (line, row["error"])
    assert summary.counts.rows == len(BROKEN_ROWS)
    assert summary.counts.errors == sum(s == "error" for _, s, _ in BROKEN_ROWS)
    assert summary.counts.hits == sum(s == "hit" for _, s, _ in BROKEN_ROWS)


def test_hit_columns_say_who_and_why(screener: Screener, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "in.csv", [["name"], ["Alexei Budnev"], ["John Smith"]])
    screen_csv(screener, source, tmp_path / "out.csv", workers=1)
    hit, clear = _read_output(tmp_path / "out.csv")
    assert hit["top_entity_id"] == "p-budnev"
    assert hit["top_name"] == "Aleksey BUDNEV"
    assert 0.8 <= float(hit["top_score"]) <= 1.0
    assert "Budnev->" in hit["reason"] and "\n" not in hit["reason"]
    assert int(hit["hit_count"]) >= 1
    assert clear == {
        **clear,
        "status": "clear",
        "hit_count": "0",
        "top_entity_id": "",
        "reason": "",
    }


def test_a_cp1251_file_with_cyrillic_names(screener: Screener, tmp_path: Path) -> None:
    rows = [["ФИО", "name"], ["Буднев А.", "Алексей Буднев"], ["Путин", "Путин Владимир"]]
    source = write_csv(tmp_path / "in.csv", rows, delimiter=";", encoding="cp1251")
    screen_csv(screener, source, tmp_path / "out.csv", encoding="cp1251", workers=1)
    out = _read_output(tmp_path / "out.csv")  # the output is UTF-8 whatever the input was
    assert [row["ФИО"] for row in out] == ["Буднев А.", "Путин"]
    assert [row["top_entity_id"] for row in out] == ["p-budnev", "p-putin"]


def test_bom_and_semicolon_are_detected(screener: Screener, tmp_path: Path) -> None:
    rows = [["Customer ID", "NAME"], ["7", "OOO Romashka"]]
    source = write_csv(tmp_path / "in.csv", rows, delimiter=";", bom=True)
    screen_csv(screener, source, tmp_path / "out.csv", columns=ColumnMap(id="customer id"))
    text = (tmp_path / "out.csv").read_text(encoding="utf-8")
    assert text.startswith("Customer ID,NAME,status,")
    assert _read_output(tmp_path / "out.csv")[0]["top_entity_id"] == "o-romashka"


def _mixed_rows(count: int) -> list[list[str]]:
    names = ["Alexei Budnev", "John Smith", "ООО Ромашка", "", "Putin, Vladimir", "Vector LLC"]
    return [["id", "name"]] + [[str(n), names[n % len(names)]] for n in range(count)]


@pytest.mark.parametrize("output_format", ["csv", "jsonl"])
def test_parallel_output_equals_one_worker(
    screener: Screener, tmp_path: Path, output_format: str
) -> None:
    source = write_csv(tmp_path / "in.csv", _mixed_rows(400))
    outputs = []
    for workers in (1, 3):
        out = tmp_path / f"out-{workers}.{output_format}"
        screen_csv(
            screener,
            source,
            out,
            output_format=output_format,
            workers=workers,
            chunk_size=37,  # type: ignore[arg-type]
        )
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert outputs[0].count(b"\n") >= 400


def test_jsonl_rows_carry_the_full_explanation(screener: Screener, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "in.csv", [["id", "name"], ["a1", "Alexei Budnev"], ["a2", ""]])
    out = tmp_path / "out.jsonl"
    screen_csv(screener, source, out, columns=ColumnMap(id="id"), output_format="jsonl")
    first, second = (json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())
    assert first["row"] == 1 and first["id"] == "a1"
    assert first["input"] == {"id": "a1", "name": "Alexei Budnev"}
    assert first["status"] == "hit" and first["error"] is None
    hit = first["hits"][0]
    assert hit["entity_id"] == "p-budnev" and hit["schema"] == "Person"
    assert {t["rule"] for t in hit["explanation"]["tokens"]} <= {"exact", "transliteration"}
    assert second == {
        "row": 2,
        "id": "a2",
        "input": {"id": "a2", "name": ""},
        "status": "error",
        "hit_count": 0,
        "hits": [],
        "warnings": [],
        "error": "empty name",
    }


def test_the_run_record_pins_lists_settings_and_input(screener: Screener, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "in.csv", _mixed_rows(30))
    out = tmp_path / "out.csv"
    returned = screen_csv(
        screener, source, out, threshold=0.85, limit=2, workers=1, options={"tag": "onboarding"}
    )
    record = RunSummary.model_validate_json((tmp_path / "out.csv.run.json").read_text())
    assert record == returned
    assert record.status == "complete"
    assert record.lists == screener.snapshots
    assert record.engine_version == screener.engine_version
    assert record.engine_build == engine_build()  # compiled or pure Python
    assert record.settings_hash == screener.settings.settings_hash()
    assert (record.threshold, record.limit) == (0.85, 2)
    assert record.input.sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
    assert record.input.header == ["id", "name"]
    assert (
        record.counts.rows == 30 == record.counts.hits + record.counts.clear + record.counts.errors
    )
    assert record.counts.errors == 5  # the empty names
    assert record.started_at <= (record.finished_at or "")
    assert record.options == {"tag": "onboarding"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "out.csv", "out.csv.run.json"]


def test_threshold_and_limit_apply_to_every_row(screener: Screener, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "in.csv", [["name"], ["Budnev"], ["Alexei Budnev"]])
    screen_csv(screener, source, tmp_path / "out.csv", threshold=0.0, limit=1)
    assert [row["hit_count"] for row in _read_output(tmp_path / "out.csv")] == ["1", "1"]
    screen_csv(screener, source, tmp_path / "strict.csv", threshold=1.0)
    assert {row["status"] for row in _read_output(tmp_path / "strict.csv")} == {"clear"}


def test_result_columns_step_aside_for_input_columns(screener: Screener, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "in.csv", [["name", "status"], ["John Smith", "active"]])
    screen_csv(screener, source, tmp_path / "out.csv")
    (row,) = _read_output(tmp_path / "out.csv")
    assert row["status"] == "active" and row["screening_status"] == "clear"


@pytest.mark.parametrize(
    ("setup", "kwargs", "message"),
    [
        ("same", {}, "overwrite the input"),
        ("partial", {}, "--resume"),
        ("none", {"columns": ColumnMap(name="full_name")}, "no column 'full_name'"),
        ("none", {"threshold": 1.5}, "threshold"),
        ("none", {"workers": -1}, "at least 1"),
    ],
)
def test_runs_that_cannot_start(
    screener: Screener, tmp_path: Path, setup: str, kwargs: dict[str, object], message: str
) -> None:
    source = write_csv(tmp_path / "in.csv", [["name"], ["John Smith"]])
    out = source if setup == "same" else tmp_path / "out.csv"
    if setup == "partial":
        (tmp_path / "out.csv.partial").write_text("name,status\n")
    with pytest.raises(InputError, match=message):
        screen_csv(screener, source, out, **kwargs)  # type: ignore[arg-type]


RECORDS = [
    {"ID": "1", "Name": "Alexei Budnev", "Type": "person", "DOB": "1970-01-02"},
    {"ID": "2", "Name": "OOO Romashka", "Type": "ORGANIZATION", "DOB": ""},
    {"ID": "3", "Name": "  ", "Type": "", "DOB": ""},
    {"ID": "4", "Type": "Person"},
    {"ID": "5", "Name": "Someone", "Type": "spaceship", "DOB": ""},
]


def test_screen_records_from_code(screener: Screener) -> None:
    columns = ColumnMap(id="id", schema="type", birth_date="dob")
    rows = list(screen_records(screener, RECORDS, columns))
    assert [(r.row, r.record_id, r.status) for r in rows] == [
        (1, "1", "hit"),
        (2, "2", "hit"),
        (3, "3", "error"),
        (4, "4", "error"),
        (5, "5", "error"),
    ]
    assert rows[0].top is not None and rows[0].top.entity_id == "p-budnev"
    assert any(e.kind == "birth_date" for e in rows[0].top.explanation.evidence)
    assert rows[3].error == "no 'name' column in this record"
    assert "spaceship" in (rows[4].error or "") or "schema" in (rows[4].error or "")
    parallel = list(screen_records(screener, RECORDS * 20, columns, workers=2, chunk_size=7))
    assert [(r.status, r.top and r.top.entity_id) for r in parallel] == [
        (r.status, r.top and r.top.entity_id) for r in rows * 20
    ]
    assert [r.row for r in parallel] == list(range(1, 101))


def test_csv_output_reads_back_with_the_csv_module(screener: Screener, tmp_path: Path) -> None:
    rows = [["name", "note"], ["John Smith", 'line\rbreak "quoted"'], ["Ivan", "a\nb"]]
    source = write_csv(tmp_path / "in.csv", rows)
    screen_csv(screener, source, tmp_path / "out.csv")
    text = (tmp_path / "out.csv").read_bytes().decode("utf-8")
    back = list(csv.reader(io.StringIO(text, newline="")))
    assert [row[:2] for row in back] == rows


def test_blank_and_repeated_header_names_keep_every_column(
    screener: Screener, tmp_path: Path
) -> None:
    source = write_csv(tmp_path / "in.csv", [["Name", "note", "note", ""], ["Ivan", "a", "b", "c"]])
    out = tmp_path / "out.jsonl"
    screen_csv(screener, source, out)
    assert json.loads(out.read_text())["input"] == {
        "Name": "Ivan", "note": "a", "note_2": "b", "column_4": "c"
    }  # fmt: skip
    screen_csv(screener, source, tmp_path / "out.csv")
    lines = (tmp_path / "out.csv").read_text().splitlines()
    assert lines[0].startswith("Name,note,note,,status,")
    assert lines[1].startswith("Ivan,a,b,c,clear,")


def test_an_engine_failure_is_an_error_row_not_a_crash(
    screener: Screener, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = screener.screen

    def flaky(name: str, **kwargs: object) -> object:
        if name == "Boom":
            raise RuntimeError("index exploded")
        return original(name, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(screener, "screen", flaky)
    source = write_csv(tmp_path / "in.csv", [["name"], ["Boom"], ["Alexei Budnev"]])
    summary = screen_csv(screener, source, tmp_path / "out.csv", workers=1)
    first, second = _read_output(tmp_path / "out.csv")
    assert first["error"] == "internal error: RuntimeError: index exploded"
    assert second["status"] == "hit"
    assert (summary.counts.errors, summary.counts.hits) == (1, 1)


def test_a_repeated_query_is_screened_once_and_answered_alike(
    screener: Screener, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = screener.screen
    asked: list[str] = []

    def counting(name: str, **kwargs: object) -> object:
        asked.append(name)
        return original(name, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(screener, "screen", counting)
    records = [
        {"id": "1", "name": "Alexei Budnev", "country": "ru"},
        {"id": "2", "name": "Alexei Budnev", "country": "ru"},
        {"id": "3", "name": "Alexei Budnev", "country": "us"},  # other evidence: asked again
        {"id": "4", "name": "\x01\x02", "country": "ru"},
        {"id": "5", "name": "\x01\x02", "country": "ru"},
    ]
    rows = list(screen_records(screener, records, ColumnMap(id="id", country="country")))
    assert asked == ["Alexei Budnev", "Alexei Budnev", "\x01\x02"]
    assert [r.status for r in rows] == ["hit", "hit", "hit", "error", "error"]
    assert rows[0].hits == rows[1].hits
    assert rows[2].hits[0].score != rows[0].hits[0].score  # the country counts
    assert rows[3].error == rows[4].error
    assert [r.record_id for r in rows] == ["1", "2", "3", "4", "5"]


@pytest.mark.parametrize(
    ("workers", "chunk_size", "tasks"),
    [
        (1, 1000, 1),  # one worker: nothing to balance, one task
        (2, 1000, 8),  # 40 rows: four tasks of 5 rows per worker, not one of 40
        (2, 3, 14),  # the chunk size bounds a task still
    ],
)
def test_a_short_file_is_cut_so_that_every_worker_has_tasks(
    screener: Screener, tmp_path: Path, workers: int, chunk_size: int, tasks: int
) -> None:
    source = write_csv(tmp_path / "in.csv", _mixed_rows(40))
    reports: list[Progress] = []
    summary = screen_csv(
        screener,
        source,
        tmp_path / "out.csv",
        workers=workers,
        chunk_size=chunk_size,
        progress=reports.append,
    )
    assert len(reports) == tasks  # one report per task done
    assert summary.counts.rows == reports[-1].rows == 40
