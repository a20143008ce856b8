"""Spanish and Portuguese double surnames: a listed name that ends in two surnames in
capitals still hits when the query leaves one of them out (``screening.names.double_surname``)."""

from __future__ import annotations

import pytest

from screening.model import Entity
from screening.names import double_surname, parse_name
from screening.screener import Screener


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener.from_entities(
        [
            Entity(id="guzman", schema="Person", names=["Joaquin Archivaldo GUZMAN LOERA"]),
            Entity(id="garcia", schema="Person", names=["Luis Alberto GARCIA Y MENDEZ"]),
            Entity(id="petrov", schema="Person", names=["Ivan Sergeyevich PETROV"]),
        ]
    )


@pytest.mark.parametrize(
    ("name", "surnames"),
    [
        ("Joaquin Archivaldo GUZMAN LOERA", ("GUZMAN", "LOERA")),
        ("Luis Alberto GARCIA Y MENDEZ", ("GARCIA", "MENDEZ")),  # ``y``: and
        ("Ana DE LA FUENTE SILVA", ("FUENTE", "SILVA")),
        ("Ivan Sergeyevich PETROV", None),  # one surname
        ("JOAQUIN GUZMAN LOERA", None),  # all capitals: no surname shown
        ("Joaquin Guzman Loera", None),  # no capitals: neither
        ("GUZMAN LOERA", None),  # no given name
        ("Joaquin GUZMAN LOERA Jr", None),  # the name does not end in them
    ],
)
def test_two_surnames_in_capitals_after_a_given_name(
    name: str, surnames: tuple[str, str] | None
) -> None:
    parsed = parse_name(name, "Person")
    found = double_surname(parsed)
    assert (found and tuple(parsed.tokens[j].text for j in found)) == (surnames and surnames)


@pytest.mark.parametrize(
    "query",
    [
        "Joaquin Guzman",  # the mother's surname left out
        "Joaquin Loera",  # the father's
        "Joaquín Archivaldo GUZMÁN LOERA",
        "Guzman Loera, Joaquin",
        "J. Guzmán Loera",
        "Joaquin Guzman y Loera",
        "Luis Alberto Garcia",
        "Luis Garcia Mendez",
    ],
)
def test_a_name_with_one_or_both_surnames_hits(screener: Screener, query: str) -> None:
    hits = screener.screen(query, schema="Person").hits
    assert hits and hits[0].entity_id in {"guzman", "garcia"}


def test_the_second_surname_left_out_is_named_and_costs_something(screener: Screener) -> None:
    (hit,) = screener.screen("Joaquin Guzman", schema="Person").hits
    assert "second surname 'LOERA' missing in query (often left out)" in hit.explanation.penalties
    full = screener.screen("Joaquin Archivaldo Guzman Loera", schema="Person").hits[0]
    assert hit.score < full.score


@pytest.mark.parametrize(
    "query",
    [
        "Pedro Guzman",  # another given name
        "Joaquin Mendez",
        "Alberto Loera",
        "Sergey Petrov",
    ],
)
def test_a_surname_alone_with_another_given_name_does_not_hit(
    screener: Screener, query: str
) -> None:
    assert screener.screen(query, schema="Person").hits == []
