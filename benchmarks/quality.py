"""Quality on the dev set: the engine against the brute-force baseline, same queries, same run.

``python -m benchmarks.quality [--quick] [--out DIR]`` runs this part alone. Numbers are
computed by the official scorer (``../shared/eval/score.py``), imported from its file, so they
compare directly with the reference figures in ``../shared/eval/README.md``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmarks import halves
from benchmarks.compare import compare, headline_markdown
from benchmarks.data import (
    every_nth_per_kind,
    missing_eval_message,
    read_jsonl,
)
from benchmarks.report import Section, percent, times
from benchmarks.timing import ratio
from benchmarks.workbench import Workbench, run_part

TITLE = "Quality on the dev set"


def run(bench: Workbench | None, quick: bool, out_dir: Path) -> Section:
    """Screen the dev queries (every 4th of each kind when quick) with engine and baseline."""
    if bench is None:
        return Section.skip(TITLE, missing_eval_message())
    from screening.settings import DEFAULT_THRESHOLD

    queries = read_jsonl(bench.eval_dir / "queries_dev.jsonl")
    if quick:
        queries = every_nth_per_kind(queries)
    comparison = compare([bench.engine, bench.baseline], queries, out_dir, label="dev")
    figures = comparison.figures("dev")
    speed_ratio = ratio(
        comparison.latency["engine"]["median"], comparison.latency["baseline"]["median"]
    )
    figures["dev.latency_ratio_median"] = speed_ratio
    recall, alerts = screened_as_deployed(bench.engine.screener, queries)
    figures["dev.engine.deployed_recall"] = recall
    figures["dev.engine.deployed_alert_rate"] = alerts
    half_figures, half_details, half_markdown = halves.score(comparison, queries, "dev")
    figures.update(half_figures)
    sample = "every 4th query of each kind" if quick else "all queries"
    markdown = "\n".join(
        [
            f"{len(queries)} queries ({sample}) against {len(bench.records)} list entities; "
            f"threshold 0, top 10; engine default threshold {DEFAULT_THRESHOLD}.",
            "",
            headline_markdown(comparison),
            comparison.scorer_markdown,
            comparison.latency_markdown(),
            f"Engine median latency is {times(speed_ratio)} the baseline's.",
            "",
            f"Screened as deployed (default threshold {DEFAULT_THRESHOLD} and limit, where "
            f"retrieval scores fewer candidates): recall {percent(recall)}, "
            f"alert rate {percent(alerts)}.",
            "",
            half_markdown,
        ]
    )
    return Section(
        title=TITLE,
        markdown=markdown,
        figures=figures,
        details=comparison.details(queries=len(queries), quick_sample=quick, halves=half_details),
        curves=comparison.curves,
    )


def screened_as_deployed(screener: Any, queries: list[dict[str, Any]]) -> tuple[float, float]:
    """Recall and alert rate of the engine run with its own defaults, not threshold 0.

    The official protocol asks for every hit down to 0; at the default threshold retrieval
    scores only candidates that can reach it, and this measures what that costs."""
    found = wanted = alerted = negatives = 0
    for query in queries:
        hits = {
            hit.entity_id for hit in screener.screen(query["name"], schema=query.get("schema")).hits
        }
        if query["expected"]:
            wanted += 1
            found += not hits.isdisjoint(query["expected"])
        else:
            negatives += 1
            alerted += bool(hits)
    return found / max(wanted, 1), alerted / max(negatives, 1)


def main(argv: list[str] | None = None) -> int:
    return run_part(run, __doc__, argv, quick_help="every 4th query of each kind")


if __name__ == "__main__":
    raise SystemExit(main())
