"""Throughput of screening on Spark in local mode, beside the local batch command.

``python -m benchmarks.spark [--sizes 100000,1000000]`` screens ``../shared/eval/load_names.txt``
(100,000 names, repeated to fill the larger size) written as a CSV file against
``../shared/eval/list.jsonl``: with ``screening batch``'s code on all cores, then with
``screening spark-batch``'s code on ``local[1]`` and ``local[2]``. Each run is a fresh
Python process (and JVM). The Spark figure counts what the command does after the index is
prepared on the driver: reading the CSV, starting the Python workers and loading the index
in each, screening, writing Parquet and counting the written rows; the batch figure counts
the same span of ``screen_csv``. Targets: ``local[2]`` within 20% of the batch command's
names/s, and ``local[2]`` >= 1.8 x ``local[1]``.

Part of the full benchmark run only (``--quick`` skips it: a JVM start and a million
names take minutes). Wall-clock rates suffer from anything else running on the machine:
the load average during each run is reported beside it. Results go to
``benchmarks/out/spark.json``.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.batch_speed import LIST_FILE, NAMES_FILE, run_in_child
from benchmarks.data import write_json

REPO = Path(__file__).resolve().parents[1]
OUT_FILE = REPO / "benchmarks" / "out" / "spark.json"

SIZES = (100_000, 1_000_000)
MASTERS = ("local[1]", "local[2]")
CHILD_TIMEOUT = 3600.0  # seconds; a million names on one core take several minutes
TARGET_SPARK_SHARE = 0.8  # local[2] names/s over the batch command's, at least
TARGET_SCALING = 1.8  # local[2] over local[1], at least


def run(quick: bool, sizes: tuple[int, ...] = SIZES) -> dict[str, Any]:
    """Measure every size; the result is also written to ``OUT_FILE``."""
    result: dict[str, Any] = {
        "benchmark": "spark",
        "quick": quick,
        "cores": os.cpu_count() or 1,
        "targets": {"spark_share_of_batch": TARGET_SPARK_SHARE, "scaling": TARGET_SCALING},
    }
    missing = _missing()
    if quick:
        result["status"] = "skipped: full run only (a JVM start and a million names)"
    elif missing is not None:
        result["status"] = f"skipped: {missing}"
    else:
        with tempfile.TemporaryDirectory(prefix="spark-bench-") as scratch:
            result["sizes"] = {str(size): measure(size, Path(scratch)) for size in sizes}
        result["status"] = "ok"
    write_json(OUT_FILE, result)
    return result


def _missing() -> str | None:
    if not (LIST_FILE.is_file() and NAMES_FILE.is_file()):
        return f"{LIST_FILE.parent} is not available in this checkout"
    if importlib.util.find_spec("pyspark") is None:
        return "pyspark is not installed (pip install -e '.[spark]')"
    if shutil.which("java") is None:
        return "no Java runtime"
    return None


def measure(size: int, folder: Path) -> dict[str, Any]:
    """The batch command on all cores, then Spark on each master, on ``size`` names."""
    source = folder / f"book-{size}.csv"
    write_input(source, size)
    load = os.getloadavg()[0]
    batch = run_in_child(os.cpu_count() or 1, source, folder)
    batch["load_average_before"] = round(load, 2)
    figures: dict[str, Any] = {"rows": size, "batch": batch}
    for master in MASTERS:
        figures[master] = spark_in_child(master, source, folder / f"out-{size}-{master[6]}")
    one, two = (figures[master]["names_per_second"] for master in MASTERS)
    figures["scaling_1_to_2"] = round(two / max(one, 1e-9), 2)
    figures["spark_2_share_of_batch"] = round(two / max(batch["names_per_second"], 1e-9), 2)
    figures["meets_target"] = {
        "spark_share_of_batch": figures["spark_2_share_of_batch"] >= TARGET_SPARK_SHARE,
        "scaling": figures["scaling_1_to_2"] >= TARGET_SCALING,
    }
    return figures


def write_input(path: Path, rows: int) -> None:
    """The load names as a customer CSV file ``id,name``, repeated to ``rows`` rows."""
    names = NAMES_FILE.read_text(encoding="utf-8").splitlines()
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "name"])
        for number in range(rows):
            writer.writerow([f"c{number + 1}", names[number % len(names)]])


def spark_in_child(master: str, source: Path, output: Path) -> dict[str, Any]:
    """One Spark run in a fresh interpreter and JVM; what it measured."""
    command = [sys.executable, "-m", "benchmarks.spark", "--child", master, str(source)]
    command.append(str(output))
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    load = os.getloadavg()[0]
    done = subprocess.run(
        command,
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=CHILD_TIMEOUT,
    )
    if done.returncode != 0:
        raise RuntimeError(f"Spark run on {master} failed:\n{done.stderr[-4000:]}")
    measured: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    measured["load_average_before"] = round(load, 2)
    return measured


def child_run(master: str, source: Path, output: Path) -> dict[str, Any]:
    """Inside the measured process: start Spark, prepare the index, run the command's steps."""
    from pyspark.sql import SparkSession

    from screening.cli.spark_batch import read_csv, spread
    from screening.spark import screen_dataframe
    from screening.spark.output import write_results
    from screening.spark.shipping import prepare_index

    lap = time.perf_counter()
    spark = (
        SparkSession.builder.master(master)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    start_seconds = time.perf_counter() - lap
    lap = time.perf_counter()
    prepared = prepare_index(spark.sparkContext, [LIST_FILE])
    prepare_seconds = time.perf_counter() - lap
    lap = time.perf_counter()
    book = spread(read_csv(spark, str(source), ",", "utf-8"), None)
    partitions = book.rdd.getNumPartitions()
    result = screen_dataframe(book, lists=[LIST_FILE], name_col="name", id_col="id")
    record = write_results(result, str(output), "parquet")
    seconds = time.perf_counter() - lap
    spark.stop()
    return {
        "master": master,
        "partitions": partitions,
        "rows": record.counts.rows,
        "hits": record.counts.hits,
        "errors": record.counts.errors,
        "seconds": round(seconds, 2),
        "names_per_second": round(record.counts.rows / seconds, 1),
        "session_start_seconds": round(start_seconds, 2),
        "index_prepare_seconds": round(prepare_seconds, 2),
        "index_mb": round(prepared.index_bytes / 2**20, 1),
    }


def format_report(result: dict[str, Any]) -> str:
    lines = [f"spark ({'quick' if result['quick'] else 'full'}): {result['status']}"]
    for size, figures in result.get("sizes", {}).items():
        batch = figures["batch"]
        lines.append(
            f"  {int(size):,} names: batch command on {batch['workers']} worker(s) "
            f"{batch['names_per_second']:,.0f} names/s (load {batch['load_average_before']})"
        )
        for master in MASTERS:
            run = figures[master]
            lines.append(
                f"    {master}: {run['names_per_second']:,.0f} names/s ({run['seconds']:.1f} s, "
                f"load {run['load_average_before']}; JVM start {run['session_start_seconds']} s, "
                f"index {run['index_mb']} MiB prepared in {run['index_prepare_seconds']} s)"
            )
        lines.append(
            f"    scaling local[1] -> local[2]: x{figures['scaling_1_to_2']} "
            f"(target {TARGET_SCALING}); local[2] / batch: {figures['spark_2_share_of_batch']:.0%} "
            f"(target {TARGET_SPARK_SHARE:.0%})"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="skip (the CI run)")
    parser.add_argument(
        "--sizes",
        default=",".join(str(size) for size in SIZES),
        help="comma-separated names counts (default: %(default)s)",
    )
    parser.add_argument("--child", metavar="MASTER", help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        print(json.dumps(child_run(args.child, args.paths[0], args.paths[1])))
        return 0
    sizes = tuple(int(size) for size in args.sizes.split(","))
    result = run(args.quick, sizes)
    print(format_report(result))
    print(f"written to {OUT_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
