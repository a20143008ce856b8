"""Reading XLSX workbooks with openpyxl in read-only mode, failing closed on a bad file."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from screening.errors import ListLoadError

Row = tuple[Any, ...]


def iter_rows(path: Path, sheet: str | None = None) -> Iterator[Row]:
    """The rows of a sheet (the first one by default) as tuples of cell values.

    Read-only mode streams the sheet instead of building every cell object, which keeps a
    large list cheap. A workbook that cannot be opened or read raises ``ListLoadError``.
    """
    import openpyxl  # type: ignore[import-untyped,unused-ignore]

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ListLoadError(f"{path}: not a readable XLSX workbook ({exc})") from None
    try:
        if sheet is not None and sheet not in workbook.sheetnames:
            raise ListLoadError(f"{path}: workbook has no sheet {sheet!r}")
        worksheet = workbook[sheet] if sheet is not None else workbook.worksheets[0]
        yield from worksheet.iter_rows(values_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ListLoadError(f"{path}: XLSX workbook is damaged ({exc})") from None
    finally:
        workbook.close()


def first_rows(path: Path, count: int) -> list[Row]:
    """The first ``count`` rows of the first sheet, for format detection."""
    return list(islice(iter_rows(path), count))
