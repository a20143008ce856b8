"""UK OFSI ConList, CSV and XLSX editions: one row per name, grouped by Group ID."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import openpyxl  # type: ignore[import-untyped,unused-ignore]
import pytest

from screening.errors import ListLoadError
from screening.sources import detect_format, load_list
from screening.sources.uk_conlist import read_uk_csv, split_numbered

HEADER = [
    "Name 6", "Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Title",
    "Name Non-Latin Script", "Non-Latin Script Type", "Non-Latin Script Language", "DOB",
    "Town of Birth", "Country of Birth", "Nationality", "Passport Number", "Passport Details",
    "National Identification Number", "National Identification Details", "Position",
    "Address 1", "Address 2", "Address 3", "Address 4", "Address 5", "Address 6",
    "Post/Zip Code", "Country", "Other Information", "Group Type", "Alias Type",
    "Alias Quality", "Regime", "Listed On", "UK Sanctions List Date Designated",
    "Last Updated", "Group ID",
]  # fmt: skip


def row(group: str, surname: str, given: str, alias_type: str, **cells: str) -> list[str]:
    values = dict.fromkeys(HEADER, "")
    values.update({"Name 6": surname, "Name 1": given, "Alias Type": alias_type})
    values.update({"Group ID": group, "Group Type": "Individual", "Regime": "Russia"})
    values.update({key.replace("_", " "): value for key, value in cells.items()})
    return [values[column] for column in HEADER]


ROWS = [
    row("15579", "GAZARYAN", "Yuri", "Primary name variation", DOB="23/07/1974"),
    row(
        "15579", "GAZARYAN", "Yury", "Primary name", DOB="23/07/1974",
        **{"Name Non-Latin Script": "Юрий Гарунович Газарян"}, Nationality="Russia",
        Town_of_Birth="Baku", Country_of_Birth="Azerbaijan", Country="Russia",
    ),
    row("13378", "KONY", "Ali", "Primary name", DOB="00/00/1992"),
    row("13378", "FUPI", "", "AKA", Alias_Quality="Low quality"),
    row("13378", "LALOBO", "Ali", "AKA", Alias_Quality="Good quality", DOB="00/05/1993"),
]  # fmt: skip
ROWS.append(row("12431", "HANDASIEH ORGANIZATION", "", "Primary name", Group_Type="Entity"))


def conlist_csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["Last Updated", "14/04/2025"] + [""] * (len(HEADER) - 2))
    writer.writerow(HEADER)
    writer.writerows(rows)
    return buffer.getvalue()


def write_csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "ConList.csv"
    path.write_text(text, encoding="utf-8")
    return path


def check_entities(path: Path) -> None:
    loaded = load_list(path, allow_partial=True)  # a few targets: partial
    assert loaded.snapshot.published == "2025-04-14"
    assert loaded.snapshot.source == "uk"
    by_id = {entity.id: entity for entity in loaded.entities}
    assert sorted(by_id) == ["uk-12431", "uk-13378", "uk-15579"]
    gazaryan = by_id["uk-15579"]
    assert gazaryan.names == [
        "Yury GAZARYAN",  # the primary name comes first whatever the row order
        "Yuri GAZARYAN",
        "Юрий Гарунович Газарян",
    ]
    assert gazaryan.birth_dates == ["1974-07-23"]
    assert gazaryan.countries == ["ru"]
    assert gazaryan.birth_places == ["Baku, Azerbaijan"]
    kony = by_id["uk-13378"]
    assert kony.names == ["Ali KONY", "Ali LALOBO"]
    assert kony.weak_names == ["FUPI"]
    assert kony.birth_dates == ["1992", "1993-05"]
    assert by_id["uk-12431"].schema_ == "Organization"
    assert by_id["uk-12431"].names == ["HANDASIEH ORGANIZATION"]


def test_csv_edition(tmp_path: Path) -> None:
    path = write_csv(tmp_path, conlist_csv(ROWS))
    assert detect_format(path) == "uk_csv"
    check_entities(path)


def test_xlsx_edition(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Data"
    for values in csv.reader(io.StringIO(conlist_csv(ROWS))):
        sheet.append([value or None for value in values])
    path = tmp_path / "ConList.xlsx"
    workbook.save(path)
    assert detect_format(path) == "uk_xlsx"
    check_entities(path)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("Russia", ["Russia"]), ("(1) Russia (2) Ukraine", ["Russia", "Ukraine"]), ("", [])],
)
def test_split_numbered(value: str, expected: list[str]) -> None:
    assert split_numbered(value) == expected


# --- fail closed -------------------------------------------------------------------------


def test_csv_cut_mid_row_fails(tmp_path: Path) -> None:
    text = conlist_csv(ROWS)
    cut = text[: text.rindex("HANDASIEH") + 5]  # the last row stops inside a field
    with pytest.raises(ListLoadError, match="expected 36 columns") as error:
        read_uk_csv(write_csv(tmp_path, cut))
    assert "ConList.csv" in str(error.value)


def test_csv_cut_inside_quotes_fails(tmp_path: Path) -> None:
    rows = [*ROWS, row("1", "X", "", "Primary name", Other_Information="a, b")]
    text = conlist_csv(rows)
    with pytest.raises(ListLoadError, match="broken CSV"):
        read_uk_csv(write_csv(tmp_path, text[: text.rindex("a, b")]))


def test_missing_header_columns_fail(tmp_path: Path) -> None:
    text = conlist_csv(ROWS).replace("Group ID", "Group")
    with pytest.raises(ListLoadError, match="lacks columns"):
        read_uk_csv(write_csv(tmp_path, text))


def test_only_header_is_an_empty_list(tmp_path: Path) -> None:
    with pytest.raises(ListLoadError, match="no entities"):
        read_uk_csv(write_csv(tmp_path, conlist_csv([])))


def test_damaged_xlsx_fails(tmp_path: Path) -> None:
    path = tmp_path / "ConList.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(ListLoadError, match="XLSX"):
        load_list(path)


# --- the real files ----------------------------------------------------------------------

CYRILLIC = re.compile("[\u0400-\u04ff]")


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_real_conlist(shared_dir: Path, suffix: str) -> None:
    loaded = load_list(shared_dir / "lists" / "uk" / f"ConList_2025-04-14.{suffix}")
    assert len(loaded.entities) == 4_688
    assert loaded.snapshot.published == "2025-04-14"
    with_cyrillic = [e for e in loaded.entities if any(CYRILLIC.search(n) for n in e.names)]
    assert len(with_cyrillic) == 2_051
    cyrillic_names = {n for e in with_cyrillic for n in e.names if CYRILLIC.search(n)}
    assert len(cyrillic_names) == 2_321
    gazaryan = next(e for e in loaded.entities if e.id == "uk-15579")
    assert "Юрий Гарунович Газарян" in gazaryan.names
    assert gazaryan.names[0] == "Yury Garunovich GAZARYAN"
