"""screening.scoring.corroboration: an entity's other names support query words its best
name leaves out, and only those.

Relations, never exact values: the entity whose names together spell the query ranks above
one that matches as well by one name only; spellings of one name repeated add nothing.
"""

from __future__ import annotations

import pytest

from screening.model import Entity, Hit, Query
from screening.scoring import rank_hits
from screening.screener import Screener
from screening.settings import Settings
from screening.weights import ScoringWeights

P, ORG = "Person", "Organization"

LISTED = [
    # Two people listed under one name, one of them also under another.
    Entity(id="split", schema=P, names=["Abeni BABESTAN", "Oluwole OGUNGBUYI"]),
    Entity(id="one", schema=P, names=["Abeni BABESTAN"]),
    # One name under several spellings: no word beyond the best name's.
    Entity(id="spellings", schema=P, names=["Tawfik YOUNES", "Tawfiq YOUNIS", "Tawfik YUNES"]),
    # An acronym in one name, the words in another.
    Entity(id="institute", schema=ORG, names=["KURCHATOV INSTITUTE", "CRISM PROMETEY"]),
    Entity(id="kurchatov", schema=ORG, names=["KURCHATOV INSTITUTE"]),
    Entity(id="filler-1", schema=P, names=["Oluwole ADEYEMI"]),
    Entity(id="filler-2", schema=ORG, names=["PROMETEY SHIPPING"]),
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener.from_entities(LISTED)


def without_other_names() -> Screener:
    return Screener.from_entities(
        LISTED, settings=Settings(weights=ScoringWeights(other_names_share=0.0))
    )


def hits_of(screener: Screener, name: str) -> dict[str, Hit]:
    return {hit.entity_id: hit for hit in screener.screen(name, threshold=0.0, limit=20).hits}


def other_names(hit: Hit) -> list[str]:
    return [check.query_value for check in hit.explanation.evidence if check.kind == "other_names"]


# (query, the entity whose names together match it, the entity one of whose names matches
# about as well alone)
SPLIT_ACROSS_NAMES = [
    ("Oluwole Babestan", "split", "one"),
    ("Kurchatov Institute Prometey", "institute", "kurchatov"),
]


@pytest.mark.parametrize(("query", "entity", "rival"), SPLIT_ACROSS_NAMES)
def test_names_that_together_spell_the_query_rank_first(
    screener: Screener, query: str, entity: str, rival: str
) -> None:
    hits = hits_of(screener, query)
    assert hits[entity].score > hits[rival].score
    assert other_names(hits[entity]) != []
    assert other_names(hits[rival]) == []
    assert screener.screen(query, threshold=0.0).hits[0].entity_id == entity
    # Without the other names, the two are level.
    alone = hits_of(without_other_names(), query)
    assert alone[entity].score == alone[rival].score


def test_spellings_of_one_name_add_nothing(screener: Screener) -> None:
    hit = hits_of(screener, "Tawfik Younes Ali")["spellings"]
    assert other_names(hit) == []
    assert hit.score == hits_of(without_other_names(), "Tawfik Younes Ali")["spellings"].score


def test_the_other_names_never_make_a_name_score_more_than_it_could(
    screener: Screener,
) -> None:
    # Every query word matched by the best name: nothing left for the others to add.
    hit = hits_of(screener, "Abeni Babestan")["split"]
    assert other_names(hit) == []


def test_other_names_are_found_whatever_retrieval_reached(screener: Screener) -> None:
    query = Query(name="Oluwole Babestan", schema=P)
    index = screener.index
    fast = rank_hits(index, query, 0.0, 5, screener.settings)
    slow = {h.entity_id: h for h in rank_hits(index, query, 0.0, 5, screener.settings, True)}
    assert fast
    for hit in fast:
        assert hit.score == slow[hit.entity_id].score
        assert hit.explanation.evidence == slow[hit.entity_id].explanation.evidence
