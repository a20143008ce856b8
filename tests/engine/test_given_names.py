"""screening.given_names: one given name across Russian, Ukrainian and Belarusian, and a
Hebrew given name across its romanisations."""

from __future__ import annotations

import pytest

from screening.given_names import given_name_of, patronymic_of
from screening.model import Entity
from screening.names import parse_name
from screening.scoring import compare_tokens
from screening.screener import Screener
from screening.settings import DEFAULT_THRESHOLD
from screening.translit import ascii_fold, token_key


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
     ("Tzipora", "Tsipora"), ("Menachem", "Menahem"), ("Devorah", "Dvora")],
)  # fmt: skip
def test_romanisations_of_one_hebrew_given_name_are_one_name(a: str, b: str) -> None:
    assert given_name_of(key(a)) is not None
    assert _compare(a, b) == ("given_name", 0.9) or _compare(a, b)[0] == "transliteration"


@pytest.mark.parametrize(
    ("a", "b"),
    [("Tal", "Gal"), ("Ido", "Idan"), ("Amit", "Amir"), ("Omer", "Omri"), ("Noa", "Noam"),
     ("Aleksandr", "Aleksandra"), ("Oleg", "Olga")],
)  # fmt: skip
def test_two_given_names_of_the_tables_never_match_as_a_typo(a: str, b: str) -> None:
    assert given_name_of(key(a)) not in (None, given_name_of(key(b)))
    assert _compare(a, b)[0] == "unmatched"
    assert _compare(b, a)[0] == "unmatched"


def test_a_surname_in_the_other_gender_is_still_a_possible_relative() -> None:
    assert _compare("Ivanova", "Ivanov")[0] == "gender_variant"
    assert _compare("Amirova", "Amirov")[0] == "gender_variant"  # a surname of a given name
