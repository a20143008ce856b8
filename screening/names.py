"""A name as a sequence of tokens with roles.

Roles decide how much a token matters and how a mismatch reads: a legal form
(``OOO``, ``LLC``, ``Aktsionernoe Obshchestvo``) is a class, not a word; an initial
stands for any word with that first letter; a missing patronymic is neutral but a
different one counts against; particles (``al``, ``bin``, ``van``) weigh little.
Pure functions of strings.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import lru_cache
from typing import Final

from screening.data import ARABIC_LINEAGE_WORDS, EZAFE_FORMS, PARTICLES, TITLES
from screening.east_asian import (
    east_asian_retrieval_keys,
    is_han_or_hangul,
    looks_chinese,
    looks_east_asian,
    looks_vietnamese,
    without_mr_marks,
)
from screening.glossary import pair_concept
from screening.hebrew import has_hebrew, hebrew_retrieval_keys
from screening.japanese import (
    has_kana,
    has_kanji,
    japanese_retrieval_keys,
    looks_japanese,
    unread_kanji,
)
from screening.legal_forms import find_legal_forms
from screening.memory import MEMORY
from screening.numbers import number_word, value_of
from screening.text import clean, has_cyrillic
from screening.translit import (
    ARABIC_ARTICLES,
    arabic_retrieval_keys,
    ascii_fold,
    romanisation_of,
    shows_arabic_romanisation,
    token_key,
    variant_keys,
)

ARABIC: Final = "arabic"
EAST_ASIAN: Final = "east_asian"
CHINESE: Final = "chinese"  # an east_asian name that is Chinese, not Korean (looks_chinese)
VIETNAMESE: Final = "vietnamese"
JAPANESE: Final = "japanese"
HEBREW: Final = "hebrew"  # a name in Hebrew script, read by screening.hebrew


def origin_keys(word: str, origins: frozenset[str], listed: bool = False) -> set[str]:
    """Retrieval keys of a (``listed`` or query) word for the romanisation rules of these
    name origins."""
    keys: set[str] = set()
    if ARABIC in origins:
        keys.update(arabic_retrieval_keys(word, listed))
    if EAST_ASIAN in origins:
        keys.update(east_asian_retrieval_keys(word, listed and CHINESE in origins))
    if JAPANESE in origins:
        keys.update(japanese_retrieval_keys(word))
    if HEBREW in origins and not listed:
        keys.update(hebrew_retrieval_keys(word))  # list words: NameIndex.hebrew_postings
    return keys


class Role(StrEnum):
    WORD = "word"
    INITIAL = "initial"
    PATRONYMIC = "patronymic"
    PARTICLE = "particle"
    NUMBER = "number"
    LEGAL = "legal"


# The members as plain module names, for the loops that read a role for every word of
# every candidate name: on Python 3.11 each ``Role.X`` is a descriptor lookup (~140 ns,
# against ~10 ns for a module name).
WORD, INITIAL, PATRONYMIC = Role.WORD, Role.INITIAL, Role.PATRONYMIC
PARTICLE, NUMBER, LEGAL = Role.PARTICLE, Role.NUMBER, Role.LEGAL


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a name: as written, ASCII-folded, its keys (main first) and its role."""

    text: str
    folded: str
    keys: tuple[str, ...]
    role: Role

    @property
    def key(self) -> str:
        return self.keys[0]


@dataclass(frozen=True, slots=True)
class LegalForm:
    """A legal form found in an organisation name, e.g. ``OOO`` of class ``llc``."""

    text: str
    form_class: str | None


@dataclass(frozen=True, slots=True)
class ParsedName:
    """A cleaned name split into tokens, with what scoring asks of it worked out once."""

    original: str
    tokens: tuple[Token, ...]
    legal_forms: tuple[LegalForm, ...]
    words: tuple[int, ...]  # positions of the tokens that are not legal-form words
    legal: tuple[int, ...]  # positions of legal-form words
    legal_classes: frozenset[str]
    has_patronymic: bool
    # Adjacent words written as one: (i, j, key, its glossary concept): ``Zheleznye
    # Dorogi`` is one concept (railways), as is ``Far Eastern``.
    joined: tuple[tuple[int, int, str, str | None], ...]
    # The name origins whose romanisation rules apply to its words: ``arabic`` (shows
    # signs of a romanised Arabic, Persian or Urdu name, or is in Arabic letters),
    # ``east_asian`` (looks like a romanised Korean or Chinese name), ``japanese`` (in
    # kana, or romanised Japanese: ``looks_japanese``), ``hebrew`` (is in Hebrew letters).
    origins: frozenset[str] = frozenset()
    # The name is known to be an organisation's (not a person's, nor of unknown type):
    # only such names have acronyms (``screening.acronyms``).
    organisation: bool = False

    @classmethod
    def of(
        cls,
        original: str,
        tokens: list[Token],
        forms: list[LegalForm],
        origins: frozenset[str] = frozenset(),
        organisation: bool = False,
    ) -> ParsedName:
        words = tuple(i for i, t in enumerate(tokens) if t.role is not Role.LEGAL)
        return cls(
            original=original,
            tokens=tuple(tokens),
            legal_forms=tuple(forms),
            words=words,
            legal=tuple(i for i, t in enumerate(tokens) if t.role is Role.LEGAL),
            legal_classes=frozenset(f.form_class for f in forms if f.form_class),
            has_patronymic=any(t.role is Role.PATRONYMIC for t in tokens),
            joined=_joined(tokens, words),
            origins=origins,
            organisation=organisation,
        )


def _joined(
    tokens: list[Token], words: tuple[int, ...]
) -> tuple[tuple[int, int, str, str | None], ...]:
    """Each pair of adjacent words written as one, with the glossary concept of the pair;
    and particles in a row with the word after them written as one (``van der Bilt`` is
    ``Vanderbilt``, ``de la Cruz`` is ``Delacruz``): (first particle, the word, key, None).
    The particles between them are left out of the span; they weigh little."""
    pairs = []
    for i, j in itertools.pairwise(words):
        first, second = tokens[i].key, tokens[j].key
        pairs.append((i, j, joined_key(first, second), pair_concept(first, second)))
    for start, end in particle_runs([tokens[k] for k in words]):
        key = joined_key(*(tokens[k].key for k in words[start : end + 1]))
        pairs.append((words[start], words[end], key, None))
    return tuple(pairs)


def double_surname(parsed: ParsedName) -> tuple[int, int] | None:
    """The positions of a person's two surnames, when the name shows them: it ends in two
    words in capitals (particles such as ``y`` or ``de`` between them allowed) after a
    given name that is not, as lists write a Spanish or Portuguese name (``Joaquin
    GUZMAN LOERA``; OFAC writes ``GUZMAN LOERA, Joaquin``). A Spanish name carries the
    father's surname, then the mother's; the second is often left out in daily use (Real
    Academia Española, *Diccionario panhispánico de dudas*, "apellido"). A Portuguese name
    puts the mother's first; a missing word in the middle of a name already costs little.
    Not for Korean or Chinese names, which have one family name."""
    if EAST_ASIAN in parsed.origins:
        return None
    tokens = parsed.tokens
    words = [j for j in parsed.words if tokens[j].role is Role.WORD]
    if len(words) < 3 or words[-1] != len(tokens) - 1:
        return None
    given, first, second = (tokens[j].text for j in words[-3:])
    if not (_capitals(first) and _capitals(second)) or _capitals(given):
        return None
    if any(tokens[k].key not in _PARTICLES for k in range(words[-2] + 1, words[-1])):
        return None
    return words[-2], words[-1]


def _capitals(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def joined_key(*keys: str) -> str:
    """The key of words written as one: their keys run together, a letter doubled at a
    joint written once, as a key writes a doubled letter inside a word (``dos`` + ``santos``
    is ``dosantos``, the key of ``Dossantos``). Only the joint changes: keying the whole
    again would read letters across it (``Choi`` + ``Ye`` is no ``Choe``)."""
    joined = keys[0]
    for key in keys[1:]:
        joined += key[1:] if joined and key and joined[-1] == key[0] else key
    return joined


def particle_runs(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Where particles in a row stand before a word that may be written joined to them
    (``van der Bilt``, ``de la Cruz``): (first particle, the word), positions in
    ``tokens``. A single particle and its word are an adjacent pair like any other."""
    runs = []
    for end, token in enumerate(tokens):
        start = end
        while start > 0 and tokens[start - 1].role is Role.PARTICLE:
            start -= 1
        if end - start >= MIN_PARTICLE_RUN and token.role is not Role.PARTICLE:
            runs.append((start, end))
    return runs


_PARTICLES: Final = frozenset(token_key(ascii_fold(word)) for word in PARTICLES)

_TITLES: Final = frozenset(token_key(ascii_fold(word)) for word in TITLES)

# A capitalised word of four letters or more run into the next capital inside a
# person's name: two words written together (``AndreyIvanovich``, ``MoussaBen``). Split,
# they still meet a list word written as one as a compound. A capital with one to three
# small letters, or small letters without a vowel, inside a capitalised word is a
# romanised letter (``ZhUKOV``, ``ChtchERBAKOV`` from ``ЖУКОВ``, ``ЩЕРБАКОВ``), not a
# word: it stays.
_RUN_TOGETHER: Final = re.compile(
    r"([A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐЎ](?=[a-zß-öø-ÿа-яёіїєґў]*[aeiouyà-æè-ïò-öø-üаеёиоуыэюяіїє])"
    r"[a-zß-öø-ÿа-яёіїєґў]{3,})(?=[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐЎ])"
)

_PATRONYMIC_ENDINGS: Final = (
    "ovich", "evich", "ovych", "evych", "avich", "ovic", "evic", "ovitch", "evitch",
    "ovna", "evna", "ichna", "ivna", "avna",
)  # fmt: skip
MIN_PARTICLE_RUN: Final = 2  # particles in a row joined with the next word (one: a pair does)
MIN_INITIALISM: Final = 3  # single letters in a row read as one initialism (``A.B.C.``)
MIN_LONE_NUMBER: Final = 5  # letters of a number word read as a number on its own (``seven``)
_NON_PATRONYMIC: Final = frozenset({"ich", "rich", "dietrich", "heinrich", "friedrich", "ulrich"})


# Combining marks that belong to the letter before them: diacritics and ALA-LC ligature
# marks (``t͡s``), Hebrew and Arabic vowel points, the Hebrew geresh (``ג׳`` is j; not the
# maqaf, Hebrew's hyphen, nor its punctuation), the vowel signs of Indic, Thai, Lao,
# Tibetan, Myanmar and Khmer writing (``मोदी`` is one word, not ``म`` and ``द``), kana
# voicing marks. Python's ``\w`` leaves them out.
_MARKS: Final = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u05f3"
    "\u0610-\u061a\u064b-\u065f\u0670"
    "\u06d6-\u06ed\u0900-\u0dff\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff"
    "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\u3099\u309a\ufe20-\ufe2f"
)
# A word: letters, digits, marks, and the apostrophes romanisation puts inside words
# (soft signs, ayn and hamza), and the middle dot: BGN/PCGN writes it between two letters
# that would otherwise read as one sound (Russian ``т·с`` against ``ц``; ``Andr·ey``),
# Catalan inside ``l·l`` (``Col·legi``); neither is a word break.
_WORD: Final = re.compile(rf"[^\W_](?:[\w'`´ʹʺʼ’·{_MARKS}]*(?:[^\W_]|[{_MARKS}]))?")
# Han and Hangul names are written without a space between family and given name;
# the family name is the first syllable (``习近平`` is ``习 近平``, Xi Jinping).
_HAN_OR_HANGUL_NAME: Final = re.compile(
    r"(?<![\w])([\u4e00-\u9fff\u3400-\u4dbf\uac00-\ud7af])"
    r"(?=[\u4e00-\u9fff\u3400-\u4dbf\uac00-\ud7af]{1,3}(?!\w))"
)


_VOWEL_LETTERS: Final = frozenset("aeiou")

EZAFE: Final = frozenset(EZAFE_FORMS)


def _links_words(cleaned: str, found: re.Match[str], schema: str | None) -> bool:
    """Whether an ezafe spelling (``e``, ``i``, ``ye``) found after a word is the ezafe: hung
    on that word by a hyphen (``Malek-e Ashtar``), or, in an organisation's name, between two
    words (``Lashkar e Tayyiba``). In a person's name a lone ``E`` is an initial."""
    if cleaned[found.start() - 1 : found.start()] == "-":
        return True
    rest = cleaned[found.end() :].lstrip(" ")
    return schema not in (None, "Person") and rest[:1].isalpha()


def split_words(text: str) -> list[str]:
    """The words of a cleaned string; punctuation, quotes, hyphens and dots separate them."""
    return _WORD.findall(text)


def _role_of(word: str, folded: str, key: str, schema: str | None) -> Role:
    if folded.isdigit():
        return Role.NUMBER
    if len(folded) == 1 and (word[0].isupper() or word[0].islower()):
        # Only scripts with capitals write initials: a single kana, Han, Indic or Arabic
        # letter is a syllable or a word, never an abbreviated name.
        return Role.INITIAL
    if key in _PARTICLES:
        return Role.PARTICLE
    person_like = schema in (None, "Person") and folded not in _NON_PATRONYMIC
    if person_like and len(folded) >= 6 and folded.endswith((*_PATRONYMIC_ENDINGS, "ich")):
        return Role.PATRONYMIC
    return Role.WORD


@lru_cache(maxsize=MEMORY.word_forms)
def make_token(word: str, schema: str | None = None, scheme: str | None = None) -> Token | None:
    """A token of a word, or None when nothing of it survives folding (``scheme``: the
    romanisation its name shows, see ``romanisation_of``).

    Cached, so that one word is one object across all list names: scoring can then
    remember a comparison by the token's identity."""
    folded = ascii_fold(word)
    if not folded:
        return None
    keys = variant_keys(word, scheme)
    return Token(text=word, folded=folded, keys=keys, role=_role_of(word, folded, keys[0], schema))


def parse_name(name: str, schema: str | None = None) -> ParsedName:
    """Clean, split and classify a name.

    Legal forms are looked for in organisations and in names of unknown type (a
    person's name rarely holds ``OOO``); their words stay tokens, with role ``LEGAL``.
    Single letters in an organisation name are words, not initials of given names.
    """
    cleaned = clean(name)
    if schema == "Person" and not (cleaned.isupper() or cleaned.islower()):
        cleaned = _RUN_TOGETHER.sub(r"\1 ", cleaned)
    # Kana beside kanji make the name Japanese: its kanji are no Chinese syllables, and its
    # family name no single character (``佐藤 じゅんいち``).
    kana = not cleaned.isascii() and has_kana(cleaned)
    if schema in (None, "Person") and not cleaned.isascii() and not kana:
        cleaned = _HAN_OR_HANGUL_NAME.sub(r"\1 ", cleaned)
    scheme = romanisation_of(cleaned.lower())
    east_asian = looks_east_asian(cleaned)
    # An apostrophe in a Korean or Chinese name marks aspiration or a breve, not an ayn.
    arabic = shows_arabic_romanisation(without_mr_marks(cleaned) if east_asian else cleaned)
    origins = frozenset(
        origin
        for origin, shown in (
            (ARABIC, arabic),
            (EAST_ASIAN, east_asian),
            (CHINESE, east_asian and looks_chinese(cleaned)),
            (VIETNAMESE, looks_vietnamese(cleaned)),
            (JAPANESE, looks_japanese(cleaned)),
            (HEBREW, has_hebrew(cleaned)),
        )
        if shown
    )
    tokens: list[Token] = []
    for found in _WORD.finditer(cleaned):
        token = make_token(found.group(), schema, scheme)
        if kana and has_kanji(found.group()):
            token = _unread_token(found.group())
        if token is None:
            continue
        hyphenated = cleaned[found.end() : found.end() + 1] == "-"
        if arabic and hyphenated and token.folded in ARABIC_ARTICLES:
            token = with_role(token, Role.PARTICLE)  # ``ash-Shami``, ``ad-Din``: the article
        elif token.folded in EZAFE and tokens and _links_words(cleaned, found, schema):
            token = with_role(token, Role.PARTICLE)  # ``Jaish-e-Mohammed``: the ezafe
        tokens.append(token)
    if not origins.isdisjoint((EAST_ASIAN, VIETNAMESE)) or any(
        is_han_or_hangul(t.text) for t in tokens
    ):
        # A Korean, Chinese or Vietnamese name has no particles: each syllable is of the
        # family, middle or given name (``Lee``, ``Do``, ``이``, ``Van`` are names here);
        # a vowel alone is a syllable (``Hyon U``, ``Jin-u``: 우), not an initial.
        tokens = [
            with_role(t, Role.WORD)
            if t.role is Role.PARTICLE or (t.role is Role.INITIAL and t.folded in _VOWEL_LETTERS)
            else t
            for t in tokens
        ]
        if EAST_ASIAN in origins:
            tokens = [_main_key_only(t) for t in tokens]
    elif schema == "Person":
        tokens = _titles_as_particles(tokens)
    tokens = _settle_patronymics(tokens)
    if ARABIC in origins and schema in (None, "Person"):
        tokens = _lineage_as_patronymics(tokens)
    if schema != "Person":
        tokens = _numbers_in_words(tokens, schema)
    forms: list[LegalForm] = []
    if schema != "Person":
        spans = find_legal_forms([t.keys for t in tokens])
        covered = sum(end - start for start, end, _ in spans)
        if spans and covered < len(tokens):
            for start, end, form_class in spans:
                form_words = tokens[start:end]
                forms.append(LegalForm(" ".join(t.text for t in form_words), form_class))
                for k in range(start, end):
                    tokens[k] = with_role(tokens[k], Role.LEGAL)
    if schema not in (None, "Person"):
        tokens = _initialisms(tokens, schema, scheme)
        tokens = [with_role(t, Role.WORD) if t.role is Role.INITIAL else t for t in tokens]
    return ParsedName.of(name, tokens, forms, origins, schema not in (None, "Person"))


def _unread_token(word: str) -> Token:
    """A word in kanji of a Japanese name, whose reading is not known: it meets only
    itself (``unread_kanji``)."""
    unread = unread_kanji(word)
    return Token(text=word, folded=unread, keys=(unread,), role=Role.WORD)


def _initialisms(tokens: list[Token], schema: str | None, scheme: str | None) -> list[Token]:
    """Single letters in a row of an organisation's name as one word: ``A.B.C.``, ``A B C``
    and ``ABC`` are one initialism, and ``C.B.A.`` another (the letters keep their order).
    Legal forms are found first, so ``S.A.`` and ``o.o.`` stay legal forms. Two letters stay
    apart: in an organisation's name they are mostly a person's initials (``imeni N.A.
    Dollezhala``), matched letter by letter."""
    joined: list[Token] = []
    run: list[Token] = []
    for token in [*tokens, None]:
        if token is not None and token.role is Role.INITIAL and token.folded.isalpha():
            run.append(token)
            continue
        if len(run) >= MIN_INITIALISM:
            letters = "".join(t.text for t in run)
            made = make_token(letters, schema, scheme)
            joined.extend([made] if made is not None else run)
        else:
            joined.extend(run)
        run = []
        if token is not None:
            joined.append(token)
    return joined


def _numbers_in_words(tokens: list[Token], schema: str | None) -> list[Token]:
    """Number words in a row as one number token (``Forty-Four`` is 44, ``Сорок четыре``
    too). A lone number word counts only in a name known not to be a person's, and only
    when long: a short one is a name word in another language (``Sem``, ``Odin``, ``Ten``)."""
    read: list[Token] = []
    run: list[Token] = []
    for token in [*tokens, None]:
        value = number_word(token.key) if token is not None else None
        if token is not None and value is not None:
            run.append(token)
            continue
        lone = len(run) == 1 and schema is not None and len(run[0].folded) >= MIN_LONE_NUMBER
        if len(run) > 1 or lone:
            digits = str(value_of([number_word(t.key) or 0 for t in run]))
            text = " ".join(t.text for t in run)
            read.append(Token(text=text, folded=digits, keys=(digits,), role=Role.NUMBER))
        else:
            read.extend(run)
        run = []
        if token is not None:
            read.append(token)
    return read


def _titles_as_particles(tokens: list[Token]) -> list[Token]:
    """Titles before a person's name (``Mr``, ``Dr.``, ``General``, ``Sheikh``, ``Al-Hajj``)
    weigh as little as particles: they name a rank, not the person, and lists mostly leave
    them out, though some keep them (``Maulana``, ``Haji``)."""
    start = 0
    while start < len(tokens) - 1:
        if tokens[start].key in _TITLES:
            start += 1
        elif tokens[start].folded in ARABIC_ARTICLES and tokens[start + 1].key in _TITLES:
            start += 1  # ``Al-Hajj``, ``El Hadj``: the article of the title
        else:
            break
    return [with_role(t, Role.PARTICLE) for t in tokens[:start]] + tokens[start:]


def is_title(token: Token) -> bool:
    """Whether a token is a title before a person's name (``Sheikh``, ``Dr``, ``Mullah``):
    it then weighs ``ScoringWeights.title_weight`` (rule ``title`` when nothing matches it)."""
    return token.role is Role.PARTICLE and token.key in _TITLES


def _settle_patronymics(tokens: list[Token]) -> list[Token]:
    """Keep the patronymic role only where the name has room for one.

    ``Roman Abramovich`` is a given name and a surname that happens to end in -ovich;
    a patronymic needs a given name and a surname beside it. Lists write surnames in
    capitals (``Roman Arkadyevich ABRAMOVICH``), so a capitalised -ovich word in a
    mixed-case name is the surname.
    """
    candidates = [i for i, t in enumerate(tokens) if t.role is Role.PATRONYMIC]
    if not candidates:
        return tokens
    words = [t for t in tokens if t.role in (Role.WORD, Role.PATRONYMIC)]
    upper = [t.text.isupper() for t in words if len(t.text) > 1]
    mixed_case = any(upper) and not all(upper)
    settled = list(tokens)
    for i in candidates:
        if len(words) < 3 or (mixed_case and tokens[i].text.isupper()):
            settled[i] = with_role(tokens[i], Role.WORD)
    return settled


_LINEAGE: Final = frozenset(token_key(word) for word in ARABIC_LINEAGE_WORDS)


def _lineage_as_patronymics(tokens: list[Token]) -> list[Token]:
    """The forebears' names of an Arabic nasab as patronymics (rule ``nasab``).

    ``Usama bin Muhammad bin Awad bin Ladin`` is Usama, son of Muhammad, son of Awad, of
    the family bin Ladin: the name after a kinship word (bin, ibn, bint, ould) is a father's
    or grandfather's given name, which people leave out as they leave out a Russian
    patronymic, and which counts in full where the two names give different ones. The
    last word of the name stays a word: there ``bin`` opens the family name."""
    last = max(
        (i for i, t in enumerate(tokens) if t.role in (Role.WORD, Role.PATRONYMIC)), default=-1
    )
    read = list(tokens)
    for i in range(1, len(tokens) - 1):  # a name opens with the person's own name
        if tokens[i].key not in _LINEAGE or tokens[i].role not in (Role.PARTICLE, Role.WORD):
            continue
        read[i] = with_role(tokens[i], Role.PARTICLE)  # ``Ould`` too
        if i + 1 < last and tokens[i + 1].role is Role.WORD:
            read[i + 1] = with_role(tokens[i + 1], Role.PATRONYMIC)
    return read


@lru_cache(maxsize=MEMORY.word_forms)
def with_role(token: Token, role: Role) -> Token:
    return replace(token, role=role)


def _main_key_only(token: Token) -> Token:
    """A word of a Korean or Chinese name in Latin letters, without the keys that read it
    as a romanisation of Cyrillic (GOST ``x`` = Х, French ``j`` = Ж, Polish and Czech
    ``ch`` = Х: ``variant_keys``): it was romanised from Hangul or Han, whose own
    correspondences (``east_asian_rules``) compare it, so ``Choe`` is not ``Hoe`` nor
    ``Jong`` pinyin ``Zhong``. A word in Cyrillic letters keeps them."""
    if len(token.keys) == 1 or has_cyrillic(token.text):
        return token
    return replace(token, keys=token.keys[:1])
