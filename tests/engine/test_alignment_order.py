"""``align`` makes the options of words written as one only where they may still count.

The pairs of two words worth at least ``most_joined`` are taken first; the options of
two words written as one, Arabic compounds and acronyms are made afterwards, only on
positions still free. These tests hold the alignment equal to greedy best-first over
every option made (hypothesis-made names under default and changed weights, samples of
both development sets), and no such option above ``most_joined``.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from screening import Screener
from screening.index import NameIndex
from screening.model import Entity
from screening.names import ParsedName, parse_name
from screening.scoring.alignment import (
    Pair,
    QueryContext,
    _joined_options,
    _Option,
    _take,
    _word_options,
    align,
)
from screening.weights import ScoringWeights

PROPERTY = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
PERSON, ORG = "Person", "Organization"
# Words that make every kind of option: exact and transliterated words, words written
# as one (Gazpromneft, Jongun, Abdurrahman), Arabic articles, acronyms and syllable
# acronyms, initials, given names in other forms.
PERSON_WORDS = ["Abd", "al-Rahman", "Abdurrahman", "Abdul", "Rahman", "bin", "Laden",
                "Usama", "Osama", "Muhammad", "Mohammed", "Kim", "Jong", "Un", "Jongun",
                "Ivan", "Iwan", "Иван", "Petrov", "A.", "van", "der", "Bilt", "Vanderbilt",
                "al-Safi", "Alsafi", "Nur", "ud-Din", "Nuruddin"]  # fmt: skip
ORG_WORDS = ["Gazprom", "Neft", "Gazpromneft", "Gazovaya", "Promyshlennost", "Bank",
             "Finance", "Credit", "Institute", "FCI", "Zheleznye", "Dorogi", "OOO",
             "Moskovsky", "Kreditny", "MKB"]  # fmt: skip
WEIGHTS = {
    "default": ScoringWeights(),
    # Rules worth more: ``most_joined`` rises above a transliteration's similarity.
    "rules changed": ScoringWeights(compound=0.99, glossary=0.98, acronym=0.97),
}


def _entities() -> list[Entity]:
    people = ["Abd al-Rahman bin LADEN", "Usama bin Muhammad BIN LADIN", "KIM Jong Un",
              "Abdurrahman Nur ud-Din", "Ivan PETROV", "Jan van der BILT",
              "Muhammad ALSAFI", "Abdul Rahman AL-SAFI"]  # fmt: skip
    orgs = ["Gazprom Neft", "Gazovaya Promyshlennost", "Finance and Credit Institute",
            "FCI Bank", "Zheleznye Dorogi OOO", "Moskovsky Kreditny Bank"]  # fmt: skip
    return [
        *(Entity(id=f"p{n}", schema=PERSON, names=[name]) for n, name in enumerate(people)),
        *(Entity(id=f"o{n}", schema=ORG, names=[name]) for n, name in enumerate(orgs)),
    ]


@functools.cache
def _index(weights: str) -> NameIndex:
    return NameIndex.build(_entities(), WEIGHTS[weights])


def _every_option(context: QueryContext, listed: ParsedName) -> list[_Option]:
    options = _word_options(context, listed)
    _joined_options(context, listed, options, set(), set())
    return options


def _greedy_over_every_option(
    context: QueryContext, listed: ParsedName
) -> tuple[list[Pair], set[int], set[int]]:
    """The alignment as first written: every option made, then taken best first."""
    pairs: list[Pair] = []
    used_q: set[int] = set()
    used_l: set[int] = set()
    for option in sorted(_every_option(context, listed)):
        _take(option, pairs, used_q, used_l)
    return pairs, used_q, used_l


def _check(index: NameIndex, query: str, schema: str | None) -> None:
    context = QueryContext(index, parse_name(query, schema))
    words = len(context.parsed.words)
    for indexed in index.names:
        assert align(context, indexed.parsed) == _greedy_over_every_option(
            context, indexed.parsed
        ), (query, indexed.text)
        joined = _every_option(context, indexed.parsed)
        made_by_words = len(_word_options(context, indexed.parsed))
        assert words == 0 or all(
            -option[0] <= context.most_joined for option in joined[made_by_words:]
        ), (query, indexed.text)


@PROPERTY
@given(
    words=st.lists(st.sampled_from(PERSON_WORDS), min_size=1, max_size=4),
    weights=st.sampled_from(sorted(WEIGHTS)),
)
def test_a_persons_alignment_is_greedy_over_every_option(words: list[str], weights: str) -> None:
    _check(_index(weights), " ".join(words), PERSON)


@PROPERTY
@given(
    words=st.lists(st.sampled_from(ORG_WORDS), min_size=1, max_size=4),
    weights=st.sampled_from(sorted(WEIGHTS)),
)
def test_an_organisations_alignment_is_greedy_over_every_option(
    words: list[str], weights: str
) -> None:
    _check(_index(weights), " ".join(words), ORG)


def test_joined_options_are_made_only_on_free_positions() -> None:
    index = _index("default")
    context = QueryContext(index, parse_name("Gazpromneft", ORG))
    listed = parse_name("Gazprom Neft", ORG)
    options: list[_Option] = []
    _joined_options(context, listed, options, set(), set())
    assert [option[4].rule for option in options] == ["compound"]
    taken: list[_Option] = []
    _joined_options(context, listed, taken, set(), {0})
    assert taken == []


def test_the_word_pairs_above_most_joined_are_taken_first() -> None:
    # The exact pair takes ``Rahman``, so the query's ``Abdurrahman`` as the listed
    # ``Abdul`` + ``Rahman`` is not made: greedy would pass it over.
    index = _index("default")
    context = QueryContext(index, parse_name("Abdurrahman Rahman", PERSON))
    listed = parse_name("Abdul Rahman", PERSON)
    pairs, _, _ = align(context, listed)
    first = pairs[0]
    assert (first.query, first.listed, first.similarity.rule) == ((1,), (1,), "exact")
    assert align(context, listed) == _greedy_over_every_option(context, listed)


SETS = {
    "dev": ("list.jsonl", "queries_dev.jsonl"),
    "aliases": ("aliases/list.jsonl", "aliases/queries.jsonl"),
}


@pytest.mark.parametrize("which", sorted(SETS))
def test_on_the_development_sets_the_alignment_is_greedy_over_every_option(
    which: str, shared_dir: Path
) -> None:
    """Every candidate of a spread sample of each set's queries."""
    list_name, queries_name = SETS[which]
    index = Screener.from_lists(shared_dir / "eval" / list_name).index
    lines = (shared_dir / "eval" / queries_name).read_text(encoding="utf-8").splitlines()
    for line in lines[:: len(lines) // 150]:
        query = json.loads(line)
        parsed = parse_name(query["name"], query.get("schema"))
        context = QueryContext(index, parsed)
        for number, _ in index.candidates(parsed, 20):
            listed = index.names[number].parsed
            assert align(context, listed) == _greedy_over_every_option(context, listed), (
                query["name"],
                index.names[number].text,
            )
            options = _every_option(context, listed)
            made_by_words = len(_word_options(context, listed))
            assert all(-option[0] <= context.most_joined for option in options[made_by_words:])
