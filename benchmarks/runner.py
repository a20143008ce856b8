"""Screens a query set with one system, timing every call, in the hits-file format."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from benchmarks.systems import System
from benchmarks.timing import one_core


def screen_queries(system: System, queries: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """One record per query: ``{"qid", "hits": [{"id", "score"}], "seconds"}``.

    Runs pinned to one core, so ``seconds`` is a single-core latency comparable across runs.
    """
    records = []
    with one_core():
        for query in queries:
            start = time.perf_counter()
            hits = system.search(query["name"], query.get("schema"))
            seconds = time.perf_counter() - start
            records.append(
                {
                    "qid": query["qid"],
                    "hits": [{"id": entity, "score": score} for entity, score in hits],
                    "seconds": seconds,
                }
            )
    return records
