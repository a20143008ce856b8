"""A name written with a hyphen (``Mohammad-Ali``, ``Jean-Pierre``) is one name.

One half of it matched alone is another name (``Ali`` is not ``Mohammad-Ali``, as
``Pierre`` is not ``Jean-Pierre``); both halves, hyphenated, spaced or joined, are the name.
"""

from __future__ import annotations

import pytest

from screening.model import Entity
from screening.screener import Screener
from screening.settings import DEFAULT_THRESHOLD

LISTED = {
    "kermani": "Mohammad-Ali KERMANI",
    "sharifi": "Mohammad SHARIFI",
    "naqdi": "Mohammad-Reza NAQDI",
    "dupont": "Jean-Pierre DUPONT",
    "shammari": "Abd al-Rahman AL-SHAMMARI",
    "radan": "Ahmad-Reza RADAN",
    "mozafari": "Abolqasem MOZAFARI-SHAMS",
}


@pytest.fixture(scope="module")
def screener() -> Screener:
    entities = [
        Entity.model_validate({"id": key, "schema": "Person", "names": [name]})
        for key, name in LISTED.items()
    ]
    return Screener.from_entities(entities, source="test")


def _hit(screener: Screener, query: str, entity: str) -> tuple[float, list[str], list[str]]:
    result = screener.screen(query, threshold=0.0, limit=10)
    hit = next(h for h in result.hits if h.entity_id == entity)
    return hit.score, [t.rule for t in hit.explanation.tokens], hit.explanation.penalties


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Ali Kermani", "kermani"),  # the second half alone
        ("Reza Naqdi", "naqdi"),
        ("Mohammad Naqdi", "naqdi"),  # the first half alone
        ("Pierre Dupont", "dupont"),
        ("Sharifi Mohammad-Ali", "sharifi"),  # the query's compound against one name
        ("Mohammad-Reza Kermani", "kermani"),  # the other compound of the same first half
    ],
)
def test_half_of_a_hyphenated_name_is_another_name(
    screener: Screener, query: str, entity: str
) -> None:
    score, rules, penalties = _hit(screener, query, entity)
    assert score < DEFAULT_THRESHOLD
    assert "compound_name_half" in rules
    assert "half of a hyphenated name matched alone: another name" in penalties


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Mohammad-Ali Kermani", "kermani"),
        ("Mohammad Ali Kermani", "kermani"),  # spaced
        ("Mohammadali Kermani", "kermani"),  # joined
        ("Muhammad-Ali Kirmani", "kermani"),  # another romanisation of both halves
        ("Jean Pierre Dupont", "dupont"),
        ("Abdul Rahman al-Shammari", "shammari"),  # an article's hyphen joins no two names
        ("Abolqasem MOZAFARI", "mozafari"),  # a double surname in capitals, half left out
    ],
)
def test_the_whole_hyphenated_name_still_matches(
    screener: Screener, query: str, entity: str
) -> None:
    score, rules, _ = _hit(screener, query, entity)
    assert score >= DEFAULT_THRESHOLD
    assert "compound_name_half" not in rules


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Abd al-Rahman AI-SHAMMARI", "shammari"),  # the article misread: two letters, no name
        ("A. Radan", "radan"),  # a compound's initial is its first letter
    ],
)
def test_no_compound_rule_for_articles_and_initials(
    screener: Screener, query: str, entity: str
) -> None:
    _, rules, penalties = _hit(screener, query, entity)
    assert "compound_name_half" not in rules
    assert not any("hyphenated" in p for p in penalties)
