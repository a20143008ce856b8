"""Hindi, Marathi and Nepali names written in Devanagari, read into Latin letters.

Devanagari writes a consonant's vowel ``a`` by leaving it unmarked, and Hindi does not say
it at the end of a word after a single consonant: ``राम`` is ``Ram``, while ``नरेंद्र``,
ending in a cluster, is ``Narendra``. unidecode writes every letter as ISO 15919 spells it
without its diacritics (``ṣ`` as ``ss``, ``ṇ`` as ``nn``, the nukta dropped: ``ज़फ़र``
``japhar``), which the English spelling of Hindi names never does. This module reads a
word by the Hunterian system, the one that spelling follows (``data/devanagari_letters.tsv``).

Pure functions of strings.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

from screening.data import DEVANAGARI_LATIN
from screening.memory import MEMORY

_DEVANAGARI: Final = re.compile(r"[\u0900-\u097f]")
_LABIALS: Final = frozenset("पफबभम")
_H: Final = "ह"
_INHERENT: Final = "@"  # a consonant's unwritten a, until the end of the word decides it


def has_devanagari(text: str) -> bool:
    return _DEVANAGARI.search(text) is not None


def _letters(word: str) -> list[tuple[str, str, str]]:
    """The word as (letter, kind, latin), a consonant with its nukta read as one letter."""
    out: list[tuple[str, str, str]] = []
    i = 0
    while i < len(word):
        pair = DEVANAGARI_LATIN.get(word[i : i + 2])
        if pair is not None:
            out.append((word[i : i + 2], *pair))
            i += 2
            continue
        kind, latin = DEVANAGARI_LATIN.get(word[i], ("other", word[i]))
        out.append((word[i], kind, latin))
        i += 1
    return out


@lru_cache(maxsize=MEMORY.word_forms)
def devanagari_to_latin(word: str) -> str:
    """A word in Devanagari in lower-case Latin letters, by the Hunterian system: the
    inherent ``a`` written but after a word's last single consonant, the anusvara as the
    nasal of the next consonant's place; other characters pass through."""
    letters = _letters(unicodedata.normalize("NFD", word))
    out: list[str] = []
    clustered: list[bool] = []  # per piece: a consonant joined to the one before it
    for i, (letter, kind, latin) in enumerate(letters):
        following = letters[i + 1] if i + 1 < len(letters) else ("", "", "")
        if kind in ("consonant", "nukta"):
            clustered.append(i > 0 and letters[i - 1][1] == "virama")
            out.append(latin)
            if following[1] not in ("sign", "virama"):
                out.append(_INHERENT)
                clustered.append(False)
            continue
        if letter in ("ं",):  # the anusvara: a nasal of the next consonant's place
            if following[0][:1] in _LABIALS:
                latin = "m"
            elif following[0][:1] == _H:
                latin = "ng"  # सिंह Singh
        out.append(latin)
        clustered.append(False)
    vowels = sum(1 for piece in out if piece == _INHERENT or piece[:1] in "aeiou")
    if out and out[-1] == _INHERENT and vowels > 1 and not clustered[-2]:
        out.pop()  # Hindi drops the closing a after a single consonant (राम Ram)
    return "".join("a" if piece == _INHERENT else piece for piece in out)
