"""Speed and memory: index build, single-name latency, peak memory, each against the baseline.

Absolute times depend on the machine and are only reported; the ratios against the
brute-force baseline, measured in the same run on the same machine, are what the gate reads.
"""

from __future__ import annotations

import time
from pathlib import Path

from benchmarks import memory
from benchmarks.data import read_lines, spread_sample, write_jsonl
from benchmarks.report import Section, times
from benchmarks.systems import System
from benchmarks.timing import format_seconds, latency_summary, one_core, ratio
from benchmarks.workbench import Workbench, run_part

TITLE = "Speed and memory"
SAMPLE = {True: 1000, False: 5000}
"""Names timed one by one, in quick and full mode."""


def latencies(system: System, names: list[str]) -> list[float]:
    """Seconds of each single-name call with the system's own defaults, on one core."""
    seconds = []
    with one_core():
        for name in names:
            start = time.perf_counter()
            system.screen_default(name)  # type: ignore[attr-defined]
            seconds.append(time.perf_counter() - start)
    return seconds


def run(bench: Workbench | None, quick: bool, out_dir: Path) -> Section:
    """Time and weigh engine and baseline over the dev list, or the synthetic one without it."""
    if bench is not None:
        names = spread_sample(read_lines(bench.eval_dir / "load_names.txt"), SAMPLE[quick])
        origin = "a spread sample of ../shared/eval/load_names.txt"
        prefix = "speed"
    else:
        from benchmarks.synthetic import generate

        data = generate(quick=quick)
        list_path = out_dir / "synthetic_list.jsonl"
        write_jsonl(list_path, data.entities)
        bench = _synthetic_bench(list_path)
        names = [query["name"] for query in data.queries][: SAMPLE[quick]]
        origin = "synthetic query names (../shared is absent)"
        # Over 1,500 names brute force is cheap; the gate's speed rule is about a real-size
        # list, so these figures get their own names and are reported, not gated.
        prefix = "speed_synthetic"

    engine, baseline = bench.engine, bench.baseline
    engine_seconds = latencies(engine, names)
    baseline_seconds = latencies(baseline, names)
    mem = memory.measure_all(bench.list_path)

    lat = {"engine": latency_summary(engine_seconds), "baseline": latency_summary(baseline_seconds)}
    build = {
        "engine": bench.timings["engine_build_seconds"],
        "baseline": bench.timings["baseline_build_seconds"],
    }
    figures: dict[str, float | None] = {
        "engine.build_seconds": build["engine"],
        "baseline.build_seconds": build["baseline"],
        "build_ratio": ratio(build["engine"], build["baseline"]),
    }
    for stat in ("median", "p95", "p99"):
        figures[f"engine.latency_{stat}"] = lat["engine"][stat]
        figures[f"baseline.latency_{stat}"] = lat["baseline"][stat]
        figures[f"latency_ratio_{stat}"] = ratio(lat["engine"][stat], lat["baseline"][stat])
    for key in ("tracemalloc_peak_bytes", "maxrss_bytes"):
        figures[f"engine.{key}"] = mem["engine"][key]
        figures[f"baseline.{key}"] = mem["baseline"][key]
        figures[f"{key.removesuffix('_bytes')}_ratio"] = ratio(
            mem["engine"][key], mem["baseline"][key]
        )

    def row(label: str, engine_value: str, baseline_value: str, rate: float | None) -> str:
        return f"| {label} | {engine_value} | {baseline_value} | {times(rate)} |"

    lines = [
        f"{len(names)} single-name calls through the public API with default settings "
        f"({origin}), one core; index over {bench.list_path.name}.",
        "",
        "| measure | engine | baseline | engine / baseline |",
        "|---|---|---|---|",
        row(
            "index build",
            format_seconds(build["engine"]),
            format_seconds(build["baseline"]),
            figures["build_ratio"],
        ),
    ]
    for stat in ("median", "p95", "p99"):
        lines.append(
            row(
                f"latency {stat}",
                format_seconds(lat["engine"][stat]),
                format_seconds(lat["baseline"][stat]),
                figures[f"latency_ratio_{stat}"],
            )
        )
    for key, label in (
        ("tracemalloc_peak_bytes", "build peak (tracemalloc)"),
        ("maxrss_bytes", "process peak RSS"),
    ):
        lines.append(
            row(
                label,
                _megabytes(mem["engine"][key]),
                _megabytes(mem["baseline"][key]),
                figures[f"{key.removesuffix('_bytes')}_ratio"],
            )
        )
    return Section(
        title=TITLE,
        markdown="\n".join(lines) + "\n",
        figures={f"{prefix}.{name}": value for name, value in figures.items()},
        details={
            "names": len(names),
            "latency_seconds": lat,
            "build_seconds": build,
            "memory": mem,
        },
    )


def _megabytes(value: float | None) -> str:
    return "-" if value is None else f"{value / 2**20:.0f} MB"


def _synthetic_bench(list_path: Path) -> Workbench:
    """A workbench over the synthetic list, built the same way as over the dev list."""
    bench = Workbench(list_path.parent)
    bench.list_path = list_path
    return bench


def main(argv: list[str] | None = None) -> int:
    return run_part(run, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
