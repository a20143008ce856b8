"""Numbers written as words, read as their value: ``Brigade Forty-Four`` is ``Brigade 44``.

Lists write a number in a name as digits in one listing and as words in another, and a
Russian name holds it as Cyrillic words where the English listing has digits. The words
and their values are in ``screening/data/numbers.tsv``. Pure functions of word keys.
"""

from __future__ import annotations

from typing import Final

from screening.data import NUMBER_WORDS
from screening.translit import ascii_fold, token_key

HUNDRED, THOUSAND = 100, 1000

# Word key -> value, from screening/data/numbers.tsv.
_VALUES: Final = {token_key(ascii_fold(word)): value for word, value in NUMBER_WORDS.items()}


def number_word(key: str) -> int | None:
    """The value of a number word's key (``forti`` is 40), else None."""
    return _VALUES.get(key)


def value_of(values: list[int]) -> int:
    """The number that number words in a row make: units, teens and tens add up
    (``forty four``, ``sorok chetyre``), a hundred after a unit multiplies it (``one
    hundred``; Russian ``sto`` stands alone), a thousand multiplies what came before."""
    total = current = 0
    for value in values:
        if value == HUNDRED and 0 < current < 10:
            current *= HUNDRED
        elif value == THOUSAND:
            total += max(current, 1) * THOUSAND
            current = 0
        else:
            current += value
    return total + current
