"""Identifier columns on Spark (issue 16): ``screen_dataframe(identifier_cols=...)`` and
``spark-batch --id-column TYPE=COLUMN`` answer as the batch row screener does."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from screening.batch import BatchRow, ColumnMap, result_cells, screen_records
from screening.cli import main
from screening.errors import InputError
from screening.screener import Screener
from tests.spark.conftest import DEFAULT_LIST
from tests.spark.test_cli import comparable, read_csv_rows
from tests.spark.test_dataframe import cells_of

if TYPE_CHECKING:
    from pyspark.sql import Row, SparkSession

# SCF PRIMORYE (IMO 9421960) of the bundled list, under a name it was never listed by.
RENAMED = ("v1", "Ocean Star", "IMO 942-1960")
RECORDS: list[tuple[str, str | None, str | None]] = [
    RENAMED,
    ("v2", "Ocean Star", "9421961"),  # a wrong check digit: an error, never a clear
    ("v3", "SCF Primorye", None),  # found by name alone
    ("v4", None, "9421960"),  # by identifier alone
    ("v5", "", ""),  # nothing to screen
    ("v6", "Ocean Star", "9354521"),  # valid, listed nowhere
]
COLUMNS = ColumnMap(name="name", id="id", identifiers=(("imo", "imo"),))


def screen_in_spark(spark: SparkSession, cache_dir: Path, with_names: bool = True) -> list[Row]:
    from screening.spark import screen_dataframe

    frame = spark.createDataFrame(RECORDS, "id string, name string, imo string").repartition(2)
    if not with_names:
        frame = frame.drop("name")
    result = screen_dataframe(
        frame,
        lists=[DEFAULT_LIST],
        id_col="id",
        identifier_cols={"imo": "imo"},
        cache_dir=cache_dir,
    )
    return sorted(result.collect(), key=lambda row: str(row["id"]))


def screen_in_batch(with_names: bool = True) -> list[BatchRow]:
    keys = ("id", "name", "imo") if with_names else ("id", "imo")
    records = [
        {
            key: value or ""
            for key, value in zip(("id", "name", "imo"), record, strict=True)
            if key in keys
        }
        for record in RECORDS
    ]
    screener = Screener.from_lists(DEFAULT_LIST)
    return list(screen_records(screener, records, COLUMNS, workers=1))


def test_identifier_columns_answer_as_the_batch(spark: SparkSession, cache_dir: Path) -> None:
    rows = screen_in_spark(spark, cache_dir)
    batch = screen_in_batch()
    for spark_row, batch_row in zip(rows, batch, strict=True):
        assert cells_of(spark_row) == result_cells(batch_row), spark_row["id"]
    by_id = {row["id"]: row for row in rows}
    assert by_id["v1"]["status"] == "hit" and by_id["v1"]["top_entity_id"] == "default-0057"
    assert by_id["v2"]["status"] == "error" and "9421961" in by_id["v2"]["error"]
    assert by_id["v3"]["top_entity_id"] == by_id["v4"]["top_entity_id"] == "default-0057"
    assert by_id["v5"]["error"] == "empty name and no identifier"
    assert by_id["v6"]["status"] == "clear"


def test_a_frame_without_a_name_column_screens_by_identifier(
    spark: SparkSession, cache_dir: Path
) -> None:
    rows = screen_in_spark(spark, cache_dir, with_names=False)
    batch = screen_in_batch(with_names=False)
    assert [cells_of(row) for row in rows] == [result_cells(row) for row in batch]
    assert [row["status"] for row in rows] == ["hit", "error", "error", "hit", "error", "clear"]


def test_a_bad_identifier_type_is_refused(spark: SparkSession, cache_dir: Path) -> None:
    from screening.spark import screen_dataframe

    frame = spark.createDataFrame(RECORDS, "id string, name string, imo string")
    with pytest.raises(InputError, match="imo number"):
        screen_dataframe(frame, lists=[DEFAULT_LIST], identifier_cols=[("imo number", "imo")])
    with pytest.raises(InputError, match="no column 'IMO_NO'"):
        screen_dataframe(frame, lists=[DEFAULT_LIST], identifier_cols={"imo": "IMO_NO"})


def test_the_command_equals_the_batch_command(spark: SparkSession, tmp_path: Path) -> None:
    source = tmp_path / "fleet.csv"
    lines = ["id,name,IMO"] + [",".join(value or "" for value in record) for record in RECORDS]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    options = ["--list", str(DEFAULT_LIST), "--id-column", "id", "--id-column", "imo=IMO", "-q"]
    batch_out = tmp_path / "batch.csv"
    batch_code = main(["batch", str(source), "-o", str(batch_out), "--workers", "1", *options])
    spark_out = tmp_path / "spark-out"
    code = main(["spark-batch", str(source), str(spark_out), "--format", "csv", *options])
    rows = read_csv_rows(sorted(spark_out.glob("part-*.csv")))
    batch_rows = read_csv_rows([batch_out])
    assert code == batch_code == 1  # the bad check digit and the empty row are errors
    assert rows.keys() == batch_rows.keys() == {record[0] for record in RECORDS}
    for key, row in rows.items():
        assert comparable(row) == comparable(batch_rows[key]), key
    assert rows["v1"]["status"] == "hit"
    record = json.loads(Path(f"{spark_out}.run.json").read_text(encoding="utf-8"))
    assert record["options"]["identifier_columns"] == ["imo=IMO"]
