"""Formatting output rows: CSV cells or a JSON Lines object per row, and the one-line reason."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from screening.model import Hit, TokenMatch

if TYPE_CHECKING:
    pass
from screening.batch.model import RESULT_COLUMNS, BatchRow


def result_columns(header: Sequence[str]) -> list[str]:
    """The names of the appended result columns; prefixed if the input already uses one."""
    taken = {name.strip().casefold() for name in header}
    if any(column in taken for column in RESULT_COLUMNS):
        return [f"screening_{column}" for column in RESULT_COLUMNS]
    return list(RESULT_COLUMNS)


def csv_header(header: Sequence[str]) -> str:
    return _csv_text([[*header, *result_columns(header)]])


def format_csv_rows(rows: Iterable[BatchRow]) -> str:
    """Output CSV lines: the input values, then the ``RESULT_COLUMNS``."""
    return _csv_text([[*row.values.values(), *_result_cells(row)] for row in rows])


def _result_cells(row: BatchRow) -> list[str]:
    top = row.top
    if top is None:
        return [row.status, "0", "", "", "", "", row.error or ""]
    cells = [top.entity_id, top.listed_name, f"{top.score:.4f}", summarize_hit(top)]
    return [row.status, str(len(row.hits)), *cells, row.error or ""]


def _csv_text(rows: Iterable[Sequence[str]]) -> str:
    # The default "\r\n" line ending makes the writer quote any field holding \r or \n,
    # so the file reads back the same with any CSV reader.
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
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
    parts += [f"query cleaned: {step.detail}" for step in hit.explanation.normalisation]
    return one_line("; ".join(part for part in parts if part))


def _token_text(token: TokenMatch) -> str:
    target = token.list_token if token.list_token is not None else "-"
    rule = token.rule.replace("_", " ")
    if token.detail:
        rule += f" ({token.detail})"
    return f"{token.query_token}->{target} {rule}"


def one_line(text: str) -> str:
    return " ".join(text.split())
