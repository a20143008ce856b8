"""screening.delta: a book re-screened against a list update gets the whole list's answers
on the update's entities, and nothing is screened against a delta that does not fit."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from screening.bundled import BUNDLED_LIST
from screening.cli import main
from screening.delta import read_delta, restrict_to_delta
from screening.errors import ListLoadError
from screening.screener import Screener

LISTED = [json.loads(line) for line in BUNDLED_LIST.read_text(encoding="utf-8").splitlines()]


def write_list(path: Path, entities: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(e) + "\n" for e in entities), encoding="utf-8")
    return path


def list_update(folder: Path) -> tuple[Path, Path]:
    """An update of the bundled list: every fifth entry added, every seventh given a new
    alias; returns the new list and the delta ``lists diff`` writes."""
    old = [e for number, e in enumerate(LISTED) if number % 5 != 0]
    new = [
        {**e, "names": [*e["names"], f"{e['names'][0]} JR"]} if number % 7 == 0 else e
        for number, e in enumerate(LISTED)
    ]
    old_file = write_list(folder / "old.jsonl", old)
    new_file = write_list(folder / "new.jsonl", new)
    delta = folder / "delta.jsonl"
    assert main(["lists", "diff", str(old_file), str(new_file), "--write-delta", str(delta)]) == 0
    return new_file, delta


def book() -> list[str]:
    """Every listed name as written, its words reversed, and cut to its first and last
    word: exact hits, near hits and names that other entries compete for."""
    names: list[str] = []
    for entity in LISTED:
        for name in entity["names"]:
            words = name.split()
            names += [name, " ".join(reversed(words)), f"{words[0]} {words[-1]}"]
    return names


def test_the_delta_gets_the_whole_lists_hits_on_its_entities(tmp_path: Path) -> None:
    new, delta_file = list_update(tmp_path)
    delta = read_delta(delta_file)
    whole = Screener.from_lists(new)
    restricted = restrict_to_delta(Screener.from_lists(new), delta)
    names = book()
    ids = delta.entity_ids
    full = [
        [(h.entity_id, h.score) for h in whole.screen(x).hits if h.entity_id in ids] for x in names
    ]
    partial = [[(h.entity_id, h.score) for h in restricted.screen(x).hits] for x in names]
    assert partial == full
    assert sum(bool(hits) for hits in full) > len(LISTED)  # the book does hit the delta
    # what the delta's own index would give instead: word weights of the delta's names
    alone = Screener.from_lists(delta_file)
    assert any(
        [(hit.entity_id, hit.score) for hit in alone.screen(name).hits] != hits
        for name, hits in zip(names, full, strict=True)
    )


def test_the_result_records_the_lists_and_the_delta(tmp_path: Path) -> None:
    new, delta_file = list_update(tmp_path)
    restricted = restrict_to_delta(Screener.from_lists(new), read_delta(delta_file))
    result = restricted.screen(LISTED[0]["names"][0])
    assert [snapshot.source for snapshot in result.lists] == ["new", "delta"]
    assert result.lists[1].entities == len(read_delta(delta_file).entities)


def test_an_empty_delta_is_refused(tmp_path: Path) -> None:
    same = write_list(tmp_path / "same.jsonl", LISTED)
    delta = tmp_path / "delta.jsonl"
    assert main(["lists", "diff", str(same), str(same), "--write-delta", str(delta)]) == 0
    with pytest.raises(ListLoadError, match=r"empty|no entities"):
        read_delta(delta)


def test_a_delta_from_another_list_version_is_refused(tmp_path: Path) -> None:
    _, delta_file = list_update(tmp_path)
    older = write_list(tmp_path / "older.jsonl", LISTED)  # lacks the new aliases
    with pytest.raises(ListLoadError, match="another version"):
        restrict_to_delta(Screener.from_lists(older), read_delta(delta_file))
    fewer = write_list(tmp_path / "fewer.jsonl", LISTED[1:])  # lacks an added entry
    with pytest.raises(ListLoadError, match="not in the lists"):
        restrict_to_delta(Screener.from_lists(fewer), read_delta(delta_file))


def test_batch_command_rescreens_against_the_delta(tmp_path: Path) -> None:
    new, delta_file = list_update(tmp_path)
    source = tmp_path / "book.csv"
    names = book()[:60]
    with source.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([("id", "name"), *((f"k{n}", x) for n, x in enumerate(names))])
    out = tmp_path / "out.jsonl"
    common = ["batch", str(source), "--list", str(new), "--id-column", "id", "--workers", "1"]
    assert main([*common, "--delta", str(delta_file), "-o", str(out), "-q"]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    ids = read_delta(delta_file).entity_ids
    whole = Screener.from_lists(new)
    assert len(rows) == len(names)
    for row, name in zip(rows, names, strict=True):
        expected = [(h.entity_id, h.score) for h in whole.screen(name).hits if h.entity_id in ids]
        assert [(h["entity_id"], h["score"]) for h in row["hits"]] == expected
    record = json.loads(out.with_name("out.jsonl.run.json").read_text(encoding="utf-8"))
    assert "delta" in json.dumps(record["lists"])
