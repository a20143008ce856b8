"""Peak memory of building one system, measured in a fresh process of its own.

``python -m benchmarks.memory {engine|baseline} LIST.jsonl {traced|rss}`` prints one JSON
object. A separate process per measurement keeps the figures clean: ``ru_maxrss`` is a
process-wide high-water mark, and tracemalloc slows the build and costs memory itself, so
the traced build and the untraced one each get their own process.

On Linux the peak RSS is read from ``VmHWM`` in ``/proc/self/status``: ``ru_maxrss`` survives
fork and exec, so a child of the big benchmark process would report its parent's peak.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tracemalloc
from pathlib import Path
from typing import Any

from benchmarks.data import REPO, list_names, read_jsonl

SYSTEMS = ("engine", "baseline")


def _prepare(system: str, list_path: Path) -> Any:
    """Parse the list before measuring: the figures are about the build, not JSON parsing."""
    records = read_jsonl(list_path)
    if system == "engine":
        from benchmarks.systems import engine_entities

        return engine_entities(records)
    return list(list_names(records))


def _build(system: str, prepared: Any) -> Any:
    if system == "engine":
        from benchmarks.systems import EngineSystem

        return EngineSystem.build(prepared)[0]
    from benchmarks.baseline import BaselineSystem

    return BaselineSystem.build(prepared)[0]


def measure(system: str, list_path: Path, mode: str) -> dict[str, float]:
    prepared = _prepare(system, list_path)
    if mode == "traced":
        tracemalloc.start()
        built = _build(system, prepared)
        retained, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        del built
        return {"tracemalloc_peak_bytes": peak, "tracemalloc_retained_bytes": retained}
    before = peak_rss_bytes()
    _build(system, prepared)
    after = peak_rss_bytes()
    return {"maxrss_bytes": after, "maxrss_build_growth_bytes": after - before}


def peak_rss_bytes() -> int:
    """This process's peak resident set size (VmHWM, else ru_maxrss)."""
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def measure_all(list_path: Path) -> dict[str, dict[str, float]]:
    """Both systems, both modes, four processes run side by side; figures per system."""
    processes = {
        (system, mode): subprocess.Popen(
            [sys.executable, "-m", "benchmarks.memory", system, str(list_path), mode],
            cwd=REPO,
            stdout=subprocess.PIPE,
            text=True,
        )
        for system in SYSTEMS
        for mode in ("traced", "rss")
    }
    figures: dict[str, dict[str, float]] = {system: {} for system in SYSTEMS}
    for (system, mode), process in processes.items():
        output, _ = process.communicate()
        if process.returncode != 0:
            raise RuntimeError(f"memory measurement {system}/{mode} failed")
        figures[system].update(json.loads(output))
    return figures


if __name__ == "__main__":
    system_name, path, how = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    print(json.dumps(measure(system_name, path, how)))
