"""Token alignment and the name score.

Each query token is aligned with at most one list token (or two adjacent ones
written as one word), and the score is the weighted share of both names that the
alignment covers:

    score = sum(similarity * (w_query + w_list) over aligned pairs)
            / (weight of every token on both sides, unmatched ones discounted by role)

Weights are inverse document frequencies, so a rare surname decides more than a
common first name. Missing patronymics and middle names are discounted (lists and
people drop them); a different one counts in full.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Final

from screening.acronyms import acronym_words, runs, spans_spelling
from screening.east_asian import (
    VIETNAMESE_MIDDLE,
    east_asian_rules,
    family_name_candidates,
    family_name_positions,
    is_han_or_hangul,
    is_one_syllable,
    spells_a_family_name,
    vietnamese_rules,
)
from screening.given_names import given_name_of
from screening.glossary import (
    MIN_SYLLABLE,
    concept_of,
    is_descriptor,
    is_slavic_adjective,
    syllable_acronym,
    translated_acronym,
)
from screening.index import IndexedName, NameIndex, is_middle_name
from screening.legal_forms import classes_agree
from screening.model import VoidRule
from screening.names import (
    ARABIC,
    CHINESE,
    EAST_ASIAN,
    INITIAL,
    PATRONYMIC,
    VIETNAMESE,
    WORD,
    ParsedName,
    Role,
    Token,
    double_surname,
)
from screening.places import place_words
from screening.scoring.tokens import (
    NO_MATCH,
    NO_ORIGINS,
    SCORE_DIGITS,
    Similarity,
    comparer,
    compound_rule,
    is_read_by_table,
    origin_rule,
    other_given_names,
    other_opening_consonant,
    same_but_apostrophes,
    similarity_of,
    typo_edits,
)
from screening.text import has_cyrillic, is_read_not_spelt
from screening.translit import ARABIC_ARTICLES
from screening.weights import ScoringWeights


@dataclass(frozen=True, slots=True)
class Pair:
    """Query positions aligned with listed positions (one or two each), and how alike."""

    query: tuple[int, ...]
    listed: tuple[int, ...]
    similarity: Similarity


class QueryContext:
    """A parsed query with its token weights and a memo of token comparisons.

    List tokens are shared objects (one per distinct word), so a comparison made for
    one candidate name is reused for every other name holding the same word: the query
    words' comparisons with a list word are remembered as one row.
    """

    __slots__ = (
        "_compare",
        "_rows",
        "acronym",
        "acronym_runs",
        "acronyms",
        "compound",
        "concepts",
        "cyrillic",
        "east_asian",
        "frequency",
        "list_factors",
        "most_joined",
        "parsed",
        "places",
        "read",
        "scoring",
        "unseen",
        "weights",
    )

    def __init__(self, index: NameIndex, parsed: ParsedName) -> None:
        self.parsed = parsed
        self.scoring: ScoringWeights = index.weights
        self.cyrillic = [has_cyrillic(token.text) for token in parsed.tokens]
        self.concepts = [concept_of(token.key) for token in parsed.tokens]
        self.weights = [index.token_weight(token) for token in parsed.tokens]
        self.unseen = [token.key not in index.postings for token in parsed.tokens]
        self.read = [is_read_not_spelt(token.text) for token in parsed.tokens]
        self.east_asian = _shows_east_asian(parsed)  # else no family-name check is due
        # An organisation's words that name a place: no company's own name (generic_word).
        self.places = (
            place_words([token.key for token in parsed.tokens])
            if parsed.organisation
            else frozenset[int]()
        )
        self.list_factors = {role: self.scoring.unmatched_list_factor(role) for role in Role}
        self.compound = Similarity(self.scoring.compound, "compound")
        self.acronym = self.scoring.acronym
        self.most_joined = most_joined_similarity(self.scoring)
        # An organisation's words that may be acronyms, and its runs of words by their
        # initials (``screening.acronyms``): worked out once per query.
        self.frequency = index.document_frequency.get
        self.acronyms = acronym_words(parsed, self.frequency, self.scoring.max_acronym_names)
        self.acronym_runs = runs(parsed)
        self._compare = comparer(self.scoring)
        self._rows: dict[tuple[int, frozenset[str]], tuple[Similarity, ...]] = {}

    def similarities(self, listed: Token, origins: frozenset[str]) -> tuple[Similarity, ...]:
        """Each query word (of ``parsed.words``, in order) against a list word, under the
        romanisation rules of ``origins``: the name origins of both names."""
        row_key = (id(listed), origins)
        row = self._rows.get(row_key)
        if row is None:
            row = self._rows[row_key] = tuple(
                self.similarity(i, listed, origins) for i in self.parsed.words
            )
        return row

    def similarity(
        self, i: int, listed: Token, listed_origins: frozenset[str] = NO_ORIGINS
    ) -> Similarity:
        """Query word ``i`` against a list word, under the romanisation rules of the
        name origins of either name."""
        origins = self.parsed.origins
        if listed_origins and not listed_origins <= origins:
            origins = origins | listed_origins
        found = similarity_of(
            self._compare,
            self.parsed.tokens[i],
            listed,
            self.cyrillic[i],
            self.scoring,
            origins,
        )
        if found.rule == "typo" and not self.unseen[i]:
            found = self._known_word_typo(found, self.parsed.tokens[i], listed)
        return found

    def _known_word_typo(self, found: Similarity, query: Token, listed: Token) -> Similarity:
        """The query word is itself a word of the lists: ``Oles`` next to ``Oleg``,
        ``Jason`` next to ``Mason`` are two real names, not one name misspelt. Two
        edits make another real name (``Muhammad``, ``Mohammadi``), not a typo; and
        retrieval looks a list word up one edit away only, so scoring must not go
        further (a hit retrieval cannot fetch would be lost in silence). A word read
        from Armenian or Devanagari letters by the standard's table is spelt as the
        standard spells it: when that reading is a word of the lists, it is that word
        (``Աժանջյան`` is ``Azhanjyan``, not ``Ananyan`` a letter off), unless only the
        apostrophes BGN/PCGN writes for aspirates tell them apart (``Vakht'ang``)."""
        if known_word_void(found, query, listed, self.scoring) is not None:
            return NO_MATCH
        value = round(found.value * self.scoring.known_word_typo_factor, SCORE_DIGITS)
        return Similarity(value, "typo", f"{found.detail}; both are words of the lists")


def known_word_void(
    found: Similarity, query: Token, listed: Token, scoring: ScoringWeights
) -> VoidRule | None:
    """The rule by which a typo between a query word that is itself a word of the lists
    and a list word does not count (``QueryContext._known_word_typo``), else None."""
    if found.value < scoring.min_known_word_similarity:
        return "other_known_word"
    if is_read_by_table(query.text) and not same_but_apostrophes(query, listed):
        return "other_known_word"
    if other_opening_consonant(query, listed):
        return "other_opening_consonant"  # ``Bahram`` and ``Shahram``: two names of the lists
    edits = typo_edits(query.folded, query.keys, listed.folded, listed.key)
    if edits > scoring.max_known_word_typo_edits:
        return "other_known_word"
    return None


# A possible pair, sorted best first, then in the order found: (-similarity, order,
# query positions, listed positions, similarity). A plain tuple rather than a NamedTuple:
# it is made for every matching pair of words of every candidate, and only unpacked.
_Option = tuple[float, int, tuple[int, ...], tuple[int, ...], Similarity]


def _agreement(context: QueryContext, i: int, listed: Token, found: Similarity) -> Similarity:
    """Two words of one glossary concept in two organisations' names, one in the other
    gender's form (``Firma``/``Firm``, ``Energeticheskiy``/``Energeticheskaya``): an
    adjective agrees with its noun, and names of things have no relatives, so they are
    that concept (``glossary``), not a relative's surname; else ``found``."""
    concept = context.concepts[i]
    if concept is not None and concept_of(listed.key) == concept:
        return Similarity(context.scoring.glossary, "glossary", concept)
    return found


def most_joined_similarity(scoring: ScoringWeights) -> float:
    """The most an option of ``_joined_options`` can give: two words written as one, a
    glossary concept, a romanisation rule of a name origin, an Arabic compound, an
    acronym. ``align`` takes every pair of two words above it before making them."""
    return max(
        scoring.compound,
        scoring.glossary,
        scoring.acronym,
        scoring.arabic_variant,
        scoring.east_asian_variant,
        scoring.japanese_variant,
        scoring.hebrew_variant,
    )


def _word_options(context: QueryContext, listed: ParsedName) -> list[_Option]:
    """Every pair of a query word and a list word that match."""
    query = context.parsed
    l_tokens = listed.tokens
    origins = query.origins | listed.origins
    options: list[_Option] = []
    rows = [(j, context.similarities(l_tokens[j], origins)) for j in listed.words]
    organisations = query.organisation and listed.organisation
    for k, i in enumerate(query.words):
        for j, row in rows:
            similarity = row[k]
            if similarity.rule == "gender_variant" and organisations:
                similarity = _agreement(context, i, l_tokens[j], similarity)
            if similarity.value > 0:
                options.append((-similarity.value, len(options), (i,), (j,), similarity))
    return options


def _joined_options(
    context: QueryContext,
    listed: ParsedName,
    options: list[_Option],
    used_q: set[int],
    used_l: set[int],
) -> None:
    """Add to ``options`` the pairs of a word and two written as one, of an Arabic
    compound, of an acronym, leaving out those holding a position of ``used_q`` or
    ``used_l`` (taken already by a better pair: ``align``)."""
    query = context.parsed
    l_tokens = listed.tokens
    origins = query.origins | listed.origins
    free_q = [i for i in query.words if i not in used_q]
    free_l = [j for j in listed.words if j not in used_l]
    compound, glossary = context.compound, context.scoring.glossary
    concepts = context.concepts
    read = context.read
    # Two words written as one: a word read from Han, Hangul or Arabic letters only as
    # written, letter for letter (its keys are not a reading of the pair).
    for j, j2, joined, concept in listed.joined:
        if j in used_l or j2 in used_l:
            continue
        for i in free_q:
            as_written = query.tokens[i].folded == l_tokens[j].folded + l_tokens[j2].folded
            if as_written or (joined in query.tokens[i].keys and not read[i]):
                options.append((-compound.value, len(options), (i,), (j, j2), compound))
            elif concept is not None and concepts[i] == concept:
                similarity = Similarity(glossary, "glossary", concept)
                options.append((-glossary, len(options), (i,), (j, j2), similarity))
            elif origins and (
                found := origin_rule(
                    query.tokens[i].text,
                    l_tokens[j].text + l_tokens[j2].text,
                    origins,
                    context.scoring,
                )
            ):
                similarity = Similarity(found.value, "compound", found.detail)
                options.append((-found.value, len(options), (i,), (j, j2), similarity))
    for i, i2, joined, concept in query.joined:
        if i in used_q or i2 in used_q:
            continue
        for j in free_l:
            listed_key = l_tokens[j].keys[0]  # ``key`` without the property call, per pair
            as_written = query.tokens[i].folded + query.tokens[i2].folded == l_tokens[j].folded
            if as_written or (joined == listed_key and not (read[i] or read[i2])):
                options.append((-compound.value, len(options), (i, i2), (j,), compound))
            elif concept is not None and concept_of(listed_key) == concept:
                similarity = Similarity(glossary, "glossary", concept)
                options.append((-glossary, len(options), (i, i2), (j,), similarity))
            elif origins and (
                found := origin_rule(
                    query.tokens[i].text + query.tokens[i2].text,
                    l_tokens[j].text,
                    origins,
                    context.scoring,
                )
            ):
                similarity = Similarity(found.value, "compound", found.detail)
                options.append((-found.value, len(options), (i, i2), (j,), similarity))
    if ARABIC in origins:
        _add_article_compounds(context, listed, options, origins, (used_q, used_l))
    _add_acronyms(context, listed, options, (used_q, used_l))
    if listed.organisation and (context.acronyms or context.acronym_runs):
        _add_initials(context, listed, options, (used_q, used_l))


def _add_initials(
    context: QueryContext,
    listed: ParsedName,
    options: list[_Option],
    used: tuple[set[int], set[int]],
) -> None:
    """Pairs of an organisation's acronym and the words in a row it is the initials of
    (rule ``acronym``: ``FCI`` and ``Finance and Credit Institute``), on either side;
    none holding a position ``used`` already."""
    value = context.acronym
    q_tokens, l_tokens = context.parsed.tokens, listed.tokens
    used_q, used_l = used
    for i in context.acronyms:
        if i in used_q:
            continue
        for span in spans_spelling(q_tokens[i].folded, listed):
            if not used_l.isdisjoint(span):
                continue
            words = " ".join(l_tokens[j].text for j in span)
            similarity = Similarity(value, "acronym", f"{q_tokens[i].text} = initials of {words}")
            options.append((-value, len(options), (i,), span, similarity))
    if not context.acronym_runs:
        return
    for j in acronym_words(listed, context.frequency, context.scoring.max_acronym_names):
        if j in used_l:
            continue
        for span in context.acronym_runs.get(l_tokens[j].folded, ()):
            if not used_q.isdisjoint(span):
                continue
            words = " ".join(q_tokens[i].text for i in span)
            similarity = Similarity(value, "acronym", f"{l_tokens[j].text} = initials of {words}")
            options.append((-value, len(options), span, (j,), similarity))


def _article_compounds(parsed: ParsedName) -> list[tuple[int, int]]:
    """The positions of the two parts of a compound name: two words with the article
    between (``Abd al-Rahman``; the article stays free, for the other name's article may
    have taken it), or a first word with the article glued on (``Abdul Rahman``)."""
    tokens, words = parsed.tokens, parsed.words
    found = [(i, j) for i, j, _, _ in parsed.joined]
    for i, a, j in zip(words, words[1:], words[2:], strict=False):
        if a == i + 1 and j == a + 1 and tokens[a].folded in ARABIC_ARTICLES:
            found.append((i, j))
    return found


def _add_article_compounds(
    context: QueryContext,
    listed: ParsedName,
    options: list[_Option],
    origins: frozenset[str],
    used: tuple[set[int], set[int]],
) -> None:
    """Pairs of one word and a compound name written in parts (rule ``arabic_compound``):
    ``Abdurrahman`` and ``Abd al-Rahman``, on either side; none holding a position
    ``used`` already."""
    query, scoring = context.parsed, context.scoring
    used_q, used_l = used
    sides = ((query, listed, "listed", used_q, used_l), (listed, query, "query", used_l, used_q))
    for one, parts, compound_side, used_one, used_parts in sides:
        for positions in _article_compounds(parts):
            if not used_parts.isdisjoint(positions):
                continue
            first, second = parts.tokens[positions[0]], parts.tokens[positions[1]]
            for i in one.words:
                if i in used_one:
                    continue
                found = compound_rule(one.tokens[i].text, first.text, second.text, origins, scoring)
                if found is None:
                    continue
                q, l_ = ((i,), positions) if compound_side == "listed" else (positions, (i,))
                options.append((-found.value, len(options), q, l_, found))


def _add_acronyms(
    context: QueryContext,
    listed: ParsedName,
    options: list[_Option],
    used: tuple[set[int], set[int]],
) -> None:
    """Pairs of a syllable acronym (``Gazprom``) and the two words it is made of
    (``Gazovaya promyshlennost``), on either side; none holding a position ``used``
    already. Only two words of the glossary make one (``syllable_acronym``): other
    pairs are passed over at once."""
    query, l_tokens, q_tokens = context.parsed, listed.tokens, context.parsed.tokens
    glossary = context.scoring.glossary
    used_q, used_l = used
    # In two organisations' names, also of their translation (``Spetsstal`` = ``Special
    # Steel``, ``translated_acronym``).
    organisations = query.organisation and listed.organisation
    for j, j2, _, _ in listed.joined:
        first, second = l_tokens[j], l_tokens[j2]
        if j in used_l or j2 in used_l:
            continue
        first_concept, second_concept = concept_of(first.key), concept_of(second.key)
        if first_concept is None or second_concept is None:
            continue
        translated = organisations and first_concept != second_concept
        for i in query.words:
            if i in used_q:
                continue
            detail = _acronym_detail(
                q_tokens[i].folded, (first, second), (first_concept, second_concept), translated
            )
            if detail is not None:
                similarity = Similarity(glossary, "glossary", detail)
                options.append((-glossary, len(options), (i,), (j, j2), similarity))
    for i, i2, _, _ in query.joined:
        first, second = q_tokens[i], q_tokens[i2]
        if i in used_q or i2 in used_q:
            continue
        first_concept, second_concept = context.concepts[i], context.concepts[i2]
        if first_concept is None or second_concept is None:
            continue
        translated = organisations and first_concept != second_concept
        for j in listed.words:
            if j in used_l:
                continue
            detail = _acronym_detail(
                l_tokens[j].folded, (first, second), (first_concept, second_concept), translated
            )
            if detail is not None:
                similarity = Similarity(glossary, "glossary", detail)
                options.append((-glossary, len(options), (i, i2), (j,), similarity))


def _acronym_detail(
    word: str, parts: tuple[Token, Token], concepts: tuple[str, str], translated: bool
) -> str | None:
    """How one word is a syllable acronym of two words (``Gazprom``), or, with
    ``translated``, of their translation (``Spetsstal`` = ``Special Steel``); else None."""
    first, second = parts
    detail = None
    if word.startswith(first.folded[:MIN_SYLLABLE]):  # an acronym opens as its first word
        detail = syllable_acronym(word, (first.folded, first.key), (second.folded, second.key))
    if detail is None and translated:
        detail = translated_acronym(word, *concepts)
    return detail


def align(context: QueryContext, listed: ParsedName) -> tuple[list[Pair], set[int], set[int]]:
    """Greedy best-first alignment of the words that are not legal forms: each token
    used at most once; two adjacent tokens may align with one word written together.
    Returns the pairs and the query and listed positions they cover.

    The pairs of two words come first, and those worth at least ``most_joined`` (an
    exact word, a transliteration) are taken before the other options are made: those
    (two words written as one, compounds, acronyms) are worth less, and would be passed
    over wherever such a pair took a position, so only those on free positions are
    made. The order of every option kept is as if all were made."""
    options = _word_options(context, listed)
    ranked = sorted(options)
    used_q: set[int] = set()
    used_l: set[int] = set()
    pairs: list[Pair] = []
    most = context.most_joined
    first = 0
    while first < len(ranked) and -ranked[first][0] >= most:
        _take(ranked[first], pairs, used_q, used_l)
        first += 1
    words = len(options)
    _joined_options(context, listed, options, used_q, used_l)
    rest = ranked[first:]
    if len(options) > words:
        rest = sorted(rest + options[words:])
    for option in rest:
        _take(option, pairs, used_q, used_l)
    return pairs, used_q, used_l


def _take(option: _Option, pairs: list[Pair], used_q: set[int], used_l: set[int]) -> None:
    """Align the option's positions unless one of them is aligned already."""
    _, _, query, listed_positions, similarity = option
    if used_q.isdisjoint(query) and used_l.isdisjoint(listed_positions):
        used_q.update(query)
        used_l.update(listed_positions)
        pairs.append(Pair(query, listed_positions, similarity))


@dataclass(frozen=True, slots=True)
class NameScore:
    score: float
    pairs: list[Pair]
    penalties: list[str]
    legal_forms_agree: bool | None


def _matched(context: QueryContext, listed: IndexedName, pairs: list[Pair]) -> tuple[float, float]:
    """The weighted similarity of the aligned pairs, and the weight they cover."""
    q_weight = context.weights
    l_weight = listed.weights
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
    return matched, total


# Matches that do not show one organisation: a concept in two languages, an initial, a
# typo (``Holden``/``Golden``: two names a letter apart).
_NOT_DISTINCTIVE: Final = frozenset({"glossary", "initial", "typo"})


def _generic_words_discounted(
    context: QueryContext, listed: IndexedName, pairs: list[Pair]
) -> bool:
    """Whether an organisation's generic words that the other name lacks count only in
    part (rule ``generic_word``): both names are organisations' and a distinctive word,
    one of no glossary concept and no place name, is matched as written or by a
    romanisation rule.
    A company name is a distinctive part and descriptors of what the company does
    (``KONEISTO`` + ``TECHNOLOGY``); one company's names differ in the descriptors
    (``KONEISTO INTERNATIONAL OY``), which say less about which company is meant than
    the distinctive part. The descriptors are the glossary's vocabulary, less the
    qualifiers that tell companies apart (``New``, ``Northern``, ``Siberian``). A place
    (``Saint Petersburg``, ``Karbala``) says where a company is, not which: when the
    only words that match are places, the descriptors are what tell the companies apart
    (``Bank Saint Petersburg`` is not ``Saint Petersburg Mining University``), in full."""
    if not (context.parsed.organisation and listed.parsed.organisation):
        return False
    concepts, tokens, places = context.concepts, context.parsed.tokens, context.places
    return any(
        pair.similarity.value > 0.0
        and pair.similarity.rule not in _NOT_DISTINCTIVE
        and any(
            concepts[i] is None and tokens[i].role is WORD and i not in places
            for i in pair.query
        )
        for pair in pairs
    )


LISTED_NAME_WITHIN: Final = (
    "the listed name is whole within the query, which adds descriptors or places: a branch "
    "or subsidiary of the listed entity, covered by its designation (listed_name_within)"
)


def _listed_name_within(
    query: ParsedName, listed: ParsedName, used_q: set[int], used_l: set[int]
) -> bool:
    """Whether every word of the listed organisation name is matched and the query adds
    words of its own (rule ``listed_name_within``): ``Sovcombank Leasing`` against
    ``Sovcombank``, ``RIHS-Bangladesh`` against ``RIHS``.

    A designation covers the entity's branches, which are no separate legal persons, and
    the companies it owns 50% or more of (OFAC's 50 percent rule, 2014; the EU's and UK's
    "owned or controlled" guidance): a company named after a listed one with a descriptor
    or a place added is a reason to alert, and the explanation says so. Only this way
    round: a listed branch does not make its parent listed. The score is left as the
    words make it (a place added counting in part was tried: it moved half A of the
    aliases set only)."""
    return len(used_l) == len(listed.tokens) and len(used_q) < len(query.tokens)


def _generic_words(name: ParsedName, concepts: Sequence[str | None]) -> frozenset[int]:
    """The words of an organisation name that describe the company: of a glossary concept
    that is no qualifier (``New``, ``Northern``), not legal forms, and not part of the
    company's own name (``_adjectives_of_the_name``, ``_hyphened_to_the_name``)."""
    tokens = name.tokens
    own = _adjectives_of_the_name(tokens, concepts) | _hyphened_to_the_name(name, concepts)
    return frozenset(
        i
        for i, token in enumerate(tokens)
        if token.role is WORD and is_descriptor(concepts[i]) and i not in own
    )


def _hyphened_to_the_name(name: ParsedName, concepts: Sequence[str | None]) -> frozenset[int]:
    """The glossary words joined by a hyphen to a word of no glossary concept, the
    company's own name: the hyphen makes them one name (``MMK-Finans``, ``Lukoil-Perm``,
    the way a group names its subsidiaries), another company than ``MMK``."""
    found = set[int]()
    for i, (first, second) in enumerate(pairwise(name.tokens)):
        if first.role is not WORD or second.role is not WORD:
            continue
        if (concepts[i] is None) == (concepts[i + 1] is None):
            continue  # two words of the name, or two descriptors (``Nauchno-Proizvodstvennoye``)
        if _hyphen_between(name, i, i + 1):
            found.add(i if concepts[i] is not None else i + 1)
    return frozenset(found)


def _adjectives_of_the_name(
    tokens: Sequence[Token], concepts: Sequence[str | None]
) -> frozenset[int]:
    """The glossary's Slavic adjectives placed before a word of no glossary concept, the
    company's own name: a Russian, Ukrainian or Belarusian adjective agrees with the noun
    after it, and with the name it makes another name (``Energeticheskiy Khimtreyd`` is
    not ``Khimtreyd``), where with a glossary noun it describes (``Energeticheskaya
    kompaniya``). Adjectives in a row agree with the same noun."""
    found: set[int] = set()
    run: list[int] = []
    for i, token in enumerate(tokens):
        if token.role is WORD:
            if concepts[i] is None:
                found.update(run)
            elif is_slavic_adjective(token.folded):
                run.append(i)
                continue
        run = []
    return frozenset(found)


def _add_unmatched_query(
    total: float,
    context: QueryContext,
    listed: ParsedName,
    used: tuple[set[int], frozenset[int]],
    penalties: list[str],
) -> float:
    """``total`` plus the weight of the query words left unmatched, discounted by role
    (added one by one, so that the sum is the same to the last bit whatever the split);
    ``used`` is the words matched and the generic words that count in part."""
    used_q, generic = used
    weights = context.scoring
    for i, token in enumerate(context.parsed.tokens):
        if i in used_q:
            continue
        factor = 1.0
        if token.role is INITIAL:
            factor = weights.unmatched_query_initial
        elif token.role is PATRONYMIC and not listed.has_patronymic:
            factor = weights.unmatched_query_patronymic
        elif i in generic:
            factor = weights.unmatched_generic_word
            total += context.weights[i] * factor
            penalties.append(
                f"query word {token.text!r} not in the listed name: a generic organisation "
                "word (generic_word)"
            )
            continue
        total += context.weights[i] * factor
        penalties.append(f"query word {token.text!r} not in the listed name")
    return total


def _add_unmatched_listed(
    total: float,
    context: QueryContext,
    listed: IndexedName,
    schema: str,
    used: tuple[set[int], set[int], frozenset[int]],
    penalties: list[str],
) -> float:
    """``total`` plus the weight of the listed words left unmatched, discounted by role:
    a missing patronymic or middle name costs little, a different patronymic counts in
    full."""
    used_q, used_l, generic = used
    query = context.parsed
    person = schema == "Person"
    query_patronymic = query.has_patronymic and any(
        t.role is PATRONYMIC for i, t in enumerate(query.tokens) if i not in used_q
    )
    l_tokens = listed.parsed.tokens
    # A Korean or Chinese given name has no middle names: each syllable is of it.
    east_asian = EAST_ASIAN in listed.parsed.origins
    for j, token in enumerate(l_tokens):
        if j in used_l:
            continue
        factor = context.list_factors[token.role]
        # Nor is the second half of a hyphenated given name (``Mohammad-Reza``): one name.
        middle = (
            not east_asian
            and is_middle_name(person, j, len(l_tokens), token.role)
            and f"{l_tokens[j - 1].text}-{token.text}" not in listed.parsed.original
        )
        # The second of two surnames, the first found: left out as people do.
        dropped = (
            person
            and j == len(l_tokens) - 1
            and (surnames := double_surname(listed.parsed)) is not None
            and surnames[0] in used_l
        )
        if middle or dropped:
            factor = context.scoring.middle_name_factor
        if token.role is PATRONYMIC and query_patronymic:
            factor = 1.0  # a different patronymic is a different father: it counts in full
        generic_word = j in generic
        if generic_word:
            factor = context.scoring.unmatched_generic_word
        total += listed.weights[j] * factor
        if generic_word:
            penalties.append(
                f"listed word {token.text!r} not in query: a generic organisation word "
                "(generic_word)"
            )
        elif token.role is PATRONYMIC:
            penalties.append(
                f"patronymic {token.text!r} differs"
                if query_patronymic
                else f"patronymic {token.text!r} missing in query (neutral)"
            )
        elif middle:
            penalties.append(f"middle name {token.text!r} missing in query")
        elif dropped:
            penalties.append(f"second surname {token.text!r} missing in query (often left out)")
        else:
            penalties.append(f"listed word {token.text!r} not in query")
    return total


def _east_asian_mismatch(
    query: ParsedName, listed: ParsedName, pairs: list[Pair], notes: list[str]
) -> str | None:
    """Why two Korean or Chinese names are two people although their words pair up, if so.

    Such a name is a family name from a small closed set plus a given name of one to three
    syllables, themselves from a small closed set: two names are one person only when the
    family names agree and every syllable of the given name agrees, in order, by spelling
    or by the romanisation correspondences. A common family name weighs little by its
    frequency, and a syllable a letter off or left out is another syllable (``Myong-ja``
    is not ``Kyong-ja``, ``Jin-u`` not ``Song-jin``, ``Chou`` not ``Hu``), which is why these
    differences must count in full here. A family name's irregular spellings (``Chung`` =
    ``Jeong``) are no rule for a given name's syllable. Decided only where one name shows
    its family name. An English name written before the Chinese one on
    one side only is left out (``_western_given_name``), and said so in ``notes``."""
    if not (_shows_east_asian(query) and _shows_east_asian(listed)):
        return None  # ``Baba JI`` against ``Qasmani BABA``: not two names of this structure
    origins = query.origins | listed.origins
    q_hyphenated, l_hyphenated = _hyphenated(query), _hyphenated(listed)
    q_family = family_name_candidates([t.text for t in query.tokens], q_hyphenated)
    l_family = family_name_candidates([t.text for t in listed.tokens], l_hyphenated)
    if not q_family and not l_family:
        return None
    # One name shows a family name; each name's own, maybe in a spelling the table lacks
    # (Wade-Giles ``Chou``, ``Shih``), is the one its capitals or script show, else at
    # one of its ends, as a family name always is.
    q_family = family_name_positions([t.text for t in query.tokens], q_hyphenated)
    l_family = family_name_positions([t.text for t in listed.tokens], l_hyphenated)
    family = next(
        (
            pair
            for pair in pairs
            if not q_family.isdisjoint(pair.query)
            and not l_family.isdisjoint(pair.listed)
            and _syllables_agree(query, listed, pair, origins, family=True)
        ),
        None,
    )
    if family is None:
        return "family names differ: another person"
    given_pairs = [pair for pair in pairs if pair is not family]
    if not all(
        _syllables_agree(query, listed, pair, origins, family=False) for pair in given_pairs
    ):
        return "given names' syllables differ: another name"
    paired_q = {i for pair in pairs for i in pair.query}
    paired_l = {j for pair in pairs for j in pair.listed}
    q_unpaired, q_markers = _unpaired_syllables(query, paired_q)
    l_unpaired, l_markers = _unpaired_syllables(listed, paired_l)
    # An English name on one side only is left out, not another syllable; one on each
    # side is two names.
    sides = ((listed, l_unpaired, q_unpaired), (query, q_unpaired, l_unpaired))
    for name, unpaired, other in sides:
        if not other and _western_given_name(name, unpaired):
            notes.append(
                f"western_given_name: {name.tokens[unpaired[0]].text!r} is an English name "
                "beside the Chinese one, often left out"
            )
            unpaired.clear()
            break
    if q_unpaired or l_unpaired or (q_markers and l_markers):
        return "a syllable of the given name unmatched: another name"
    # A Korean or Chinese given name is one name of several syllables, in their order; a
    # Vietnamese middle name is a name of its own, before or after (``Hung Van Nguyen``).
    given = sorted((min(pair.query), min(pair.listed)) for pair in given_pairs)
    if VIETNAMESE not in origins and any(b[1] < a[1] for a, b in pairwise(given)):
        return "given names' syllables in another order: another name"
    return None


def _shows_east_asian(name: ParsedName) -> bool:
    """Whether a name looks Korean, Chinese or Vietnamese, or is written in Han or Hangul."""
    return not name.origins.isdisjoint((EAST_ASIAN, VIETNAMESE)) or any(
        is_han_or_hangul(t.text) for t in name.tokens
    )


def _hyphenated(name: ParsedName) -> frozenset[int]:
    """Positions of words joined by a hyphen to a neighbour (``Ju-won``): one given name.
    None when every word is (``JIANPING-YANG``): the hyphens then only separate words."""
    size = len(name.tokens)
    joined = frozenset(
        k
        for k in range(size)
        for neighbour in (k - 1, k + 1)
        if _hyphen_between(name, k, neighbour)
    )
    return frozenset() if len(joined) == size else joined


def _western_given_name(name: ParsedName, unpaired: list[int]) -> bool:
    """Whether the one word left out of a Chinese name is a Western given name before it,
    not a syllable of its given name: in Hong Kong, Macau, Taiwan and Singapore a person
    often takes an English name and writes it first (``Edwina Chi Wai LAU``; Hong Kong
    identity cards carry it beside the Chinese name), and documents drop it. Such a name
    is one word of several syllables before a Chinese name written one syllable a word;
    a word of one syllable (``Chi`` of ``Chi Wai LAU`` against ``Wai LAU``) is a syllable
    of the given name and still makes another name."""
    words = [k for k in name.words if name.tokens[k].role is WORD]
    if unpaired != words[:1] or len(words) < 3:
        return False
    first, *rest = (name.tokens[k].text for k in words)
    return (
        not is_han_or_hangul(first)
        and not is_one_syllable(first)
        and all(is_one_syllable(word) for word in rest)
    )


def _unpaired_syllables(name: ParsedName, paired: set[int]) -> tuple[list[int], list[int]]:
    """The name's words left out of the alignment: the Vietnamese middle names that mark
    the sex alone (``Van``, ``Thi``: often dropped, they say nothing of the person unless
    both names show one, and another), and the others."""
    last = len(name.tokens) - 1
    unpaired = [k for k in name.words if k not in paired]
    if VIETNAMESE not in name.origins:
        return unpaired, []
    markers = [k for k in unpaired if 0 < k < last and name.tokens[k].folded in VIETNAMESE_MIDDLE]
    return [k for k in unpaired if k not in markers], markers


def _syllables_agree(
    query: ParsedName, listed: ParsedName, pair: Pair, origins: frozenset[str], family: bool
) -> bool:
    """Whether the words of a pair are one family name or one run of given-name syllables:
    the same spelling, or spellings the Korean and Chinese correspondences make one, a
    family name's irregular spellings (``korean_surname``) only for a family name. Words
    in Cyrillic, Han or Hangul letters were already compared by their script's reading."""
    q_text = "".join(query.tokens[i].text for i in pair.query)
    l_text = "".join(listed.tokens[j].text for j in pair.listed)
    if family and pair.similarity.rule == "typo":
        # Lists misspell family names too (``Jian`` for ``Jiang``); two names of the closed
        # set, though, are two names (``Zhang``/``Wang``).
        return not (spells_a_family_name(q_text) and spells_a_family_name(l_text))
    if pair.similarity.rule in ("typo", "unmatched", "gender_variant"):
        return False
    if not family and pair.similarity.detail.endswith("_surname"):
        return False
    if has_cyrillic(q_text + l_text) or is_han_or_hangul(q_text + l_text):
        return True
    if "".join(query.tokens[i].folded for i in pair.query) == "".join(
        listed.tokens[j].folded for j in pair.listed
    ):
        return True
    if pair.similarity.rule == "initial":
        return True
    if family and VIETNAMESE in origins and vietnamese_rules(q_text, l_text):
        return True
    if EAST_ASIAN not in origins:
        return False  # Vietnamese is written in its own alphabet: no correspondences
    rules = east_asian_rules(q_text, l_text, CHINESE in origins)
    return rules is not None and (family or rules != ("korean_surname",))


# letters: shorter halves are articles and particles (``al-``, ``ul-``)
MIN_COMPOUND_HALF: Final = 3


def _compound_halves(query: ParsedName, listed: ParsedName) -> set[tuple[int, int]]:
    """Positions (``side``, ``k``) of the words of a person's name that are half of a given
    name written with a hyphen (``Mohammad-Ali``, ``Jean-Pierre``): side 0 the query, 1 the
    listed name. Such a name is one name, used as one (Persian, Arabic and French compound
    given names). Left out: a surname shown in capitals in a mixed-case name
    (``MOZAFARI-SHAMS``: lists drop one half of a double surname), a half of one or two
    letters (an article or particle, ``al-``, ``ul-``, or its misreading ``AI-``), and
    Korean, Chinese and Vietnamese names, whose syllables have rules of their own."""
    if not (query.origins | listed.origins).isdisjoint((EAST_ASIAN, VIETNAMESE)):
        return set()
    halves: set[tuple[int, int]] = set()
    for side, name in enumerate((query, listed)):
        tokens = name.tokens
        mixed_case = any(not t.text.isupper() for t in tokens)
        for k in range(len(tokens) - 1):
            first, second = tokens[k], tokens[k + 1]
            if (
                first.role is WORD
                and second.role is WORD
                and min(len(first.folded), len(second.folded)) >= MIN_COMPOUND_HALF
                and not (mixed_case and first.text.isupper() and second.text.isupper())
                and _hyphen_between(name, k, k + 1)
            ):
                halves.update(((side, k), (side, k + 1)))
    return halves


def _split_compounds(query: ParsedName, listed: ParsedName, pairs: list[Pair]) -> list[Pair]:
    """The pairs with a half of a hyphenated name matched alone voided (rule
    ``compound_name_half``): ``Ali`` is not ``Mohammad-Ali`` any more than ``Pierre`` is
    ``Jean-Pierre``, nor ``Mohammad-Reza`` ``Mohammad-Ali``. Voided when one half pairs and
    the other pairs with nothing; both halves found, in any writing (``Mohammad Ali``,
    ``Mohammadali``), are the name, and so is an initial (``A. RADAN`` for
    ``Ahmad-Reza RADAN``: a compound's initial is its first letter)."""
    if "-" not in query.original and "-" not in listed.original:
        return pairs  # the common case, decided at once
    halves = _compound_halves(query, listed)
    if not halves:
        return pairs
    paired = {(0, i) for pair in pairs for i in pair.query} | {
        (1, j) for pair in pairs for j in pair.listed
    }
    names = (query, listed)
    out = []
    for pair in pairs:
        ends = [(0, i) for i in pair.query] + [(1, j) for j in pair.listed]
        half = next(
            (
                (side, k)
                for side, k in ends
                if (side, k) in halves
                and any(
                    (side, other) in halves and (side, other) not in paired
                    for other in (k - 1, k + 1)
                    if _hyphen_between(names[side], k, other)
                )
            ),
            None,
        )
        if half is not None and pair.similarity.rule != "initial":
            where = ("query", "list")[half[0]]
            detail = f"half of the hyphenated name in the {where}: another name"
            pair = Pair(pair.query, pair.listed, Similarity(0.0, "compound_name_half", detail))
        out.append(pair)
    return out


def _initials_in_place(query: ParsedName, listed: ParsedName, pairs: list[Pair]) -> list[Pair]:
    """The pairs with an initial voided (rule ``initial_out_of_place``) where it stands
    after the first name word of its own name and nothing matched that word: an initial
    abbreviates the name in its place, and when the given name written out before it is
    left unmatched, the word it meets is the other name's given name against a father's
    or middle name's initial (``Hassan AL-ZAHRANI`` against ``Mohammad Saad H. AL
    ZAHRANI``), no sign that the names agree."""
    if all(pair.similarity.rule != "initial" for pair in pairs):
        return pairs  # the common case, decided at once
    names = (query, listed)
    paired = (
        {i for pair in pairs for i in pair.query},
        {j for pair in pairs for j in pair.listed},
    )
    out = []
    for pair in pairs:
        if pair.similarity.rule == "initial":
            for side, positions in enumerate((pair.query, pair.listed)):
                skipped = _unmatched_word_before(names[side], positions[0], paired[side])
                if skipped is not None:
                    detail = f"initial after the unmatched given name {skipped!r}: another name"
                    similarity = Similarity(0.0, "initial_out_of_place", detail)
                    pair = Pair(pair.query, pair.listed, similarity)
                    break
        out.append(pair)
    return out


def _unmatched_word_before(name: ParsedName, k: int, paired: set[int]) -> str | None:
    """The name's first name word, when it stands before the initial at ``k`` and nothing
    matched it (its given name, in the order names are written and lists record them)."""
    tokens = name.tokens
    if tokens[k].role is not INITIAL:
        return None
    first = next((m for m in range(k) if tokens[m].role is WORD), None)
    return None if first is None or first in paired else tokens[first].text


def _hyphen_between(name: ParsedName, k: int, other: int) -> bool:
    """Whether words ``k`` and ``other`` of a name (``other`` may lie outside it) stand
    side by side joined by a hyphen in the name as written (``Mohammad-Ali``)."""
    if not 0 <= other < len(name.tokens):
        return False
    a, b = sorted((k, other))
    return f"{name.tokens[a].text}-{name.tokens[b].text}" in name.original


MIN_GIVEN_NAME_LETTERS: Final = 3  # a shorter word may be a name's short form (``Ma.``, ``Md``)


def _other_given_name(
    query: ParsedName, listed: ParsedName, used_q: set[int], used_l: set[int]
) -> str | None:
    """The penalty's text when a given name of the query and one of the listed name are
    both left unpaired and are two names of the given-name tables (``Tariq Danaei`` and
    ``Ali DANAEI``): one family's name shared, another person's own name. None when
    either name lacks such a word: a name left out is no name contradicted, and neither is
    a word of two letters, as often a name's written short form (Spanish ``Ma.`` for María,
    ``Md`` for Muhammad) as a name."""
    listed_names = [
        token
        for j, token in enumerate(listed.tokens)
        if j not in used_l
        and token.role is WORD
        and len(token.folded) >= MIN_GIVEN_NAME_LETTERS
        and given_name_of(token.key) is not None
    ]
    if not listed_names:
        return None
    for i, token in enumerate(query.tokens):
        if i in used_q or token.role is not WORD or len(token.folded) < MIN_GIVEN_NAME_LETTERS:
            continue
        other = next((t for t in listed_names if other_given_names(token.keys, t.key)), None)
        if other is not None:
            return f"given names differ: {token.text!r} and {other.text!r} are two names"
    return None


def score_name(context: QueryContext, listed: IndexedName, schema: str) -> NameScore:
    """The weighted share of both names covered by their alignment (0..1)."""
    query = context.parsed
    listed_name = listed.parsed
    pairs, used_q, used_l = align(context, listed_name)
    if schema == "Person":
        pairs = _split_compounds(query, listed_name, pairs)
        pairs = _initials_in_place(query, listed_name, pairs)
    matched, total = _matched(context, listed, pairs)
    penalties: list[str] = []

    # Legal forms say little about which company is meant: neutral when one side has
    # none or their classes meet, a small fixed penalty when both have one and differ.
    agree: bool | None = None
    if query.legal and listed_name.legal:
        agree = classes_agree(query.legal_classes, listed_name.legal_classes)
        if not agree:
            penalties.append("legal forms differ")
    used_q.update(query.legal)
    used_l.update(listed_name.legal)

    generic_q = generic_l = frozenset[int]()
    if _generic_words_discounted(context, listed, pairs):
        generic_q = _generic_words(query, context.concepts)
        l_concepts = [concept_of(token.key) for token in listed_name.tokens]
        generic_l = _generic_words(listed_name, l_concepts)
        if _listed_name_within(query, listed_name, used_q, used_l):
            penalties.append(LISTED_NAME_WITHIN)
    total = _add_unmatched_query(total, context, listed_name, (used_q, generic_q), penalties)
    total = _add_unmatched_listed(
        total, context, listed, schema, (used_q, used_l, generic_l), penalties
    )
    score = matched / total if total else 0.0
    if pairs and all(pair.similarity.rule in ("initial", "acronym") for pair in pairs):
        # ``A. A. KAVINOV`` against ``Abubakar K. AHMED``, ``KGK`` against ``Kornilov, Galkina
        # i Korolev``: letters alone identify nobody.
        score *= context.scoring.initials_only_factor
        penalties.append("only initials match")
    if agree is False:
        score -= context.scoring.legal_form_mismatch
    elif agree:
        score = min(score + context.scoring.legal_form_match, 1.0)
    other = _other_given_name(query, listed_name, used_q, used_l) if schema == "Person" else None
    if other is not None:
        score *= context.scoring.other_given_name_factor
        penalties.append(other)
    mismatch = (
        _east_asian_mismatch(query, listed_name, pairs, penalties) if context.east_asian else None
    )
    if mismatch is not None:
        score *= context.scoring.family_name_mismatch_factor
        penalties.append(mismatch)
    if any(pair.similarity.rule == "compound_name_half" for pair in pairs):
        penalties.append("half of a hyphenated name matched alone: another name")
    if any(pair.similarity.rule == "initial_out_of_place" for pair in pairs):
        penalties.append("an initial met after an unmatched given name: another name")
    if any(pair.similarity.rule == "gender_variant" for pair in pairs):
        penalties.append("surname in the other gender's form: possibly a relative")
    return NameScore(max(score, 0.0), pairs, penalties, agree)
