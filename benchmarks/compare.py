"""Screens one query set with several systems and scores them side by side.

Used by both quality sets (dev and synthetic), so both report the same numbers the same way:
hits files in the official format, the official scorer when available, latency percentiles,
and recall-vs-alert curves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks import metrics
from benchmarks.baseline import BaselineSystem
from benchmarks.data import list_names, write_jsonl
from benchmarks.report import Curve, percent, times
from benchmarks.runner import screen_queries
from benchmarks.systems import EngineSystem, System, engine_entities
from benchmarks.timing import format_seconds, latency_summary, ratio


@dataclass
class Comparison:
    """Scores, latencies and curves of several systems on one query set."""

    results: dict[str, metrics.Result]
    latency: dict[str, dict[str, float | None]]
    curves: dict[str, Curve]
    scorer_markdown: str
    official_scorer: bool
    hits_files: dict[str, str] = field(default_factory=dict)
    hits: dict[str, metrics.HitsByQid] = field(default_factory=dict)
    thresholds: dict[str, float] = field(default_factory=dict)

    def figures(self, prefix: str) -> dict[str, float | None]:
        """Flat headline figures, e.g. ``dev.engine.recall_at_1pct_alert``."""
        figures: dict[str, float | None] = {}
        for name, result in self.results.items():
            figures.update(metrics.figures_of(result, f"{prefix}.{name}"))
            for stat in ("median", "p95", "p99"):
                figures[f"{prefix}.{name}.seconds_{stat}"] = self.latency[name][stat]
        return figures

    def details(self, **extra: Any) -> dict[str, Any]:
        """The report details every quality part gives, after the part's own ``extra``."""
        return {
            **extra,
            "official_scorer": self.official_scorer,
            "systems": self.results,
            "latency_seconds": self.latency,
            "hits_files": self.hits_files,
        }

    def evaluate_subset(self, queries: Sequence[dict[str, Any]]) -> dict[str, metrics.Result]:
        """Each system scored again on part of the queries (same hits, same scorer)."""
        scorer = metrics.load_official_scorer() if self.official_scorer else None
        return {
            name: metrics.evaluate(scorer, queries, hits, self.thresholds.get(name))
            for name, hits in self.hits.items()
        }

    def latency_markdown(self, reference: str = "baseline") -> str:
        """Per-query latency of each system, and its ratio to the reference system."""
        lines = [
            "| per-query latency (one core) | median | p95 | p99 | median vs baseline |",
            "|---|---|---|---|---|",
        ]
        base = self.latency.get(reference, {})
        for name, stats in self.latency.items():
            lines.append(
                f"| {name} | {format_seconds(stats['median'])} | {format_seconds(stats['p95'])} "
                f"| {format_seconds(stats['p99'])} "
                f"| {times(ratio(stats['median'], base.get('median')))} |"
            )
        return "\n".join(lines) + "\n"


def compare(
    systems: Sequence[System],
    queries: Sequence[dict[str, Any]],
    out_dir: Path,
    label: str,
) -> Comparison:
    """Run each system over the queries, write ``hits_<label>_<system>.jsonl``, score them
    (the engine also at its own default threshold)."""
    from screening.settings import DEFAULT_THRESHOLD

    scorer = metrics.load_official_scorer()
    own_thresholds = {"engine": DEFAULT_THRESHOLD}
    results: dict[str, metrics.Result] = {}
    latency: dict[str, dict[str, float | None]] = {}
    curves: dict[str, Curve] = {}
    files: dict[str, str] = {}
    all_hits: dict[str, metrics.HitsByQid] = {}
    for system in systems:
        records = screen_queries(system, queries)
        path = out_dir / f"hits_{label}_{system.name}.jsonl"
        write_jsonl(path, records)
        files[system.name] = str(path)
        threshold = own_thresholds.get(system.name)
        if scorer is not None:
            hits = scorer.load_hits(str(path))
        else:
            hits = metrics.hits_from_records(records)
        all_hits[system.name] = hits
        results[system.name] = metrics.evaluate(scorer, queries, hits, threshold)
        latency[system.name] = latency_summary([r["seconds"] for r in records])
        curves[f"{label} {system.name}"] = metrics.recall_alert_curve(queries, hits)
    if scorer is not None:
        table = scorer.markdown(results, label, metrics.BUDGETS)
    else:
        table = metrics.local_markdown(results, label, metrics.BUDGETS)
    return Comparison(
        results, latency, curves, table, scorer is not None, files, all_hits, own_thresholds
    )


def compare_on_list(
    entities: list[dict[str, Any]], queries: Sequence[dict[str, Any]], out_dir: Path, label: str
) -> Comparison:
    """Engine and baseline built over a generated list, then compared on its queries."""
    engine, _ = EngineSystem.build(engine_entities(entities))
    baseline, _ = BaselineSystem.build(list_names(entities))
    return compare([engine, baseline], queries, out_dir, label)


def headline_markdown(comparison: Comparison) -> str:
    """One line per system: the three budgets and top-1, for the report's summary."""
    lines = [
        "| system | recall @1% alert | @2% | @5% | top-1 |",
        "|---|---|---|---|---|",
    ]
    for name, result in comparison.results.items():
        points = [
            result["operating_points"][metrics.budget_key(b)]["recall"] for b in metrics.BUDGETS
        ]
        cells = [percent(p) for p in points] + [percent(result["top1_accuracy"])]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
