"""Japanese names: kana read by Hepburn, and one name's romanisations met by rule.

A Japanese name is written in kanji and kana and romanised by one of three systems
(``data/kana.tsv``): modified Hepburn (passports, the press: ``Shinichi``, ``Tsutomu``,
``Fujita``), Kunrei-shiki (ISO 3602, Japanese schools: ``Sin'iti``, ``Tutomu``,
``Huzita``) or Nihon-shiki. The spellings of one name also differ by how they write a
long vowel (``japanese_long_vowel``: ``Satou``, ``Satoh``, ``Satoo``, ``Satō`` and the
passport's ``Sato``; ``Yuuko`` and ``Yuko``), the syllabic n before b, m, p
(``japanese_syllabic_n``: Hepburn's older ``Homma``, ``Sampei``; ``Honma``) and the
doubled consonant of a small tsu before ch (``japanese_sokuon``: ``Etchu``, ``Ecchu``);
Kunrei's syllables are read as Hepburn's (``kunrei=hepburn``: si = shi, tu = tsu,
zyu = ju). Each word is brought to one spelling, passport Hepburn without long vowels
(two where ``ou`` stands before a vowel, a long o or an o and a u); two words that share a
spelling are one name.

The other way round, a Japanese name is a run of syllables read from kana: two words
whose syllables differ are two names (``Kato`` and ``Sato``, ``Hiroshi`` and
``Hiroki``), not one name misspelt, as a Korean or Chinese syllable read from Hangul or
Han is. These rules apply only to a name that is Japanese (``looks_japanese``): written
in kana, or in Latin letters with every word a run of Japanese syllables and one a
common Japanese family name (``data/japanese_surnames.tsv``); Italian ``Mario Romano``
is syllables too.

Pure functions of strings.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

from screening.data import JAPANESE_SURNAME_ROWS, KANA_ROWS
from screening.errors import TableError
from screening.memory import MEMORY

LONG_VOWEL: Final = "japanese_long_vowel"
KUNREI: Final = "kunrei=hepburn"
SYLLABIC_N: Final = "japanese_syllabic_n"
SOKUON: Final = "japanese_sokuon"
KANA_READING: Final = "kana read by Hepburn"

_HIRAGANA_TO_KATAKANA: Final = 0x60  # Unicode places each hiragana 0x60 below its katakana
_KANA: Final = re.compile("[\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fc-\u30fe]")
_KATAKANA_OF: Final = {code: code + _HIRAGANA_TO_KATAKANA for code in range(0x3041, 0x3097)}
_SMALL_TSU, _SYLLABIC_N_KANA, _LONG_MARK = "ッ", "ン", "ー"
_VOWELS: Final = frozenset("aiueo")

_READING: Final = {kana: hepburn for kana, hepburn, _, _ in KANA_ROWS}


def _hepburn_of_other_systems() -> dict[str, str]:
    """Each Kunrei-shiki and Nihon-shiki spelling that Hepburn writes otherwise, with the
    Hepburn spelling (``si`` -> ``shi``); one Latin spelling standing for two is an error
    of the table."""
    found: dict[str, str] = {}
    for kana, hepburn, kunrei, nihon in KANA_ROWS:
        for spelling in (kunrei, nihon):
            if spelling == hepburn:
                continue
            if found.setdefault(spelling, hepburn) != hepburn:
                raise TableError(f"kana.tsv: {spelling!r} stands for two syllables ({kana})")
    return found


_HEPBURN_OF: Final = _hepburn_of_other_systems()


def has_kana(text: str) -> bool:
    return _KANA.search(text) is not None


@lru_cache(maxsize=MEMORY.word_forms)
def kana_to_latin(word: str) -> str:
    """A word in kana (hiragana or katakana) read by modified Hepburn, long vowels as the
    kana write them (``サトウ`` is ``satou``, ``タロー`` ``taroo``): a small tsu doubles the
    next consonant (``t`` before ``ch``), ``ン`` is ``n``. Other characters pass as they are."""
    text = word.translate(_KATAKANA_OF)
    out: list[str] = []
    double_next = False
    position = 0
    while position < len(text):
        char = text[position]
        position += 1
        if char == _SMALL_TSU:
            double_next = True
            continue
        if char == _SYLLABIC_N_KANA:
            out.append("n")
            continue
        if char == _LONG_MARK:
            if out and out[-1][-1:] in _VOWELS:
                out.append(out[-1][-1])
            continue
        pair = text[position - 1 : position + 1]
        if len(pair) == 2 and pair in _READING:
            latin = _READING[pair]
            position += 1
        else:
            latin = _READING.get(char, char)
        if double_next and latin[:1].isascii() and latin[:1] not in _VOWELS:
            latin = ("t" if latin.startswith("ch") else latin[0]) + latin
        double_next = False
        out.append(latin)
    return "".join(out)


# A Latin word as Japanese writes it: syllables (an onset of Hepburn, Kunrei or Nihon-shiki,
# then a vowel), a doubled consonant (the small tsu), the syllabic n (``m`` before b, m, p)
# before a consonant, an apostrophe or the word's end, the passport's ``h`` of a long o.
_UNIT: Final = re.compile(
    r"(?P<syllable>(?:sh|ch|ts|[kgsztdnhbpmr]y|[kgsztdnhfbpmryjwv])?[aiueo])"
    r"|(?P<sokuon>t(?=ch)|([bcdfghjkprstvz])(?=\3))"
    r"|(?P<n>n(?![aiueoy])|m(?=[bmp]))"
    r"|(?P<long>(?<=o)h(?![aiueoy]))"
    r"|(?P<mark>')"
)
_JAPANESE_SHAPED: Final = re.compile(f"(?:{_UNIT.pattern})+")
_APOSTROPHES: Final = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_LENGTH_MARKS: Final = frozenset("\u0302\u0304")  # circumflex (Kunrei) and macron (Hepburn)
# Long vowels as passports leave them: oo, ou and uu are o and u. Before a vowel, ``ou`` is
# a long o (``Youiti``, ヨウイチ: ``Yoichi``) or an o and a syllable u (``Inoue``, イノウエ):
# such a word has both spellings.
_LONG_VOWELS: Final = re.compile(r"o[ou]|uu")
_LONG_VOWELS_BUT_OU_BEFORE_A_VOWEL: Final = re.compile(r"o(?:o|u(?![aiueo]))|uu")

Spellings = tuple[tuple[str, frozenset[str]], ...]
"""A word's spellings as a Japanese name word, each with the rules that made it."""


def _plain(word: str) -> tuple[str, bool]:
    """A word in lower case without accents, and whether an accent marked a long vowel."""
    if word.isascii():
        return word.lower().replace("`", "'"), False
    decomposed = unicodedata.normalize("NFKD", word.lower().translate(_APOSTROPHES))
    marked = not _LENGTH_MARKS.isdisjoint(decomposed)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)), marked


@lru_cache(maxsize=MEMORY.word_forms)
def japanese_spelling(word: str) -> Spellings | None:
    """A word's spellings as a Japanese name word (passport Hepburn, long vowels unmarked:
    one, or two where ``ou`` stands before a vowel) and the rules that made each, or None
    when the word is not a run of Japanese syllables in Latin letters or kana."""
    rules: set[str] = set()
    if has_kana(word):
        word = kana_to_latin(word)
        rules.add(KANA_READING)
    plain, marked = _plain(word)
    if marked:
        rules.add(LONG_VOWEL)
    if not plain or _JAPANESE_SHAPED.fullmatch(plain) is None:
        return None
    out: list[str] = []
    doubled = ""
    for found in _UNIT.finditer(plain):
        kind, text = found.lastgroup, found.group()
        if kind == "syllable":
            hepburn = _HEPBURN_OF.get(text, text)
            if hepburn != text:
                rules.add(KUNREI)
            if doubled:
                if hepburn.startswith("ch"):
                    out.append("t")
                    if doubled == "c":
                        rules.add(SOKUON)
                else:
                    out.append(hepburn[0])
                doubled = ""
            out.append(hepburn)
        elif kind == "sokuon":
            doubled = text
        elif kind == "n":
            out.append("n")
            if text == "m":
                rules.add(SYLLABIC_N)
        elif kind == "long":
            rules.add(LONG_VOWEL)
    spelt = "".join(out)
    if doubled:
        return None  # a doubled consonant closing the word: not Japanese
    spellings: dict[str, frozenset[str]] = {}
    for pattern in (_LONG_VOWELS, _LONG_VOWELS_BUT_OU_BEFORE_A_VOWEL):
        short = pattern.sub(lambda long: long.group()[0], spelt)
        spellings.setdefault(short, frozenset(rules | {LONG_VOWEL} if short != spelt else rules))
    return tuple(spellings.items())


@lru_cache(maxsize=MEMORY.word_pairs)
def japanese_rules(word_a: str, word_b: str) -> tuple[str, ...] | None:
    """The rules that make two words one Japanese name word (``Satou``/``Sato``:
    ``japanese_long_vowel``), or None when they are not both Japanese words of one
    spelling."""
    a, b = japanese_spelling(word_a), japanese_spelling(word_b)
    if a is None or b is None:
        return None
    found = [
        tuple(sorted(rules_a ^ rules_b or rules_a | rules_b))
        for spelling_a, rules_a in a
        for spelling_b, rules_b in b
        if spelling_a == spelling_b
    ]
    return min(found, key=len) if found else None


def are_other_japanese_words(word_a: str, word_b: str) -> bool:
    """Whether two words are both runs of Japanese syllables and spell different words:
    two names, however few letters apart (``Kato``, ``Sato``)."""
    a, b = japanese_spelling(word_a), japanese_spelling(word_b)
    return a is not None and b is not None and {s for s, _ in a}.isdisjoint(s for s, _ in b)


_SURNAMES: Final = frozenset(
    spelling
    for hepburn, _ in JAPANESE_SURNAME_ROWS
    for spelling, _ in japanese_spelling(hepburn) or ()
)
_SPLIT: Final = re.compile(r"[\s\-・,]+")
_MAX_WORDS: Final = 4


def looks_japanese(text: str) -> bool:
    """Whether a (cleaned) name is Japanese: written in kana, or two to four words in Latin
    letters, each a run of Japanese syllables, one of them a common family name."""
    if has_kana(text):
        return True
    words = [word for word in _SPLIT.split(text) if word]
    if not 2 <= len(words) <= _MAX_WORDS:
        return False
    family_name = False
    for word in words:  # most names show a word of no Japanese syllables at once
        spelling = japanese_spelling(word)
        if spelling is None:
            return False
        family_name = family_name or any(s in _SURNAMES for s, _ in spelling)
    return family_name


_KANJI: Final = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def has_kanji(word: str) -> bool:
    return _KANJI.search(word) is not None


def unread_kanji(word: str) -> str:
    """The folded form of a word written in kanji in a Japanese name (``佐藤``): its code
    points (``kanji4f5085e4``), since no reading of it is known. Unidecode would read it
    in Mandarin (``Zuo Teng``), which a Japanese name is not; so the word meets only
    itself, never a Latin word nor a Chinese syllable."""
    return "kanji" + "".join(f"{ord(char):x}" for char in word if char.isalnum())


def japanese_retrieval_keys(word: str) -> tuple[str, ...]:
    """The key under which retrieval looks a Japanese word up: its one spelling."""
    return tuple(f"ja:{spelling}" for spelling, _ in japanese_spelling(word) or ())
