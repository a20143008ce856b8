"""How long the engine takes to start on the full official lists, cold and from the cache.

``python -m benchmarks.list_load [--quick]`` loads OFAC's SDN list, the UK ConList and the
UN consolidated list from ``../shared/lists``, builds the name index and writes it to a
fresh index cache (the cold start), then starts again from that cache (the warm start).
Each start runs in its own Python process, so times include imports and the peak
memory (``ru_maxrss``) belongs to that start alone. Targets: cold < 10 s, warm < 1 s.
``--quick`` uses the OFAC list only. Results go to ``benchmarks/out/list_load.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.child import child_json
from benchmarks.data import write_json

REPO = Path(__file__).resolve().parents[1]
SHARED_LISTS = REPO.parent / "shared" / "lists"
OUT_FILE = REPO / "benchmarks" / "out" / "list_load.json"

# (label, path under ../shared/lists): the newest complete copy of each official list.
FULL_LISTS: tuple[tuple[str, str], ...] = (
    ("ofac", "ofac/sdn_2024-05-03/sdn.csv"),
    ("uk", "uk/ConList_2025-04-14.csv"),
    ("un", "un/UN_consolidated_2026-02-27.xml"),
)
QUICK_LISTS = FULL_LISTS[:1]
TARGET_COLD_SECONDS = 10.0
TARGET_WARM_SECONDS = 1.0
ATTEMPTS = 2
PROBE_NAME = "Yuriy Garunovich Gazaryan"  # listed by OFAC and the UK: a start must find him


def run(quick: bool) -> dict[str, Any]:
    """Measure a cold and a warm start; the result is also written to ``OUT_FILE``."""
    chosen = QUICK_LISTS if quick else FULL_LISTS
    usable, skipped = usable_lists(chosen)
    result: dict[str, Any] = {
        "benchmark": "list_load",
        "quick": quick,
        "lists": {label: str(path) for label, path in usable},
        "skipped": skipped,
        "targets": {"cold_seconds": TARGET_COLD_SECONDS, "warm_seconds": TARGET_WARM_SECONDS},
    }
    if not usable:
        result["status"] = "skipped: no list could be read"
        write_json(OUT_FILE, result)
        return result
    paths = [path for _, path in usable]
    for _attempt in range(ATTEMPTS):  # a source edit between the two starts is a true miss
        with tempfile.TemporaryDirectory(prefix="list-load-cache-") as cache_dir:
            result["cold"] = start_in_child("cold", paths, Path(cache_dir))
            result["warm"] = start_in_child("warm", paths, Path(cache_dir))
        if result["warm"]["cache_hit"]:
            break
    result["cold"]["meets_target"] = result["cold"]["total_seconds"] < TARGET_COLD_SECONDS
    result["warm"]["meets_target"] = result["warm"]["total_seconds"] < TARGET_WARM_SECONDS
    result["status"] = (
        "ok" if result["warm"]["cache_hit"] else "warm start missed the cache (code edited?)"
    )
    write_json(OUT_FILE, result)
    return result


def usable_lists(
    chosen: tuple[tuple[str, str], ...],
) -> tuple[list[tuple[str, Path]], dict[str, str]]:
    """The lists that exist here and have a reader; the others with the reason they are left out."""
    from screening.errors import ListLoadError
    from screening.sources import READERS, detect_format

    usable: list[tuple[str, Path]] = []
    skipped: dict[str, str] = {}
    for label, relative in chosen:
        path = SHARED_LISTS / relative
        if not path.exists():
            skipped[label] = f"{path} is not available"
            continue
        try:
            fmt = detect_format(path)
        except ListLoadError as exc:
            skipped[label] = str(exc)
            continue
        if fmt not in READERS:
            skipped[label] = f"no reader for format {fmt!r} yet"
            continue
        usable.append((label, path))
    return usable, skipped


def start_in_child(phase: str, paths: list[Path], cache_dir: Path) -> dict[str, Any]:
    """Run one start in a fresh interpreter and return what it measured."""
    arguments = ["--phase", phase, "--cache-dir", str(cache_dir), *map(str, paths)]
    started = time.perf_counter()
    measured = child_json("benchmarks.list_load", arguments, f"{phase} start")
    measured["process_seconds"] = round(time.perf_counter() - started, 3)
    return measured


def child_phase(phase: str, paths: list[Path], cache_dir: Path) -> dict[str, Any]:
    """One start, measured inside the child: imports, cache, parsing, index, a probe query."""
    clock = time.perf_counter()
    from screening import cache
    from screening.screener import Screener
    from screening.settings import Settings
    from screening.sources import load_lists

    settings = Settings()
    laps: dict[str, float] = {"import_seconds": time.perf_counter() - clock}
    lap = time.perf_counter()
    key = cache.cache_key(paths, settings)
    laps["hash_seconds"] = time.perf_counter() - lap
    entry_path = cache_dir / f"{key}{cache.SUFFIX}"
    entry = None
    if phase == "warm":
        lap = time.perf_counter()
        entry = cache.read_entry(entry_path, key)
        laps["cache_read_seconds"] = time.perf_counter() - lap
    if entry is not None:
        screener = cache.screener_from_index(entry[0], entry[1], settings)
    else:
        lap = time.perf_counter()
        loaded = [part for path in paths for part in load_lists(path)]
        laps["parse_seconds"] = time.perf_counter() - lap
        lap = time.perf_counter()
        screener = Screener(loaded, settings=settings)
        laps["index_seconds"] = time.perf_counter() - lap
        lap = time.perf_counter()
        cache.write_entry(cache_dir, key, screener.index, screener.snapshots)
        laps["cache_write_seconds"] = time.perf_counter() - lap
    total = time.perf_counter() - clock
    lap = time.perf_counter()
    probe = screener.screen(PROBE_NAME)
    laps["probe_seconds"] = time.perf_counter() - lap
    return {
        **{name: round(value, 3) for name, value in laps.items()},
        "total_seconds": round(total, 3),
        "cache_hit": entry is not None,
        "cache_bytes": entry_path.stat().st_size if entry_path.exists() else None,
        "entities": sum(s.entities for s in screener.snapshots),
        "probe_hits": [hit.entity_id for hit in probe.hits[:5]],
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


def peak_rss_mb() -> float:
    """This process's peak resident memory in MiB (``ru_maxrss`` is KiB on Linux, B on macOS)."""
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def format_report(result: dict[str, Any]) -> str:
    lines = [f"list load ({'quick' if result['quick'] else 'full'}): {result['status']}"]
    lines += [f"  list     {label}: {path}" for label, path in result["lists"].items()]
    lines += [f"  skipped  {label}: {why}" for label, why in result["skipped"].items()]
    for phase, target in (("cold", TARGET_COLD_SECONDS), ("warm", TARGET_WARM_SECONDS)):
        if phase not in result:
            continue
        data = result[phase]
        verdict = "ok" if data["meets_target"] else "OVER TARGET"
        parts = ", ".join(
            f"{name.removesuffix('_seconds')} {value:.2f}"
            for name, value in data.items()
            if name.endswith("_seconds") and name not in ("total_seconds", "process_seconds")
        )
        lines.append(
            f"  {phase:5}    {data['total_seconds']:.2f} s (target < {target:g} s, {verdict}; "
            f"process {data['process_seconds']:.2f} s), peak RSS {data['peak_rss_mb']:.0f} MiB"
        )
        lines.append(f"           {parts}")
    if "cold" in result:
        cold = result["cold"]
        lines.append(
            f"  index    {cold['entities']} entities, cache entry "
            f"{(cold['cache_bytes'] or 0) / 1e6:.1f} MB, probe hits {cold['probe_hits']}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="the OFAC list only")
    parser.add_argument("--phase", choices=("cold", "warm"), help=argparse.SUPPRESS)
    parser.add_argument("--cache-dir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.phase:  # inside a measured child process
        print(json.dumps(child_phase(args.phase, args.paths, args.cache_dir)))
        return 0
    result = run(args.quick)
    print(format_report(result))
    print(f"written to {OUT_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
