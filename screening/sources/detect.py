"""Which list format a file (or a folder of official files) is, from its name and first bytes.

Detection only sniffs: it reads the first few kilobytes, never the whole file. The parser
chosen afterwards checks everything else and fails closed on anything it does not expect.

Format names (stable, used by the list store and in messages):

=====================  ==========================================================
``ofac_csv``           OFAC legacy CSV: ``sdn.csv`` or ``cons_prim.csv`` (no header)
``ofac_xml``           OFAC ``SDN.XML`` / ``CONS_PRIM.XML`` (root ``sdnList``)
``ofac_advanced_xml``  OFAC ``sdn_advanced.xml`` (root ``Sanctions``)
``uk_csv``             OFSI ConList CSV ("Last Updated" row, then the header)
``uk_xlsx``            OFSI ConList XLSX edition
``uk_xml``             OFSI ConList XML (root ``ArrayOfFinancialSanctionsTarget``)
``uk_fcdo_csv``        FCDO UK Sanctions List CSV ("Report Date" line, then the header)
``uk_fcdo_xml``        FCDO UK Sanctions List XML (root ``Designations``)
``eu_xml``             EU Financial Sanctions Files XML (root ``export``)
``un_xml``             UN Security Council consolidated XML (root ``CONSOLIDATED_LIST``)
``jsonl``              the generic JSON Lines format
``csv``                the generic CSV of a user's own list (header with id and name)
=====================  ==========================================================

A folder is detected by the list files it holds, see ``list_files_in``.
"""

from __future__ import annotations

import re
from pathlib import Path

from screening.errors import ListLoadError

SNIFF_BYTES = 8192

FORMATS: tuple[str, ...] = (
    "ofac_csv",
    "ofac_xml",
    "ofac_advanced_xml",
    "uk_csv",
    "uk_xlsx",
    "uk_xml",
    "uk_fcdo_csv",
    "uk_fcdo_xml",
    "eu_xml",
    "un_xml",
    "jsonl",
    "csv",
)

# Companion files of the OFAC legacy CSV: loaded with their primary file, never alone.
OFAC_COMPANIONS: frozenset[str] = frozenset(
    {
        "alt.csv",
        "add.csv",
        "sdn_comments.csv",
        "cons_alt.csv",
        "cons_add.csv",
        "cons_comments.csv",
    }
)

# The first XML element name (namespace prefix dropped) decides the XML format.
XML_ROOTS: dict[str, str] = {
    "sdnList": "ofac_xml",
    "Sanctions": "ofac_advanced_xml",
    "export": "eu_xml",
    "CONSOLIDATED_LIST": "un_xml",
    "Designations": "uk_fcdo_xml",
    "ArrayOfFinancialSanctionsTarget": "uk_xml",
}

LIST_SUFFIXES: frozenset[str] = frozenset({".csv", ".xml", ".xlsx", ".jsonl", ".ndjson"})

_ROOT_ELEMENT = re.compile(rb"<(?![?!])(?:[\w.-]+:)?([\w.-]+)")
_OFAC_ROW = re.compile(r'^\d+,"[^"]*",')


def detect_format(path: str | Path) -> str:
    """The short format name of a list file or folder; ``ListLoadError`` if unknown."""
    path = Path(path)
    if path.is_dir():
        formats = sorted({detect_format(file) for file in list_files_in(path)})
        if len(formats) > 1:
            raise ListLoadError(f"{path}: folder mixes list formats {formats}")
        return formats[0]
    head = _read_head(path)
    name = path.name.lower()
    if name in OFAC_COMPANIONS:
        raise ListLoadError(
            f"{path}: an OFAC companion file; load its folder or its primary file instead"
        )
    if head.startswith(b"PK\x03\x04"):
        return _xlsx_format(path)
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"<"):
        return _xml_format(path, text)
    if name.endswith((".jsonl", ".ndjson")) or text.startswith(b"{"):
        return "jsonl"
    return _csv_format(path, text)


def list_files_in(folder: Path) -> list[Path]:
    """The list files of a folder: every file with a list suffix except OFAC companions.

    Other files (README, checksums) are left alone; a list file that is not recognised
    makes detection fail, so a broken file is never skipped silently.
    """
    files = sorted(
        file
        for file in folder.iterdir()
        if file.is_file()
        and file.suffix.lower() in LIST_SUFFIXES
        and file.name.lower() not in OFAC_COMPANIONS
    )
    if not files:
        companions = sorted(f.name for f in folder.iterdir() if f.name.lower() in OFAC_COMPANIONS)
        if companions:
            raise ListLoadError(
                f"{folder}: only OFAC companion files {companions}, no sdn.csv or cons_prim.csv"
            )
        raise ListLoadError(f"{folder}: folder holds no list file")
    return files


def _read_head(path: Path) -> bytes:
    """The first bytes of a file, failing closed on a missing or empty one."""
    if not path.exists():
        raise ListLoadError(f"{path}: list file not found")
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError as exc:
        raise ListLoadError(f"{path}: cannot read: {exc.strerror}") from None
    if not head.strip(b" \t\r\n\x1a"):
        raise ListLoadError(f"{path}: file is empty")
    return head


def _xlsx_format(path: Path) -> str:
    """A workbook is the OFSI ConList when its first rows are "Last Updated" and the header."""
    from screening.sources.spreadsheet import first_rows

    rows = first_rows(path, 2)
    first = str(rows[0][0] or "").strip().lower() if rows and rows[0] else ""
    second = str(rows[1][0] or "").strip().lower() if len(rows) > 1 and rows[1] else ""
    if first.startswith("last updated") and second.startswith("name 6"):
        return "uk_xlsx"
    raise ListLoadError(f"{path}: unknown spreadsheet list format")


def _xml_format(path: Path, head: bytes) -> str:
    for match in _ROOT_ELEMENT.finditer(head):
        root = match.group(1).decode("ascii", "replace")
        if root in XML_ROOTS:
            return XML_ROOTS[root]
        raise ListLoadError(f"{path}: unknown XML list format (root element <{root}>)")
    raise ListLoadError(f"{path}: XML without a root element")


def _csv_format(path: Path, head: bytes) -> str:
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # The sniffed block may end inside a multi-byte character: only that is forgiven.
        if exc.start < len(head) - 3:
            raise ListLoadError(f"{path}: not UTF-8 text ({exc.reason})") from None
        text = head[: exc.start].decode("utf-8")
    lines = text.lstrip("\ufeff").splitlines()
    first = lines[0].strip().lower() if lines else ""
    second = lines[1].strip().lower() if len(lines) > 1 else ""
    if first.startswith("last updated") and second.startswith("name 6"):
        return "uk_csv"
    if first.startswith("report date") and "unique id" in second:
        return "uk_fcdo_csv"
    if _OFAC_ROW.match(lines[0] if lines else ""):
        return "ofac_csv"
    columns = {column.strip().strip('"') for column in first.split(",")}
    if {"id", "name"} <= columns:
        return "csv"
    raise ListLoadError(f"{path}: unknown list format")
