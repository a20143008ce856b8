"""A list changed or cut after it was checked is refused where it is used, cache or not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from screening.cache import ENV_CACHE_DIR
from screening.cli import main
from screening.cli.common import EXIT_LIST_ERROR, EXIT_OK
from screening.sources.registry import Source
from screening.store import ENV_STORE_DIR, ListStore
from tests.sources.test_integrity import head
from tests.store.conftest import Server, generated


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "index-cache"
    monkeypatch.setenv(ENV_CACHE_DIR, str(folder))
    return folder


def stored_list(server: Server, store_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Fetch the generated test list; the path of its stored file."""
    server.put("testlist", "list.jsonl", generated(10))
    code = main(
        ["lists", "fetch", "testlist", "--dir", str(store_dir), "--base-url", server.base_url]
    )
    assert code == EXIT_OK
    monkeypatch.setenv(ENV_STORE_DIR, str(store_dir))
    current = ListStore(store_dir).require_current("testlist")
    return current.data_dir / "list.jsonl"


@pytest.mark.parametrize("cached_first", [False, True])
def test_a_stored_list_cut_inside_the_store_is_refused(
    server: Server,
    test_source: Source,
    store_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    cached_first: bool,
) -> None:
    stored = stored_list(server, store_dir, monkeypatch)
    if cached_first:  # an index cache entry of the intact list exists
        assert main(["screen", "NAME9 Surname9", "--list", "testlist"]) == EXIT_OK
    lines = stored.read_text(encoding="utf-8").splitlines(keepends=True)
    stored.write_text("".join(lines[:5]), encoding="utf-8")
    capsys.readouterr()

    code = main(["screen", "NAME9 Surname9", "--list", "testlist", "--json"])

    captured = capsys.readouterr()
    assert code == EXIT_LIST_ERROR
    assert "list.jsonl differs from its manifest" in captured.err
    assert captured.out == ""


def test_a_stored_file_given_by_path_is_checked_too(
    server: Server,
    test_source: Source,
    store_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    stored = stored_list(server, store_dir, monkeypatch)
    assert main(["screen", "NAME9 Surname9", "--list", str(stored)]) == EXIT_OK
    stored.write_text(generated(3), encoding="utf-8")

    assert main(["screen", "NAME9 Surname9", "--list", str(stored)]) == EXIT_LIST_ERROR
    assert "list.jsonl differs from its manifest" in capsys.readouterr().err


def test_a_file_added_to_a_stored_version_is_refused(
    server: Server,
    test_source: Source,
    store_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    stored = stored_list(server, store_dir, monkeypatch)
    (stored.parent / "extra.jsonl").write_text(generated(1, start=50), encoding="utf-8")

    assert main(["screen", "NAME9 Surname9", "--list", "testlist"]) == EXIT_LIST_ERROR
    assert "extra.jsonl is not in the manifest" in capsys.readouterr().err


def test_screen_refuses_a_cut_list_unless_partial_is_allowed(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cut = head(shared_dir / "lists/ofac/sdn_2024-05-03/sdn.csv", tmp_path / "sdn.csv", 7000)

    assert main(["screen", "Yuriy Gazaryan", "--list", str(cut)]) == EXIT_LIST_ERROR
    assert "no closing 0x1A end-of-file byte" in capsys.readouterr().err

    code = main(["screen", "Yuriy Gazaryan", "--list", str(cut), "--allow-partial", "--json"])

    captured = capsys.readouterr()
    assert code == EXIT_OK
    [snapshot] = json.loads(captured.out)["lists"]
    assert snapshot["incomplete"] == ["sdn.csv: no closing 0x1A end-of-file byte (cut short?)"]
    assert "may be incomplete" in captured.err


def test_batch_records_a_partial_list_in_its_run_record(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cut = head(shared_dir / "lists/ofac/sdn_2024-05-03/sdn.csv", tmp_path / "sdn.csv", 7000)
    source = tmp_path / "in.csv"
    source.write_text("name\nYuriy Gazaryan\n", encoding="utf-8")
    out = tmp_path / "out.csv"

    assert main(["batch", str(source), "-o", str(out), "--list", str(cut)]) == EXIT_LIST_ERROR
    assert not out.exists()

    args = ["batch", str(source), "-o", str(out), "--list", str(cut), "--allow-partial"]
    assert main(args) == EXIT_OK

    record = json.loads((tmp_path / "out.csv.run.json").read_text(encoding="utf-8"))
    assert record["lists"][0]["incomplete"] == [
        "sdn.csv: no closing 0x1A end-of-file byte (cut short?)"
    ]
    assert "may be incomplete" in capsys.readouterr().err
