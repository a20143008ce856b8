"""Re-screening a book against a list update: the whole list's index, the delta's hits.

``screening lists diff OLD NEW --write-delta DELTA`` writes the entities a list update
added or changed. A book screened again against DELTA alone would be scored with word
weights counted over the delta's few names, so its scores would not be the whole list's.
Instead, the book is screened against NEW (its index, usually from the cache) and only
the delta's entities are scored and reported (``Screener.restricted_to``): retrieval runs
over the whole list as always, and each delta entity gets the score a screening against
NEW gives it. Only where more entities than the hit limit compete for a row can the answers
differ: the full run keeps the best of all, the delta run the best of the delta's (and
completes their scores over all their names, as the full run does for its leaders). The
delta must come from NEW: an entity it holds that NEW lacks, or holds otherwise, means the
files do not belong together, and nothing is screened.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from screening.errors import ListLoadError
from screening.model import Entity, ListSnapshot
from screening.sources import load_lists

if TYPE_CHECKING:
    from screening.screener import Screener


@dataclass(frozen=True)
class Delta:
    """The entities of a list update, and the file they were read from."""

    entities: tuple[Entity, ...]
    snapshot: ListSnapshot

    @property
    def entity_ids(self) -> frozenset[str]:
        return frozenset(entity.id for entity in self.entities)


def read_delta(path: str | Path) -> Delta:
    """The delta file ``lists diff --write-delta`` wrote; ``ListLoadError`` if it cannot be
    read or holds no entity (an empty delta would answer every row clear)."""
    loaded = load_lists(path)
    entities = tuple(entity for part in loaded for entity in part.entities)
    if not entities:
        raise ListLoadError(
            f"{path}: the delta holds no entities: nothing to re-screen against "
            "(the list update added and changed nothing)"
        )
    snapshot = loaded[0].snapshot.model_copy(update={"source": "delta", "entities": len(entities)})
    return Delta(entities, snapshot)


def restrict_to_delta(screener: Screener, delta: Delta) -> Screener:
    """``screener`` (of the whole new list) answering with the delta's entities only.

    Raises ``ListLoadError`` when the delta does not belong to the screener's lists: an
    entity missing from them, or listed there otherwise than in the delta."""
    for entity in delta.entities:
        listed = screener.entity(entity.id)
        if listed is None:
            raise ListLoadError(
                f"{delta.snapshot.path}: entity {entity.id!r} of the delta is not in the "
                "lists screened against: give the list version the delta was written from"
            )
        if listed != entity:
            raise ListLoadError(
                f"{delta.snapshot.path}: entity {entity.id!r} differs from the lists' "
                "entry: the delta was written from another version of the list"
            )
    return screener.restricted_to(delta.entity_ids, delta.snapshot)
