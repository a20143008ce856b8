"""FCDO UK Sanctions List, CSV edition.

The rows below are hand-written in the official layout (the "Report Date" line, then the
58-column header of the published file); names and details are abridged or invented.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from screening.errors import ListLoadError
from screening.sources import detect_format, load_list
from screening.sources.uk_fcdo import read_uk_fcdo_csv

HEADER_LINE = (
    "Last Updated,Unique ID,OFSI Group ID,UN Reference Number,Name 6,Name 1,Name 2,Name 3,"
    "Name 4,Name 5,Name type,Alias strength,Title,Name non-latin script,Non-latin script type,"
    "Non-latin script language,Regime Name,Designation Type,Designation source,"
    "Sanctions Imposed,Other Information,UK Statement of Reasons,Address Line 1,"
    "Address Line 2,Address Line 3,Address Line 4,Address Line 5,Address Line 6,"
    "Address Postal Code,Address Country,Phone number,Website,Email address,"
    "Date Designated,D.O.B,Nationality(/ies),National Identifier number,"
    "National Identifier additional information,Passport number,"
    "Passport additional information,Position,Gender,Town of birth,Country of birth,"
    "Type of entity,Subsidiaries,Parent company,Business registration number(s),IMO number,"
    "Current owner/operator(s),Previous owner/operator(s),Current believed flag of ship,"
    "Previous flags,Type of ship,Tonnage of ship,Length of ship,Year Built,"
    "Hull identification number (HIN)"
)
HEADER = HEADER_LINE.split(",")


def row(
    unique: str, group: str, surname: str, given: str, name_type: str, **cells: str
) -> list[str]:
    values = dict.fromkeys(HEADER, "")
    values.update({"Unique ID": unique, "OFSI Group ID": group, "Name 6": surname})
    values.update({"Name 1": given, "Name type": name_type, "Regime Name": "Russia"})
    values.update({"Designation Type": "Individual"})
    values.update(cells)
    return [values[column] for column in HEADER]


ROWS = [
    row("RUS1635", "15579", "GAZARYAN", "Yury", "Primary Name", **{
        "Name non-latin script": "Юрий Гарунович Газарян", "D.O.B": "23/07/1974",
        "Nationality(/ies)": "Russia", "Town of birth": "Baku", "Country of birth": "Azerbaijan",
    }),
    row("RUS1635", "15579", "GAZARYAN", "Yuri", "Primary Name Variation",
        **{"D.O.B": "23/07/1974"}),
    row("RUS1635", "15579", "YURA", "", "Alias", **{"Alias strength": "Low quality"}),
    row("RUS9999", "", "ALFA SHIPPING", "", "Primary Name", **{
        "Designation Type": "Ship", "IMO number": "9187629",
        "Current believed flag of ship": "Iran",
    }),
]  # fmt: skip


def fcdo_csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    buffer.write("Report Date: 13-Feb-2026\r\n")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return buffer.getvalue()


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "UK-Sanctions-List.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_reads_designations(tmp_path: Path) -> None:
    path = write(tmp_path, fcdo_csv(ROWS))
    assert detect_format(path) == "uk_fcdo_csv"
    loaded = load_list(path, allow_partial=True)  # a few targets: partial
    assert loaded.snapshot.published == "2026-02-13"
    person, ship = loaded.entities
    assert person.id == "uk-15579"  # the OFSI Group ID, as in the old ConList
    assert person.names == ["Yury GAZARYAN", "Юрий Гарунович Газарян", "Yuri GAZARYAN"]
    assert person.weak_names == ["YURA"]
    assert person.birth_dates == ["1974-07-23"]
    assert person.birth_places == ["Baku, Azerbaijan"]
    assert person.countries == ["ru"]
    assert ship.id == "uk-RUS9999"  # no group id yet: the Unique ID
    assert ship.schema_ == "Vessel"
    assert ship.countries == ["ir"]
    assert [(i.type, i.value) for i in ship.identifiers] == [("imo", "9187629")]


def test_cut_mid_row_fails(tmp_path: Path) -> None:
    text = fcdo_csv(ROWS)
    path = write(tmp_path, text[: text.rindex("ALFA SHIPPING")])
    with pytest.raises(ListLoadError, match="expected 58 columns") as error:
        read_uk_fcdo_csv(path)
    assert str(path) in str(error.value)


def test_unknown_designation_type_fails(tmp_path: Path) -> None:
    rows = [*ROWS, row("X1", "", "X", "", "Primary Name", **{"Designation Type": "Planet"})]
    with pytest.raises(ListLoadError, match="unknown Designation Type"):
        read_uk_fcdo_csv(write(tmp_path, fcdo_csv(rows)))
