"""Writing screened rows, then the run record beside them, as the local batch does.

The record (``OUTPUT.run.json``) names the list snapshots, engine version and settings
hash the results were made with (read from the result's schema, where
``screen_dataframe`` put them), and the counts, read back from what was written. It is
written through Spark's file system layer, so it lands wherever the output does
(a local folder, HDFS, S3), and only after every row is written.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field
from pyspark.sql import functions as F
from pyspark.sql.types import ArrayType, MapType, StructType

from screening.batch.model import RowCounts
from screening.batch.resume import utc_now
from screening.errors import InputError
from screening.model import ListSnapshot
from screening.spark.dataframe import PROVENANCE_KEY, provenance_of

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

SparkFormat = Literal["parquet", "csv"]
#: How results are written to and read back from CSV: a header, quoted line breaks kept
#: inside their record, and values kept as they are (Spark's writer trims by default).
CSV_OPTIONS = {
    "header": "true",
    "multiLine": "true",
    "escape": '"',
    "ignoreLeadingWhiteSpace": "false",
    "ignoreTrailingWhiteSpace": "false",
}


class SparkRunRecord(BaseModel):
    """The run record of a Spark run: the local batch's provenance and counts, plus where
    and on what it ran."""

    status: Literal["complete"] = "complete"
    engine_version: str
    settings_hash: str
    threshold: float
    limit: int
    lists: list[ListSnapshot]
    index_sha256: str
    index_bytes: int
    output: str
    output_format: SparkFormat
    counts: RowCounts
    master: str
    spark_version: str
    started_at: str
    finished_at: str
    seconds: float
    names_per_second: float
    options: dict[str, Any] = Field(default_factory=dict)


def record_path(output: str) -> str:
    return f"{output.rstrip('/')}.run.json"


def write_results(
    result: DataFrame,
    output: str,
    output_format: SparkFormat = "parquet",
    overwrite: bool = False,
    options: dict[str, Any] | None = None,
) -> SparkRunRecord:
    """Write a ``screen_dataframe`` result to ``output`` (a folder of part files, as Spark
    writes), then ``output.run.json``; returns the record.

    In CSV the hits column, if any, is written as one JSON array per row.
    """
    provenance = provenance_of(result)
    if provenance is None:
        raise InputError("not a result of screen_dataframe: it carries no run provenance")
    spark = result.sparkSession
    if not overwrite and path_exists(spark, output):
        raise InputError(f"{output} exists; choose another output or overwrite it")
    started_at, started = utc_now(), time.monotonic()
    table = _nested_as_json(result) if output_format == "csv" else result
    writer = table.write.mode("overwrite" if overwrite else "errorifexists")
    writer.format(output_format).options(**CSV_OPTIONS if output_format == "csv" else {})
    writer.save(output)
    counts = count_statuses(spark, output, output_format, _status_column(result))
    seconds = time.monotonic() - started
    record = SparkRunRecord(
        engine_version=provenance["engine_version"],
        settings_hash=provenance["settings_hash"],
        threshold=provenance["threshold"],
        limit=provenance["limit"],
        lists=[ListSnapshot.model_validate(item) for item in provenance["lists"]],
        index_sha256=provenance["index_sha256"],
        index_bytes=provenance["index_bytes"],
        output=output,
        output_format=output_format,
        counts=counts,
        master=spark.sparkContext.master,
        spark_version=spark.version,
        started_at=started_at,
        finished_at=utc_now(),
        seconds=round(seconds, 3),
        names_per_second=round(counts.rows / seconds, 1) if seconds > 0 else 0.0,
        options=dict(options or {}),
    )
    write_text(spark, record_path(output), record.model_dump_json(indent=2) + "\n")
    return record


def _status_column(result: DataFrame) -> str:
    """The status column: the one carrying the provenance (its name may be prefixed)."""
    for field in result.schema.fields:
        if PROVENANCE_KEY in field.metadata:
            return field.name
    raise InputError("not a result of screen_dataframe: no status column")


def _nested_as_json(result: DataFrame) -> DataFrame:
    """Arrays, structs and maps (the hits column) as JSON text, which CSV can hold."""
    nested = (ArrayType, MapType, StructType)
    return result.select(
        *[
            F.to_json(F.col(f"`{field.name}`")).alias(field.name)
            if isinstance(field.dataType, nested)
            else F.col(f"`{field.name}`")
            for field in result.schema.fields
        ]
    )


def count_statuses(
    spark: SparkSession, output: str, output_format: SparkFormat, status: str
) -> RowCounts:
    """Rows by status, read back from the written output: what was written, exactly."""
    reader = spark.read.format(output_format)
    if output_format == "csv":
        reader = reader.options(**CSV_OPTIONS)
    found = {
        row[0]: int(row[1])
        for row in reader.load(output).groupBy(F.col(f"`{status}`")).count().collect()
    }
    unknown = set(found) - {"hit", "clear", "error"}
    if unknown:
        raise InputError(f"unexpected status values in {output}: {sorted(map(str, unknown))}")
    hits, clear, errors = (found.get(key, 0) for key in ("hit", "clear", "error"))
    return RowCounts(rows=hits + clear + errors, hits=hits, clear=clear, errors=errors)


def write_text(spark: SparkSession, target: str, text: str) -> None:
    """Write a small file through Hadoop's file system layer (any scheme Spark writes)."""
    path, files = _hadoop_path(spark, target)
    stream = files.create(path, True)
    try:
        stream.write(text.encode("utf-8"))
    finally:
        stream.close()


def path_exists(spark: SparkSession, target: str) -> bool:
    path, files = _hadoop_path(spark, target)
    return bool(files.exists(path))


def _hadoop_path(spark: SparkSession, target: str) -> tuple[Any, Any]:
    """A Hadoop ``Path`` and its ``FileSystem``, through the JVM gateway."""
    context = spark.sparkContext
    jvm: Any = getattr(context, "_jvm", None)
    if jvm is None:
        raise InputError("this Spark session has no JVM gateway (Spark Connect is not supported)")
    path = jvm.org.apache.hadoop.fs.Path(target)
    return path, path.getFileSystem(context._jsc.hadoopConfiguration())
