"""Two halves of a dev set split by entity, scored apart: tuning on one half shows as a gap.

Issue 11 asks every held-out check to be reported on both halves: a rule drawn from the
misses of the half one looked at helps that half only. Positives go by the entity the query
was made from (``origin``, else their first expected id), so every query of one entity falls
in the same half; negatives go by their own ``qid``.
"""

from __future__ import annotations

import hashlib
from typing import Any

from benchmarks import metrics
from benchmarks.compare import Comparison
from benchmarks.report import percent

HALVES = ("A", "B")


def half_of(query: dict[str, Any]) -> str:
    """``A`` or ``B``, fixed for an entity. A hash of the key, not Python's ``hash`` (salted
    per process), so the split is the same in every run and on every machine."""
    key = query.get("origin") or (query.get("expected") or [None])[0] or query["qid"]
    digest = hashlib.sha256(str(key).encode("utf-8")).digest()
    return HALVES[digest[0] % 2]


def split(queries: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    return {half: [q for q in queries if half_of(q) == half] for half in HALVES}


def score(
    comparison: Comparison, queries: list[dict[str, Any]], prefix: str, system: str = "engine"
) -> tuple[dict[str, float | None], dict[str, Any], str]:
    """Figures (``<prefix>.half_A.engine.recall_at_1pct_alert`` ...), details and markdown
    of one system on each half, from the hits it already has."""
    parts = split(queries)
    results = {half: comparison.evaluate_subset(part)[system] for half, part in parts.items()}
    figures: dict[str, float | None] = {}
    for half, result in results.items():
        figures.update(metrics.figures_of(result, f"{prefix}.half_{half}.{system}"))
    details = {half: {"queries": len(parts[half]), system: results[half]} for half in HALVES}
    return figures, details, markdown(parts, results)


def markdown(parts: dict[str, list[dict[str, Any]]], results: dict[str, metrics.Result]) -> str:
    lines = [
        "Two halves split by entity (hash of the query's `origin`; negatives by `qid`): a rule "
        "tuned on one half's misses shows as a gap here.",
        "",
        "| half | queries | positives | recall @1% | @2% | @5% | top-1 | alert @ default |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for half, result in results.items():
        points = [
            percent(result["operating_points"][metrics.budget_key(b)]["recall"])
            for b in metrics.BUDGETS
        ]
        alert = result.get("own_threshold", {}).get("alert_rate")
        lines.append(
            f"| {half} | {len(parts[half])} | {result['n_positive']} | "
            + " | ".join(points)
            + f" | {percent(result['top1_accuracy'])} | {percent(alert)} |"
        )
    return "\n".join(lines) + "\n"
