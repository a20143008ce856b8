"""``screen_dataframe`` on a real local Spark: the same answers as the batch command."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from screening.batch import BatchRow, ColumnMap, result_cells, screen_records
from screening.errors import InputError, ListLoadError
from screening.screener import Screener
from tests.spark.conftest import DEFAULT_LIST

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, Row, SparkSession

COLUMNS = ("id", "name", "schema", "birth_date", "country")
# Hits, clears and every kind of bad value a row can hold; None is a Spark null, which
# the batch command reads as an empty cell.
RECORDS: list[tuple[str, str | None, str | None, str | None, str | None]] = [
    ("r01", "Alexei Budnev", "Person", "1970", "ru"),
    ("r02", "Алексей Буднев", None, None, "ru"),
    ("r03", "ООО «Технология»", "organization", None, None),
    ("r04", "Vladimir Рutin", "Person", "1952-10-07", "ru"),  # Cyrillic Р
    ("r05", "Bud\u200bnev Aleksey", None, None, None),  # zero-width space
    ("r06", "Jane Smith", "Person", "1980-02-01", "gb"),
    ("r07", "", None, None, None),
    ("r08", None, None, None, None),
    ("r09", "\x01\x02\x1b", None, None, None),
    ("r10", "x" * 1500, None, None, None),
    ("r11", "Sergei Lavrov", "Dragon", None, None),  # not a schema
    ("r12", "Sergei Lavrov", "Person", "1950-13-45", "Russia"),  # unreadable evidence
    ("r13", "Alexei Budnev", "Person", "1970", "ru"),  # repeated: answered from memory
    ("r14", "Рафаэль Газарян", None, None, None),
    ("r15", "   ", None, None, None),
    ("r16", "Ramzan Achmatowisch Kadyrow", None, "1976", None),
]
SPARK_SCHEMA = "id string, name string, schema string, birth_date string, country string"
COLUMN_MAP = ColumnMap(
    name="name", id="id", schema="schema", birth_date="birth_date", country="country"
)


def screen_in_spark(spark: SparkSession, cache_dir: Path, **options: Any) -> list[Row]:
    from screening.spark import screen_dataframe

    frame = spark.createDataFrame(RECORDS, SPARK_SCHEMA).repartition(3)
    result = screen_dataframe(
        frame,
        lists=[DEFAULT_LIST],
        name_col="name",
        id_col="id",
        schema_col="schema",
        birth_date_col="birth_date",
        country_col="country",
        cache_dir=cache_dir,
        **options,
    )
    return sorted(result.collect(), key=lambda row: str(row["id"]))


def screen_in_batch() -> list[BatchRow]:
    records = [
        {key: value or "" for key, value in zip(COLUMNS, record, strict=True)} for record in RECORDS
    ]
    screener = Screener.from_lists(DEFAULT_LIST)
    return list(screen_records(screener, records, COLUMN_MAP, workers=1))


def cells_of(row: Row) -> list[str]:
    """A Spark result row's result columns written as the batch CSV writes them."""
    score = row["top_score"]
    return [
        row["status"],
        str(row["hit_count"]),
        row["top_entity_id"] or "",
        row["top_name"] or "",
        f"{score:.4f}" if score is not None else "",
        row["reason"] or "",
        row["error"] or "",
    ]


@pytest.fixture(scope="module")
def explained(spark: SparkSession, cache_dir: Path) -> list[Row]:
    return screen_in_spark(spark, cache_dir, explanations=True)


def test_results_equal_the_batch_command(explained: list[Row]) -> None:
    batch = screen_in_batch()
    assert [row["id"] for row in explained] == [record[0] for record in RECORDS]
    for spark_row, batch_row in zip(explained, batch, strict=True):
        assert cells_of(spark_row) == result_cells(batch_row), spark_row["id"]
    statuses = {row["id"]: row["status"] for row in explained}
    # the cases are what they claim to be, so equality means something
    assert statuses["r01"] == statuses["r02"] == statuses["r04"] == statuses["r05"] == "hit"
    assert statuses["r06"] == "clear"
    for bad in ("r07", "r08", "r09", "r10", "r11", "r15"):
        assert statuses[bad] == "error", bad
    assert statuses["r12"] != "error"  # unreadable evidence is unknown, not an error


def test_input_columns_pass_through_unchanged(explained: list[Row]) -> None:
    for row, record in zip(explained, RECORDS, strict=True):
        assert tuple(row[column] for column in COLUMNS) == record


def test_hits_column_holds_every_hit_with_its_explanation(explained: list[Row]) -> None:
    batch = screen_in_batch()
    for spark_row, batch_row in zip(explained, batch, strict=True):
        hits = [hit.asDict(recursive=True) for hit in spark_row["hits"]]
        assert hits == [hit.model_dump(mode="json", by_alias=True) for hit in batch_row.hits]
    budnev = explained[0]["hits"][0]
    assert budnev["entity_id"] == "default-0002"
    assert [token["rule"] for token in budnev["explanation"]["tokens"]] == [
        "transliteration",
        "exact",
    ]
    assert {check["kind"] for check in budnev["explanation"]["evidence"]} >= {"country"}


def test_without_explanations_there_is_no_hits_column(spark: SparkSession, cache_dir: Path) -> None:
    rows = screen_in_spark(spark, cache_dir)
    assert "hits" not in rows[0].asDict()
    assert [cells_of(row) for row in rows] == [result_cells(row) for row in screen_in_batch()]


def test_run_provenance_travels_in_the_schema(spark: SparkSession, cache_dir: Path) -> None:
    from screening.spark import provenance_of, screen_dataframe

    frame = spark.createDataFrame([("Alexei Budnev",)], "name string")
    result = screen_dataframe(frame, lists=[DEFAULT_LIST], cache_dir=cache_dir, threshold=0.8)
    found = provenance_of(result)
    screener = Screener.from_lists(DEFAULT_LIST)
    assert found is not None
    assert found["settings_hash"] == screener.settings_hash
    assert found["engine_version"] == screener.engine_version
    assert found["threshold"] == 0.8
    assert [item["sha256"] for item in found["lists"]] == [
        snapshot.sha256 for snapshot in screener.snapshots
    ]


def test_result_columns_are_prefixed_when_the_input_has_one(
    spark: SparkSession, cache_dir: Path
) -> None:
    from screening.spark import screen_dataframe

    frame = spark.createDataFrame([("Alexei Budnev", "vip")], "name string, status string")
    result = screen_dataframe(frame, lists=[DEFAULT_LIST], cache_dir=cache_dir)
    assert result.columns[:3] == ["name", "status", "screening_status"]


def test_index_is_loaded_once_per_executor_process(spark: SparkSession, cache_dir: Path) -> None:
    import pyarrow as pa

    from screening.spark.shipping import executor_job, loads_in_this_process, prepare_index

    shipped = prepare_index(spark.sparkContext, [DEFAULT_LIST], cache_dir=cache_dir).shipped

    def report(batches: Any) -> Any:
        # Python workers outlive a job: an earlier test's job may have loaded this index
        # (or another list's, which replaces it), so count the loads of this task only.
        before = loads_in_this_process(shipped.sha256)
        for _ in batches:
            executor_job(shipped)
        held = loads_in_this_process(shipped.sha256)
        row = {"pid": [os.getpid()], "loads": [held - before], "held": [held]}
        yield pa.RecordBatch.from_pydict(row)

    schema = "pid long, loads long, held long"
    rows = spark.range(0, 800, numPartitions=8).mapInArrow(report, schema).collect()
    assert all(row["held"] >= 1 for row in rows)  # every task screened with a loaded index
    found = [(row["pid"], row["loads"]) for row in rows]
    assert len(found) == 8
    pids = {pid for pid, _ in found}
    assert len(pids) <= 2, found  # local[2]: its two Python workers
    for pid in pids:  # at most once per process in the whole job, not once per task
        assert sum(loads for task_pid, loads in found if task_pid == pid) <= 1, found


def test_a_missing_or_empty_list_fails_before_any_row(
    spark: SparkSession, cache_dir: Path, tmp_path: Path
) -> None:
    from screening.spark import screen_dataframe

    frame = spark.createDataFrame([("Alexei Budnev",)], "name string")
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    for lists in ([tmp_path / "absent.jsonl"], [empty], []):
        with pytest.raises(ListLoadError):
            screen_dataframe(frame, lists=lists, cache_dir=cache_dir)


def test_an_absent_column_is_an_input_error(spark: SparkSession, cache_dir: Path) -> None:
    from screening.spark import screen_dataframe

    frame: DataFrame = spark.createDataFrame([("Alexei Budnev",)], "full_name string")
    with pytest.raises(InputError, match="full_name"):
        screen_dataframe(frame, lists=[DEFAULT_LIST], cache_dir=cache_dir)
    result = screen_dataframe(
        frame, lists=[DEFAULT_LIST], name_col="FULL_NAME", cache_dir=cache_dir
    )
    assert result.first()["status"] == "hit"  # type: ignore[index]


def test_an_index_file_that_is_not_the_drivers_fails_the_job(
    spark: SparkSession, cache_dir: Path, tmp_path: Path
) -> None:
    import dataclasses

    from pyspark.errors import PySparkException

    from screening.batch import resolve_columns
    from screening.spark import write_results
    from screening.spark.dataframe import screen_prepared
    from screening.spark.shipping import prepare_index

    prepared = prepare_index(spark.sparkContext, [DEFAULT_LIST], cache_dir=cache_dir)
    forged = dataclasses.replace(
        prepared, shipped=dataclasses.replace(prepared.shipped, sha256="0" * 64)
    )
    frame = spark.createDataFrame([("Alexei Budnev",)], "name string")
    result = screen_prepared(frame, forged, resolve_columns(ColumnMap(), frame.columns))
    out = tmp_path / "out"
    with pytest.raises(PySparkException, match="sha256"):
        write_results(result, str(out))
    assert not Path(f"{out}.run.json").exists()  # no record: the output is not complete


def test_an_unwritable_index_cache_still_ships_the_index(
    spark: SparkSession, tmp_path: Path
) -> None:
    from screening.spark import screen_dataframe

    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    frame = spark.createDataFrame([("Alexei Budnev",)], "name string")
    result = screen_dataframe(frame, lists=[DEFAULT_LIST], cache_dir=blocked / "cache")
    assert result.first()["top_entity_id"] == "default-0002"  # type: ignore[index]
