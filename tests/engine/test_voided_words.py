"""An explanation names the rule by which a near word did not count: a query word left
unmatched beside a list word a typo or a variant away shows ``voided_by`` and the near
word in its ``detail``; a word that matched, or has no near word, shows none."""

from __future__ import annotations

import pytest

from screening.given_names import patronymic_and_name_of_one_root
from screening.model import Entity, Hit, VoidRule
from screening.screener import Screener

ENTITIES = [
    ("bahram", "Bahram HOSEINI"),
    ("amit", "Amit COHEN"),
    ("mullah", "Mullah Nasim AKHUND"),
    ("cuiying", "Cuiying ZHANG"),
    ("sato", "Yuki SATO"),
    ("rustam", "Rustam KARIMOV"),
    ("rostom", "Rostom ALIEV"),
    ("kostenko", "Natalya Vasilievna KOSTENKO"),
    ("rodnina", "Irina Konstantinovna RODNINA"),
    ("abu_khalid", "Abu KHALID"),
]
SCREENER = Screener.from_entities(
    [Entity(id=key, schema="Person", names=[name]) for key, name in ENTITIES]
)


def hit_of(query: str, entity: str) -> Hit:
    hits = SCREENER.screen(query, threshold=0.0).hits
    return next(hit for hit in hits if hit.entity_id == entity)


# query, entity, query word, the rule that voided it, the near list word
VOIDED: list[tuple[str, str, str, VoidRule, str]] = [
    # Bahram is another name than Shahram: another opening consonant
    ("Shahram Hoseini", "bahram", "Shahram", "other_opening_consonant", "Bahram"),
    # Amir and Amit: two given names one letter apart
    ("Amir Cohen", "amit", "Amir", "other_given_name", "Amit"),
    # a title is no misspelt name
    ("Mullan Nasim Akhund", "mullah", "Mullan", "title_not_a_name", "Mullah"),
    # a word read from Han letters: a letter off is another syllable
    ("张淑英", "cuiying", "淑英", "read_not_spelt", "Cuiying"),
    # two words of Japanese syllables
    ("Yuki Kato", "sato", "Kato", "other_japanese_word", "SATO"),
    # a query word that is itself a word of the lists: two edits make another name
    ("Rostom Karimov", "rustam", "Rostom", "other_known_word", "Rustam"),
    # a given name and a patronymic of one root: Vasilina is not Vasilievna
    ("Vasilina Kostenko", "kostenko", "Vasilina", "patronymic_not_name", "Vasilievna"),
    # a surname and a patronymic of one root: Konstantinova is not Konstantinovna
    ("Irina Konstantinova", "rodnina", "Konstantinova", "patronymic_not_name", "Konstantinovna"),
    # a kinship word (Abu: father of) is no misspelt name: Abbud is not Abu
    ("Khalid Abbud", "abu_khalid", "Abbud", "kinship_not_a_name", "Abu"),
]


@pytest.mark.parametrize(("query", "entity", "word", "rule", "near"), VOIDED)
def test_a_voided_near_word_names_its_rule(
    query: str, entity: str, word: str, rule: VoidRule, near: str
) -> None:
    row = next(t for t in hit_of(query, entity).explanation.tokens if t.query_token == word)
    assert (row.rule, row.list_token, row.similarity) == ("unmatched", None, 0.0)
    assert row.voided_by == rule
    assert row.detail.startswith(f"near {near} (")
    assert "does not count" in row.detail


@pytest.mark.parametrize(
    ("query", "entity", "word"),
    [
        ("Rustam Karimov", "rustam", "Rustam"),  # the same word: exact
        ("Amir Kohen", "amit", "Kohen"),  # a typo that counts
        ("Shahrom Hoseini", "bahram", "Hoseini"),  # Shahrom: the same opening, a typo
        ("Rustam Nazarov", "rustam", "Nazarov"),  # unmatched, no near word
        # a patronymic misread in its ending is still the patronymic (OCR ``i``/``l``, ``v``/``y``)
        ("Natalya Vasilievlch Kostenko", "kostenko", "Vasilievlch"),
        ("Irina Konstantinoyna Rodnina", "rodnina", "Konstantinoyna"),
        ("Abou Khalid", "abu_khalid", "Abou"),  # the kinship word in its French spelling
    ],
)
def test_a_word_that_counts_or_has_no_near_word_names_no_rule(
    query: str, entity: str, word: str
) -> None:
    row = next(t for t in hit_of(query, entity).explanation.tokens if t.query_token == word)
    assert row.voided_by is None
    assert "does not count" not in row.detail


def test_the_voiding_rule_survives_the_json_of_a_hit() -> None:
    hit = hit_of("Shahram Hoseini", "bahram")
    again = Hit.model_validate_json(hit.model_dump_json(by_alias=True))
    assert [t.voided_by for t in again.explanation.tokens] == [
        "other_opening_consonant",
        None,
    ]


@pytest.mark.parametrize(
    ("a", "b", "one_root"),
    [
        ("konstantinova", "konstantinovna", True),  # surname, patronymic
        ("viktorin", "viktorovich", True),  # given name, patronymic
        ("sergeevna", "sergeeva", True),
        ("ivanov", "ivanovich", True),
        ("petroyna", "petrovna", False),  # OCR's y for v: a misread patronymic
        ("borisovlch", "borisovich", False),  # OCR's l for i
        ("petrovich", "petrovych", False),  # two spellings of one patronymic
        ("ivanova", "petrovna", False),  # two roots
    ],
)
def test_patronymic_and_name_of_one_root(a: str, b: str, one_root: bool) -> None:
    assert patronymic_and_name_of_one_root(a, b) is one_root
    assert patronymic_and_name_of_one_root(b, a) is one_root
