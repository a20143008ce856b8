"""screening.given_names: one given name across Russian, Ukrainian and Belarusian, and a
Hebrew or Arabic given name across its romanisations."""

from __future__ import annotations

import pytest

from screening.given_names import given_name_of, patronymic_of
from screening.model import Entity
from screening.names import parse_name
from screening.scoring import compare_tokens
from screening.screener import Screener
from screening.settings import DEFAULT_THRESHOLD
from screening.translit import ascii_fold, token_key
from screening.weights import ScoringWeights


def key(word: str) -> str:
    return token_key(ascii_fold(word))


@pytest.mark.parametrize(
    ("a", "b"),
    [("Volodymyr", "Vladimir"), ("Uladzimir", "Vladimir"), ("Aliaksandr", "Alexander"),
     ("Mykola", "Nikolai"), ("Siarhei", "Sergey"), ("Olha", "Olga"), ("Tetiana", "Tatyana"),
     ("Hryhoriy", "Grigory"), ("Владимир", "Volodymyr"), ("Уладзімір", "Vladimir")],
)  # fmt: skip
def test_forms_of_one_given_name_share_a_group(a: str, b: str) -> None:
    assert given_name_of(key(a)) is not None
    assert given_name_of(key(a)) == given_name_of(key(b))


@pytest.mark.parametrize(
    ("a", "b"),
    [("Vladimir", "Vladislav"), ("Aleksandr", "Aleksandra"), ("Oleg", "Olga")],
)
def test_other_names_stay_apart(a: str, b: str) -> None:
    assert given_name_of(key(a)) != given_name_of(key(b))


@pytest.mark.parametrize("word", ["Ivan", "Michael", "Budnev", "Vladimirovich", "Sasha"])
def test_words_outside_the_table_have_no_group(word: str) -> None:
    assert given_name_of(key(word)) is None


@pytest.mark.parametrize(
    ("a", "b"),
    [("Uladzimiravich", "Vladimirovich"), ("Mykolayovych", "Nikolaevich"),
     ("Oleksandrivna", "Aleksandrovna"), ("Siarheevich", "Sergeyevich"),
     ("Alehavich", "Olegovich")],
)  # fmt: skip
def test_patronymics_are_read_by_the_fathers_name(a: str, b: str) -> None:
    assert patronymic_of(key(a)) is not None
    assert patronymic_of(key(a)) == patronymic_of(key(b))


def test_a_womans_name_is_never_a_fathers() -> None:
    # Aleksandrovna's father is Aleksandr, not Aleksandra
    assert patronymic_of(key("Aleksandrovna")) == given_name_of(key("Aleksandr"))


def test_compare_tokens_names_the_rule() -> None:
    given = compare_tokens(parse_name("Volodymyr").tokens[0], parse_name("Vladimir").tokens[0])
    query = parse_name("Ivan Uladzimiravich Kovtun", "Person").tokens[1]
    listed = parse_name("Ivan Vladimirovich Kovtun", "Person").tokens[1]
    assert (given.rule, compare_tokens(query, listed).rule) == ("given_name", "given_name")


def test_a_ukrainian_name_hits_its_russian_listing() -> None:
    listed = Entity(id="t", schema="Person", names=["Vladimir Nikolaevich KOVTUNETS"])
    other = Entity(id="o", schema="Person", names=["Ivan Petrovich SIDORCHUK"])
    screener = Screener.from_entities([listed, other])
    hits = screener.screen("Volodymyr Mykolayovych Kovtunets", schema="Person").hits
    assert [hit.entity_id for hit in hits] == ["t"]
    assert hits[0].score >= DEFAULT_THRESHOLD
    rules = [token.rule for token in hits[0].explanation.tokens]
    assert rules.count("given_name") == 2


def _compare(a: str, b: str) -> tuple[str, float]:
    found = compare_tokens(parse_name(a, "Person").tokens[0], parse_name(b, "Person").tokens[0])
    return found.rule, found.value


@pytest.mark.parametrize(
    ("a", "b"),
    [("Yitzchak", "Yitshak"), ("Itzhak", "Yitshak"), ("Sarah", "Sara"), ("Chaim", "Hayim"),
     ("Tzipora", "Tsipora"), ("Menachem", "Menahem"), ("Devorah", "Dvora"),
     # Arabic names: ALA-LC, English, French, Persian and Turkish spellings
     ("Hossein", "Husayn"), ("Hussain", "Hussein"), ("Mahmoud", "Mahmud"),
     ("Mehmet", "Muhammad"), ("Youssef", "Yusuf"), ("Rachid", "Rashid"),
     ("Fatemeh", "Fatima"), ("Hatice", "Khadija"), ("Gamal", "Jamal")],
)  # fmt: skip
def test_romanisations_of_one_hebrew_or_arabic_given_name_are_one_name(a: str, b: str) -> None:
    assert given_name_of(key(a)) is not None
    weights = ScoringWeights()
    assert (
        _compare(a, b)
        in (
            ("given_name", weights.given_name),
            ("given_name", weights.arabic_variant),  # an Arabic name: two romanisations
        )
        or _compare(a, b)[0] == "transliteration"
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [("Tal", "Gal"), ("Ido", "Idan"), ("Amit", "Amir"), ("Omer", "Omri"), ("Noa", "Noam"),
     ("Aleksandr", "Aleksandra"), ("Oleg", "Olga"),
     # Arabic names one letter apart (issue 11: Karim and Kazim stay apart)
     ("Karim", "Kazim"), ("Fadi", "Fadil"), ("Hamid", "Hamad"), ("Said", "Saad"),
     ("Jamal", "Jamil"), ("Amin", "Amina"), ("Nasir", "Nazir"), ("Samir", "Samira")],
)  # fmt: skip
def test_two_given_names_of_the_tables_never_match_as_a_typo(a: str, b: str) -> None:
    assert given_name_of(key(a)) not in (None, given_name_of(key(b)))
    assert _compare(a, b)[0] == "unmatched"
    assert _compare(b, a)[0] == "unmatched"


def test_a_surname_in_the_other_gender_is_still_a_possible_relative() -> None:
    assert _compare("Ivanova", "Ivanov")[0] == "gender_variant"
    assert _compare("Amirova", "Amirov")[0] == "gender_variant"  # a surname of a given name


def test_spellings_of_one_arabic_given_name_score_as_arabic_variants() -> None:
    weights = ScoringWeights()
    assert _compare("Ahmed", "Ahmad") == ("given_name", weights.arabic_variant)
    assert _compare("Hossein", "Husayn") == ("given_name", weights.arabic_variant)
    assert _compare("Volodymyr", "Vladimir") == ("given_name", weights.given_name)


def _penalties(query: str, listed: str, schema: str = "Person") -> list[str]:
    screener = Screener.from_entities([Entity(id="e", schema=schema, names=[listed])])
    hits = screener.screen(query, schema=schema, threshold=0.0).hits
    return hits[0].explanation.penalties if hits else []


GIVEN_NAMES_DIFFER = "given names differ"


@pytest.mark.parametrize(
    ("query", "listed"),
    [("Tariq Danaei Kenarsari", "Ali DANAEI KENARSARI"), ("Huda Shakeri", "Mohammad SHAKERI"),
     ("Karim Hamdan", "Kazim HAMDAN"), ("Oleg Onopko", "Igor ONOPKO")],
)  # fmt: skip
def test_two_given_names_of_the_tables_beside_one_surname_are_two_people(
    query: str, listed: str
) -> None:
    assert any(p.startswith(GIVEN_NAMES_DIFFER) for p in _penalties(query, listed))


@pytest.mark.parametrize(
    ("query", "listed"),
    [("Danaei Kenarsari", "Ali DANAEI KENARSARI"),  # a given name left out contradicts none
     ("Ali Danaei", "Ali Reza DANAEI"),  # a second given name left out
     ("Hossein Danaei", "Husayn DANAEI"),  # one name in two spellings
     ("Tariq Zavarse", "Pedro ZAVARSE"),  # Pedro is in no table: nothing is known of it
     ("Ma Isela Chavez", "Maria Isela CHAVEZ")]  # Ma.: María's short form, not Maya
)  # fmt: skip
def test_a_given_name_left_out_or_unknown_is_no_other_person(query: str, listed: str) -> None:
    assert not any(p.startswith(GIVEN_NAMES_DIFFER) for p in _penalties(query, listed))


def test_other_given_names_concern_people_only() -> None:
    assert not any(
        p.startswith(GIVEN_NAMES_DIFFER)
        for p in _penalties("Tariq Trading", "Ali TRADING", "Organization")
    )
