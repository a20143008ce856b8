"""The retrieval estimate stays above the score it stands for.

Retrieval ranks candidates by an estimate of their score and scores in full only the
promising ones; an estimate that falls below the score a name then gets loses hits. Both
read the same ``ScoringWeights``, and these properties would catch them drifting apart:
under the default weights and under weights where every rule similarity is changed.

Every query word is looked up here (``retrieval_skip_share=0``): skipping the lightest
words is a separate, documented approximation of retrieval.
"""

from __future__ import annotations

import functools

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from screening.index import NameIndex
from screening.model import Entity
from screening.names import parse_name
from screening.scoring.alignment import QueryContext, score_name
from screening.weights import ScoringWeights

PROPERTY = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
SURNAMES = ["Budnev", "Kozlov", "Sokolov", "Shchukin", "Khabarov", "Tsvetkov", "Gazaryan",
            "Lebedev", "Kovalenko", "Shevchenko", "Bondarenko", "Melnikov"]  # fmt: skip
# Each given name with forms a query may use instead: other romanisations, Cyrillic,
# the Ukrainian or Belarusian form of the name.
GIVEN = {
    "Aleksey": ["Alexei", "Aleksei", "Алексей"],
    "Vladimir": ["Volodymyr", "Uladzimir", "Wladimir"],
    "Sergey": ["Sergei", "Serhiy", "Сергей"],
    "Mikhail": ["Mykhailo", "Michail"],
    "Yuriy": ["Yuri", "Iurii", "Yury"],
}
PATRONYMICS = {
    "Vladimirovich": ["Volodymyrovych", "Vladimirovitch"],
    "Sergeyevich": ["Sergeevich", "Serhiyovych"],
}
ORGANISATIONS = {
    "Permskaya Strakhovaya Kompaniya": ["Perm", "Insurance", "Company", "Strakhovaya"],
    "Moskovsky Kreditny Bank": ["Moscow", "Credit", "Bank", "Moskovskiy"],
    "Gazprom Neft": ["Gazpromneft", "Gazprom", "Neft"],
    "Dalnevostochnoe Morskoe Parokhodstvo": ["Far Eastern", "Morskoe", "Parokhodstvo"],
}
WEIGHTS = {
    "default": ScoringWeights(retrieval_skip_share=0.0),
    "rules changed": ScoringWeights(
        retrieval_skip_share=0.0,
        transliteration=0.99,
        compound=0.99,
        given_name=0.97,
        stem=0.96,
        glossary=0.98,
        initial=0.9,
        unmatched_list_patronymic=0.1,
        middle_name_factor=0.3,
    ),
}


def _entities() -> list[Entity]:
    entities = []
    for n, surname in enumerate(SURNAMES):
        for m, given_name in enumerate(GIVEN):
            patronymic = list(PATRONYMICS)[(n + m) % 2] if (n + m) % 3 == 0 else ""
            name = " ".join(w for w in (given_name, patronymic, surname) if w)
            entities.append(Entity(id=f"p{n}-{m}", schema="Person", names=[name]))
    # Some people have a middle name, which scoring and the estimate both discount.
    for n, (first, middle) in enumerate(zip(GIVEN, list(GIVEN)[1:], strict=False)):
        name = f"{first} {middle} {SURNAMES[-1 - n]}"
        entities.append(Entity(id=f"m{n}", schema="Person", names=[name]))
    for n, name in enumerate(ORGANISATIONS):
        entities.append(Entity(id=f"o{n}", schema="Organization", names=[name]))
    return entities


ENTITIES = _entities()


@functools.cache
def _index(weights: str) -> NameIndex:
    return NameIndex.build(ENTITIES, WEIGHTS[weights])


def _estimates_and_scores(weights: str, query: str, schema: str) -> list[tuple[float, float]]:
    """Each candidate's retrieval estimate and the score it then gets."""
    index = _index(weights)
    parsed = parse_name(query, schema)
    context = QueryContext(index, parsed)
    found = []
    for number, estimate in index.candidates(parsed, index.size):
        indexed = index.names[number]
        schema_of = index.entities[indexed.entity].schema_
        found.append((estimate, score_name(context, indexed, schema_of).score))
    return found


@st.composite
def person_queries(draw: st.DrawFn) -> str:
    """A listed person's name: words in any order, some left out, each in any form."""
    return draw(person_queries_with_source())[0]


@st.composite
def person_queries_with_source(draw: st.DrawFn) -> tuple[str, str]:
    """A query as ``person_queries`` makes it, and the id of the entity it comes from."""
    entity = draw(st.sampled_from([e for e in ENTITIES if e.schema_ == "Person"]))
    words = entity.names[0].split()
    kept = draw(st.lists(st.sampled_from(words), min_size=1, max_size=len(words), unique=True))
    forms = [draw(st.sampled_from([w, *GIVEN.get(w, []), *PATRONYMICS.get(w, [])])) for w in kept]
    return " ".join(draw(st.permutations(forms))), entity.id


def _assert_near(weights: str, query: str, schema: str) -> None:
    """Ranking scores in full any candidate whose estimate reaches ``good_estimate`` of
    the threshold: so an estimate at least that share of the score never loses a hit."""
    share = WEIGHTS[weights].good_estimate
    for estimate, score in _estimates_and_scores(weights, query, schema):
        assert estimate >= share * score, (query, estimate, score)


@pytest.mark.parametrize("weights", list(WEIGHTS))
@PROPERTY
@given(query=person_queries())
def test_the_estimate_of_a_person_name_is_near_its_score(weights: str, query: str) -> None:
    _assert_near(weights, query, "Person")


@pytest.mark.parametrize("weights", list(WEIGHTS))
@PROPERTY
@given(data=st.data())
def test_the_estimate_of_the_name_a_query_was_made_from_bounds_its_score(
    weights: str, data: st.DataObject
) -> None:
    """Made of the name's words and rule variants of them, a query gets an estimate for
    that name no lower than its score: a rule's similarity is credited as scoring
    credits it, and a missing part discounted as scoring discounts it."""
    query, source = data.draw(person_queries_with_source())
    index = _index(weights)
    parsed = parse_name(query, "Person")
    context = QueryContext(index, parsed)
    numbers = index.entity_names[next(n for n, e in enumerate(ENTITIES) if e.id == source)]
    estimates = dict(index.candidates(parsed, index.size))
    for number in numbers:
        score = score_name(context, index.names[number], "Person").score
        assert estimates.get(number, 0.0) >= score - 1e-9, (query, score)


@pytest.mark.parametrize("weights", list(WEIGHTS))
@PROPERTY
@given(name=st.sampled_from(list(ORGANISATIONS)), data=st.data())
def test_the_estimate_of_an_organisation_name_is_near_its_score(
    weights: str, name: str, data: st.DataObject
) -> None:
    words = data.draw(
        st.lists(st.sampled_from(ORGANISATIONS[name]), min_size=1, max_size=3, unique=True)
    )
    _assert_near(weights, " ".join(words), "Organization")


@pytest.mark.parametrize("weights", list(WEIGHTS))
@PROPERTY
@given(entity=st.sampled_from([e for e in ENTITIES if e.schema_ == "Person"]), data=st.data())
def test_one_typo_keeps_the_estimate_near_the_score(
    weights: str, entity: Entity, data: st.DataObject
) -> None:
    """A typo that leaves the word's key within one edit of the listed key (what the
    one-deletion index finds): the estimate credits it as scoring does. A typo the key
    rules spread further (``Koolov``: ``oo`` is read as one sound) is left to the
    leading candidates and the completion of entities, see ``scoring.ranking``."""
    words = data.draw(st.permutations(entity.names[0].split()))
    i = data.draw(st.integers(0, len(words) - 1))
    word = words[i]
    assume(len(word) >= 6)
    at = data.draw(st.integers(1, len(word) - 2))
    typo = word[:at] + data.draw(st.sampled_from("aeiou")) + word[at + 1 :]
    key, typo_key = (parse_name(w).tokens[0].key for w in (word, typo))
    assume(len(typo_key) >= WEIGHTS[weights].min_fuzzy_key and OSA.distance(key, typo_key) <= 1)
    words[i] = typo
    _assert_near(weights, " ".join(words), "Person")


@pytest.mark.xfail(
    strict=True,
    reason="known gap, left for the matching issue (behaviour is frozen in issue 10): "
    "the estimate credits a given-name, stem or glossary match with twice the query "
    "word's weight, scoring with the query's and the list word's",
)
def test_a_rule_match_to_a_rarer_list_word_is_estimated_at_its_score() -> None:
    common = [Entity(id=f"v{n}", schema="Person", names=[f"Vladimir {s}"])
              for n, s in enumerate(SURNAMES)]  # fmt: skip
    index = NameIndex.build([*common, Entity(id="u", schema="Person", names=["Volodymyr Kozlov"])])
    parsed = parse_name("Vladimir", "Person")
    number = index.entity_names[len(common)][0]
    score = score_name(QueryContext(index, parsed), index.names[number], "Person").score
    estimates = dict(index.candidates(parsed, index.size))
    assert estimates.get(number, 0.0) >= score - 1e-9
