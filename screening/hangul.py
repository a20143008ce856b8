"""Korean names written in Hangul, read in Latin letters by the Revised Romanization.

A precomposed Hangul syllable is an initial consonant, a vowel and an optional final,
numbered by Unicode arithmetic (chapter 3.12); each letter's Latin spelling is in
``data/hangul_jamo.tsv``. A name is read syllable by syllable, each final written as it
sounds before a pause (``숙`` is ``suk``, ``철`` is ``cheol``): the Revised Romanization
does not transcribe the sound changes between the syllables of a personal name, and
McCune-Reischauer spellings meet these by the correspondences of ``east_asian``.

Pure functions of strings.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from screening.data import HANGUL_JAMO_ROWS
from screening.errors import TableError
from screening.memory import MEMORY

_FIRST_SYLLABLE, _LAST_SYLLABLE = 0xAC00, 0xD7A3
_VOWEL_COUNT, _FINAL_COUNT = 21, 28
_SYLLABLES: Final = re.compile("[\uac00-\ud7a3]")


def _spellings(position: str, column: int) -> tuple[str, ...]:
    found = tuple(
        "" if fields[column] == "-" else fields[column]
        for fields in HANGUL_JAMO_ROWS
        if fields[0] == position
    )
    return found


_INITIALS_RR: Final = _spellings("initial", 2)
_VOWELS_RR: Final = _spellings("vowel", 2)
_FINALS_RR: Final = _spellings("final", 2)
_INITIALS_MR: Final = _spellings("initial", 3)
_VOWELS_MR: Final = _spellings("vowel", 3)
_FINALS_MR: Final = _spellings("final", 3)
if (len(_INITIALS_RR), len(_VOWELS_RR), len(_FINALS_RR)) != (19, _VOWEL_COUNT, _FINAL_COUNT):
    raise TableError("hangul_jamo.tsv: Unicode numbers 19 initials, 21 vowels and 28 finals")


def jamo_indices(syllable: str) -> tuple[int, int, int]:
    """The initial, vowel and final of a precomposed syllable, by their Unicode numbers."""
    offset = ord(syllable) - _FIRST_SYLLABLE
    if not 0 <= offset <= _LAST_SYLLABLE - _FIRST_SYLLABLE:
        raise ValueError(f"not a precomposed Hangul syllable: {syllable!r}")
    initial, rest = divmod(offset, _VOWEL_COUNT * _FINAL_COUNT)
    vowel, final = divmod(rest, _FINAL_COUNT)
    return initial, vowel, final


def syllable_rr(syllable: str) -> str:
    """One syllable in the Revised Romanization, its final as before a pause."""
    initial, vowel, final = jamo_indices(syllable)
    return _INITIALS_RR[initial] + _VOWELS_RR[vowel] + _FINALS_RR[final]


def syllable_mr(syllable: str) -> str:
    """One syllable in McCune-Reischauer, read on its own (with breves and apostrophes)."""
    initial, vowel, final = jamo_indices(syllable)
    consonant, sound = _INITIALS_MR[initial], _VOWELS_MR[vowel]
    if consonant == "s" and sound.startswith(("i", "wi")):
        consonant = "sh"  # McCune-Reischauer: s before i and wi is sh (시 shi)
    return consonant + sound + _FINALS_MR[final]


@lru_cache(maxsize=MEMORY.word_forms)
def hangul_to_latin(text: str) -> str:
    """Text with every Hangul syllable in the Revised Romanization, the rest unchanged."""
    return _SYLLABLES.sub(lambda found: syllable_rr(found.group()), text)


def has_hangul(text: str) -> bool:
    return _SYLLABLES.search(text) is not None
