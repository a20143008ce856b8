"""screening.sources.common: CSV header and row checks shared by the UK readers."""

from __future__ import annotations

from pathlib import Path

import pytest

from screening.errors import ListLoadError
from screening.sources.common import header_columns, rows_by_column

HEADER = ["Name 6", "Group ID"]
PATH = Path("list.csv")


def test_rows_by_column_keys_values_and_skips_blank_rows() -> None:
    records = [(3, [" ROMASHKA ", "1"]), (4, ["", " "]), (5, ["BUDNEV", "2"])]
    assert list(rows_by_column(records, HEADER, PATH)) == [
        ("list.csv:3", {"Name 6": "ROMASHKA", "Group ID": "1"}),
        ("list.csv:5", {"Name 6": "BUDNEV", "Group ID": "2"}),
    ]


@pytest.mark.parametrize(
    ("values", "trailing_empty"),
    [
        (["ROMASHKA"], False),  # cut short
        (["ROMASHKA"], True),
        (["ROMASHKA", "1", ""], False),  # an extra field, even empty
        (["ROMASHKA", "1", "x"], True),  # an extra field with a value
    ],
)
def test_rows_of_another_width_are_refused(values: list[str], trailing_empty: bool) -> None:
    rows = rows_by_column([(7, values)], HEADER, PATH, trailing_empty=trailing_empty)
    with pytest.raises(ListLoadError, match=r"list.csv:7: expected 2 columns"):
        list(rows)


def test_empty_trailing_fields_pass_when_allowed() -> None:
    rows = rows_by_column([(2, ["ROMASHKA", "1", " "])], HEADER, PATH, trailing_empty=True)
    assert [row for _, row in rows] == [{"Name 6": "ROMASHKA", "Group ID": "1"}]


def test_header_lacking_a_needed_column_is_refused() -> None:
    assert header_columns([" Name 6 ", "Group ID"], HEADER, PATH, "ConList") == HEADER
    with pytest.raises(ListLoadError, match=r"ConList header lacks columns \['Group ID'\]"):
        header_columns(["Name 6"], HEADER, PATH, "ConList")
