"""Tests of the benchmark code: the generator, the romanisation tables, the metrics, the gate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import gate, metrics
from benchmarks.data import every_nth_per_kind
from benchmarks.evasion import TRICKS
from benchmarks.romanize import romanize
from benchmarks.synthetic import NEGATIVES, generate
from benchmarks.vocabulary import feminine_surname, patronymic


def test_synthetic_set_is_deterministic_for_a_seed() -> None:
    first, again, other = generate(seed=11), generate(seed=11), generate(seed=12)
    assert first.entities == again.entities
    assert first.queries == again.queries
    assert first.queries != other.queries


def test_synthetic_set_has_every_kind_and_consistent_labels() -> None:
    data = generate(seed=3)
    kinds = {query["kind"] for query in data.queries}
    expected_kinds = {
        "cyrillic",
        "perturb:drop-middle",
        "perturb:initial",
        "perturb:legal-form",
        "perturb:swap",
        "perturb:typo",
        "perturb:noise",
        "translit:icao_9303",
        "translit:iso9_1995",
        "translit:telegram",
        "translit:ua_national",
        "translit:by_national",
        *NEGATIVES,
    }
    assert expected_kinds <= kinds
    ids = {entity["id"] for entity in data.entities}
    for query in data.queries:
        assert query["kind"].startswith("neg:") == (query["expected"] == [])
        assert set(query["expected"]) <= ids
    assert len({query["qid"] for query in data.queries}) == len(data.queries)


@pytest.mark.parametrize(
    ("cyrillic", "scheme", "language", "latin"),
    [
        ("Щукин", "bgn_pcgn", "ru", "Shchukin"),
        ("Щукин", "iso9_1968", "ru", "Ščukin"),
        ("Щукин", "iso9_1995", "ru", "Ŝukin"),
        ("Щукин", "telegram", "ru", "Scukin"),
        ("Щукин", "gost_779b", "ru", "Shhukin"),
        ("Елена Соловьёва", "bgn_pcgn", "ru", "Yelena Solovyeva"),
        ("Юрий Цой", "icao_9303", "ru", "Iurii Tsoi"),
        ("Цирк Цой", "gost_779b", "ru", "Cirk Czoj"),
        ("Достоевский", "wikipedia", "ru", "Dostoyevsky"),
        ("Жуков", "german", "ru", "Schukow"),
        ("Хрущёв", "scientific", "ru", "Xruščëv"),
        ("Гнатюк", "bgn_pcgn", "uk", "Hnatyuk"),
        ("Юрій Ющенко", "ua_national", "uk", "Yurii Yushchenko"),
        ("Ўладзімір", "bgn_pcgn", "be", "Wladzimir"),
        ("Кавалёў", "by_national", "be", "Kavalioŭ"),
        ("ООО «ЩИТ»", "bgn_pcgn", "ru", "OOO «SHCHIT»"),
    ],
)
def test_romanisation_tables_give_the_standard_spellings(
    cyrillic: str, scheme: str, language: str, latin: str
) -> None:
    assert romanize(cyrillic, scheme, language) == latin


def test_gendered_forms_of_patronymics_and_surnames() -> None:
    assert patronymic("Иванов", female=True, language="ru") == "Ивановна"
    assert patronymic("Сергій", female=True, language="uk") == "Сергіївна"
    assert patronymic("Івана", female=False, language="be") == "Іванавіч"
    assert feminine_surname("Вишневский", "ru") == "Вишневская"
    assert feminine_surname("Шевченко", "uk") == "Шевченко"
    assert feminine_surname("Марозаў", "be") == "Марозава"


def test_quick_sample_keeps_every_kind() -> None:
    queries = [{"qid": str(i), "kind": "a" if i < 9 else "b"} for i in range(10)]
    sample = every_nth_per_kind(queries, every=4)
    assert [q["qid"] for q in sample] == ["0", "4", "8", "9"]


def _rules(tmp_path: Path, rules: list[dict[str, object]]) -> list[dict[str, object]]:
    path = tmp_path / "floors.json"
    path.write_text(json.dumps({"rules": rules}), "utf-8")
    return gate.load_rules(path)


def test_gate_fails_a_figure_below_its_floor(tmp_path: Path) -> None:
    rules = _rules(
        tmp_path,
        [
            {"figure": "dev.engine.recall_at_1pct_alert", "min": 0.8},
            {"figure": "dev.latency_ratio_median", "max": 1.0},
            {"figure": "not.measured", "min": 0.5},
        ],
    )
    checks = gate.check(
        {"dev.engine.recall_at_1pct_alert": 0.79, "dev.latency_ratio_median": 0.5}, rules
    )
    assert [c.status for c in checks] == ["FAIL", "pass", "skipped"]
    assert [c.figure for c in gate.failures(checks)] == ["dev.engine.recall_at_1pct_alert"]
    slower = gate.check(
        {"dev.engine.recall_at_1pct_alert": 0.8, "dev.latency_ratio_median": 1.2}, rules
    )
    assert [c.figure for c in gate.failures(slower)] == ["dev.latency_ratio_median"]


def test_gate_rejects_a_rule_without_exactly_one_bound(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="exactly one"):
        _rules(tmp_path, [{"figure": "x", "min": 0.1, "max": 0.2}])


def test_repository_floors_file_is_valid() -> None:
    assert gate.load_rules()


TINY_QUERIES = [
    {"qid": "p1", "expected": ["A"], "kind": "translit:x"},
    {"qid": "p2", "expected": ["B"], "kind": "translit:x"},
    {"qid": "p3", "expected": ["C", "D"], "kind": "cyrillic"},
    {"qid": "p4", "expected": ["E"], "kind": "cyrillic"},
    {"qid": "n1", "expected": [], "kind": "neg:near"},
    {"qid": "n2", "expected": [], "kind": "neg:near"},
    {"qid": "n3", "expected": [], "kind": "neg:random-person"},
    {"qid": "n4", "expected": [], "kind": "neg:random-person"},
]
TINY_HITS = [
    {"qid": "p1", "hits": [{"id": "A", "score": 0.95}, {"id": "Z", "score": 0.5}], "seconds": 0.01},
    {"qid": "p2", "hits": [{"id": "Z", "score": 0.9}, {"id": "B", "score": 0.7}], "seconds": 0.02},
    {"qid": "p3", "hits": [{"id": "D", "score": 0.8}], "seconds": 0.03},
    {"qid": "p4", "hits": [], "seconds": 0.01},
    {"qid": "n1", "hits": [{"id": "A", "score": 0.85}], "seconds": 0.01},
    {"qid": "n2", "hits": [{"id": "B", "score": 0.6}], "seconds": 0.01},
    {"qid": "n3", "hits": [], "seconds": 0.01},
]


def test_metrics_on_a_hand_made_example() -> None:
    hits = metrics.hits_from_records(TINY_HITS)
    result = metrics.local_evaluate(TINY_QUERIES, hits, budgets=(0.0, 25.0), threshold=0.75)
    # Negatives' best scores: n1 0.85, n2 0.6 (n3, n4 no hits). No alert allowed: the
    # threshold must pass 0.85, the next observed score is 0.95 and only p1 is found.
    assert result["operating_points"]["alert<=0%"]["threshold"] == 0.95
    assert result["operating_points"]["alert<=0%"]["recall"] == 0.25
    # One alert in four allowed: n2 (0.6) must not alert, the threshold drops to 0.7 and
    # p1 (0.95), p2 (0.7) and p3 (0.8, via its second expected id) are found.
    assert result["operating_points"]["alert<=25%"]["threshold"] == 0.7
    assert result["operating_points"]["alert<=25%"]["recall"] == 0.75
    assert result["top1_accuracy"] == 0.5  # p1 and p3; p2's best hit is Z
    assert result["own_threshold"]["recall"] == 0.5
    assert result["own_threshold"]["alert_rate"] == 0.25
    assert result["per_kind"]["cyrillic"]["rate"] == 0.5


def test_metrics_agree_with_the_official_scorer(shared_dir: Path, tmp_path: Path) -> None:
    scorer = metrics.load_official_scorer(shared_dir / "eval" / "score.py")
    assert scorer is not None
    path = tmp_path / "hits.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in TINY_HITS), "utf-8")
    budgets = (0.0, 25.0, 50.0)
    official = scorer.evaluate(TINY_QUERIES, scorer.load_hits(str(path)), budgets, 0.75)
    ours = metrics.local_evaluate(TINY_QUERIES, metrics.hits_from_records(TINY_HITS), budgets, 0.75)
    for key in ours:
        assert ours[key] == official[key], key


def test_recall_alert_curve_ends_at_any_hit_rates() -> None:
    hits = metrics.hits_from_records(TINY_HITS)
    curve = metrics.recall_alert_curve(TINY_QUERIES, hits)
    assert curve[-1] == (0.5, 0.75)  # 2 of 4 negatives hit anything, 3 of 4 positives found
    assert curve == sorted(curve)


@pytest.mark.parametrize(
    ("trick", "name", "disguised"),
    [
        ("letter_spacing", "Aleksey BUDNEV", "A l e k s e y  B U D N E V"),
        ("dots", "Aleksey BUDNEV", "A.l.e.k.s.e.y. B.U.D.N.E.V."),
        ("hyphens", "Aleksey BUDNEV", "A-l-e-k-s-e-y B-U-D-N-E-V"),
        ("leetspeak", "Aleksey BUDNEV", "4l3k53y 8UDN3V"),
        ("leetspeak", "Ali", "4li"),  # two letters of a word stay letters
        ("run_together", "Aleksey BUDNEV", "AlekseyBUDNEV"),
        ("look_alike_capitals", "Yuriy CHAYKA", "Yuriy СНАУКА"),
        ("look_alike_capitals", "Aleksey BUDNEV", None),  # no word of twin letters only
    ],
)
def test_evasion_tricks_disguise_as_described(trick: str, name: str, disguised: str | None) -> None:
    assert TRICKS[trick](name) == disguised
