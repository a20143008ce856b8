"""What every list reader returns, and the checks every list must pass."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from screening.errors import ListLoadError
from screening.model import Entity, ListSnapshot


@dataclass(frozen=True)
class LoadedList:
    """The entities of one list and the snapshot that identifies the exact file read."""

    entities: list[Entity]
    snapshot: ListSnapshot


def file_sha256(path: Path) -> str:
    """Hex sha256 of a file, read in chunks so large lists stay cheap."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def make_loaded_list(
    path: Path, source: str, entities: list[Entity], published: str | None = None
) -> LoadedList:
    """Check a freshly parsed list and wrap it with its snapshot; refuse an empty one."""
    if not entities:
        raise ListLoadError(f"{path}: list has no entities")
    ids = [entity.id for entity in entities]
    if len(set(ids)) != len(ids):
        duplicates = sorted({i for i in ids if ids.count(i) > 1})[:5]
        raise ListLoadError(f"{path}: duplicate entity ids {duplicates}")
    snapshot = ListSnapshot(
        source=source,
        path=str(path),
        sha256=file_sha256(path),
        entities=len(entities),
        published=published,
    )
    return LoadedList(entities=entities, snapshot=snapshot)
