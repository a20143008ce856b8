"""Names that cannot be reported are not scored in full, and nothing reported changes.

``score_ceiling`` bounds a name's score once its words are aligned; ``value_floor`` is
the value below which an entity is neither completed nor reported. A name whose
ceiling is under the floor is deferred (``_EntityScores.consider``). These tests hold
the ceiling above every score (on hypothesis-made names, under default and changed
weights, and on samples of both development sets), the floor under every value that
completes or reports an entity, and the results the same with deferring switched off.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import screening.scoring.ranking as ranking
from screening import Screener
from screening.index import NameIndex
from screening.model import Entity
from screening.names import parse_name
from screening.scoring.alignment import QueryContext, align, score_ceiling, score_name
from screening.scoring.corroboration import max_other_names_gain
from screening.scoring.ranking import TIE_EPSILON, value_floor
from screening.weights import ScoringWeights

PROPERTY = settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
PERSON, ORG = "Person", "Organization"
# Words of names of several origins and structures: patronymics, initials, hyphenated
# given names, Arabic articles and compounds, Korean syllables, legal forms.
WORDS = ["Ivan", "Ivanov", "Ivanova", "Petrovich", "Sergeevna", "A.", "V.", "Mohammad-Ali",
         "Mohammad", "Ali", "Abd", "al-Rahman", "Abdurrahman", "bin", "Laden", "Usama",
         "Osama", "Kim", "Jong", "Un", "Jong-un", "Ri", "Lee", "Zhang", "Wei", "Nguyen",
         "Van", "Hung", "de", "la", "Cruz", "Maria"]  # fmt: skip
ORG_WORDS = ["Gazprom", "Neft", "Gazovaya", "Promyshlennost", "Bank", "Moskovsky",
             "Kreditny", "Finance", "Credit", "Institute", "FCI", "Technology", "Koneisto",
             "International", "LLC", "OOO", "AG", "GmbH", "Siemens", "Group"]  # fmt: skip
WEIGHTS = {
    "default": ScoringWeights(),
    # Factors above 1 and a legal-form mismatch that adds: the ceiling must allow for them.
    "factors changed": ScoringWeights(
        initials_only_factor=1.2,
        other_given_name_factor=1.1,
        family_name_mismatch_factor=1.05,
        legal_form_mismatch=-0.03,
        unmatched_generic_word=0.2,
        middle_name_factor=0.9,
        unmatched_list_patronymic=1.0,
    ),
}


def _entities() -> list[Entity]:
    people = [
        "Ivan Petrovich IVANOV", "Ivanova Maria Sergeevna", "A. V. IVANOV",
        "Mohammad-Ali ZAND", "Abd al-Rahman bin LADEN", "Usama bin Muhammad BIN LADIN",
        "KIM Jong Un", "RI Jong-un", "ZHANG Wei", "Nguyen Van HUNG", "Maria de la CRUZ",
        "Ali Mohammad ZAND",
    ]  # fmt: skip
    orgs = [
        "Gazprom Neft", "Gazovaya Promyshlennost OOO", "Moskovsky Kreditny Bank",
        "Finance and Credit Institute", "Koneisto Technology International",
        "Siemens AG", "FCI Group LLC",
    ]  # fmt: skip
    return [
        *(Entity(id=f"p{n}", schema=PERSON, names=[name]) for n, name in enumerate(people)),
        *(Entity(id=f"o{n}", schema=ORG, names=[name]) for n, name in enumerate(orgs)),
    ]


@functools.cache
def _index(weights: str) -> NameIndex:
    return NameIndex.build(_entities(), WEIGHTS[weights])


def _ceilings_and_scores(
    index: NameIndex, query: str, schema: str
) -> Iterator[tuple[float, float]]:
    """Each list name's ceiling and score against the query."""
    context = QueryContext(index, parse_name(query, schema))
    for indexed in index.names:
        schema_of = index.entities[indexed.entity].schema_
        ceiling = score_ceiling(context, indexed, schema_of, align(context, indexed.parsed))
        yield ceiling, score_name(context, indexed, schema_of).score


@PROPERTY
@given(
    words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=4),
    weights=st.sampled_from(sorted(WEIGHTS)),
)
def test_the_ceiling_is_never_below_a_persons_score(words: list[str], weights: str) -> None:
    for ceiling, score in _ceilings_and_scores(_index(weights), " ".join(words), PERSON):
        assert ceiling >= score


@PROPERTY
@given(
    words=st.lists(st.sampled_from(ORG_WORDS), min_size=1, max_size=4),
    weights=st.sampled_from(sorted(WEIGHTS)),
)
def test_the_ceiling_is_never_below_an_organisations_score(words: list[str], weights: str) -> None:
    for ceiling, score in _ceilings_and_scores(_index(weights), " ".join(words), ORG):
        assert ceiling >= score


def test_the_ceiling_tells_a_far_name_from_a_near_one() -> None:
    # Could fail both ways: a ceiling of 1 for every name would defer nothing.
    scores = dict(
        zip(
            (entity.names[0] for entity in _entities()),
            _ceilings_and_scores(_index("default"), "Ivan Petrovich IVANOV", PERSON),
            strict=True,
        )
    )
    assert scores["Ivan Petrovich IVANOV"][0] >= 1.0
    assert scores["Siemens AG"][0] == 0.0
    assert scores["Ivanova Maria Sergeevna"][0] < 0.5


@pytest.mark.parametrize("weights", sorted(WEIGHTS))
@pytest.mark.parametrize("threshold", [0.6, 0.74, 0.9])
def test_below_the_floor_an_entity_is_neither_completed_nor_evaluated(
    weights: str, threshold: float
) -> None:
    """The two conditions of ``complete`` and ``_final_scores`` over values under the
    floor and every share of the query left unmatched."""
    scoring = WEIGHTS[weights]
    floor = value_floor(threshold, scoring)
    assert floor > 0.0
    reachable = threshold - scoring.completion_margin - scoring.max_evidence_gain
    for step in range(1001):
        value = floor * step / 1000
        if value >= floor:
            continue
        assert scoring.name_share * value < reachable
        for left in (0.0, 0.25, 0.5, 1.0):
            reach = scoring.max_evidence_gain + max_other_names_gain(value, left, scoring)
            assert scoring.name_share * value + reach + TIE_EPSILON < threshold


def test_just_above_the_floor_an_entity_may_be_evaluated() -> None:
    # The floor is the least such value, not any lower bound: 0 would defer nothing.
    scoring = WEIGHTS["default"]
    value = value_floor(0.74, scoring) + 1e-6
    reach = scoring.max_evidence_gain + max_other_names_gain(value, 1.0, scoring)
    assert scoring.name_share * value + reach + TIE_EPSILON >= 0.74


def test_no_floor_when_other_names_could_outweigh_the_name() -> None:
    assert value_floor(0.74, ScoringWeights(other_names_share=1.0)) == 0.0


def _queries(path: Path, count: int) -> list[dict[str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines[:: max(1, len(lines) // count)]]


@functools.cache
def _screener(list_path: Path) -> Screener:
    return Screener.from_lists(list_path)


SETS = {
    "dev": ("list.jsonl", "queries_dev.jsonl"),
    "aliases": ("aliases/list.jsonl", "aliases/queries.jsonl"),
}


@pytest.mark.parametrize("which", sorted(SETS))
def test_on_the_development_sets_the_ceiling_holds_and_results_do_not_change(
    which: str, shared_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a spread sample of each set: every retrieved name's ceiling is at least its
    score; names are deferred; and the results at the default settings are the same
    with deferring switched off (a floor of 0)."""
    list_name, queries_name = SETS[which]
    screener = _screener(shared_dir / "eval" / list_name)
    index = screener.index
    queries = _queries(shared_dir / "eval" / queries_name, 120)
    for query in queries:
        parsed = parse_name(query["name"], query.get("schema"))
        context = QueryContext(index, parsed)
        for number, _ in index.candidates(parsed, 20):
            indexed = index.names[number]
            schema = index.entities[indexed.entity].schema_
            ceiling = score_ceiling(context, indexed, schema, align(context, indexed.parsed))
            assert ceiling >= score_name(context, indexed, schema).score, query["name"]
    deferred = 0
    original = ranking._EntityScores.consider

    def counted(self: ranking._EntityScores, number: int, floor: float = 0.0) -> None:
        nonlocal deferred
        original(self, number, floor)
        deferred += number in self.deferred

    with monkeypatch.context() as patch:
        patch.setattr(ranking._EntityScores, "consider", counted)
        pruned = [screener.screen(q["name"], schema=q.get("schema")) for q in queries]
    assert deferred > 0
    with monkeypatch.context() as patch:
        patch.setattr(ranking, "value_floor", lambda threshold, weights: 0.0)
        full = [screener.screen(q["name"], schema=q.get("schema")) for q in queries]
    assert [r.model_dump_json() for r in pruned] == [r.model_dump_json() for r in full]
