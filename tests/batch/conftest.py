"""Fixtures of the batch tests: a small real screener, its list as a file, CSV writers.

Tests marked ``slow`` (the million-row memory check) are skipped unless ``-m slow``
is given or ``SCREENING_RUN_SLOW=1`` is set, so the default run stays quick.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from screening.model import Entity
from screening.screener import Screener

ENTITIES = [
    Entity(
        id="p-budnev",
        schema="Person",
        names=["Aleksey BUDNEV", "Alexei Budnev"],
        birth_dates=["1970-01-02"],
        countries=["ru"],
    ),
    Entity(id="p-putin", schema="Person", names=["Vladimir Vladimirovich PUTIN"], countries=["ru"]),
    Entity(id="o-romashka", schema="Organization", names=["OOO Romashka"], countries=["ru"]),
    Entity(id="o-vector", schema="Organization", names=["VECTOR TRADING LLC"]),
]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: long-running; run with -m slow")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    wanted = "slow" in (config.getoption("markexpr", "") or "")
    if wanted or os.environ.get("SCREENING_RUN_SLOW") == "1":
        return
    skip = pytest.mark.skip(reason="slow: run with -m slow or SCREENING_RUN_SLOW=1")
    here = Path(__file__).parent
    for item in items:  # every test of the session comes through here: touch only ours
        if "slow" in item.keywords and item.path.is_relative_to(here):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def screener() -> Screener:
    return Screener.from_entities(ENTITIES, source="test")


@pytest.fixture(scope="session")
def list_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same entities as a JSON Lines list file, for the command-line tests."""
    path = tmp_path_factory.mktemp("lists") / "test-list.jsonl"
    lines = [json.dumps(entity.model_dump(by_alias=True)) for entity in ENTITIES]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_csv(
    path: Path,
    rows: list[list[str]],
    delimiter: str = ",",
    encoding: str = "utf-8",
    bom: bool = False,
) -> Path:
    """A CSV file written by hand (not by ``csv``), so tests control every byte."""

    def cell(value: str) -> str:
        if any(ch in value for ch in f'"{delimiter}\r\n'):
            return '"' + value.replace('"', '""') + '"'
        return value

    text = "".join(delimiter.join(cell(v) for v in row) + "\n" for row in rows)
    data = text.encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path
