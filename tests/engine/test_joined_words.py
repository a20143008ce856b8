"""Words joined or split at a boundary: particles in a row written as one with the word
after them (``van der Bilt`` / ``Vanderbilt``, ``de la Cruz`` / ``Delacruz``), both ways."""

from __future__ import annotations

import pytest

from screening.model import Entity
from screening.names import parse_name, particle_runs
from screening.screener import Screener


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener.from_entities(
        [
            Entity(id="vanderbilt", schema="Person", names=["Cornelius VANDERBILT"]),
            Entity(id="van-der-wal", schema="Person", names=["Pieter VAN DER WAL"]),
            Entity(id="de-la-cruz", schema="Person", names=["Juan DE LA CRUZ"]),
            Entity(id="dossantos", schema="Person", names=["Maria DOSSANTOS"]),
            Entity(id="van-den-berg", schema="Person", names=["Hendrik VAN DEN BERG"]),
        ]
    )


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Cornelius van der Bilt", "vanderbilt"),
        ("Cornelius Van Der Bilt", "vanderbilt"),
        ("Pieter Vanderwal", "van-der-wal"),
        ("Juan Delacruz", "de-la-cruz"),
        ("Maria dos Santos", "dossantos"),  # one particle: an adjacent pair
        ("Hendrik Vandenberg", "van-den-berg"),
    ],
)
def test_particles_and_their_word_written_as_one_hit(
    screener: Screener, query: str, entity: str
) -> None:
    result = screener.screen(query)
    assert [hit.entity_id for hit in result.hits][:1] == [entity]
    top = result.hits[0].explanation
    # Matched as a compound, or (a joined query word of three-letter list words, as in
    # this small list) read split into them.
    assert "compound" in {token.rule for token in top.tokens} or "run_together" in {
        step.kind for step in top.normalisation
    }


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Cornelius van der Berg", "vanderbilt"),  # other words after the same particles
        ("Pieter Vanderbilt", "van-der-wal"),
        ("Juan Delarosa", "de-la-cruz"),
        ("Hendrik Vandenbosch", "van-den-berg"),
    ],
)
def test_other_words_or_particles_do_not_hit(screener: Screener, query: str, entity: str) -> None:
    assert entity not in {hit.entity_id for hit in screener.screen(query).hits}


def test_particle_runs_are_found_before_a_word_only() -> None:
    tokens = parse_name("Juan de la Cruz van der", "Person").tokens
    assert particle_runs(tokens) == [(1, 3)]
    assert particle_runs(parse_name("Jose dos Santos", "Person").tokens) == []
