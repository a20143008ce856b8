"""``python -m benchmarks [--quick] [--out DIR]``: every benchmark, one report, one gate.

Runs the parts in turn (dev-set quality, aliases-set quality, synthetic Cyrillic and world
quality, speed and memory, retrieval loss, evasion tricks, and the batch, list-load and
identifier figures when those modules exist; monitoring after a list update and Spark in the
full run only), writes ``report.json``, ``report.md`` and ``recall_vs_alert.png`` to the
output folder, and exits 1 when a floor of ``benchmarks/floors.json`` is not met or a part
crashed. When floors could not be measured (no ``../shared``), it says that the gate did not
run, and exits 1 if ``CI`` is set.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks import aliases, evasion, gate, plot, quality, retrieval, speed, synthetic, world
from benchmarks.data import DEFAULT_OUT, eval_dir
from benchmarks.report import Section, all_figures, write_reports
from benchmarks.workbench import Workbench

EXTERNAL_PARTS = {
    "batch_speed": "Batch throughput",
    "list_load": "List loading",
    "identifiers": "Identifier screening",
    "spark": "Spark throughput",
}
"""Parts written in other modules, each exposing ``run(quick: bool) -> dict``."""
FULL_RUN_PARTS = {
    "monitor": "Monitoring after a list update",
}
"""Parts of the full run only (too long for ``--quick``), exposing the same ``run``."""


def run_part(title: str, part: Callable[[], Section]) -> Section:
    """Run one part; a crash becomes a failed section instead of ending the whole run."""
    started = time.perf_counter()
    print(f"[benchmarks] {title} ...", file=sys.stderr, flush=True)
    try:
        section = part()
    except Exception as exc:
        traceback.print_exc()
        section = Section(title=title, error=f"{type(exc).__name__}: {exc}")
    elapsed = time.perf_counter() - started
    section.details.setdefault("wall_seconds", elapsed)
    print(f"[benchmarks] {title}: {elapsed:.1f} s", file=sys.stderr, flush=True)
    return section


def external_part(module_name: str, title: str, quick: bool) -> Section:
    """A part from another module; skipped (not failed) while that module does not exist."""
    try:
        module = importlib.import_module(f"benchmarks.{module_name}")
    except ImportError as exc:
        if exc.name != f"benchmarks.{module_name}":
            raise
        return Section.skip(title, f"skipped: benchmarks/{module_name}.py is not there yet")
    result: dict[str, Any] = module.run(quick)
    figures: dict[str, float | None] = {
        f"{module_name}.{key}": float(value)
        for key, value in _flatten(result).items()
        if isinstance(value, int | float) and not isinstance(value, bool)
    }
    rows = [
        f"| {key.split('.', 1)[1]} | {value:.4g} |"
        for key, value in figures.items()
        if value is not None
    ]
    markdown = "\n".join(["| measure | value |", "|---|---|", *rows]) + "\n"
    return Section(title=title, markdown=markdown, figures=figures, details=result)


def _flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[name] = value
    return flat


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="the CI-sized run (minutes)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="report folder")
    args = parser.parse_args(argv)
    out_dir: Path = args.out
    out_dir.mkdir(parents=True, exist_ok=True)
    folder = eval_dir()
    if folder is None:
        print("[benchmarks] ../shared/eval is absent: dev-set parts are skipped", file=sys.stderr)
    bench = Workbench(folder) if folder else None
    quick = args.quick

    sections = [
        run_part(quality.TITLE, lambda: quality.run(bench, quick, out_dir)),
        run_part(aliases.TITLE, lambda: aliases.run(bench, quick, out_dir)),
        run_part(synthetic.TITLE, lambda: synthetic.run(quick, out_dir)),
        run_part(world.TITLE, lambda: world.run(quick, out_dir)),
        run_part(speed.TITLE, lambda: speed.run(bench, quick, out_dir)),
        run_part(retrieval.TITLE, lambda: retrieval.run(bench, quick, out_dir)),
        run_part(evasion.TITLE, lambda: evasion.run(bench, quick, out_dir)),
    ]
    parts = dict(EXTERNAL_PARTS) | ({} if quick else FULL_RUN_PARTS)
    for module_name, title in parts.items():
        sections.append(
            run_part(title, lambda m=module_name, t=title: external_part(m, t, quick))  # type: ignore[misc]
        )

    curves = {label: points for s in sections for label, points in s.curves.items()}
    chart = plot.draw(curves, out_dir / "recall_vs_alert.png")
    checks = gate.check(all_figures(sections), gate.load_rules())
    broken = [s.title for s in sections if s.error]
    json_path, md_path = write_reports(
        out_dir,
        "quick" if quick else "full",
        sections,
        gate.markdown(checks, broken),
        gate.details(checks, broken),
        chart,
    )
    print(f"[benchmarks] wrote {md_path}, {json_path}" + (f", {chart}" if chart else ""))
    return exit_code(checks, broken, under_ci=under_ci())


def under_ci() -> bool:
    """``CI`` set to anything but empty, ``0`` or ``false`` (CI services set ``CI=true``)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false")


def exit_code(checks: list[gate.Check], broken: list[str], under_ci: bool) -> int:
    """Print what the gate found; the exit code: 1 on a missed floor, a crashed part, or
    (under CI) floors that were never measured."""
    failed = gate.failures(checks)
    for c in failed:
        print(f"[benchmarks] FLOOR FAILED: {gate.describe(c)}")
    for title in broken:
        print(f"[benchmarks] PART FAILED: {title}")
    missing = gate.skipped(checks)
    for c in missing:
        print(f"[benchmarks] FLOOR NOT MEASURED: {c.figure} ({c.why})")
    if failed or broken:
        return 1
    if missing:
        print(
            f"[benchmarks] THE GATE DID NOT RUN: {len(missing)} of {len(checks)} floors were "
            "not measured (their parts were skipped; is ../shared/eval there?)"
        )
        if under_ci:
            print("[benchmarks] CI is set: a gate that did not run fails the build")
            return 1
        return 0
    print("[benchmarks] gate passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
