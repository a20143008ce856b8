"""Re-screening a book against a list update: only the delta ``lists diff`` writes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from screening.batch import ColumnMap, result_cells, screen_records
from screening.cli import main
from screening.delta import read_delta, restrict_to_delta
from screening.errors import ListLoadError
from screening.screener import Screener
from tests.engine.test_delta import book, list_update
from tests.spark.test_dataframe import cells_of

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

UNCHANGED = {"id": "e1", "schema": "Person", "names": ["Boris GREBENSHCHIKOV"]}
CHANGED_OLD = {"id": "e2", "schema": "Person", "names": ["Anatoly CHUBAIS"]}
CHANGED_NEW = {**CHANGED_OLD, "names": ["Anatoly CHUBAIS", "Anatolii Borisovich CHUBAIS"]}
REMOVED = {"id": "e3", "schema": "Person", "names": ["Mikhail FRIDMAN"]}
ADDED = {"id": "e4", "schema": "Organization", "names": ["OOO ROMASHKA TREYD"]}
BOOK = [
    ("k1", "Boris Grebenshchikov"),
    ("k2", "Anatolii Chubais"),
    ("k3", "Mikhail Fridman"),
    ("k4", "ООО «Ромашка Трейд»"),
    ("k5", "John Smith"),
]


def write_list(path: Path, entities: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(e) + "\n" for e in entities), encoding="utf-8")
    return path


def test_book_is_screened_against_the_delta_only(
    spark: SparkSession, cache_dir: Path, tmp_path: Path
) -> None:
    from screening.spark import provenance_of, screen_dataframe

    old = write_list(tmp_path / "old.jsonl", [UNCHANGED, CHANGED_OLD, REMOVED])
    new = write_list(tmp_path / "new.jsonl", [UNCHANGED, CHANGED_NEW, ADDED])
    delta = tmp_path / "delta.jsonl"
    assert main(["lists", "diff", str(old), str(new), "--write-delta", str(delta)]) == 0

    frame = spark.createDataFrame(BOOK, "id string, name string")
    result = screen_dataframe(frame, lists=[new], delta=delta, id_col="id", cache_dir=cache_dir)
    rows = sorted(result.collect(), key=lambda row: str(row["id"]))
    found = {row["id"]: (row["status"], row["top_entity_id"]) for row in rows}
    assert found == {
        "k1": ("clear", None),  # unchanged entity: screened last time, not again
        "k2": ("hit", "e2"),  # changed entity
        "k3": ("clear", None),  # removed entity
        "k4": ("hit", "e4"),  # added entity
        "k5": ("clear", None),
    }
    screener = restrict_to_delta(Screener.from_lists(new), read_delta(delta))
    records = [{"id": key, "name": name} for key, name in BOOK]
    batch = screen_records(screener, records, ColumnMap(id="id"), workers=1)
    assert [cells_of(row) for row in rows] == [result_cells(row) for row in batch]
    provenance = provenance_of(result)
    assert provenance is not None
    assert [item["source"] for item in provenance["lists"]] == ["new", "delta"]


def test_delta_hits_are_the_whole_lists_hits_on_its_entities(
    spark: SparkSession, cache_dir: Path, tmp_path: Path
) -> None:
    from screening.spark import screen_dataframe

    new, delta = list_update(tmp_path)
    names = book()
    frame = spark.createDataFrame(list(enumerate(names)), "row int, name string")
    result = screen_dataframe(
        frame, lists=[new], delta=delta, explanations=True, cache_dir=cache_dir
    )
    hits = {
        row["row"]: [(h["entity_id"], h["score"]) for h in row["hits"]] for row in result.collect()
    }
    ids = read_delta(delta).entity_ids
    whole = Screener.from_lists(new)
    expected = {
        row: [(h.entity_id, h.score) for h in whole.screen(name).hits if h.entity_id in ids]
        for row, name in enumerate(names)
    }
    assert hits == expected
    assert sum(bool(found) for found in expected.values()) > 50


def test_an_empty_delta_is_refused_not_answered_clear(
    spark: SparkSession, cache_dir: Path, tmp_path: Path
) -> None:
    from screening.spark import screen_dataframe

    same = write_list(tmp_path / "same.jsonl", [UNCHANGED])
    delta = tmp_path / "delta.jsonl"
    assert main(["lists", "diff", str(same), str(same), "--write-delta", str(delta)]) == 0
    frame = spark.createDataFrame(BOOK, "id string, name string")
    with pytest.raises(ListLoadError):
        screen_dataframe(frame, lists=[same], delta=delta, cache_dir=cache_dir)


def test_a_delta_written_from_another_list_is_refused(
    spark: SparkSession, cache_dir: Path, tmp_path: Path
) -> None:
    from screening.spark import screen_dataframe

    old = write_list(tmp_path / "old.jsonl", [UNCHANGED, CHANGED_OLD, REMOVED])
    new = write_list(tmp_path / "new.jsonl", [UNCHANGED, CHANGED_NEW, ADDED])
    delta = tmp_path / "delta.jsonl"
    assert main(["lists", "diff", str(old), str(new), "--write-delta", str(delta)]) == 0
    frame = spark.createDataFrame(BOOK, "id string, name string")
    with pytest.raises(ListLoadError, match="not in the lists"):
        screen_dataframe(frame, lists=[old], delta=delta, cache_dir=cache_dir)
