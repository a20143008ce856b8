"""Fetching into the store: atomic versions, fail-closed verification, manifest contents."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from screening.sources.registry import Source
from screening.store import (
    CURRENT,
    DownloadLimits,
    FetchError,
    ListStore,
    download,
    fetch,
)
from tests.store.conftest import Server, entity, generated, jsonl

T0 = datetime(2025, 1, 6, 12, 0, tzinfo=UTC)


def at(moment: datetime):  # type: ignore[no-untyped-def]
    return lambda: moment


def first_fetch(server: Server, source: Source, store_dir: Path, count: int = 10) -> None:
    server.put(source.name, "list.jsonl", generated(count))
    fetch(source, store_dir, server.base_url, now=at(T0))


def leftovers(store_dir: Path, source: Source) -> list[str]:
    return [p.name for p in (store_dir / source.name).glob(".tmp-*")]


def test_fetch_stores_a_verified_version_with_its_manifest(
    server: Server, test_source: Source, store_dir: Path
) -> None:
    served = server.put(test_source.name, "list.jsonl", generated(10))

    result = fetch(test_source, store_dir, server.base_url, now=at(T0))

    assert result.changed and result.previous is None
    version = result.current
    assert version.version == "20250106T120000Z"
    assert (store_dir / "testlist" / CURRENT).read_text().strip() == version.version
    assert (version.data_dir / "list.jsonl").read_bytes() == served.read_bytes()
    manifest = version.manifest
    assert manifest.source == "testlist"
    assert manifest.entities == 10
    assert manifest.schemas == {"Organization": 5, "Person": 5}
    assert manifest.downloaded_at == T0
    [record] = manifest.files
    assert record.url == f"{server.base_url}/testlist/list.jsonl"
    assert record.sha256 == hashlib.sha256(served.read_bytes()).hexdigest()
    assert record.size == served.stat().st_size
    assert ListStore(store_dir).current("testlist") == version


def test_unchanged_list_keeps_its_version_and_records_the_check(
    server: Server, test_source: Source, store_dir: Path
) -> None:
    first_fetch(server, test_source, store_dir)
    later = T0 + timedelta(days=3)

    result = fetch(test_source, store_dir, server.base_url, now=at(later))

    assert not result.changed
    assert result.current.version == "20250106T120000Z"
    assert result.current.manifest.checked_at == later
    assert result.current.manifest.downloaded_at == T0
    assert len(ListStore(store_dir).versions("testlist")) == 1


def test_new_content_becomes_current_and_the_previous_is_kept(
    server: Server, test_source: Source, store_dir: Path
) -> None:
    first_fetch(server, test_source, store_dir)
    server.put(test_source.name, "list.jsonl", generated(12))

    result = fetch(test_source, store_dir, server.base_url, now=at(T0 + timedelta(days=1)))

    assert result.changed
    assert result.previous is not None and result.previous.version == "20250106T120000Z"
    assert result.current.version == "20250107T120000Z"
    assert result.current.manifest.entities == 12
    store = ListStore(store_dir)
    assert [v.version for v in store.versions("testlist")] == [
        "20250106T120000Z",
        "20250107T120000Z",
    ]
    assert store.get("testlist", "previous").version == "20250106T120000Z"


def test_two_fetches_in_one_second_get_distinct_versions(
    server: Server, test_source: Source, store_dir: Path
) -> None:
    first_fetch(server, test_source, store_dir)
    server.put(test_source.name, "list.jsonl", generated(11))

    result = fetch(test_source, store_dir, server.base_url, now=at(T0))

    assert result.current.version == "20250106T120000Z-1"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"id": "T-1", "names": ["A B"]}\n{not json\n', "does not parse"),
        ("", "empty response"),
        ("\n\n", "list.jsonl: file is empty"),
    ],
)
def test_a_broken_list_is_refused_and_the_previous_stays_current(
    server: Server, test_source: Source, store_dir: Path, content: str, reason: str
) -> None:
    first_fetch(server, test_source, store_dir)
    server.put(test_source.name, "list.jsonl", content)

    with pytest.raises(FetchError, match=reason):
        fetch(test_source, store_dir, server.base_url, now=at(T0 + timedelta(days=1)))

    store = ListStore(store_dir)
    current = store.current("testlist")
    assert current is not None and current.version == "20250106T120000Z"
    assert len(store.versions("testlist")) == 1
    assert leftovers(store_dir, test_source) == []


def test_a_failed_download_leaves_nothing_behind(
    server: Server, test_source: Source, store_dir: Path
) -> None:
    first_fetch(server, test_source, store_dir)
    (server.root / test_source.name / "list.jsonl").unlink()

    with pytest.raises(FetchError, match="HTTP 404"):
        fetch(test_source, store_dir, server.base_url, now=at(T0 + timedelta(days=1)))

    current = ListStore(store_dir).current("testlist")
    assert current is not None and current.version == "20250106T120000Z"
    assert leftovers(store_dir, test_source) == []


def test_a_first_fetch_that_fails_stores_nothing(
    server: Server, test_source: Source, store_dir: Path
) -> None:
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch(test_source, store_dir, server.base_url, now=at(T0))

    assert ListStore(store_dir).current("testlist") is None
    assert ListStore(store_dir).sources() == []


def test_an_implausibly_small_list_is_refused(
    server: Server, test_source: Source, store_dir: Path
) -> None:
    first_fetch(server, test_source, store_dir, count=100)
    server.put(test_source.name, "list.jsonl", generated(49))

    with pytest.raises(FetchError, match="fewer than 50% of the 100"):
        fetch(test_source, store_dir, server.base_url, now=at(T0 + timedelta(days=1)))

    current = ListStore(store_dir).current("testlist")
    assert current is not None and current.manifest.entities == 100


def test_a_shrinking_list_is_accepted_when_the_user_lowers_the_ratio(
    server: Server, test_source: Source, store_dir: Path
) -> None:
    first_fetch(server, test_source, store_dir, count=100)
    server.put(test_source.name, "list.jsonl", generated(49))

    result = fetch(
        test_source, store_dir, server.base_url, min_ratio=0.4, now=at(T0 + timedelta(days=1))
    )

    assert result.current.manifest.entities == 49


def test_old_versions_are_pruned_but_the_previous_is_kept(
    server: Server, test_source: Source, store_dir: Path
) -> None:
    for day in range(4):
        server.put(test_source.name, "list.jsonl", generated(10 + day))
        fetch(test_source, store_dir, server.base_url, keep=2, now=at(T0 + timedelta(days=day)))

    versions = [v.version for v in ListStore(store_dir).versions("testlist")]
    assert versions == ["20250108T120000Z", "20250109T120000Z"]


def test_download_refuses_a_file_over_the_size_limit(server: Server, tmp_path: Path) -> None:
    server.put("big", "file.jsonl", "x" * 5000)

    with pytest.raises(FetchError, match="limit"):
        download(
            f"{server.base_url}/big/file.jsonl",
            tmp_path / "file.jsonl",
            DownloadLimits(max_bytes=1000),
        )


def test_download_refuses_addresses_other_than_http(tmp_path: Path) -> None:
    with pytest.raises(FetchError, match="only http and https"):
        download("file:///etc/passwd", tmp_path / "x", DownloadLimits())


def test_download_reports_a_refused_connection(tmp_path: Path) -> None:
    with pytest.raises(FetchError, match="cannot connect"):
        download("http://127.0.0.1:9/list.jsonl", tmp_path / "x", DownloadLimits(timeout=2))


def test_every_file_of_a_multi_file_source_is_recorded(
    server: Server, store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from screening.sources import registry
    from screening.sources.registry import SourceFile

    source = Source(
        name="pair",
        title="two files",
        publisher="tests",
        homepage="",
        files=(SourceFile("a.jsonl", "http://unused/a"), SourceFile("b.jsonl", "http://unused/b")),
        formats=("jsonl",),
        min_entities=1,
        stale_after_days=30,
    )
    monkeypatch.setitem(registry.SOURCES, "pair", source)
    server.put("pair", "a.jsonl", jsonl([entity(1)]))
    server.put("pair", "b.jsonl", jsonl([entity(2)]))

    result = fetch("pair", store_dir, server.base_url, now=at(T0))

    assert [f.name for f in result.current.manifest.files] == ["a.jsonl", "b.jsonl"]
    assert result.current.manifest.entities == 2
