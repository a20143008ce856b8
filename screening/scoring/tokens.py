"""How alike two tokens are, and by which rule.

The rules are tried in this order, the first that holds decides:

1. ``exact``: the same folded word (a word in another script counts as transliteration);
2. ``transliteration``: one of the query word's romanisation keys is the list word's key;
3. ``initial``: an initial against a word with that first letter (else no match);
4. ``gender_variant``: ``Ivanov``/``Ivanova`` (a relative, not the person), unless both
   are given names of two groups (``Aleksandr``/``Aleksandra``), which never match;
5. ``given_name`` of the father: two patronymics of one given name;
6. ``given_name``: one given name in two languages' forms (``Volodymyr``/``Vladimir``);
7. ``stem``: a place and its adjective (``Perm``/``Permskiy``);
8. ``glossary``: one concept in two languages (``bank``/``bankas``);
9. ``typo``: a few letters apart (optimal string alignment), for words long enough.

A word read from Han, kana, Hangul, Arabic or Hebrew letters is never a typo nor a
Cyrillic transliteration of another; when either name shows a name origin (Arabic,
Korean, Chinese, Vietnamese, Hebrew script), the romanisation rules of that origin are
tried where no rule above but a typo held (``transliteration``, see ``origin_rule``). In a
Japanese name, two words that are both runs of Japanese syllables are one word by the
rules of Japanese romanisation or two words, never a typo (``japanese_similarity``).

Numbers (numbers as words, ``No 5``) match exactly or not at all; the similarity of
each rule is a field of ``ScoringWeights``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, NamedTuple

from rapidfuzz.distance import OSA

from screening.armenian import has_armenian
from screening.data import ARABIC_KUNYA_WORDS, ARABIC_LINEAGE_WORDS, OPENING_SOUND_ROWS
from screening.devanagari import has_devanagari
from screening.east_asian import east_asian_rules, vietnamese_rules
from screening.given_names import (
    ARABIC_GROUPS,
    given_name_of,
    patronymic_and_name_of_one_root,
    patronymic_of,
)
from screening.glossary import concept_of, is_place_adjective, word_stem
from screening.hebrew import hebrew_rules
from screening.japanese import are_other_japanese_words, japanese_rules
from screening.legal_forms import OCR_CONFUSIONS
from screening.memory import MEMORY
from screening.model import RuleName, VoidRule
from screening.names import (
    ARABIC,
    CHINESE,
    EAST_ASIAN,
    EZAFE,
    HEBREW,
    INITIAL,
    JAPANESE,
    LEGAL,
    NUMBER,
    PARTICLE,
    PATRONYMIC,
    VIETNAMESE,
    WORD,
    Role,
    Token,
    is_title,
)
from screening.text import has_cyrillic, is_read_not_spelt
from screening.translit import (
    arabic_compound_rules,
    arabic_rules,
    ascii_fold,
    is_arabic_short_form,
    rules_between,
)
from screening.weights import DEFAULT_WEIGHTS, ScoringWeights

COMPARE_CACHE_SIZE: Final = MEMORY.word_pairs  # token comparisons remembered per set of weights
COMPARERS_KEPT: Final = 4  # sets of weights whose comparison (and its memory) is kept at once
SCORE_DIGITS: Final = 4  # similarities and scores are rounded to this many digits


@dataclass(frozen=True, slots=True)
class Similarity:
    """A token comparison's outcome: how alike (0..1), by which rule, and why."""

    value: float
    rule: RuleName
    detail: str = ""


NO_MATCH: Final = Similarity(0.0, "unmatched")
NO_ORIGINS: Final[frozenset[str]] = frozenset()
NO_SOUNDS: Final[frozenset[str]] = frozenset()
_NO_ORIGIN_RULES: Final = (NUMBER, INITIAL, LEGAL)
_LETTER_CLASS: Final = str.maketrans("yj", "ii")
_VOWELS: Final = frozenset("aeiouy")
_APOSTROPHES: Final = re.compile(r"['\u2019\u02bc\u02bb`]")
_AFFRICATE: Final = re.compile(r"^(?:d(?=[jz])|t(?=[csz]))")
# The sounds a word's opening letters may write in the romanisations the engine reads
# (Cyrillic, Arabic, Persian, Chinese, Japanese, Greek: ``screening/data/opening_sounds.tsv``,
# with its sources), longest opening first. Two words whose openings share no sound open
# with different consonants.
_OPENING_SOUNDS: Final[tuple[tuple[str, frozenset[str]], ...]] = tuple(
    (opening, frozenset(sounds.split())) for opening, sounds in OPENING_SOUND_ROWS
)
# The kinship words of Arabic names (``Abu``, ``Umm``, ``bin``, ``ould``: father, mother, son
# of), from ``screening/data/arabic_name_words.tsv``: a closed class, never a misspelt name.
_KINSHIP_WORDS: Final = frozenset(ARABIC_KUNYA_WORDS + ARABIC_LINEAGE_WORDS)
# Letters OCR reads for an opening letter, from ``legal_forms``' table of its confusions
# (``rn`` for ``m``); a digit read for a letter opens with no sound at all.
_OCR_OPENINGS: Final = tuple((seen, meant) for seen, meant in OCR_CONFUSIONS if seen.isalpha())

# (query folded, query keys, query role, listed folded, listed key, listed role)
Compare = Callable[[str, tuple[str, ...], Role, str, str, Role], Similarity]


def _gender_pair(a: str, b: str) -> bool:
    """``Ivanov``/``Ivanova``, ``Kovalski``/``Kovalska``: the same family, not the same person."""
    if len(a) < 4 or len(b) < 4 or a == b:
        return False
    if len(a) + 1 == len(b):
        return b[-1] == "a" and b.startswith(a)
    if len(b) + 1 == len(a):
        return a[-1] == "a" and a.startswith(b)
    return len(a) == len(b) and a[:-1] == b[:-1] and {a[-1], b[-1]} == {"i", "a"}


def _initial_matches(
    q_folded: str, q_keys: tuple[str, ...], q_role: Role, l_folded: str, l_key: str
) -> str | None:
    """The detail (``a = alexei``) when one side is an initial of the other, else None."""
    initial, word = (q_folded, l_folded) if q_role is INITIAL else (l_folded, q_folded)
    letter = initial[0].translate(_LETTER_CLASS)
    word_key = l_key if q_role is INITIAL else q_keys[0]
    if letter in (word[0].translate(_LETTER_CLASS), word_key[:1]):
        return f"{initial[0]} = {word}"
    return None


def _same_father(q_keys: tuple[str, ...], l_key: str) -> str | None:
    """The father's given name when two patronymics derive from one name."""
    father = patronymic_of(l_key)
    if father is not None and any(patronymic_of(key) == father for key in q_keys):
        return father.group
    return None


def _same_given_name(q_keys: tuple[str, ...], l_key: str) -> str | None:
    """The group's name when two words are forms of one given name."""
    name = given_name_of(l_key)
    if name is not None and any(given_name_of(key) == name for key in q_keys):
        return name.group
    return None


def other_given_names(q_keys: tuple[str, ...], l_key: str) -> bool:
    """Whether two words are given names of different groups: two names, however few
    letters apart (issue 11: ``Milan``/``Milen`` stay apart)."""
    listed = given_name_of(l_key)
    if listed is None:
        return False
    query = {name for key in q_keys if (name := given_name_of(key)) is not None}
    return bool(query) and listed not in query


def _same_place_stem(q_keys: tuple[str, ...], l_key: str) -> str | None:
    """The stem a place and its adjective share (two plain words sharing one do not count)."""
    stem = word_stem(l_key)
    if stem is not None and any(
        word_stem(key) == stem and (is_place_adjective(key) or is_place_adjective(l_key))
        for key in q_keys
    ):
        return stem
    return None


def _same_concept(q_keys: tuple[str, ...], l_key: str) -> str | None:
    """The glossary concept two words in different languages both name."""
    concept = concept_of(l_key)
    if concept is not None and any(concept_of(key) == concept for key in q_keys):
        return concept
    return None


def other_opening_consonant(query: Token, listed: Token, slips: bool = False) -> bool:
    """Whether two words open with different consonants, in spelling and in every key.

    The first letter is the one people get wrong least (Pollock and Zamora 1983,
    *Automatic spelling correction in scientific and scholarly text*; Soundex keeps it for
    that reason): two words a letter or two apart that open with different consonants are
    two names (``Bahram`` and ``Shahram``, ``Said`` and ``Majid``, ``Noskova`` and
    ``Kosakova``), whether or not the query word is a word of the lists, and so is a word
    read from Devanagari or Armenian letters by the standard's table (``मणि`` Mani, not
    ``Shani``). Not told apart: with ``slips`` (a query word typed, not a word of the
    lists), one typist's slip at the opening, the rest as written (the first letter
    mistyped, dropped, added or swapped with the second: ``Dmitry`` typed ``Rmitry``,
    ``Rigade``, ``Vzezda`` for ``Zvezda``; Damerau 1964: four in five misspellings are one
    such error); spellings of one opening sound by a
    romanisation the engine reads (``q``/``k``/``gh``, ``dj``/``j``/``zh``, ``w``/``v``,
    ``kh``/``h``, ``ph``/``f``, Kunrei-shiki ``Huzita`` and Hepburn ``Fujita``); an
    opening vowel (``y``, a silent ``h`` before one); OCR's glyphs (``rn`` for ``m``, a
    digit for a letter)."""
    q_folded, l_folded = query.folded, listed.folded
    if q_folded[:1] == l_folded[:1] or (slips and _slip_at_opening(q_folded, l_folded)):
        return False
    q_sounds, l_sounds = _opening_sounds(q_folded), _opening_sounds(l_folded)
    if not (q_sounds and l_sounds) or not q_sounds.isdisjoint(l_sounds):
        return False
    return all(key[:1] != listed.key[:1] for key in query.keys)


def _slip_at_opening(a: str, b: str) -> bool:
    """Whether two words differ by one typist's slip at the opening, the rest as written:
    the first letter mistyped (``Rmitry``), dropped or added (``Rigade``, ``Brigade``), or
    the first two swapped (``Vzezda``, ``Zvezda``)."""
    return a[1:] == b[1:] or a == b[1:] or b == a[1:] or (a[:2] == b[1::-1] and a[2:] == b[2:])


def is_read_by_table(text: str) -> bool:
    """Whether a word is in Devanagari or Armenian letters, which ``ascii_fold`` reads by
    the standard's table (``screening.devanagari``, ``screening.armenian``): its reading
    is spelt as the standard spells it, with no typist's slip in it."""
    return not text.isascii() and (has_devanagari(text) or has_armenian(text))


def same_but_apostrophes(query: Token, listed: Token) -> bool:
    """Whether two words are one once the list word's apostrophes go: the marks of
    aspiration (BGN/PCGN Armenian ``t'``), ayn and hamza that a reading by table omits."""
    bare = _APOSTROPHES.sub("", listed.text)
    return bare != listed.text and ascii_fold(bare) == query.folded


@lru_cache(maxsize=MEMORY.word_forms)
def _opening_sounds(folded: str) -> frozenset[str]:
    """The consonant sounds a word's opening may write (``_OPENING_SOUNDS``), an
    affricate's ``d`` or ``t`` left out (French ``Djabir``, German ``Tschernow``); empty
    when it opens with a vowel or a glyph that is no letter."""
    for glyphs, letter in _OCR_OPENINGS:
        if folded.startswith(glyphs):
            folded = letter + folded[len(glyphs) :]
    word = _AFFRICATE.sub("", folded[:4])
    first = word[:1]
    if not first.isascii() or not first.isalpha() or first in _VOWELS:
        return NO_SOUNDS
    for opening, sounds in _OPENING_SOUNDS:
        if word.startswith(opening):
            return sounds
    return frozenset(first)


def _typo(
    q_folded: str, q_keys: tuple[str, ...], l_folded: str, l_key: str, weights: ScoringWeights
) -> Similarity:
    """Two words a few letters apart, on their spelling or their keys; a third of a long
    word changed is another word, not a typo."""
    if min(len(l_folded), len(q_folded)) < weights.min_typo_length:
        return NO_MATCH
    best = max(
        max(OSA.normalized_similarity(key, l_key) for key in q_keys),
        OSA.normalized_similarity(q_folded, l_folded),
    )
    if best < weights.min_fuzzy_similarity:
        return NO_MATCH
    edits = typo_edits(q_folded, q_keys, l_folded, l_key)
    if best < weights.loose_typo_similarity and edits > weights.max_loose_typo_edits:
        return NO_MATCH
    return Similarity(round(best, SCORE_DIGITS), "typo", f"{edits} edit{'s' if edits != 1 else ''}")


def typo_edits(q_folded: str, q_keys: tuple[str, ...], l_folded: str, l_key: str) -> int:
    """The fewest edits between two words, on their spelling or on their keys: the count
    a typo is named by and bounded by."""
    return min(min(OSA.distance(key, l_key) for key in q_keys), OSA.distance(q_folded, l_folded))


_KEPT: dict[int, tuple[ScoringWeights, Compare]] = {}  # by id: hashing weights costs more


def comparer(weights: ScoringWeights) -> Compare:
    """The token comparison under these weights (the rules in the module's order),
    found by the weights' identity first: it is asked for once per query."""
    kept = _KEPT.get(id(weights))
    if kept is not None and kept[0] is weights:
        return kept[1]
    compare = _comparer(weights)
    if len(_KEPT) >= COMPARERS_KEPT:
        _KEPT.clear()
    _KEPT[id(weights)] = (weights, compare)  # holding the weights keeps their id unique
    return compare


@lru_cache(maxsize=COMPARERS_KEPT)
def _comparer(weights: ScoringWeights) -> Compare:
    """The token comparison under these weights.

    A pure function of its arguments, remembered: list words repeat across names and
    query words across a batch. One per set of weights, so that the cache stays pure."""

    @lru_cache(maxsize=COMPARE_CACHE_SIZE)
    def compare(
        q_folded: str,
        q_keys: tuple[str, ...],
        q_role: Role,
        l_folded: str,
        l_key: str,
        l_role: Role,
    ) -> Similarity:
        if q_folded == l_folded:
            return Similarity(weights.exact, "exact")
        if l_key in q_keys:
            rules = ", ".join(rules_between(q_folded, l_folded))
            return Similarity(weights.transliteration, "transliteration", rules)
        if q_role is NUMBER or l_role is NUMBER:
            return NO_MATCH
        if (
            q_role is PARTICLE is l_role and q_folded in EZAFE and l_folded in EZAFE
        ):  # ``Jaish-e-Mohammed``, ``Jaish-i-Mohammed``
            return Similarity(weights.transliteration, "transliteration", "ezafe")
        if q_role is INITIAL or l_role is INITIAL:
            detail = _initial_matches(q_folded, q_keys, q_role, l_folded, l_key)
            return NO_MATCH if detail is None else Similarity(weights.initial, "initial", detail)
        if q_role is WORD is l_role and other_given_names(q_keys, l_key):
            return NO_MATCH  # ``Tal``/``Gal``, ``Ehud``/``Yehuda``: two names, not a typo
        for key in q_keys:
            if key[:3] == l_key[:3] and _gender_pair(key, l_key):  # the prefix check is cheap
                return Similarity(weights.gender_variant, "gender_variant", "possible relative")
        if q_role is PATRONYMIC and l_role is PATRONYMIC:
            father = _same_father(q_keys, l_key)
            if father is not None:
                detail = f"patronymic of one name ({father})"
                return Similarity(weights.given_name, "given_name", detail)
        if q_role is WORD and l_role is WORD:
            name = _same_given_name(q_keys, l_key)
            if name is not None:
                value = weights.arabic_variant if name in ARABIC_GROUPS else weights.given_name
                return Similarity(value, "given_name", f"one given name ({name})")
            stem = _same_place_stem(q_keys, l_key)
            if stem is not None:
                return Similarity(weights.stem, "stem", f"same stem {stem!r}")
            concept = _same_concept(q_keys, l_key)
            if concept is not None:
                return Similarity(weights.glossary, "glossary", concept)
        return _typo(q_folded, q_keys, l_folded, l_key, weights)

    return compare


def _void_rule(found: Similarity, query: Token, listed: Token) -> VoidRule | None:
    """The rule by which a typo or a Cyrillic key's match of two words does not count:

    - ``read_not_spelt``: a word read from Han or Hangul is romanised syllable by syllable,
      in pinyin or Revised Romanization: a letter off is another syllable (``shuying`` is
      not ``cuiying``), not a typo, and Cyrillic's rules do not apply (``jun`` is not
      ``yun``); a word in Arabic or Hebrew letters lacks its short vowels, so edits mean
      nothing. Only the rules of its own origin apply;
    - ``other_opening_consonant``: ``Noskova`` is not ``Kosakova``, मणि (Mani) not Shani;
    - ``title_not_a_name``: a title is a rank, not a misspelt name (``Qari`` is not
      ``Qatrji``); left out it costs nothing (``unmatched_title``), so a title a letter off
      another (``Shaikh``/``Sheikh``) is better unpaired than paired as a typo;
    - ``kinship_not_a_name``: a kinship word of an Arabic name (``Abu``, ``Umm``, ``bin``,
      ``ould``) says whose father, mother or son a person is: it is no misspelt name
      (``Abboud`` is not ``Abu``);
    - ``patronymic_not_name``: a patronymic is not the surname or given name made from the
      same name (``Konstantinovna`` is not ``Konstantinova``, ``Viktorovich`` not
      ``Viktorin``)."""
    if is_read_not_spelt(query.text) or is_read_not_spelt(listed.text):
        return "read_not_spelt"
    if found.rule != "typo":
        return None
    if other_opening_consonant(query, listed, slips=not is_read_by_table(query.text)):
        return "other_opening_consonant"
    if is_title(query) or is_title(listed):
        return "title_not_a_name"
    if (query.folded in _KINSHIP_WORDS) is not (listed.folded in _KINSHIP_WORDS):
        return "kinship_not_a_name"
    if patronymic_and_name_of_one_root(query.folded, listed.folded):
        return "patronymic_not_name"
    return None


class VoidedMatch(NamedTuple):
    """A near word that did not count: the rule that voided it, and what it would have
    been without that rule (a typo, a transliteration by a Cyrillic key)."""

    rule: VoidRule
    near: Similarity


# What each voiding rule means, for the explanation of a word left unmatched.
VOID_REASONS: Final[dict[VoidRule, str]] = {
    "other_opening_consonant": "opens with another consonant: another name, not a typo",
    "other_given_name": "two different given names, however few letters apart",
    "read_not_spelt": "read from Han, Hangul, Arabic or Hebrew letters: a letter off is "
    "another syllable, not a typo",
    "title_not_a_name": "a title is a rank, not a misspelt name",
    "other_japanese_word": "two words of Japanese syllables spelt otherwise: two words",
    "other_known_word": "both are words of the lists: too far apart to be one misspelt",
    "kinship_not_a_name": "a kinship word (Abu, bin: father, son of) is not a misspelt name",
    "patronymic_not_name": "a patronymic and a surname or given name of one root: two words",
}


def voided_match(
    query: Token,
    listed: Token,
    weights: ScoringWeights = DEFAULT_WEIGHTS,
    origins: frozenset[str] = NO_ORIGINS,
) -> VoidedMatch | None:
    """Why two near words do not match, when a voiding rule is the reason: the rule and
    the typo or variant it voided; None when they match or are simply too far apart.
    For explanations only (scoring applies the same rules in ``similarity_of``)."""
    if compare_tokens(query, listed, weights, origins).rule != "unmatched":
        return None
    found = comparer(weights)(
        query.folded, query.keys, query.role, listed.folded, listed.key, listed.role
    )
    if found.rule == "unmatched":
        if query.role is WORD is listed.role and other_given_names(query.keys, listed.key):
            near = _typo(query.folded, query.keys, listed.folded, listed.key, weights)
            return VoidedMatch("other_given_name", near) if near.rule == "typo" else None
        return None
    rule = _void_rule(found, query, listed) if found.rule in ("typo", "transliteration") else None
    if rule is None and JAPANESE in origins:
        rule = "other_japanese_word"
    return None if rule is None else VoidedMatch(rule, found)


def japanese_similarity(
    query: str, listed: str, found: Similarity, weights: ScoringWeights = DEFAULT_WEIGHTS
) -> Similarity:
    """Two words of a Japanese name: one word in two romanisations (``Satou``/``Sato``,
    ``Zyun'iti``/``Junichi``, ``サトウ``/``Sato``), or, both runs of Japanese syllables of
    other spellings, two words (``Kato``/``Sato``), which a typo or a Cyrillic key rule
    (``y=i=j``) does not make one; else ``found`` as it was."""
    rules = japanese_rules(query, listed)
    if rules is not None:
        return Similarity(weights.japanese_variant, "transliteration", ", ".join(rules))
    if found.rule != "unmatched" and are_other_japanese_words(query, listed):
        return NO_MATCH
    return found


def origin_rule(
    query: str, listed: str, origins: frozenset[str], weights: ScoringWeights = DEFAULT_WEIGHTS
) -> Similarity | None:
    """Two spellings of one word by the romanisation rules of a name origin (Arabic,
    Korean, Chinese, Vietnamese, Hebrew), applied only when ``origins`` (of either name)
    holds it."""
    if HEBREW in origins and (rules := hebrew_rules(query, listed)):
        return Similarity(weights.hebrew_variant, "transliteration", ", ".join(rules))
    if ARABIC in origins and (rules := arabic_rules(query, listed)):
        return Similarity(weights.arabic_variant, "transliteration", ", ".join(rules))
    if EAST_ASIAN in origins and (rules := east_asian_rules(query, listed, CHINESE in origins)):
        return Similarity(weights.east_asian_variant, "transliteration", ", ".join(rules))
    if VIETNAMESE in origins and (rules := vietnamese_rules(query, listed)):
        return Similarity(weights.east_asian_variant, "transliteration", ", ".join(rules))
    if JAPANESE in origins and (rules := japanese_rules(query, listed)):
        return Similarity(weights.japanese_variant, "transliteration", ", ".join(rules))
    return None


def compound_rule(
    word: str, first: str, second: str, origins: frozenset[str], weights: ScoringWeights
) -> Similarity | None:
    """One word as a compound name written in two parts, the article between or glued to
    the first (``Abdurrahman`` / ``Abd al-Rahman``, ``Nuruddin`` / ``Nur ud-Din``), by the
    Arabic rules, applied only when ``origins`` holds them."""
    if ARABIC in origins and (rules := arabic_compound_rules(word, first, second)):
        return Similarity(weights.arabic_variant, "compound", ", ".join(rules))
    return None


def compare_tokens(
    query: Token,
    listed: Token,
    weights: ScoringWeights = DEFAULT_WEIGHTS,
    origins: frozenset[str] = NO_ORIGINS,
) -> Similarity:
    """How alike two tokens are, and by which rule (``origins``: the name origins either
    name shows, whose romanisation rules then apply)."""
    compare = comparer(weights)
    return similarity_of(compare, query, listed, has_cyrillic(query.text), weights, origins)


def similarity_of(
    compare: Compare,
    query: Token,
    listed: Token,
    query_cyrillic: bool,
    weights: ScoringWeights = DEFAULT_WEIGHTS,
    origins: frozenset[str] = NO_ORIGINS,
) -> Similarity:
    """``compare`` (of ``comparer``) applied to two tokens: the same word in two scripts
    is a transliteration, not an exact match (``query_cyrillic``: whether the query
    token is written in Cyrillic, worked out once per query); the rules of the name
    ``origins`` apply where no other rule but a typo holds."""
    # ``keys[0]`` is ``Token.key`` without the property call: this runs for every pair of words.
    listed_key = listed.keys[0]
    found = compare(query.folded, query.keys, query.role, listed.folded, listed_key, listed.role)
    if found.rule in ("typo", "transliteration") and _void_rule(found, query, listed):
        found = NO_MATCH
    if (
        JAPANESE in origins
        and found.rule in ("typo", "transliteration", "unmatched")
        and query.role not in _NO_ORIGIN_RULES
        and listed.role not in _NO_ORIGIN_RULES
    ):
        found = japanese_similarity(query.text, listed.text, found, weights)
    if (
        origins
        and found.rule in ("typo", "unmatched")
        and (
            abs(len(query.folded) - len(listed.folded)) <= weights.max_origin_length_gap
            or is_arabic_short_form(query.folded)
            or is_arabic_short_form(listed.folded)
            or is_read_not_spelt(query.text)
            or is_read_not_spelt(listed.text)
        )
        and query.role not in _NO_ORIGIN_RULES
        and listed.role not in _NO_ORIGIN_RULES
    ):
        found = origin_rule(query.text, listed.text, origins, weights) or found
    if found.rule == "exact" and query.role is NUMBER and query.text != listed.text:
        return Similarity(found.value, "transliteration", "number written as words")
    if found.rule == "exact" and query_cyrillic != has_cyrillic(listed.text):
        return Similarity(found.value, "transliteration", "Cyrillic = Latin")
    return found
