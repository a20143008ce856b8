"""Place names found in organisation names (``screening.places``)."""

from __future__ import annotations

import pytest

from screening.names import parse_name
from screening.places import place_words


@pytest.mark.parametrize(
    ("name", "places"),
    [
        ("Saint Petersburg Mining University", {0, 1}),  # a city of two words
        ("Bank of Chongqing", {2}),
        ("Alberta Energy Company", {0}),  # a region of ISO 3166-2
        ("Kenya Trading Agency", {0}),  # a country of ISO 3166-1
        ("Saint Koneisto Trading", set()),  # half of a place's name is no place
        ("Petersburg Koneisto", set()),
        ("Koneisto Trading Group", set()),
        ("Iranian Offshore Engineering", {0}),  # a country's adjective (World Factbook)
        ("North Korean Koneisto", {0, 1}),
        ("Korean", {0}),
        ("Polish Koneisto", set()),  # an adjective that is a common word: left out
        ("Iranshahr Koneisto", set()),  # a longer word is no adjective
    ],
)
def test_place_words_are_whole_place_names(name: str, places: set[int]) -> None:
    keys = [token.key for token in parse_name(name, "Organization").tokens]
    assert place_words(keys) == frozenset(places)
