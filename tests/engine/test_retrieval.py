"""screening.index: which list names retrieval puts forward, and in what order."""

from __future__ import annotations

import pytest

from screening.index import NameIndex
from screening.model import Entity
from screening.names import parse_name
from screening.weights import DEFAULT_WEIGHTS

PERSON, ORG = "Person", "Organization"


def _retrieved(entities: list[Entity], query: str, schema: str, limit: int = 20) -> list[str]:
    index = NameIndex.build(entities)
    found = index.candidates(parse_name(query, schema), limit)
    return [index.entities[index.names[number].entity].id for number, _ in found]


@pytest.mark.parametrize(
    ("listed", "query"),
    [
        # two letters swapped where the key rules read them as one sound (ts = c)
        ("ROSTOVSKAYA", "ROTSOVSKAYA"),
        # a listed word of three letters, one letter from the query word
        ("ZUM", "ZUMA"),
    ],
)
def test_a_misspelt_word_alone_still_finds_its_name(listed: str, query: str) -> None:
    filler = [Entity(id=f"f{n}", schema=ORG, names=[f"FILLER {n}"]) for n in range(5)]
    assert "t" in _retrieved([*filler, Entity(id="t", schema=ORG, names=[listed])], query, ORG)


def test_the_name_holding_every_query_word_comes_before_look_alikes() -> None:
    # ``SALEHI`` and ``SALEH`` are two names (a shared stem is for a place and its
    # adjective), and the listed middle name the query leaves out costs only half.
    entities = [
        Entity(id="look-alike", schema=PERSON, names=["AL-SALEH"]),
        Entity(id="other", schema=PERSON, names=["Karim Saleh AL-ALI"]),
        Entity(id="exact", schema=PERSON, names=["Karim Yusuf AL-SALEHI"]),
        *(Entity(id=f"f{n}", schema=PERSON, names=[f"Karim FILLER{n}"]) for n in range(20)),
    ]
    assert _retrieved(entities, "Karim AL-SALEHI", PERSON, limit=1) == ["exact"]


@pytest.mark.parametrize(
    ("weights", "skipped"),
    [
        ([2.0, 9.0, 9.0], {0}),  # a common word under a quarter of the query: not looked up
        ([5.9, 9.0, 9.0], set()),  # a rare one is, even under a quarter
        ([2.0, 2.0, 9.0], {0}),
        ([9.0], set()),  # never the heaviest word
    ],
)
def test_only_common_light_words_are_skipped(weights: list[float], skipped: set[int]) -> None:
    assert NameIndex._skippable(weights) == skipped


@pytest.mark.parametrize(
    ("listed", "query", "found"),
    [
        # a word, an article and a word written as one in the list
        ("Adbelbasit HAMZA", "Adb al-Basit", True),
        ("Adbelbasit HAMZA", "Adb al-Rashid", False),  # another compound of the same head
        # a compound name written in two parts in the list, as one word in the query
        ("Zebih Ullah VAHAP", "Zabihullah", True),
        ("Zebih Ullah VAHAP", "Habibullah", False),
        # the article glued to the next word in the query, spaced in the list
        ("Abderrahmane AL MAGHRIBI", "ALMAGHRIBI", True),
        ("Abderrahmane AL MAGHRIBI", "ALMAGHRAWI", False),
    ],
)
def test_arabic_words_written_as_one_find_their_name(
    listed: str, query: str, found: bool
) -> None:
    """Only through the Arabic keys of the words run together: no word of the query
    is, or is one edit from, a word of the listed name."""
    entities = [Entity(id="t", schema=PERSON, names=[listed])]
    assert ("t" in _retrieved(entities, query, PERSON)) is found


def test_one_entity_spelt_many_ways_leaves_room_for_others() -> None:
    spellings = ["Abd al-Wahab", "Abdul Wahab", "Abdel Wahab", "Abdulwahab", "Abd-al-Wahhab"]
    entities = [
        Entity(id="many", schema=PERSON, names=[f"{s} AL-HUMAYQANI" for s in spellings]),
        Entity(id="other", schema=PERSON, names=["Abdul Wahab KOCAK"]),
    ]
    query = "Abdul Wahab AL-HUMAYQANI"
    assert _retrieved(entities, query, PERSON, limit=3) == ["many", "many", "other"]
    crowded = NameIndex.build(entities, DEFAULT_WEIGHTS.model_copy(update={"names_per_entity": 9}))
    found = crowded.candidates(parse_name(query, PERSON), 3)
    assert [crowded.entities[crowded.names[n].entity].id for n, _ in found] == ["many"] * 3
