"""One given name in its Russian, Ukrainian and Belarusian forms, or a Hebrew or Arabic given
name in its romanisations (``Yitshak``, ``Yitzchak``, ``Itzhak``; ``Husayn``, ``Hossein``).

``Volodymyr`` (Ukrainian), ``Uladzimir`` (Belarusian) and ``Vladimir`` (Russian) are one
name: a person's passport, a list and a customer file may each use another. Their
spellings differ by more than romanisation rules, so the forms are listed, grouped, as
romanised words in ``screening/data/given_names.tsv``; the group decides, through the
word keys. A patronymic is read by its father's given name (``Uladzimiravich`` =
``Vladimirovich``). Only standard forms, never a particular person's name; no diminutives
(``Sasha`` is Aleksandr or Aleksandra), and no English equivalents (``Michael``, ``Paul``
name people of every origin).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final, NamedTuple

from screening.data import (
    ARABIC_GIVEN_NAMES,
    FEMALE_GIVEN_NAMES,
    HEBREW_GIVEN_NAMES,
    MALE_GIVEN_NAMES,
)
from screening.memory import MEMORY
from screening.translit import ascii_fold, token_key

# Each group: the Russian form first (it names the group), then the other forms; from
# screening/data/given_names.tsv. Women's names are never a father's: they take no part
# in reading patronymics.
_GROUPS: Final[tuple[tuple[str, ...], ...]] = MALE_GIVEN_NAMES
_WOMENS_GROUPS: Final[tuple[tuple[str, ...], ...]] = FEMALE_GIVEN_NAMES
# Hebrew given names in their romanisations (screening/data/hebrew_given_names.tsv): no
# patronymic is read from them.
_HEBREW_GROUPS: Final[tuple[tuple[str, ...], ...]] = HEBREW_GIVEN_NAMES
# Given names of Arabic origin in their Arabic, Persian, Turkish and Urdu romanisations
# (screening/data/arabic_given_names.tsv): no patronymic is read from them either.
_ARABIC_GROUPS: Final[tuple[tuple[str, ...], ...]] = ARABIC_GIVEN_NAMES

# Patronymic endings in key space (``-ovich``, ``-evych``, ``-avich``, ``-ovna``,
# ``-ivna``, ``-auna``...), longest first; what precedes one is the father's name.
_PATRONYMIC_ENDINGS: Final = (
    "oviC", "eviC", "aviC", "ovna", "evna", "avna", "ivna", "auna", "iCna", "iC"
)  # fmt: skip
MIN_PATRONYMIC_STEM: Final = 3


def _key(word: str) -> str:
    return token_key(ascii_fold(word))


def _stem(key: str) -> str:
    """A name key without its closing vowels: ``nikolai`` and ``nikola`` (from
    ``Nikolaevich``) are both ``nikol``."""
    return key.rstrip("aeiou")


_BY_KEY: Final = {
    _key(form): f"name:{group[0]}"
    for group in _GROUPS + _WOMENS_GROUPS + _HEBREW_GROUPS + _ARABIC_GROUPS
    for form in group
}
_BY_STEM: Final = {_stem(_key(form)): f"name:{group[0]}" for group in _GROUPS for form in group}


class GivenName(NamedTuple):
    """The group of one given name's forms, named by its Russian form (``vladimir``)."""

    group: str


# The tables above label a group ``name:<form>``; lookups answer with a typed group.
_GROUP_BY_KEY: Final = {
    key: GivenName(label.removeprefix("name:")) for key, label in _BY_KEY.items()
}
_GROUP_BY_STEM: Final = {
    stem: GivenName(label.removeprefix("name:")) for stem, label in _BY_STEM.items()
}


# The groups of Arabic given names: two spellings of one are two romanisations of one
# Arabic word, and score as the Arabic rules' variants do (``arabic_variant``).
ARABIC_GROUPS: Final = frozenset(group[0] for group in _ARABIC_GROUPS)


# Patronymic endings as spelt (``-ovich``, ``-evych``, ``-ovna``, ``-ivna``, ``-ichna``,
# Belarusian ``-avich``, ``-auna``), longest first, and the endings of the surnames and
# given names made from a given name (``Petrov``, ``Petrova``, ``Ilyin``, ``Vasilina``).
# Russian grammar (Unbegaun, *Russian Surnames*, 1972): a patronymic and a surname of one
# root are two words of two kinds, ``Petrovna`` is not ``Petrova``.
_SPELT_PATRONYMIC_ENDINGS: Final = (
    "ovitch",
    "evitch",
    "ovich",
    "evich",
    "ovych",
    "evych",
    "avich",
    "ichna",
    "ovna",
    "evna",
    "ivna",
    "avna",
    "auna",
    "ich",
)
_NAME_ENDINGS: Final = ("ova", "eva", "ina", "ov", "ev", "in")


def _root(word: str, endings: tuple[str, ...]) -> str | None:
    """The word without the first of ``endings`` it has and the vowels before it, if the
    rest is a root of a name (three letters at least)."""
    for ending in endings:
        if word.endswith(ending):
            root = word[: -len(ending)].rstrip("aeiouy")
            return root if len(root) >= MIN_PATRONYMIC_STEM else None
    return None


@lru_cache(maxsize=MEMORY.word_forms)
def patronymic_and_name_of_one_root(a: str, b: str) -> bool:
    """Whether of two folded words one is a patronymic and the other the surname or given
    name made from the same name (``Konstantinovna``/``Konstantinova``,
    ``Viktorovich``/``Viktorin``, ``Vasilievna``/``Vasilina``): a letter or two apart, they
    are two words, not a misspelt one. A patronymic misspelt or misread in its ending
    (``Petroyna``, ``Borisovlch``) ends as no surname does, and stays a typo."""
    for patronymic, name in ((a, b), (b, a)):
        root = _root(patronymic, _SPELT_PATRONYMIC_ENDINGS)
        if root is not None and _root(name, _NAME_ENDINGS) == root:
            return True
    return False


def given_name_of(key: str) -> GivenName | None:
    """The group of a given name's word key, if it is in one."""
    return _GROUP_BY_KEY.get(key)


@lru_cache(maxsize=MEMORY.word_forms)
def patronymic_of(key: str) -> GivenName | None:
    """The group of the father's given name in a patronymic's word key, if known."""
    for ending in _PATRONYMIC_ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= MIN_PATRONYMIC_STEM:
            return _GROUP_BY_STEM.get(_stem(key[: -len(ending)]))
    return None
