"""A list file that lost its end is refused: every integrity signal its publisher writes.

The cut copies are made from the real files in ``../shared/lists`` in a temporary folder
(``head -n``-style: whole lines kept, so the cut falls on a row boundary and the CSV
itself stays well-formed).
"""

from __future__ import annotations

import io
import random
from pathlib import Path

import openpyxl  # type: ignore[import-untyped,unused-ignore]
import pytest

from screening.errors import ListLoadError
from screening.sources import load_list
from screening.sources.base import MAX_NAME_CHARS
from tests.sources.test_uk_conlist import ROWS, conlist_csv

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def head(source: Path, target: Path, lines: int) -> Path:
    """The first ``lines`` lines of ``source`` written to ``target``, as ``head -n`` does."""
    with source.open("rb") as handle:
        target.write_bytes(b"".join(next(handle) for _ in range(lines)))
    return target


def test_ofac_csv_cut_at_a_row_boundary_is_refused(shared_dir: Path, tmp_path: Path) -> None:
    cut = head(shared_dir / "lists/ofac/sdn_2024-05-03/sdn.csv", tmp_path / "sdn.csv", 7000)

    with pytest.raises(ListLoadError, match="no closing 0x1A end-of-file byte"):
        load_list(cut)

    partial = load_list(cut, allow_partial=True)
    assert 0 < partial.snapshot.entities < 14_965
    assert partial.snapshot.incomplete == (
        "sdn.csv: no closing 0x1A end-of-file byte (cut short?)",
    )


def test_ofac_companion_cut_short_is_refused(shared_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "ofac"
    folder.mkdir()
    real = shared_dir / "lists/ofac/consolidated_non_sdn_2025-12"
    for name in ("cons_prim.csv", "cons_add.csv", "cons_comments.csv"):
        (folder / name).write_bytes((real / name).read_bytes())
    head(real / "cons_alt.csv", folder / "cons_alt.csv", 500)

    with pytest.raises(ListLoadError, match=r"cons_alt\.csv: no closing 0x1A"):
        load_list(folder)


def test_uk_conlist_csv_cut_at_a_row_boundary_is_refused(shared_dir: Path, tmp_path: Path) -> None:
    cut = head(shared_dir / "lists/uk/ConList_2025-04-14.csv", tmp_path / "ConList.csv", 2000)

    with pytest.raises(ListLoadError, match="holds 500 targets, fewer than the 1000"):
        load_list(cut)


def test_un_xml_cut_mid_file_is_refused(shared_dir: Path, tmp_path: Path) -> None:
    data = (shared_dir / "lists/un/UN_consolidated_2026-02-27.xml").read_bytes()
    cut = tmp_path / "consolidated.xml"
    cut.write_bytes(data[: data.index(b"</INDIVIDUAL>", len(data) // 2) + len(b"</INDIVIDUAL>")])

    with pytest.raises(ListLoadError, match="broken XML"):
        load_list(cut, allow_partial=True)  # a broken file is never accepted


def test_un_xml_without_its_publication_date_is_refused(shared_dir: Path, tmp_path: Path) -> None:
    data = (shared_dir / "lists/un/UN_consolidated_2026-02-27.xml").read_bytes()
    path = tmp_path / "consolidated.xml"
    path.write_bytes(data.replace(b'dateGenerated="2026-02-27T00:00:09.554Z"', b"", 1))

    with pytest.raises(ListLoadError, match="without its dateGenerated"):
        load_list(path)


@pytest.mark.parametrize(
    ("record_count", "finding"),
    [
        ("<Record_Count>5</Record_Count>", "Record_Count states 5 entries, the file holds 4"),
        ("", "no Record_Count in publshInformation"),
    ],
)
def test_ofac_xml_record_count_must_match(tmp_path: Path, record_count: str, finding: str) -> None:
    text = (FIXTURES / "ofac_sdn.xml").read_text(encoding="utf-8")
    path = tmp_path / "SDN.XML"
    path.write_text(text.replace("<Record_Count>4</Record_Count>", record_count), "utf-8")

    with pytest.raises(ListLoadError, match=finding):
        load_list(path)
    assert load_list(path, allow_partial=True).snapshot.incomplete == (finding,)
    assert load_list(FIXTURES / "ofac_sdn.xml").snapshot.incomplete == ()


def test_the_snapshot_digest_is_of_the_bytes_parsed(shared_dir: Path) -> None:
    import hashlib

    path = shared_dir / "lists/un/UN_consolidated_2026-02-27.xml"
    loaded = load_list(path)
    assert loaded.snapshot.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert loaded.files == {path.name: loaded.snapshot.sha256}


def test_a_huge_list_name_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "own.jsonl"
    name = "A" * (8 * 1024 * 1024)
    path.write_text('{"id": "x", "schema": "Person", "names": ["' + name + '"]}\n', "utf-8")

    with pytest.raises(ListLoadError, match="line of 8388"):
        load_list(path)


def test_a_long_name_in_an_xml_list_is_refused(tmp_path: Path) -> None:
    text = (FIXTURES / "ofac_sdn.xml").read_text(encoding="utf-8")
    long_name = "B" * (MAX_NAME_CHARS + 1)
    path = tmp_path / "SDN.XML"
    path.write_text(text.replace("AEROCARIBBEAN AIRLINES", long_name, 1), encoding="utf-8")

    with pytest.raises(ListLoadError, match=f"name of {MAX_NAME_CHARS + 1} characters"):
        load_list(path)


# --- a damaged XLSX workbook -------------------------------------------------------------


def small_conlist_xlsx() -> bytes:
    """A workbook in OFSI's ConList layout (a few real-format rows)."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Data"
    import csv

    for values in csv.reader(io.StringIO(conlist_csv(ROWS))):
        sheet.append([value or None for value in values])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_a_flipped_bit_in_a_sheet_is_refused(tmp_path: Path) -> None:
    data = bytearray(small_conlist_xlsx())
    start = data.index(b"xl/worksheets/sheet1.xml") + 40  # inside its compressed data
    data[start] ^= 0x10
    path = tmp_path / "ConList.xlsx"
    path.write_bytes(bytes(data))

    with pytest.raises(ListLoadError, match="XLSX"):
        load_list(path, allow_partial=True)


def test_random_bit_flips_give_a_list_error_or_the_whole_list(tmp_path: Path) -> None:
    original = small_conlist_xlsx()
    good = tmp_path / "good.xlsx"
    good.write_bytes(original)
    expected = load_list(good, allow_partial=True).entities
    rng = random.Random(13)
    outcomes = {"refused": 0, "complete": 0}
    for trial in range(60):
        damaged = bytearray(original)
        position = rng.randrange(len(damaged))
        damaged[position] ^= 1 << rng.randrange(8)
        path = tmp_path / f"flip{trial}.xlsx"
        path.write_bytes(bytes(damaged))
        try:
            loaded = load_list(path, allow_partial=True)
        except ListLoadError:
            outcomes["refused"] += 1
            continue
        assert loaded.entities == expected, f"bit flip at byte {position} changed the list"
        outcomes["complete"] += 1
    assert outcomes["refused"] > 30  # almost every byte of a workbook is checked content
