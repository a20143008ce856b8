"""A title weighs nothing in a name's score, and is never a misspelt name.

A title (Mr, Sheikh, Mullah, Qari) names a rank, not the person, and lists mostly leave
titles out, some keep them: on one side only or on both it counts neither for nor against
the match (``ScoringWeights.title_weight``), so that a listed name that keeps the title is
not ranked below one that drops it; among names that score alike, the one written like the
query comes first. A title is compared with another word by its spelling or a
romanisation rule, never as a typo: ``Mullah`` a letter off ``MULLAN`` is a rank beside a
family name, not a misspelling of it.

Each rule is tested both ways.
"""

from __future__ import annotations

import pytest

from screening.model import Entity
from screening.names import parse_name
from screening.scoring.tokens import compare_tokens
from screening.screener import Screener

LISTED = [
    Entity(id="plain", schema="Person", names=["Yusuf TAHIRI"]),
    Entity(id="titled", schema="Person", names=["Sheikh Yusuf TAHIRI"]),
    Entity(id="other", schema="Person", names=["Yusuf KARIMI"]),
    Entity(id="mullan", schema="Person", names=["Idris Hamid MULLAN"]),
    Entity(id="idris", schema="Person", names=["Idris HAMID"]),
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener.from_entities(LISTED)


def scores(screener: Screener, name: str) -> dict[str, float]:
    hits = screener.screen(name, schema="Person", threshold=0.0, limit=10).hits
    return {hit.entity_id: hit.score for hit in hits}


def ranking(screener: Screener, name: str) -> list[str]:
    hits = screener.screen(name, schema="Person", threshold=0.0, limit=10).hits
    return [hit.entity_id for hit in hits]


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Sheikh Yusuf TAHIRI", "plain"),  # the query's title, left out by the list
        ("Yusuf TAHIRI", "titled"),  # the list's title, left out by the query
        ("Mullah Yusuf TAHIRI", "titled"),  # two titles, one left out on each side
    ],
)
def test_a_title_left_out_on_one_side_costs_nothing(
    screener: Screener, query: str, entity: str
) -> None:
    assert scores(screener, query)[entity] == scores(screener, "Yusuf TAHIRI")["plain"]


def test_a_title_does_not_lift_another_name(screener: Screener) -> None:
    # The title is neutral, not evidence: the other family name still counts in full.
    with_title = scores(screener, "Sheikh Yusuf KARIMI")
    assert with_title["other"] > with_title["plain"]
    assert with_title["plain"] == scores(screener, "Yusuf KARIMI")["plain"]


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("Shaikh Yusuf TAHIRI", "titled"),  # the listed name that keeps the title is closer
        ("Yusuf TAHIRI", "plain"),  # and the one without it, for a query without one
    ],
)
def test_equal_names_rank_the_one_written_like_the_query_first(
    screener: Screener, query: str, first: str
) -> None:
    assert ranking(screener, query)[0] == first


def test_a_title_is_no_typo_of_a_name() -> None:
    title = parse_name("Mullah Yusuf TAHIRI", "Person").tokens[0]
    family_name = parse_name("Idris Hamid MULLAN", "Person").tokens[2]
    assert compare_tokens(title, family_name).rule == "unmatched"


def test_a_title_is_no_typo_of_another_title() -> None:
    query = parse_name("Shaikh Yusuf TAHIRI", "Person").tokens[0]
    listed = parse_name("Sheikh Yusuf TAHIRI", "Person").tokens[0]
    assert compare_tokens(query, listed).rule == "unmatched"
    assert compare_tokens(query, query).rule == "exact"


def test_a_name_a_letter_off_is_still_a_typo() -> None:
    # The same word as a family name, not a title: a letter off is a typo.
    word = parse_name("Idris Hamid MULLAH", "Person").tokens[2]
    family_name = parse_name("Idris Hamid MULLAN", "Person").tokens[2]
    assert compare_tokens(word, family_name).rule == "typo"


def test_a_title_does_not_rank_a_name_it_resembles_first(screener: Screener) -> None:
    # ``Mullah`` is the rank of ``Idris HAMID``, not the ``MULLAN`` of another listing.
    assert ranking(screener, "Mullah Idris HAMID")[0] == "idris"
