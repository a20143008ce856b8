"""Monitoring after a list update, as a share of a full run.

``python -m benchmarks.monitor [--quick] [--rows N]`` writes a customer book of N rows
(default 1,000,000; the 100,000 load names of ``../shared/eval/load_names.txt``, repeated
with new keys) to a CSV file, runs ``screening.decisions.monitor`` once against
``../shared/eval/list.jsonl`` (the full run, which screens every customer), then updates the
list, touching 200 entries (80 get an alias written surname first, 70 a birth date, 50 new
entries are designated under names of customers in the book), and runs the monitor again.
Both runs are in this process, on one worker, with their state in a SQLite file, and each
reads the book from the file as ``screening monitor`` does. Target: the second run takes at
most 10% of the first, in CPU time (``cpu_ratio``; wall-clock ``ratio`` beside it, which
other work on a shared machine disturbs). The 50 new designations must all be reported, and
on a sample of the book every hit on a touched entry that a full screening finds.

Part of the full benchmark run only (``python -m benchmarks``, not ``--quick``).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.data import DEFAULT_OUT, EVAL_DIR, write_json

LIST_FILE = EVAL_DIR / "list.jsonl"
NAMES_FILE = EVAL_DIR / "load_names.txt"
OUT_FILE = DEFAULT_OUT / "monitor.json"
DEFAULT_ROWS = 1_000_000
QUICK_ROWS = 3_000
TOUCHED = {"alias": 80, "birth_date": 70, "new": 50}
TARGET_RATIO = 0.10
SEED = 15
CHECK_ROWS = 20_000  # customers screened in full again to check what monitoring reported


def run(quick: bool, rows: int | None = None) -> dict[str, Any]:
    """Measure both runs; the result is also written to ``OUT_FILE``."""
    from screening.batch import ColumnMap
    from screening.decisions import DecisionStore
    from screening.decisions.book import read_book
    from screening.decisions.monitor import monitor
    from screening.model import Entity
    from screening.screener import Screener

    count = rows or (QUICK_ROWS if quick else DEFAULT_ROWS)
    result: dict[str, Any] = {"benchmark": "monitor", "rows": count, "target_ratio": TARGET_RATIO}
    if not (LIST_FILE.is_file() and NAMES_FILE.is_file()):
        result["status"] = f"skipped: {EVAL_DIR} is not available in this checkout"
        return result
    names = [line.strip() for line in NAMES_FILE.open(encoding="utf-8") if line.strip()]
    entities = [Entity.model_validate(json.loads(line)) for line in LIST_FILE.open()]
    updated, new_ids = list_update(entities, [names[n % len(names)] for n in range(count)])
    result["entities"] = len(entities)
    result["touched"] = dict(TOUCHED)

    before, after = Screener.from_entities(entities), Screener.from_entities(updated)
    with (
        tempfile.TemporaryDirectory(prefix="bench-monitor-") as scratch,
        DecisionStore(Path(scratch) / "state.db") as state,
    ):
        book_file = write_book(Path(scratch) / "book.csv", names, count)
        columns = ColumnMap(name="name", id="key")
        lap, cpu = time.perf_counter(), time.process_time()
        monitor(before, read_book(book_file, columns).customers, state)
        full_seconds = time.perf_counter() - lap
        full_cpu = time.process_time() - cpu
        lap, cpu = time.perf_counter(), time.process_time()
        book = read_book(book_file, columns).customers
        update = monitor(after, book, state)
        update_seconds = time.perf_counter() - lap
        update_cpu = time.process_time() - cpu
    found_new = {a.hit.entity_id for a in update.alerts} & new_ids
    result["recall_check"] = recall_check(after, book, update, changed_ids(entities, updated))
    result.update(
        {
            "full_seconds": round(full_seconds, 2),
            "update_seconds": round(update_seconds, 2),
            "ratio": round(update_seconds / full_seconds, 4),
            "full_cpu_seconds": round(full_cpu, 2),
            "update_cpu_seconds": round(update_cpu, 2),
            "cpu_ratio": round(update_cpu / full_cpu, 4),
            "full_names_per_second": round(count / full_seconds, 1),
            "update_screened_delta": update.screened_delta,
            "update_screened_full": update.screened_full,
            "update_reported": len(update.alerts),
            "new_designations_reported": len(found_new),
            "new_designations": len(new_ids),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        }
    )
    result["meets_target"] = result["cpu_ratio"] <= TARGET_RATIO
    complete = len(found_new) == len(new_ids) and result["recall_check"]["missed"] == 0
    result["status"] = "ok" if complete else "monitoring missed alerts a full run finds"
    write_json(OUT_FILE, result)
    return result


def write_book(path: Path, names: list[str], count: int) -> Path:
    """A book of ``count`` customers ``c0``, ``c1``, ... named in turn by ``names``."""
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["key", "name"])
        writer.writerows([f"c{n}", names[n % len(names)]] for n in range(count))
    return path


def changed_ids(old: list[Any], new: list[Any]) -> set[str]:
    """The entries whose listing changed (an alias equal to a name already listed does not
    change a listing, nor do the alerts on it come back as new)."""
    from screening.decisions import listing_fingerprint

    before = {entity.id: listing_fingerprint(entity) for entity in old}
    return {entity.id for entity in new if before.get(entity.id) != listing_fingerprint(entity)}


def recall_check(screener: Any, book: list[Any], update: Any, changed: set[str]) -> dict[str, Any]:
    """On a sample of the book, the hits on touched entries that a full screening against
    the updated list finds, and how many of them the monitoring run reported."""
    sample = book[:: max(1, len(book) // CHECK_ROWS)]
    keys = {customer.key for customer in sample}
    expected = {
        (customer.key, hit.entity_id)
        for customer in sample
        for hit in screener.screen(customer.name).hits
        if hit.entity_id in changed
    }
    reported = {(a.customer.key, a.hit.entity_id) for a in update.alerts if a.customer.key in keys}
    return {
        "customers": len(sample),
        "expected": len(expected),
        "reported": len(reported & expected),
        "missed": len(expected - reported),
        "extra": len(reported - expected),
    }


def list_update(entities: list[Any], book: list[str]) -> tuple[list[Any], set[str]]:
    """The list after an update touching ``sum(TOUCHED.values())`` entries (the new ones
    designated under names of the book); the new ids."""
    from screening.model import Entity

    chooser = random.Random(SEED)
    picked = chooser.sample(range(len(entities)), TOUCHED["alias"] + TOUCHED["birth_date"])
    updated = list(entities)
    for rank, number in enumerate(picked):
        entity = entities[number]
        if rank < TOUCHED["alias"]:
            words = entity.names[0].split()
            alias = " ".join([words[-1] + ",", *words[:-1]]) if len(words) > 1 else words[0]
            change: dict[str, Any] = {"names": [*entity.names, alias]}
        else:
            change = {"birth_dates": [*entity.birth_dates, f"{1940 + rank % 50}-01-01"]}
        updated[number] = entity.model_copy(update=change)
    designated = chooser.sample(book, TOUCHED["new"])
    new = [
        Entity(id=f"new-{n}", names=[name], programs=["BENCH"]) for n, name in enumerate(designated)
    ]
    return updated + new, {entity.id for entity in new}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.monitor", description=__doc__)
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_ROWS:,} rows")
    parser.add_argument("--rows", type=int, help=f"book size (default {DEFAULT_ROWS:,})")
    args = parser.parse_args(argv)
    result = run(args.quick, args.rows)
    print(json.dumps(result, indent=2))
    return 0 if result.get("status", "").startswith(("ok", "skipped")) else 1


if __name__ == "__main__":
    sys.exit(main())
