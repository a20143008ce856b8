"""A fetch cannot be fooled into storing a cut, shrunken, older or foreign list.

The files are served by a small HTTP server on 127.0.0.1 that can leave out the
Content-Length header, close the connection early, or trickle its bytes.
"""

from __future__ import annotations

import fcntl
import json
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from screening.cli import main
from screening.cli.common import EXIT_OK
from screening.sources.registry import Source, get_source
from screening.store import (
    DownloadLimits,
    FetchError,
    ListStore,
    Manifest,
    StoredVersion,
    fetch,
    staleness_warnings,
)
from tests.store.conftest import Server, generated

T0 = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


@dataclass
class Behaviour:
    """How the raw server answers: bytes cut off, no length header, a delay per byte."""

    cut_at: int | None = None
    send_length: bool = True
    byte_delay: float = 0.0
    files: dict[str, bytes] = field(default_factory=dict)  # "/source/name" -> content


@pytest.fixture
def raw_server() -> Iterator[tuple[str, Behaviour]]:
    behaviour = Behaviour()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            data = behaviour.files.get(self.path)
            if data is None:
                self.send_error(404)
                return
            self.send_response(200)
            if behaviour.send_length:
                self.send_header("Content-Length", str(len(data)))
            self.send_header("Connection", "close")
            self.end_headers()
            body = data if behaviour.cut_at is None else data[: behaviour.cut_at]
            try:
                if behaviour.byte_delay:
                    for position in range(len(body)):
                        self.wfile.write(body[position : position + 1])
                        self.wfile.flush()
                        time.sleep(behaviour.byte_delay)
                else:
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True

        def log_message(self, format: str, *args: object) -> None:
            del format, args

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", behaviour
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def serve_ofac_cons(behaviour: Behaviour, shared_dir: Path) -> dict[str, bytes]:
    folder = shared_dir / "lists/ofac/consolidated_non_sdn_2025-12"
    files = {
        f"/ofac-cons/{item.name}": (folder / item.name).read_bytes()
        for item in get_source("ofac-cons").files
    }
    behaviour.files.update(files)
    return files


def at(moment: datetime):  # type: ignore[no-untyped-def]
    return lambda: moment


# --- truncated downloads -----------------------------------------------------------------


def test_a_download_closed_early_without_length_is_refused_into_an_empty_store(
    raw_server: tuple[str, Behaviour], shared_dir: Path, store_dir: Path
) -> None:
    base_url, behaviour = raw_server
    files = serve_ofac_cons(behaviour, shared_dir)
    primary = files["/ofac-cons/cons_prim.csv"]
    behaviour.files["/ofac-cons/cons_prim.csv"] = primary[
        : primary.index(b"\r\n", len(primary) // 3) + 2
    ]
    behaviour.send_length = False

    with pytest.raises(FetchError, match="no closing 0x1A end-of-file byte"):
        fetch("ofac-cons", store_dir, base_url)
    assert ListStore(store_dir).current("ofac-cons") is None


def test_a_download_cut_short_is_refused_over_a_stored_version(
    raw_server: tuple[str, Behaviour], shared_dir: Path, store_dir: Path
) -> None:
    base_url, behaviour = raw_server
    files = serve_ofac_cons(behaviour, shared_dir)
    first = fetch("ofac-cons", store_dir, base_url)
    assert first.current.manifest.entities == 442
    primary = files["/ofac-cons/cons_prim.csv"]
    behaviour.files["/ofac-cons/cons_prim.csv"] = primary[
        : primary.index(b"\r\n", len(primary) * 7 // 10) + 2
    ]
    behaviour.send_length = False

    with pytest.raises(FetchError, match="no closing 0x1A"):
        fetch("ofac-cons", store_dir, base_url)
    assert ListStore(store_dir).require_current("ofac-cons").version == first.current.version


def test_a_first_fetch_is_held_to_the_source_floor(
    raw_server: tuple[str, Behaviour], shared_dir: Path, store_dir: Path
) -> None:
    base_url, behaviour = raw_server
    files = serve_ofac_cons(behaviour, shared_dir)
    lines = files["/ofac-cons/cons_prim.csv"].split(b"\r\n")
    behaviour.files["/ofac-cons/cons_prim.csv"] = b"\r\n".join(lines[:60]) + b"\r\n\x1a"

    with pytest.raises(FetchError, match="fewer than the 100 a first fetch of it must hold"):
        fetch("ofac-cons", store_dir, base_url)
    result = fetch("ofac-cons", store_dir, base_url, min_entities=50)
    assert result.current.manifest.checks[-1] == "first fetch: 60 entities, at least 50"


# --- plausibility ------------------------------------------------------------------------


def test_a_list_cannot_be_walked_down_in_steps(
    server: Server, test_source: Source, store_dir: Path
) -> None:
    server.put(test_source.name, "list.jsonl", generated(1003))
    fetch(test_source, store_dir, server.base_url, now=at(T0))
    server.put(test_source.name, "list.jsonl", generated(551))
    fetch(test_source, store_dir, server.base_url, now=at(T0.replace(day=3)))
    server.put(test_source.name, "list.jsonl", generated(300))

    with pytest.raises(
        FetchError, match=r"fewer than 50% of the 1003 in testlist@20260302T120000Z"
    ):
        fetch(test_source, store_dir, server.base_url, now=at(T0.replace(day=4)))
    assert ListStore(store_dir).require_current("testlist").manifest.entities == 551


def un_file(shared_dir: Path, generated_on: str) -> bytes:
    data = (shared_dir / "lists/un/UN_consolidated_2026-02-27.xml").read_bytes()
    return data.replace(b'dateGenerated="2026-02-27', f'dateGenerated="{generated_on}'.encode(), 1)


def test_an_older_publication_is_refused_as_a_rollback(
    raw_server: tuple[str, Behaviour], shared_dir: Path, store_dir: Path
) -> None:
    base_url, behaviour = raw_server
    behaviour.files["/un/consolidated.xml"] = un_file(shared_dir, "2026-02-27")
    stored = fetch("un", store_dir, base_url, now=at(T0))
    behaviour.files["/un/consolidated.xml"] = un_file(shared_dir, "2019-05-01")

    with pytest.raises(FetchError, match="published 2019-05-01, before the stored"):
        fetch("un", store_dir, base_url, now=at(T0.replace(day=3)))
    assert ListStore(store_dir).require_current("un").version == stored.current.version


def test_a_file_of_another_source_is_refused(
    raw_server: tuple[str, Behaviour], shared_dir: Path, store_dir: Path
) -> None:
    base_url, behaviour = raw_server
    behaviour.files["/un/consolidated.xml"] = (
        shared_dir / "lists/uk/ConList_2025-04-14.csv"
    ).read_bytes()

    with pytest.raises(FetchError, match="is a uk_csv list, not the un_xml un is published as"):
        fetch("un", store_dir, base_url)
    assert ListStore(store_dir).current("un") is None


def fcdo_xml(count: int) -> bytes:
    """A UK Sanctions List XML of ``count`` designations, in the published layout."""
    designations = "".join(
        f"<Designation><UniqueID>RUS{n}</UniqueID><OFSIGroupID>{20000 + n}</OFSIGroupID>"
        f"<Names><Name><Name1>Given{n}</Name1><Name6>SURNAME{n}</Name6>"
        "<NameType>Primary Name</NameType></Name></Names><RegimeName>Russia</RegimeName>"
        "<IndividualEntityShip>Individual</IndividualEntityShip></Designation>\n"
        for n in range(1, count + 1)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<Designations>'
        f"<DateGenerated>13/02/2026</DateGenerated>\n{designations}</Designations>\n"
    ).encode()


def test_uk_fetches_the_fcdo_sanctions_list_and_records_its_checks(
    raw_server: tuple[str, Behaviour],
    store_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    base_url, behaviour = raw_server
    assert [item.name for item in get_source("uk").files] == ["UK-Sanctions-List.xml"]
    behaviour.files["/uk/UK-Sanctions-List.xml"] = fcdo_xml(1200)

    result = fetch("uk", store_dir, base_url, now=at(T0))

    manifest = result.current.manifest
    assert manifest.entities == 1200
    assert manifest.list_format == "uk_fcdo_xml"
    assert manifest.published == "2026-02-13"
    assert manifest.checks[0] == "format: uk_fcdo_xml"
    assert main(["lists", "info", "--dir", str(store_dir)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "format      uk_fcdo_xml" in out
    assert "checked:    first fetch: 1200 entities, at least 1000" in out


def test_a_uk_download_cut_anywhere_is_refused(
    raw_server: tuple[str, Behaviour], store_dir: Path
) -> None:
    base_url, behaviour = raw_server
    data = fcdo_xml(3000)
    behaviour.files["/uk/UK-Sanctions-List.xml"] = data
    behaviour.cut_at = data.index(b"</Designation>", len(data) * 7 // 10) + len(b"</Designation>")
    behaviour.send_length = False

    with pytest.raises(FetchError, match="broken XML"):
        fetch("uk", store_dir, base_url, now=at(T0))


# --- staleness ---------------------------------------------------------------------------


def stored_version(tmp_path: Path, source: str, list_format: str, published: str) -> StoredVersion:
    manifest = Manifest(
        source=source,
        version="20260101T000000Z",
        downloaded_at=T0,
        checked_at=T0,
        published=published,
        files=[],
        entities=5000,
        schemas={},
        list_format=list_format,
    )
    return StoredVersion(path=tmp_path, manifest=manifest)


def test_a_retired_conlist_is_warned_about(tmp_path: Path) -> None:
    version = stored_version(tmp_path, "uk", "uk_csv", "2026-01-27")
    [retired, stale] = staleness_warnings(version, T0)
    assert "OFSI retired its Consolidated List on 28 January 2026" in retired
    assert "published 2026-01-27, 34 days ago" in stale


def test_a_fresh_list_gets_no_warning(tmp_path: Path) -> None:
    version = stored_version(tmp_path, "uk", "uk_fcdo_csv", "2026-02-27")
    assert staleness_warnings(version, T0) == []


def test_screen_warns_about_a_stale_stored_list(
    raw_server: tuple[str, Behaviour],
    shared_dir: Path,
    store_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    base_url, behaviour = raw_server
    behaviour.files["/un/consolidated.xml"] = un_file(shared_dir, "2025-01-02")
    fetch("un", store_dir, base_url)
    monkeypatch.setenv("SCREENING_CACHE_DIR", str(tmp_path / "cache"))
    capsys.readouterr()

    code = main(["screen", "Doku Umarov", "--list", "un", "--dir", str(store_dir)])

    assert code == EXIT_OK
    assert "was published 2025-01-02" in capsys.readouterr().err
    assert main(["lists", "info", "--dir", str(store_dir), "--json"]) == EXIT_OK
    captured = capsys.readouterr()
    [listed] = json.loads(captured.out)["lists"]
    assert listed["list_format"] == "un_xml"
    assert "was published 2025-01-02" in listed["warnings"][0]
    assert "was published 2025-01-02" in captured.err


# --- the download itself -----------------------------------------------------------------


def test_a_trickling_server_is_cut_at_the_deadline_and_the_lock_released(
    raw_server: tuple[str, Behaviour], store_dir: Path, test_source: Source
) -> None:
    base_url, behaviour = raw_server
    behaviour.files["/testlist/list.jsonl"] = generated(50).encode("utf-8")
    behaviour.byte_delay = 0.02
    limits = DownloadLimits(timeout=5.0, deadline=0.5)

    started = time.monotonic()
    with pytest.raises(FetchError, match=r"not complete after 0\.5 s"):
        fetch(test_source, store_dir, base_url, limits=limits)
    assert time.monotonic() - started < 3.0

    handle = os.open(store_dir / "testlist" / ".lock", os.O_RDWR)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)  # raises if still held
    finally:
        os.close(handle)


def test_the_lock_file_is_never_followed_through_a_link(
    server: Server, test_source: Source, store_dir: Path, tmp_path: Path
) -> None:
    server.put(test_source.name, "list.jsonl", generated(10))
    folder = store_dir / "testlist"
    folder.mkdir(parents=True)
    victim = tmp_path / "victim.txt"
    (folder / ".lock").symlink_to(victim)

    with pytest.raises(FetchError, match="lock file"):
        fetch(test_source, store_dir, server.base_url)
    assert not victim.exists()
