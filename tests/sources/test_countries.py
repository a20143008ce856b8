"""Country names as the lists write them: ISO 3166 from pycountry plus the lists' own
variants from ``screening/data/country_variants.tsv``."""

from __future__ import annotations

import pytest

from screening.sources.countries import country_code

# Spellings met in the OFAC, OFSI, UN and EU files, each with the code it must give.
LIST_SPELLINGS = [
    ("Russia", "ru"), ("Russian Federation", "ru"), ("Russia (former USSR)", "ru"),
    ("Korea, North", "kp"), ("Korea, Democratic People's Republic of", "kp"), ("DPRK", "kp"),
    ("Iran (Islamic Republic of)", "ir"), ("Iran, Islamic Republic of", "ir"), ("Burma", "mm"),
    ("Congo, Democratic Republic of the", "cd"), ("Syrian Arab Republic", "sy"), ("UK", "gb"),
    ("United Kingdom", "gb"), ("Kazakh SSR", "kz"), ("Ukrainian SSR", "ua"), ("Turkey", "tr"),
    ("Türkiye", "tr"), ("Côte d'Ivoire", "ci"), ("Cote d Ivoire", "ci"), ("Viet Nam", "vn"),
    ("Georgia (former USSR)", "ge"), ("Iraq (previous address)", "iq"), ("RU", "ru"),
    ("Kosovo", "xk"), ("Bahamas, The", "bs"), ("West Bank", "ps"), ("USA", "us"),
    ("formerly Zaire, now Congo, Democratic Republic of the", "cd"), ("Germany", "de"),
]  # fmt: skip


@pytest.mark.parametrize(("spelling", "code"), LIST_SPELLINGS)
def test_list_spellings(spelling: str, code: str) -> None:
    assert country_code(spelling) == code


@pytest.mark.parametrize("text", ["in", "no", "to", "is", "", "  ", None, "Narnia", "Nowhere"])
def test_words_and_unknown_names_are_not_countries(text: str | None) -> None:
    assert country_code(text) is None


def test_names_in_other_languages_are_known_too() -> None:
    assert country_code("Российская Федерация") == "ru"
    assert country_code("Украина") == "ua"
    assert country_code("Deutschland") == "de"
