"""From any spelling of a word to its spelling-invariant key.

Lists, passports and people romanise Cyrillic in a dozen ways: Х is ``kh``, ``h``
or ``x``; Щ is ``shch``, ``sch``, ``shh`` or ``sc``; -ий is ``iy``, ``ii``, ``y``
or ``ij``; Ё is ``e``, ``yo``, ``io`` or ``ë``. ``token_key`` rewrites a word so that
spellings that differ only by such rules get the same key, and reports which rules
it applied, so a hit can say *why* two spellings are equal.

Pure functions of strings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from operator import methodcaller
from typing import Final

from unidecode import unidecode

from screening.armenian import armenian_to_latin, has_armenian
from screening.data import (
    ARABIC_ARTICLE_FORMS,
    ARABIC_FULL_OF_SHORT,
    ARABIC_LETTERS_LATIN,
    ARABIC_NAME_WORDS,
    HONORIFICS,
)
from screening.devanagari import devanagari_to_latin, has_devanagari
from screening.hangul import hangul_to_latin, has_hangul
from screening.japanese import has_kana, kana_to_latin
from screening.memory import MEMORY

_RUSSIAN: Final = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "'", "ы": "y", "ь": "'", "э": "e", "ю": "yu",
    "я": "ya",
}  # fmt: skip
_UKRAINIAN: Final = {**_RUSSIAN, "г": "h", "ґ": "g", "є": "ye", "і": "i", "ї": "yi", "и": "y"}
_BELARUSIAN: Final = {**_RUSSIAN, "г": "h", "і": "i", "ў": "u"}
# Letters of other Cyrillic alphabets that turn up in names on the lists.
_OTHER_CYRILLIC: Final = {
    "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h",
    "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c", "ђ": "dj", "џ": "dz", "ѓ": "gj", "ќ": "kj",
    "ѕ": "dz", "ӣ": "i", "ӯ": "u", "ҳ": "h", "ҷ": "j", "ў": "u", "і": "i", "ї": "yi",
    "є": "ye", "ґ": "g",
}  # fmt: skip

# Latin letters with diacritics that romanisation schemes use for one Cyrillic letter:
# unidecode would drop the information (š -> s), so they are spelt out first.
_SCHEME_LETTERS: Final = {
    "š": "sh", "č": "ch", "ž": "zh", "ŝ": "shch", "ǆ": "dzh", "ĉ": "ch", "ẑ": "zh",
    "ŭ": "u", "ë": "yo", "â": "ya", "û": "yu", "ĭ": "y", "ǐ": "y", "ʹ": "'", "ʺ": "'",
    "ʼ": "'", "’": "'",
    "‘": "'", "`": "'", "´": "'", "ʻ": "'", "ʿ": "'", "ʾ": "'", "ß": "ss", "ø": "o",
    "æ": "ae", "œ": "oe", "ı": "i", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
}  # fmt: skip

# (pattern, replacement, rule name, what the word must hold for the pattern to match),
# applied in order to a lower-case ASCII word. Upper-case letters in replacements are
# placeholders for one sound, so later rules cannot re-read them. The cheap substring
# test skips most patterns: a key is made for every new word a customer book holds.
# A replacement that keeps a match's first group (``r"\1"``), called in C: ``sub`` hands a
# template string to the ``re`` module's Python code at every call and every match, which
# costs three times as much on the short words the rules rewrite.
FIRST_GROUP: Final[Callable[[re.Match[str]], str]] = methodcaller("group", 1)
_Replacement = str | Callable[[re.Match[str]], str]
_KEY_RULES: Final[tuple[tuple[re.Pattern[str], _Replacement, str, tuple[str, ...]], ...]] = tuple(
    (re.compile(pattern), replacement, name, needs)
    for pattern, replacement, name, needs in (
        (r"q", "k", "q=k", ("q",)),
        (r"w", "v", "w=v", ("w",)),
        (r"ph", "f", "ph=f", ("ph",)),
        (r"x", "ks", "x=ks", ("x",)),
        (r"ck", "k", "ck=k", ("ck",)),
        (r"shch|shh|sch|sc(?=[eiy])", "Q", "shch=sch=shh", ("sh", "sc")),
        (r"dzh|dj", "J", "dzh=dj", ("dzh", "dj")),
        (r"ch(?=[bdfgklmnpqrstvwxz])", "h", "ch=kh", ("ch",)),
        (r"tsch|tch|ch", "C", "ch=tch", ("ch",)),
        (r"zh", "Z", "zh", ("zh",)),
        (r"sh|sz", "S", "sh", ("sh", "sz")),
        (r"kh", "h", "kh=h", ("kh",)),
        (r"ts|tz|cz|tc", "c", "ts=c", ("ts", "tz", "cz", "tc")),
        (r"[yj]", "i", "y=i=j", ("y", "j")),
        (r"([a-zA-Z])\1+", FIRST_GROUP, "double letter", ()),
        (r"^i(?=[aeiou].)|(?<=[aeiou])i(?=[aeiou])", "", "ya=a, ye=e, yu=u", ("i",)),
        (r"io", "e", "yo=e", ("io",)),
        (r"ie", "e", "ye=e", ("ie",)),
        (r"ou", "u", "ou=u", ("ou",)),
        (r"([a-zA-Z])\1+", FIRST_GROUP, "double letter", ()),
    )
)
# Letter pairs the key rules read as one sound (``ts``, ``kh``, ``io``...).
SOUND_PAIRS: Final = frozenset(part for *_, needs in _KEY_RULES for part in needs if len(part) == 2)
_APOSTROPHE_BEFORE_VOWEL: Final = re.compile(r"(?<=[b-df-hj-np-tv-z])'(?=[aeiouy])")
_NOT_WORD: Final = re.compile(r"[^a-z0-9]")


def language_of(word: str) -> str:
    """Guess the Cyrillic language of a word from its letters: ``uk``, ``be`` or ``ru``."""
    lower = word.lower()
    if any(ch in lower for ch in "їєґ"):
        return "uk"
    if "ў" in lower:
        return "be"
    if "і" in lower:
        return "be" if "ы" in lower else "uk"
    return "ru"


def cyrillic_to_latin(word: str, language: str | None = None) -> str:
    """Romanise a Cyrillic word letter by letter (close to BGN/PCGN); Latin passes through."""
    table = {"uk": _UKRAINIAN, "be": _BELARUSIAN}.get(language or language_of(word), _RUSSIAN)
    out: list[str] = []
    for char in word:
        lower = char.lower()
        latin = table.get(lower) or _OTHER_CYRILLIC.get(lower)
        if latin is None:
            out.append(char)
        else:
            out.append(latin.capitalize() if char != lower else latin)
    return "".join(out)


_ARABIC_SCRIPT: Final = re.compile(r"[\u0600-\u06ff\u0750-\u077f]")


@lru_cache(maxsize=MEMORY.word_forms)
def ascii_fold(word: str) -> str:
    """A word in lower-case ASCII letters and digits, whatever its script.

    Cyrillic is romanised, scheme diacritics spelt out (``č`` -> ``ch``), other
    accents dropped, and a soft sign before a vowel kept as ``i`` (``Anatol'evich``
    is ``Anatolievich``).
    """
    if word.isascii():  # most words: no letter to romanise, spell out or strip
        text = word.lower().replace("`", "'")
        return _NOT_WORD.sub("", _APOSTROPHE_BEFORE_VOWEL.sub("i", text))
    lower = cyrillic_to_latin(word.lower())
    if not lower.isascii():
        if has_hangul(lower):
            lower = hangul_to_latin(lower)  # unidecode leaves finals unread (``sug``)
        if has_kana(lower):
            lower = kana_to_latin(lower)  # unidecode reads ジュ as ``ziyu``, ッ as ``tsu``
        if _ARABIC_SCRIPT.search(lower):
            lower = lower.translate(_ARABIC_LETTERS)
        if has_devanagari(lower):
            lower = devanagari_to_latin(lower)  # Hunterian, not unidecode's ``ss`` for ष
        if has_armenian(lower):
            lower = armenian_to_latin(lower)  # BGN/PCGN, not ISO 9985's ``ow`` for ու
    spelled = "".join(_SCHEME_LETTERS.get(ch, ch) for ch in lower)
    decomposed = unicodedata.normalize("NFKD", spelled)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    text = unidecode(stripped).lower().replace("`", "'")
    text = _APOSTROPHE_BEFORE_VOWEL.sub("i", text)
    return _NOT_WORD.sub("", text)


@lru_cache(maxsize=MEMORY.word_forms)
def key_with_rules(folded: str) -> tuple[str, frozenset[str]]:
    """The spelling-invariant key of an ASCII-folded word, and the rules that changed it."""
    key = folded
    fired: set[str] = set()
    for pattern, replacement, name, needs in _KEY_RULES:
        for part in needs:
            if part in key:
                break
        else:
            if needs:
                continue
        new = pattern.sub(replacement, key)
        if new != key:
            fired.add(name)
            key = new
    return key, frozenset(fired)


def token_key(folded: str) -> str:
    return key_with_rules(folded)[0]


# German (Duden) and French romanisations, read back as English-style: ``Tschernyschow``
# and ``Tchernychov`` are ``Chernyshov``, ``Medizinskij sawod`` is ``Meditsinskiy zavod``,
# ``Evguenievitch`` is ``Evgenievich``. Digits hold a rewritten sound so that later rules
# cannot read it again. ``sch`` (German) and ``j`` (French) are both Ш/Ж and Ж only.
_READINGS: Final[dict[str, tuple[tuple[re.Pattern[str], str, str], ...]]] = {
    scheme: tuple((re.compile(pattern), replacement, needs) for pattern, replacement, needs in rules)  # noqa: E501
    for scheme, rules in {
        "de": (
            (r"schtsch", "1", "schtsch"), (r"tsch", "2", "tsch"), (r"sch", "3", "sch"),
            (r"ch", "4", "ch"), (r"z", "5", "z"), (r"(?<=[aeiouy])s(?=[aeiouy])", "z", "s"),
            (r"w", "v", "w"),
        ),
        "fr": (
            (r"chtch", "1", "chtch"), (r"tch", "2", "tch"), (r"ch", "6", "ch"),
            (r"dj", "7", "dj"), (r"j", "8", "j"), (r"ou", "u", "ou"), (r"gu(?=[eiy])", "g", "gu"),
            (r"(?<=[aeiouy])s(?=[aeiouy])", "z", "s"), (r"ss", "s", "ss"),
            (r"(?<=[^aeiouy]i)ne$", "n", "ne"),
        ),
    }.items()
}  # fmt: skip
_PLACEHOLDERS: Final = str.maketrans(
    {"1": "shch", "2": "ch", "3": "sh", "4": "kh", "5": "ts", "6": "sh", "7": "dzh", "8": "zh"}
)
# German marks: sch, and w in a Russian ending or onset (-ow, -ew, -owa, Wl-, Wr-),
# not any w: William and Edward are English.
_GERMAN_MARKS: Final = re.compile(r"sch|[oe]wa?\b|\bw[lr]")
# French marks: tch, gue, gui, and ou in a name with a Russian ending (Joukov, Gagarine),
# not any ou: Youssef and Mahmoud are not Russian in French.
_FRENCH_MARKS: Final = re.compile(r"tch|gu[ei]|ou.*(?:[oe]v|ine?|ovna|evna)\b|(?:[oe]v|ine)\b.*ou")


def romanisation_of(text: str) -> str | None:
    """``de`` or ``fr`` when a (lower-case) name shows German (``sch``, ``-ow``) or French
    (``tch``, ``gue``, ``ou`` beside a Russian ending) romanisation: its words then also
    get that reading."""
    if _GERMAN_MARKS.search(text):
        return "de"
    if _FRENCH_MARKS.search(text):
        return "fr"
    return None


def readings(folded: str, scheme: str) -> list[str]:
    """A folded word read as ``scheme`` romanises; German ``sch`` gives two readings."""
    for pattern, replacement, needs in _READINGS[scheme]:
        if needs in folded:
            folded = pattern.sub(replacement, folded)
    found = [folded.translate(_PLACEHOLDERS)]
    if "3" in folded:
        found.append(folded.replace("3", "zh").translate(_PLACEHOLDERS))
    return found


def variant_keys(word: str, scheme: str | None = None) -> tuple[str, ...]:
    """All keys a query word may stand for: the main one first, then scheme alternatives.

    GOST 7.79 writes Х as ``x`` (``Texnologiya``); Ukrainian and Belarusian write Г as
    ``h`` where Russian has ``g``; ``scheme`` (from ``romanisation_of`` the whole name)
    adds German or French readings. Each alternative is a separate key to look up.
    """
    folded = ascii_fold(word)
    keys = [token_key(folded)]
    if "x" in folded:
        keys.append(token_key(folded.replace("x", "kh")))
    if "j" in folded:
        keys.append(token_key(folded.replace("j", "zh")))
        if "dj" in folded:  # Д + Я in scientific ``Gundjaev``, not Дж
            keys.append(token_key(folded.replace("dj", "dy")))
    if "ch" in folded:
        keys.append(token_key(folded.replace("ch", "kh")))
    if scheme is not None:
        keys.extend(token_key(reading) for reading in readings(folded, scheme))
    lower = word.lower()
    if "г" in lower:
        other = "ru" if language_of(lower) in ("uk", "be") else "uk"
        keys.append(token_key(ascii_fold(cyrillic_to_latin(lower, other))))
    return tuple(dict.fromkeys(keys))


def rules_between(folded_a: str, folded_b: str) -> list[str]:
    """The rewrite rules that make two spellings share a key (for explanations)."""
    rules_a = key_with_rules(folded_a)[1]
    rules_b = key_with_rules(folded_b)[1]
    return sorted(rules_a ^ rules_b) or sorted(rules_a)


# Arabic, Persian, Pashto and Urdu names in Latin letters.
#
# Arabic script writes consonants and long vowels; the short vowels a, i, u are marks
# that names leave out, so every romanisation guesses them: ``Usama`` / ``Osama``,
# ``Qasim`` / ``Qasem`` / ``Ghasem``, ``Adil`` / ``Adel``, ``Muhammad`` / ``Mohamed``.
# Conventions differ on consonants too (ALA-LC, BGN/PCGN, UN, French and Persian
# usage): ق is ``q``, ``k`` or (Persian) ``gh``; ذ ث ظ are ``dh``, ``th``, ``z`` or ``d``;
# ج is ``j``, ``dj`` (French), ``g`` (Egyptian) or ``zh``; doubled letters (shadda) are
# written or not; ayn and hamza are apostrophes or nothing; the article ``al-`` is
# ``el-``, ``ul-``, assimilated (``ash-Shami``), glued (``ALSAFI``) or spaced.
#
# These rules fold vowels, so they would make unrelated names meet (``Milan`` and
# ``Milen``). They apply only between two words of which at least one name shows signs
# of an Arabic-origin romanisation (see ``shows_arabic_romanisation``), and only as a
# comparison of two words, never as a retrieval key.

# Arabic, Persian, Urdu and Pashto letters in Latin (BGN/PCGN, in data/arabic_letters.tsv);
# unidecode would drop the alif and the ta marbuta.
_ARABIC_LETTERS: Final = str.maketrans(ARABIC_LETTERS_LATIN)
_ABJAD: Final = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
# The article as written before a name: ``al``, its vowel variants, and its forms
# assimilated to a following sun letter (``ad-Din``, ``ash-Shami``): data/arabic_name_words.tsv.
ARABIC_ARTICLES: Final = frozenset(ARABIC_ARTICLE_FORMS)
_ARTICLE_LIKE: Final = frozenset({"al", "el", "ul", "il", "ol"})
# Words of name structure that only Arabic names carry: kinship (bin, ibn, bint, ould,
# abu, umm), servant-of names (abd, abdul...) and the article (the same file).
_ARABIC_NAME_WORDS: Final = frozenset(ARABIC_NAME_WORDS)
# Islamic honorifics before a name (``Sheikh``, ``Hajji``, ``Sayyid``: data/particles_titles.tsv)
# show its origin as well.
_HONORIFICS: Final = frozenset(HONORIFICS)
# Letters a Slavic, Germanic or Romance spelling does not produce: q not before u or i,
# gh opening a syllable, dh, a doubled a, an apostrophe after a vowel (ayn, hamza),
# an article hyphenated to the next word, and the common closings -ullah and -uddin.
_ARABIC_MARKS: Final = re.compile(
    r"q(?=[aeo]|\b)|(?<=[aeiou])q|\bgh|[aeiou]gh[aeiou]|dh|aa|(?:(?<!\S)|(?<=[aeiou]))['’ʿʾ‘`]"
    r"|\b(?:al|el|ul|ad|ash|as|at|az|ar|an|adh|ath)-\w|(?:ullah|allah|uddin|eddine?)\b"
    r"|\bm[ou]ha?m+[ae]d\b"
)


def is_arabic_short_form(folded: str) -> bool:
    """Whether a folded word is a written short form of a given name (``mohd``, ``md``),
    which the length of its full name does not bound."""
    return folded in ARABIC_FULL_OF_SHORT


def shows_arabic_romanisation(text: str) -> bool:
    """Whether a (cleaned) name looks like a romanised Arabic, Persian or Urdu name, or is
    written in Arabic letters: only then do the Arabic rules apply to it."""
    if _ABJAD.search(text):
        return True
    lower = text.lower()
    if _ARABIC_MARKS.search(lower):
        return True
    return any(
        word in _ARABIC_NAME_WORDS or word in _HONORIFICS for word in re.findall(r"[a-z]+", lower)
    )


# Scripts no Arabic name is romanised from: Hebrew (screening.hebrew reads it), Han, kana,
# Hangul, Indic, Thai.
_NOT_ARABIC_SOURCE: Final = re.compile(
    r"[\u0590-\u05ff\ufb1d-\ufb4f\u0900-\u0dff\u0e00-\u0eff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]"
)
_APOSTROPHES: Final = re.compile(r"['`´ʹʺʼ’‘ʻʿʾ]")
_ABD_ARTICLE: Final = re.compile(r"^abd[aeiou](?=l)")
_CONSONANT_UNITS: Final = re.compile(r"kh|gh|dh|th|zh|dj|sh|ch|ph|[b-df-hj-np-tv-z?]")
# The sound classes of consonant spellings: two spellings are one consonant when their
# classes share a letter (``gh`` is ق or غ: K or G; ``g`` is گ or Egyptian ج: G or J).
_CONSONANT_CLASSES: Final = {
    "q": "KG", "k": "K", "c": "K", "gh": "KG", "g": "GJ", "j": "J", "dj": "J", "zh": "J",
    "kh": "H", "h": "H", "dh": "ZD", "th": "ZDST", "z": "Z", "d": "D", "t": "T", "s": "S",
    "sh": "X", "ch": "X", "w": "W", "v": "W", "f": "F", "ph": "F",
}  # fmt: skip
_RULE_OF_CLASS: Final = {
    "K": "q=k=gh", "G": "q=k=gh", "J": "j=dj=g=zh", "H": "kh=h", "Z": "dh=th=z=d",
    "D": "dh=th=z=d", "S": "th=s", "X": "sh=ch", "W": "w=v", "F": "ph=f",
}  # fmt: skip
_VOWEL_CLASS: Final = str.maketrans("aeiouy", "a*iuui")
_SOFT_C: Final = re.compile(r"c(?=[eiy])")
_SILENT_FINAL_E: Final = re.compile(r"(?<=[^aeiouy])e$")
_DOUBLED_CONSONANT: Final = re.compile(r"([b-df-hj-np-tv-z])\1+")
_VOWEL_RUN: Final = re.compile(r"[aeiouy]+")
_REPEATED: Final = re.compile(r"(.)\1+")

# A unit: ("v", vowel pattern) for a run of vowels, ("c", class letters) for a consonant,
# each with its spelling.
_Unit = tuple[str, str, str]


@lru_cache(maxsize=MEMORY.word_forms)
def _plain_spelling(word: str) -> str:
    lower = word.lower().translate(_ARABIC_LETTERS)
    folded = ascii_fold(_APOSTROPHES.sub("", lower))
    folded = folded.replace("ou", "u").replace("x", "ks").replace("ck", "k")
    folded = _SOFT_C.sub("s", folded)
    if len(folded) > 4:
        folded = _SILENT_FINAL_E.sub("", folded)
    return folded


@lru_cache(maxsize=MEMORY.word_forms)
def arabic_spelling(word: str) -> str:
    """A word in lower-case ASCII as the Arabic rules read it: Arabic letters romanised
    (BGN/PCGN), apostrophes (ayn, hamza) dropped, a French silent final ``e`` dropped."""
    return _ABD_ARTICLE.sub("abd?", _plain_spelling(word))


# A unit at a time, in one pass: a run of vowels, else a consonant's spelling, else any
# other character on its own.
_UNIT: Final = re.compile(f"({_VOWEL_RUN.pattern})|({_CONSONANT_UNITS.pattern})|.", re.DOTALL)


@lru_cache(maxsize=MEMORY.word_forms)
def _arabic_units(spelling: str) -> tuple[_Unit, ...]:
    squeezed = _DOUBLED_CONSONANT.sub(FIRST_GROUP, spelling)  # shadda
    units: list[_Unit] = []
    for found in _UNIT.finditer(squeezed):
        text = found.group()
        if found.lastindex == 1:
            units.append(("v", _vowel_pattern(text), text))
        else:
            units.append(("c", _CONSONANT_CLASSES.get(text, text.upper()), text))
    return tuple(units)


@lru_cache(maxsize=4096)
def _vowel_pattern(run: str) -> str:
    """A run of vowels by class, a class repeated written once (``ee``: ``*``)."""
    return _REPEATED.sub(FIRST_GROUP, run.translate(_VOWEL_CLASS))


# Ayn or hamza in a word in Arabic letters: a consonant Latin spellings leave out beside a
# vowel (``عبد`` Abd, ``سعيد`` Said, ``فؤاد`` Fuad) or at the end of a word (``ربيع`` Rabi),
# so it stands for a Latin vowel, never for a consonant (``عبد`` is not ``Badi``).
_AYN: Final[_Unit] = ("v", "", "'")


def _joined_units(parts: list[tuple[_Unit, ...]]) -> tuple[_Unit, ...]:
    """Units of consecutive pieces, two vowel runs side by side made one (``ya`` of ``يى``)."""
    units: list[_Unit] = []
    for part in parts:
        for unit in part:
            if unit[0] == "v" and units and units[-1][0] == "v" and _AYN not in (unit, units[-1]):
                run = units[-1][2] + unit[2]
                units[-1] = ("v", _vowel_pattern(run), run)
            else:
                units.append(unit)
    return tuple(units)


@lru_cache(maxsize=MEMORY.word_forms)
def _letter_units(word: str) -> tuple[_Unit, ...]:
    """A word in Arabic or Hebrew letters read one letter at a time: ``ته`` is ``t`` and
    ``h``, ``شه`` is ``sh`` and ``h``, ``דה`` is ``d`` and ``h``, where folding the whole
    word would read ``th`` (ث), a doubled ``h``, ``dh`` (ذ). Ayn and hamza, which Latin
    writes as an apostrophe or leaves out, are a unit of their own (``_AYN``)."""
    parts = [
        (_AYN,)
        if ARABIC_LETTERS_LATIN.get(letter) == "'"
        else _arabic_units(_APOSTROPHES.sub("", _plain_spelling(letter)))
        for letter in word.lower()
    ]
    return _joined_units(parts)


def _vowels_agree(a: str, b: str) -> bool:
    """Vowel patterns: ``*`` (an ``e``) is ``a`` or ``i``; ``?`` (the article's) is any."""
    if "?" in a or "?" in b:
        return True
    return len(a) == len(b) and all(
        x == y or (x == "*" and y in "ai*") or (y == "*" and x in "ai")
        for x, y in zip(a, b, strict=True)
    )


# Turkish writes an Arabic or Persian name's final b and d as it says them, voiceless:
# ``Vahap`` is Wahab, ``Habip`` Habib, ``Ahmet`` Ahmad, ``Murat`` Murad (Türk Dil Kurumu,
# *Yazım Kılavuzu*: loanwords ending in b, c, d, g are written with p, ç, t, k).
_FINAL_DEVOICED: Final = frozenset({frozenset({"b", "p"}), frozenset({"d", "t"})})


# The diphthong ``ay`` of Classical Arabic is a long ``i`` or ``e`` in the Maghrebi and
# Egyptian dialects, and French and local spellings write it so: Husayn is ``Hocine``,
# ``Hassine``, ``Houcine``; Zayn is ``Zine``; Shaykh ``Cheikh`` (Versteegh, *The Arabic
# Language*, 2nd ed. 2014, ch. 10-11: monophthongisation of *ay* and *aw* in the
# dialects). Only after and before a consonant (``Ayman`` and ``Iman`` are two names),
# and only ``ay``/``ey``/``ei`` (an ``ai`` is as often two vowels, ``Sa'id``), against
# one written ``i``, ``e``, ``ee`` or ``ie``.
_DIPHTHONG_AY: Final = frozenset({"ay", "ey", "ei"})
_MONOPHTHONG_OF_AY: Final = frozenset({"i", "e", "ee", "ie"})


def _monophthong(text_a: str, text_b: str) -> bool:
    """Whether one vowel run is the diphthong ``ay`` the other writes as one long vowel."""
    return (text_a in _DIPHTHONG_AY and text_b in _MONOPHTHONG_OF_AY) or (
        text_b in _DIPHTHONG_AY and text_a in _MONOPHTHONG_OF_AY
    )


# The diphthong ``aw`` has as many spellings: ``aw`` (ALA-LC, BGN/PCGN Arabic: Tawfiq,
# Shawkat), ``au`` (the older English usage, and ALA-LC Urdu: Taufiq, Shaukat, Maulana),
# ``ow`` (BGN/PCGN Persian: Showkat, Mowlana), ``aou`` (French: Faouzi, Khaoula), and the
# dialects say it as one long vowel, ``ou``, ``o`` or ``u`` (Toufik, Chouki, Molana;
# Versteegh, as for ``ay``). Read before a consonant only, never opening or closing the
# word: there the ``w`` may be a consonant of its own (``Awad``, ``Marwa``).
_DIPHTHONG_AW: Final = frozenset({"aw", "ow", "au", "ao", "aou"})
_MONOPHTHONG_OF_AW: Final = frozenset({"u", "o", "oo", "ou"})
_DIPHTHONG_UNIT: Final = "D"


@lru_cache(maxsize=MEMORY.word_forms)
def _diphthong_units(units: tuple[_Unit, ...]) -> tuple[_Unit, ...]:
    """Units with each ``aw`` diphthong before a consonant read as one vowel unit
    (``_DIPHTHONG_UNIT``): ``a`` and ``w`` of ``Tawfiq``, ``au`` of ``Taufiq``."""
    out: list[_Unit] = []
    i = 0
    while i < len(units):
        kind, _, text = units[i]
        after = [unit[2] if unit[0] == "c" else "" for unit in units[i + 1 : i + 3]]
        inside = i > 0 and kind == "v"
        if inside and text in ("a", "o") and len(after) == 2 and after[0] == "w" and after[1]:
            out.append(("v", _DIPHTHONG_UNIT, text + "w"))  # ``Tawfiq``, ``Showkat``
            i += 2
            continue
        if inside and text in _DIPHTHONG_AW and after and after[0]:
            out.append(("v", _DIPHTHONG_UNIT, text))  # ``Taufiq``
        else:
            out.append(units[i])
        i += 1
    return tuple(out)


def _aw_monophthong(text_a: str, text_b: str, class_a: str, class_b: str) -> bool:
    """Whether one vowel unit is the diphthong ``aw`` the other writes as one vowel."""
    return (class_a == _DIPHTHONG_UNIT and text_b in _MONOPHTHONG_OF_AW) or (
        class_b == _DIPHTHONG_UNIT and text_a in _MONOPHTHONG_OF_AW
    )


def _units_rules(a: tuple[_Unit, ...], b: tuple[_Unit, ...]) -> set[str] | None:
    if len(a) != len(b):
        return None
    rules: set[str] = set()
    last = len(a) - 1
    for position, ((kind_a, class_a, text_a), (kind_b, class_b, text_b)) in enumerate(
        zip(a, b, strict=True)
    ):
        if kind_a != kind_b:
            return None
        if kind_a == "v":
            if not _vowels_agree(class_a, class_b):
                if position in (0, last) or not (
                    _monophthong(text_a, text_b)
                    or _aw_monophthong(text_a, text_b, class_a, class_b)
                ):
                    return None
                rules.add("monophthong")
            if text_a != text_b:
                rules.add("arabic_vowel")
        elif text_a != text_b:
            shared = set(class_a) & set(class_b)
            if shared:
                rules.add(_RULE_OF_CLASS.get(min(shared), "arabic_consonant"))
            elif position == last and frozenset({text_a, text_b}) in _FINAL_DEVOICED:
                rules.add("final_devoicing")
            else:
                return None
    return rules


# How each romanised letter of Arabic script may be written in Latin (ك is ``k``, never
# ``q``; د is ``d``; ث is ``th``, ``s`` or ``t``), narrower than the sound classes, which
# are for two Latin spellings that each may stand for several letters.
_WRITTEN_AS_ITSELF: Final = {
    "k": ("k", "c"), "d": ("d",), "t": ("t",), "b": ("b",), "m": ("m",), "n": ("n",),
    "l": ("l",), "r": ("r",), "f": ("f", "ph"), "s": ("s", "c"), "th": ("th", "s", "t"),
    "h": ("h",), "sh": ("sh", "ch"), "kh": ("kh", "h", "ch"), "q": ("q", "k", "g", "gh"),
    "gh": ("gh", "g", "q"), "z": ("z", "dh"), "dh": ("dh", "z", "d", "th"),
    "j": ("j", "dj", "g", "zh"),
}  # fmt: skip


def _written_in_latin(written: _Unit, latin: _Unit) -> bool:
    """Whether a letter of an abjad word stands for a unit of a Latin spelling: a
    consonant for its class, ``و`` for a ``u``/``o`` too, a long vowel (alif for an
    ``a``, yaa for an ``i``, ``e`` or ``y``) for a vowel run holding it."""
    kind_w, class_w, text_w = written
    kind_l, class_l, text_l = latin
    if kind_w == "c":
        if text_w in _WRITTEN_AS_ITSELF:
            return text_l in _WRITTEN_AS_ITSELF[text_w]
        if kind_l == "c":
            return not set(class_w).isdisjoint(class_l)
        return class_w == "W" and "u" in class_l
    if kind_l != "v":
        return False
    return all(
        ("a" in class_l) if vowel == "a" else ("i" in class_l or "*" in class_l)
        for vowel in class_w.replace("*", "").replace("u", "")
    )


# ال, as a word in Arabic letters opens
_WRITTEN_ARTICLE: Final = (("v", "a", "a"), ("c", "L", "l"))


def _abjad_edges(
    written: tuple[_Unit, ...], latin: tuple[_Unit, ...], arabic_script: bool
) -> tuple[tuple[_Unit, ...], tuple[_Unit, ...]]:
    """A word in Arabic or Hebrew letters and a Latin spelling, their edges read by the
    standards (ALA-LC, BGN/PCGN Persian and Hebrew) and set aside: an opening alif or
    alef only carries the first vowel, whichever it is (``ابراهیم`` Ebrahim, ``امید``
    Omid); a closing ta marbuta is ``a`` or ``ah`` (``حمزة`` Hamza, Hamzah); a closing
    silent he after a vowel is written ``eh`` or left out (``فاطمه`` Fatemeh, Fatema;
    ``יהודה`` Yehuda); in Arabic script, a closing yaa stands for alif maqsura, as
    Persian writes it (``مصطفی`` Mostafa)."""
    if written[0][0] == "v" and written[0][2] == "a" and latin and latin[0][0] == "v":
        written, latin = written[1:], latin[1:]  # the opening alif: any first vowel
    if not (written and latin):
        return written, latin
    if (
        len(latin) > 1
        and latin[-1] == ("c", "H", "h")
        and latin[-2][0] == "v"
        and written[-1][0] == "v"
        and written[-1][2].endswith("a")
    ):
        latin = latin[:-1]  # ``ah`` for a closing ta marbuta
    elif (
        len(written) > 1
        and written[-1] == ("c", "H", "h")
        and written[-2][0] == "c"
        and latin[-1][0] == "v"
        and latin[-1][1] in ("a", "*")
    ):
        written = written[:-1]  # a closing silent he, left out after its a or e
    if (
        arabic_script
        and written[-1][0] == "v"
        and written[-1][2].endswith("y")
        and latin[-1][:2] == ("v", "a")
    ):
        written = (*written[:-1], ("v", "a", written[-1][2][:-1] + "a"))  # alif maqsura
    return written, latin


@lru_cache(maxsize=MEMORY.word_forms)
def _letter_counts(written: tuple[_Unit, ...]) -> tuple[int, int]:
    """The consonants and vowel letters of a word in Arabic or Hebrew letters, counted
    once: the word of a query is held against every word of its candidates."""
    consonants = sum(1 for kind, _, _ in written if kind == "c")
    return consonants, sum(len(text) for kind, _, text in written if kind == "v")


def _abjad_agrees(
    written: tuple[_Unit, ...], latin: tuple[_Unit, ...], arabic_script: bool = False
) -> bool:
    """Whether a word in Arabic or Hebrew letters, which leave short vowels unwritten,
    is the Latin spelling: every written letter in order, only vowels left over, the
    edges read as ``_abjad_edges`` says."""
    consonants, vowels = _letter_counts(written)
    if consonants < 2 and (consonants < 1 or consonants + vowels < 3):
        return False  # too few letters to tell a name (``يحيى``, four letters, is enough)
    written, latin = _abjad_edges(written, latin, arabic_script)
    # Every way to line the letters up, as the set of written letters consumed so far:
    # a Latin vowel may be a short vowel (unwritten) or stand for written letters (a ``w``
    # is ``o`` in ``Khosrow``'s first ``o`` or the ``w`` after it).
    positions = {0}
    for unit in latin:
        following: set[int] = set()
        for position in positions:
            if unit[0] == "v" and (len(unit[2]) == 1 or unit[2] == "ou"):
                # A short vowel, unwritten; two vowel letters (``ee``, ``oa``) are a long
                # vowel or a diphthong, which the script writes (French ``ou`` is one u).
                following.add(position)
            # One Latin vowel run may stand for several written letters (``yu`` for ``يو``).
            while position < len(written) and _written_in_latin(written[position], unit):
                position += 1
                following.add(position)
                if unit[0] == "c":
                    break
        if not following:
            return False
        positions = following
    return len(written) in positions or (written[-1] == _AYN and len(written) - 1 in positions)


def _without_article(spelling: str) -> str | None:
    head = spelling[:2]
    rest = spelling[2:]
    if head in _ARTICLE_LIKE and len(rest) >= 4:
        return rest
    sun_letter = spelling[1:2]
    if spelling[:1] == "a" and len(spelling) > 5 and sun_letter == spelling[2:3] != "":
        if sun_letter not in "dnrstz":
            return None
        return spelling[2:]  # assimilated and glued: ``Assabah``, ``Annahar``
    return None


_Reading = tuple[str, tuple[_Unit, ...], bool]


@lru_cache(maxsize=MEMORY.word_forms)
def _arabic_reading(word: str) -> _Reading | None:
    """A word's spelling, units and whether it is in an abjad; None if the Arabic rules
    cannot apply to it (another source script, or too short)."""
    if _NOT_ARABIC_SOURCE.search(word):
        return None
    spelling = arabic_spelling(word)
    if len(spelling) < 2:
        return None
    if _ABJAD.search(word):
        return spelling, _letter_units(word), True
    return spelling, _arabic_units(spelling), False


def _may_meet(a: _Reading, b: _Reading) -> bool:
    """A necessary condition for two Latin words to meet: about as many units, and the
    same first unit unless either may open with a glued article."""
    (spelling_a, units_a, _), (spelling_b, units_b, _) = a, b
    if abs(len(units_a) - len(units_b)) > 2:
        return False
    if _without_article(spelling_a) is not None or _without_article(spelling_b) is not None:
        return True
    if "?" in spelling_a or "?" in spelling_b:
        return True  # ``Abdul...``: an ``Abd al-`` compound, the article assimilated or not
    if len(units_a) != len(units_b) and len(_diphthong_units(units_a)) != len(
        _diphthong_units(units_b)
    ):
        return False
    (kind_a, class_a, _), (kind_b, class_b, _) = units_a[0], units_b[0]
    return kind_a == kind_b and (kind_a == "v" or not set(class_a).isdisjoint(class_b))


def _diphthong_rules(a: tuple[_Unit, ...], b: tuple[_Unit, ...]) -> set[str] | None:
    """The rules of two Latin spellings read with their ``aw`` diphthongs as one vowel,
    if either has one; the diphthong's spellings are ``arabic_vowel`` variants."""
    read_a, read_b = _diphthong_units(a), _diphthong_units(b)
    if read_a == a and read_b == b:
        return None
    return _units_rules(read_a, read_b)


@lru_cache(maxsize=MEMORY.word_pairs)
def arabic_rules(word_a: str, word_b: str) -> tuple[str, ...] | None:
    """The Arabic romanisation rules that make two words one name, or None if none do.

    Both words are read by ``arabic_spelling``; vowel runs must agree by class (``o`` =
    ``u``, ``ee`` = ``i``, ``e`` = ``a`` or ``i``), consonants by sound class, doubled
    letters count once. A word in Arabic letters (an abjad: short vowels
    unwritten) agrees with a Latin one when their consonants do. A glued article
    (``ALSAFI``) may stand on either side.
    """
    read_a, read_b = _arabic_reading(word_a), _arabic_reading(word_b)
    if read_a is None or read_b is None:
        return None
    for short, other in ((read_a[0], word_b), (read_b[0], word_a)):
        full = ARABIC_FULL_OF_SHORT.get(short)
        if full is not None:  # ``Mohd`` for Muhammad (data/arabic_short_forms.tsv)
            same = () if full == _plain_spelling(other) else arabic_rules(full, other)
            return None if same is None else tuple(sorted({*same, "short_form"}))
    (spelling_a, units_a, abjad_a), (spelling_b, units_b, abjad_b) = read_a, read_b
    if spelling_a in ARABIC_ARTICLES and spelling_b in ARABIC_ARTICLES:
        return ("article",)
    if not (abjad_a or abjad_b or _may_meet(read_a, read_b)):
        edge = _latin_edge_rules(word_a, word_b)
        return None if edge is None else tuple(sorted(edge))  # else two unrelated words
    rules = _units_rules(units_a, units_b)
    if rules is None and not (abjad_a or abjad_b or _APOSTROPHES.search(word_a + word_b)):
        rules = _diphthong_rules(units_a, units_b)  # not ``Da'un``: an ayn parts its vowels
    if rules is None and abjad_a != abjad_b:
        written, latin = (units_a, units_b) if abjad_a else (units_b, units_a)
        arabic_script = bool(_ARABIC_SCRIPT.search(word_a if abjad_a else word_b))
        if _abjad_agrees(written, latin, arabic_script):
            rules = {"abjad"}
        elif (
            arabic_script
            and written[:2] == _WRITTEN_ARTICLE
            and _abjad_agrees(written[2:], latin, arabic_script)
        ):
            rules = {"abjad", "article"}  # ``الحداد``: the article glued, ``Haddad`` without
    if rules is None:
        bare_a, bare_b = _without_article(spelling_a), _without_article(spelling_b)
        for x, y in ((bare_a, spelling_b), (spelling_a, bare_b), (bare_a, bare_b)):
            if x is not None and y is not None:
                found = _units_rules(_arabic_units(x), _arabic_units(y))
                if found is not None:
                    rules = found | {"article"}
                    break
    if rules is None:
        rules = _abd_compound_rules(word_a, word_b)
    if rules is None and not (abjad_a or abjad_b):
        rules = _latin_edge_rules(word_a, word_b)
    if rules is None:
        return None
    if (not abjad_a and _DOUBLED_CONSONANT.search(spelling_a)) or (
        not abjad_b and _DOUBLED_CONSONANT.search(spelling_b)
    ):
        rules.add("double letter")
    if bool(_APOSTROPHES.search(word_a)) != bool(_APOSTROPHES.search(word_b)):
        rules.add("ayn/hamza")
    if "?" in spelling_a + spelling_b:
        rules.add("article")
    return tuple(sorted(rules or {"arabic_vowel"}))


# A retrieval key for each consonant spelling: one representative of its sound class.
_RETRIEVAL_CLASS: Final = {"q": "K", "gh": "K", "k": "K", "g": "G", "dh": "D", "th": "D", "z": "D"}
# A final consonant as its voiced counterpart (rule ``final_devoicing``).
_VOICED_OF_FINAL: Final = {"p": "B", "t": "D", "d": "D"}


@lru_cache(maxsize=MEMORY.word_forms)
def arabic_retrieval_keys(word: str, listed: bool = False) -> tuple[str, ...]:
    """Keys under which retrieval looks a word up for the Arabic rules: its consonant
    classes with every vowel run as one mark (``Usama`` and ``Osama`` are ``VsVmV``), and
    (for a ``listed`` word) its consonants alone, which is all a query word in Arabic
    letters gives (``ab:`` keys).

    Coarser than ``arabic_rules``, which decides; they only bring the candidates."""
    if _NOT_ARABIC_SOURCE.search(word):
        return ()
    if _ABJAD.search(word):
        return _abjad_skeletons(_letter_units(word))
    units = _arabic_units(arabic_spelling(word))
    skeleton = _skeleton(units)
    if skeleton is None:
        return ()
    keys = [f"ar:{_retrieval_pattern(units)}"]
    diphthong = _diphthong_units(units)
    if diphthong != units:  # ``Tawfiq`` is looked up as ``Toufik`` too
        keys.append(f"ar:{_retrieval_pattern(diphthong)}")
    return (*keys, skeleton) if listed else tuple(keys)


def _retrieval_pattern(units: tuple[_Unit, ...]) -> str:
    pattern = "".join(
        "V" if kind == "v" else _RETRIEVAL_CLASS.get(text, klass[0]) for kind, klass, text in units
    )
    if units and units[-1][2] in _VOICED_OF_FINAL:  # ``Vahap`` is looked up as ``Vahab``
        pattern = pattern[:-1] + _VOICED_OF_FINAL[units[-1][2]]
    return pattern


def abjad_retrieval_keys(word: str) -> tuple[str, ...]:
    """The key under which a listed Latin word is found for a query word in Arabic
    letters (its consonants: ``ab:``), whatever the origin its name shows."""
    return tuple(key for key in arabic_retrieval_keys(word, listed=True) if key[:3] == "ab:")


def _skeleton(units: tuple[_Unit, ...]) -> str | None:
    """The ``ab:`` key of a word: its consonant classes, ``w`` left out (a vowel or not)."""
    consonants = "".join(
        _RETRIEVAL_CLASS.get(text, klass[0])
        for kind, klass, text in units
        if kind == "c" and klass != "W"
    )
    return f"ab:{consonants}" if len(consonants) >= 2 else None


def _abjad_skeletons(written: tuple[_Unit, ...]) -> tuple[str, ...]:
    """The ``ab:`` keys of a word in Arabic or Hebrew letters: its consonants, and them
    without what its Latin spelling may leave out (``_abjad_edges``, ``arabic_rules``): a
    closing silent he (``حمیده`` Hamida), a glued article (``الحداد`` Haddad)."""
    readings = [written]
    if len(written) > 2 and written[-1] == ("c", "H", "h") and written[-2][0] == "c":
        readings.append(written[:-1])
    if written[:2] == _WRITTEN_ARTICLE:
        readings.extend(reading[2:] for reading in list(readings))
    keys = (_skeleton(reading) for reading in readings)
    return tuple(dict.fromkeys(key for key in keys if key is not None))


# Compound names of the article: ``Abd al-Rahman``, ``Nur al-Din``, ``Sayf al-Islam`` are
# one name, which romanisations write in parts or as one word, the article's vowel
# changed (``Abdul``, ``Abdel``) and its ``l`` assimilated to a following sun letter (t,
# th, d, dh, r, z, s, sh, n and the emphatics, written as those): ``Abdurrahman``,
# ``Nuruddin``, ``Abdussalam``. ALA-LC writes the article as spoken, ``al-`` before every
# letter; BGN/PCGN and common usage assimilate it.
_SUN_LETTERS: Final = frozenset({"t", "th", "d", "dh", "r", "z", "s", "sh", "n", "l"})
_GLUED_ARTICLE: Final = re.compile(r"(?<=[b-df-hj-np-tv-z])[aeiou]l$")
_VOWEL: Final = re.compile(r"[aeiou]{1,2}")


def _same_part(written: str, spelling: str) -> set[str] | None:
    """The rules under which a part of a compound (``rahman``) is a part of a word's
    spelling (``rrahman``: the doubled consonant of an assimilated article)."""
    if written == spelling:
        return set()
    if len(written) < 2 or len(spelling) < 2:
        return None
    return _units_rules(_arabic_units(written), _arabic_units(spelling))


@lru_cache(maxsize=MEMORY.word_pairs)
def arabic_compound_rules(word: str, first: str, second: str) -> tuple[str, ...] | None:
    """The rules that make one word (``Abdurrahman``) the compound name written in parts
    (``Abd`` ``al-Rahman``, ``Abdul`` ``Rahman``), or None.

    ``first`` may end in the article (``Abdul``); the word must then read as ``first``,
    the article's vowel, an ``l`` or the sun letter that opens ``second`` (assimilated),
    and ``second``, each part by the Arabic rules (``arabic_compound``)."""
    if _NOT_ARABIC_SOURCE.search(word + first + second) or _ABJAD.search(word + first + second):
        return None
    spelling = _plain_spelling(word)
    head = _GLUED_ARTICLE.sub("", _plain_spelling(first))
    tail = _plain_spelling(second)
    if len(head) < 2 or len(tail) < 3:
        return None
    opening = _arabic_units(tail)[0][2]  # a vowel before a moon letter: never assimilated
    for vowel in _VOWEL.finditer(spelling, 2):
        if vowel.start() > len(spelling) - 3:
            break
        head_rules = _same_part(head, spelling[: vowel.start()])
        if head_rules is None:
            continue
        rest = spelling[vowel.end() :]
        readings = [rest[1:]] if rest[:1] == "l" else []
        if opening in _SUN_LETTERS and rest.startswith(opening):
            readings.append(rest)  # assimilated: the sun letter doubled or not
        for reading in readings:
            tail_rules = _same_part(tail, reading)
            if tail_rules is not None:
                return tuple(sorted(head_rules | tail_rules | {"arabic_compound", "article"}))
    return None


_TA_MARBUTA: Final = re.compile(r"(?<=[ae])h$")
_ABD_WITH_ARTICLE: Final = re.compile(r"^abd[aeiou]l$")


def _latin_edge_rules(word_a: str, word_b: str) -> set[str] | None:
    """Two Latin spellings of one word that differ at an edge by convention: a closing ta
    marbuta (or Persian silent he) written ``ah``/``eh`` by ALA-LC and BGN/PCGN, ``a``/``e``
    by the press (``Ruqayyah``, ``Rokayya``; ``Fatemeh``, ``Fatema``), and ``Abd`` with the
    article glued on (``Abdul``, ``Abdel``) against ``Abd`` before a spaced ``al``."""
    spelling_a, spelling_b = _plain_spelling(word_a), _plain_spelling(word_b)
    if not (spelling_a[-1:] == "h" or spelling_b[-1:] == "h" or "abd" in (spelling_a, spelling_b)):
        return None  # the common case: no edge to read
    if "abd" in (spelling_a, spelling_b) and any(
        _ABD_WITH_ARTICLE.match(spelling) for spelling in (spelling_a, spelling_b)
    ):
        return {"article"}
    bare_a, bare_b = _TA_MARBUTA.sub("", spelling_a), _TA_MARBUTA.sub("", spelling_b)
    if (bare_a, bare_b) == (spelling_a, spelling_b) or min(len(bare_a), len(bare_b)) < 3:
        return None
    found = _units_rules(_arabic_units(bare_a), _arabic_units(bare_b))
    return None if found is None else found | {"ta_marbuta"}


def _abd_compound_rules(word_a: str, word_b: str) -> set[str] | None:
    """Two one-word spellings of an ``Abd al-`` name, the article visible in one of them
    (``Abdulrahman`` and ``Abdurrahman``)."""
    for word, other in ((word_a, word_b), (word_b, word_a)):
        spelling = _plain_spelling(word)
        found = _ABD_ARTICLE.match(spelling)
        if found is not None and len(spelling) > found.end() + 3:
            rules = arabic_compound_rules(other, "abd", spelling[found.end() + 1 :])
            if rules is not None:
                return set(rules)
    return None
