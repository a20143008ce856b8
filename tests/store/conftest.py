"""Fixtures for the list store tests: a local HTTP server and small generated lists.

Nothing here touches the internet: every fetch goes to a server on 127.0.0.1 serving a
temporary folder that each test fills with the files it needs.
"""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from screening.sources import registry
from screening.sources.registry import Source, SourceFile

TEST_SOURCE = Source(
    name="testlist",
    title="A generated test list",
    publisher="the test suite",
    homepage="http://127.0.0.1/",
    files=(SourceFile(name="list.jsonl", url="http://127.0.0.1:9/unused/list.jsonl"),),
    formats=("jsonl",),
    min_entities=1,
    stale_after_days=30,
)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        del format, args


@dataclass
class Server:
    """A served folder: files written under ``root / source / name`` are downloadable."""

    root: Path
    base_url: str

    def put(self, source: str, name: str, data: str | bytes) -> Path:
        path = self.root / source / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        return path


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    root = tmp_path / "served"
    root.mkdir()
    handler = functools.partial(QuietHandler, directory=str(root))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield Server(root=root, base_url=f"http://127.0.0.1:{httpd.server_address[1]}")
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def test_source(monkeypatch: pytest.MonkeyPatch) -> Source:
    """The generated JSONL list, registered under the name ``testlist`` for this test."""
    monkeypatch.setitem(registry.SOURCES, TEST_SOURCE.name, TEST_SOURCE)
    return TEST_SOURCE


def entity(number: int, **fields: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": f"T-{number}",
        "schema": "Person" if number % 2 else "Organization",
        "names": [f"NAME{number} Surname{number}"],
        "programs": ["TEST"],
    }
    data.update(fields)
    return data


def jsonl(entities: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in entities)


def generated(count: int, start: int = 1) -> str:
    """A JSON Lines list of ``count`` simple entities."""
    return jsonl([entity(n) for n in range(start, start + count)])
