"""Quality metrics: recall at a fixed false-alert rate, top-1 accuracy, recall per kind.

On the dev set the numbers come from the official scorer itself (``../shared/eval/score.py``,
imported, not copied), so they mean exactly what the published reference figures mean. The
synthetic set must also run without ``../shared``; for that case ``local_evaluate`` computes
the same definitions, and ``tests/test_benchmarks.py`` checks that the two agree.
"""

from __future__ import annotations

import bisect
import importlib.util
import math
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from benchmarks.data import EVAL_DIR

BUDGETS: tuple[float, ...] = (1.0, 2.0, 5.0)
"""Alert-rate budgets in percent: the share of negative queries allowed to alert."""

HitList = list[tuple[str, float]]
HitsByQid = dict[str, tuple[HitList, float | None]]
Result = dict[str, Any]


def load_official_scorer(path: Path = EVAL_DIR / "score.py") -> ModuleType | None:
    """Import the shared scorer from its file, or None when it is not there."""
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location("shared_eval_score", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def budget_key(budget: float) -> str:
    """The key of an operating point in a result, as the official scorer writes it."""
    return f"alert<={budget:g}%"


def hits_from_records(records: Sequence[dict[str, Any]]) -> HitsByQid:
    """Hits records (the hits-file format) to the mapping ``evaluate`` reads."""
    return {
        str(record["qid"]): (
            [(str(hit["id"]), float(hit["score"])) for hit in record["hits"]],
            record.get("seconds"),
        )
        for record in records
    }


def best_scores(
    queries: Sequence[dict[str, Any]], hits: HitsByQid
) -> tuple[list[float | None], list[float | None]]:
    """Per positive query, the best score of an expected entity; per negative, of any hit."""
    positives: list[float | None] = []
    negatives: list[float | None] = []
    for query in queries:
        hit_list = hits.get(str(query["qid"]), ([], None))[0]
        expected = set(query.get("expected") or [])
        if expected:
            found = [score for entity, score in hit_list if entity in expected]
            positives.append(max(found, default=None))
        else:
            negatives.append(max((score for _, score in hit_list), default=None))
    return positives, negatives


def evaluate(
    scorer: ModuleType | None,
    queries: Sequence[dict[str, Any]],
    hits: HitsByQid,
    threshold: float | None = None,
) -> Result:
    """Score hits with the official scorer when it was loaded, else with ``local_evaluate``."""
    if scorer is not None:
        result: Result = scorer.evaluate(queries, hits, BUDGETS, threshold)
        return result
    return local_evaluate(queries, hits, BUDGETS, threshold)


def per_kind_at(
    queries: Sequence[dict[str, Any]], hits: HitsByQid, threshold: float | None
) -> dict[str, dict[str, Any]]:
    """Recall of each positive kind and alert rate of each negative kind at ``threshold``
    (the official scorer reports kinds only at its 2% point; the targets are set at 1%)."""
    positives, negatives = best_scores(queries, hits)
    return _per_kind(queries, positives, negatives, math.inf if threshold is None else threshold)


def local_evaluate(
    queries: Sequence[dict[str, Any]],
    hits: HitsByQid,
    budgets: Sequence[float] = BUDGETS,
    threshold: float | None = None,
) -> Result:
    """The official scorer's definitions, for when ``../shared`` is absent.

    For each budget B the operating threshold is the lowest observed score at which at most
    B% of the negative queries alert; recall is the share of positives whose expected entity
    scores at or above it.
    """
    positives, negatives = best_scores(queries, hits)
    pos_sorted = sorted(s for s in positives if s is not None)
    neg_sorted = sorted(s for s in negatives if s is not None)
    observed = sorted(set(pos_sorted) | set(neg_sorted))

    def share_at_or_above(values: list[float], total: int, threshold: float) -> float:
        return (len(values) - bisect.bisect_left(values, threshold)) / total if total else 0.0

    def operating_threshold(budget: float) -> float:
        allowed = math.floor(budget / 100.0 * len(negatives) + 1e-9)
        if len(neg_sorted) <= allowed:
            return observed[0] if observed else math.inf
        must_not_alert = neg_sorted[len(neg_sorted) - 1 - allowed]
        above = bisect.bisect_right(observed, must_not_alert)
        return observed[above] if above < len(observed) else math.inf

    def recall(t: float) -> float:
        return share_at_or_above(pos_sorted, len(positives), t)

    def alert(t: float) -> float:
        return share_at_or_above(neg_sorted, len(negatives), t)

    points = {}
    for budget in budgets:
        t = operating_threshold(budget)
        points[budget_key(budget)] = {
            "budget_pct": budget,
            "threshold": None if math.isinf(t) else t,
            "recall": recall(t),
            "alert_rate": alert(t),
        }
    reference_budget = 2.0 if 2.0 in budgets else sorted(budgets)[len(budgets) // 2]
    reference_t = operating_threshold(reference_budget)
    result: Result = {
        "n_queries": len(queries),
        "n_positive": len(positives),
        "n_negative": len(negatives),
        "operating_points": points,
        "top1_accuracy": _top1(queries, hits) / len(positives) if positives else 0.0,
        "recall_any_hit": len(pos_sorted) / len(positives) if positives else 0.0,
        "alert_any_hit": len(neg_sorted) / len(negatives) if negatives else 0.0,
        "per_kind_budget_pct": reference_budget,
        "per_kind_threshold": None if math.isinf(reference_t) else reference_t,
        "per_kind": _per_kind(queries, positives, negatives, reference_t),
    }
    if threshold is not None:
        result["own_threshold"] = {
            "threshold": threshold,
            "recall": recall(threshold),
            "alert_rate": alert(threshold),
            "per_kind": _per_kind(queries, positives, negatives, threshold),
        }
    return result


def _top1(queries: Sequence[dict[str, Any]], hits: HitsByQid) -> int:
    """Positive queries whose highest-scoring hit (first one on ties) is expected."""
    correct = 0
    for query in queries:
        expected = set(query.get("expected") or [])
        hit_list = hits.get(str(query["qid"]), ([], None))[0]
        if expected and hit_list:
            best_entity, best_score = hit_list[0]
            for entity, score in hit_list[1:]:
                if score > best_score:
                    best_entity, best_score = entity, score
            correct += best_entity in expected
    return correct


def _per_kind(
    queries: Sequence[dict[str, Any]],
    positives: list[float | None],
    negatives: list[float | None],
    threshold: float,
) -> dict[str, dict[str, Any]]:
    """Recall of each positive kind and alert rate of each negative kind at one threshold."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    pos_iter, neg_iter = iter(positives), iter(negatives)
    for query in queries:
        kind = str(query.get("kind", "?"))
        score = next(pos_iter) if query.get("expected") else next(neg_iter)
        counts[kind][1] += 1
        if score is not None and score >= threshold:
            counts[kind][0] += 1
    return {
        kind: {
            "n": total,
            "rate": passed / total,
            "metric": "alert_rate" if kind.startswith("neg:") else "recall",
        }
        for kind, (passed, total) in sorted(counts.items())
    }


def recall_alert_curve(
    queries: Sequence[dict[str, Any]], hits: HitsByQid, points: int = 200
) -> list[tuple[float, float]]:
    """(alert rate, recall) pairs while the threshold sweeps over the observed scores.

    Thinned to about ``points`` pairs, always keeping the two ends, for plotting.
    """
    positives, negatives = best_scores(queries, hits)
    events = [(s, True) for s in positives if s is not None]
    events += [(s, False) for s in negatives if s is not None]
    events.sort(key=lambda event: -event[0])
    n_pos, n_neg = max(len(positives), 1), max(len(negatives), 1)
    curve: list[tuple[float, float]] = []
    found = alerted = 0
    for index, (score, is_positive) in enumerate(events):
        found += is_positive
        alerted += not is_positive
        last_of_score = index + 1 == len(events) or events[index + 1][0] != score
        if last_of_score:
            curve.append((alerted / n_neg, found / n_pos))
    if len(curve) <= points:
        return curve
    step = len(curve) / points
    return [curve[int(i * step)] for i in range(points)] + [curve[-1]]


def figures_of(result: Result, prefix: str) -> dict[str, float | None]:
    """The headline numbers of one evaluation, flattened for the report and the gate."""
    figures: dict[str, float | None] = {}
    for point in result["operating_points"].values():
        figures[f"{prefix}.recall_at_{point['budget_pct']:g}pct_alert"] = point["recall"]
    figures[f"{prefix}.top1_accuracy"] = result["top1_accuracy"]
    if "own_threshold" in result:
        figures[f"{prefix}.recall_at_default_threshold"] = result["own_threshold"]["recall"]
        figures[f"{prefix}.alert_at_default_threshold"] = result["own_threshold"]["alert_rate"]
    return figures


def local_markdown(results: dict[str, Result], split: str | None, budgets: Sequence[float]) -> str:
    """A compact side-by-side table, for when the official scorer's ``markdown`` is absent."""
    names = list(results)
    lines = ["| metric | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    for budget in budgets:
        key = budget_key(budget)
        cells = [f"{100 * results[n]['operating_points'][key]['recall']:.1f}%" for n in names]
        lines.append(f"| recall @ alert ≤ {budget:g}% | " + " | ".join(cells) + " |")
    cells = [f"{100 * results[n]['top1_accuracy']:.1f}%" for n in names]
    lines.append("| top-1 accuracy (positives) | " + " | ".join(cells) + " |")
    kinds = sorted(
        {kind for n in names for kind in results[n]["per_kind"]},
        key=lambda kind: (kind.startswith("neg:"), kind),
    )
    lines += ["", "| kind | n | " + " | ".join(names) + " |", "|---|---|" + "---|" * len(names)]
    for kind in kinds:
        known = [results[n]["per_kind"][kind] for n in names if kind in results[n]["per_kind"]]
        cells = [f"{100 * results[n]['per_kind'].get(kind, {}).get('rate', 0):.1f}%" for n in names]
        count = known[0]["n"]
        lines.append(f"| {kind} | {count} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
