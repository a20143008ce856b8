"""Reading XLSX workbooks with openpyxl in read-only mode, failing closed on a bad file.

A workbook is a zip archive, and each member carries a CRC-32 of its content. Every
member is read and checked before openpyxl sees the workbook: a flipped bit anywhere
refuses the file, instead of openpyxl reading a damaged sheet as blank rows.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from screening.errors import ListLoadError
from screening.sources.common import ListFile, read_list_file

Row = tuple[Any, ...]


def check_archive(file: ListFile) -> None:
    """Read every member of the zip archive, so ``zipfile`` checks each one's CRC-32."""
    try:
        with zipfile.ZipFile(io.BytesIO(file.data)) as archive:
            for member in archive.infolist():
                with archive.open(member) as stream:
                    while stream.read(1 << 20):
                        pass
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
        raise ListLoadError(f"{file.path}: damaged XLSX workbook ({exc})") from None
    except NotImplementedError as exc:  # a damaged header naming an unknown compression
        raise ListLoadError(f"{file.path}: damaged XLSX workbook ({exc})") from None


def iter_rows(file: ListFile, sheet: str | None = None) -> Iterator[Row]:
    """The rows of a sheet (the first one by default) as tuples of cell values.

    Read-only mode streams the sheet instead of building every cell object, which keeps a
    large list cheap. A workbook that cannot be opened or read raises ``ListLoadError``:
    openpyxl meets a damaged sheet with whatever its XML reader raises (``ParseError``,
    ``IndexError``, ``KeyError``, ``UnicodeDecodeError``...), so every error it raises
    here is the workbook's fault and is reported as a damaged list.
    """
    import openpyxl  # type: ignore[import-untyped,unused-ignore]

    check_archive(file)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(file.data), read_only=True, data_only=True)
    except Exception as exc:  # any failure of a damaged workbook, see above
        raise ListLoadError(f"{file.path}: not a readable XLSX workbook ({exc!r})") from None
    try:
        if sheet is not None and sheet not in workbook.sheetnames:
            raise ListLoadError(f"{file.path}: workbook has no sheet {sheet!r}")
        worksheet = workbook[sheet] if sheet is not None else workbook.worksheets[0]
        yield from worksheet.iter_rows(values_only=True)
    except ListLoadError:
        raise
    except Exception as exc:  # any failure of a damaged workbook, see above
        raise ListLoadError(f"{file.path}: XLSX workbook is damaged ({exc!r})") from None
    finally:
        workbook.close()


def first_rows(path: Path, count: int) -> list[Row]:
    """The first ``count`` rows of the first sheet, for format detection."""
    return list(islice(iter_rows(read_list_file(path)), count))
