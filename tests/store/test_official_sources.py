"""Fetching a registered official list, served locally from copies of the shared files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from screening import sources
from screening.sources.registry import get_source
from screening.store import ListStore, fetch
from tests.store.conftest import Server


def test_ofac_consolidated_list_is_fetched_joined_and_counted(
    server: Server, store_dir: Path, shared_dir: Path
) -> None:
    if "ofac_csv" not in sources.READERS:
        pytest.skip("the OFAC CSV reader is not available")
    origin = shared_dir / "lists" / "ofac" / "consolidated_non_sdn_2025-12"
    source = get_source("ofac-cons")
    served = server.root / "ofac-cons"
    served.mkdir()
    for item in source.files:  # copied at test time; the shared files are never committed
        shutil.copyfile(origin / item.name, served / item.name)

    result = fetch("ofac-cons", store_dir, server.base_url)

    manifest = result.current.manifest
    assert manifest.entities == 442
    assert sum(manifest.schemas.values()) == 442
    assert manifest.schemas.get("Person") == 79
    assert [f.name for f in manifest.files] == [
        "cons_prim.csv",
        "cons_alt.csv",
        "cons_add.csv",
        "cons_comments.csv",
    ]
    assert manifest.files[0].sha256 == (
        "7027f6656b7815e38b1a5517e66d7f00ad7bdae814510cddff11771c439f08b2"
    )
    assert ListStore(store_dir).require_current("ofac-cons").data_dir.is_dir()
