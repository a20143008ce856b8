"""Names in Hebrew script against their romanisations (screening/hebrew.py).

Each rule both ways: the spellings of one name by the standards meet, and distinct names
that look alike once the vowels are open stay apart. A property test draws words from the
letter table and spells them by it: every such spelling is found by retrieval and scoring.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from screening.data import HEBREW_LETTERS_LATIN
from screening.hebrew import (
    has_hebrew,
    hebrew_retrieval_keys,
    hebrew_rules,
    hebrew_units,
    latin_retrieval_keys,
    latin_spelling,
)
from screening.model import Entity
from screening.names import ARABIC, HEBREW, parse_name, split_words
from screening.screener import Screener
from screening.settings import DEFAULT_THRESHOLD
from screening.translit import arabic_rules


@pytest.mark.parametrize(
    ("hebrew", "latin", "note"),
    [
        ("יצחק", "Yitshak", None),  # Academy 2006: ח h, צ ts
        ("יצחק", "Yitzchak", "ח=ch"),  # English usage
        ("יצחק", "Jizchak", "י=j"),  # German
        ("כהן", "Kohen", None),
        ("כהן", "Cohen", "כ=c"),
        ("אברהם", "Avraham", "ב=v"),  # bet without dagesh
        ("אברהם", "Abraham", None),
        ("חיים", "Chaim", "ח=ch"),  # double yod as the vowel
        ("חיים", "Hayim", None),  # double yod as a consonant
        ("משה", "Moshe", None),  # final he: a vowel
        ("שרה", "Sarah", "ש=s"),  # sin, and a final he written h
        ("דוד", "Dawid", "ו=w"),  # ISO 259, Polish
        ("מרדכי", "Mordechai", "כ=ch"),
        ("מרדכי", "Mordekhay", "כ=kh"),
        ("יעקב", "Yaakov", None),  # ayin unwritten, doubled letters once
        ("וייס", "Weiss", "ו=w"),  # Yiddish double yod: ei
        ("קליין", "Klein", None),
        ("ציפורה", "Zipporah", "צ=z"),  # a dagesh doubling written or not
        ("פרץ", "Peretz", "צ=tz"),  # final tsadi
        ("שפירא", "Schapira", "ש=sch"),
        ("ג׳ורג׳", "Jorj", None),  # gimel with geresh: j
        ("ג'ק", "Jack", None),  # a geresh typed as an apostrophe
        ("מיכאל", "Mikhail", "כ=kh"),
        ("שָׁלוֹם", "Shalom", None),  # vowel points dropped
    ],
)
def test_a_hebrew_word_meets_its_romanisations(hebrew: str, latin: str, note: str | None) -> None:
    rules = hebrew_rules(hebrew, latin)
    assert rules is not None and rules[0] == "hebrew_script"
    assert note is None or note in rules
    assert hebrew_rules(latin, hebrew) == rules  # either side may be the query
    assert set(hebrew_retrieval_keys(hebrew)) & set(latin_retrieval_keys(latin_spelling(latin)))


@pytest.mark.parametrize(
    ("hebrew", "latin"),
    [
        ("מיכל", "Michael"),  # two vowel sounds have a letter between them: מיכאל
        ("דוד", "Dudu"),  # a final vowel is written (דודו)
        ("דן", "Dina"),
        ("שרה", "Sarit"),  # a letter too many
        ("כהן", "Kahana"),
        ("יצחק", "Isaac"),  # the English name: no tsadi, no het
        ("משה", "Moses"),
        ("רחל", "Raziel"),
        ("אבי", "Avishai"),
        ("לוי", "Levin"),
        ("יהודה", "Ehud"),  # an opening yod is never e; a final he writes a vowel
        ("יהודה", "Yehud"),
    ],
)
def test_a_nearby_name_does_not_meet(hebrew: str, latin: str) -> None:
    assert hebrew_rules(hebrew, latin) is None


def test_two_words_in_one_script_are_not_compared_by_these_rules() -> None:
    assert hebrew_rules("כהן", "כוהן") is None
    assert hebrew_rules("Kohen", "Cohen") is None


def test_letters_are_read_as_the_table_units() -> None:
    assert hebrew_units("חיים") == ("ח", "יי", "מ")  # double yod, final mem
    assert hebrew_units("ג׳ורג׳") == ("ג׳", "ו", "ר", "ג׳")
    assert hebrew_units("װײַס") == ("וו", "יי", "ס")  # Yiddish ligatures, a point dropped
    assert hebrew_units("פרץ") == ("פ", "ר", "צ")


def test_a_hebrew_name_splits_at_the_maqaf_and_keeps_its_geresh() -> None:
    assert split_words("אברהם בן־דוד") == ["אברהם", "בן", "דוד"]
    assert split_words("ג׳ורג׳ בוש") == ["ג׳ורג׳", "בוש"]


def test_hebrew_script_is_its_own_origin_not_arabic() -> None:
    origins = parse_name("יצחק כהן", "Person").origins
    assert HEBREW in origins and ARABIC not in origins
    assert has_hebrew("יצחק Kohen") and not has_hebrew("Yitshak Kohen")
    assert arabic_rules("שלום", "Shalom") is None  # the Arabic letter table does not read it


def test_every_latin_spelling_of_the_table_has_its_letters_class() -> None:
    """Retrieval finds what scoring accepts: each spelling's skeleton is a class of its
    letter (``-``, no class, for vowels)."""
    for unit, (spellings, classes) in HEBREW_LETTERS_LATIN.items():
        for written in spellings:
            if written:
                skeletons = {key[3:-1] for key in latin_retrieval_keys(written)}
                assert skeletons & {*classes, ""} or ("" in classes and not skeletons), (
                    unit,
                    written,
                )


_UNITS = sorted(HEBREW_LETTERS_LATIN)


@st.composite
def _spelt_words(draw: st.DrawFn) -> tuple[str, str]:
    """A Hebrew word of table units and a Latin spelling of it by the table, a vowel or
    none between two letters (a vowel before a final he, alef or ayin, which follow one;
    an opening yod not as e)."""
    word = "".join(draw(st.lists(st.sampled_from(_UNITS), min_size=2, max_size=4)))
    units = hebrew_units(word)
    latin = []
    for number, unit in enumerate(units):
        if number:
            final_vowel = number == len(units) - 1 and unit in ("ה", "א", "ע")
            vowels = ["a", "e", "i", "o", "u"] if final_vowel else ["", "a", "e", "i", "o", "u"]
            latin.append(draw(st.sampled_from(vowels)))
        spellings = HEBREW_LETTERS_LATIN[unit][0]
        if number == 0:
            spellings = tuple(written for written in spellings if written != "e")
        latin.append(draw(st.sampled_from(spellings)))
    return word, "".join(latin)


@settings(max_examples=300, deadline=None)
@given(_spelt_words())
def test_a_word_spelt_by_the_table_is_found_and_scored(spelt: tuple[str, str]) -> None:
    word, latin = spelt
    assume(len(hebrew_units(word)) >= 2 and latin and not re.search(r"(.)\1", latin))
    assume(not re.search(r"[aeiou]{2}", latin))  # one open vowel, not two in a row
    assert hebrew_rules(word, latin) is not None
    latin_keys = latin_retrieval_keys(latin)  # none for a word of vowels and h alone
    assert not latin_keys or set(latin_keys) & set(hebrew_retrieval_keys(word))


def _screener(*names: str) -> Screener:
    entities = [
        Entity.model_validate({"id": f"e{number}", "schema": "Person", "names": [name]})
        for number, name in enumerate(names)
    ]
    return Screener.from_entities(entities, source="test")


def test_a_name_in_hebrew_script_finds_its_romanised_listing_and_says_why() -> None:
    screener = _screener("Yitshak KOHEN", "Ivan PETROV", "Avraham BEN-DAVID")
    result = screener.screen("יצחק כהן", schema="Person")
    assert [hit.entity_id for hit in result.hits] == ["e0"]
    hit = result.hits[0]
    assert hit.score >= DEFAULT_THRESHOLD
    assert all(token.detail.startswith("hebrew_script") for token in hit.explanation.tokens)
    found = screener.screen("אברהם בן־דוד", schema="Person")
    assert [hit.entity_id for hit in found.hits] == ["e2"]


def test_another_name_in_hebrew_script_does_not_alert() -> None:
    screener = _screener("Yitshak KOHEN", "Mikhal SHAPIRA")
    assert not screener.screen("יעקב כץ", schema="Person").hits  # Yaakov Kats
    assert not screener.screen("מיכאל שפירו", schema="Person").hits  # Mikhael Shapiro
