"""The public facade: load lists once, then screen names against them."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from screening.errors import InputError, ListLoadError
from screening.identifier_index import IdentifierIndex
from screening.identifiers import KNOWN_TYPES, normalise
from screening.index import NameIndex
from screening.model import Entity, Identifier, ListSnapshot, Query, ScreeningResult
from screening.scoring import rank_hits
from screening.settings import Settings
from screening.sources import LoadedList, load_lists
from screening.text import clean
from screening.version import engine_stamp

QueryLike = str | Query | dict[str, Any]
IdentifierLike = Identifier | dict[str, Any] | tuple[str, str] | tuple[str, str, str | None]


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
        self.index = NameIndex.build(entities, self.settings.weights)

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
    ) -> ScreeningResult:
        """Screen one name and/or identifiers (``[("imo", "9187629")]``, ``Identifier``s
        or dicts with a type, value and optional country); hits at or above the
        threshold, best first."""
        query = self._make_query(
            {
                "name": name,
                "schema": schema,
                "birth_date": birth_date,
                "country": country,
                "identifiers": list(identifiers),
            }
        )
        return self.screen_query(query, threshold=threshold, limit=limit)

    def screen_query(
        self, query: Query, threshold: float | None = None, limit: int | None = None
    ) -> ScreeningResult:
        """Screen a prepared ``Query``."""
        cutoff, count = self.cutoffs(threshold, limit)
        identifiers = self.identifier_index if query.identifiers else None
        hits = rank_hits(self.index, query, cutoff, count, self.settings, identifiers=identifiers)
        return ScreeningResult(
            warnings=identifier_warnings(query),
            query=query,
            hits=hits,
            threshold=cutoff,
            engine_version=self.engine_version,
            settings_hash=self.settings_hash,
            lists=self.snapshots,
        )

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
        identifiers = data.get("identifiers") or []
        if not isinstance(identifiers, list | tuple):
            raise InputError("identifiers must be a list of (type, value) pairs")
        data["identifiers"] = [_identifier(given) for given in identifiers]
        for given in data["identifiers"]:
            value = given.value if isinstance(given, Identifier) else given.get("value")
            if isinstance(value, str) and len(value) > self.settings.max_query_chars:
                raise InputError(
                    f"an identifier is {len(value)} characters long; "
                    f"the limit is {self.settings.max_query_chars}"
                )
        name = data.get("name")
        if name is None and data.get("identifiers"):
            data["name"] = name = ""
        if not isinstance(name, str):
            raise InputError("the name to screen must be a string")
        if len(name) > self.settings.max_query_chars:
            raise InputError(
                f"name is {len(name)} characters long; the limit is {self.settings.max_query_chars}"
            )
        if not clean(name) and not data.get("identifiers"):
            raise InputError("the name is empty once invisible and control characters go")
        try:
            return Query.model_validate(data)
        except ValueError as exc:
            raise InputError(f"invalid query: {exc}") from None


def _identifier(item: IdentifierLike) -> Identifier | dict[str, Any]:
    """An identifier given as a model, a dict or a ``(type, value[, country])`` tuple."""
    if isinstance(item, Identifier | dict):
        return item
    if isinstance(item, tuple) and len(item) in (2, 3):
        return {"type": item[0], "value": item[1], "country": item[2] if len(item) > 2 else None}
    raise InputError(f"an identifier is a (type, value) pair, got {item!r}")


def identifier_warnings(query: Query) -> list[str]:
    """A warning per query identifier that is not used: it fails its type's check, or
    its type is unknown (then compared as written, as evidence only)."""
    warnings: list[str] = []
    for identifier in query.identifiers:
        normal = normalise(identifier)
        if not normal.valid:
            warnings.append(
                f"identifier {identifier.type} {identifier.value!r} {normal.problem}: not matched"
            )
        elif not normal.rule.known:
            warnings.append(
                f"identifier type {identifier.type!r} is unknown: compared as written, "
                f"as evidence only (known types: {', '.join(KNOWN_TYPES)})"
            )
    return warnings


def _entities_digest(entities: list[Entity]) -> str:
    digest = hashlib.sha256()
    for entity in entities:
        digest.update(entity.model_dump_json(by_alias=True).encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()
