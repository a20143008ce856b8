"""The public facade: load lists once, then screen names against them."""

from __future__ import annotations

import copy
import gc
import hashlib
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path
from typing import Protocol

from screening.errors import InputError, ListLoadError
from screening.evasion import MAX_READINGS, Finding, Reading, split_run_together, uncover
from screening.identifier_index import IdentifierIndex
from screening.index import NameIndex
from screening.model import Entity, Hit, ListSnapshot, Normalisation, Query, ScreeningResult
from screening.query_input import IdentifierLike, PreparedQuery, QueryLike, prepare_query
from screening.scoring import rank_hits
from screening.settings import Settings
from screening.sources import LoadedList, load_lists
from screening.translit import ascii_fold, token_key
from screening.version import engine_stamp


class DecisionSource(Protocol):
    """Analyst decisions to apply to a result (``screening.decisions.DecisionStore``)."""

    def review_result(
        self, result: ScreeningResult, customer_key: str, screener: Screener
    ) -> ScreeningResult: ...


class Screener:
    """Screens names against one or more designated lists loaded into memory.

    Built once (the index takes a moment), then ``screen`` is cheap and thread-safe
    for reading. Every result records the list snapshots, engine version and
    settings hash it was made with.
    """

    #: Entity numbers hits are restricted to (a list update's delta), None for all.
    only: frozenset[int] | None = None

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
        self.index = NameIndex.build(entities, self.settings.weights)
        _spare_from_collections()

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
        settings = settings or Settings()
        if index.weights != settings.weights:
            raise ListLoadError("the index was built with other scoring weights: rebuild it")
        screener = cls.__new__(cls)
        screener.settings = settings
        screener.snapshots = list(snapshots)
        screener.index = index
        _spare_from_collections()
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

    def restricted_to(self, entity_ids: Collection[str], delta: ListSnapshot) -> Screener:
        """This screener answering with these entities only, each scored as against all
        the lists (``screening.delta``); ``delta`` is recorded beside the lists' snapshots.
        Shares the index. Raises ``ListLoadError`` for an id the lists do not hold."""
        numbers = {entity.id: number for number, entity in enumerate(self.index.entities)}
        missing = sorted(key for key in entity_ids if key not in numbers)
        if missing:
            raise ListLoadError(f"entity {missing[0]!r} is not in the lists screened against")
        if not entity_ids:
            raise ListLoadError("no entities to screen against: refusing to answer all clear")
        restricted = copy.copy(self)
        restricted.only = frozenset(numbers[key] for key in entity_ids)
        restricted.snapshots = [*self.snapshots, delta]
        return restricted

    @property
    def identifier_index(self) -> IdentifierIndex:
        """The exact index of the lists' identifiers, built on the first query that gives
        one (from the entities, so a screener from the index cache has it too)."""
        cached: IdentifierIndex | None = getattr(self, "_identifier_index", None)
        if cached is None:
            cached = self._identifier_index = IdentifierIndex.build(self.index.entities)
        return cached

    @property
    def engine_version(self) -> str:
        """The engine stamp: version plus a digest of the weights, tables and matching code
        (computed once: settings are frozen)."""
        cached: str | None = getattr(self, "_engine_version", None)
        if cached is None:
            cached = self._engine_version = engine_stamp(self.settings.weights)
        return cached

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
        identifiers: Sequence[IdentifierLike] = (),
        decisions: DecisionSource | None = None,
        customer: str | None = None,
    ) -> ScreeningResult:
        """Screen one name and/or identifiers (``[("imo", "9187629")]``, ``Identifier``s
        or dicts with a type, value and optional country); hits at or above the
        threshold, best first.

        ``birth_date`` and ``country`` are read in the forms the README lists (ISO or
        ``DD.MM.YYYY`` dates, ISO codes or country names in many languages); a value
        that cannot be read is unknown evidence, with a warning in the result, and so
        is an identifier that fails its type's check (never matched).
        With ``decisions`` and the ``customer``'s key, hits that a valid false-positive
        decision covers are kept but marked suppressed (``hit.review``), after the alerts.
        Raises ``InputError`` when the query cannot be screened at all.
        """
        if decisions is not None and not customer:
            raise InputError("applying decisions needs the customer's key")
        item = {
            "name": name,
            "schema": schema,
            "birth_date": birth_date,
            "country": country,
            "identifiers": list(identifiers),
        }
        result = self._screen_prepared(self._prepare(item), threshold, limit)
        if decisions is None or customer is None:
            return result
        return decisions.review_result(result, customer, self)

    def screen_query(
        self, query: Query, threshold: float | None = None, limit: int | None = None
    ) -> ScreeningResult:
        """Screen a ``Query`` (its values are read and checked as ``screen`` does)."""
        return self._screen_prepared(self._prepare(query), threshold, limit)

    def _screen_prepared(
        self, prepared: PreparedQuery, threshold: float | None, limit: int | None
    ) -> ScreeningResult:
        cutoff, count = self.cutoffs(threshold, limit)
        query = prepared.query
        hits, normalisation = self._screen_readings(query, cutoff, count)
        return ScreeningResult(
            query=query,
            hits=hits,
            threshold=cutoff,
            engine_version=self.engine_version,
            settings_hash=self.settings_hash,
            lists=self.snapshots,
            warnings=prepared.warnings,
            normalisation=normalisation,
        )

    def entity(self, entity_id: str) -> Entity | None:
        """The list entry with this id, or ``None``."""
        by_id: dict[str, Entity] | None = getattr(self, "_entities_by_id", None)
        if by_id is None:
            by_id = self._entities_by_id = {entity.id: entity for entity in self.index.entities}
        return by_id.get(entity_id)

    def _screen_readings(
        self, query: Query, cutoff: float, count: int
    ) -> tuple[list[Hit], list[Normalisation]]:
        """Screen each reading of the name (``screening.evasion``: the tricks undone, and
        guesses beside it); per entity the best hit wins and records how the name was read.
        A guessed reading is reported only when one of its hits is kept."""
        identifiers = self.identifier_index if query.identifiers else None
        uncovered = uncover(query.name)
        readings = list(uncovered.readings) or [Reading(query.name, ())]
        for reading in list(readings):
            for split in split_run_together(
                reading.text, self._word_frequency, self.index.name_count
            ):
                readings.append(Reading(split.text, reading.findings + split.findings))
        best: dict[str, tuple[Hit, tuple[Finding, ...]]] = {}
        for reading in readings[:MAX_READINGS]:
            as_read = (
                query
                if reading.text == query.name
                else query.model_copy(update={"name": reading.text})
            )
            for hit in rank_hits(
                self.index,
                as_read,
                cutoff,
                count,
                self.settings,
                identifiers=identifiers,
                only=self.only,
            ):
                held = best.get(hit.entity_id)
                if held is None or hit.score > held[0].score:
                    best[hit.entity_id] = (hit, reading.findings)
        kept = sorted(best.values(), key=lambda item: -item[0].score)[:count]
        found = dict.fromkeys(uncovered.findings)
        hits: list[Hit] = []
        for hit, guessed in kept:
            steps = [
                Normalisation(kind=f.kind, count=f.count, detail=f.detail)
                for f in dict.fromkeys((*uncovered.findings, *guessed))
            ]
            if steps:
                explanation = hit.explanation.model_copy(update={"normalisation": steps})
                hit = hit.model_copy(update={"explanation": explanation})
            hits.append(hit)
            found.update(dict.fromkeys(guessed))
        normalisation = [Normalisation(kind=f.kind, count=f.count, detail=f.detail) for f in found]
        return hits, normalisation

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
    ) -> list[ScreeningResult | InputError]:
        """Screen many queries: for each, in order, its result or the ``InputError`` that
        says why it could not be screened, so one bad name never costs the others.

        Each result equals what ``screen`` gives for that query alone. A bad
        ``threshold`` or ``limit`` concerns every query and raises at once.
        """
        self.cutoffs(threshold, limit)
        outcomes: list[ScreeningResult | InputError] = []
        for item in queries:
            try:
                outcomes.append(self._screen_prepared(self._prepare(item), threshold, limit))
            except InputError as exc:
                outcomes.append(exc)
        return outcomes

    def _make_query(self, item: QueryLike) -> Query:
        """The checked ``Query`` for what a caller gave (see ``screening.query_input``)."""
        return self._prepare(item).query

    def _prepare(self, item: QueryLike) -> PreparedQuery:
        return prepare_query(item, self.settings.max_query_chars)


def _spare_from_collections() -> None:
    """Put every object alive now, chiefly the index just built, out of the cyclic
    garbage collector's reach (``gc.freeze``).

    The index is about a million objects that never form garbage, yet each full
    collection, triggered by the garbage of queries, walks them all: a tenth of the CPU of
    a long run. A full collection first leaves only live objects to freeze; frozen objects
    freed by their last reference (a dropped index) go as any other, so a process can
    build and drop indexes (list reloads, tests) without growing.
    """
    gc.collect()
    gc.freeze()


def _entities_digest(entities: list[Entity]) -> str:
    digest = hashlib.sha256()
    for entity in entities:
        digest.update(entity.model_dump_json(by_alias=True).encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()
