"""screening.index: which list names retrieval puts forward, and in what order."""

from __future__ import annotations

import pytest

from screening.index import NameIndex
from screening.model import Entity
from screening.names import parse_name

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
