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
from screening.sources.eu_xml import read_eu_xml
from screening.sources.generic_csv import read_generic_csv
from screening.sources.jsonl import read_jsonl
from screening.sources.ofac_advanced_xml import read_ofac_advanced_xml
from screening.sources.ofac_csv import read_ofac_csv, read_ofac_folder_list
from screening.sources.ofac_xml import read_ofac_xml
from screening.sources.uk_conlist import read_uk_csv, read_uk_xlsx
from screening.sources.uk_conlist_xml import read_uk_conlist_xml
from screening.sources.uk_fcdo import read_uk_fcdo_csv
from screening.sources.uk_fcdo_xml import read_uk_fcdo_xml
from screening.sources.un_xml import read_un_xml

__all__ = ["LoadedList", "detect_format", "load_list", "load_lists"]

Reader = Callable[[Path], LoadedList]

# A file given on its own is read on its own; see FOLDER_READERS for files of a folder.
READERS: dict[str, Reader] = {
    "jsonl": read_jsonl,
    "csv": read_generic_csv,
    "ofac_csv": read_ofac_csv,
    "ofac_xml": read_ofac_xml,
    "ofac_advanced_xml": read_ofac_advanced_xml,
    "uk_csv": read_uk_csv,
    "uk_xlsx": read_uk_xlsx,
    "uk_xml": read_uk_conlist_xml,
    "uk_fcdo_csv": read_uk_fcdo_csv,
    "uk_fcdo_xml": read_uk_fcdo_xml,
    "un_xml": read_un_xml,
    "eu_xml": read_eu_xml,
}

# Formats whose list is spread over several files of one folder (OFAC's primary file
# joined with alt/add/comments): read this way when a folder is loaded.
FOLDER_READERS: dict[str, Reader] = {
    "ofac_csv": read_ofac_folder_list,
}


def load_list(path: str | Path, *, allow_partial: bool = False) -> LoadedList:
    """Load one list file (or a folder holding one list), detecting its format."""
    path = Path(path)
    lists = load_lists(path, allow_partial=allow_partial)
    if len(lists) != 1:
        raise ListLoadError(f"{path}: folder holds {len(lists)} lists; use load_lists")
    return lists[0]


def load_lists(path: str | Path, *, allow_partial: bool = False) -> list[LoadedList]:
    """Load every list of a file or folder; a folder may hold several official lists.

    A list whose file lacks an integrity signal its publisher puts in every complete
    file (see ``LoadedList.snapshot.incomplete``) is refused, unless ``allow_partial``:
    then it is loaded and every result made with it says what was missing.
    """
    path = Path(path)
    if not path.exists():
        raise ListLoadError(f"{path}: list file not found")
    if path.is_dir():
        lists = [_read(file, FOLDER_READERS) for file in list_files_in(path)]
    else:
        lists = [_read(path, {})]
    for loaded in lists:
        incomplete = loaded.snapshot.incomplete
        if incomplete and not allow_partial:
            raise ListLoadError(
                f"{loaded.snapshot.path}: may be incomplete: {'; '.join(incomplete)}. "
                "Refusing to screen against it (--allow-partial accepts it, and every "
                "result then records what was missing)"
            )
    return lists


def _read(path: Path, preferred: dict[str, Reader]) -> LoadedList:
    fmt = detect_format(path)
    reader = preferred.get(fmt) or READERS.get(fmt)
    if reader is None:
        raise ListLoadError(f"{path}: format {fmt!r} is not supported yet")
    return reader(path)
