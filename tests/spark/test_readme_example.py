"""The README's Spark example runs and finds the entity it should (``py`` block: the
README test runs only the examples that need no Spark)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.conftest import REPO

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

README = (REPO / "README.md").read_text(encoding="utf-8")
SECTION = README.split("## Screening on a cluster", 1)[1].split("\n## ", 1)[0]


def test_python_example_screens_and_writes_the_record(
    spark: SparkSession,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    blocks = re.findall(r"```py\n(.*?)```", SECTION, re.S)
    assert len(blocks) == 1 and '"results.parquet"' in blocks[0]
    # Spark resolves a relative output path against the JVM's directory, not Python's
    output = tmp_path / "results.parquet"
    code = blocks[0].replace('"results.parquet"', repr(str(output)))
    monkeypatch.chdir(REPO)
    book = spark.createDataFrame(
        [("C-1", "Alexei Budnev", "ru"), ("C-2", "Jane Smith", "gb")],
        "customer_id string, name string, country string",
    )
    exec(code, {"book": book})
    assert "default-0002" in capsys.readouterr().out
    record = json.loads(Path(f"{output}.run.json").read_text(encoding="utf-8"))
    assert record["counts"]["rows"] == 2 and record["counts"]["hits"] == 1
