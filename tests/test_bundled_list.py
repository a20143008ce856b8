"""The bundled default list is what its manifest says, and loads cleanly."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from screening.bundled import BUNDLED_LIST
from screening.sources import load_list

LISTS = Path(__file__).resolve().parents[1] / "lists"


def test_manifest_describes_the_bundled_files() -> None:
    manifest = json.loads((LISTS / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["lists"], "the manifest lists nothing"
    for entry in manifest["lists"]:
        path = LISTS / entry["path"]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"], path
        loaded = load_list(path)
        assert loaded.snapshot.entities == entry["entities"]
        assert loaded.snapshot.sha256 == entry["sha256"]


def test_bundled_list_holds_the_seed_designations() -> None:
    loaded = load_list(BUNDLED_LIST)
    names = {name.upper() for entity in loaded.entities for name in entity.names}
    for expected in ("BUDNEV", "GAZARYAN", "RAFORT", "TRANS KAPITAL", "TEKHNOLOGIYA"):
        assert any(expected in name for name in names), expected
