"""What candidate retrieval loses: the engine's top hits against its own scorer run on every
list name (brute force).

Retrieval exists for speed; it must not change answers. For a sample of dev queries, and one
of the aliases set screened against its own list, every entity that brute-force scoring puts
in the top 10 at or above the engine's default threshold (a hit that would alert) must also
come back through normal retrieval: the share that does not is the gated loss, for each
sample (target < 0.1%). The loss among weaker brute-force hits (at
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
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.data import missing_eval_message, read_jsonl, spread_sample
from benchmarks.report import Section, percent
from benchmarks.timing import format_seconds, latency_summary
from benchmarks.workbench import Workbench, run_part

TITLE = "Retrieval recall against brute force"
THRESHOLD = 0.5
LIMIT = 10
SAMPLE = {True: 40, False: 400}
"""Queries compared in quick and full mode (brute force scores every list name: slow,
about 9 s a query since the rules of other name origins, 2.4 times what it was). The
quick sample keeps CI within its time budget; it leaves some 25 hits >= 0.5, where one
query moves the lost share by several points: the full run's 400 is the measurement."""
ALIASES_SAMPLE = {True: 30, False: 240}
"""Queries of the aliases set compared in quick and full mode, against its own list (two
thirds positives: about 20 brute-force hits that would alert in the quick sample)."""


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


@dataclass
class Loss:
    """What retrieval lost on one query sample, against brute force."""

    queries: int
    hits_low: int = 0
    lost_low: int = 0
    hits_alerting: int = 0
    lost_alerting: int = 0
    top1_lost: int = 0
    examples: list[dict[str, Any]] = field(default_factory=list)
    brute_force_seconds: dict[str, float | None] = field(default_factory=dict)

    @property
    def lost_share(self) -> float:
        return self.lost_low / self.hits_low if self.hits_low else 0.0

    @property
    def lost_share_alerting(self) -> float:
        return self.lost_alerting / self.hits_alerting if self.hits_alerting else 0.0

    @property
    def top1_lost_share(self) -> float:
        return self.top1_lost / self.queries if self.queries else 0.0


def measure(screener: Any, queries: list[dict[str, Any]]) -> Loss:
    """Brute force against retrieval on every query of the sample."""
    from screening.settings import DEFAULT_THRESHOLD

    outcomes = compare_all(screener, queries)
    loss = Loss(queries=len(queries))
    for item, (brute, retrieved, alerting, _) in zip(queries, outcomes, strict=True):
        for entity, score in brute:
            loss.hits_low += 1
            loss.lost_low += entity not in retrieved
            if score >= DEFAULT_THRESHOLD:
                loss.hits_alerting += 1
                loss.lost_alerting += entity not in alerting
        loss.top1_lost += bool(brute) and brute[0][0] not in retrieved
        missing_ids = [entity for entity, _ in brute if entity not in retrieved]
        if missing_ids and len(loss.examples) < 8:
            loss.examples.append({"qid": item["qid"], "name": item["name"], "lost": missing_ids})
    loss.brute_force_seconds = latency_summary([seconds for *_, seconds in outcomes])
    return loss


def aliases_sample(queries: list[dict[str, Any]], count: int) -> list[dict[str, Any]]:
    """Two thirds positives (held-out aliases, OCR reads), one third negatives, each spread
    over its part of the file: the positives are where a lost hit costs recall."""
    positives = [q for q in queries if q["expected"]]
    negatives = [q for q in queries if not q["expected"]]
    wanted = 2 * count // 3
    return spread_sample(positives, wanted) + spread_sample(negatives, count - wanted)


def run(bench: Workbench | None, quick: bool, out_dir: Path) -> Section:
    if bench is None:
        return Section.skip(TITLE, missing_eval_message())
    dev_queries = spread_sample(read_jsonl(bench.eval_dir / "queries_dev.jsonl"), SAMPLE[quick])
    samples = {"dev": (bench, dev_queries, "dev queries (spread over every kind)")}
    if bench.aliases is not None:
        path = bench.aliases.list_path.with_name("queries.jsonl")
        alias_queries = aliases_sample(read_jsonl(path), ALIASES_SAMPLE[quick])
        samples["aliases"] = (
            bench.aliases,
            alias_queries,
            "aliases queries (two thirds positives), against `aliases/list.jsonl`",
        )
    figures: dict[str, float | None] = {}
    details: dict[str, Any] = {"threshold": THRESHOLD}
    lines: list[str] = []
    for label, (workbench, queries, about) in samples.items():
        loss = measure(workbench.engine.screener, queries)
        prefix = "retrieval" if label == "dev" else f"retrieval.{label}"
        figures[f"{prefix}.lost_share"] = loss.lost_share
        figures[f"{prefix}.lost_share_at_default_threshold"] = loss.lost_share_alerting
        figures[f"{prefix}.top1_lost_share"] = loss.top1_lost_share
        details[label] = asdict(loss)
        lines += [f"### {label}", "", *loss_markdown(loss, about), ""]
    if "aliases" not in samples:
        lines += ["_aliases sample skipped: ../shared/eval/aliases is not available_", ""]
    return Section(title=TITLE, markdown="\n".join(lines), figures=figures, details=details)


def loss_markdown(loss: Loss, about: str) -> list[str]:
    from screening.settings import DEFAULT_THRESHOLD

    lines = [
        f"{loss.queries} {about}; brute force scores every list name; top {LIMIT} hits.",
        "",
        "| measure | brute-force hits | lost by retrieval |",
        "|---|---|---|",
        f"| hits scoring ≥ {THRESHOLD} | {loss.hits_low} "
        f"| {loss.lost_low} ({percent(loss.lost_share)}) |",
        f"| hits scoring ≥ {DEFAULT_THRESHOLD} (would alert; screened at that threshold; "
        f"target: < 0.1% lost) | {loss.hits_alerting} "
        f"| {loss.lost_alerting} ({percent(loss.lost_share_alerting)}) |",
        f"| queries whose best hit was lost | {loss.queries} "
        f"| {loss.top1_lost} ({percent(loss.top1_lost_share)}) |",
        "",
        f"Brute force takes {format_seconds(loss.brute_force_seconds['median'])} per query "
        "(median).",
    ]
    if loss.examples:
        lines += ["", "Lost hits (first few):", ""]
        lines += [f"- `{e['name']}` ({e['qid']}): {', '.join(e['lost'])}" for e in loss.examples]
    return lines


def main(argv: list[str] | None = None) -> int:
    return run_part(run, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
