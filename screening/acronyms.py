"""A word of one organisation's name that is the initials of words of the other name.

Lists give an organisation's acronym beside its full name, or only one of the two:
``FCI`` is ``Finance and Credit Institute``, ``BIF`` is ``Bosnian Ideal Future``. An
acronym is the first letters of words in a row, in their order; the particles between
them (``of``, ``and``, ``al``, the ezafe) give no letter. Only organisations' names have
acronyms: in a person's name capitals of three letters are a name (``ALI``, ``KIM``).
Pure functions of tokens.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from screening.glossary import concept_of
from screening.names import ParsedName, Role, Token

MIN_ACRONYM: Final = 3  # letters: two capitals are mostly a person's initials (``N.A.``)
MAX_ACRONYM: Final = 6


def may_be_acronym(token: Token) -> bool:
    """Whether a word may be an acronym: three to six letters, written in capitals, and
    not itself a word of organisation names' vocabulary (``BANK``, ``OIL``)."""
    folded = token.folded
    return (
        token.role is Role.WORD
        and MIN_ACRONYM <= len(folded) <= MAX_ACRONYM
        and folded.isalpha()
        and token.text.isupper()
        and concept_of(token.key) is None
    )


def _letter_words(name: ParsedName) -> list[int]:
    """Positions of the words that give a letter: neither legal forms nor particles."""
    return [j for j in name.words if name.tokens[j].role is not Role.PARTICLE]


def acronym_words(
    name: ParsedName, frequency: Callable[[str], int | None], max_names: int
) -> list[int]:
    """Positions of the words of an organisation's name that may be acronyms: of the
    shape, and rare: held by at most ``max_names`` list names (``frequency`` of a word
    key). A word many names hold is a word (``IRAN``, ``STAR``), not others' initials."""
    if not name.organisation:
        return []
    return [
        j
        for j in name.words
        if (frequency(name.tokens[j].key) or 0) <= max_names and may_be_acronym(name.tokens[j])
    ]


def runs(name: ParsedName) -> dict[str, list[tuple[int, ...]]]:
    """Every run of MIN_ACRONYM to MAX_ACRONYM words in a row of an organisation's name,
    by their initials (``fci``: the positions of ``Finance``, ``Credit``, ``Institute``)."""
    if not name.organisation:
        return {}
    words = _letter_words(name)
    tokens = name.tokens
    found: dict[str, list[tuple[int, ...]]] = {}
    for start in range(len(words) - MIN_ACRONYM + 1):
        letters = "".join(tokens[j].folded[:1] for j in words[start : start + MIN_ACRONYM - 1])
        for end in range(start + MIN_ACRONYM - 1, min(start + MAX_ACRONYM, len(words))):
            letters += tokens[words[end]].folded[:1]
            found.setdefault(letters, []).append(tuple(words[start : end + 1]))
    return found


def spans_spelling(acronym: str, name: ParsedName) -> list[tuple[int, ...]]:
    """The runs of words of an organisation's name whose initials spell ``acronym`` (a
    folded word). Only runs opening with its first letter are read: most names have none."""
    if not name.organisation:
        return []
    words = _letter_words(name)
    tokens = name.tokens
    size = len(acronym)
    return [
        tuple(words[start : start + size])
        for start in range(len(words) - size + 1)
        if tokens[words[start]].folded[:1] == acronym[0]
        and "".join(tokens[j].folded[:1] for j in words[start : start + size]) == acronym
    ]
