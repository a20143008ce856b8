"""Decisions from reviewed batch results: a batch output CSV with a ``disposition`` column.

The analyst fills ``disposition`` (and optionally ``decision_reason``) on the rows they
reviewed; each such row becomes a decision on its top hit, for the customer as screened
in that row. The run record beside the results says which columns held the customer's
data and which lists were screened; deciding against other lists is refused, since the
analyst did not see those listings.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterator
from pathlib import Path

from pydantic import ValidationError

from screening.batch import RESULT_COLUMNS, RunFiles, RunSummary
from screening.decisions.fingerprints import listing_fingerprint
from screening.decisions.model import DISPOSITIONS, Alert, Decision, utc_now
from screening.decisions.review import customer_of, lists_label
from screening.decisions.store import DecisionStore
from screening.errors import InputError
from screening.screener import Screener

DISPOSITION_COLUMN = "disposition"
REASON_COLUMN = "decision_reason"


def read_run_record(results: Path, csv_only: bool = True) -> RunSummary:
    record = RunFiles(results).record
    try:
        summary = RunSummary.model_validate_json(record.read_text(encoding="utf-8"))
    except (OSError, ValidationError) as exc:
        raise InputError(
            f"{record}: cannot read the batch run record (keep it beside the results): {exc}"
        ) from None
    if summary.status != "complete" or (csv_only and summary.output_format != "csv"):
        raise InputError(f"{record}: not a completed CSV batch run")
    return summary


def decisions_from_batch(
    results: Path, screener: Screener, decided_by: str, reason: str | None
) -> list[Decision]:
    """A decision for every row of ``results`` with a disposition; ``InputError`` listing
    every row that cannot become one (nothing is recorded then)."""
    summary = read_run_record(results)
    screened = sorted(snapshot.sha256 for snapshot in summary.lists)
    if screened != sorted(snapshot.sha256 for snapshot in screener.snapshots):
        raise InputError(
            f"{results} was screened against other lists than --list gives now: decide "
            "against the same lists, or screen again and review the new results"
        )
    columns = summary.input.columns
    if not columns.get("id"):
        raise InputError(f"{results}: the batch ran without --id-column; no customer keys")
    try:
        with results.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"{results}: {exc}") from None
    header = list(rows[0]) if rows else []
    if DISPOSITION_COLUMN not in header:
        raise InputError(f"{results}: no {DISPOSITION_COLUMN!r} column to read decisions from")
    prefix = "screening_" if f"screening_{RESULT_COLUMNS[0]}" in header else ""
    decisions: list[Decision] = []
    problems: list[str] = []
    for number, row in enumerate(rows, 1):
        disposition = (row.get(DISPOSITION_COLUMN) or "").strip()
        if not disposition:
            continue
        try:
            decisions.append(
                _decision(row, prefix, columns, disposition, screener, decided_by, reason)
            )
        except (InputError, ValidationError, ValueError) as exc:
            problems.append(f"row {number}: {' '.join(str(exc).split())}")
    if problems:
        raise InputError(f"{results}: nothing recorded; " + "; ".join(problems[:20]))
    return decisions


def _decision(
    row: dict[str, str],
    prefix: str,
    columns: dict[str, str | None],
    disposition: str,
    screener: Screener,
    decided_by: str,
    reason: str | None,
) -> Decision:
    if disposition not in DISPOSITIONS:
        raise InputError(f"disposition {disposition!r} is not one of {', '.join(DISPOSITIONS)}")
    if row.get(f"{prefix}status") not in ("hit", "suppressed"):
        raise InputError("the row has no hit to decide on")

    def value(column: str | None) -> str | None:
        return (row.get(column) or None) if column else None

    key = value(columns.get("id"))
    name = value(columns.get("name"))
    if not key or not name:
        raise InputError("the row has no customer key or name")
    score = float(row.get(f"{prefix}top_score") or "nan")
    if not math.isfinite(score):
        raise InputError("the row has no top score")
    entity_id = row.get(f"{prefix}top_entity_id") or ""
    entity = screener.entity(entity_id)
    if entity is None:
        raise InputError(f"entity {entity_id!r} is not on the list")
    return Decision(
        customer=customer_of(
            key,
            name,
            value(columns.get("schema")),
            value(columns.get("birth_date")),
            value(columns.get("country")),
        ),
        entity_id=entity_id,
        listing_fingerprint=listing_fingerprint(entity),
        lists=lists_label(screener),
        score=score,
        disposition=disposition,
        decided_by=decided_by,
        reason=(row.get(REASON_COLUMN) or "").strip() or reason or "",
        engine_version=screener.engine_version,
        settings_hash=screener.settings_hash,
    )


def remember_batch_alerts(results: Path, screener: Screener, store: DecisionStore) -> int:
    """Remember the alerts of a finished batch run (its CSV top hits, or every JSON Lines
    hit) as last screened, so ``screening decide --customer`` can decide on them."""
    summary = read_run_record(results, csv_only=False)
    columns = summary.input.columns
    now = utc_now()
    lists = lists_label(screener)
    alerts: list[Alert] = []
    for values, hits in _result_rows(results, summary.output_format):
        key, name = _value(values, columns.get("id")), _value(values, columns.get("name"))
        if not key or not name:
            continue
        customer = customer_of(
            key,
            name,
            _value(values, columns.get("schema")),
            _value(values, columns.get("birth_date")),
            _value(values, columns.get("country")),
        )
        for entity_id, score in hits:
            entity = screener.entity(entity_id)
            if entity is not None:
                alerts.append(
                    Alert(
                        customer=customer,
                        entity_id=entity_id,
                        listing_fingerprint=listing_fingerprint(entity),
                        score=score,
                        lists=lists,
                        screened_at=now,
                    )
                )
    return store.remember_alerts(alerts)


def _value(values: dict[str, str], column: str | None) -> str | None:
    return (values.get(column) or "").strip() or None if column else None


def _result_rows(
    results: Path, output_format: str
) -> Iterator[tuple[dict[str, str], list[tuple[str, float]]]]:
    """Each output row's input values and its hits as (entity id, score)."""
    with results.open(encoding="utf-8", newline="") as handle:
        if output_format == "jsonl":
            for line in handle:
                record = json.loads(line)
                hits = [(hit["entity_id"], float(hit["score"])) for hit in record["hits"]]
                yield record["input"], hits
            return
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        prefix = "screening_" if f"screening_{RESULT_COLUMNS[0]}" in header else ""
        for row in reader:
            entity_id = row.get(f"{prefix}top_entity_id")
            if row.get(f"{prefix}status") in ("hit", "suppressed") and entity_id:
                yield row, [(entity_id, float(row[f"{prefix}top_score"]))]
            else:
                yield row, []
