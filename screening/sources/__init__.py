"""Readers of designated lists: each turns one published format into ``Entity`` records.

``load_list`` is the single entry point the screener uses. It fails closed: a list that
is missing, empty or broken raises ``ListLoadError`` and never yields "no entities".
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from screening.errors import ListLoadError
from screening.sources.base import LoadedList
from screening.sources.detect import detect_format, list_files_in
from screening.sources.jsonl import read_jsonl

__all__ = ["LoadedList", "detect_format", "load_list", "load_lists"]

Reader = Callable[[Path], LoadedList]

READERS: dict[str, Reader] = {
    "jsonl": read_jsonl,
}


def load_list(path: str | Path) -> LoadedList:
    """Load one list file (or a folder holding one list), detecting its format."""
    path = Path(path)
    lists = load_lists(path)
    if len(lists) != 1:
        raise ListLoadError(f"{path}: folder holds {len(lists)} lists; use load_lists")
    return lists[0]


def load_lists(path: str | Path) -> list[LoadedList]:
    """Load every list of a file or folder; a folder may hold several official lists."""
    path = Path(path)
    if not path.exists():
        raise ListLoadError(f"{path}: list file not found")
    files = list_files_in(path) if path.is_dir() else [path]
    return [_read(file) for file in files]


def _read(path: Path) -> LoadedList:
    fmt = detect_format(path)
    reader = READERS.get(fmt)
    if reader is None:
        raise ListLoadError(f"{path}: format {fmt!r} is not supported yet")
    return reader(path)
