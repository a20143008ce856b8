"""Token alignment, the score of a hit, and its structured explanation.

A query and a list name are compared token by token. Each query token is aligned
with at most one list token (or two adjacent ones written as one word), and the
score is the weighted share of both names that the alignment covers:

    score = sum(similarity * (w_query + w_list) over aligned pairs)
            / (weight of every token on both sides, unmatched ones discounted by role)

Weights are inverse document frequencies, so a rare surname decides more than a
common first name. Missing patronymics and middle names are discounted (lists and
people drop them); a different one counts in full. Secondary evidence (birth date,
country, schema) then moves the score up or down by small, documented amounts.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA, Indel

from screening.east_asian import east_asian_rules
from screening.given_names import given_name_of, patronymic_of
from screening.glossary import concept_of, is_place_adjective, word_stem
from screening.index import (
    KNOWN_WORD_TYPO_FACTOR,
    MIDDLE_NAME_FACTOR,
    MIN_FUZZY_SIMILARITY,
    MIN_KNOWN_WORD_SIMILARITY,
    OPTIONAL_FACTOR,
    UNMATCHED_QUERY_PATRONYMIC,
    IndexedName,
    NameIndex,
    is_middle_name,
)
from screening.model import EvidenceCheck, Hit, Query
from screening.names import ARABIC, EAST_ASIAN, ParsedName, Role, Token, parse_name
from screening.settings import Settings
from screening.text import has_cyrillic, is_read_not_spelt
from screening.translit import arabic_rules, rules_between

EXACT = 1.0
TRANSLITERATION = 0.97
COMPOUND = 0.95
GLOSSARY = 0.9
GIVEN_NAME = 0.9  # Volodymyr = Vladimir: one name, not one spelling
STEM = 0.9
INITIAL = 0.8
GENDER_VARIANT = 0.6
# Two spellings of an Arabic, Persian or Urdu name by romanisation rules (vowels guessed,
# ``q``/``gh``, ``dh``/``z``...): a rule, not a typo, though less certain than Cyrillic's.
ARABIC_VARIANT = 0.93
# Two romanisations of a Korean or Chinese syllable (McCune-Reischauer and Revised
# Romanization, Wade-Giles and pinyin), or of a Korean family name.
EAST_ASIAN_VARIANT = 0.93
# Two Latin spellings of one word by those rules differ in length by a glued article and a
# few vowels at most: longer gaps are not worth trying.
MAX_ORIGIN_LENGTH_GAP = 5
MIN_TYPO_LENGTH = 3  # shorter words only match exactly
# Below this similarity (down to MIN_FUZZY_SIMILARITY: one edit in three letters, two in
# six) a typo may change at most MAX_LOOSE_TYPO_EDITS letters.
LOOSE_TYPO_SIMILARITY = 0.7
MAX_LOOSE_TYPO_EDITS = 2

# How much an unmatched token of the list name counts against the match: the same
# discounts for optional parts (patronymics, initials) that the retrieval estimate uses.
UNMATCHED_LIST_FACTOR = {role: OPTIONAL_FACTOR.get(role, 1.0) for role in Role}
UNMATCHED_QUERY_INITIAL = 0.3
LEGAL_FORM_MISMATCH = 0.05
INITIALS_ONLY_FACTOR = 0.5
WEAK_ALIAS_FACTOR = 0.75
NAME_SHARE = 0.95  # the rest of the scale is left for secondary evidence

BIRTH_DATE_MATCH = 0.05
BIRTH_YEAR_MATCH = 0.03
BIRTH_DATE_DIFFERENT = -0.10
COUNTRY_MATCH = 0.02
COUNTRY_DIFFERENT = -0.03
SCHEMA_DIFFERENT = -0.15
MAX_EVIDENCE_GAIN = BIRTH_DATE_MATCH + COUNTRY_MATCH
# Which retrieved candidates are scored in full, as shares of the threshold that their
# retrieval estimate must reach: any with a good estimate, and the leading few with a
# fair one. Measured on the dev set: names that score above the threshold have an
# estimate of at least half their score, but for a few with two misspelt words.
GOOD_ESTIMATE = 0.65
FAIR_ESTIMATE = 0.58
LEADING_CANDIDATES = 4
COMPLETION_MARGIN = 0.1  # entities this far below the threshold get all names scored


@dataclass(frozen=True, slots=True)
class Similarity:
    value: float
    rule: str
    detail: str = ""


_NONE = Similarity(0.0, "unmatched")
_LETTER_CLASS = str.maketrans("yj", "ii")


def _gender_pair(a: str, b: str) -> bool:
    """``Ivanov``/``Ivanova``, ``Kovalski``/``Kovalska``: the same family, not the same person."""
    if len(a) < 4 or len(b) < 4 or a == b:
        return False
    if len(a) + 1 == len(b):
        return b[-1] == "a" and b.startswith(a)
    if len(b) + 1 == len(a):
        return a[-1] == "a" and a.startswith(b)
    return len(a) == len(b) and a[:-1] == b[:-1] and {a[-1], b[-1]} == {"i", "a"}


@lru_cache(maxsize=200_000)
def _compare(
    q_folded: str, q_keys: tuple[str, ...], q_role: Role, l_folded: str, l_key: str, l_role: Role
) -> Similarity:
    if q_folded == l_folded:
        return Similarity(EXACT, "exact")
    if l_key in q_keys:
        rules = rules_between(q_folded, l_folded)
        return Similarity(TRANSLITERATION, "transliteration", ", ".join(rules))
    if q_role is Role.NUMBER or l_role is Role.NUMBER:
        return _NONE
    if q_role is Role.INITIAL or l_role is Role.INITIAL:
        initial, word = (q_folded, l_folded) if q_role is Role.INITIAL else (l_folded, q_folded)
        a = initial[0].translate(_LETTER_CLASS)
        if a in (
            word[0].translate(_LETTER_CLASS),
            (l_key if q_role is Role.INITIAL else q_keys[0])[:1],
        ):
            return Similarity(INITIAL, "initial", f"{initial[0]} = {word}")
        return _NONE
    for key in q_keys:
        if key[:3] == l_key[:3] and _gender_pair(key, l_key):  # the prefix check is cheap
            return Similarity(GENDER_VARIANT, "gender_variant", "possible relative")
    if q_role is Role.PATRONYMIC and l_role is Role.PATRONYMIC:
        father = patronymic_of(l_key)
        if father is not None and any(patronymic_of(key) == father for key in q_keys):
            return Similarity(GIVEN_NAME, "given_name", f"patronymic of one name ({father[5:]})")
    if q_role is Role.WORD and l_role is Role.WORD:
        name = given_name_of(l_key)
        if name is not None and any(given_name_of(key) == name for key in q_keys):
            return Similarity(GIVEN_NAME, "given_name", f"one given name ({name[5:]})")
        stem = word_stem(l_key)
        if stem is not None and any(
            word_stem(key) == stem and (is_place_adjective(key) or is_place_adjective(l_key))
            for key in q_keys
        ):
            return Similarity(STEM, "stem", f"same stem {stem!r}")
        concept = concept_of(l_key)
        if concept is not None and any(concept_of(key) == concept for key in q_keys):
            return Similarity(GLOSSARY, "glossary", concept)
    if min(len(l_folded), len(q_folded)) < MIN_TYPO_LENGTH:
        return _NONE
    best = max(
        max(OSA.normalized_similarity(key, l_key) for key in q_keys),
        OSA.normalized_similarity(q_folded, l_folded),
    )
    if best < MIN_FUZZY_SIMILARITY:
        return _NONE
    edits = min(min(OSA.distance(key, l_key) for key in q_keys), OSA.distance(q_folded, l_folded))
    if best < LOOSE_TYPO_SIMILARITY and edits > MAX_LOOSE_TYPO_EDITS:
        return _NONE  # a third of a long word changed: another word, not a typo
    return Similarity(round(best, 4), "typo", f"{edits} edit{'s' if edits != 1 else ''}")


_CROSS_SCRIPT = Similarity(EXACT, "transliteration", "Cyrillic = Latin")


_NO_ORIGIN_RULES = (Role.NUMBER, Role.INITIAL, Role.LEGAL)
_NO_ORIGINS: frozenset[str] = frozenset()


def origin_rule(query: str, listed: str, origins: frozenset[str]) -> Similarity | None:
    """Two spellings of one word by the romanisation rules of a name origin (Arabic,
    Korean or Chinese), applied only when ``origins`` (of either name) holds it."""
    if ARABIC in origins and (rules := arabic_rules(query, listed)):
        return Similarity(ARABIC_VARIANT, "transliteration", ", ".join(rules))
    if EAST_ASIAN in origins and (rules := east_asian_rules(query, listed)):
        return Similarity(EAST_ASIAN_VARIANT, "transliteration", ", ".join(rules))
    return None


def compare_tokens(
    query: Token,
    listed: Token,
    query_cyrillic: bool | None = None,
    origins: frozenset[str] = _NO_ORIGINS,
) -> Similarity:
    """How alike two tokens are, and by which rule (``query_cyrillic``: if already known,
    whether the query token is written in Cyrillic; ``origins``: the name origins either
    name shows, whose romanisation rules then apply)."""
    found = _compare(query.folded, query.keys, query.role, listed.folded, listed.key, listed.role)
    if found.rule in ("typo", "transliteration") and (
        is_read_not_spelt(query.text) or is_read_not_spelt(listed.text)
    ):
        # A word read from Han, kana or Hangul is romanised syllable by syllable, in
        # pinyin or Revised Romanization: a letter off is another syllable (``shuying`` is
        # not ``cuiying``), not a typo, and Cyrillic's rules do not apply (``jun`` is not
        # ``yun``); a word in Arabic or Hebrew letters lacks its short vowels, so edits
        # mean nothing. Only the rules of its own origin apply.
        found = _NONE
    if (
        origins
        and found.rule in ("typo", "unmatched")
        and (
            abs(len(query.folded) - len(listed.folded)) <= MAX_ORIGIN_LENGTH_GAP
            or is_read_not_spelt(query.text)
            or is_read_not_spelt(listed.text)
        )
        and query.role not in _NO_ORIGIN_RULES
        and listed.role not in _NO_ORIGIN_RULES
    ):
        found = origin_rule(query.text, listed.text, origins) or found
    if found.rule == "exact":
        if query_cyrillic is None:
            query_cyrillic = has_cyrillic(query.text)
        if query_cyrillic != has_cyrillic(listed.text):
            return _CROSS_SCRIPT
    return found


@dataclass(frozen=True, slots=True)
class Pair:
    query: tuple[int, ...]
    listed: tuple[int, ...]
    similarity: Similarity


_COMPOUND = Similarity(COMPOUND, "compound")


class QueryContext:
    """A parsed query with its token weights and a memo of token comparisons.

    List tokens are shared objects (one per distinct word), so a comparison made for
    one candidate name is reused for every other name holding the same word.
    """

    __slots__ = ("_memo", "concepts", "cyrillic", "parsed", "read", "unseen", "weights")

    def __init__(self, index: NameIndex, parsed: ParsedName) -> None:
        self.parsed = parsed
        self.cyrillic = [has_cyrillic(token.text) for token in parsed.tokens]
        self.concepts = [concept_of(token.key) for token in parsed.tokens]
        self.weights = [index.token_weight(token) for token in parsed.tokens]
        self.unseen = [token.key not in index.postings for token in parsed.tokens]
        self.read = [is_read_not_spelt(token.text) for token in parsed.tokens]
        self._memo: dict[tuple[int, int, frozenset[str]], Similarity] = {}

    def similarity(
        self, i: int, listed: Token, listed_origins: frozenset[str] = _NO_ORIGINS
    ) -> Similarity:
        origins = self.parsed.origins
        if listed_origins and not listed_origins <= origins:
            origins = origins | listed_origins
        memo_key = (i, id(listed), origins)
        found = self._memo.get(memo_key)
        if found is None:
            found = compare_tokens(self.parsed.tokens[i], listed, self.cyrillic[i], origins)
            if found.rule == "typo" and not self.unseen[i]:
                # The query word is itself a word of the lists: ``Oles`` next to ``Oleg``,
                # ``Jason`` next to ``Mason`` are two real names, not one name misspelt.
                # Two edits in six letters make another real name, not a typo.
                found = (
                    _NONE
                    if found.value < MIN_KNOWN_WORD_SIMILARITY
                    else Similarity(
                        round(found.value * KNOWN_WORD_TYPO_FACTOR, 4),
                        "typo",
                        f"{found.detail}; both are words of the lists",
                    )
                )
            self._memo[memo_key] = found
        return found


# An alignment option: (-similarity, order, query positions, listed positions, similarity).
_Option = tuple[float, int, tuple[int, ...], tuple[int, ...], Similarity]


def align(context: QueryContext, listed: ParsedName) -> tuple[list[Pair], set[int], set[int]]:
    """Greedy best-first alignment of the words that are not legal forms: each token
    used at most once; two adjacent tokens may align with one word written together.
    Returns the pairs and the query and listed positions they cover."""
    query = context.parsed
    l_tokens = listed.tokens
    options: list[_Option] = []
    for i in query.words:
        for j in listed.words:
            similarity = context.similarity(i, l_tokens[j], listed.origins)
            if similarity.value > 0:
                options.append((-similarity.value, len(options), (i,), (j,), similarity))
    concepts = context.concepts
    origins = query.origins | listed.origins
    read = context.read
    for j, j2, joined, concept in listed.joined:
        for i in query.words:
            if joined in query.tokens[i].keys and (
                not read[i] or query.tokens[i].folded == l_tokens[j].folded + l_tokens[j2].folded
            ):
                options.append((-COMPOUND, len(options), (i,), (j, j2), _COMPOUND))
            elif concept is not None and concepts[i] == concept:
                similarity = Similarity(GLOSSARY, "glossary", concept)
                options.append((-GLOSSARY, len(options), (i,), (j, j2), similarity))
            elif origins and (
                found := origin_rule(
                    query.tokens[i].text, l_tokens[j].text + l_tokens[j2].text, origins
                )
            ):
                similarity = Similarity(found.value, "compound", found.detail)
                options.append((-found.value, len(options), (i,), (j, j2), similarity))
    for i, i2, joined, concept in query.joined:
        for j in listed.words:
            listed_key = l_tokens[j].key
            if joined == listed_key and (
                not (read[i] or read[i2])
                or query.tokens[i].folded + query.tokens[i2].folded == l_tokens[j].folded
            ):
                options.append((-COMPOUND, len(options), (i, i2), (j,), _COMPOUND))
            elif concept is not None and concept_of(listed_key) == concept:
                similarity = Similarity(GLOSSARY, "glossary", concept)
                options.append((-GLOSSARY, len(options), (i, i2), (j,), similarity))
            elif origins and (
                found := origin_rule(
                    query.tokens[i].text + query.tokens[i2].text, l_tokens[j].text, origins
                )
            ):
                similarity = Similarity(found.value, "compound", found.detail)
                options.append((-found.value, len(options), (i, i2), (j,), similarity))
    options.sort()
    used_q: set[int] = set()
    used_l: set[int] = set()
    pairs: list[Pair] = []
    for _, _, q, lst, similarity in options:
        if used_q.isdisjoint(q) and used_l.isdisjoint(lst):
            used_q.update(q)
            used_l.update(lst)
            pairs.append(Pair(q, lst, similarity))
    return pairs, used_q, used_l


@dataclass(frozen=True, slots=True)
class NameScore:
    score: float
    pairs: list[Pair]
    penalties: list[str]
    legal_forms_agree: bool | None


def score_name(context: QueryContext, listed: IndexedName, schema: str) -> NameScore:
    """The weighted share of both names covered by their alignment (0..1)."""
    query = context.parsed
    q_weight = context.weights
    l_weight = listed.weights
    listed_name = listed.parsed
    pairs, used_q, used_l = align(context, listed_name)
    q_tokens, l_tokens = query.tokens, listed_name.tokens
    matched = 0.0
    total = 0.0
    for pair in pairs:
        wq = (
            q_weight[pair.query[0]]
            if len(pair.query) == 1
            else sum(map(q_weight.__getitem__, pair.query))
        )
        wl = (
            l_weight[pair.listed[0]]
            if len(pair.listed) == 1
            else sum(map(l_weight.__getitem__, pair.listed))
        )
        if pair.similarity.rule == "initial":
            wq = wl = max(wq, wl)
        elif len(pair.query) == 1 and context.unseen[pair.query[0]]:
            wq = wl  # an unseen (misspelt) query word weighs what its list word weighs
        matched += pair.similarity.value * (wq + wl)
        total += wq + wl
    penalties: list[str] = []

    # Legal forms say little about which company is meant: neutral when one side has
    # none or their classes meet, a small fixed penalty when both have one and differ.
    agree: bool | None = None
    if query.legal and listed_name.legal:
        agree = not query.legal_classes.isdisjoint(listed_name.legal_classes)
        if not agree:
            penalties.append("legal forms differ")
    used_q.update(query.legal)
    used_l.update(listed_name.legal)

    for i, token in enumerate(q_tokens):
        if i in used_q:
            continue
        factor = 1.0
        if token.role is Role.INITIAL:
            factor = UNMATCHED_QUERY_INITIAL
        elif token.role is Role.PATRONYMIC and not listed_name.has_patronymic:
            factor = UNMATCHED_QUERY_PATRONYMIC
        total += q_weight[i] * factor
        penalties.append(f"query word {token.text!r} not in the listed name")
    person = schema == "Person"
    query_patronymic = query.has_patronymic and any(
        t.role is Role.PATRONYMIC for i, t in enumerate(q_tokens) if i not in used_q
    )
    for j, token in enumerate(l_tokens):
        if j in used_l:
            continue
        factor = UNMATCHED_LIST_FACTOR[token.role]
        middle = is_middle_name(person, j, len(l_tokens), token.role)
        if middle:
            factor = MIDDLE_NAME_FACTOR
        if token.role is Role.PATRONYMIC and query_patronymic:
            factor = 1.0  # a different patronymic is a different father: it counts in full
        total += l_weight[j] * factor
        if token.role is Role.PATRONYMIC:
            penalties.append(
                f"patronymic {token.text!r} differs"
                if query_patronymic
                else f"patronymic {token.text!r} missing in query (neutral)"
            )
        elif middle:
            penalties.append(f"middle name {token.text!r} missing in query")
        else:
            penalties.append(f"listed word {token.text!r} not in query")
    score = matched / total if total else 0.0
    if pairs and all(pair.similarity.rule == "initial" for pair in pairs):
        # ``A. A. KAVINOV`` against ``Abubakar K. AHMED``: letters alone identify nobody.
        score *= INITIALS_ONLY_FACTOR
        penalties.append("only initials match")
    if agree is False:
        score -= LEGAL_FORM_MISMATCH
    if any(pair.similarity.rule == "gender_variant" for pair in pairs):
        penalties.append("surname in the other gender's form: possibly a relative")
    return NameScore(max(score, 0.0), pairs, penalties, agree)


def _evidence(
    query: Query, entity_schema: str, birth_dates: list[str], countries: list[str]
) -> list[EvidenceCheck]:
    checks: list[EvidenceCheck] = []
    if query.birth_date:
        checks.append(_birth_date_check(query.birth_date.strip(), birth_dates))
    if query.country:
        wanted = query.country.strip().lower()
        listed = [c.lower() for c in countries]
        if not listed:
            checks.append(
                EvidenceCheck(
                    kind="country",
                    query_value=wanted,
                    list_values=[],
                    outcome="unknown",
                    score_change=0.0,
                )
            )
        elif wanted in listed:
            checks.append(
                EvidenceCheck(
                    kind="country",
                    query_value=wanted,
                    list_values=listed,
                    outcome="match",
                    score_change=COUNTRY_MATCH,
                )
            )
        else:
            checks.append(
                EvidenceCheck(
                    kind="country",
                    query_value=wanted,
                    list_values=listed,
                    outcome="different",
                    score_change=COUNTRY_DIFFERENT,
                )
            )
    if query.schema_ and not _schemas_compatible(query.schema_, entity_schema):
        checks.append(
            EvidenceCheck(
                kind="schema",
                query_value=query.schema_,
                list_values=[entity_schema],
                outcome="different",
                score_change=SCHEMA_DIFFERENT,
            )
        )
    return checks


def _schemas_compatible(a: str, b: str) -> bool:
    return bool(a == b or ("LegalEntity" in (a, b) and "Person" not in (a, b)))


def _birth_date_check(wanted: str, listed: list[str]) -> EvidenceCheck:
    if not listed:
        return EvidenceCheck(
            kind="birth_date",
            query_value=wanted,
            list_values=[],
            outcome="unknown",
            score_change=0.0,
        )
    if wanted in listed or any(len(d) >= 10 and d == wanted[:10] for d in listed):
        return EvidenceCheck(
            kind="birth_date",
            query_value=wanted,
            list_values=listed,
            outcome="match",
            score_change=BIRTH_DATE_MATCH,
        )
    year = wanted[:4]
    for date in listed:
        if date[:4] == year and (len(date) == 4 or len(wanted) == 4 or date[:7] == wanted[:7]):
            return EvidenceCheck(
                kind="birth_date",
                query_value=wanted,
                list_values=listed,
                outcome="partial",
                score_change=BIRTH_YEAR_MATCH,
            )
    return EvidenceCheck(
        kind="birth_date",
        query_value=wanted,
        list_values=listed,
        outcome="different",
        score_change=BIRTH_DATE_DIFFERENT,
    )


def rank_hits(
    index: NameIndex,
    query: Query,
    threshold: float,
    limit: int,
    settings: Settings,
    brute_force: bool = False,
) -> list[Hit]:
    """Score the query against candidate names and return the best entities, explained.

    ``brute_force`` scores every list name instead of the retrieved candidates; the
    benchmarks use it to measure what retrieval loses.
    """
    parsed = parse_name(query.name, query.schema_)
    if not parsed.tokens:
        return []
    context = QueryContext(index, parsed)
    if brute_force:
        names: Iterable[int] = range(index.size)
    else:
        # Candidates come best estimate first. The estimate sees only the words that
        # retrieval matched, so a name whose other words match by more than one edit
        # can score far above it (on the dev set, up to twice). Scored in full: the
        # leading candidates with a fair estimate, and any with a good one.
        names = [
            number
            for rank, (number, estimate) in enumerate(
                index.candidates(parsed, settings.candidates, FAIR_ESTIMATE * threshold)
            )
            if estimate >= GOOD_ESTIMATE * threshold
            or (rank < LEADING_CANDIDATES and estimate >= FAIR_ESTIMATE * threshold)
        ]
    best: dict[int, tuple[float, int, NameScore]] = {}
    seen: set[int] = set()

    def consider(number: int) -> None:
        seen.add(number)
        indexed = index.names[number]
        entity = index.entities[indexed.entity]
        result = score_name(context, indexed, entity.schema_)
        value = result.score * (WEAK_ALIAS_FACTOR if indexed.weak else 1.0)
        current = best.get(indexed.entity)
        if current is None or (value, -number) > (current[0], -current[1]):
            best[indexed.entity] = (value, number, result)

    for number in names:
        consider(number)
    # An entity's score is the best over all its names, not only the retrieved ones, so
    # that what is reported does not depend on how retrieval reached the entity.
    # Only the entities that may be reported are completed: the best few near or above
    # the threshold.
    reachable = threshold - COMPLETION_MARGIN - MAX_EVIDENCE_GAIN
    leading = heapq.nlargest(limit, best.items(), key=lambda item: (item[1][0], -item[0]))
    for entity_number, (value, _, _) in leading:
        if NAME_SHARE * value >= reachable:
            for number in index.entity_names[entity_number]:
                if number not in seen:
                    consider(number)
    scored: list[tuple[float, str, int, list[EvidenceCheck]]] = []
    for entity_number, (value, _, _) in best.items():
        if NAME_SHARE * value + MAX_EVIDENCE_GAIN + 1e-4 < threshold:
            continue  # no evidence can lift it to the threshold
        entity = index.entities[entity_number]
        checks = _evidence(query, entity.schema_, entity.birth_dates, entity.countries)
        final = NAME_SHARE * value + sum(check.score_change for check in checks)
        final = round(min(max(final, 0.0), 1.0), 4)
        if final >= threshold:
            scored.append((final, entity.id, entity_number, checks))
    # Equal scores: the entry spelt closest to what was written comes first, then by id.
    written = _spelling(parsed)
    scored.sort(key=lambda item: (-item[0], -_closeness(written, index, item[2], best), item[1]))
    hits = []
    for final, _, entity_number, checks in scored[:limit]:
        _, number, result = best[entity_number]
        hits.append(_make_hit(index, parsed, number, result, final, checks))
    return hits


def _spelling(name: ParsedName) -> str:
    """A name's words, folded and sorted: its spelling, whatever the word order."""
    return " ".join(sorted(token.folded for token in name.tokens))


def _closeness(
    written: str, index: NameIndex, entity: int, best: dict[int, tuple[float, int, NameScore]]
) -> float:
    """How close the spelling of an entity's best name is to the query's."""
    return Indel.normalized_similarity(written, _spelling(index.names[best[entity][1]].parsed))


def _make_hit(
    index: NameIndex,
    query: ParsedName,
    number: int,
    result: NameScore,
    final: float,
    checks: list[EvidenceCheck],
) -> Hit:
    """The hit with its explanation: a row per query token, then the legal forms.

    Built as plain data and validated once by pydantic's core, which is several
    times faster than constructing each nested model in Python."""
    indexed = index.names[number]
    entity = index.entities[indexed.entity]
    listed = indexed.parsed
    tokens: list[dict[str, object]] = []
    by_query = {pair.query[0]: pair for pair in result.pairs}
    covered = {i for pair in result.pairs for i in pair.query}
    for i, token in enumerate(query.tokens):
        pair = by_query.get(i)
        if token.role is Role.LEGAL or (pair is None and i in covered):
            continue
        if pair is None:
            tokens.append(
                {
                    "query_token": token.text,
                    "list_token": None,
                    "query_key": token.key,
                    "list_key": None,
                    "similarity": 0.0,
                    "rule": "unmatched",
                    "role": token.role.value,
                }
            )
            continue
        tokens.append(
            {
                "query_token": " ".join(query.tokens[k].text for k in pair.query),
                "list_token": " ".join(listed.tokens[k].text for k in pair.listed),
                "query_key": "".join(query.tokens[k].key for k in pair.query),
                "list_key": "".join(listed.tokens[k].key for k in pair.listed),
                "similarity": round(pair.similarity.value, 4),
                "rule": pair.similarity.rule,
                "detail": pair.similarity.detail,
                "role": token.role.value,
            }
        )
    listed_forms = ", ".join(form.text for form in listed.legal_forms) or None
    agree = bool(result.legal_forms_agree)
    for form in query.legal_forms:
        if not listed_forms:
            detail = "listed name has no legal form (neutral)"
        else:
            detail = f"{form.text} = {listed_forms}" if agree else "legal forms differ"
        tokens.append(
            {
                "query_token": form.text,
                "list_token": listed_forms,
                "query_key": form.form_class or "legal form",
                "list_key": ", ".join(sorted(listed.legal_classes)) or None,
                "similarity": 1.0 if agree else 0.0,
                "rule": "legal_form",
                "detail": detail,
                "role": "legal_form",
            }
        )
    penalties = list(result.penalties)
    if indexed.weak:
        penalties.append("matched a weak alias only: it supports, but never alerts on its own")
    return Hit.model_validate(
        {
            "entity_id": entity.id,
            "source": entity.source,
            "schema": entity.schema_,
            "listed_name": entity.names[0] if entity.names else indexed.text,
            "matched_name": indexed.text,
            "weak_alias": indexed.weak,
            "programs": entity.programs,
            "score": final,
            "explanation": {
                "name_score": round(result.score, 4),
                "tokens": tokens,
                "penalties": penalties,
                "evidence": checks,
            },
        }
    )
