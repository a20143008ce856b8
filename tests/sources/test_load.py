"""load_list / load_lists / detect_format: format detection and the fail-closed cases
every format shares (missing, empty, unknown, wrongly encoded)."""

from __future__ import annotations

from pathlib import Path

import pytest

from screening.errors import ListLoadError
from screening.sources import detect_format, load_list, load_lists


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'<?xml version="1.0"?>\n<CONSOLIDATED_LIST dateGenerated="x">', "un_xml"),
        (b'<?xml version="1.0"?><sdnList xmlns="http://tempuri.org/sdnList.xsd">', "ofac_xml"),
        (b'<?xml version="1.0"?><Sanctions xmlns="https://x/ADVANCED_XML">', "ofac_advanced_xml"),
        (b'<?xml version="1.0"?><export xmlns="http://eu.europa.ec/fpi/fsd/export">', "eu_xml"),
        (b'<?xml version="1.0"?><!-- note --><Designations>', "uk_fcdo_xml"),
        (b'1,"NAME",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n', "ofac_csv"),
        (b"Last Updated,14/04/2025\r\nName 6,Name 1\r\n", "uk_csv"),
        (b"id,name,aliases\r\n1,X,Y\r\n", "csv"),
        (b'{"id": "a", "names": ["X"]}\n', "jsonl"),
    ],
)
def test_detect_format(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "list.dat"
    path.write_bytes(content)
    assert detect_format(path) == expected


def test_missing_file_fails(tmp_path: Path) -> None:
    with pytest.raises(ListLoadError, match="not found"):
        load_list(tmp_path / "sdn.csv")


@pytest.mark.parametrize("name", ["sdn.csv", "consolidated.xml", "ConList.csv", "x.jsonl"])
@pytest.mark.parametrize("content", [b"", b"\r\n", b"\x1a"])
def test_empty_file_fails(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ListLoadError, match="empty") as error:
        load_list(path)
    assert str(path) in str(error.value)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"just some text\n", "unknown list format"),
        (b"<html><body>Service unavailable</body></html>", "unknown XML list format"),
        (b"PK\x03\x04not really a zip", "XLSX"),
        (b"\xff\xfe\x00\x00garbage\xc3", "not UTF-8"),
    ],
)
def test_unknown_or_undecodable_format_fails(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "list.xlsx" if content.startswith(b"PK") else tmp_path / "list.txt"
    path.write_bytes(content)
    with pytest.raises(ListLoadError, match=message) as error:
        load_list(path)
    assert str(path) in str(error.value)


def test_folder_without_lists_fails(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("nothing here")
    with pytest.raises(ListLoadError, match="no list file"):
        load_lists(tmp_path)


def test_folder_with_a_broken_list_fails(tmp_path: Path) -> None:
    (tmp_path / "good.jsonl").write_text('{"id": "a", "names": ["X"]}\n')
    (tmp_path / "bad.csv").write_text("nothing useful\n")
    with pytest.raises(ListLoadError, match=r"bad\.csv"):
        load_lists(tmp_path)
