"""Prepared list names and candidate retrieval.

Every list name is parsed once at build time. Retrieval looks up each query token's
keys in an inverted index, plus every list token within one edit of them (a
symmetric one-deletion index), plus two adjacent tokens written as one word
(``Gazpromneft`` = ``Gazprom Neft``). Candidates are ranked by a cheap upper-bound
of the final score and only the best few are scored in full.
"""

from __future__ import annotations

import heapq
import itertools
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Final, NamedTuple

from rapidfuzz.distance import OSA

from screening.acronyms import acronym_words, runs
from screening.east_asian import east_asian_retrieval_keys
from screening.given_names import given_name_of
from screening.glossary import (
    acronym_spellings,
    concept_of,
    is_place_adjective,
    pair_concept,
    word_stem,
)
from screening.hebrew import has_hebrew, latin_retrieval_keys
from screening.memo import Memo
from screening.model import Entity
from screening.names import (
    ARABIC,
    CHINESE,
    EAST_ASIAN,
    HEBREW,
    WORD,
    ParsedName,
    Role,
    Token,
    double_surname,
    is_title,
    joined_key,
    origin_keys,
    parse_name,
    particle_runs,
)
from screening.settings import MEMORY
from screening.translit import (
    ARABIC_ARTICLES,
    SOUND_PAIRS,
    abjad_retrieval_keys,
    arabic_retrieval_keys,
    token_key,
)
from screening.weights import DEFAULT_WEIGHTS, ScoringWeights

_SPARE_CANDIDATES: Final = 4
"""Names ranked per candidate place, from which those of entities already holding
``names_per_entity`` places are passed over."""


def is_middle_name(person: bool, position: int, size: int, role: Role) -> bool:
    """A word between a person's first and last: a middle name, which people leave out."""
    return person and 0 < position < size - 1 and role is WORD


def arabic_written_as_one(tokens: Sequence[Token]) -> list[tuple[int, int, str]]:
    """Words of an Arabic, Persian or Urdu name that romanisations also write as one word:
    (first position, last position, the words run together).

    A compound given name is one name written in parts, hyphenated or as one word
    (``Zebih Ullah``, ``Zabihullah``; ``Abd al-Basit``, ``Abdelbasit``; ``Nur ud-Din``,
    ``Nuruddin``), and the article is written apart, hyphenated or glued to the word after
    it (``al-Maghribi``, ``ALMAGHRIBI``): ALA-LC and BGN/PCGN hyphenate the article, common
    usage and many lists glue it or drop the space (ALA-LC Romanization Tables, Arabic,
    rules 17-19; BGN/PCGN 1956 Arabic, note on the article). So: every two adjacent
    words, and a word, an article and a word (``Abd al Basit``). Retrieval looks these
    up by their Arabic keys; scoring decides (rules ``compound``, ``arabic_compound``)."""
    spans: list[tuple[int, int, str]] = []
    words = [
        k for k, token in enumerate(tokens) if token.role in (Role.WORD, Role.PARTICLE)
    ]
    for a, b in itertools.pairwise(words):
        if b == a + 1:
            spans.append((a, b, tokens[a].text + tokens[b].text))
    for a, b, c in zip(words, words[1:], words[2:], strict=False):
        if c == a + 2 and tokens[b].folded in ARABIC_ARTICLES and tokens[a].role is Role.WORD:
            spans.append((a, c, tokens[a].text + tokens[b].text + tokens[c].text))
    return spans


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


def two_deletions(key: str) -> set[str]:
    """Every string made by deleting two characters of ``key`` (the deletions of its
    deletions, made at once)."""
    size = len(key)
    return {
        key[:i] + key[i + 1 : j] + key[j + 1 :] for i in range(size) for j in range(i + 1, size)
    }


def _raise_to(best: dict[int, float], names: Iterable[int], value: float) -> None:
    """Raise each name's value in ``best`` to ``value`` where that is higher: a name
    counts with the best value any key finds it by. Retrieval does this for every name
    under every key a query word meets, so the first key (the word itself, most often
    the one of most names) fills the empty dict in one call, in C."""
    if not best and value > 0.0:
        best.update(dict.fromkeys(names, value))
        return
    get = best.get
    for name in names:
        if value > get(name, 0.0):
            best[name] = value


_ASIDE: Final = re.compile(r"\s*\([^()]*\)")


def _readings(text: str) -> list[str]:
    """A listed name as written and, when it holds a bracketed aside (an acronym, a former
    name: ``FAR EASTERN SHIPPING COMPANY (FESCO)``), also without it: a query gives one or
    the other, rarely both."""
    bare = _ASIDE.sub("", text).strip()
    return [text, bare] if bare and bare != text else [text]


class WordMatches(NamedTuple):
    """What one query word matches in retrieval."""

    names: dict[int, float]  # name number -> the best the word contributes to it
    unseen: bool  # the word is in no list name (most likely misspelt)
    weight: float  # the word's own weight


class Candidate(NamedTuple):
    """A retrieved name and the estimate of its score."""

    number: int
    estimate: float


class ListName(NamedTuple):
    """A list name parsed, before it is indexed."""

    entity: int  # the entity's number
    text: str  # as the list writes it
    parsed: ParsedName  # of the text, or of a reading of it
    weak: bool


def _parse_list_names(entities: list[Entity]) -> list[ListName]:
    """Every distinct name of every entity, parsed, in each of its readings."""
    parsed: list[ListName] = []
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
                        parsed.append(ListName(number, text, name, weak))
    return parsed


def _frequencies(parsed: list[ListName]) -> tuple[dict[str, int], dict[str, int]]:
    """How many names hold each word key, and each glossary concept."""
    frequency: dict[str, int] = defaultdict(int)
    concept_frequency: dict[str, int] = defaultdict(int)
    for listed in parsed:
        keys = {token.key for token in listed.parsed.tokens}
        for key in keys:
            frequency[key] += 1
        found = {c for key in keys if (c := concept_of(key)) is not None}
        found.update(c for *_, c in listed.parsed.joined if c is not None)
        for name_concept in found:
            concept_frequency[name_concept] += 1
    # A glossary word is as common as its concept in any language: ``organizatsiya``
    # weighs what ``organization`` weighs, however rarely the list spells it so.
    for key in list(frequency):
        key_concept = concept_of(key)
        if key_concept is not None:
            frequency[key] = max(frequency[key], concept_frequency[key_concept])
    return dict(frequency), dict(concept_frequency)


@dataclass
class NameIndex:
    """All list names, ready for retrieval. Plain data, so the cache can store it as JSON."""

    entities: list[Entity]
    names: list[IndexedName]
    document_frequency: dict[str, int]
    postings: dict[str, list[int]]
    compound_postings: dict[str, list[int]]
    concept_frequency: dict[str, int] = field(default_factory=dict)
    concept_postings: dict[str, list[int]] = field(default_factory=dict)
    given_name_postings: dict[str, list[int]] = field(default_factory=dict)  # by name group
    # Names holding a place adjective (``Permskiy``), or a word with an ending, by stem.
    adjective_postings: dict[str, list[int]] = field(default_factory=dict)
    stem_postings: dict[str, list[int]] = field(default_factory=dict)
    # Organisations' names by the initials of their runs of words (``fci``: ``Finance and
    # Credit Institute``), where an acronym in a query finds them; and by their words that
    # may be acronyms, as written (``fci``), where a query's words in a row find them.
    initials_postings: dict[str, list[int]] = field(default_factory=dict)
    acronym_postings: dict[str, list[int]] = field(default_factory=dict)
    entity_names: list[list[int]] = field(default_factory=list)  # name numbers by entity
    name_count: int = 0  # set before any weight is computed
    least_weights: list[float] = field(default_factory=list)  # IndexedName.weight, by number
    _similar: Memo[str, list[tuple[str, float]]] = field(
        default_factory=lambda: Memo(MEMORY.similar_keys), repr=False
    )
    _matches: Memo[tuple[Token, frozenset[str]], dict[int, float]] = field(
        default_factory=lambda: Memo(MEMORY.word_match_names), repr=False
    )
    _key_weights: Memo[str, float] = field(
        default_factory=lambda: Memo(MEMORY.key_weights), repr=False
    )
    neighbours: dict[str, list[str]] = field(default_factory=dict)
    # Names showing a name origin (Arabic, Korean, Chinese), by the origin keys of their
    # words: where the romanisation rules of that origin find them for a query of that
    # origin. (A list name of an origin is found for a query of none by its words' keys
    # and their one-edit neighbours only: origin keys are coarse and would crowd out the
    # candidates of every plain query.)
    origin_postings: dict[str, list[int]] = field(default_factory=dict)
    # Every name by the consonant skeletons (``he:`` keys) of its words, for queries in
    # Hebrew script; made at the first such query: most books hold none.
    _hebrew_postings: dict[str, list[int]] | None = field(default=None, repr=False)
    weights: ScoringWeights = DEFAULT_WEIGHTS

    @classmethod
    def build(cls, entities: list[Entity], weights: ScoringWeights = DEFAULT_WEIGHTS) -> NameIndex:
        """Parse every list name, count its words, then index them for retrieval."""
        parsed = _parse_list_names(entities)
        frequency, concept_frequency = _frequencies(parsed)
        index = cls(
            entities=entities,
            names=[],
            document_frequency=frequency,
            concept_frequency=concept_frequency,
            postings={},
            compound_postings={},
            name_count=len(parsed),
            weights=weights,
        )
        pair_concepts = index._add_names(parsed)
        index._add_rule_postings(pair_concepts)
        index._add_origin_postings()
        index._add_neighbours()
        index._key_weights.clear()  # a query-time memo starts empty, as in a cached index
        return index

    def _add_names(self, parsed: list[ListName]) -> dict[str, list[int]]:
        """Weigh every name's tokens, and post it under its word keys and compounds.
        Returns the names by the concept of two adjacent words (``Far Eastern``)."""
        postings: dict[str, list[int]] = defaultdict(list)
        compounds: dict[str, list[int]] = defaultdict(list)
        pair_concepts: dict[str, list[int]] = defaultdict(list)
        initials: dict[str, list[int]] = defaultdict(list)
        acronyms: dict[str, list[int]] = defaultdict(list)
        max_acronym_names = self.weights.max_acronym_names
        for number, (owner, text, name, weak) in enumerate(parsed):
            token_weights = tuple(self.token_weight(token) for token in name.tokens)
            person = self.entities[owner].schema_ == "Person"
            least = self._least_weight(name, token_weights, person)
            self.names.append(IndexedName(owner, text, name, weak, token_weights, least))
            for key in dict.fromkeys(name.tokens[i].key for i in name.words):
                postings[key].append(number)
            for _, _, joined, pair in name.joined:
                compounds[joined].append(number)
                if pair is not None:
                    pair_concepts[pair].append(number)
            for letters in runs(name):
                initials[letters].append(number)
            for j in acronym_words(name, self.document_frequency.get, max_acronym_names):
                acronyms[name.tokens[j].folded].append(number)
        self.least_weights = [indexed.weight for indexed in self.names]
        self.entity_names = [[] for _ in self.entities]
        for number, indexed in enumerate(self.names):
            self.entity_names[indexed.entity].append(number)
        self.postings = dict(postings)
        self.compound_postings = dict(compounds)
        self.initials_postings = dict(initials)
        self.acronym_postings = dict(acronyms)
        return pair_concepts

    def _least_weight(
        self, name: ParsedName, token_weights: tuple[float, ...], person: bool
    ) -> float:
        """What the name weighs at least when unmatched: its optional parts discounted as
        scoring discounts them, so that the retrieval estimate stays optimistic."""
        weights = self.weights
        size = len(name.tokens)
        surnames = double_surname(name) if person else None
        optional = {surnames[1]} if surnames else set()
        return sum(
            weight
            * (
                weights.middle_name_factor
                if is_middle_name(person, j, size, token.role) or j in optional
                else weights.unmatched_list_factor(token.role)
            )
            for j, (token, weight) in enumerate(zip(name.tokens, token_weights, strict=True))
        )

    def _add_rule_postings(self, pair_concepts: dict[str, list[int]]) -> None:
        """Post names under the glossary concepts, given names and stems of their words."""
        concepts: dict[str, list[int]] = defaultdict(list, pair_concepts)
        stems: dict[str, list[int]] = defaultdict(list)
        adjectives: dict[str, list[int]] = defaultdict(list)
        given_names: dict[str, list[int]] = defaultdict(list)
        for key, holders in self.postings.items():
            concept = concept_of(key)
            if concept is not None:
                concepts[concept].extend(holders)
            elif (name := given_name_of(key)) is not None:
                given_names[name.group].extend(holders)
            stem = word_stem(key)
            if stem is not None and stem != key:
                (adjectives if is_place_adjective(key) else stems)[stem].extend(holders)
        self.stem_postings = {s: sorted(set(found)) for s, found in stems.items()}
        self.adjective_postings = {s: sorted(set(found)) for s, found in adjectives.items()}
        self.concept_postings = {c: sorted(set(found)) for c, found in concepts.items()}
        self.given_name_postings = {g: sorted(set(found)) for g, found in given_names.items()}

    def _add_origin_postings(self) -> None:
        """Post the names that show a name origin under their words' origin keys, and
        every other name under its words' consonants (``ab:`` keys): a name in Arabic
        letters may be of any listed name written in Latin letters without a sign of its
        origin (``محمدی`` is ``Mohammadi``)."""
        origin_postings: dict[str, list[int]] = defaultdict(list)
        for number, indexed in enumerate(self.names):
            name = indexed.parsed
            for i in name.words:
                word = name.tokens[i].text
                keys = origin_keys(word, name.origins, listed=True)
                if ARABIC not in name.origins:
                    keys.update(abjad_retrieval_keys(word))
                for key in keys:
                    origin_postings[key].append(number)
            if EAST_ASIAN in name.origins:
                # Syllables of a given name are written apart or as one (``Kyong Ja``,
                # ``Gyeongja``): a query writing them as one finds them by this key.
                for j, j2, _, _ in name.joined:
                    joined = name.tokens[j].text + name.tokens[j2].text
                    for key in east_asian_retrieval_keys(joined, CHINESE in name.origins):
                        origin_postings[key].append(number)
            if ARABIC in name.origins:
                # A compound name or an article written apart here may be written as one
                # word in a query (``Zebih Ullah``, ``Zabihullah``): found by this key.
                for _, _, joined in arabic_written_as_one(name.tokens):
                    for key in arabic_retrieval_keys(joined):
                        origin_postings[key].append(number)
        self.origin_postings = dict(origin_postings)

    def hebrew_postings(self) -> dict[str, list[int]]:
        """Every name under the consonant skeletons of its words (``he:`` keys), where a
        word in Hebrew script finds its romanisations; made once, at the first query that
        needs it (list names are seldom Hebrew in origin, so no origin marks them)."""
        if self._hebrew_postings is None:
            postings: dict[str, list[int]] = defaultdict(list)
            for number, indexed in enumerate(self.names):
                tokens = indexed.parsed.tokens
                for i in indexed.parsed.words:
                    if tokens[i].role in (Role.NUMBER, Role.INITIAL):
                        continue
                    for key in latin_retrieval_keys(tokens[i].folded):
                        postings[key].append(number)
            self._hebrew_postings = dict(postings)
        return self._hebrew_postings

    def _add_neighbours(self) -> None:
        """The symmetric one-deletion index: every key under itself and its deletions."""
        min_fuzzy_key = self.weights.min_fuzzy_key
        neighbours: dict[str, list[str]] = defaultdict(list)
        for key in self.postings:
            if len(key) >= min_fuzzy_key - 1:  # ``AMS`` is one letter from ``AMX``'s ``amks``
                neighbours[key].append(key)
            if len(key) >= min_fuzzy_key:
                for variant in deletions(key):
                    neighbours[variant].append(key)
        self.neighbours = dict(neighbours)

    @property
    def size(self) -> int:
        return len(self.names)

    def key_weight(self, key: str) -> float:
        """Inverse document frequency of a key: rare words (``Gazaryan``) weigh more than
        common ones (``Ivanov``, ``Mohammad``); unseen keys weigh the most. Remembered
        per key: retrieval asks for the weight of every key it meets."""
        weight = self._key_weights.get(key)
        if weight is None:
            weight = self._idf(key)
            self._key_weights.put(key, weight)
        return weight

    def _idf(self, key: str) -> float:
        count = self.document_frequency.get(key)
        if count is None:
            concept = concept_of(key)
            count = self.concept_frequency.get(concept, 0) if concept else 0
        idf = math.log((self.name_count + 1) / (count + 0.5))
        return min(max(idf, self.weights.min_weight), self.weights.max_weight)

    def token_weight(self, token: Token) -> float:
        if token.role is Role.LEGAL:
            return self.weights.legal_weight
        if is_title(token):
            return self.weights.title_weight
        weight = self.key_weight(token.key)
        if token.role is Role.PARTICLE:
            return weight * self.weights.particle_factor
        if token.role is Role.INITIAL:
            return self.weights.min_weight
        return weight

    def similar_keys(self, key: str) -> list[tuple[str, float]]:
        """List keys equal to ``key`` or within one edit of it, with their similarity.

        A long word that no list name holds (most likely misspelt) is also looked up
        within two edits, which scoring still accepts at that length. Remembered per key:
        the words of a customer book repeat (given names, common surnames)."""
        cached = self._similar.get(key)
        if cached is None:
            cached = self._find_similar_keys(key)
            self._similar.put(key, cached)
        return cached

    def _find_similar_keys(self, key: str) -> list[tuple[str, float]]:
        weights = self.weights
        found: dict[str, float] = {}
        if key in self.postings:
            found[key] = 1.0
        if len(key) >= weights.min_fuzzy_key:
            probes = deletions(key)
            if len(key) >= weights.min_two_edit_key and key not in self.postings:
                probes.update(two_deletions(key))
            probes.add(key)
            compared: set[str] = set(found)  # a key reached through several probes: once
            neighbours = self.neighbours
            for probe in probes:
                for other in neighbours.get(probe, ()):
                    if other not in compared:
                        compared.add(other)
                        similarity = OSA.normalized_similarity(key, other)
                        if similarity >= weights.min_fuzzy_similarity:
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
        if len(folded) < self.weights.min_two_edit_key:
            return []
        # A plain swap is two deletions apart, which the one-deletion index finds; only
        # a swap that makes or breaks a letter pair the key rules read as one sound is not.
        swapped = {
            folded[:i] + folded[i + 1] + folded[i] + folded[i + 2 :]
            for i in range(len(folded) - 1)
            if folded[i : i + 2] in SOUND_PAIRS or folded[i + 1] + folded[i] in SOUND_PAIRS
        }
        found = {
            key: self.weights.spelling_typo_estimate
            for respelt in deletions(folded) | swapped
            if (key := token_key(respelt)) in self.postings
        }
        return list(found.items())

    def _token_matches(
        self, token: Token, weight: float, origins: frozenset[str] = frozenset()
    ) -> dict[int, float]:
        """For one query word: every name it may match, with its best contribution;
        ``origins``: those of the query's name, whose romanisation rules also find names.

        Depends on the word and the origins alone, so it is remembered for words seen
        before (given names and common surnames repeat throughout a customer book). The
        word as written is part of what is remembered: words of one key differ in their
        origin keys (``Hu`` and ``Hou`` key alike, their Chinese readings do not), their
        respellings and their Hebrew skeletons, and a memo keyed by less would answer
        one word with another's matches, the result then depending on the queries before."""
        hebrew_word = HEBREW in origins and has_hebrew(token.text)
        memo_key = (token, origins)
        cached = self._matches.get(memo_key)
        if cached is not None:
            return cached
        weights = self.weights
        best: dict[int, float] = {}
        unseen = token.key not in self.postings
        for variant in token.keys:
            similar = self.similar_keys(variant)
            if not similar and variant == token.key:
                similar = self._respelt_keys(token)
            for key, similarity in similar:
                if similarity < 1.0 and not unseen:
                    if similarity < weights.min_known_word_similarity:
                        continue
                    similarity *= weights.known_word_typo_factor
                listed_weight = self.key_weight(key)
                # As in scoring: a word no list holds (most likely misspelt) weighs
                # what the list word it matches weighs.
                value = similarity * ((listed_weight if unseen else weight) + listed_weight)
                _raise_to(best, self.postings[key], value)
            self._add_rule_matches(variant, weight, best)
        if origins and token.role not in (Role.NUMBER, Role.INITIAL, Role.LEGAL):
            value = weights.origin_variant_estimate(origins) * 2 * weight
            hebrew = self.hebrew_postings() if hebrew_word else {}
            for key in origin_keys(token.text, origins):
                names = itertools.chain(self.origin_postings.get(key, ()), hebrew.get(key, ()))
                _raise_to(best, names, value)
        if len(best) <= MEMORY.word_match_max_names:
            self._matches.put(memo_key, best, max(len(best), 1))
        return best

    def _add_rule_matches(self, variant: str, weight: float, best: dict[int, float]) -> None:
        """Credit the names a query key meets through a rule rather than its spelling:
        a place and its adjective (two plain words sharing a stem do not), a glossary
        concept, a given name's other forms, two list words written as one. The same
        similarities as scoring's rules; a compound is credited in full (an upper bound)."""
        weights = self.weights
        stem = word_stem(variant) or ""
        adjective = is_place_adjective(variant)
        concept = concept_of(variant)
        given_name = given_name_of(variant) if concept is None else None
        sources = (
            (self.adjective_postings.get(stem), weights.stem),
            (self.stem_postings.get(stem) if adjective else None, weights.stem),
            (self.postings.get(stem) if adjective else None, weights.stem),
            (self.concept_postings.get(concept) if concept else None, weights.glossary),
            (
                self.given_name_postings.get(given_name.group) if given_name else None,
                weights.given_name,
            ),
            (self.compound_postings.get(variant), 1.0),
        )
        for found, share in sources:
            _raise_to(best, found or (), share * 2 * weight)

    @staticmethod
    def _skippable(weights: list[float], scoring: ScoringWeights = DEFAULT_WEIGHTS) -> set[int]:
        """Positions of query words that need not be looked up.

        A name that matches only the lightest words of a query, together weighing less
        than a quarter of it, cannot score half the scale (score <= 2a / (W + a)); it
        will be found through a heavier word if it matches one. Looking up ``Mohammad``
        or ``Ivanov`` in every list name is the costliest part of retrieval; a rarer word
        is cheap to look up and is kept, since the estimate of the names found through
        the heavier words needs it (``SBERBANK`` next to two misspelt words)."""
        budget = scoring.retrieval_skip_share * sum(weights)
        skippable_weight = scoring.skippable_weight
        order = sorted(range(len(weights)), key=lambda i: (weights[i], i))[:-1]
        skipped: set[int] = set()
        total = 0.0
        for i in order:
            if weights[i] > skippable_weight or total + weights[i] >= budget:
                break
            total += weights[i]
            skipped.add(i)
        return skipped

    def candidates(self, query: ParsedName, limit: int, floor: float = 0.0) -> list[Candidate]:
        """Names worth scoring in full with an estimate of their score, best first.

        The estimate credits each query word with its best match in the name and
        discounts the name's optional parts, so it rarely falls below the true score.
        Names whose estimate falls below ``floor`` are left out."""
        tokens = [t for t in query.tokens if t.role not in (Role.INITIAL, Role.LEGAL)]
        if not tokens:
            tokens = [t for t in query.tokens if t.role is not Role.LEGAL]
        weights = [self.token_weight(token) for token in tokens]
        query_weight = sum(
            weight
            * (self.weights.unmatched_query_patronymic if token.role is Role.PATRONYMIC else 1.0)
            for token, weight in zip(tokens, weights, strict=True)
        )
        skipped = self._skippable(weights, self.weights)
        matches = sorted(
            (
                WordMatches(
                    self._token_matches(token, weight, query.origins),
                    token.key not in self.postings,
                    weight,
                )
                for position, (token, weight) in enumerate(zip(tokens, weights, strict=True))
                if position not in skipped
            ),
            key=lambda found: len(found.names),
            reverse=True,
        )
        # Start from a copy of the largest word's matches (done in C), add the others.
        gained: dict[int, float] = dict(matches[0].names) if matches else {}
        for found in matches[1:]:
            for name, value in found.names.items():
                gained[name] = gained.get(name, 0.0) + value
        # A misspelt word weighs what its match weighs (value / 2 at most), not its own.
        lighter: dict[int, float] = {}
        for found in matches:
            if found.unseen:
                for name, value in found.names.items():
                    lighter[name] = lighter.get(name, 0.0) + found.weight - value / 2
        self._add_joined_words(tokens, weights, gained, query.origins)
        if query.organisation:
            self._add_acronyms(query, gained)
        if not gained:
            return []
        return self._best_estimates(gained, lighter, query_weight, limit, floor)

    def _add_acronyms(self, query: ParsedName, gained: dict[int, float]) -> None:
        """Credit organisations' names whose words in a row a query word is the acronym of
        (``FCI``: ``Finance and Credit Institute``), and names holding the acronym of
        query words in a row, as scoring's rule ``acronym`` pairs them. Only names found
        through another word: an acronym alone counts as initials do, far under any
        threshold, and would crowd the candidates out (three words have some listed
        acronym for their initials)."""
        value_of = self.weights.acronym
        tokens = query.tokens
        weights = [self.token_weight(token) for token in tokens]
        frequency = self.document_frequency.get
        for i in acronym_words(query, frequency, self.weights.max_acronym_names):
            value = value_of * 2 * weights[i]
            for name in self.initials_postings.get(tokens[i].folded, ()):
                if name in gained:
                    gained[name] += value
        for letters, spans in runs(query).items():
            holders = self.acronym_postings.get(letters)
            if not holders:
                continue
            weight = max(sum(weights[j] for j in span) for span in spans)
            value = value_of * (weight + self.weights.max_weight)
            for name in holders:
                if name in gained:
                    gained[name] += value

    def _add_joined_words(
        self,
        tokens: list[Token],
        weights: list[float],
        gained: dict[int, float],
        origins: frozenset[str] = frozenset(),
    ) -> None:
        """Credit names that hold two adjacent query words written as one, or their
        concept together (``Zheleznye Dorogi``), particles in a row and the word after
        them written as one (``van der Bilt``: ``Vanderbilt``, see ``ParsedName.joined``),
        or, in a Korean or Chinese name, their syllables in another romanisation
        (``Gyeong Ja``, ``Kyongja``)."""
        for i, j in particle_runs(tokens):
            joined = joined_key(*(token.key for token in tokens[i : j + 1]))
            value = sum(weights[i : j + 1]) + self.key_weight(joined)
            for name in self.postings.get(joined, ()):
                gained[name] = gained.get(name, 0.0) + value
        if ARABIC in origins:
            self._add_arabic_written_as_one(tokens, weights, gained, origins)
        for i in range(len(tokens) - 1):
            joined = joined_key(tokens[i].key, tokens[i + 1].key)
            pair_weight = weights[i] + weights[i + 1]
            value = pair_weight + self.key_weight(joined)
            for name in self.postings.get(joined, ()):
                gained[name] = gained.get(name, 0.0) + value
            if EAST_ASIAN in origins:
                value = self.weights.origin_variant_estimate(origins) * 2 * pair_weight
                for key in east_asian_retrieval_keys(tokens[i].text + tokens[i + 1].text):
                    for name in self.origin_postings.get(key, ()):
                        gained[name] = gained.get(name, 0.0) + value
            concept = pair_concept(tokens[i].key, tokens[i + 1].key)
            if concept is not None:
                value = 2 * self.weights.glossary * pair_weight
                for name in self.concept_postings.get(concept, ()):
                    gained[name] = gained.get(name, 0.0) + value
            first, second = tokens[i], tokens[i + 1]
            value = 2 * self.weights.glossary * pair_weight
            for spelling in acronym_spellings(
                (first.folded, first.key), (second.folded, second.key)
            ):
                for name in self.postings.get(token_key(spelling), ()):
                    gained[name] = gained.get(name, 0.0) + value

    def _add_arabic_written_as_one(
        self,
        tokens: list[Token],
        weights: list[float],
        gained: dict[int, float],
        origins: frozenset[str],
    ) -> None:
        """Credit names that write query words of an Arabic name as one word (``Adb al
        Basit``: ``Adbelbasit``; see ``arabic_written_as_one``), found by the Arabic keys
        of the words run together. A word, an article and a word are also looked up by
        their consonants (``ab:``), under which every list name not of Arabic look is
        posted too: such a word is long and its consonants are specific."""
        estimate = self.weights.origin_variant_estimate(origins) * 2
        for first, last, joined in arabic_written_as_one(tokens):
            value = estimate * sum(weights[first : last + 1])
            for key in arabic_retrieval_keys(joined, listed=last > first + 1):
                for name in self.origin_postings.get(key, ()):
                    gained[name] = gained.get(name, 0.0) + value

    def _best_estimates(
        self,
        gained: dict[int, float],
        lighter: dict[int, float],
        query_weight: float,
        limit: int,
        floor: float,
    ) -> list[Candidate]:
        """The ``limit`` names of highest estimate: what they gained over the weight of
        both names (the query's lightened by its misspelt words, the name's at least)."""
        least = self.least_weights
        # The estimate's denominator is at least this, so a lower value cannot reach floor.
        cut = floor * (query_weight - max(lighter.values(), default=0.0))
        keep_all = floor <= 0  # else only estimates at the floor; tested before a pair is made
        if lighter:
            estimates = [
                (estimate, -name)
                for name, value in gained.items()
                if value >= cut
                and (
                    (estimate := value / (query_weight - lighter.get(name, 0.0) + least[name]))
                    >= floor
                    or keep_all
                )
            ]
        else:
            estimates = [
                (estimate, -name)
                for name, value in gained.items()
                if value >= cut
                and ((estimate := value / (query_weight + least[name])) >= floor or keep_all)
            ]
        return self._diverse(heapq.nlargest(limit * _SPARE_CANDIDATES, estimates), limit)

    def _diverse(self, ranked: list[tuple[float, int]], limit: int) -> list[Candidate]:
        """The ``limit`` best names, at most ``names_per_entity`` of one entity: an entity
        listing a name in many spellings (``Abd al-Wahab``, ``'Abdul-Wahab``...) would
        otherwise fill every place, though its score is the best over all its names,
        which ranking scores in full for an entity it may report."""
        per_entity = self.weights.names_per_entity
        taken: dict[int, int] = {}
        chosen: list[Candidate] = []
        for estimate, negated in ranked:
            entity = self.names[-negated].entity
            if taken.get(entity, 0) >= per_entity:
                continue
            taken[entity] = taken.get(entity, 0) + 1
            chosen.append(Candidate(-negated, estimate))
            if len(chosen) == limit:
                break
        return chosen
