"""Fingerprints are canonical (order, case, spacing and invisible characters do not count)
and sensitive (every field the issue names does count), and stay the same across releases."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from screening.decisions import customer_fingerprint, listing_fingerprint
from screening.decisions.fingerprints import _digest, _digest_texts
from screening.model import Entity

BASE: dict[str, Any] = {
    "id": "e1",
    "schema": "Person",
    "names": ["Ivan PETROV", "Ivan Ivanovich PETROV"],
    "weak_names": ["Vanya"],
    "birth_dates": ["1961-03-02", "1962"],
    "countries": ["RU", "BY"],
    "programs": ["RUSSIA-EO14024"],
    "remarks": "a remark",
}


def entity(**changes: Any) -> Entity:
    return Entity.model_validate({**BASE, **changes})


def test_listing_fingerprint_is_stable_across_releases() -> None:
    # Stored decisions compare against this value: changing the recipe must change
    # LISTING_RECIPE, never silently this digest.
    assert listing_fingerprint(entity()) == (
        "6386cc08bd633a900b5452935f8db59bf9dcafc3c740e5a6ccd6eaabc7c5c395"
    )


@pytest.mark.parametrize(
    "changes",
    [
        {"names": ["Ivan Ivanovich PETROV", "Ivan PETROV"]},
        {"names": ["ivan   petrov", "IVAN IVANOVICH PETROV", "Ivan PETROV"]},
        {"names": ["Ivan PETROV", "Ivan Ivanovich\u200b PETROV"]},
        {"birth_dates": ["1962", "1961-03-02"]},
        {"countries": ["BY", "RU", "RU"]},
        {"remarks": "another remark"},
        {"source": "somewhere"},
    ],
)
def test_listing_fingerprint_ignores_what_does_not_designate(changes: dict[str, Any]) -> None:
    assert listing_fingerprint(entity(**changes)) == listing_fingerprint(entity())


@pytest.mark.parametrize(
    "changes",
    [
        {"names": ["Ivan PETROV", "Ivan Ivanovich PETROV", "Ivan PETROFF"]},
        {"names": ["Ivan PETROV"]},
        {"weak_names": ["Vanya", "Vanka"]},
        {"weak_names": []},
        {"birth_dates": ["1961-03-02"]},
        {"birth_dates": ["1961-03-02", "1962", "1963"]},
        {"countries": ["RU"]},
        {"programs": ["RUSSIA-EO14024", "UKRAINE-EO13660"]},
        {"schema": "Organization"},
        {"id": "e2"},
    ],
)
def test_listing_fingerprint_changes_with_the_listing(changes: dict[str, Any]) -> None:
    assert listing_fingerprint(entity(**changes)) != listing_fingerprint(entity())


def test_customer_fingerprint_ignores_case_spacing_and_invisibles() -> None:
    base = customer_fingerprint("Ivan Petrov", "Person", "1990-05-01", "RU")
    assert customer_fingerprint("  IVAN  petrov ", "person", "1990-05-01", "ru") == base
    assert customer_fingerprint("Iv\u200ban Petrov", "Person", "1990-05-01", "RU") == base


@pytest.mark.parametrize(
    "other",
    [
        ("Ivan Petrov Jr", "Person", "1990-05-01", "RU"),
        ("Ivan Petrov", None, "1990-05-01", "RU"),
        ("Ivan Petrov", "Person", "1990-05-02", "RU"),
        ("Ivan Petrov", "Person", None, "RU"),
        ("Ivan Petrov", "Person", "1990-05-01", "UA"),
        ("Ivan Petrov", "Person", "1990-05-01", None),
    ],
)
def test_customer_fingerprint_changes_with_the_data(other: tuple[str, ...]) -> None:
    assert customer_fingerprint(*other) != customer_fingerprint(
        "Ivan Petrov", "Person", "1990-05-01", "RU"
    )


def test_fields_do_not_run_into_each_other() -> None:
    assert customer_fingerprint("Ivan", None, "1990") != customer_fingerprint("Ivan", "1990")


def test_customer_fingerprint_is_stable_across_releases() -> None:
    # Monitoring state and decisions hold these values (digests of the recipe as first made).
    assert customer_fingerprint("Ivan Petrov", "Person", "1990-05-01", "RU") == (
        "bdd00545da6ac8b529a73714f36a8f275da2d45fac42764a0dc2c633af2538f1"
    )
    assert customer_fingerprint('Лейла "Ali" \\ Hasan\x01') == (
        "8483e1a6d15da60f6a3cca50db6c9494364ee8bb555ceee9230a5bc0c474b3de"
    )


@given(st.lists(st.text(), max_size=5))
def test_texts_are_digested_as_json_writes_them(parts: list[str]) -> None:
    assert _digest_texts(parts) == _digest(list(parts))
