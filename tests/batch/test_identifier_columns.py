"""Identifier columns in batch (``--id-column TYPE=COLUMN``) and ``--id`` on ``screen``:
a file of IMO numbers or wallets without any name column screens by identifier alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from screening.batch import ColumnMap, screen_csv, screen_records
from screening.cli import main
from screening.model import Entity, Identifier
from screening.screener import Screener
from tests.batch.conftest import write_csv

VESSEL = Entity(
    id="v-tanker",
    schema="Vessel",
    names=["ARTAVIL"],
    identifiers=[Identifier(type="imo", value="9187629")],
)
WALLETS = Entity(
    id="o-wallets",
    schema="Organization",
    names=["GARANTEX EUROPE"],
    identifiers=[Identifier(type="crypto_xbt", value="1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")],
)


@pytest.fixture(scope="module")
def id_screener() -> Screener:
    return Screener.from_entities([VESSEL, WALLETS], source="test")


@pytest.fixture(scope="module")
def id_list_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("lists") / "ids.jsonl"
    lines = [json.dumps(entity.model_dump(by_alias=True)) for entity in (VESSEL, WALLETS)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


ROWS = [
    ["ref", "imo", "wallet"],
    ["1", "IMO 918-7629", ""],
    ["2", "", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"],
    ["3", "9187620", ""],  # a wrong check digit
    ["4", "", ""],
    ["5", "9354521", ""],  # valid, listed nowhere
]


def test_an_identifier_only_file_screens_every_row(id_screener: Screener, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "in.csv", ROWS)
    out = tmp_path / "out.jsonl"
    columns = ColumnMap(id="ref", identifiers=(("imo", "imo"), ("crypto_xbt", "wallet")))
    summary = screen_csv(id_screener, source, out, columns=columns, workers=1)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [row["status"] for row in rows] == ["hit", "hit", "error", "error", "clear"]
    assert rows[0]["hits"][0]["entity_id"] == "v-tanker"
    assert rows[1]["hits"][0]["entity_id"] == "o-wallets"
    assert "9187620" in rows[2]["error"] and "IMO" in rows[2]["error"]
    assert rows[3]["error"] == "empty name and no identifier"
    assert summary.counts.rows == 5


def test_names_and_identifiers_together(id_screener: Screener) -> None:
    records = [{"name": "Blue Horizon", "imo": "9187629"}, {"name": "Artavil", "imo": ""}]
    columns = ColumnMap(identifiers=(("imo", "imo"),))
    rows = list(screen_records(id_screener, records, columns=columns))
    assert [row.status for row in rows] == ["hit", "hit"]
    assert [row.hits[0].entity_id for row in rows] == ["v-tanker", "v-tanker"]


def test_a_bad_identifier_type_is_an_error_row(id_screener: Screener) -> None:
    columns = ColumnMap(identifiers=(("imo number", "imo"),))
    (row,) = screen_records(id_screener, [{"name": "Artavil", "imo": "9187629"}], columns=columns)
    assert row.status == "error" and "identifier type" in (row.error or "")


def test_the_command_line_takes_identifier_columns(tmp_path: Path, id_list_file: Path) -> None:
    source = write_csv(tmp_path / "in.csv", ROWS)
    out = tmp_path / "out.jsonl"
    code = main(
        [
            "batch",
            str(source),
            "-o",
            str(out),
            "--list",
            str(id_list_file),
            "--id-column",
            "ref",
            "--id-column",
            "imo=imo",
            "--id-column",
            "crypto_xbt=wallet",
            "--workers",
            "1",
            "-q",
        ]
    )
    assert code == 1  # two rows could not be screened, and say why
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in rows] == ["1", "2", "3", "4", "5"]
    assert [row["status"] for row in rows] == ["hit", "hit", "error", "error", "clear"]


def test_screen_takes_ids(id_list_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["screen", "--list", str(id_list_file), "--id", "imo:IMO 9187629", "--json"])
    assert code == 0
    result = json.loads(capsys.readouterr().out)
    assert [hit["entity_id"] for hit in result["hits"]] == ["v-tanker"]
    code = main(["screen", "--list", str(id_list_file), "--id", "imo:9187620"])
    assert code == 0
    assert "warning" in capsys.readouterr().out


@pytest.mark.parametrize("option", ["imo", "imo:", "im o:9187629"])
def test_bad_id_options_are_usage_errors(id_list_file: Path, option: str) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["screen", "--list", str(id_list_file), "--id", option])
    assert stopped.value.code == 2
