"""Prepared list names and candidate retrieval.

Every list name is parsed once at build time. Retrieval looks up each query token's
keys in an inverted index, plus every list token within one edit of them (a
symmetric one-deletion index), plus two adjacent tokens written as one word
(``Gazpromneft`` = ``Gazprom Neft``). Candidates are ranked by a cheap upper-bound
of the final score and only the best few are scored in full.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz.distance import OSA

from screening.given_names import given_name_of
from screening.glossary import concept_of, is_place_adjective, pair_concept, word_stem
from screening.model import Entity
from screening.names import ParsedName, Role, Token, origin_keys, parse_name
from screening.translit import SOUND_PAIRS, token_key

MIN_FUZZY_KEY = 4  # shorter keys are looked up exactly; scoring still compares them
MIN_FUZZY_SIMILARITY = 0.66  # one edit in three letters, two in six: a typo, still
MIN_TWO_EDIT_KEY = 6  # from this length two edits still score above MIN_FUZZY_SIMILARITY
# A query word that is itself a list word (``Hamid``) and looks like another (``Hamad``)
# is more likely the other name than a typo: scoring and the estimate discount it.
MIN_KNOWN_WORD_SIMILARITY = 0.7
KNOWN_WORD_TYPO_FACTOR = 0.8
MAX_WEIGHT = 9.0
MIN_WEIGHT = 0.8
PARTICLE_FACTOR = 0.2
LEGAL_WEIGHT = 0.5
GLOSSARY_ESTIMATE = 0.9
STEM_ESTIMATE = 0.9
SPELLING_TYPO_ESTIMATE = 0.85
# A word that meets a list word by the romanisation rules of the list name's origin
# (Arabic, Korean, Chinese): what scoring gives such a variant.
ORIGIN_RULE_ESTIMATE = 0.93
RETRIEVAL_SKIP_SHARE = 0.25
SKIPPABLE_WEIGHT = 5.5  # a word held by fewer than about one name in 250 is always looked up
SIMILAR_CACHE_SIZE = 100_000
MATCHES_CACHE_NAMES = 1_000_000  # name entries held over all remembered query words
MATCHES_CACHE_MAX_NAMES = 2_000  # a word matching more names is not remembered
# Parts of a listed name whose absence from a query costs little: scoring discounts
# them when unmatched, and the retrieval estimate likewise, so that it stays optimistic.
OPTIONAL_FACTOR = {Role.PATRONYMIC: 0.25, Role.INITIAL: 0.2, Role.LEGAL: 0.0}
UNMATCHED_QUERY_PATRONYMIC = 0.5  # the list may simply not record patronymics
MIDDLE_NAME_FACTOR = 0.5  # a person's middle name is often left out


def is_middle_name(person: bool, position: int, size: int, role: Role) -> bool:
    """A word between a person's first and last: a middle name, which people leave out."""
    return person and 0 < position < size - 1 and role is Role.WORD


@dataclass(frozen=True, slots=True)
class IndexedName:
    """One name of one list entry, parsed, with the total weight of its tokens."""

    entity: int
    text: str
    parsed: ParsedName
    weak: bool
    weights: tuple[float, ...]  # of each token, in order
    weight: float  # what an unmatched name weighs at least: optional parts discounted


def deletions(key: str) -> set[str]:
    """Every string made by deleting one character of ``key``."""
    return {key[:i] + key[i + 1 :] for i in range(len(key))}


_ASIDE = re.compile(r"\s*\([^()]*\)")


def _readings(text: str) -> list[str]:
    """A listed name as written and, when it holds a bracketed aside (an acronym, a former
    name: ``FAR EASTERN SHIPPING COMPANY (FESCO)``), also without it: a query gives one or
    the other, rarely both."""
    bare = _ASIDE.sub("", text).strip()
    return [text, bare] if bare and bare != text else [text]


@dataclass
class NameIndex:
    """All list names, ready for retrieval. Plain data, so it can be cached with pickle."""

    entities: list[Entity]
    names: list[IndexedName]
    document_frequency: dict[str, int]
    postings: dict[str, list[int]]
    compound_postings: dict[str, list[int]]
    concept_frequency: dict[str, int] = field(default_factory=dict)
    concept_postings: dict[str, list[int]] = field(default_factory=dict)
    # Names holding a place adjective (``Permskiy``), or a word with an ending, by stem.
    adjective_postings: dict[str, list[int]] = field(default_factory=dict)
    stem_postings: dict[str, list[int]] = field(default_factory=dict)
    entity_names: list[list[int]] = field(default_factory=list)  # name numbers by entity
    name_count: int = 0  # set before any weight is computed
    least_weights: list[float] = field(default_factory=list)  # IndexedName.weight, by number
    _similar: dict[str, list[tuple[str, float]]] = field(default_factory=dict, repr=False)
    _matches: dict[tuple[tuple[str, ...], Role, frozenset[str]], dict[int, float]] = field(
        default_factory=dict, repr=False
    )
    _matches_held: int = field(default=0, repr=False)
    neighbours: dict[str, list[str]] = field(default_factory=dict)
    # Names showing a name origin (Arabic, Korean, Chinese), by the origin keys of their
    # words: where the romanisation rules of that origin find them for a query of that
    # origin. (A list name of an origin is found for a query of none by its words' keys
    # and their one-edit neighbours only: origin keys are coarse and would crowd out the
    # candidates of every plain query.)
    origin_postings: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def build(cls, entities: list[Entity]) -> NameIndex:
        parsed: list[tuple[int, str, ParsedName, bool]] = []
        for number, entity in enumerate(entities):
            seen: set[str] = set()
            for weak, names in ((False, entity.names), (True, entity.weak_names)):
                for text in names:
                    if text in seen or not text.strip():
                        continue
                    seen.add(text)
                    for spelling in _readings(text):
                        name = parse_name(spelling, entity.schema_)
                        if name.tokens:
                            parsed.append((number, text, name, weak))
        frequency: dict[str, int] = defaultdict(int)
        concept_frequency: dict[str, int] = defaultdict(int)
        for _, _, name, _ in parsed:
            keys = {token.key for token in name.tokens}
            for key in keys:
                frequency[key] += 1
            found = {c for key in keys if (c := concept_of(key)) is not None}
            found.update(c for *_, c in name.joined if c is not None)
            for name_concept in found:
                concept_frequency[name_concept] += 1
        # A glossary word is as common as its concept in any language: ``organizatsiya``
        # weighs what ``organization`` weighs, however rarely the list spells it so.
        for key in list(frequency):
            key_concept = concept_of(key)
            if key_concept is not None:
                frequency[key] = max(frequency[key], concept_frequency[key_concept])
        index = cls(
            entities=entities,
            names=[],
            document_frequency=dict(frequency),
            concept_frequency=dict(concept_frequency),
            postings={},
            compound_postings={},
            name_count=len(parsed),
        )
        postings: dict[str, list[int]] = defaultdict(list)
        compounds: dict[str, list[int]] = defaultdict(list)
        pair_concepts: dict[str, list[int]] = defaultdict(list)
        for number, (owner, text, name, weak) in enumerate(parsed):
            weights = tuple(index.token_weight(token) for token in name.tokens)
            person = entities[owner].schema_ == "Person"
            size = len(name.tokens)
            least = sum(
                weight
                * (
                    MIDDLE_NAME_FACTOR
                    if is_middle_name(person, j, size, token.role)
                    else OPTIONAL_FACTOR.get(token.role, 1.0)
                )
                for j, (token, weight) in enumerate(zip(name.tokens, weights, strict=True))
            )
            index.names.append(IndexedName(owner, text, name, weak, weights, least))
            for key in dict.fromkeys(name.tokens[i].key for i in name.words):
                postings[key].append(number)
            for _, _, joined, pair in name.joined:
                compounds[joined].append(number)
                if pair is not None:
                    pair_concepts[pair].append(number)
        origin_postings: dict[str, list[int]] = defaultdict(list)
        for number, (_, _, name, _) in enumerate(parsed):
            if name.origins:
                for i in name.words:
                    for key in origin_keys(name.tokens[i].text, name.origins, listed=True):
                        origin_postings[key].append(number)
        index.origin_postings = dict(origin_postings)
        index.least_weights = [indexed.weight for indexed in index.names]
        index.entity_names = [[] for _ in entities]
        for number, indexed in enumerate(index.names):
            index.entity_names[indexed.entity].append(number)
        index.postings = dict(postings)
        index.compound_postings = dict(compounds)
        concepts: dict[str, list[int]] = defaultdict(list, pair_concepts)
        stems: dict[str, list[int]] = defaultdict(list)
        adjectives: dict[str, list[int]] = defaultdict(list)
        for key, holders in index.postings.items():
            concept = concept_of(key) or given_name_of(key)
            if concept is not None:
                concepts[concept].extend(holders)
            stem = word_stem(key)
            if stem is not None and stem != key:
                (adjectives if is_place_adjective(key) else stems)[stem].extend(holders)
        index.stem_postings = {s: sorted(set(found)) for s, found in stems.items()}
        index.adjective_postings = {s: sorted(set(found)) for s, found in adjectives.items()}
        index.concept_postings = {c: sorted(set(found)) for c, found in concepts.items()}
        neighbours: dict[str, list[str]] = defaultdict(list)
        for key in index.postings:
            if len(key) >= MIN_FUZZY_KEY - 1:  # ``AMS`` is one letter from ``AMX``'s ``amks``
                neighbours[key].append(key)
            if len(key) >= MIN_FUZZY_KEY:
                for variant in deletions(key):
                    neighbours[variant].append(key)
        index.neighbours = dict(neighbours)
        return index

    @property
    def size(self) -> int:
        return len(self.names)

    def key_weight(self, key: str) -> float:
        """Inverse document frequency of a key: rare words (``Gazaryan``) weigh more than
        common ones (``Ivanov``, ``Mohammad``); unseen keys weigh the most."""
        count = self.document_frequency.get(key)
        if count is None:
            concept = concept_of(key)
            count = self.concept_frequency.get(concept, 0) if concept else 0
        idf = math.log((self.name_count + 1) / (count + 0.5))
        return min(max(idf, MIN_WEIGHT), MAX_WEIGHT)

    def token_weight(self, token: Token) -> float:
        if token.role is Role.LEGAL:
            return LEGAL_WEIGHT
        weight = self.key_weight(token.key)
        if token.role is Role.PARTICLE:
            return weight * PARTICLE_FACTOR
        if token.role is Role.INITIAL:
            return MIN_WEIGHT
        return weight

    def similar_keys(self, key: str) -> list[tuple[str, float]]:
        """List keys equal to ``key`` or within one edit of it, with their similarity.

        A long word that no list name holds (most likely misspelt) is also looked up
        within two edits, which scoring still accepts at that length. Remembered per key:
        the words of a customer book repeat (given names, common surnames)."""
        cached = self._similar.get(key)
        if cached is None:
            if len(self._similar) >= SIMILAR_CACHE_SIZE:
                self._similar.clear()
            cached = self._similar[key] = self._find_similar_keys(key)
        return cached

    def _find_similar_keys(self, key: str) -> list[tuple[str, float]]:
        found: dict[str, float] = {}
        if key in self.postings:
            found[key] = 1.0
        if len(key) >= MIN_FUZZY_KEY:
            probes = deletions(key)
            if len(key) >= MIN_TWO_EDIT_KEY and key not in self.postings:
                probes.update(shorter for probe in list(probes) for shorter in deletions(probe))
            probes.add(key)
            for probe in probes:
                for other in self.neighbours.get(probe, ()):
                    if other not in found:
                        similarity = OSA.normalized_similarity(key, other)
                        if similarity >= MIN_FUZZY_SIMILARITY:
                            found[other] = similarity
        return list(found.items())

    def _respelt_keys(self, token: Token) -> list[tuple[str, float]]:
        """List keys of the word with one letter of its spelling left out, or two
        neighbouring letters swapped.

        A typo acts on the spelling, and the key rules can spread it: ``LOZITQSKY``
        keys as ``lozitkski``, three edits from ``Lozitsky``'s ``lozicki``, though the
        spellings are one letter apart; ``POTSPROCESSOR`` keys ``ts`` as one sound.
        Tried only for a word nothing else matched."""
        folded = token.folded
        if len(folded) < MIN_TWO_EDIT_KEY:
            return []
        # A plain swap is two deletions apart, which the one-deletion index finds; only
        # a swap that makes or breaks a letter pair the key rules read as one sound is not.
        swapped = {
            folded[:i] + folded[i + 1] + folded[i] + folded[i + 2 :]
            for i in range(len(folded) - 1)
            if folded[i : i + 2] in SOUND_PAIRS or folded[i + 1] + folded[i] in SOUND_PAIRS
        }
        found = {
            key: SPELLING_TYPO_ESTIMATE
            for respelt in deletions(folded) | swapped
            if (key := token_key(respelt)) in self.postings
        }
        return list(found.items())

    def _token_matches(
        self, token: Token, weight: float, origins: frozenset[str] = frozenset()
    ) -> dict[int, float]:
        """For one query word: every name it may match, with its best contribution;
        ``origins``: those of the query's name, whose romanisation rules also find names.

        Depends on the word alone, so it is remembered for words seen before (given
        names and common surnames repeat throughout a customer book)."""
        memo_key = (token.keys, token.role, origins)
        cached = self._matches.get(memo_key)
        if cached is not None:
            return cached
        best: dict[int, float] = {}
        unseen = token.key not in self.postings
        for variant in token.keys:
            similar = self.similar_keys(variant)
            if not similar and variant == token.key:
                similar = self._respelt_keys(token)
            for key, similarity in similar:
                if similarity < 1.0 and not unseen:
                    if similarity < MIN_KNOWN_WORD_SIMILARITY:
                        continue
                    similarity *= KNOWN_WORD_TYPO_FACTOR
                listed_weight = self.key_weight(key)
                # As in scoring: a word no list holds (most likely misspelt) weighs
                # what the list word it matches weighs.
                value = similarity * ((listed_weight if unseen else weight) + listed_weight)
                for name in self.postings[key]:
                    if value > best.get(name, 0.0):
                        best[name] = value
            # A place and its adjective share a stem; two plain words do not.
            stem = word_stem(variant) or ""
            adjective = is_place_adjective(variant)
            sources = (
                (self.adjective_postings.get(stem), STEM_ESTIMATE),
                (self.stem_postings.get(stem) if adjective else None, STEM_ESTIMATE),
                (self.postings.get(stem) if adjective else None, STEM_ESTIMATE),
                (
                    self.concept_postings.get(concept_of(variant) or given_name_of(variant) or ""),
                    GLOSSARY_ESTIMATE,
                ),
                (self.compound_postings.get(variant), 1.0),
            )
            for found, share in sources:
                value = share * 2 * weight
                for name in found or ():
                    if value > best.get(name, 0.0):
                        best[name] = value
        if origins and token.role not in (Role.NUMBER, Role.INITIAL, Role.LEGAL):
            value = ORIGIN_RULE_ESTIMATE * 2 * weight
            for key in origin_keys(token.text, origins):
                for name in self.origin_postings.get(key, ()):
                    if value > best.get(name, 0.0):
                        best[name] = value
        if len(best) <= MATCHES_CACHE_MAX_NAMES:
            self._matches_held += len(best)
            if self._matches_held > MATCHES_CACHE_NAMES:
                self._matches.clear()
                self._matches_held = len(best)
            self._matches[memo_key] = best
        return best

    @staticmethod
    def _skippable(weights: list[float]) -> set[int]:
        """Positions of query words that need not be looked up.

        A name that matches only the lightest words of a query, together weighing less
        than a quarter of it, cannot score half the scale (score <= 2a / (W + a)); it
        will be found through a heavier word if it matches one. Looking up ``Mohammad``
        or ``Ivanov`` in every list name is the costliest part of retrieval; a rarer word
        is cheap to look up and is kept, since the estimate of the names found through
        the heavier words needs it (``SBERBANK`` next to two misspelt words)."""
        budget = RETRIEVAL_SKIP_SHARE * sum(weights)
        order = sorted(range(len(weights)), key=lambda i: (weights[i], i))[:-1]
        skipped: set[int] = set()
        total = 0.0
        for i in order:
            if weights[i] > SKIPPABLE_WEIGHT or total + weights[i] >= budget:
                break
            total += weights[i]
            skipped.add(i)
        return skipped

    def candidates(
        self, query: ParsedName, limit: int, floor: float = 0.0
    ) -> list[tuple[int, float]]:
        """Names worth scoring in full with an estimate of their score, best first.

        The estimate credits each query word with its best match in the name and
        discounts the name's optional parts, so it rarely falls below the true score.
        Names whose estimate falls below ``floor`` are left out."""
        tokens = [t for t in query.tokens if t.role not in (Role.INITIAL, Role.LEGAL)]
        if not tokens:
            tokens = [t for t in query.tokens if t.role is not Role.LEGAL]
        weights = [self.token_weight(token) for token in tokens]
        query_weight = sum(
            weight * (UNMATCHED_QUERY_PATRONYMIC if token.role is Role.PATRONYMIC else 1.0)
            for token, weight in zip(tokens, weights, strict=True)
        )
        skipped = self._skippable(weights)
        matches = sorted(
            (
                (
                    self._token_matches(token, weight, query.origins),
                    token.key not in self.postings,
                    weight,
                )
                for position, (token, weight) in enumerate(zip(tokens, weights, strict=True))
                if position not in skipped
            ),
            key=lambda found: len(found[0]),
            reverse=True,
        )
        # Start from a copy of the largest word's matches (done in C), add the others.
        gained: dict[int, float] = dict(matches[0][0]) if matches else {}
        for best, _, _ in matches[1:]:
            for name, value in best.items():
                gained[name] = gained.get(name, 0.0) + value
        # A misspelt word weighs what its match weighs (value / 2 at most), not its own.
        lighter: dict[int, float] = {}
        for best, unseen, weight in matches:
            if unseen:
                for name, value in best.items():
                    lighter[name] = lighter.get(name, 0.0) + weight - value / 2
        for i in range(len(tokens) - 1):
            # Two query words written as one in the list, or one concept together.
            joined = tokens[i].key + tokens[i + 1].key
            pair_weight = weights[i] + weights[i + 1]
            value = pair_weight + self.key_weight(joined)
            for name in self.postings.get(joined, ()):
                gained[name] = gained.get(name, 0.0) + value
            concept = pair_concept(tokens[i].key, tokens[i + 1].key)
            if concept is not None:
                value = 2 * GLOSSARY_ESTIMATE * pair_weight
                for name in self.concept_postings.get(concept, ()):
                    gained[name] = gained.get(name, 0.0) + value
        if not gained:
            return []
        least = self.least_weights
        # The estimate's denominator is at least this, so a lower value cannot reach floor.
        cut = floor * (query_weight - max(lighter.values(), default=0.0))
        if lighter:
            estimates = [
                (value / (query_weight - lighter.get(name, 0.0) + least[name]), -name)
                for name, value in gained.items()
                if value >= cut
            ]
        else:
            estimates = [
                (value / (query_weight + least[name]), -name)
                for name, value in gained.items()
                if value >= cut
            ]
        if floor > 0:
            estimates = [item for item in estimates if item[0] >= floor]
        return [(-negated, estimate) for estimate, negated in heapq.nlargest(limit, estimates)]
