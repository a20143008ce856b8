"""screening.evasion: tricks that hide a listed name are undone, and the result says so."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screening.batch import format_csv_rows, screen_records, summarize_hit
from screening.evasion import split_run_together, uncover
from screening.model import Entity
from screening.screener import Screener
from screening.text import clean

FAST = settings(max_examples=300, deadline=None, derandomize=True)


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener.from_entities(
        [
            Entity(id="budnev", schema="Person", names=["Aleksey BUDNEV"]),
            Entity(id="chayka", schema="Person", names=["Yuriy CHAYKA"]),
            Entity(id="jamyah", schema="Organization", names=["JAM'YAH TA'AWUN AL-ISLAMIA"]),
            Entity(id="joza", schema="Organization", names=["JOZA INDUSTRIAL CO."]),
            Entity(id="andina", schema="Organization", names=["COMERCIAL ANDINA S.R.L."]),
            Entity(id="garcia", schema="Person", names=["Tomas GARCIA Y LOPEZ"]),
            Entity(id="ivanov", schema="Person", names=["Sergey Petrovich IVANOV"]),
            Entity(id="brigade", schema="Organization", names=["Brigade 44"]),
        ]
    )


# (disguised name, entity it must still hit, the kind of cleaning the result must report)
TRICKS = [
    ("B U D N E V  A L E K S E Y", "budnev", "letter_spacing"),
    ("B.U.D.N.E.V. A.L.E.K.S.E.Y.", "budnev", "letter_spacing"),
    ("B-U-D-N-E-V A-L-E-K-S-E-Y", "budnev", "letter_spacing"),
    ("Aleksey B U D N E V", "budnev", "letter_spacing"),
    ("Б У Д Н Е В  А Л Е К С Е Й", "budnev", "letter_spacing"),
    ("J A M ' Y A H  T A ' A W U N  A L - I S L A M I A", "jamyah", "letter_spacing"),
    ("BUDN3V 4L3K53Y", "budnev", "leetspeak"),
    ("8UDN3V Al3k$ey", "budnev", "leetspeak"),
    ("ALEKSEYBUDNEV", "budnev", "run_together"),
    ("budnevaleksey", "budnev", "run_together"),
    ("JOZAINDUSTRIALCO.", "joza", "run_together"),
    ("COMERCIALANDINAS.R.L.", "andina", "run_together"),
    ("GARCIAYLOPEZ", "garcia", "run_together"),
    ("Yuriy СНАУКА", "chayka", "other_script_word"),
    ("СНАУКА Yuriy", "chayka", "other_script_word"),
    ("Bud\u200bnev Aleksey", "budnev", "invisible_characters"),
    ("Bud\u200d\u2060nev Aleksey", "budnev", "invisible_characters"),
    ("Budnеv Aleksey", "budnev", "look_alike_letters"),  # a Cyrillic е
    ("ＢＵＤＮＥＶ Aleksey", "budnev", "compatibility_forms"),
    ("Budnev\x00Aleksey", "budnev", "control_characters"),
]


@pytest.mark.parametrize(("name", "entity", "kind"), TRICKS)
def test_a_disguised_name_still_hits_and_the_trick_is_reported(
    screener: Screener, name: str, entity: str, kind: str
) -> None:
    result = screener.screen(name)
    assert result.hits, name
    top = result.hits[0]
    assert top.entity_id == entity
    assert kind in {step.kind for step in result.normalisation}
    assert kind in {step.kind for step in top.explanation.normalisation}
    assert "query cleaned:" in summarize_hit(top)  # the batch reason column shows it


def test_the_batch_reason_column_says_what_cleaning_a_row_needed(screener: Screener) -> None:
    records = [{"name": "B U D N E V  A L E K S E Y"}, {"name": "Aleksey Budnev"}]
    spaced, plain = list(screen_records(screener, records))
    assert spaced.status == plain.status == "hit"
    csv_text = format_csv_rows([spaced, plain])
    spaced_line, plain_line = csv_text.splitlines()
    assert "query cleaned: letters separated by spaces joined: BUDNEV ALEKSEY" in spaced_line
    assert "query cleaned" not in plain_line


@pytest.mark.parametrize(
    "name", ["Aleksey Budnev", "BUDNEV, Aleksey", "Алексей Буднев", "A. Budnev", "Brigade 44"]
)
def test_a_plainly_written_name_reports_no_cleaning(screener: Screener, name: str) -> None:
    result = screener.screen(name)
    assert result.hits
    assert result.normalisation == []
    assert all(hit.explanation.normalisation == [] for hit in result.hits)


def test_cleaning_is_reported_on_a_clear_result_too(screener: Screener) -> None:
    result = screener.screen("Jo\u200bhn Smith")
    assert not result.hits
    assert [step.kind for step in result.normalisation] == ["invisible_characters"]
    assert result.normalisation[0].count == 1


def test_a_guess_that_found_nothing_is_not_reported(screener: Screener) -> None:
    # ``MIG29`` could be leetspeak; no reading of it hits, so nothing is claimed.
    assert screener.screen("MIG29").normalisation == []


def test_the_details_say_what_was_undone() -> None:
    found = uncover("Bud\u200b\u200bnеv").findings
    assert [(f.kind, f.count) for f in found] == [
        ("invisible_characters", 2),
        ("look_alike_letters", 1),
    ]
    assert found[0].detail == "2 invisible characters removed"
    assert found[1].detail == "Cyrillic е in a Latin word"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("I B M", "IBM"),  # three lone letters are a word spelled out
        ("S.A.R.L.", "SARL"),
        ("S U E X  O T C ,  S . R . O .", "SUEX OTC, S.R.O."),  # punctuation spaced out too
        ("S.U.E.X. O.T.C.,. S...R...O...", "SUEX OTC, S.R.O."),
        ("S-U-E-X O-T-C-, S-.-R-.-O-.", "SUEX OTC, S.R.O."),
        ("B U D N E V", "BUDNEV"),
        ("A L E K S E Y  B U D N E V", "ALEKSEY BUDNEV"),  # the wider gap ends a word
        ("A.L.E.K.S.E.Y. B.U.D.N.E.V.", "ALEKSEY BUDNEV"),
        ("A-L-E-K-S-E-Y B-U-D-N-E-V", "ALEKSEY BUDNEV"),
        ("А Л Е К С Е Й  Б У Д Н Е В", "АЛЕКСЕЙ БУДНЕВ"),
        ("J A M ' Y A H", "JAM'YAH"),
    ],
)
def test_a_name_spelled_out_is_joined(name: str, expected: str) -> None:
    assert uncover(name).text == expected
    assert uncover(name).findings[0].kind == "letter_spacing"


@pytest.mark.parametrize(
    "name",
    ["A. B. Ivanov", "A.B. Ivanov", "A B Ivanov", "Ivanov A. B.", "Ivanov S.P.", "O'Brien"],
)
def test_two_initials_stay_initials(name: str) -> None:
    assert uncover(name).text == name
    assert uncover(name).alternatives == ()


@pytest.mark.parametrize(
    ("name", "joined"),
    [
        ("J. R. R. Tolkien", "JRR. Tolkien"),  # three initials, or a word spelled out?
        ("A. M. M. ALAQAD", "AMM. ALAQAD"),
        ("L D S Computer Systems", "LDS Computer Systems"),  # an acronym, spaced
        ("Aleksey B U D N E V", "Aleksey BUDNEV"),
    ],
)
def test_lone_letters_beside_words_are_read_both_ways(name: str, joined: str) -> None:
    assert uncover(name).text == name
    assert [r.text for r in uncover(name).alternatives] == [joined]


@pytest.mark.parametrize("name", ["Brigade 44", "Unit 731", "1st Battalion 2", "A. B. Ivanov"])
def test_numbers_have_no_leetspeak_reading(name: str) -> None:
    assert all(r.text == uncover(name).text for r in uncover(name).readings)


@pytest.mark.parametrize(
    ("name", "reading"),
    [
        ("BUDN3V", "BUDNEV"),
        ("P0P0V Brigade 44", "POPOV Brigade 44"),  # the number beside it stays
        ("5ul74n", "sultan"),
        ("45'AD", "AS'AD"),
    ],
)
def test_leetspeak_is_read_inside_words_of_letters(name: str, reading: str) -> None:
    assert reading in {r.text for r in uncover(name).alternatives}


@pytest.mark.parametrize(
    ("name", "reading"),
    [
        ("Yuriy СНАУКА", "Yuriy CHAYKA"),  # next to a Latin word
        ("СНАУКА", "CHAYKA"),  # alone
        ("Юрий TOPOB", "Юрий ТОРОВ"),  # a Latin look-alike word next to Cyrillic
    ],
)
def test_a_look_alike_capitals_word_is_read_both_ways(name: str, reading: str) -> None:
    readings = {r.text for r in uncover(name).readings}
    assert readings == {uncover(name).text, reading}


@pytest.mark.parametrize("name", ["Юрий Чайка", "Yuriy Chayka", "СНАУКА Юрий", "Сhayka"])
def test_words_of_one_script_get_no_other_reading(name: str) -> None:
    assert uncover(name).alternatives == ()


def test_run_together_words_split_into_the_most_common_list_words() -> None:
    frequency = {"joza": 1, "industri": 1, "alco": 1, "industrial": 50, "co": 900}.get
    splits = split_run_together("JOZAINDUSTRIALCO", lambda w: frequency(w.lower(), 0), 1000)
    assert [split.text for split in splits] == ["JOZA INDUSTRIAL CO", "JOZA INDUSTRI ALCO"]


def test_a_split_without_two_letter_words_is_also_read() -> None:
    frequency = {"green": 40, "car": 2, "rent": 1, "carre": 5, "nt": 30}.get
    splits = split_run_together("GREENCARRENT", lambda w: frequency(w.lower(), 0), 1000)
    assert [split.text for split in splits] == ["GREEN CARRE NT", "GREEN CAR RENT"]


def test_a_known_or_short_word_is_not_split() -> None:
    frequency = {"budnev": 3, "bud": 9, "nev": 9}.get
    assert split_run_together("BUDNEV", lambda w: frequency(w.lower(), 0), 1000) == ()
    assert split_run_together("BUDNEVALEKSEY", lambda w: frequency(w.lower(), 0), 1000) == ()
    assert split_run_together("Bud Nevaleksey", lambda w: frequency(w.lower(), 0), 1000) == ()


def _split(text: str, frequency: dict[str, int], total: int = 1000) -> list[str]:
    found = split_run_together(text, lambda w: frequency.get(w.lower(), 0), total)
    return [split.text for split in found]


def test_a_long_unknown_word_of_a_spaced_name_splits_into_common_list_words() -> None:
    # Of 10,000 list names, a common word is held by 10 or more.
    frequency = {"joint": 900, "stock": 800, "company": 3000, "ros": 3, "tis": 2, "lav": 9}
    assert _split("JOINT STOCKCOMPANY", frequency, 10_000) == ["JOINT STOCK COMPANY"]
    assert _split("Rostislav Petrov", frequency, 10_000) == []  # rare words: a name
    assert _split("JOINT STOCKCOMP", frequency, 10_000) == []  # not all list words
    assert _split("JOINTSTOCK COMPANY", frequency | {"jointstock": 1}, 10_000) == []  # known


def test_a_lone_letter_beside_a_mark_is_an_abbreviation() -> None:
    frequency = {"comercial": 5, "andina": 2, "as": 1, "s": 50, "r": 9, "l": 9, "k": 3, "o": 3}
    assert _split("COMERCIALANDINAS.R.L.", frequency)[0] == "COMERCIAL ANDINA S.R.L."
    assert _split("K&OCOMERCIAL", frequency)[0] == "K&O COMERCIAL"


def test_a_lone_letter_is_a_word_only_beside_a_mark_or_as_a_particle() -> None:
    frequency = {"garcia": 5, "lopez": 5, "a": 100, "x": 100}
    assert _split("GARCIAYLOPEZ", frequency)[0] == "GARCIA Y LOPEZ"  # Spanish ``y``: and
    assert _split("AGARCIALOPEZ", frequency) == []
    assert _split("GARCIAXLOPEZ", frequency) == []


def test_a_small_letter_before_a_capital_ends_a_word() -> None:
    assert _split("TongcholKIM", {}) == ["Tongchol KIM"]
    assert _split("Sayyid'ABDALLAH", {}) == ["Sayyid 'ABDALLAH"]
    assert _split("MAKDONALD", {}) == []  # one case: no boundary to see


def test_digits_beside_a_split_run_stay_a_word_of_their_own() -> None:
    frequency = {"mining": 5, "enterprise": 9}
    assert _split("MININGENTERPRISE2", frequency)[0] == "MINING ENTERPRISE 2"


def _has_letters(text: str) -> bool:
    """Letters that show: a Hangul filler (U+115F) is a letter by category, but invisible."""
    return any(ch.isalpha() and clean(ch) for ch in text)


@FAST
@given(st.text(max_size=80))
def test_uncovering_is_idempotent_and_keeps_letters(name: str) -> None:
    once = uncover(name)
    assert uncover(once.text).text == once.text
    assert uncover(once.text).findings == ()
    if _has_letters(unicodedata.normalize("NFKC", name)):  # (NFKC alone can leave only marks)
        assert _has_letters(once.text)
        assert all(_has_letters(reading.text) for reading in once.alternatives)


_SPACED = st.lists(
    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=9), min_size=1, max_size=4
)


@FAST
@given(_SPACED, st.sampled_from([" ", ".", "-", ". "]))
def test_any_spelled_out_name_reads_back(words: list[str], gap: str) -> None:
    between = {" ": "  ", ".": " ", "-": " ", ". ": " / "}[gap]
    spelled = between.join(gap.join(word) for word in words)
    got = uncover(spelled).text.translate(str.maketrans("", "", "./-")).split()
    assert "".join(got) == "".join(words)  # no letter lost, added or moved
    if all(len(word) >= 3 for word in words):
        assert got == words  # and each word comes back whole


_VOCABULARY = {"ab": 5, "abc": 2, "cd": 9, "bcd": 1, "de": 40, "a": 30, "y": 1}


@FAST
@given(st.text(alphabet="abcdeyABCDE .&5'", max_size=40))
def test_a_split_only_puts_spaces_between_letters(name: str) -> None:
    name = uncover(name).text
    for split in split_run_together(name, lambda w: _VOCABULARY.get(w.lower(), 0), 100):
        assert split.text.replace(" ", "") == name.replace(" ", "")  # nothing lost or moved
        assert split.findings and split.findings[0].kind == "run_together"
