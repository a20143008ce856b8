"""Formatting output rows: CSV cells or a JSON Lines object per row, and the one-line reason."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from screening.model import Hit, HitReview, TokenMatch

if TYPE_CHECKING:
    pass
from screening.batch.model import RESULT_COLUMNS, BatchRow


def result_columns(header: Sequence[str]) -> list[str]:
    """The names of the appended result columns; prefixed if the input already uses one."""
    taken = {name.strip().casefold() for name in header}
    if any(column in taken for column in RESULT_COLUMNS):
        return [f"screening_{column}" for column in RESULT_COLUMNS]
    return list(RESULT_COLUMNS)


#: What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def csv_header(header: Sequence[str]) -> str:
    return _csv_text([[*header, *result_columns(header)]])


def format_csv_rows(rows: Iterable[BatchRow]) -> str:
    """Output CSV lines: the input values, then the ``RESULT_COLUMNS``."""
    return _csv_text([[*row.values.values(), *result_cells(row)] for row in rows])


def result_cells(row: BatchRow) -> list[str]:
    """The ``RESULT_COLUMNS`` cells of one row, as the CSV output writes them."""
    top = row.top
    notes = "; ".join(row.warnings)
    if top is None:
        return [row.status, "0", "", "", "", one_line(notes), row.error or ""]
    reason = summarize_hit(top) + (f"; {notes}" if notes else "")
    cells = [top.entity_id, top.listed_name, f"{top.score:.4f}", one_line(reason)]
    return [row.status, str(len(row.hits)), *cells, row.error or ""]


def safe_cell(value: str) -> str:
    """A CSV cell a spreadsheet shows as text: a leading ``'`` before what would start a
    formula (``=HYPERLINK(...)`` from a customer file or a list), NUL bytes replaced.

    Only the CSV output is changed so; JSON Lines keeps every value as it was.
    """
    if "\x00" in value:
        value = value.replace("\x00", "\ufffd")
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


def _csv_text(rows: Iterable[Sequence[str]]) -> str:
    # The default "\r\n" line ending makes the writer quote any field holding \r or \n,
    # so the file reads back the same with any CSV reader.
    buffer = io.StringIO()
    csv.writer(buffer).writerows([safe_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue()


def format_jsonl_row(row: BatchRow) -> str:
    """One JSON line: row number, input values, status, every hit fully explained, error."""
    record = {
        "row": row.row,
        "id": row.record_id,
        "input": row.values,
        "status": row.status,
        "hit_count": len(row.hits),
        "hits": [hit.model_dump(mode="json", by_alias=True) for hit in row.hits],
        "warnings": row.warnings,
        "error": row.error,
    }
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


def summarize_hit(hit: Hit) -> str:
    """A one-line reading of a hit's explanation for the CSV ``reason`` column.

    For example: ``matched "Aleksey BUDNEV"; aleksey->ALEKSEY exact, budnev->BUDNEV
    exact; birth_date match +0.05``.
    """
    matched = f'matched "{hit.matched_name}"'
    if hit.matched_name != hit.listed_name:
        matched += f' (alias of "{hit.listed_name}")'
    if hit.weak_alias:
        matched += " [weak alias]"
    parts = [matched, ", ".join(_token_text(token) for token in hit.explanation.tokens)]
    parts += [
        f"{check.kind} {check.outcome} {check.score_change:+.2f}"
        for check in hit.explanation.evidence
    ]
    parts += [f"penalty: {penalty}" for penalty in hit.explanation.penalties]
    if hit.review is not None:
        parts.insert(0, review_text(hit.review))
    parts += [f"query cleaned: {step.detail}" for step in hit.explanation.normalisation]
    return one_line("; ".join(part for part in parts if part))


def review_text(review: HitReview) -> str:
    """``suppressed: decision 3 (false_positive by alice, 2026-11-30T09:00:00+00:00)``."""
    made = f"decision {review.decision_id} ({review.disposition} by {review.decided_by}, "
    made += f"{review.decided_at})"
    if review.suppressed:
        return f"suppressed: {made}"
    if review.lapsed is not None:
        return f"{made} lapsed: {review.lapsed.replace('_', ' ')}"
    return made


def _token_text(token: TokenMatch) -> str:
    target = token.list_token if token.list_token is not None else "-"
    rule = token.rule.replace("_", " ")
    if token.detail:
        rule += f" ({token.detail})"
    return f"{token.query_token}->{target} {rule}"


def one_line(text: str) -> str:
    return " ".join(text.split())
