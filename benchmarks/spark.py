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

Each Spark run is given as many cores as its master has threads (``sched_setaffinity``,
inherited by the JVM and the Python workers it starts): ``local[1]`` left on a two-core
machine runs its Python worker on one core while the JVM reads, converts and writes on the
other, so it is not a one-core figure and the scaling from 1 to 2 cores would be understated.

Part of the full benchmark run only (``--quick`` skips it: a JVM start and a million
names take minutes). Wall-clock rates suffer from anything else running on the machine:
the load average during each run is reported beside it, and so is the CPU time of every
process of the run (names per CPU second), which other load does not change. Results go to
``benchmarks/out/spark.json``.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.batch_speed import LIST_FILE, NAMES_FILE, process_memory_mb, run_in_child
from benchmarks.child import child_json
from benchmarks.data import write_json
from benchmarks.list_load import FULL_LISTS, usable_lists

REPO = Path(__file__).resolve().parents[1]
OUT_FILE = REPO / "benchmarks" / "out" / "spark.json"
TABLE_FILE = OUT_FILE.with_suffix(".md")  # the README's "Screening on a cluster" table

SIZES = (100_000, 1_000_000)
MASTERS = ("local[1]", "local[2]")  # each run pinned to as many cores as it has threads
CHILD_TIMEOUT = 3600.0  # seconds; a million names on one core take several minutes
TARGET_SPARK_SHARE = 0.8  # local[2] names/s over the batch command's, at least
TARGET_SCALING = 1.8  # local[2] over local[1], at least
MEMORY_PROBE_NAMES = 20_000  # screened after the load, so the lookup caches fill
DELTA_SHARE = 0.01  # of the list's entities added or changed by a typical update
DELTA_SEED = 14
DELTA_BOOK_NAMES = 30_000  # the 10,009 dev queries, then load names up to this many


def run(quick: bool, sizes: tuple[int, ...] = SIZES, extras: bool = True) -> dict[str, Any]:
    """Measure every size (and with ``extras`` the index memory and the delta re-screen);
    the result is written to ``OUT_FILE``, the throughput table to ``TABLE_FILE``."""
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
        write_json(OUT_FILE, result)  # kept even if a later part fails
        TABLE_FILE.write_text(cluster_table(result), encoding="utf-8")
        if extras:
            result["profile"] = executor_profile()
            result["index_memory"] = index_memory_in_child()
            result["delta"] = delta_rescreen()
        result["status"] = "ok"
    write_json(OUT_FILE, result)
    return result


def cluster_table(result: dict[str, Any]) -> str:
    """The README's table of "Screening on a cluster", filled from a run."""
    rows = [
        "| names | batch command | Spark `local[1]` | Spark `local[2]` "
        "| `local[2]` / batch | `local[1]` -> `local[2]` | `local[2]` / batch per CPU second |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size, figures in result.get("sizes", {}).items():
        one, two = figures["local[1]"], figures["local[2]"]
        rows.append(
            f"| {int(size):,} | {figures['batch']['names_per_second']:,.0f}/s "
            f"({figures['batch']['workers']} workers) "
            f"| {one['names_per_second']:,.0f}/s | {two['names_per_second']:,.0f}/s "
            f"| {figures['spark_2_share_of_batch']:.0%} | x{figures['scaling_1_to_2']} "
            f"| {figures['spark_2_cpu_share_of_batch']:.0%} |"
        )
    load = max(
        (
            figures[key]["load_average_before"]
            for figures in result.get("sizes", {}).values()
            for key in ("batch", *MASTERS)
        ),
        default=0.0,
    )
    rows.append(
        f"\nMeasured with `python -m benchmarks.spark` on {result['cores']} cores, each Spark "
        f"run given as many cores as its master has threads (load average before the runs: "
        f"up to {load})."
    )
    return "\n".join(rows) + "\n"


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
    for master in MASTERS:
        figures[f"spark_{master[6]}_cpu_share_of_batch"] = round(
            figures[master]["names_per_cpu_second"] / max(batch["names_per_cpu_second"], 1e-9), 2
        )
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
    cores = sorted(os.sched_getaffinity(0))[: master_threads(master)]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    load = os.getloadavg()[0]
    measured = child_json(
        "benchmarks.spark",
        ["--child", master, str(source), str(output)],
        f"Spark run on {master}",
        timeout=CHILD_TIMEOUT,
        env=env,
        preexec_fn=lambda: os.sched_setaffinity(0, cores),
    )
    measured["load_average_before"] = round(load, 2)
    measured["cores"] = len(cores)
    return measured


def master_threads(master: str) -> int:
    """The worker threads of a ``local[N]`` master (``local[*]``: every core)."""
    inside = master.partition("[")[2].rstrip("]")
    return os.cpu_count() or 1 if inside in ("", "*") else int(inside)


def local_session(master: str) -> Any:
    """A Spark session in local mode on the loopback interface, without UI or progress bars."""
    from pyspark.sql import SparkSession

    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # local mode: loopback only
    spark = (
        SparkSession.builder.master(master)
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def child_run(master: str, source: Path, output: Path) -> dict[str, Any]:
    """Inside the measured process: start Spark, prepare the index, run the command's steps."""
    from screening.cli.spark_batch import read_csv, spread
    from screening.spark import screen_dataframe
    from screening.spark.output import write_results
    from screening.spark.shipping import prepare_index

    lap = time.perf_counter()
    spark = local_session(master)
    start_seconds = time.perf_counter() - lap
    lap = time.perf_counter()
    prepared = prepare_index(spark.sparkContext, [LIST_FILE])
    prepare_seconds = time.perf_counter() - lap
    lap, cpu_before = time.perf_counter(), tree_cpu_seconds()
    book = spread(read_csv(spark, str(source), ",", "utf-8"), None)
    partitions = book.rdd.getNumPartitions()
    result = screen_dataframe(book, lists=[LIST_FILE], name_col="name", id_col="id")
    record = write_results(result, str(output), "parquet")
    seconds = time.perf_counter() - lap
    cpu = tree_cpu_seconds() - cpu_before  # before the Python workers end with the session
    spark.stop()
    return {
        "master": master,
        "partitions": partitions,
        "rows": record.counts.rows,
        "hits": record.counts.hits,
        "errors": record.counts.errors,
        "seconds": round(seconds, 2),
        "names_per_second": round(record.counts.rows / seconds, 1),
        # robust to other load on the machine: JVM and Python workers together
        "cpu_seconds": round(cpu, 2),
        "names_per_cpu_second": round(record.counts.rows / max(cpu, 1e-9), 1),
        "session_start_seconds": round(start_seconds, 2),
        "index_prepare_seconds": round(prepare_seconds, 2),
        "index_mb": round(prepared.index_bytes / 2**20, 1),
    }


PROFILE_NAMES = 20_000  # screened on local[1] under Spark's Python profiler


def executor_profile(names: int = PROFILE_NAMES) -> dict[str, Any]:
    """Where an executor's Python worker spends its time, in a fresh process and JVM."""
    with tempfile.TemporaryDirectory(prefix="spark-profile-") as scratch:
        source = Path(scratch) / "book.csv"
        write_input(source, names)
        return {"names": names, **_child_json(["--profile-child", str(source), scratch])}


def profile_child(source: Path, folder: Path) -> dict[str, Any]:
    """Inside the measured process: screen ``source`` on ``local[1]`` with Spark's UDF
    profiler (cProfile in the Python worker), then split the worker's time into loading
    the index, screening rows, and the rest (Arrow batches to values and back)."""
    import pstats

    from screening.cli.spark_batch import read_csv, spread
    from screening.spark import screen_dataframe

    spark = local_session("local[1]")
    spark.conf.set("spark.sql.pyspark.udf.profiler", "perf")
    book = spread(read_csv(spark, str(source), ",", "utf-8"), None)
    result = screen_dataframe(book, lists=[LIST_FILE], name_col="name", id_col="id")
    result.write.format("noop").mode("overwrite").save()
    spark.profile.dump(str(folder / "profile"))
    spark.stop()
    cumulative: dict[str, float] = {}
    for dump in sorted((folder / "profile").glob("*.pstats")):
        table: dict[Any, Any] = pstats.Stats(str(dump)).stats  # type: ignore[attr-defined]
        for (path, _, function), (_, _, _, seconds, _) in table.items():
            name = f"{Path(path).name}:{function}"  # Spark keeps the file's name only
            cumulative[name] = cumulative.get(name, 0.0) + seconds
    total = cumulative.get("dataframe.py:__call__", 0.0)  # ScreenBatches, the whole task
    rows = cumulative.get("rows.py:screen", 0.0)  # ScreenJob.screen, row by row
    load = cumulative.get("shipping.py:load_shipped", 0.0)
    share = 1.0 / max(total, 1e-9)
    return {
        "worker_seconds_profiled": round(total, 2),
        "screening_rows_share": round(rows * share, 3),
        "index_load_share": round(load * share, 3),
        "arrow_and_rest_share": round((total - rows - load) * share, 3),
    }


def tree_cpu_seconds() -> float:
    """CPU time (user + system) of this process and every process below it: the JVM, and
    the Python workers it starts (Linux ``/proc``; 0 elsewhere). A worker that has already
    ended is no longer listed; its time is in its parent's waited-for children's time, so
    that is added for every process too (a live child is counted once, by itself)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total, pending, seen = 0.0, [os.getpid()], set()
    while pending:
        pid = pending.pop()
        if pid in seen:
            continue
        seen.add(pid)
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        total += sum(int(value) for value in fields[11:15]) / ticks  # utime .. cstime
        for task in Path(f"/proc/{pid}/task").glob("*/children"):
            try:
                pending += [int(child) for child in task.read_text().split()]
            except OSError:
                continue
    return total


def delta_rescreen(book_size: int = DELTA_BOOK_NAMES) -> dict[str, Any]:
    """Re-screening against a list update: the book against a delta of 1% of the list's
    entities, beside the same book against the whole list (one core, the engine alone, two
    fresh screeners so that neither inherits the other's lookup caches).

    Besides the speed-up it checks the delta's answers against the full list's: for every
    row, the hits on the delta's entities, ids and scores, must be the same.
    """
    import random

    from benchmarks.data import read_jsonl
    from screening.delta import read_delta, restrict_to_delta
    from screening.errors import InputError
    from screening.screener import Screener

    entities = read_jsonl(LIST_FILE)
    delta = random.Random(DELTA_SEED).sample(entities, max(1, int(len(entities) * DELTA_SHARE)))
    delta_ids = {entity["id"] for entity in delta}
    queries = read_jsonl(LIST_FILE.parent / "queries_dev.jsonl")
    load_names = NAMES_FILE.read_text(encoding="utf-8").splitlines()
    book = [(query["name"], query.get("schema")) for query in queries]
    book += [(name, None) for name in load_names[: max(book_size - len(book), 0)]]
    figures: dict[str, Any] = {
        "book": len(book),
        "list_entities": len(entities),
        "delta_entities": len(delta),
    }
    found: dict[str, list[list[tuple[str, float]]]] = {}
    with tempfile.TemporaryDirectory(prefix="spark-delta-") as scratch:
        delta_file = Path(scratch) / "delta.jsonl"
        delta_file.write_text("".join(json.dumps(e) + "\n" for e in delta), encoding="utf-8")
        screeners = {
            "full": Screener.from_lists(LIST_FILE),
            "delta": restrict_to_delta(Screener.from_lists(LIST_FILE), read_delta(delta_file)),
        }
    for label, screener in screeners.items():
        answers: list[list[tuple[str, float]]] = []
        lap = time.process_time()
        for name, schema in book:
            try:
                hits = screener.screen(name, schema=schema).hits
            except InputError:
                hits = []
            answers.append([(h.entity_id, h.score) for h in hits if h.entity_id in delta_ids])
        seconds = time.process_time() - lap
        figures[f"{label}_names_per_cpu_second"] = round(len(book) / seconds, 1)
        found[label] = answers
    figures["speedup"] = round(
        figures["delta_names_per_cpu_second"] / figures["full_names_per_cpu_second"], 2
    )
    full, partial = found["full"], found["delta"]
    figures["full_hits_on_delta_entities"] = sum(len(hits) for hits in full)
    figures["delta_hits"] = sum(len(hits) for hits in partial)
    figures["rows_answered_otherwise"] = sum(a != b for a, b in zip(full, partial, strict=True))
    return figures


def index_memory_in_child() -> dict[str, Any]:
    """What the index of the official lists in ../shared costs each executor process:
    built (or found in the cache) in one process, loaded from its file in a fresh one."""
    # a private cache: the shared one keeps a few entries and may drop this one meanwhile
    with tempfile.TemporaryDirectory(prefix="spark-index-") as cache:
        built = _child_json(["--index-memory-child", "build", cache])
        loaded = _child_json(["--index-memory-child", "load", built["entry"], built["key"]])
    return {**built, **loaded}


def _child_json(arguments: list[str]) -> dict[str, Any]:
    return child_json("benchmarks.spark", arguments, " ".join(arguments), timeout=CHILD_TIMEOUT)


def index_memory_child(step: str, paths: list[str]) -> dict[str, Any]:
    """``build``: the index of OFAC + UK + UN into the cache. ``load``: its file loaded as
    an executor's Python worker does, and the resident memory that adds."""
    from screening.cache import (
        SUFFIX,
        cache_key,
        default_cache_dir,
        load_screener_cached,
        read_entry,
    )
    from screening.settings import Settings

    if step == "build":
        usable, _ = usable_lists(FULL_LISTS)
        lists = [path for _, path in usable]
        cache = Path(paths[0]) if paths else default_cache_dir()
        screener = load_screener_cached(lists, Settings(), cache)
        key = cache_key(lists, Settings())
        entry = cache / f"{key}{SUFFIX}"
        index = screener.index
        by_list: dict[str, int] = {}
        for name in index.names:
            source = index.entities[name.entity].source or "?"
            by_list[source] = by_list.get(source, 0) + 1
        return {
            "lists": [label for label, _ in usable],
            "entities": len(index.entities),
            "names": len(index.names),
            "names_by_list": by_list,
            "index_file_mb": round(entry.stat().st_size / 2**20, 1),
            "entry": str(entry),
            "key": key,
        }
    from screening.batch.rows import ScreenJob
    from screening.cache import screener_from_index
    from screening.spark.shipping import ROW_KEYS

    entry, key = Path(paths[0]), str(paths[1])
    before = process_memory_mb(os.getpid())[1]
    lap = time.process_time()
    loaded = read_entry(entry, key)
    load_seconds = time.process_time() - lap
    after = process_memory_mb(os.getpid())[1]
    if loaded is None:
        raise RuntimeError(f"the cache entry {entry} could not be read back")
    # then screen as a worker does, so the index's lookup caches fill as they would
    job = ScreenJob(screener_from_index(*loaded, Settings()), ROW_KEYS, 0.74, 10)
    names = NAMES_FILE.read_text(encoding="utf-8").splitlines()[:MEMORY_PROBE_NAMES]
    for number, name in enumerate(names):
        job.screen(number, {"name": name})
    return {
        "loaded_index_mb": round(after - before, 1),
        "load_cpu_seconds": round(load_seconds, 2),
        "process_rss_mb": round(after, 1),
        "probe_names": len(names),
        "rss_after_screening_mb": round(process_memory_mb(os.getpid())[1], 1),
    }


def format_report(result: dict[str, Any]) -> str:
    lines = [f"spark ({'quick' if result['quick'] else 'full'}): {result['status']}"]
    for size, figures in result.get("sizes", {}).items():
        batch = figures["batch"]
        lines.append(
            f"  {int(size):,} names: batch command on {batch['workers']} worker(s) "
            f"{batch['names_per_second']:,.0f} names/s, "
            f"{batch['names_per_cpu_second']:,.0f} per CPU second "
            f"(load {batch['load_average_before']})"
        )
        for master in MASTERS:
            run = figures[master]
            lines.append(
                f"    {master} on {run.get('cores', '?')} core(s): "
                f"{run['names_per_second']:,.0f} names/s ({run['seconds']:.1f} s, "
                f"{run['names_per_cpu_second']:,.0f} per CPU second, "
                f"load {run['load_average_before']}; JVM start {run['session_start_seconds']} s, "
                f"index {run['index_mb']} MiB prepared in {run['index_prepare_seconds']} s)"
            )
        lines.append(
            f"    scaling local[1] -> local[2]: x{figures['scaling_1_to_2']} "
            f"(target {TARGET_SCALING}); local[2] / batch: {figures['spark_2_share_of_batch']:.0%} "
            f"(target {TARGET_SPARK_SHARE:.0%}); per CPU second, local[1] / batch "
            f"{figures['spark_1_cpu_share_of_batch']:.0%}, local[2] / batch "
            f"{figures['spark_2_cpu_share_of_batch']:.0%}"
        )
    memory = result.get("index_memory")
    if memory:
        lines.append(
            f"  index of {' + '.join(memory['lists'])} ({memory['entities']:,} entities, "
            f"{memory['names']:,} names): file {memory['index_file_mb']} MiB, "
            f"{memory['loaded_index_mb']} MiB resident in each executor process "
            f"({memory['process_rss_mb']} MiB in all, {memory['rss_after_screening_mb']} MiB "
            f"after screening {memory['probe_names']:,} names); names by list "
            f"{memory['names_by_list']}"
        )
    profile = result.get("profile")
    if profile:
        lines.append(
            f"  executor Python worker, {profile['names']:,} names on local[1] under cProfile "
            f"({profile['worker_seconds_profiled']} s): screening rows "
            f"{profile['screening_rows_share']:.0%}, loading the index "
            f"{profile['index_load_share']:.0%}, Arrow batches and the rest "
            f"{profile['arrow_and_rest_share']:.0%}"
        )
    delta = result.get("delta")
    if delta:
        lines.append(
            f"  delta re-screen ({delta['book']:,} names, {delta['delta_entities']:,} of "
            f"{delta['list_entities']:,} entities): {delta['delta_names_per_cpu_second']:,.0f} "
            f"vs {delta['full_names_per_cpu_second']:,.0f} names per CPU second, "
            f"x{delta['speedup']}; {delta['delta_hits']} hits on delta entities against the "
            f"full list's {delta['full_hits_on_delta_entities']}, "
            f"{delta['rows_answered_otherwise']} rows answered otherwise"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="skip (the CI run)")
    parser.add_argument(
        "--names",
        "--sizes",
        dest="sizes",
        default=",".join(str(size) for size in SIZES),
        help="comma-separated names counts (default: %(default)s)",
    )
    parser.add_argument(
        "--throughput-only",
        action="store_true",
        help="names/s only: without the index memory and the delta re-screen",
    )
    parser.add_argument("--child", metavar="MASTER", help=argparse.SUPPRESS)
    parser.add_argument("--index-memory-child", choices=("build", "load"), help=argparse.SUPPRESS)
    parser.add_argument("--delta-only", action="store_true", help="the delta re-screen alone")
    parser.add_argument("--index-memory-only", action="store_true", help="the index memory alone")
    parser.add_argument(
        "--profile-only",
        action="store_true",
        help=f"where an executor's Python worker spends its time ({PROFILE_NAMES:,} names)",
    )
    parser.add_argument("--profile-child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        print(json.dumps(child_run(args.child, args.paths[0], args.paths[1])))
        return 0
    if args.profile_child:
        print(json.dumps(profile_child(args.paths[0], args.paths[1])))
        return 0
    if args.profile_only:
        print(format_report({"quick": False, "status": "ok", "profile": executor_profile()}))
        return 0
    if args.index_memory_child:
        print(json.dumps(index_memory_child(args.index_memory_child, args.paths)))
        return 0
    if args.index_memory_only:
        print(
            format_report({"quick": False, "status": "ok", "index_memory": index_memory_in_child()})
        )
        return 0
    if args.delta_only:
        print(format_report({"quick": False, "status": "ok", "delta": delta_rescreen()}))
        return 0
    sizes = tuple(int(size) for size in args.sizes.split(","))
    result = run(args.quick, sizes, extras=not args.throughput_only)
    print(format_report(result))
    print(f"written to {OUT_FILE} (and the README table to {TABLE_FILE})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
