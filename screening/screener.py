"""The public facade: load lists once, then screen names against them."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from screening.errors import InputError, ListLoadError
from screening.evasion import MAX_READINGS, Finding, Reading, split_run_together, uncover
from screening.index import NameIndex
from screening.model import Entity, Hit, ListSnapshot, Normalisation, Query, ScreeningResult
from screening.score import rank_hits
from screening.settings import Settings
from screening.sources import LoadedList, load_lists
from screening.text import clean
from screening.translit import ascii_fold, token_key
from screening.version import ENGINE_VERSION

QueryLike = str | Query | dict[str, Any]


class Screener:
    """Screens names against one or more designated lists loaded into memory.

    Built once (the index takes a moment), then ``screen`` is cheap and thread-safe
    for reading. Every result records the list snapshots, engine version and
    settings hash it was made with.
    """

    def __init__(self, lists: Sequence[LoadedList], settings: Settings | None = None) -> None:
        if not lists:
            raise ListLoadError("no lists given: refusing to screen against nothing")
        entities: list[Entity] = []
        seen: dict[str, str] = {}
        for loaded in lists:
            for entity in loaded.entities:
                if entity.id in seen:
                    raise ListLoadError(
                        f"entity id {entity.id!r} appears in both {seen[entity.id]} "
                        f"and {loaded.snapshot.path}"
                    )
                seen[entity.id] = loaded.snapshot.path
                entities.append(entity)
        if not entities:
            raise ListLoadError("the lists hold no entities: refusing to screen")
        self.settings = settings or Settings()
        self.snapshots: list[ListSnapshot] = [loaded.snapshot for loaded in lists]
        self.index = NameIndex.build(entities)

    @classmethod
    def from_lists(cls, *paths: str | Path, settings: Settings | None = None) -> Screener:
        """Load list files (any supported format) and build the index."""
        if not paths:
            raise ListLoadError("no list files given")
        return cls([part for path in paths for part in load_lists(path)], settings=settings)

    @classmethod
    def from_index(
        cls,
        index: NameIndex,
        snapshots: Sequence[ListSnapshot],
        settings: Settings | None = None,
    ) -> Screener:
        """Wrap an index built earlier (the on-disk cache) without rebuilding it."""
        if not snapshots or not index.names:
            raise ListLoadError("the cached index holds no lists: refusing to screen")
        screener = cls.__new__(cls)
        screener.settings = settings or Settings()
        screener.snapshots = list(snapshots)
        screener.index = index
        return screener

    @classmethod
    def from_entities(
        cls, entities: Iterable[Entity], source: str = "memory", settings: Settings | None = None
    ) -> Screener:
        """Screen against entities built in code (tests, internal lists held in a database)."""
        items = list(entities)
        snapshot = ListSnapshot(
            source=source, path=f"<{source}>", sha256=_entities_digest(items), entities=len(items)
        )
        return cls([LoadedList(entities=items, snapshot=snapshot)], settings=settings)

    @property
    def engine_version(self) -> str:
        return ENGINE_VERSION

    @property
    def settings_hash(self) -> str:
        """The hash of this screener's settings (computed once: settings are frozen)."""
        cached: str | None = getattr(self, "_settings_hash", None)
        if cached is None:
            cached = self._settings_hash = self.settings.settings_hash()
        return cached

    def screen(
        self,
        name: str,
        schema: str | None = None,
        birth_date: str | None = None,
        country: str | None = None,
        threshold: float | None = None,
        limit: int | None = None,
    ) -> ScreeningResult:
        """Screen one name; hits at or above the threshold, best first."""
        query = self._make_query(
            {"name": name, "schema": schema, "birth_date": birth_date, "country": country}
        )
        return self.screen_query(query, threshold=threshold, limit=limit)

    def screen_query(
        self, query: Query, threshold: float | None = None, limit: int | None = None
    ) -> ScreeningResult:
        """Screen a prepared ``Query``."""
        cutoff, count = self.cutoffs(threshold, limit)
        hits, normalisation = self._screen_readings(query, cutoff, count)
        return ScreeningResult(
            query=query,
            hits=hits,
            threshold=cutoff,
            engine_version=ENGINE_VERSION,
            settings_hash=self.settings_hash,
            lists=self.snapshots,
            normalisation=normalisation,
        )

    def _screen_readings(
        self, query: Query, cutoff: float, count: int
    ) -> tuple[list[Hit], list[Normalisation]]:
        """Screen each reading of the name (``screening.evasion``: the tricks undone, and
        guesses beside it); per entity the best hit wins and records how the name was read.
        A guessed reading is reported only when one of its hits is kept."""
        uncovered = uncover(query.name)
        readings = list(uncovered.readings)
        for reading in list(readings):
            for split in split_run_together(reading.text, self._word_frequency):
                readings.append(Reading(split.text, reading.findings + split.findings))
        best: dict[str, tuple[Hit, tuple[Finding, ...]]] = {}
        for reading in readings[:MAX_READINGS]:
            as_read = (
                query
                if reading.text == query.name
                else query.model_copy(update={"name": reading.text})
            )
            for hit in rank_hits(self.index, as_read, cutoff, count, self.settings):
                held = best.get(hit.entity_id)
                if held is None or hit.score > held[0].score:
                    best[hit.entity_id] = (hit, reading.findings)
        kept = sorted(best.values(), key=lambda item: -item[0].score)[:count]
        found = dict.fromkeys(uncovered.findings)
        for hit, guessed in kept:
            hit.explanation.normalisation = [
                Normalisation(kind=f.kind, count=f.count, detail=f.detail)
                for f in dict.fromkeys((*uncovered.findings, *guessed))
            ]
            found.update(dict.fromkeys(guessed))
        normalisation = [Normalisation(kind=f.kind, count=f.count, detail=f.detail) for f in found]
        return [hit for hit, _ in kept], normalisation

    def _word_frequency(self, word: str) -> int:
        """How many list names hold a word (by its spelling-invariant key)."""
        return self.index.document_frequency.get(token_key(ascii_fold(word)), 0)

    def cutoffs(self, threshold: float | None, limit: int | None) -> tuple[float, int]:
        """The threshold and hit limit in force: the given ones, checked, else the settings'."""
        cutoff = self.settings.threshold if threshold is None else float(threshold)
        if not 0.0 <= cutoff <= 1.0:
            raise InputError(f"threshold must be within 0..1, got {cutoff}")
        count = self.settings.limit if limit is None else int(limit)
        if count < 1:
            raise InputError(f"limit must be at least 1, got {count}")
        return cutoff, count

    def screen_many(
        self,
        queries: Iterable[QueryLike],
        threshold: float | None = None,
        limit: int | None = None,
    ) -> list[ScreeningResult]:
        """Screen many queries; each answer equals what ``screen`` gives for it alone."""
        return [
            self.screen_query(self._make_query(item), threshold=threshold, limit=limit)
            for item in queries
        ]

    def _make_query(self, item: QueryLike) -> Query:
        if isinstance(item, Query):
            data: dict[str, Any] = item.model_dump(by_alias=True)
        elif isinstance(item, str):
            data = {"name": item}
        elif isinstance(item, dict):
            data = dict(item)
        else:
            raise InputError(f"cannot screen a {type(item).__name__}; give a name string")
        name = data.get("name")
        if not isinstance(name, str):
            raise InputError("the name to screen must be a string")
        if len(name) > self.settings.max_query_chars:
            raise InputError(
                f"name is {len(name)} characters long; the limit is {self.settings.max_query_chars}"
            )
        if not clean(name):
            raise InputError("the name is empty once invisible and control characters go")
        try:
            return Query.model_validate(data)
        except ValueError as exc:
            raise InputError(f"invalid query: {exc}") from None


def _entities_digest(entities: list[Entity]) -> str:
    digest = hashlib.sha256()
    for entity in entities:
        digest.update(entity.model_dump_json(by_alias=True).encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()
