"""Place names in organisation names: countries, first-level regions and the largest cities.

A place says where a company is, not which company it is (``Bank Saint Petersburg`` and
``Saint Petersburg Mining University`` are two companies), so the ``generic_word`` rule of
the scoring does not take a place for the company's own name. The places are the countries
of ISO 3166-1 (their English names and the lists' variants, ``screening/sources/countries``),
the first-level subdivisions of ISO 3166-2 (pycountry: ``Karbalā’``, ``Tehrān``), the
largest cities in English (``screening/data/world_cities.tsv``) and the countries' English
adjectives (``screening/data/country_adjectives.tsv``: ``Iranian``, ``North Korean``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache

import pycountry

from screening.data import COUNTRY_ADJECTIVES, WORLD_CITIES
from screening.names import make_token, split_words
from screening.sources.countries import country_names


def place_words(keys: Sequence[str]) -> frozenset[int]:
    """The positions of the words of a name (given by their main keys) that are part of a
    place name written in full, word after word (``saint``, ``petersburg``)."""
    found = set[int]()
    places = _places_by_first_key()
    for start, key in enumerate(keys):
        for place in places.get(key, ()):
            end = start + len(place)
            if tuple(keys[start:end]) == place:
                found.update(range(start, end))
                break
    return frozenset(found)


@cache
def _places_by_first_key() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Every place name as the main keys of its words, by its first key, longest first."""
    by_first: dict[str, set[tuple[str, ...]]] = {}
    for name in _place_names():
        tokens = [make_token(word) for word in split_words(name)]
        keys = tuple(token.key for token in tokens if token is not None)
        if keys:
            by_first.setdefault(keys[0], set()).add(keys)
    return {
        first: tuple(sorted(places, key=lambda place: (-len(place), place)))
        for first, places in by_first.items()
    }


def _place_names() -> Iterator[str]:
    yield from country_names()
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code is None:
            yield subdivision.name
    yield from WORLD_CITIES
    yield from COUNTRY_ADJECTIVES
