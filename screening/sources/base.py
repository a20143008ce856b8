"""What every list reader returns, and the checks every list must pass."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from screening.errors import ListLoadError
from screening.model import Entity, ListSnapshot


@dataclass(frozen=True)
class LoadedList:
    """The entities of one list and the snapshot that identifies the exact file(s) read.

    ``skipped`` counts rows that were read but deliberately not used, by reason (for
    example OFAC ``alt.csv`` rows whose entity has no primary record), so that nothing
    is dropped without a trace.
    """

    entities: list[Entity]
    snapshot: ListSnapshot
    skipped: Mapping[str, int] = field(default_factory=dict)


def file_sha256(path: Path) -> str:
    """Hex sha256 of a file, read in chunks so large lists stay cheap."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def files_sha256(files: Sequence[Path]) -> str:
    """One digest for a list made of several files (OFAC's sdn.csv + alt.csv + ...).

    It is the sha256 of a ``sha256sum``-style manifest (``<hex>  <file name>`` lines,
    sorted by name), so it changes when any file changes and can be recomputed by hand.
    A single file gives that file's own sha256.
    """
    if len(files) == 1:
        return file_sha256(files[0])
    lines = sorted(f"{file_sha256(file)}  {file.name}\n" for file in files)
    return hashlib.sha256("".join(lines).encode("utf-8")).hexdigest()


def make_loaded_list(
    path: Path,
    source: str,
    entities: list[Entity],
    published: str | None = None,
    *,
    files: Sequence[Path] | None = None,
    skipped: Mapping[str, int] | None = None,
) -> LoadedList:
    """Check a freshly parsed list and wrap it with its snapshot; refuse an empty one.

    ``files`` are the files the list was read from when there are several (the snapshot
    digest then covers them all, see ``files_sha256``); by default it is ``path`` alone.
    """
    if not entities:
        raise ListLoadError(f"{path}: list has no entities")
    ids = [entity.id for entity in entities]
    if len(set(ids)) != len(ids):
        seen: set[str] = set()
        repeated: set[str] = set()
        for entity_id in ids:
            (repeated if entity_id in seen else seen).add(entity_id)
        duplicates = sorted(repeated)[:5]
        raise ListLoadError(f"{path}: duplicate entity ids {duplicates}")
    snapshot = ListSnapshot(
        source=source,
        path=str(path),
        sha256=files_sha256(list(files) if files else [path]),
        entities=len(entities),
        published=published,
    )
    return LoadedList(entities=entities, snapshot=snapshot, skipped=dict(skipped or {}))
