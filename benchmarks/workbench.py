"""The dev list and the two systems built over it, shared by every part of one run.

Building the engine over 21,000 entities takes a while; the quality, speed and retrieval
parts all use the same build, and the build time is recorded once here.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import Any

from benchmarks.baseline import BaselineSystem
from benchmarks.data import ALIASES_FILES, DEFAULT_OUT, eval_dir, list_names, read_jsonl
from benchmarks.report import Section
from benchmarks.systems import EngineSystem, engine_entities


class Workbench:
    """Lazily parses the dev list and builds each system the first time a part asks."""

    def __init__(self, eval_dir: Path, list_path: Path | None = None) -> None:
        self.eval_dir = eval_dir
        self.list_path = list_path or eval_dir / "list.jsonl"
        self.timings: dict[str, float] = {}

    @cached_property
    def aliases(self) -> Workbench | None:
        """The second dev set's own list (``aliases/list.jsonl``), built once, or None."""
        folder = self.eval_dir / "aliases"
        if not all((folder / name).is_file() for name in ALIASES_FILES):
            return None
        return Workbench(self.eval_dir, folder / "list.jsonl")

    @cached_property
    def records(self) -> list[dict[str, Any]]:
        return read_jsonl(self.list_path)

    @cached_property
    def engine(self) -> EngineSystem:
        start = time.perf_counter()
        entities = engine_entities(self.records)
        self.timings["engine_entities_seconds"] = time.perf_counter() - start
        system, seconds = EngineSystem.build(entities)
        self.timings["engine_build_seconds"] = seconds
        return system

    @cached_property
    def baseline(self) -> BaselineSystem:
        system, seconds = BaselineSystem.build(list_names(self.records))
        self.timings["baseline_build_seconds"] = seconds
        return system


def run_part(
    run: Callable[[Workbench | None, bool, Path], Section],
    description: str | None,
    argv: list[str] | None = None,
    quick_help: str = "the CI-sized run",
) -> int:
    """``python -m benchmarks.<part> [--quick] [--out DIR]``: one part alone, its markdown
    printed (skipped with a message when ``../shared/eval`` is missing)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--quick", action="store_true", help=quick_help)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    folder = eval_dir()
    print(run(Workbench(folder) if folder else None, args.quick, args.out).markdown)
    return 0
