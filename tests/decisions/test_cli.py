"""The commands end to end: screen a book, decide from the reviewed results, screen again
(suppressed), amend the listing, screen again (the alert is back, with the reason)."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from screening.cli import main
from screening.model import Entity
from tests.decisions.conftest import OTHER, PETROV

BOOK = "id,name,birth_date\nC1,Ivan Petrov,1990\nC2,Anna Smirnova,\nC3,Ivan Petrov,1961\n"


def write_list(path: Path, *entities: Entity) -> Path:
    lines = (entity.model_dump_json(by_alias=True, exclude_none=True) for entity in entities)
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def batch(folder: Path, listing: Path, store: str, out: str, *extra: str) -> list[dict[str, str]]:
    args = ["batch", str(folder / "book.csv"), "-o", str(folder / out), "--list", str(listing)]
    args += ["--id-column", "id", "--birth-date-column", "birth_date", "--workers", "1", "-q"]
    assert main([*args, "--decisions", store, *extra]) == 0
    if not out.endswith(".csv"):
        return []
    with (folder / out).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def review(results: Path, dispositions: dict[str, str]) -> None:
    """What an analyst does: fill the disposition column of the rows reviewed."""
    with results.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        row["disposition"] = dispositions.get(row["id"], "")
    with results.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "book.csv").write_text(BOOK, encoding="utf-8")
    return tmp_path


def test_review_cycle(
    folder: Path, store_location: str, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = write_list(folder / "list.jsonl", PETROV, OTHER)
    first = batch(folder, listing, store_location, "first.csv")
    assert [row["status"] for row in first] == ["hit", "clear", "hit"]
    review(folder / "first.csv", {"C1": "false_positive", "C3": "true_match"})
    decide = ["decide", "--decisions", store_location, "--from-batch", str(folder / "first.csv")]
    decide += ["--list", str(listing), "--by", "alice", "--reason", "born 1990, listed 1961"]
    assert main(decide) == 0
    assert "recorded 2 decision(s)" in capsys.readouterr().out

    second = batch(folder, listing, store_location, "second.csv")
    assert [row["status"] for row in second] == ["suppressed", "clear", "hit"]
    assert second[0]["top_entity_id"] == PETROV.id
    assert second[0]["reason"].startswith("suppressed: decision 1 (false_positive by alice")
    assert "decision 2 (true_match by alice" in second[2]["reason"]
    hidden = batch(folder, listing, store_location, "hidden.csv", "--hide-suppressed")
    assert (hidden[0]["status"], hidden[0]["hit_count"]) == ("suppressed", "0")

    amended = PETROV.model_copy(update={"weak_names": ["Vanya Petrov"]})
    updated = write_list(folder / "updated.jsonl", amended, OTHER)
    third = batch(folder, updated, store_location, "third.jsonl")
    assert third == []
    rows = [json.loads(line) for line in (folder / "third.jsonl").read_text().splitlines()]
    assert rows[0]["status"] == "hit"
    assert rows[0]["hits"][0]["review"]["lapsed"] == "listing_changed"


def test_decisions_list_show_export(
    folder: Path, store_location: str, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = write_list(folder / "list.jsonl", PETROV, OTHER)
    batch(folder, listing, store_location, "first.csv")
    review(folder / "first.csv", {"C1": "false_positive"})
    decide = ["decide", "--decisions", store_location, "--from-batch", str(folder / "first.csv")]
    assert main([*decide, "--list", str(listing), "--by", "bob", "--reason", "checked"]) == 0
    capsys.readouterr()
    assert main(["decisions", "list", "--decisions", store_location]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert f"C1  {PETROV.id}  false_positive  by bob" in line
    assert main(["decisions", "show", "1", "--decisions", store_location]) == 0
    shown = capsys.readouterr().out
    assert "customer_birth_date   1990" in shown and "reason                checked" in shown
    assert main(["decisions", "export", "--decisions", store_location]) == 0
    [record] = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    assert (record["customer_key"], record["decided_by"]) == ("C1", "bob")
    assert main(["decisions", "export", "--decisions", store_location, "--format", "jsonl"]) == 0
    assert json.loads(capsys.readouterr().out)["customer"]["name"] == "Ivan Petrov"


def test_deciding_against_other_lists_is_refused(
    folder: Path, store_location: str, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = write_list(folder / "list.jsonl", PETROV, OTHER)
    batch(folder, listing, store_location, "first.csv")
    review(folder / "first.csv", {"C1": "false_positive"})
    other = write_list(folder / "other.jsonl", PETROV)
    decide = ["decide", "--decisions", store_location, "--from-batch", str(folder / "first.csv")]
    assert main([*decide, "--list", str(other), "--by", "bob", "--reason", "x"]) == 2
    assert "other lists" in capsys.readouterr().err


def test_a_bad_row_records_nothing(
    folder: Path, store_location: str, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = write_list(folder / "list.jsonl", PETROV, OTHER)
    batch(folder, listing, store_location, "first.csv")
    review(folder / "first.csv", {"C1": "false_positive", "C2": "false_positive"})
    decide = ["decide", "--decisions", store_location, "--from-batch", str(folder / "first.csv")]
    assert main([*decide, "--list", str(listing), "--by", "bob", "--reason", "x"]) == 2
    assert "row 2: the row has no hit" in capsys.readouterr().err
    assert main(["decisions", "list", "--decisions", store_location]) == 0
    assert capsys.readouterr().out == ""


def test_decisions_need_the_customer_key(folder: Path, tmp_path: Path) -> None:
    listing = write_list(folder / "list.jsonl", PETROV)
    args = ["batch", str(folder / "book.csv"), "-o", str(folder / "o.csv"), "--list"]
    assert main([*args, str(listing), "--decisions", str(tmp_path / "d.db")]) == 2
    assert main([*args, str(listing), "--hide-suppressed", "--id-column", "id"]) == 2


def test_deciding_one_alert_needs_it_screened(tmp_path: Path) -> None:
    store = str(tmp_path / "d.db")
    args = ["decide", "--decisions", store, "--customer", "C1", "--entity", PETROV.id]
    args += ["--disposition", "false_positive", "--by", "a", "--reason", "r"]
    assert main(args) == 2
    shutil.rmtree(tmp_path, ignore_errors=True)


@pytest.mark.parametrize("out", ["first.csv", "first.jsonl"])
def test_deciding_one_alert_as_last_screened_by_batch(
    folder: Path, store_location: str, out: str
) -> None:
    listing = write_list(folder / "list.jsonl", PETROV, OTHER)
    batch(folder, listing, store_location, out)
    args = ["decide", "--decisions", store_location, "--customer", "C1", "--entity", PETROV.id]
    args += ["--disposition", "false_positive", "--by", "carol", "--reason", "other person"]
    assert main(args) == 0
    again = batch(folder, listing, store_location, "again.csv")
    assert [row["status"] for row in again] == ["suppressed", "clear", "hit"]
    assert "decision 1 (false_positive by carol" in again[0]["reason"]
