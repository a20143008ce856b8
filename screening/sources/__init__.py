"""Readers of designated lists: each turns one published format into ``Entity`` records.

``load_list`` is the single entry point the screener uses. It fails closed: a list that
is missing, empty or broken raises ``ListLoadError`` and never yields "no entities".
"""

from __future__ import annotations

from pathlib import Path

from screening.errors import ListLoadError
from screening.sources.base import LoadedList
from screening.sources.jsonl import read_jsonl

__all__ = ["LoadedList", "load_list"]


def load_list(path: str | Path) -> LoadedList:
    """Load one list file, detecting its format from its name and content."""
    path = Path(path)
    if not path.exists():
        raise ListLoadError(f"{path}: list file not found")
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        return read_jsonl(path)
    raise ListLoadError(f"{path}: unknown list format")
