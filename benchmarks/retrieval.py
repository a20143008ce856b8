"""What candidate retrieval loses: the engine's top hits against its own scorer run on every
list name (brute force).

Retrieval exists for speed; it must not change answers. For a sample of dev queries, every
entity that brute-force scoring puts in the top 10 at or above the engine's default
threshold (a hit that would alert) must also come back through normal retrieval: the share
that does not is the gated loss (target < 0.1%). The loss among weaker brute-force hits (at
or above 0.5) is reported too; retrieval deliberately does not look up the lightest words of
a query (a common given name and patronymic), so partial matches on those alone are not
retrieved.

Brute force scores some 50,000 names per query in Python, seconds each, so the sample is
small and the queries are shared among all cores (forked workers share the built index).
"""

from __future__ import annotations

import multiprocessing
import os
import time
from pathlib import Path
from typing import Any

from benchmarks.data import missing_eval_message, read_jsonl, spread_sample
from benchmarks.report import Section, percent
from benchmarks.timing import format_seconds, latency_summary
from benchmarks.workbench import Workbench, run_part

TITLE = "Retrieval recall against brute force"
THRESHOLD = 0.5
LIMIT = 10
SAMPLE = {True: 100, False: 400}
"""Queries compared in quick and full mode (brute force scores every list name: slow,
1.5 s a query). Fewer than 100 leave about 60 hits >= 0.5, where one query moves the
lost share by several points."""


Outcome = tuple[list[tuple[str, float]], set[str], set[str], float]
_SCREENER: Any = None
"""The engine, set before the worker processes fork so that they inherit it."""


def compare_one(name_and_schema: tuple[str, str | None]) -> Outcome:
    """Brute-force top (entity, score) pairs, the entities retrieval returns at 0.5 and at
    the default threshold (where fewer candidates are scored), brute-force time.

    Retrieval is asked for twice the hits, so an entity that merely ties at 10th place
    is not counted as lost.
    """
    from screening.model import Query
    from screening.scoring import rank_hits
    from screening.settings import DEFAULT_THRESHOLD

    name, schema = name_and_schema
    query = Query.model_validate({"name": name, "schema": schema})
    index, settings = _SCREENER.index, _SCREENER.settings
    start = time.perf_counter()
    brute = rank_hits(index, query, THRESHOLD, LIMIT, settings, brute_force=True)
    seconds = time.perf_counter() - start
    normal = rank_hits(index, query, THRESHOLD, 2 * LIMIT, settings)
    alerting = rank_hits(index, query, DEFAULT_THRESHOLD, 2 * LIMIT, settings)
    return (
        [(h.entity_id, h.score) for h in brute],
        {h.entity_id for h in normal},
        {h.entity_id for h in alerting},
        seconds,
    )


def compare_all(screener: Any, queries: list[dict[str, Any]]) -> list[Outcome]:
    """``compare_one`` for every query, on every core."""
    global _SCREENER
    _SCREENER = screener
    jobs = [(query["name"], query.get("schema")) for query in queries]
    workers = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [compare_one(job) for job in jobs]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return pool.map(compare_one, jobs, chunksize=1)


def run(bench: Workbench | None, quick: bool, out_dir: Path) -> Section:
    if bench is None:
        return Section.skip(TITLE, missing_eval_message())
    from screening.settings import DEFAULT_THRESHOLD

    queries = spread_sample(read_jsonl(bench.eval_dir / "queries_dev.jsonl"), SAMPLE[quick])
    outcomes = compare_all(bench.engine.screener, queries)
    counts = {"low": [0, 0], "default": [0, 0]}  # [brute-force hits, lost]
    top1_lost = 0
    examples: list[dict[str, Any]] = []
    for item, (brute, retrieved, alerting, _) in zip(queries, outcomes, strict=True):
        for entity, score in brute:
            missing = entity not in retrieved
            counts["low"][0] += 1
            counts["low"][1] += missing
            if score >= DEFAULT_THRESHOLD:
                counts["default"][0] += 1
                counts["default"][1] += entity not in alerting
        top1_lost += bool(brute) and brute[0][0] not in retrieved
        missing_ids = [entity for entity, _ in brute if entity not in retrieved]
        if missing_ids and len(examples) < 8:
            examples.append({"qid": item["qid"], "name": item["name"], "lost": missing_ids})

    def share(key: str) -> float:
        wanted, lost = counts[key]
        return lost / wanted if wanted else 0.0

    top1_loss = top1_lost / len(queries) if queries else 0.0
    timing = latency_summary([seconds for *_, seconds in outcomes])
    lines = [
        f"{len(queries)} dev queries (spread over every kind); brute force scores every "
        f"list name; top {LIMIT} hits.",
        "",
        "| measure | brute-force hits | lost by retrieval |",
        "|---|---|---|",
        f"| hits scoring ≥ {THRESHOLD} (target: < 0.1% lost) | {counts['low'][0]} "
        f"| {counts['low'][1]} ({percent(share('low'))}) |",
        f"| hits scoring ≥ {DEFAULT_THRESHOLD} (would alert; screened at that threshold) "
        f"| {counts['default'][0]} | {counts['default'][1]} ({percent(share('default'))}) |",
        f"| queries whose best hit was lost | {len(queries)} "
        f"| {top1_lost} ({percent(top1_loss)}) |",
        "",
        f"Brute force takes {format_seconds(timing['median'])} per query (median).",
    ]
    if examples:
        lines += ["", "Lost hits (first few):", ""]
        lines += [f"- `{e['name']}` ({e['qid']}): {', '.join(e['lost'])}" for e in examples]
    return Section(
        title=TITLE,
        markdown="\n".join(lines) + "\n",
        figures={
            "retrieval.lost_share": share("low"),
            "retrieval.lost_share_at_default_threshold": share("default"),
            "retrieval.top1_lost_share": top1_loss,
        },
        details={
            "queries": len(queries),
            "threshold": THRESHOLD,
            "counts": {"at_0.5": counts["low"], "at_default_threshold": counts["default"]},
            "top1_lost": top1_lost,
            "brute_force_seconds": timing,
            "examples": examples,
        },
    )


def main(argv: list[str] | None = None) -> int:
    return run_part(run, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
