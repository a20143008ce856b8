"""The index cache: a hit skips the build, anything doubtful is rebuilt."""

from __future__ import annotations

import dataclasses
import json
import os
import pickle
from pathlib import Path
from typing import Any

import pytest

import screening.screener
from screening import cache
from screening.cache import cache_key, load_screener_cached
from screening.index import NameIndex
from screening.model import Entity
from screening.settings import Settings
from tests.store.conftest import generated


@pytest.fixture
def list_file(tmp_path: Path) -> Path:
    path = tmp_path / "lists" / "list.jsonl"
    path.parent.mkdir()
    path.write_text(generated(20), encoding="utf-8")
    return path


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / "cache"


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts index builds, so a test can tell a cache hit from a rebuild: the screener is
    where an index is built (a compiled NameIndex's own methods cannot be replaced)."""
    calls: list[int] = []
    build = NameIndex.build

    class CountingBuilds:
        @staticmethod
        def build(entities: list[Entity], *rest: Any) -> NameIndex:
            calls.append(len(entities))
            return build(entities, *rest)

    monkeypatch.setattr(screening.screener, "NameIndex", CountingBuilds)
    return calls


def fields(index: NameIndex) -> dict[str, object]:
    """What an index holds, field by field (a compiled index has no ``__dict__``)."""
    return {field.name: getattr(index, field.name) for field in dataclasses.fields(index)}


def entries(cache_dir: Path) -> list[Path]:
    return sorted(cache_dir.glob(f"*{cache.SUFFIX}"))


def test_second_load_comes_from_the_cache(
    list_file: Path, cache_dir: Path, builds: list[int]
) -> None:
    first = load_screener_cached([list_file], Settings(), cache_dir)
    second = load_screener_cached([list_file], Settings(), cache_dir)

    assert builds == [20]
    assert len(entries(cache_dir)) == 1
    assert second.snapshots == first.snapshots
    assert isinstance(second.index, NameIndex)


def test_cached_and_fresh_screeners_give_the_same_answer(list_file: Path, cache_dir: Path) -> None:
    fresh = load_screener_cached([list_file], Settings(), cache_dir)
    cached = load_screener_cached([list_file], Settings(), cache_dir)

    query = "NAME7 Surname7"
    assert cached.screen(query).model_dump() == fresh.screen(query).model_dump()


def test_a_changed_list_file_misses_the_cache(
    list_file: Path, cache_dir: Path, builds: list[int]
) -> None:
    load_screener_cached([list_file], Settings(), cache_dir)
    list_file.write_text(generated(21), encoding="utf-8")

    screener = load_screener_cached([list_file], Settings(), cache_dir)

    assert builds == [20, 21]
    assert screener.snapshots[0].entities == 21


def test_other_settings_miss_the_cache(list_file: Path, cache_dir: Path) -> None:
    assert cache_key([list_file], Settings()) != cache_key([list_file], Settings(threshold=0.9))


def test_a_corrupt_entry_is_ignored_and_rebuilt(
    list_file: Path, cache_dir: Path, builds: list[int]
) -> None:
    load_screener_cached([list_file], Settings(), cache_dir)
    [entry] = entries(cache_dir)
    entry.write_bytes(entry.read_bytes()[:100])

    screener = load_screener_cached([list_file], Settings(), cache_dir)
    load_screener_cached([list_file], Settings(), cache_dir)

    assert builds == [20, 20]
    assert screener.snapshots[0].entities == 20


def test_an_entry_made_for_another_key_is_not_trusted(
    list_file: Path, cache_dir: Path, builds: list[int]
) -> None:
    load_screener_cached([list_file], Settings(), cache_dir)
    [entry] = entries(cache_dir)
    list_file.write_text(generated(25), encoding="utf-8")
    # Plant the old entry under the new key, as a stale copy or a rename would.
    entry.rename(cache_dir / f"{cache_key([list_file], Settings())}{cache.SUFFIX}")

    screener = load_screener_cached([list_file], Settings(), cache_dir)

    assert builds == [20, 25]
    assert screener.snapshots[0].entities == 25


def test_a_pickle_planted_as_an_entry_is_never_unpickled(
    list_file: Path, cache_dir: Path, builds: list[int], tmp_path: Path
) -> None:
    key = cache_key([list_file], Settings())
    cache_dir.mkdir()
    entry = cache_dir / f"{key}{cache.SUFFIX}"
    marker = tmp_path / "code-ran"
    entry.write_bytes(pickle.dumps(Planted(str(marker))))
    os.chmod(entry, 0o600)

    screener = load_screener_cached([list_file], Settings(), cache_dir)

    assert not marker.exists()
    assert builds == [20]
    assert screener.snapshots[0].entities == 20


def test_pickled_entries_of_the_old_format_are_deleted(list_file: Path, cache_dir: Path) -> None:
    cache_dir.mkdir()
    old = cache_dir / f"{'0' * 64}{cache.PICKLE_SUFFIX}"
    old.write_bytes(pickle.dumps({"format": 1}))

    load_screener_cached([list_file], Settings(), cache_dir)

    assert not old.exists()
    assert len(entries(cache_dir)) == 1


class Planted:
    """An object whose unpickling would create a file: what a planted pickle can do."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (Path.write_text, (Path(self.path), "ran"))  # type: ignore[return-value]


def test_an_edited_entry_is_rebuilt_from_the_lists(
    list_file: Path, cache_dir: Path, builds: list[int]
) -> None:
    load_screener_cached([list_file], Settings(), cache_dir)
    [entry] = entries(cache_dir)
    # Remove a listed name from the cached tables, as a tampering user would.
    data = entry.read_bytes()
    entry.write_bytes(data.replace(b"NAME7 Surname7", b"NAME7 Surnamx7"))

    screener = load_screener_cached([list_file], Settings(), cache_dir)

    assert builds == [20, 20]
    assert screener.screen("NAME7 Surname7").hits[0].entity_id == "T-7"


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_an_entry_others_can_write_is_ignored(
    list_file: Path, cache_dir: Path, builds: list[int]
) -> None:
    load_screener_cached([list_file], Settings(), cache_dir)
    [entry] = entries(cache_dir)
    os.chmod(entry, 0o666)

    load_screener_cached([list_file], Settings(), cache_dir)

    assert builds == [20, 20]


def test_an_unwritable_cache_is_not_an_error(list_file: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")

    screener = load_screener_cached([list_file], Settings(), blocker / "cache")

    assert screener.snapshots[0].entities == 20


def test_a_folder_key_covers_every_file_in_it(tmp_path: Path) -> None:
    folder = tmp_path / "ofac"
    folder.mkdir()
    (folder / "sdn.csv").write_text("1\n")
    (folder / "alt.csv").write_text("a\n")
    before = cache_key([folder], Settings())

    (folder / "alt.csv").write_text("b\n")

    assert cache_key([folder], Settings()) != before


def test_the_cached_index_equals_the_built_one(list_file: Path, cache_dir: Path) -> None:
    fresh = load_screener_cached([list_file], Settings(), cache_dir)
    key = cache_key([list_file], Settings())

    entry = cache.read_entry(cache_dir / f"{key}{cache.SUFFIX}", key)

    assert entry is not None
    index, snapshots = entry
    assert fields(index) == fields(fresh.index)
    assert snapshots == fresh.snapshots


def test_an_index_of_real_names_survives_the_round_trip() -> None:
    from screening.cli.common import DEFAULT_LIST
    from screening.index_data import index_from_data, index_to_data
    from screening.sources import load_list

    built = NameIndex.build(load_list(DEFAULT_LIST).entities)
    tables, entities = index_to_data(built)

    restored = index_from_data(json.loads(json.dumps(tables)), entities)

    assert fields(restored) == fields(built)
    assert repr(restored.names) == repr(built.names)  # the same types, not just equal values
    assert any(name.parsed.legal_forms for name in built.names)  # the list has companies
    assert any(name.parsed.joined for name in built.names)
    assert any(name.parsed.origins for name in built.names) and built.origin_postings
