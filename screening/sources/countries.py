"""Country names and codes, as lists and users write them, mapped to ISO 3166-1 alpha-2 codes
(lower case).

ISO 3166 itself comes from pycountry: codes, English names, official and common names, and
their translations into many languages (``Россия`` aside, ``Германия``, ``Deutschland``,
``Allemagne``...). On top, ``screening/data/country_variants.tsv`` holds the spellings the
lists use that ISO does not ("Korea, North", "Burma", "Kazakh SSR"). Matching folds case,
accents and punctuation; a bracketed qualifier ("Russia (former USSR)") is dropped when
the whole text is not a known name. An unknown name gives ``None`` rather than a guess.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from functools import cache
from importlib import resources
from pathlib import Path

import pycountry

_NOT_LETTERS = re.compile(r"[\W_]+")
_BRACKETED = re.compile(r"\s*\([^)]*\)\s*")
_FORMER_NOW = re.compile(r"\b(?:now|currently)\b\s+(?:the\s+)?(.+)$", re.IGNORECASE)
_PYCOUNTRY_NAMES = ("name", "official_name", "common_name")


def country_code(name: str | None) -> str | None:
    """The code of a country as a list writes it, or ``None`` when unknown.

    Codes count only in capitals (``RU``, ``RUS``): in a list's free text, "in", "no" and
    "to" are words, not India, Norway and Tonga.
    """
    if not name or not name.strip():
        return None
    text = name.strip().rstrip(".")
    if text.isupper() and len(text) in (2, 3):
        code = _codes().get(text.casefold())
        if code is not None:
            return code
    return _by_name(text)


def parse_country(value: str) -> str | None:
    """The code of a country a user gave: a code in any case (``ru``, ``RUS``) or a name in
    English or another language (``Russia``, ``Россия``); ``None`` when unknown."""
    text = value.strip().rstrip(".")
    if len(text) in (2, 3):
        code = _codes().get(text.casefold())
        if code is not None:
            return code
    return _by_name(text) if text else None


def country_names() -> list[str]:
    """Every English name of a country that ISO and the lists write, folded (``russian
    federation``, ``korea north``), longer than two letters."""
    return sorted(key for key in _names() if len(key) > 2)


def _by_name(text: str) -> str | None:
    found = _lookup(_fold(text))
    if found:
        return found
    now = _FORMER_NOW.search(text)
    if now:
        found = _by_name(now.group(1).rstrip(")"))
        if found:
            return found
    unbracketed = _BRACKETED.sub(" ", text).strip()
    if unbracketed and unbracketed != text:
        return _lookup(_fold(unbracketed))
    return None


def _lookup(key: str) -> str | None:
    """English and list names first; translations, loaded on first need, after."""
    return _names().get(key) or _translated_names().get(key)


def _fold(name: str) -> str:
    """Lower case, accents and punctuation gone, a leading "the" dropped: the lookup key."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    key = _NOT_LETTERS.sub(" ", text).strip()
    return key[4:] if key.startswith("the ") else key


@cache
def _codes() -> dict[str, str]:
    """Alpha-2 and alpha-3 codes (folded) to the alpha-2 code, with the variants' own codes."""
    codes: dict[str, str] = {}
    for country in pycountry.countries:
        alpha2 = country.alpha_2.lower()
        codes[alpha2] = alpha2
        codes[country.alpha_3.lower()] = alpha2
    for code, _ in _variants():
        codes.setdefault(code, code)
    codes.setdefault("uk", "gb")  # the UK's own, exceptionally reserved code
    return codes


@cache
def _names() -> dict[str, str]:
    """ISO's English names, then the lists' variants, folded; names of two letters or
    fewer are left to the code lookup."""
    index: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in _PYCOUNTRY_NAMES:
            name = getattr(country, attribute, None)
            if name:
                index.setdefault(_fold(name), country.alpha_2.lower())
    for code, name in _variants():
        index.setdefault(_fold(name), code)
    return {key: code for key, code in index.items() if len(key) > 2 or key in ("uk", "us")}


@cache
def _translated_names() -> dict[str, str]:
    """Every translation of ISO's names that names one country only (a name that means
    different countries in different languages is left out)."""
    english = _english_names_by_code()
    found: dict[str, str | None] = {}
    for catalog in _catalogs():
        for name, code in english.items():
            translated = catalog.get(name)
            if not translated or translated == name:
                continue
            key = _fold(translated)
            if len(key) <= 2:
                continue
            found[key] = code if found.get(key, code) == code else None
    return {key: code for key, code in found.items() if code is not None}


def _english_names_by_code() -> dict[str, str]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in _PYCOUNTRY_NAMES:
            name = getattr(country, attribute, None)
            if name:
                names[name] = country.alpha_2.lower()
    return names


def _catalogs() -> list[dict[str, str]]:
    catalogs = []
    for path in sorted(Path(pycountry.LOCALES_DIR).glob("*/LC_MESSAGES/iso3166-1.mo")):
        with path.open("rb") as stream:
            catalogs.append(dict(gettext.GNUTranslations(stream)._catalog))  # type: ignore[attr-defined]
    return catalogs


@cache
def _variants() -> tuple[tuple[str, str], ...]:
    text = resources.files("screening").joinpath("data", "country_variants.tsv").read_text("utf-8")
    pairs: list[tuple[str, str]] = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            code, names = line.split("\t")
            pairs.extend((code.strip(), name.strip()) for name in names.split("|"))
    return tuple(pairs)
