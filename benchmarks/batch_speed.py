"""Throughput and memory of batch screening a customer file, with one worker and with all.

``python -m benchmarks.batch_speed [--quick]`` screens ``../shared/eval/load_names.txt``
(100,000 counterparty names; ``--quick``: the first 1,500) written as a CSV file against
``../shared/eval/list.jsonl`` through ``screening.batch.screen_csv``, the same path as
``screening batch``. Each run happens in a fresh Python process so that its memory figures
are its own; names/s counts the whole run (input hashing, pool start, output) but not the
list load and index build. Targets: >= 5,000 names/s on all cores, peak memory < 1 GiB.

Wall-clock rates suffer from anything else running on the machine, so CPU time is also
reported: names per CPU second (parent and workers together) is what each busy core
achieves, and the parent's share shows what the batch plumbing costs.

Peak memory is sampled while the run goes: the proportional set size (PSS) of the batch
process and its workers, summed, which counts the pages the forked workers share with
their parent once instead of once per process; the plain RSS sum is reported beside it.
Results go to ``benchmarks/out/batch_speed.json``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from benchmarks.child import child_json
from benchmarks.data import write_json

REPO = Path(__file__).resolve().parents[1]
EVAL_DIR = REPO.parent / "shared" / "eval"
LIST_FILE = EVAL_DIR / "list.jsonl"
NAMES_FILE = EVAL_DIR / "load_names.txt"
OUT_FILE = REPO / "benchmarks" / "out" / "batch_speed.json"

QUICK_ROWS = 1_500
CHILD_TIMEOUT = 1800.0  # seconds; the full set takes a few minutes per run
TARGET_NAMES_PER_SECOND = 5_000.0
TARGET_PEAK_MB = 1024.0


def run(quick: bool) -> dict[str, Any]:
    """Measure one worker and all workers; the result is also written to ``OUT_FILE``."""
    cores = os.cpu_count() or 1
    result: dict[str, Any] = {
        "benchmark": "batch_speed",
        "quick": quick,
        "cores": cores,
        "targets": {"names_per_second": TARGET_NAMES_PER_SECOND, "peak_mb": TARGET_PEAK_MB},
    }
    if not (LIST_FILE.is_file() and NAMES_FILE.is_file()):
        result["status"] = f"skipped: {EVAL_DIR} is not available in this checkout"
        write_json(OUT_FILE, result)
        return result
    with tempfile.TemporaryDirectory(prefix="batch-speed-") as scratch:
        folder = Path(scratch)
        source = folder / "customers.csv"
        result["rows"] = write_input(source, QUICK_ROWS if quick else None)
        result["engine_alone"] = run_in_child(0, source, folder)
        result["one_worker"] = run_in_child(1, source, folder)
        result["all_workers"] = run_in_child(cores, source, folder)
    fastest = result["all_workers"]
    result["batch_cpu_overhead"] = round(
        result["engine_alone"]["names_per_cpu_second"]
        / max(result["one_worker"]["names_per_cpu_second"], 1e-9)
        - 1,
        3,
    )
    result["speedup"] = round(
        fastest["names_per_second"] / max(result["one_worker"]["names_per_second"], 1e-9), 2
    )
    peak = max(result["one_worker"]["peak_mb"], fastest["peak_mb"])
    result["meets_target"] = {
        "names_per_second": fastest["names_per_second"] >= TARGET_NAMES_PER_SECOND,
        "peak_mb": peak < TARGET_PEAK_MB,
    }
    result["status"] = "ok"
    write_json(OUT_FILE, result)
    return result


def write_input(path: Path, rows: int | None) -> int:
    """The load names as a customer CSV file: ``id,name``; returns the row count."""
    import csv

    count = 0
    with NAMES_FILE.open(encoding="utf-8") as names, path.open("w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "name"])
        for line in names:
            if rows is not None and count >= rows:
                break
            writer.writerow([f"c{count + 1}", line.rstrip("\n")])
            count += 1
    return count


def run_in_child(workers: int, source: Path, folder: Path) -> dict[str, Any]:
    """One run in a fresh interpreter (``workers=0``: the engine alone); what it measured."""
    output = folder / f"out-{workers}.csv"
    return child_json(
        "benchmarks.batch_speed",
        ["--child", str(workers), str(source), str(output)],
        f"run with {workers} worker(s)",
        timeout=CHILD_TIMEOUT,
    )


def child_run(workers: int, source: Path, output: Path) -> dict[str, Any]:
    """Inside the measured process: build the screener, then screen the file in batch."""
    from screening.batch import screen_csv
    from screening.screener import Screener

    lap = time.perf_counter()
    screener = Screener.from_lists(LIST_FILE)
    build_seconds = time.perf_counter() - lap
    if workers == 0:
        return engine_alone(screener, source)
    before = cpu_seconds()
    with MemorySampler() as memory:
        summary = screen_csv(screener, source, output, workers=workers)
    parent_cpu, workers_cpu = (
        after - start for after, start in zip(cpu_seconds(), before, strict=True)
    )
    return {
        "workers": workers,
        "rows": summary.counts.rows,
        "hits": summary.counts.hits,
        "errors": summary.counts.errors,
        "seconds": summary.seconds,
        "names_per_second": summary.names_per_second,
        "parent_cpu_seconds": round(parent_cpu, 2),
        "workers_cpu_seconds": round(workers_cpu, 2),
        # robust to other load on the machine: what each busy core achieves
        "names_per_cpu_second": round(summary.counts.rows / max(parent_cpu + workers_cpu, 1e-9), 1),
        "build_seconds": round(build_seconds, 2),
        "peak_mb": round(memory.peak_pss_mb or memory.peak_rss_mb, 1),
        "peak_pss_mb": memory.peak_pss_mb and round(memory.peak_pss_mb, 1),
        "peak_rss_sum_mb": round(memory.peak_rss_mb, 1),
    }


def cpu_seconds() -> tuple[float, float]:
    """CPU time (user + system) of this process, and of its finished children (the workers)."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def engine_alone(screener: Any, source: Path) -> dict[str, Any]:
    """The same names screened one by one with ``Screener.screen``: batch's ceiling."""
    import csv

    with source.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        next(rows)
        names = [row[1] for row in rows]
    before = cpu_seconds()[0]
    lap = time.perf_counter()
    for name in names:
        with contextlib.suppress(ValueError):  # InputError: an empty or over-long name
            screener.screen(name)
    seconds = time.perf_counter() - lap
    cpu = cpu_seconds()[0] - before
    return {
        "rows": len(names),
        "seconds": round(seconds, 2),
        "names_per_second": round(len(names) / seconds, 1),
        "names_per_cpu_second": round(len(names) / max(cpu, 1e-9), 1),
    }


class MemorySampler:
    """Samples the summed PSS and RSS of this process and its children.

    Reading ``smaps_rollup`` walks a process's page tables, milliseconds for a big one, so
    samples are a quarter of a second apart to keep the sampler off the workers' cores.
    """

    def __init__(self, interval: float = 0.25) -> None:
        self.interval = interval
        self.peak_pss_mb: float | None = None
        self.peak_rss_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self) -> MemorySampler:
        self._sample()
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def _sample(self) -> None:
        pss_total, rss_total, pss_known = 0.0, 0.0, True
        for pid in [os.getpid(), *child_pids()]:
            pss, rss = process_memory_mb(pid)
            rss_total += rss
            if pss is None:
                pss_known = False
            else:
                pss_total += pss
        self.peak_rss_mb = max(self.peak_rss_mb, rss_total)
        if pss_known:
            self.peak_pss_mb = max(self.peak_pss_mb or 0.0, pss_total)


def child_pids() -> list[int]:
    """This process's children, from ``/proc`` (Linux); none elsewhere."""
    pids: list[int] = []
    for task in Path(f"/proc/{os.getpid()}/task").glob("*/children"):
        try:
            pids += [int(pid) for pid in task.read_text().split()]
        except OSError:
            continue
    return pids


def process_memory_mb(pid: int) -> tuple[float | None, float]:
    """(PSS, RSS) of a process in MiB; PSS is None where ``smaps_rollup`` is unavailable."""
    pss: float | None = None
    rss = 0.0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                pss = int(line.split()[1]) / 1024
            elif line.startswith("Rss:"):
                rss = int(line.split()[1]) / 1024
    except OSError:
        import resource

        if pid == os.getpid():
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return pss, rss


def format_report(result: dict[str, Any]) -> str:
    lines = [f"batch speed ({'quick' if result['quick'] else 'full'}): {result['status']}"]
    if result["status"] != "ok":
        return lines[0]
    lines.append(f"  {result['rows']:,} names, {result['cores']} core(s)")
    engine = result["engine_alone"]
    lines.append(
        f"  engine alone: {engine['names_per_second']:,.0f} names/s, "
        f"{engine['names_per_cpu_second']:,.0f} names per CPU second"
    )
    for key in ("one_worker", "all_workers"):
        data = result[key]
        lines.append(
            f"  {data['workers']} worker(s): {data['names_per_second']:,.0f} names/s "
            f"({data['seconds']:.1f} s), peak {data['peak_mb']:.0f} MiB "
            f"(RSS sum {data['peak_rss_sum_mb']:.0f} MiB); "
            f"{data['names_per_cpu_second']:,.0f} names per CPU second "
            f"(parent {data['parent_cpu_seconds']:.1f} s, "
            f"workers {data['workers_cpu_seconds']:.1f} s)"
        )
    target = result["meets_target"]
    lines.append(
        f"  batch CPU overhead {result['batch_cpu_overhead']:+.1%}; "
        f"speedup x{result['speedup']}; target {TARGET_NAMES_PER_SECOND:,.0f} names/s: "
        f"{'ok' if target['names_per_second'] else 'MISSED'}, "
        f"< {TARGET_PEAK_MB:.0f} MiB: {'ok' if target['peak_mb'] else 'MISSED'}"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help=f"the first {QUICK_ROWS:,} names")
    parser.add_argument("--child", type=int, metavar="WORKERS", help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:  # inside a measured child process (0: the engine alone)
        print(json.dumps(child_run(args.child, args.paths[0], args.paths[1])))
        return 0
    result = run(args.quick)
    print(format_report(result))
    print(f"written to {OUT_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
