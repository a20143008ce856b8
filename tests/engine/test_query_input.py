"""The door: dates and countries read in the forms people write them; what cannot be read
is unknown evidence with a warning, never a mismatch that clears a hit."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from screening.bundled import BUNDLED_LIST
from screening.dates import parse_birth_date
from screening.encoding import MISREAD_AS, misread_utf8
from screening.errors import InputError
from screening.model import Query, ScreeningResult
from screening.query_input import parse_schema, prepare_query
from screening.screener import Screener
from screening.sources.countries import parse_country

ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


@pytest.fixture(scope="module")
def bundled() -> Screener:
    return Screener.from_lists(BUNDLED_LIST)


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("1952-10-07", "1952-10-07"),
        ("1952-10", "1952-10"),
        ("1952", "1952"),
        ("1952/10/07", "1952-10-07"),
        ("1952.10.07", "1952-10-07"),
        ("19521007", "1952-10-07"),
        ("1952-10-07T00:00:00Z", "1952-10-07"),
        ("07.10.1952", "1952-10-07"),  # the usual Russian form: day first
        ("7.10.1952", "1952-10-07"),
        ("07/10/1952", "1952-10-07"),  # day first, as documented
        ("07-10-1952", "1952-10-07"),
        ("10/25/1952", "1952-10-25"),  # 25 cannot be a month: read month first
        ("10.1952", "1952-10"),
        ("7 October 1952", "1952-10-07"),
        ("October 7, 1952", "1952-10-07"),
        ("Oct 1952", "1952-10"),
        ("7 OCT 1952", "1952-10-07"),
        ("7 октября 1952 г.", "1952-10-07"),
        ("07 окт. 1952", "1952-10-07"),
        ("май 1975", "1975-05"),
        ("1 мая 1975", "1975-05-01"),
    ],
)
def test_accepted_date_forms(written: str, iso: str) -> None:
    assert parse_birth_date(written) == iso


@pytest.mark.parametrize(
    "written",
    ["yesterday", "30.02.1952", "7.10.52", "13/13/1952", "1750", "2999", "1952-13", "Octo 1952x",
     "marmalade 1952", "07.1952.10", "", "1952-10-07-01"],
)  # fmt: skip
def test_unreadable_dates_are_none(written: str) -> None:
    assert parse_birth_date(written) is None


def test_a_date_in_the_future_is_unreadable() -> None:
    assert parse_birth_date("2030", today=date(2026, 1, 1)) is None
    assert parse_birth_date("2025", today=date(2026, 1, 1)) == "2025"


@pytest.mark.parametrize(
    ("given", "code"),
    [
        ("ru", "ru"), ("RU", "ru"), ("rus", "ru"), ("Russia", "ru"), ("russian federation", "ru"),
        ("Россия", "ru"), ("Российская Федерация", "ru"), ("Германия", "de"),
        ("Deutschland", "de"), ("Allemagne", "de"), ("Korea, North", "kp"),
        ("Russia (former USSR)", "ru"), ("Côte d'Ivoire", "ci"), ("uk", "gb"),
        ("United States", "us"),
    ],
)  # fmt: skip
def test_countries_as_codes_or_names_in_many_languages(given: str, code: str) -> None:
    assert parse_country(given) == code


@pytest.mark.parametrize("given", ["xx", "Nowhere", "Atlantis", "q"])
def test_unknown_countries_are_none(given: str) -> None:
    assert parse_country(given) is None


def test_the_door_reads_evidence_and_warns_about_what_it_cannot() -> None:
    given = {"name": "Ivan Petrov", "schema": "person", "birth_date": "07.10.1952"}
    prepared = prepare_query({**given, "country": "Россия"}, 1000)
    assert prepared.query == Query(
        name="Ivan Petrov", schema="Person", birth_date="1952-10-07", country="ru"
    )
    assert prepared.warnings == []
    unread = prepare_query({"name": "Ivan", "birth_date": "yesterday", "country": "xx"}, 1000)
    assert unread.query.birth_date is None and unread.query.country is None
    assert len(unread.warnings) == 2
    assert "'yesterday'" in unread.warnings[0] and "'xx'" in unread.warnings[1]


def test_schema_in_any_case_and_a_wrong_one_lists_the_choices() -> None:
    assert parse_schema("ORGANIZATION") == "Organization"
    assert parse_schema(" vessel ") == "Vessel"
    with pytest.raises(InputError, match="Person, Organization, Vessel, Aircraft, LegalEntity"):
        parse_schema("company")


@pytest.mark.parametrize("field", ["name", "birth_date", "country"])
def test_lone_surrogates_are_refused_at_the_door(field: str) -> None:
    item = {"name": "Aleksey Budnev", field: "Aleksey\udcffBudnev"}
    with pytest.raises(InputError, match="lone surrogate"):
        prepare_query(item, 1000)


# --- the cases on the bundled list ------------------------------------------------


def _putin(result: ScreeningResult) -> float:
    return max((hit.score for hit in result.hits if hit.entity_id == "default-0012"), default=0.0)


def test_a_russian_date_form_keeps_a_hit(bundled: Screener) -> None:
    alone = bundled.screen("Wladimir Putim")
    iso = bundled.screen("Wladimir Putim", birth_date="1952-10-07")
    russian = bundled.screen("Wladimir Putim", birth_date="07.10.1952")
    assert _putin(alone) > 0
    assert _putin(russian) == _putin(iso) > _putin(alone)
    assert russian.query.birth_date == "1952-10-07" and russian.warnings == []


@pytest.mark.parametrize("unreadable", ["yesterday", "31.02.1952", "07/10/52"])
def test_an_unreadable_date_changes_nothing_and_warns(bundled: Screener, unreadable: str) -> None:
    alone = bundled.screen("Wladimir Putim")
    result = bundled.screen("Wladimir Putim", birth_date=unreadable)
    assert _putin(result) == _putin(alone) > 0
    assert result.warnings and unreadable in result.warnings[0]
    checks = [check for hit in result.hits for check in hit.explanation.evidence]
    assert all(check.kind != "birth_date" for check in checks)


@pytest.mark.parametrize("country", ["Russia", "Россия", "RUS", "russian federation"])
def test_a_country_name_matches_like_its_code(bundled: Screener, country: str) -> None:
    by_code = bundled.screen("Wladimir Putim", country="ru")
    by_name = bundled.screen("Wladimir Putim", country=country)
    assert _putin(by_name) == _putin(by_code)
    assert [c.outcome for h in by_name.hits for c in h.explanation.evidence] == ["match"]


def test_an_unknown_country_is_unknown_evidence(bundled: Screener) -> None:
    alone = bundled.screen("Wladimir Putim")
    result = bundled.screen("Wladimir Putim", country="xx")
    assert _putin(result) == _putin(alone)
    assert result.warnings and "'xx'" in result.warnings[0]


def test_a_surrogate_in_a_name_never_reaches_the_json(bundled: Screener) -> None:
    with pytest.raises(InputError):
        bundled.screen("Aleksey\udcffBudnev")


@pytest.mark.parametrize("legacy", ["cp1251", "koi8-r", "latin-1"])
def test_a_mojibake_name_is_flagged_with_what_it_probably_was(legacy: str) -> None:
    misread = "Алексей Буднев".encode().decode(legacy)
    prepared = prepare_query(misread, 1000)
    assert prepared.warnings and "mojibake" in prepared.warnings[0]
    assert "Алексей Буднев" in prepared.warnings[0]


@pytest.mark.parametrize("name", ["Алексей Буднев", "José Müller", "Đorđe Balašević", "北京"])
def test_genuine_names_in_any_script_are_not_flagged(name: str) -> None:
    assert prepare_query(name, 1000).warnings == []


def _every_decoding_tried(text: str) -> tuple[str, str] | None:
    """``misread_utf8`` without its shortcut: every decoding tried on every text."""
    for encoding in MISREAD_AS:
        try:
            original = text.encode(encoding).decode("utf-8")
        except UnicodeError:
            continue
        if original != text and not original.isascii():
            return encoding, original
    return None


@given(st.text(max_size=40), st.sampled_from(MISREAD_AS))
def test_the_mojibake_shortcut_gives_the_answer_of_every_decoding(text: str, legacy: str) -> None:
    mojibake = text.encode().decode(legacy, errors="ignore")
    for candidate in (text, mojibake):
        assert misread_utf8(candidate) == _every_decoding_tried(candidate)


@given(st.text(max_size=40))
def test_date_reading_never_fails_and_gives_iso_or_nothing(text: str) -> None:
    read = parse_birth_date(text)
    assert read is None or ISO_DATE.fullmatch(read)


@given(st.text(max_size=40))
def test_country_reading_never_fails_and_gives_a_code_or_nothing(text: str) -> None:
    code = parse_country(text)
    assert code is None or (len(code) == 2 and code.islower())


def test_a_birth_date_may_be_a_date_or_a_year_number() -> None:
    from datetime import datetime

    for value, iso in [(date(1952, 10, 7), "1952-10-07"), (datetime(1952, 10, 7, 12), "1952-10-07"),
                       (1952, "1952")]:  # fmt: skip
        assert prepare_query({"name": "Ivan", "birth_date": value}, 1000).query.birth_date == iso
    with pytest.raises(InputError):
        prepare_query({"name": "Ivan", "country": 7}, 1000)
