"""The token rules of scoring as a table: query word, list word, roles, script -> the
rule that decides and a bound on the similarity (``screening.scoring.tokens``)."""

from __future__ import annotations

import pytest

from screening.data import OPENING_SOUND_ROWS
from screening.model import Entity, RuleName
from screening.names import Role, Token, make_token, with_role
from screening.scoring.tokens import compare_tokens, other_opening_consonant
from screening.screener import Screener
from screening.weights import ScoringWeights

W, IN, P, N = Role.WORD, Role.INITIAL, Role.PATRONYMIC, Role.NUMBER


def token(word: str, role: Role) -> Token:
    made = make_token(word)
    assert made is not None
    return with_role(made, role)


# query, listed, query role, listed role, rule, least and greatest similarity
RULES: list[tuple[str, str, Role, Role, RuleName, float, float]] = [
    # 1. exact: the same folded word, in the same script
    ("Aleksey", "ALEKSEY", W, W, "exact", 1.0, 1.0),
    ("Müller", "Muller", W, W, "exact", 1.0, 1.0),
    ("12", "12", N, N, "exact", 1.0, 1.0),
    # 2. transliteration: one key, two romanisations; or one word in two scripts
    ("Alexei", "Aleksey", W, W, "transliteration", 0.9, 0.99),
    ("Shchukin", "Schukin", W, W, "transliteration", 0.9, 0.99),
    ("Алексей", "Aleksey", W, W, "transliteration", 0.9, 1.0),
    ("Иван", "Ivan", W, W, "transliteration", 1.0, 1.0),  # Cyrillic = Latin
    # numbers match exactly or not at all
    ("12", "13", N, N, "unmatched", 0.0, 0.0),
    ("1234", "1235", N, N, "unmatched", 0.0, 0.0),
    # 3. initial: a letter stands for a word beginning with it (or its key's first letter)
    ("A", "Aleksey", IN, W, "initial", 0.5, 0.85),
    ("Aleksey", "A", W, IN, "initial", 0.5, 0.85),
    ("Y", "Iosif", IN, W, "initial", 0.5, 0.85),  # y and i are one letter class
    ("B", "Aleksey", IN, W, "unmatched", 0.0, 0.0),
    # 4. gender variant: the same family, a relative rather than the person
    ("Petrova", "Petrov", W, W, "gender_variant", 0.3, 0.7),
    ("Kovalskaya", "Kovalsky", W, W, "gender_variant", 0.3, 0.7),
    # 5. patronymics of one given name in two languages
    ("Volodymyrovych", "Vladimirovich", P, P, "given_name", 0.8, 0.95),
    # 6. one given name in another language's form
    ("Volodymyr", "Vladimir", W, W, "given_name", 0.8, 0.95),
    ("Uladzimir", "Vladimir", W, W, "given_name", 0.8, 0.95),
    # 7. a place and its adjective; two plain words sharing letters are a typo at best
    ("Permskiy", "Perm", W, W, "stem", 0.8, 0.95),
    ("Cheboksary", "Cheboksarskaya", W, W, "stem", 0.8, 0.95),
    # 8. one concept in two languages
    ("Strakhovaya", "Insurance", W, W, "glossary", 0.8, 0.95),
    ("Kreditny", "Credit", W, W, "glossary", 0.8, 0.95),
    # 9. typo: a few letters apart in a long enough word
    ("Budmev", "Budnev", W, W, "typo", 0.66, 0.9),
    ("Kuk", "Kum", W, W, "typo", 0.66, 0.7),  # one edit in three letters
    ("Makorv", "Markov", W, W, "typo", 0.66, 0.7),  # two in six
    ("Mkrv", "Markov", W, W, "unmatched", 0.0, 0.0),  # three in six
    ("Naftaresurs", "Enerharesurs", W, W, "unmatched", 0.0, 0.0),  # another word
    ("Li", "Lu", W, W, "unmatched", 0.0, 0.0),  # too short for a typo
    ("Gazaryan", "Budnev", W, W, "unmatched", 0.0, 0.0),
    # another opening consonant is another word, however close the rest (Soundex keeps
    # the first letter), in any script, the query word a word of the lists or not
    ("सुरेश", "Mukesh", W, W, "unmatched", 0.0, 0.0),
    ("सुरेश", "Suresh", W, W, "exact", 1.0, 1.0),
    ("Suresh", "Mukesh", W, W, "unmatched", 0.0, 0.0),
    ("Noskova", "Kosakova", W, W, "unmatched", 0.0, 0.0),
    ("Pechal", "Mechel", W, W, "unmatched", 0.0, 0.0),
    ("Barracco", "Jaraco", W, W, "unmatched", 0.0, 0.0),
    ("मनीषा", "Manisa", W, W, "typo", 0.8, 0.9),  # the same opening letter: a typo
    ("Nosokva", "Noskova", W, W, "typo", 0.66, 0.9),
    # spellings of one opening sound by a romanisation stay typos at least
    ("Zhukovv", "Joukov", W, W, "typo", 0.66, 0.9),  # zh/j (Ж: BGN/PCGN, French)
    ("Vahram", "Bahram", W, W, "typo", 0.8, 0.9),  # b/v (Greek, Spanish, Armenian)
    ("Hryhorenko", "Grigorenko", W, W, "typo", 0.66, 0.9),  # Ukrainian h, Russian g (Г)
    ("Huzita", "Fujita", W, W, "typo", 0.66, 0.9),  # Kunrei-shiki/Hepburn
    ("Kassem", "Ghasem", W, W, "typo", 0.66, 0.9),  # gh/k (غ, Persian ق)
    ("Xiaoming", "Hsiaoming", W, W, "typo", 0.66, 0.9),  # pinyin x, Wade-Giles hs
    # one typist's slip at the opening, the rest as written: a first letter mistyped,
    # swapped, dropped or added
    ("Pechel", "Mechel", W, W, "typo", 0.8, 0.9),
    ("Vzezda", "Zvezda", W, W, "typo", 0.66, 0.9),
    ("Rigade", "Brigade", W, W, "typo", 0.66, 0.9),
    ("Smirnov", "Mirnov", W, W, "typo", 0.66, 0.9),
    # OCR's glyphs for an opening letter are no other consonant
    ("Rnakarov", "Makarov", W, W, "typo", 0.66, 0.9),
    ("5ergeev", "Sergeev", W, W, "typo", 0.8, 0.9),
]


@pytest.mark.parametrize(
    ("query", "listed", "q_role", "l_role", "rule", "least", "most"),
    RULES,
    ids=[f"{row[0]}-{row[1]}" for row in RULES],
)
def test_token_rule(
    query: str, listed: str, q_role: Role, l_role: Role, rule: RuleName, least: float, most: float
) -> None:
    found = compare_tokens(token(query, q_role), token(listed, l_role))
    assert found.rule == rule
    assert least <= found.value <= most


def test_every_rule_of_token_comparison_is_in_the_table() -> None:
    token_rules = {"exact", "transliteration", "initial", "gender_variant", "given_name",
                   "stem", "glossary", "typo", "unmatched"}  # fmt: skip
    assert {row[4] for row in RULES} == token_rules


@pytest.mark.parametrize(
    ("query", "listed", "q_role", "l_role", "first"),
    [
        # a gender pair is one or two edits apart: gender_variant comes before typo
        ("Ivanova", "Ivanov", W, W, "gender_variant"),
        # an initial never falls through to the word rules
        ("P", "Petrov", IN, W, "initial"),
        # patronymics of one father's name, not a typo between them
        ("Aleksandrovna", "Aleksandrovich", P, P, "given_name"),
        # the same word written in two scripts is a transliteration, not a typo
        ("Газарян", "Gazaryan", W, W, "transliteration"),
    ],
)
def test_rule_precedence(query: str, listed: str, q_role: Role, l_role: Role, first: str) -> None:
    assert compare_tokens(token(query, q_role), token(listed, l_role)).rule == first


@pytest.mark.parametrize(
    ("rule", "query", "listed"),
    [
        ("transliteration", "Alexei", "Aleksey"),
        ("stem", "Permskiy", "Perm"),
        ("glossary", "Strakhovaya", "Insurance"),
        ("given_name", "Volodymyr", "Vladimir"),
    ],
)
def test_the_similarity_of_each_rule_is_its_weight(rule: str, query: str, listed: str) -> None:
    tuned = ScoringWeights(transliteration=0.93, stem=0.81, glossary=0.77, given_name=0.88)
    found = compare_tokens(token(query, W), token(listed, W), tuned)
    assert (found.rule, found.value) == (rule, getattr(tuned, rule))


@pytest.mark.parametrize(
    ("origin", "query", "listed", "weight"),
    [
        ("arabic", "Usama", "Osama", "arabic_variant"),
        ("east_asian", "Hsi", "Xi", "east_asian_variant"),
    ],
)
def test_origin_rules_score_by_their_weights(
    origin: str, query: str, listed: str, weight: str
) -> None:
    tuned = ScoringWeights(arabic_variant=0.91, east_asian_variant=0.89)
    origins = frozenset({origin})
    found = compare_tokens(token(query, W), token(listed, W), tuned, origins)
    assert (found.rule, found.value) == ("transliteration", getattr(tuned, weight))
    assert tuned.origin_variant_estimate(origins) == found.value  # what retrieval estimates


def test_an_origin_rule_applies_only_to_its_origin() -> None:
    tuned = ScoringWeights(arabic_variant=0.91)
    assert compare_tokens(token("Usama", W), token("Osama", W), tuned).rule != "transliteration"


def test_typo_thresholds_are_read_from_the_weights() -> None:
    strict = ScoringWeights(min_fuzzy_similarity=0.8)
    assert compare_tokens(token("Makorv", W), token("Markov", W)).rule == "typo"
    assert compare_tokens(token("Makorv", W), token("Markov", W), strict).rule == "unmatched"


def test_words_opening_with_other_consonants_are_two_names() -> None:
    def rule_of(listed: str, names: list[str]) -> str | None:
        entities = [Entity(id=f"e{n}", schema="Person", names=[n_]) for n, n_ in enumerate(names)]
        hits = Screener.from_entities(entities).screen("Shahram Hoseini", threshold=0.0).hits
        hit = next(h for h in hits if h.entity_id == "e0")
        return next((t.rule for t in hit.explanation.tokens if t.list_token == listed), None)

    # Bahram is another name than Shahram, whether Shahram is a word of the lists or not
    assert rule_of("Bahram", ["Bahram HOSEINI", "Shahram KARIMI"]) is None
    assert rule_of("Bahram", ["Bahram HOSEINI", "Hamid KARIMI"]) is None
    # the same opening: Shahram may be Shahrom misspelt
    assert rule_of("Shahrom", ["Shahrom HOSEINI", "Hamid KARIMI"]) == "typo"


def test_spellings_of_one_opening_sound_stay_typos_between_words_of_the_lists() -> None:
    entities = [
        Entity(id="gamal", schema="Person", names=["Sarah GAMAL"]),
        Entity(id="jamal", schema="Person", names=["Jamal HASSAN"]),
    ]
    hits = Screener.from_entities(entities).screen("Sara JAMAL", threshold=0.0).hits
    hit = next(h for h in hits if h.entity_id == "gamal")
    # Gamal is the Egyptian spelling of Jamal: one name of arabic_given_names.tsv
    assert [t.rule for t in hit.explanation.tokens if t.list_token == "GAMAL"] == ["given_name"]


def test_the_opening_sound_table_is_read_from_its_data_file() -> None:
    """Every row of ``opening_sounds.tsv``: a word opening with its letters and one opening
    with any sound it lists are not told apart by their opening (``Kharim``/``Harim``);
    one opening with a consonant it does not list is (``Kharim``/``Parim``)."""
    rows = OPENING_SOUND_ROWS
    lengths = [len(opening) for opening, _ in rows]
    assert len(rows) >= 20 and lengths == sorted(lengths, reverse=True)  # longest first
    for opening, sounds in rows:
        word = token(f"{opening}arim", W)
        for sound in sounds.split():
            assert not other_opening_consonant(word, token(f"{sound}arim", W)), (opening, sound)
        other = next(letter for letter in "pmnlrdt" if letter not in sounds + opening)
        assert other_opening_consonant(word, token(f"{other}arim", W)), (opening, other)
