"""Which names are scored, and the entities reported: best first, explained.

Retrieval proposes candidate names with an estimate of their score; the promising
ones are scored in full, an entity's score is the best over all its names, secondary
evidence moves it by a little, and the entities at or above the threshold are
reported with their explanation.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from typing import Final, NamedTuple

from rapidfuzz.distance import Indel

from screening.identifier_index import IdentifierIndex
from screening.identifiers import NormalIdentifier, normalise
from screening.index import NameIndex
from screening.model import EvidenceCheck, Hit, Query
from screening.names import ParsedName, parse_name
from screening.scoring.alignment import QueryContext, score_name
from screening.scoring.corroboration import (
    Scored,
    left_out,
    max_other_names_gain,
    other_names_check,
)
from screening.scoring.evidence import evidence_checks
from screening.scoring.explain import BestName, identifier_rows, make_hit
from screening.scoring.identifiers import (
    IdentifierOutcome,
    identifier_checks,
    identifier_outcomes,
)
from screening.scoring.tokens import SCORE_DIGITS
from screening.settings import Settings

TIE_EPSILON: Final = 1e-4  # below half a unit of the reported rounding: scores that may still tie


class ScoredEntity(NamedTuple):
    """An entity at or above the threshold, with its final score."""

    final: float
    entity_id: str
    entity: int  # its number in the index
    checks: list[EvidenceCheck]
    outcomes: list[IdentifierOutcome]


def rank_hits(
    index: NameIndex,
    query: Query,
    threshold: float,
    limit: int,
    settings: Settings,
    brute_force: bool = False,
    identifiers: IdentifierIndex | None = None,
    only: frozenset[int] | None = None,
) -> list[Hit]:
    """Score the query against candidate names and return the best entities, explained.

    The weights are the index's (``Settings.weights`` when a screener built it).
    ``brute_force`` scores every list name instead of the retrieved candidates; the
    benchmarks use it to measure what retrieval loses. The query's identifiers are
    looked up in ``identifiers`` (exactly, in normal form): an entity holding one is
    scored whatever its name. With ``only`` (entity numbers: a list update's delta), the
    candidates are retrieved from the whole index, as for any query, and only those of
    these entities are scored and reported: each with the score a screening against the
    whole list gives it.
    """
    parsed = parse_name(query.name, query.schema_)
    queried = valid_identifiers(query) if identifiers is not None else []
    holders = identifiers.holders(queried) if identifiers is not None and queried else set()
    if only is not None:
        holders = holders & only
    if not parsed.tokens and not holders:
        return []
    entities = _EntityScores(index, QueryContext(index, parsed))
    if parsed.tokens:
        names: Iterable[int] = (
            range(index.size)
            if brute_force
            else scored_candidates(index, parsed, threshold, settings.candidates)
        )
        for number in names:
            if only is None or index.names[number].entity in only:
                entities.consider(number)
        entities.complete(threshold, limit)
        for entity_number in sorted(holders):  # found by identifier: every name scored
            entities.complete_entity(entity_number)
    best = entities.best
    listed = identifiers.by_entity if identifiers is not None else ()
    scored = _final_scores(
        index, query, entities, threshold, _IdentifierMatch(queried, holders, listed)
    )
    # Equal scores: a name whose legal form agrees with the query's first (an exact name
    # is at the top of the scale already), then the entry spelt closest to what was
    # written, then by id.
    written = (_spelling(parsed), _as_written(parsed))
    scored.sort(
        key=lambda item: (
            -item.final,
            not _legal_forms_agree(best.get(item.entity)),
            *_distance(written, index, best.get(item.entity)),
            item.entity_id,
        )
    )
    return [
        make_hit(
            index,
            parsed,
            item.entity,
            best.get(item.entity),
            item.final,
            item.checks,
            identifier_rows(item.outcomes),
        )
        for item in scored[:limit]
    ]


def valid_identifiers(query: Query) -> list[NormalIdentifier]:
    """The query's identifiers in normal form, those that pass their checks."""
    return [normal for identifier in query.identifiers if (normal := normalise(identifier)).valid]


class _IdentifierMatch(NamedTuple):
    """The query's valid identifiers, the entities holding one, and every entity's own."""

    queried: list[NormalIdentifier]
    holders: set[int]
    listed: Sequence[tuple[NormalIdentifier, ...]]


class _EntityScores:
    """The best-scoring name of each entity scored so far."""

    __slots__ = ("best", "completed", "context", "index", "query_weights", "scored", "seen")

    def __init__(self, index: NameIndex, context: QueryContext) -> None:
        self.index = index
        self.context = context
        self.best: dict[int, BestName] = {}
        self.seen: set[int] = set()
        self.completed: set[int] = set()  # entities with every name scored
        self.scored: dict[int, list[Scored]] = {}  # per entity, its names scored so far
        legal = set(context.parsed.legal)
        self.query_weights = [0.0 if i in legal else w for i, w in enumerate(context.weights)]

    def consider(self, number: int) -> None:
        """Score one name; keep it if it is its entity's best (ties: the lower number)."""
        self.seen.add(number)
        indexed = self.index.names[number]
        entity = self.index.entities[indexed.entity]
        result = score_name(self.context, indexed, entity.schema_)
        factor = self.index.weights.weak_alias_factor if indexed.weak else 1.0
        value = result.score * factor
        self.scored.setdefault(indexed.entity, []).append(Scored(number, result.pairs, factor))
        current = self.best.get(indexed.entity)
        if (
            current is None
            or value > current.value
            or (value == current.value and self._cited_before(number, current.number))
        ):
            self.best[indexed.entity] = BestName(value, number, result)

    def _cited_before(self, number: int, other: int) -> bool:
        """Of two names of an entity that score alike, the one closer to the query as
        written, then the first listed."""
        closeness = self._closeness_as_written
        return (closeness(number), -number) > (closeness(other), -other)

    def _closeness_as_written(self, number: int) -> float:
        """How close a name is to the query as written, before folding: of an entity's
        names that score alike, the one the query spells (a listed alias, a Cyrillic
        one too) is cited, not the primary name reached through transliteration."""
        written = _as_written(self.context.parsed)
        return Indel.normalized_similarity(written, _as_written(self.index.names[number].parsed))

    def complete(self, threshold: float, limit: int) -> None:
        """Score every name of the entities that may be reported.

        An entity's score is the best over all its names, not only the retrieved ones,
        so that what is reported does not depend on how retrieval reached the entity.
        Only the best few near or above the threshold are completed."""
        weights = self.index.weights
        reachable = threshold - weights.completion_margin - weights.max_evidence_gain
        leading = heapq.nlargest(
            limit, self.best.items(), key=lambda item: (item[1].value, -item[0])
        )
        for entity_number, entity_best in leading:
            if weights.name_share * entity_best.value >= reachable:
                self.complete_entity(entity_number)

    def complete_entity(self, entity_number: int) -> None:
        """Score every name of one entity not scored yet."""
        if entity_number in self.completed:
            return
        self.completed.add(entity_number)
        for number in self.index.entity_names[entity_number]:
            if number not in self.seen:
                self.consider(number)

    def other_names(self, entity_number: int) -> EvidenceCheck | None:
        """What the entity's other names add to its best one, every name scored."""
        self.complete_entity(entity_number)
        best = self.best[entity_number]
        return other_names_check(
            best.result.pairs,
            best.value,
            self.scored[entity_number],
            self.query_weights,
            [token.text for token in self.context.parsed.tokens],
            self.index.names,
            self.index.weights,
        )

    def max_other_names_gain(self, entity_number: int) -> float:
        """The most the entity's other names could add to its best name's score."""
        best = self.best[entity_number]
        left = left_out(best.result.pairs, self.query_weights)
        return max_other_names_gain(best.value, left, self.index.weights)


def scored_candidates(
    index: NameIndex, parsed: ParsedName, threshold: float, limit: int
) -> list[int]:
    """The retrieved names worth scoring in full.

    Candidates come best estimate first. The estimate sees only the words that
    retrieval matched, so a name whose other words match by more than one edit can
    score far above it (on the dev set, up to twice). Scored in full: the leading
    candidates with a fair estimate, and any with a good one."""
    weights = index.weights
    fair = weights.fair_estimate * threshold
    good = weights.good_estimate * threshold
    return [
        number
        for rank, (number, estimate) in enumerate(index.candidates(parsed, limit, fair))
        if estimate >= good or (rank < weights.leading_candidates and estimate >= fair)
    ]


def _final_scores(
    index: NameIndex,
    query: Query,
    entities: _EntityScores,
    threshold: float,
    identifiers: _IdentifierMatch,
) -> list[ScoredEntity]:
    """The entities whose name score, other names, secondary evidence and identifiers
    reach the threshold. Only an entity holding a query identifier can gain by it."""
    weights = index.weights
    best = entities.best
    scored: list[ScoredEntity] = []
    for entity_number in [*best, *(n for n in sorted(identifiers.holders) if n not in best)]:
        entity_best = best.get(entity_number)
        value = entity_best.value if entity_best is not None else 0.0
        holder = entity_number in identifiers.holders
        reach = weights.max_evidence_gain
        if entity_best is not None and weights.other_names_share:
            reach += entities.max_other_names_gain(entity_number)
        if not holder and weights.name_share * value + reach + TIE_EPSILON < threshold:
            continue  # no evidence can lift it to the threshold
        entity = index.entities[entity_number]
        checks = evidence_checks(
            query, entity.schema_, entity.birth_dates, entity.countries, weights
        )
        if entity_best is not None and weights.other_names_share:
            other_names = entities.other_names(entity_number)  # may find a better name
            value = best[entity_number].value
            if other_names is not None:
                checks.insert(0, other_names)
        outcomes: list[IdentifierOutcome] = []
        if identifiers.queried:
            outcomes = identifier_outcomes(identifiers.queried, identifiers.listed[entity_number])
            checks += identifier_checks(outcomes, weights.identifiers)
        final = weights.name_share * value + sum(check.score_change for check in checks)
        if any(item.strong for item in outcomes):
            final = max(final, weights.identifiers.strong_match)
        final = round(min(max(final, 0.0), 1.0), SCORE_DIGITS)
        if final >= threshold:
            scored.append(ScoredEntity(final, entity.id, entity_number, checks, outcomes))
    return scored


def _spelling(name: ParsedName) -> str:
    """A name's words, folded and sorted: its spelling, whatever the word order."""
    return " ".join(sorted(token.folded for token in name.tokens))


def _as_written(name: ParsedName) -> str:
    """A name as written, in its order, its marks kept (``AL-TA'I``), case and spaces aside."""
    return " ".join(name.original.casefold().split())


def _legal_forms_agree(best: BestName | None) -> bool:
    return best is not None and best.result.legal_forms_agree is True


def _distance(
    written: tuple[str, str], index: NameIndex, best: BestName | None
) -> tuple[float, float]:
    """How far an entity's best name is from the query: in spelling, whatever the word
    order, then as written (word order, apostrophes, hyphens). Sorts equal scores only."""
    if best is None:
        return (1.0, 1.0)
    listed = index.names[best.number].parsed
    return (
        Indel.normalized_distance(written[0], _spelling(listed)),
        Indel.normalized_distance(written[1], _as_written(listed)),
    )
