"""The generic CSV format of a user's own list."""

from __future__ import annotations

from pathlib import Path

import pytest

from screening.errors import ListLoadError
from screening.sources import detect_format, load_list
from screening.sources.generic_csv import read_generic_csv

GOOD = (
    "id,schema,name,aliases,weak_aliases,birth_dates,countries,programs\n"
    'c-1,Person,Ivan PETROV,"Ivan Petrov; I. PETROV",Vanya,1970-01-31;1971,RU;Ukraine,watch\n'
    "c-2,,Acme Trading LLC,,,,,\n"
)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "internal.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_reads_the_documented_columns(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    assert detect_format(path) == "csv"
    loaded = load_list(path)
    petrov, acme = loaded.entities
    assert petrov.id == "c-1"
    assert petrov.schema_ == "Person"
    assert petrov.names == ["Ivan PETROV", "Ivan Petrov", "I. PETROV"]
    assert petrov.weak_names == ["Vanya"]
    assert petrov.birth_dates == ["1970-01-31", "1971"]
    assert petrov.countries == ["ru", "ua"]
    assert petrov.programs == ["watch"]
    assert acme.schema_ == "LegalEntity"
    assert loaded.snapshot.source == "internal"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("id,schema\nc-1,Person\n", "lacks required columns"),
        ("id,name,schema\nc-1,X,Robot\n", "unknown schema"),
        ("id,name,birth_dates\nc-1,X,31.01.1970\n", "birth date"),
        ("id,name,countries\nc-1,X,Atlantis\n", "unknown country"),
        ("id,name\nc-1,X\nc-2\n", "expected 2 columns"),
        ('id,name\nc-1,"X\n', "broken CSV"),
        ("id,name\nc-1,\n", "no name"),
        ("id,name\nc-1,X\nc-1,Y\n", "duplicate entity ids"),
        ("id,name\n", "no entities"),
    ],
)
def test_bad_rows_fail_with_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ListLoadError, match=message) as error:
        read_generic_csv(path)
    assert str(path) in str(error.value)
