"""A name as a sequence of tokens with roles.

Roles decide how much a token matters and how a mismatch reads: a legal form
(``OOO``, ``LLC``, ``Aktsionernoe Obshchestvo``) is a class, not a word; an initial
stands for any word with that first letter; a missing patronymic is neutral but a
different one counts against; particles (``al``, ``bin``, ``van``) weigh little.
Pure functions of strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from screening.text import clean
from screening.translit import ascii_fold, token_key, variant_keys


class Role(str, Enum):
    WORD = "word"
    INITIAL = "initial"
    PATRONYMIC = "patronymic"
    PARTICLE = "particle"
    NUMBER = "number"


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
    form_class: str


@dataclass(frozen=True, slots=True)
class ParsedName:
    """A cleaned name split into word tokens and the legal forms taken out of it."""

    original: str
    tokens: tuple[Token, ...]
    legal_forms: tuple[LegalForm, ...]


# Legal forms by class, written as people write them; keys are computed at import so
# every romanisation of a form (``obshchestvo``/``obschestvo``) is recognised.
_LEGAL_FORMS: dict[str, tuple[str, ...]] = {
    "llc": (
        "ooo", "llc", "l l c", "limited liability company", "limited liability co",
        "obshchestvo s ogranichennoy otvetstvennostyu", "tov", "too", "mchj", "zhchk",
        "tovarystvo z obmezhenoyu vidpovidalnistyu", "tovaryystva z abmezhavanaj adkaznastsyu",
        "tovarishchestvo s ogranichennoy otvetstvennostyu", "gmbh", "sarl", "srl", "sp z o o",
        "mchzh", "taa",
    ),
    "jsc": (
        "ao", "oao", "zao", "pao", "jsc", "ojsc", "cjsc", "pjsc", "jsco", "joint stock company",
        "joint stock co", "open joint stock company", "closed joint stock company",
        "public joint stock company", "non public joint stock company",
        "aktsionernoe obshchestvo", "otkrytoe aktsionernoe obshchestvo",
        "zakrytoe aktsionernoe obshchestvo", "publichnoe aktsionernoe obshchestvo",
        "nepublichnoe aktsionernoe obshchestvo", "at", "pat", "prat", "aktsionerne tovarystvo",
        "publichne aktsionerne tovarystvo", "pryvatne aktsionerne tovarystvo", "aat", "zaat",
        "adkrytae aktsyyanernae tavarystva", "aktsyyanernae tavarystva", "ag", "sa", "s a",
        "jsc", "ojsc",
    ),
    "sue": (
        "fgup", "gup", "mup", "fgbu", "fgu", "federal state unitary enterprise",
        "state unitary enterprise", "federalnoe gosudarstvennoe unitarnoe predpriyatie",
        "gosudarstvennoe unitarnoe predpriyatie", "unitary enterprise",
        "federalnoe gosudarstvennoe byudzhetnoe uchrezhdenie", "rup",
    ),
    "ltd": (
        "ltd", "limited", "co ltd", "company limited", "plc", "public limited company",
        "pte ltd", "pvt ltd", "private limited", "private limited company", "pty ltd", "fze",
        "fzco", "fzc", "fz llc", "llp", "lp", "bv", "nv", "ab", "as", "oy",
    ),
    "inc": ("inc", "incorporated", "corp", "corporation"),
    "co": ("co", "company", "kompaniya", "and co", "cia", "compania"),
}  # fmt: skip

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


def _build_legal_forms() -> dict[tuple[str, ...], str]:
    table: dict[tuple[str, ...], str] = {}
    for form_class, phrases in _LEGAL_FORMS.items():
        for phrase in phrases:
            keys = tuple(token_key(ascii_fold(word)) for word in phrase.split())
            table[keys] = form_class
    return table


LEGAL_FORM_TABLE = _build_legal_forms()
_LONGEST_FORM = max(len(keys) for keys in LEGAL_FORM_TABLE)

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
    """Clean, split and classify a name. Legal forms are taken out for organisations
    and for names of unknown type (a person's name rarely contains ``OOO``)."""
    tokens = [t for w in split_words(clean(name)) if (t := make_token(w, schema)) is not None]
    forms: list[LegalForm] = []
    if schema != "Person":
        tokens, forms = _take_legal_forms(tokens)
    return ParsedName(original=name, tokens=tuple(tokens), legal_forms=tuple(forms))


def _take_legal_forms(tokens: list[Token]) -> tuple[list[Token], list[LegalForm]]:
    """Remove legal-form phrases (longest first), unless that would leave no words."""
    kept: list[Token] = []
    forms: list[LegalForm] = []
    i = 0
    while i < len(tokens):
        for length in range(min(_LONGEST_FORM, len(tokens) - i), 0, -1):
            window = tokens[i : i + length]
            form_class = LEGAL_FORM_TABLE.get(tuple(t.key for t in window))
            if form_class is not None:
                forms.append(LegalForm(" ".join(t.text for t in window), form_class))
                i += length
                break
        else:
            kept.append(tokens[i])
            i += 1
    if not kept:
        return tokens, []
    return kept, forms
