"""A name as a sequence of tokens with roles.

Roles decide how much a token matters and how a mismatch reads: a legal form
(``OOO``, ``LLC``, ``Aktsionernoe Obshchestvo``) is a class, not a word; an initial
stands for any word with that first letter; a missing patronymic is neutral but a
different one counts against; particles (``al``, ``bin``, ``van``) weigh little.
Pure functions of strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import StrEnum

from screening.legal_forms import find_legal_forms
from screening.text import clean
from screening.translit import ascii_fold, token_key, variant_keys


class Role(StrEnum):
    WORD = "word"
    INITIAL = "initial"
    PATRONYMIC = "patronymic"
    PARTICLE = "particle"
    NUMBER = "number"
    LEGAL = "legal"


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
    """A cleaned name split into word tokens and the legal forms taken out of it."""

    original: str
    tokens: tuple[Token, ...]
    legal_forms: tuple[LegalForm, ...]


_PARTICLES = frozenset(
    token_key(ascii_fold(word))
    for word in (
        "al", "el", "bin", "ibn", "bint", "ben", "de", "da", "del", "della", "der", "den",
        "van", "von", "la", "le", "di", "du", "dos", "das", "do", "y", "and", "of", "the",
        "i", "imeni", "im", "ogly", "ogli", "oglu", "kyzy", "uulu", "und", "et", "for", "na",
    )
)  # fmt: skip

_PATRONYMIC_ENDINGS = (
    "ovich", "evich", "ovych", "evych", "avich", "ovic", "evic", "ovitch", "evitch",
    "ovna", "evna", "ichna", "ivna", "avna",
)  # fmt: skip
_NON_PATRONYMIC = frozenset({"ich", "rich", "dietrich", "heinrich", "friedrich", "ulrich"})


# A word: letters, digits and the marks that romanisation puts inside words (soft
# signs as apostrophes, combining ligature marks as in ALA-LC ``t͡s``).
_WORD = re.compile(r"[^\W_](?:[\w'ʹʺʼ’\u0300-\u036f]*[^\W_])?")


def split_words(text: str) -> list[str]:
    """The words of a cleaned string; punctuation, quotes, hyphens and dots separate them."""
    return _WORD.findall(text)


def _role_of(folded: str, key: str, schema: str | None) -> Role:
    if folded.isdigit():
        return Role.NUMBER
    if len(folded) == 1:
        return Role.INITIAL
    if key in _PARTICLES:
        return Role.PARTICLE
    if schema in (None, "Person") and len(folded) >= 6 and folded not in _NON_PATRONYMIC:
        if folded.endswith(_PATRONYMIC_ENDINGS) or (folded.endswith("ich") and len(folded) >= 7):
            return Role.PATRONYMIC
    return Role.WORD


def make_token(word: str, schema: str | None = None) -> Token | None:
    """A token of a word, or None when nothing of it survives folding."""
    folded = ascii_fold(word)
    if not folded:
        return None
    keys = variant_keys(word)
    return Token(text=word, folded=folded, keys=keys, role=_role_of(folded, keys[0], schema))


def parse_name(name: str, schema: str | None = None) -> ParsedName:
    """Clean, split and classify a name.

    Legal forms are looked for in organisations and in names of unknown type (a
    person's name rarely holds ``OOO``); their words stay tokens, with role ``LEGAL``.
    Single letters in an organisation name are words, not initials of given names.
    """
    tokens = [t for w in split_words(clean(name)) if (t := make_token(w, schema)) is not None]
    forms: list[LegalForm] = []
    if schema != "Person":
        spans = find_legal_forms([t.key for t in tokens])
        covered = sum(end - start for start, end, _ in spans)
        if spans and covered < len(tokens):
            for start, end, form_class in spans:
                words = tokens[start:end]
                forms.append(LegalForm(" ".join(t.text for t in words), form_class))
                for k in range(start, end):
                    tokens[k] = replace(tokens[k], role=Role.LEGAL)
    if schema not in (None, "Person"):
        tokens = [replace(t, role=Role.WORD) if t.role is Role.INITIAL else t for t in tokens]
    return ParsedName(original=name, tokens=tuple(tokens), legal_forms=tuple(forms))
