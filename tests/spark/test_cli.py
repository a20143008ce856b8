"""``screening spark-batch`` on CSV and Parquet: the rows, counts and record of ``batch``."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from screening.batch import RESULT_COLUMNS
from screening.cli import main
from tests.spark.conftest import DEFAULT_LIST

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

HEADER = "id,name,schema,birth_date,country\n"
GOOD_LINES = [
    "c1,Alexei Budnev,Person,1970,ru\n",
    "c2,Алексей Буднев,,,ru\n",
    'c3,"ООО «Технология»",Organization,,\n',
    "c4,Vladimir Рutin,Person,1952-10-07,ru\n",
    "c5,Jane Smith,Person,1980-02-01,gb\n",
    "c6,,,,\n",
    "c7,\x01\x02,,,\n",
    "c8,Sergei Lavrov,Dragon,,\n",
    "c9,Sergei Lavrov,Person,1950-13-45,Russia\n",
    'c10,"Kadyrov, Ramzan",,,\n',
]
COLUMN_OPTIONS = [
    "--id-column",
    "id",
    "--schema-column",
    "schema",
    "--birth-date-column",
    "birth_date",
    "--country-column",
    "country",
]


def read_csv_rows(paths: list[Path]) -> dict[str, dict[str, str]]:
    rows: dict[str, dict[str, str]] = {}
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            rows.update({row["id"]: row for row in csv.DictReader(handle)})
    return rows


def comparable(row: dict[str, str]) -> list[str]:
    """The result cells, with the score as a number (Spark writes 0.97, batch 0.9700)."""
    cells = [row[column] for column in RESULT_COLUMNS]
    score = RESULT_COLUMNS.index("top_score")
    cells[score] = f"{float(cells[score]):.4f}" if cells[score] else ""
    return cells


def run_batch(source: Path, out: Path) -> tuple[int, dict[str, dict[str, str]], dict[str, object]]:
    code = main(
        [
            *["batch", str(source), "-o", str(out), "--list", str(DEFAULT_LIST)],
            *["--workers", "1", "--quiet", *COLUMN_OPTIONS],
        ]
    )
    record = json.loads(Path(f"{out}.run.json").read_text(encoding="utf-8"))
    return code, read_csv_rows([out]), record


def test_csv_results_equal_the_batch_command(spark: SparkSession, tmp_path: Path) -> None:
    source = tmp_path / "book.csv"
    source.write_text(HEADER + "".join(GOOD_LINES), encoding="utf-8")
    batch_code, batch_rows, batch_record = run_batch(source, tmp_path / "batch.csv")
    out = tmp_path / "spark-out"
    code = main(
        [
            *["spark-batch", str(source), str(out), "--list", str(DEFAULT_LIST)],
            *["--format", "csv", "--quiet", *COLUMN_OPTIONS],
        ]
    )
    rows = read_csv_rows(sorted(out.glob("part-*.csv")))
    assert code == batch_code == 1  # some rows are errors
    assert rows.keys() == batch_rows.keys()
    for key, row in rows.items():
        assert comparable(row) == comparable(batch_rows[key]), key
        assert row["name"] == batch_rows[key]["name"]
    assert {row["status"] for row in rows.values()} == {"hit", "clear", "error"}
    record = json.loads(Path(f"{out}.run.json").read_text(encoding="utf-8"))
    assert record["counts"] == batch_record["counts"]
    for key in ("engine_version", "settings_hash", "threshold", "limit", "lists"):
        assert record[key] == batch_record[key], key
    assert record["output_format"] == "csv"


def test_broken_csv_records_become_error_rows(spark: SparkSession, tmp_path: Path) -> None:
    source = tmp_path / "broken.csv"
    lines = [
        b"id,name,country\n",
        b"b1,Alexei Budnev,ru\n",
        b"b2,too,many,fields\n",
        b"b3,Ivan Petrov\n",
        b"b4,Iv\xff\xfean,ru\n",
        "b5,Алексей Буднев,ru\n".encode(),
    ]
    source.write_bytes(b"".join(lines))
    out = tmp_path / "out"
    code = main(["spark-batch", str(source), str(out), "--list", str(DEFAULT_LIST), "-q"])
    assert code == 1
    from pyspark.sql import SparkSession

    found = {
        row["id"]: (row["status"], row["error"])
        for row in SparkSession.getActiveSession().read.parquet(str(out)).collect()  # type: ignore[union-attr]
    }
    assert found["b1"] == ("hit", None) and found["b5"] == ("hit", None)
    assert found["b2"][0] == found["b3"][0] == "error"
    assert "fields" in found["b2"][1] and "fields" in found["b3"][1]
    assert found["b4"][0] == "error" and "not valid utf-8" in found["b4"][1]


def test_parquet_in_parquet_out_with_explanations(spark: SparkSession, tmp_path: Path) -> None:
    from screening.spark import provenance_of

    source = tmp_path / "book.csv"
    source.write_text(HEADER + "".join(GOOD_LINES), encoding="utf-8")
    _, batch_rows, batch_record = run_batch(source, tmp_path / "batch.csv")
    book = tmp_path / "book.parquet"
    records = [
        [row[column] or None for column in ("id", "name", "schema", "birth_date", "country")]
        for row in batch_rows.values()
    ]
    frame = spark.createDataFrame(
        records, "id string, name string, schema string, birth_date string, country string"
    )
    frame.write.parquet(str(book))
    out = tmp_path / "results.parquet"
    argv = ["spark-batch", str(book), str(out), "--list", str(DEFAULT_LIST), "--explanations"]
    assert main([*argv, "-q", *COLUMN_OPTIONS]) == 1
    written = spark.read.parquet(str(out))
    assert provenance_of(written) is not None  # the Parquet files carry the run's provenance
    for row in written.collect():
        expected = batch_rows[row["id"]]
        score = row["top_score"]
        assert [
            row["status"],
            str(row["hit_count"]),
            row["top_entity_id"] or "",
            f"{score:.4f}" if score is not None else "",
            row["error"] or "",
        ] == [
            expected["status"],
            expected["hit_count"],
            expected["top_entity_id"],
            f"{float(expected['top_score']):.4f}" if expected["top_score"] else "",
            expected["error"],
        ], row["id"]
        assert len(row["hits"]) == row["hit_count"]
    record = json.loads(Path(f"{out}.run.json").read_text(encoding="utf-8"))
    assert record["counts"] == batch_record["counts"]
    assert record["output_format"] == "parquet"
    # an existing output is refused unless --overwrite
    assert main([*argv, "-q", *COLUMN_OPTIONS]) == 2
    assert main([*argv, "-q", "--overwrite", *COLUMN_OPTIONS]) == 1


def test_an_unknown_column_is_refused(spark: SparkSession, tmp_path: Path) -> None:
    source = tmp_path / "book.csv"
    source.write_text("id,full_name\n1,Alexei Budnev\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["spark-batch", str(source), str(out), "--list", str(DEFAULT_LIST), "-q"]) == 2
    assert not out.exists()


@pytest.mark.parametrize("option", [["--threshold", "2"], ["--limit", "0"]])
def test_bad_numbers_are_refused(tmp_path: Path, option: list[str]) -> None:
    argv = ["spark-batch", str(tmp_path / "in.csv"), str(tmp_path / "out"), *option]
    assert main(argv) == 2


def test_the_command_runs_under_spark_submit(spark: SparkSession, tmp_path: Path) -> None:
    import os
    import subprocess

    import pyspark

    import screening.cli.spark_batch as application

    submit = Path(pyspark.__file__).parent / "bin" / "spark-submit"
    source = tmp_path / "book.csv"
    source.write_text("id,name\n1,Alexei Budnev\n2,Jane Smith\n", encoding="utf-8")
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(Path(application.__file__).parents[2])}
    done = subprocess.run(
        [
            *[str(submit), "--master", "local[1]", "--conf", "spark.ui.enabled=false"],
            *[application.__file__, str(source), str(out), "--list", str(DEFAULT_LIST)],
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    # spark-submit passes the Python driver's stderr on to its own stdout
    summary = [line for line in done.stdout.splitlines() if "rows read" in line]
    assert summary == ["screening spark-batch: 2 rows read: 1 hit, 1 clear, 0 error"], summary
    record = json.loads(Path(f"{out}.run.json").read_text(encoding="utf-8"))
    assert record["master"] == "local[1]"
    assert record["counts"]["rows"] == 2


def test_delta_rescreen_equals_the_batch_commands(spark: SparkSession, tmp_path: Path) -> None:
    from tests.engine.test_delta import book, list_update

    new, delta = list_update(tmp_path)
    source = tmp_path / "book.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(
            [("id", "name"), *((f"k{n}", x) for n, x in enumerate(book()))]
        )
    chosen = ["--list", str(new), "--delta", str(delta), "--id-column", "id", "--quiet"]
    batch_out = tmp_path / "batch.csv"
    assert main(["batch", str(source), "-o", str(batch_out), "--workers", "1", *chosen]) == 0
    out = tmp_path / "spark-out"
    assert main(["spark-batch", str(source), str(out), "--format", "csv", *chosen]) == 0
    expected = read_csv_rows([batch_out])
    found = read_csv_rows(sorted(out.glob("part-*.csv")))
    assert {key: comparable(row) for key, row in found.items()} == {
        key: comparable(row) for key, row in expected.items()
    }
    assert sum(row["status"] == "hit" for row in found.values()) > 50
    record = json.loads(Path(f"{out}.run.json").read_text(encoding="utf-8"))
    assert [item["source"] for item in record["lists"]] == ["new", "delta"]
