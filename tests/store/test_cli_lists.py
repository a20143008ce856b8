"""The ``screening lists`` commands and ``--list NAME`` resolution, end to end."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from screening.cli import lists as lists_cli
from screening.cli import main
from screening.cli.common import (
    DEFAULT_LIST,
    EXIT_FETCH_ERROR,
    EXIT_LIST_ERROR,
    EXIT_OK,
    EXIT_USAGE,
    list_paths,
    resolve_list,
)
from screening.errors import ListLoadError
from screening.sources import load_lists
from screening.sources.registry import Source
from screening.store import ENV_BASE_URL, ENV_STORE_DIR, ListStore
from tests.store.conftest import Server, entity, generated, jsonl


def fetch_cli(server: Server, store_dir: Path, *names: str) -> int:
    return main(["lists", "fetch", *names, "--dir", str(store_dir), "--base-url", server.base_url])


def two_versions(server: Server, store_dir: Path) -> None:
    server.put("testlist", "list.jsonl", generated(10))
    assert fetch_cli(server, store_dir, "testlist") == EXIT_OK
    changed = [entity(n) for n in range(2, 11)]
    changed[0]["names"].append("ALIAS Two")
    changed[1]["countries"] = ["RU"]
    changed.append(entity(11))
    server.put("testlist", "list.jsonl", jsonl(changed))
    assert fetch_cli(server, store_dir, "testlist") == EXIT_OK


# --- fetch -----------------------------------------------------------------------------


def test_fetch_reports_the_new_version(
    server: Server, test_source: Source, store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.put("testlist", "list.jsonl", generated(10))

    code = fetch_cli(server, store_dir, "testlist")

    out = capsys.readouterr().out
    assert code == EXIT_OK
    assert "testlist: fetched testlist@" in out
    assert "10 entities (Organization 5, Person 5)" in out


def test_fetch_takes_the_base_url_from_the_environment(
    server: Server,
    test_source: Source,
    store_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server.put("testlist", "list.jsonl", generated(3))
    monkeypatch.setenv(ENV_BASE_URL, server.base_url)

    code = main(["lists", "fetch", "testlist", "--dir", str(store_dir)])

    assert code == EXIT_OK
    assert ListStore(store_dir).current("testlist") is not None


def test_a_failed_fetch_exits_non_zero_and_says_what_stays(
    server: Server, test_source: Source, store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.put("testlist", "list.jsonl", generated(10))
    fetch_cli(server, store_dir, "testlist")
    server.put("testlist", "list.jsonl", generated(2))
    capsys.readouterr()

    code = fetch_cli(server, store_dir, "testlist")

    err = capsys.readouterr().err
    assert code == EXIT_FETCH_ERROR
    assert "fewer than 50%" in err and "stays current" in err


def test_fetch_rejects_an_unknown_list_name(
    store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["lists", "fetch", "nosuchlist", "--dir", str(store_dir)])

    assert code == EXIT_USAGE
    assert "unknown list" in capsys.readouterr().err


def test_fetch_targets_expand_all_in_registry_order() -> None:
    assert lists_cli.fetch_targets([]) == ["ofac", "ofac-cons", "uk", "eu", "un"]
    assert lists_cli.fetch_targets(["un", "all"]) == ["ofac", "ofac-cons", "uk", "eu", "un"]
    assert lists_cli.fetch_targets(["un", "uk", "un"]) == ["un", "uk"]
    assert lists_cli.fetch_targets(["un", "xx"]) is None


# --- info ------------------------------------------------------------------------------


def test_info_shows_each_stored_list(
    server: Server, test_source: Source, store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.put("testlist", "list.jsonl", generated(10))
    fetch_cli(server, store_dir, "testlist")
    capsys.readouterr()

    code = main(["lists", "info", "--dir", str(store_dir)])

    captured = capsys.readouterr()
    assert code == EXIT_OK
    assert "testlist: A generated test list" in captured.out
    assert "entities    10 (Organization 5, Person 5)" in captured.out
    assert "published   not stated in the file" in captured.out
    assert captured.err == ""


def test_info_warns_about_a_list_older_than_the_limit(
    server: Server,
    test_source: Source,
    store_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server.put("testlist", "list.jsonl", generated(10))
    fetch_cli(server, store_dir, "testlist")
    later = datetime.now(UTC) + timedelta(days=8)
    monkeypatch.setattr(lists_cli, "utc_now", lambda: later)
    capsys.readouterr()

    code = main(["lists", "info", "--dir", str(store_dir)])
    warned = capsys.readouterr().err
    main(["lists", "info", "--dir", str(store_dir), "--max-age-days", "30"])
    quiet = capsys.readouterr().err

    assert code == EXIT_OK
    assert "warning: testlist was last refreshed 8.0 days ago (limit 7)" in warned
    assert quiet == ""


def test_info_json_carries_the_manifest_and_age(
    server: Server, test_source: Source, store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    two_versions(server, store_dir)
    capsys.readouterr()

    main(["lists", "info", "--dir", str(store_dir), "--json"])

    [item] = json.loads(capsys.readouterr().out)["lists"]
    assert item["source"] == "testlist"
    assert item["entities"] == 10
    assert len(item["versions"]) == 2
    assert item["files"][0]["name"] == "list.jsonl"
    assert len(item["files"][0]["sha256"]) == 64
    assert item["age_days"] < 1


def test_info_on_an_empty_store_says_the_bundled_list_is_used(
    store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lists", "info", "--dir", str(store_dir)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "bundled" in out and "screening lists fetch" in out
    assert main(["lists", "info", "--dir", str(store_dir), "--json"]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert data["lists"] == [] and data["bundled"] == str(DEFAULT_LIST)


# --- diff ------------------------------------------------------------------------------


@pytest.fixture
def old_and_new(tmp_path: Path) -> tuple[Path, Path]:
    old = [entity(1), entity(2), entity(3), entity(4)]
    new = [
        entity(2, names=["NAME2 Surname2", "ALIAS Two"], birth_dates=["1970"]),
        entity(3, countries=["RU"], programs=["TEST", "RUSSIA-EO14024"]),
        entity(4),
        entity(5),
    ]
    (tmp_path / "old.jsonl").write_text(jsonl(old), encoding="utf-8")
    (tmp_path / "new.jsonl").write_text(jsonl(new), encoding="utf-8")
    return tmp_path / "old.jsonl", tmp_path / "new.jsonl"


def test_diff_lists_added_removed_and_changed(
    old_and_new: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = old_and_new

    code = main(["lists", "diff", str(old), str(new)])

    out = capsys.readouterr().out
    assert code == EXIT_OK
    assert "added 1, removed 1, changed 2" in out
    assert "  + T-5  NAME5 Surname5  [Person; TEST]" in out
    assert "  - T-1  NAME1 Surname1  [Person; TEST]" in out
    assert "names: + ALIAS Two" in out
    assert "birth_dates: + 1970" in out
    assert "countries: + RU" in out
    assert "programs: + RUSSIA-EO14024" in out
    assert "T-4" not in out


def test_diff_json_is_machine_readable(
    old_and_new: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = old_and_new

    main(["lists", "diff", str(old), str(new), "--json"])

    payload = json.loads(capsys.readouterr().out)
    assert payload["summary"] == {"added": 1, "removed": 1, "changed": 2}
    assert [e["id"] for e in payload["added"]] == ["T-5"]
    assert [e["id"] for e in payload["removed"]] == ["T-1"]
    changes = {c["id"]: c["changes"] for c in payload["changed"]}
    assert changes["T-3"]["countries"] == {"added": ["RU"], "removed": []}
    assert changes["T-2"]["names"] == {"added": ["ALIAS Two"], "removed": []}


def test_diff_writes_the_delta_as_a_list_to_rescreen_against(
    old_and_new: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = old_and_new
    delta = tmp_path / "delta.jsonl"

    main(["lists", "diff", str(old), str(new), "--write-delta", str(delta)])

    [loaded] = load_lists(delta)
    assert sorted(e.id for e in loaded.entities) == ["T-2", "T-3", "T-5"]


def test_diff_between_stored_versions(
    server: Server, test_source: Source, store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    two_versions(server, store_dir)
    capsys.readouterr()

    code = main(["lists", "diff", "testlist@previous", "testlist", "--dir", str(store_dir)])

    out = capsys.readouterr().out
    assert code == EXIT_OK
    assert "added 1, removed 1, changed 2" in out
    assert out.startswith("testlist@2")


def test_diff_of_an_unknown_version_is_a_list_error(
    server: Server, test_source: Source, store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    two_versions(server, store_dir)

    code = main(["lists", "diff", "testlist@20000101T000000Z", "testlist", "--dir", str(store_dir)])

    assert code == EXIT_LIST_ERROR
    assert "no such version" in capsys.readouterr().err


# --- --list resolution -------------------------------------------------------------------


def test_no_list_means_the_bundled_default() -> None:
    assert list_paths(None) == [DEFAULT_LIST]


def test_a_list_name_selects_the_current_stored_version(
    server: Server, test_source: Source, store_dir: Path
) -> None:
    two_versions(server, store_dir)
    store = ListStore(store_dir)
    current = store.current("testlist")
    assert current is not None

    assert list_paths(["testlist"], store_dir) == [current.data_dir]
    previous = resolve_list("testlist@previous", store_dir)
    assert previous.path == store.get("testlist", "previous").data_dir
    assert previous.label.startswith("testlist@")


def test_a_list_name_not_yet_fetched_is_a_clear_error(test_source: Source, store_dir: Path) -> None:
    with pytest.raises(ListLoadError, match="screening lists fetch testlist"):
        list_paths(["testlist"], store_dir)


def test_the_store_comes_from_the_environment(
    server: Server, test_source: Source, store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    two_versions(server, store_dir)
    monkeypatch.setenv(ENV_STORE_DIR, str(store_dir))

    [path] = list_paths(["testlist"])

    assert path.parent.parent == store_dir / "testlist"


def test_a_path_is_read_as_a_file_or_folder(tmp_path: Path) -> None:
    (tmp_path / "mine.jsonl").write_text(generated(1), encoding="utf-8")

    assert list_paths([str(tmp_path / "mine.jsonl"), str(tmp_path)]) == [
        tmp_path / "mine.jsonl",
        tmp_path,
    ]


def test_a_missing_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ListLoadError, match="no such file or folder, nor a list name"):
        list_paths([str(tmp_path / "missing.jsonl")])


def test_screen_runs_against_a_stored_list_by_name(
    server: Server,
    test_source: Source,
    store_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server.put("testlist", "list.jsonl", generated(10))
    fetch_cli(server, store_dir, "testlist")
    monkeypatch.setenv(ENV_STORE_DIR, str(store_dir))
    capsys.readouterr()

    code = main(["screen", "NAME3 Surname3", "--list", "testlist", "--json"])

    result = json.loads(capsys.readouterr().out)
    assert code == EXIT_OK
    assert result["lists"][0]["entities"] == 10
    assert result["hits"][0]["entity_id"] == "T-3"


def test_build_screener_starts_from_the_cache_the_second_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from screening.cache import ENV_CACHE_DIR
    from screening.cli.common import build_screener
    from screening.settings import Settings

    (tmp_path / "mine.jsonl").write_text(generated(5), encoding="utf-8")
    monkeypatch.setenv(ENV_CACHE_DIR, str(tmp_path / "cache"))
    spec = [str(tmp_path / "mine.jsonl")]

    first = build_screener(spec, Settings())
    second = build_screener(spec, Settings())
    uncached = build_screener(spec, Settings(), use_cache=False)

    assert len(list((tmp_path / "cache").iterdir())) == 1
    assert first.snapshots == second.snapshots == uncached.snapshots
