"""The systems a benchmark compares, behind one small interface.

A system answers ``search(name, schema)`` with its best entities and scores, best first.
The engine is driven only through its public facade (``Screener``), exactly as a user
would call it, so the benchmark measures what users get.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterable
from typing import Any, Protocol

from benchmarks.metrics import HitList

LIMIT = 10
"""Hits kept per query: the official scorer's protocol is threshold 0, top 10."""


class System(Protocol):
    name: str

    def search(self, name: str, schema: str | None = None) -> HitList: ...


class EngineSystem:
    """The screening engine through ``Screener.screen`` with threshold 0 and limit 10."""

    name = "engine"

    def __init__(self, screener: Any) -> None:
        from screening.errors import InputError

        self.screener = screener
        self._input_error = InputError

    @classmethod
    def build(cls, entities: Iterable[Any]) -> tuple[EngineSystem, float]:
        """Build the engine over entities; also return the build time in seconds."""
        from screening.screener import Screener

        items = list(entities)
        start = time.perf_counter()
        screener = Screener.from_entities(items, source="benchmark")
        return cls(screener), time.perf_counter() - start

    def search(self, name: str, schema: str | None = None) -> HitList:
        try:
            result = self.screener.screen(name, schema=schema, threshold=0.0, limit=LIMIT)
        except self._input_error:
            return []  # a name the engine refuses (empty once cleaned) has no hits
        return [(hit.entity_id, hit.score) for hit in result.hits]

    def screen_default(self, name: str) -> None:
        """One call with the engine's own defaults: what a user's single lookup costs."""
        with contextlib.suppress(self._input_error):
            self.screener.screen(name)


def engine_entities(records: Iterable[dict[str, Any]]) -> list[Any]:
    """Raw list records to the engine's ``Entity`` model (the engine's import stays lazy)."""
    from screening.model import Entity

    return [Entity.model_validate(record) for record in records]
