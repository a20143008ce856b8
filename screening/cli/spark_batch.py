"""``screening spark-batch INPUT OUTPUT``: screen a CSV or Parquet book on Apache Spark.

For people who do not write Spark code: reads the input, screens it with
``screening.spark.screen_dataframe`` and writes the results and the run record. Runs
under ``spark-submit`` too (this file is the application); ``--master`` is for runs
started without it. Needs the ``spark`` extra.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import TYPE_CHECKING, Any

from screening.cli.batch import IdColumnAction
from screening.cli.common import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_ROW_ERRORS,
    EXIT_RUN_FAILED,
    add_delta_option,
    add_list_option,
    add_store_option,
    check_cutoff_options,
    list_paths,
)
from screening.errors import InputError
from screening.settings import Settings

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

    from screening.spark.output import SparkRunRecord

#: The column that carries the problem of a CSV record Spark could not split right.
PROBLEM_COLUMN = "_screening_problem"
_CORRUPT_COLUMN = "_screening_corrupt_record"


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "spark-batch",
        help="screen a CSV or Parquet book on Apache Spark",
        description=(
            "Screen every row of a CSV or Parquet input on Apache Spark and write one result "
            "row per input row to OUTPUT (a folder of part files) with OUTPUT.run.json beside "
            "it. Same answers as `screening batch`. Needs pip install 'screening[spark]'. "
            "Exit status: 0 all rows screened, 1 some rows are errors, 2 bad options or "
            "input, 3 a list failed to load, 5 the Spark job failed (no run record is "
            "written), 130 interrupted."
        ),
    )
    parser.add_argument("input", metavar="INPUT", help="a CSV file or folder, or Parquet")
    parser.add_argument("output", metavar="OUTPUT", help="the results folder to write")
    add_list_option(parser)
    add_delta_option(parser)
    add_store_option(parser)
    parser.add_argument(
        "--master", help="Spark master, e.g. local[*] (default: spark-submit's, else local[*])"
    )
    parser.add_argument(
        "--format",
        dest="output_format",
        choices=("parquet", "csv"),
        default="parquet",
        help="output format (default: parquet)",
    )
    parser.add_argument(
        "--input-format",
        choices=("parquet", "csv"),
        help="default: parquet if INPUT ends in .parquet, else csv",
    )
    parser.add_argument("--threshold", type=float, help="minimum score (default: engine's)")
    parser.add_argument("--limit", type=int, help="hits per row (default: engine's)")
    parser.add_argument("--name-column", default="name", metavar="COL", help="default: name")
    parser.add_argument(
        "--id-column",
        action=IdColumnAction,
        metavar="COL | TYPE=COL",
        help="COL: your customer id (checked present); TYPE=COL (repeatable): a column of "
        "identifiers to screen, such as imo=IMO (then the name column may be absent)",
    )
    parser.add_argument("--schema-column", metavar="COL", help="Person, Organization, ...")
    parser.add_argument("--birth-date-column", metavar="COL", help="YYYY or YYYY-MM-DD")
    parser.add_argument("--country-column", metavar="COL", help="ISO 3166 alpha-2 codes")
    parser.add_argument(
        "--explanations", action="store_true", help="add a hits column: every hit, explained"
    )
    parser.add_argument("--delimiter", default=",", metavar="D", help="CSV input (default: ,)")
    parser.add_argument("--encoding", default="utf-8", metavar="ENC", help="CSV input")
    parser.add_argument(
        "--partitions",
        type=int,
        metavar="N",
        help="spread the rows over N tasks (default: twice the cores when the input has "
        "fewer partitions than cores)",
    )
    parser.add_argument("--overwrite", action="store_true", help="replace an existing OUTPUT")
    parser.add_argument("--quiet", "-q", action="store_true", help="no summary")
    parser.set_defaults(run=run, identifier_columns=[])


def run(args: argparse.Namespace) -> int:
    check_cutoff_options(args)
    if args.partitions is not None and args.partitions < 1:
        raise InputError(f"--partitions must be at least 1, got {args.partitions}")
    lists = list_paths(args.lists, args.store_dir)
    try:
        from screening.spark import screen_dataframe
        from screening.spark.output import path_exists, write_results
    except ImportError as exc:
        raise InputError(
            f"spark-batch needs the spark extra ({exc.name} is missing): "
            "pip install 'screening[spark]'"
        ) from None
    spark = start_session(args.master)
    started = time.monotonic()
    if not args.overwrite and path_exists(spark, args.output):
        raise InputError(f"{args.output} exists; choose another OUTPUT or give --overwrite")
    book = spread(read_input(spark, args), args.partitions)
    result = screen_dataframe(
        book,
        lists=lists,
        name_col=args.name_column,
        id_col=args.id_column,
        schema_col=args.schema_column,
        birth_date_col=args.birth_date_column,
        country_col=args.country_column,
        identifier_cols=[
            (spec, column)
            for spec, _, column in (item.partition("=") for item in args.identifier_columns)
        ],
        explanations=args.explanations,
        threshold=args.threshold,
        limit=args.limit,
        settings=Settings(),
        problem_col=PROBLEM_COLUMN if PROBLEM_COLUMN in book.columns else None,
        delta=args.delta,
    )
    from py4j.protocol import Py4JJavaError
    from pyspark.errors import PySparkException

    try:
        record = write_results(
            result, args.output, args.output_format, args.overwrite, options=_options(args)
        )
    except KeyboardInterrupt:
        print("screening spark-batch: interrupted; OUTPUT is incomplete", file=sys.stderr)
        return EXIT_INTERRUPTED
    except (PySparkException, Py4JJavaError) as exc:
        # a failed job (an executor lost, no space left): the run record is not written,
        # which marks OUTPUT as incomplete; the same command with --overwrite starts again
        print(f"screening spark-batch: run failed: {exc}", file=sys.stderr)
        return EXIT_RUN_FAILED
    if not args.quiet:
        print(summary_text(record, time.monotonic() - started), file=sys.stderr)
    return EXIT_ROW_ERRORS if record.counts.errors else EXIT_OK


def start_session(master: str | None) -> SparkSession:
    """The running session (spark-submit's, a notebook's) or a new one."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("screening spark-batch").config(
        "spark.ui.showConsoleProgress",
        "false",  # the progress bar garbles the summary
    )
    if master:
        builder = builder.master(master)
    return builder.getOrCreate()


def read_input(spark: SparkSession, args: argparse.Namespace) -> DataFrame:
    """The book as a DataFrame; a CSV record Spark cannot split into the header's fields,
    or whose bytes are not valid in the encoding, carries its problem in a column, so it
    becomes an error row as in ``screening batch``."""
    from pyspark.errors import AnalysisException

    input_format = args.input_format or (
        "parquet" if str(args.input).rstrip("/").endswith(".parquet") else "csv"
    )
    try:
        if input_format == "parquet":
            return spark.read.parquet(args.input)
        return read_csv(spark, args.input, args.delimiter, args.encoding)
    except AnalysisException as exc:
        raise InputError(f"cannot read {args.input}: {exc}") from None


def spread(book: DataFrame, partitions: int | None) -> DataFrame:
    """The book over enough tasks to keep every core busy: a file smaller than Spark's
    split size is read as one partition, and one name takes far longer to screen than
    to read, so a book of a million names would otherwise run on one core."""
    if partitions is not None:
        return book.repartition(partitions)
    cores = book.sparkSession.sparkContext.defaultParallelism
    if book.rdd.getNumPartitions() < cores:
        return book.repartition(2 * cores)
    return book


def read_csv(spark: SparkSession, path: str, delimiter: str, encoding: str) -> DataFrame:
    from pyspark.sql import functions as F
    from pyspark.sql.types import StringType, StructField, StructType

    options = {"header": "true", "sep": delimiter, "encoding": encoding}
    header = spark.read.options(**options).csv(path).columns
    if not header:
        raise InputError(f"{path}: no header row")
    if PROBLEM_COLUMN in header or _CORRUPT_COLUMN in header:
        raise InputError(f"{path}: the header uses a reserved column name")
    fields = [StructField(name, StringType()) for name in [*header, _CORRUPT_COLUMN]]
    book = (
        spark.read.options(**options, mode="PERMISSIVE", columnNameOfCorruptRecord=_CORRUPT_COLUMN)
        .schema(StructType(fields))
        .csv(path)
    )
    undecodable = F.lit(False)
    for name in header:
        undecodable = undecodable | F.coalesce(F.col(f"`{name}`").contains("\ufffd"), F.lit(False))
    problem = (
        F.when(
            F.col(_CORRUPT_COLUMN).isNotNull(),
            F.lit(f"the record does not split into the header's {len(header)} fields"),
        )
        .when(undecodable, F.lit(f"bytes that are not valid {encoding} (read as U+FFFD)"))
        .otherwise(F.lit(None))
    )
    return book.withColumn(PROBLEM_COLUMN, problem).drop(_CORRUPT_COLUMN)


def summary_text(record: SparkRunRecord, seconds: float) -> str:
    counts = record.counts
    lines = [
        f"screening spark-batch: {counts.rows:,} rows read: {counts.hits:,} hit, "
        f"{counts.clear:,} clear, {counts.errors:,} error",
        f"  {seconds:.1f} s in all on {record.master} (Spark {record.spark_version})",
        f"  results: {record.output}",
        f"  run record: {record.output.rstrip('/')}.run.json",
    ]
    if counts.errors:
        lines.append("  rows with status=error say why in their error column")
    return "\n".join(lines)


def _options(args: argparse.Namespace) -> dict[str, Any]:
    """The command's options as given, for the run record."""
    options: dict[str, Any] = {"command": "spark-batch"}
    for key, value in sorted(vars(args).items()):
        if key != "run":
            options[key] = (
                value
                if value is None or isinstance(value, int | float | str | bool | list)
                else str(value)
            )
    return options


if __name__ == "__main__":  # run by spark-submit as the application file
    from screening.cli import main

    raise SystemExit(main(["spark-batch", *sys.argv[1:]]))
