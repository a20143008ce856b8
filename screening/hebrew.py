"""A word in Hebrew script against a name in Latin letters: the letters read by the
romanisation standards, the vowels left open.

Everyday Hebrew spelling writes the consonants and only some vowels (vav for o and u,
yod for i and e, he or alef for a final a or e), and each romanisation reads the letters
its own way: ``יצחק`` is ``Yitshak`` (Academy of the Hebrew Language, 2006), ``Yitzchak``
(English usage), ``Jizchak`` (German), ``Itzhak``. So a Hebrew word matches a Latin one when
the Latin letters are the Hebrew letters in order, each by one of its spellings in
``data/hebrew_letters.tsv``, with one unwritten vowel open between two letters
(``hebrew_script``).
No vowel stands before the first letter or after the last one: Hebrew writes a word's
opening vowel with alef, ayin, vav or yod, and its final vowel with he, alef, vav or yod;
so a final he or alef follows a vowel (``שרה`` is ``Sara``, not ``Sar``), and an opening
yod is ``y`` (or ``i`` where English drops the y: ``Israel``), never ``e``.

For retrieval, a word is reduced to its consonant skeleton (``he:`` keys): the classes of
its letters in order, vowels left out, and whether it ends in a vowel. A Hebrew word has
one skeleton per reading of its vav, yod, he and het (``ח`` is ``h``, or ``k`` written
``ch``/``kh``; ``ה`` is ``h`` or a vowel); a Latin word one per reading of an ambiguous
spelling (``c`` is ``k`` or ``s``, ``tsh`` is ``ts`` and ``h`` or ``t`` and ``sh``). The
skeletons only bring candidates; ``hebrew_rules`` decides.

Pure functions of strings.
"""

from __future__ import annotations

import itertools
import re
from functools import cache, lru_cache
from typing import Final

from screening.data import HEBREW_LETTERS_LATIN
from screening.memory import MEMORY
from screening.translit import FIRST_GROUP, ascii_fold

# Letters (and presentation forms, which NFKC leaves to clean()), Yiddish ligatures.
_HEBREW: Final = re.compile(r"[\u05d0-\u05ea\u05f0-\u05f2\ufb1d-\ufb4f]")
_FINAL_FORMS: Final = str.maketrans({"ך": "כ", "ם": "מ", "ן": "נ", "ף": "פ", "ץ": "צ"})
# Yiddish ligatures of two letters: double vav, vav yod, double yod.
_LIGATURES: Final = str.maketrans({"װ": "וו", "ױ": "וי", "ײ": "יי"})
# A geresh: the Hebrew sign, or the apostrophes typed for it.
_GERESH: Final = frozenset("\u05f3'’`´ʹʼ")
_DOUBLED: Final = frozenset({"וו", "יי"})
# An unwritten vowel: one short vowel between two letters (``ou`` is French for u); two
# vowel sounds in a row have a letter between them (``Michael`` is מיכאל, not מיכל).
_OPEN_VOWEL: Final = re.compile(r"ou|[aeiou]")
_VOWEL_SPELLINGS: Final = frozenset({"", "a", "e", "i", "o", "u"})
_VOWELS: Final = frozenset("aeiou")
_FINAL_VOWEL_LETTERS: Final = frozenset({"ה", "א", "ע"})
# How a word may end in Latin letters, by its last Hebrew letter: in a vowel (``V``; a final
# he, alef or ayin follows one) or a consonant (``C``); vav, yod and het either way (Uri,
# Itay, Noah for נח, Noach).
_ENDINGS = {"ה": ("V",), "א": ("V",), "ע": ("V",), "ו": ("V", "C"), "י": ("V", "C")}
_ENDINGS |= {"יי": ("V", "C"), "ח": ("V", "C")}
_YOD: Final = frozenset({"י", "יי"})
_DOUBLED_LETTER: Final = re.compile(r"([a-z])\1+")
MAX_SKELETONS: Final = 64
"""Retrieval keys of one word at most: readings beyond them only add candidates."""

# The skeleton class of each Latin spelling; a spelling of several letters may also be
# read letter by letter (``ts`` is tsadi, or tet and samekh). Vowels and ``h`` are left
# out; a ``h`` is a he or a het (Academy ``h``), or the second letter of ``ch``, ``kh``,
# ``sh`` (but ``Yitshak`` is ts, h). A ``c`` is ``k`` or ``s`` (before e, i: Cipora).
_LATIN_CLASSES: Final[dict[str, tuple[str, ...]]] = {
    "tsch": ("s",), "sch": ("s",), "tsh": ("s",), "tch": ("s",), "dzh": ("y",),
    "ts": ("s",), "tz": ("s",), "sh": ("s",), "sz": ("s",), "zh": ("s",), "ch": ("k",),
    "kh": ("k",), "ph": ("p",), "th": ("t",), "dh": ("d",), "dj": ("y",), "gh": ("g",),
    "ck": ("k",),
    "b": ("b",), "v": ("b",), "w": ("b",), "g": ("g",), "d": ("d",), "z": ("s",),
    "s": ("s",), "t": ("t",), "k": ("k",), "q": ("k",), "p": ("p",), "f": ("p",),
    "l": ("l",), "m": ("m",), "n": ("n",), "r": ("r",), "y": ("y",), "j": ("y",),
    "c": ("k", "s"), "x": ("ks",), "h": ("h",),
    "a": ("",), "e": ("",), "i": ("",), "o": ("",), "u": ("",),
}  # fmt: skip
_LONGEST_SPELLING: Final = max(len(spelling) for spelling in _LATIN_CLASSES)


def has_hebrew(text: str) -> bool:
    """Whether a text holds Hebrew letters."""
    return not text.isascii() and _HEBREW.search(text) is not None


@lru_cache(maxsize=MEMORY.word_forms)
def hebrew_units(word: str) -> tuple[str, ...]:
    """The letters of a Hebrew word as the table's units: final forms as their letters,
    a geresh joined to the letter before it, double vav and double yod as one unit;
    vowel points and other signs dropped."""
    text = word.translate(_LIGATURES).translate(_FINAL_FORMS)
    units: list[str] = []
    position = 0
    while position < len(text):
        letter = text[position]
        position += 1
        if letter not in HEBREW_LETTERS_LATIN:
            continue  # a point, a gershayim, a Latin letter
        following = text[position : position + 1]
        if following in _GERESH and letter + "׳" in HEBREW_LETTERS_LATIN:
            units.append(letter + "׳")
            position += 1
        elif letter + following in _DOUBLED:
            units.append(letter + following)
            position += 1
        else:
            units.append(letter)
    return tuple(units)


def latin_spelling(word: str) -> str:
    """A Latin word as the Hebrew rules read it: ASCII-folded, doubled letters once
    (a dagesh doubling a consonant is written or not: Yossef, Hanna)."""
    return _DOUBLED_LETTER.sub(FIRST_GROUP, ascii_fold(word))


@lru_cache(maxsize=MEMORY.word_pairs)
def hebrew_rules(word_a: str, word_b: str) -> tuple[str, ...] | None:
    """Why one word in Hebrew script is the other in Latin letters (``hebrew_script``,
    and the consonants read other than by their first spelling, ``ח=ch``), or None."""
    if has_hebrew(word_a) == has_hebrew(word_b):
        return None
    hebrew, latin = (word_a, word_b) if has_hebrew(word_a) else (word_b, word_a)
    units = hebrew_units(hebrew)
    spelling = latin_spelling(latin)
    if len(units) < 2 or not spelling:
        return None
    readings = _align(units, spelling)
    if readings is None:
        return None
    notes = [
        f"{unit}={written}"
        for unit, written in readings
        if written not in _VOWEL_SPELLINGS and written != HEBREW_LETTERS_LATIN[unit][0][0]
    ]
    return ("hebrew_script", *dict.fromkeys(notes))


def _align(units: tuple[str, ...], latin: str) -> tuple[tuple[str, str], ...] | None:
    """Each unit's spelling in ``latin``, read left to right with open vowels between
    units, or None when the letters do not spell it."""

    def read(index: int, position: int) -> tuple[tuple[str, str], ...] | None:
        if index == len(units):
            return () if position == len(latin) else None
        starts = [position]
        if index > 0:  # a vowel open between two letters, never before the first
            run = _OPEN_VOWEL.match(latin, position)
            if run is not None:
                starts.append(run.end())
        unit = units[index]
        final_vowel = index == len(units) - 1 and unit in _FINAL_VOWEL_LETTERS
        for start in starts:
            if final_vowel and latin[start - 1 : start] not in _VOWELS:
                continue  # a final he, alef, ayin follows a vowel: Sara, Moshe, not Yehud
            for written in HEBREW_LETTERS_LATIN[unit][0]:
                if index == 0 and unit in _YOD and written == "e":
                    continue  # an opening yod is y, or i (Yisrael, Israel): never e
                if latin.startswith(written, start):
                    rest = read_from(index + 1, start + len(written))
                    if rest is not None:
                        return ((unit, written), *rest)
        return None

    # Memoised by wrapping, not by a decorator: mypyc cannot compile a decorated nested
    # function that calls itself.
    read_from = cache(read)
    return read_from(0, 0)


def _squeezed(classes: str) -> str:
    """A skeleton with a class repeated in a row once (``Yitzchak``: tz, ch, k)."""
    return "".join(key for key, _ in itertools.groupby(classes))


@lru_cache(maxsize=MEMORY.word_forms)
def hebrew_retrieval_keys(word: str) -> tuple[str, ...]:
    """The consonant skeletons (``he:`` keys) a Hebrew word may have in Latin letters: one
    per reading of its letters' classes (at most ``MAX_SKELETONS``)."""
    units = hebrew_units(word)
    if not units:
        return ()
    options = [HEBREW_LETTERS_LATIN[unit][1] for unit in units]
    keys: dict[str, None] = {}
    for classes in itertools.product(*options):
        skeleton = _squeezed("".join(classes))
        if skeleton:
            for ending in _ENDINGS.get(units[-1], ("C",)):
                keys[f"he:{skeleton}{ending}"] = None
            if len(keys) >= MAX_SKELETONS:
                break
    return tuple(keys)


@lru_cache(maxsize=MEMORY.word_forms)
def latin_retrieval_keys(folded: str) -> tuple[str, ...]:
    """The consonant skeletons (``he:`` keys) of an ASCII-folded Latin word, one per way to
    read its spellings (at most ``MAX_SKELETONS``)."""
    spelling = _DOUBLED_LETTER.sub(FIRST_GROUP, folded)
    found: list[set[str]] = [set() for _ in range(len(spelling) + 1)]
    found[0].add("")
    for start in range(len(spelling)):
        if not found[start]:
            continue
        for end in range(start + 1, min(start + _LONGEST_SPELLING, len(spelling)) + 1):
            classes = _LATIN_CLASSES.get(spelling[start:end])
            if classes is None:
                continue
            target = found[end]
            for prefix in sorted(found[start]):  # in order: the cap keeps the same keys every run
                for added in classes:
                    if len(target) < MAX_SKELETONS:
                        target.add(_squeezed(prefix + added))
    ending = "V" if _ends_in_vowel(spelling) else "C"
    return tuple(f"he:{skeleton}{ending}" for skeleton in sorted(found[-1]) if skeleton)


def _ends_in_vowel(spelling: str) -> bool:
    """A Latin word ends in a vowel, or in a vowel and a silent ``h`` (Sarah, Leah)."""
    return spelling[-1:] in _VOWELS or (spelling[-1:] == "h" and spelling[-2:-1] in _VOWELS)
