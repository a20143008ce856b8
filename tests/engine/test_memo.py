"""The bounded memo forgets gradually, keeps what is in use, and never changes a result."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screening.index import NameIndex
from screening.memo import Memo
from screening.model import Entity
from screening.names import parse_name


def test_an_entry_is_remembered_until_a_whole_generation_passes_without_it() -> None:
    memo: Memo[str, int] = Memo(2)
    memo.put("a", 1)
    memo.put("b", 2)
    memo.put("c", 3)  # the young generation was full: ``a`` and ``b`` are now old
    assert memo.turnovers == 1
    assert memo.get("a") == 1  # old, found, and young again
    memo.put("d", 4)  # retires ``c`` and ``a``: ``b`` goes, unused for a generation
    assert memo.get("b") is None
    assert memo.get("a") == 1
    assert memo.get("c") == 3


def test_an_entry_in_use_survives_every_turnover() -> None:
    memo: Memo[str, int] = Memo(10)
    memo.put("common", 0)
    for number in range(1_000):
        memo.put(f"rare {number}", number)
        assert memo.get("common") == 0
    assert memo.turnovers > 50
    assert memo.get("rare 0") is None  # a word seen once is forgotten in time


def test_sizes_count_against_the_limit() -> None:
    memo: Memo[str, list[int]] = Memo(10)
    memo.put("big", list(range(8)), size=8)
    memo.put("bigger", list(range(5)), size=5)  # 13 > 10: ``big`` is retired
    assert memo.turnovers == 1
    assert memo.get("big") == list(range(8))  # back, still counted as 8
    assert memo.turnovers == 2


def test_a_memo_holds_at_least_one_entry() -> None:
    with pytest.raises(ValueError, match="at least one"):
        Memo(0)


@settings(deadline=None)  # timing is not what this tests
@given(
    limit=st.integers(min_value=1, max_value=8),
    steps=st.lists(st.tuples(st.booleans(), st.integers(0, 20)), max_size=200),
)
def test_it_holds_at_most_two_generations_and_only_true_values(
    limit: int, steps: list[tuple[bool, int]]
) -> None:
    memo: Memo[int, int] = Memo(limit)
    for is_put, key in steps:
        if is_put and memo.get(key) is None:
            memo.put(key, key * key)
        else:
            found = memo.get(key)
            assert found is None or found == key * key
        assert len(memo) <= 2 * limit


def _index() -> NameIndex:
    names = ["Ivan Petrov", "Ivan Petrenko", "Mohammad Rahimi", "Muhammad Rahimi", "OOO Vektor"]
    entities = [
        Entity(id=f"e{i}", schema="Person" if i < 4 else "Organization", names=[name])
        for i, name in enumerate(names)
    ]
    return NameIndex.build(entities)


def test_retrieval_is_the_same_from_a_memo_that_keeps_nothing_for_long() -> None:
    roomy, tiny = _index(), _index()
    tiny._similar, tiny._key_weights, tiny._matches = Memo(1), Memo(1), Memo(1)
    queries = ["Ivan Petrov", "Iwan Petroff", "Mohamed Rahimy", "Vektor", "Ivan Petrov"] * 3
    for text in queries:
        query = parse_name(text)
        assert tiny.candidates(query, 10) == roomy.candidates(query, 10)
    assert tiny._similar.turnovers > 0 and tiny._matches.turnovers > 0


@pytest.mark.parametrize(
    ("before", "query"),
    [("Hou Jie", "Hu Yong"), ("Hu Jie", "Hou Yong")],  # one key, other Chinese readings
)
def test_a_word_is_not_answered_with_the_matches_of_another_word_of_its_key(
    before: str, query: str
) -> None:
    def index() -> NameIndex:
        names = ["Yong Ho O", "Hou Jie", "Hu Jie", "Li Yong"]
        return NameIndex.build(
            [Entity(id=f"e{i}", schema="Person", names=[n]) for i, n in enumerate(names)]
        )

    fresh, used = index(), index()
    used.candidates(parse_name(before), 10)
    assert used.candidates(parse_name(query), 10) == fresh.candidates(parse_name(query), 10)
