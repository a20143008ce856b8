"""What every list reader returns, and the checks every list must pass."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from screening.errors import ListLoadError
from screening.model import Entity, ListSnapshot
from screening.sources.common import ListFile

# A list name longer than this is refused, as a query of that length is (the default
# ``Settings.max_query_chars``): the longest name of the OFAC, UK and UN lists has 324
# characters, and a name of megabytes would take minutes and gigabytes to index.
MAX_NAME_CHARS = 1000


@dataclass(frozen=True)
class LoadedList:
    """The entities of one list and the snapshot that identifies the exact file(s) read.

    ``skipped`` counts rows that were read but deliberately not used, by reason (for
    example OFAC ``alt.csv`` rows whose entity has no primary record), so that nothing
    is dropped without a trace. ``files`` is the sha256 of each file read, by file name,
    so a stored list can be checked against the digests its store recorded.
    """

    entities: list[Entity]
    snapshot: ListSnapshot
    skipped: Mapping[str, int] = field(default_factory=dict)
    files: Mapping[str, str] = field(default_factory=dict)


def file_sha256(path: Path) -> str:
    """Hex sha256 of a file, read in chunks so large lists stay cheap."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def combined_sha256(digests: Mapping[str, str]) -> str:
    """One digest for a list made of several files (OFAC's sdn.csv + alt.csv + ...).

    It is the sha256 of a ``sha256sum``-style manifest (``<hex>  <file name>`` lines,
    sorted by name), so it changes when any file changes and can be recomputed by hand.
    A single file gives that file's own sha256.
    """
    if len(digests) == 1:
        return next(iter(digests.values()))
    lines = sorted(f"{digest}  {name}\n" for name, digest in digests.items())
    return hashlib.sha256("".join(lines).encode("utf-8")).hexdigest()


def make_loaded_list(
    path: Path,
    source: str,
    entities: list[Entity],
    published: str | None = None,
    *,
    files: Sequence[ListFile],
    skipped: Mapping[str, int] | None = None,
    missing: Sequence[str] = (),
) -> LoadedList:
    """Check a freshly parsed list and wrap it with its snapshot; refuse an empty one.

    ``files`` are the files the list was read from, as read (the snapshot digest covers
    them all, see ``combined_sha256``). ``missing`` names the integrity signals the
    publisher puts in every complete file that this one lacks (an end-of-file byte, a
    stated record count): ``load_lists`` refuses such a list unless partial lists are
    allowed, and the snapshot records them either way.
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
    for entity in entities:
        for name in (*entity.names, *entity.weak_names):
            if len(name) > MAX_NAME_CHARS:
                raise ListLoadError(
                    f"{path}: entity {entity.id[:80]!r} has a name of {len(name)} characters;"
                    f" the limit is {MAX_NAME_CHARS} (damaged or hostile list?)"
                )
    digests = {file.path.name: file.sha256 for file in files}
    snapshot = ListSnapshot(
        source=source,
        path=str(path),
        sha256=combined_sha256(digests),
        entities=len(entities),
        published=published,
        incomplete=list(missing),
    )
    return LoadedList(
        entities=entities, snapshot=snapshot, skipped=dict(skipped or {}), files=digests
    )
