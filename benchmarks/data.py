"""Where the benchmark data lives and how to read it.

The dev evaluation set sits beside the repository in ``../shared/eval``; it is optional, so
every reader here says clearly when it is absent instead of failing somewhere deeper.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
EVAL_DIR = REPO.parent / "shared" / "eval"
DEFAULT_OUT = REPO / "benchmarks" / "out"

ALIASES_FILES = ("list.jsonl", "queries.jsonl")
"""The second dev set, in ``../shared/eval/aliases``: its queries are screened against its own
list, from which each held-out alias was removed."""

QUICK_EVERY = 4
"""Quick mode keeps every 4th query of each kind: a quarter of the work, every kind present."""

Query = dict[str, Any]


def eval_dir() -> Path | None:
    """The shared evaluation folder, or None when this checkout has no ``../shared``."""
    needed = ("list.jsonl", "queries_dev.jsonl", "score.py")
    if all((EVAL_DIR / name).is_file() for name in needed):
        return EVAL_DIR
    return None


def missing_eval_message() -> str:
    return f"skipped: the shared evaluation set {EVAL_DIR} is not available in this checkout"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Every non-blank line of a JSON Lines file."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def write_json(path: Path, payload: dict[str, Any]) -> None:
    """A benchmark's result as indented JSON, its folder made if need be."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def every_nth_per_kind(queries: list[Query], every: int = QUICK_EVERY) -> list[Query]:
    """A deterministic subsample: the 1st, (n+1)th, ... query of each kind, in file order.

    Sampling within each kind (not over the whole file) keeps every kind represented
    and keeps the positive/negative mix of the full set.
    """
    seen: dict[str, int] = defaultdict(int)
    kept = []
    for query in queries:
        kind = str(query.get("kind", "?"))
        if seen[kind] % every == 0:
            kept.append(query)
        seen[kind] += 1
    return kept


def spread_sample(items: list[Any], count: int) -> list[Any]:
    """``count`` items evenly spread over the list (deterministic, covers the whole range)."""
    if count >= len(items):
        return list(items)
    step = len(items) / count
    return [items[int(i * step)] for i in range(count)]


def list_names(records: Iterable[dict[str, Any]]) -> Iterator[tuple[str, str]]:
    """(entity id, name) for every name of every raw list record."""
    for record in records:
        for name in record.get("names") or []:
            if isinstance(name, str) and name.strip():
                yield str(record["id"]), name


def read_lines(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        return [line.strip() for line in handle if line.strip()]
