"""Armenian names written in Armenian script, read into Latin letters.

unidecode reads Armenian by ISO 9985, which writes ``ու`` as ``ow``, ``և`` as ``ew`` and
``ռ`` as ``rh`` (``Ռուբեն`` ``Rhowben``): spellings no list or passport uses. This module
reads a word as Eastern Armenian names are written in Latin letters, by BGN/PCGN and the
Armenian passport (``data/armenian_letters.tsv``): ``Ruben``, ``Yerevan``, ``Vardan``.

Pure functions of strings.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from screening.data import ARMENIAN_LATIN
from screening.memory import MEMORY

_ARMENIAN: Final = re.compile(r"[\u0531-\u0587]")
_VOWELS: Final = frozenset("աեէըիոօ")
# BGN/PCGN: ե and և sound y at the start of a word and after a vowel, ո sounds v at the start.
_AFTER_A_VOWEL: Final = {"ե": "ye", "և": "yev"}
_AT_THE_START: Final = {**_AFTER_A_VOWEL, "ո": "vo"}


def has_armenian(text: str) -> bool:
    return _ARMENIAN.search(text) is not None


@lru_cache(maxsize=MEMORY.word_forms)
def armenian_to_latin(word: str) -> str:
    """A word in Armenian letters in lower-case Latin letters (BGN/PCGN, Eastern Armenian,
    without aspiration apostrophes); other characters pass through."""
    lower = word.lower()
    out: list[str] = []
    i = 0
    while i < len(lower):
        char = lower[i]
        if char == "ո" and lower[i + 1 : i + 2] == "ւ":
            out.append("u")
            i += 2
            continue
        previous = lower[i - 1] if i else ""
        if not _ARMENIAN.match(previous) and char in _AT_THE_START:
            out.append(_AT_THE_START[char])
        elif previous in _VOWELS and char in _AFTER_A_VOWEL:
            out.append(_AFTER_A_VOWEL[char])
        else:
            out.append(ARMENIAN_LATIN.get(char, char))
        i += 1
    return "".join(out)
