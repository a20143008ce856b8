"""Monitoring: the second run screens only what changed and reports only what is new,
plus alerts that came back because a decision lapsed; state and decisions written at
once lose nothing."""

from __future__ import annotations

import threading
from datetime import date, timedelta

import pytest

from screening import Screener
from screening.decisions import Decision, DecisionStore
from screening.decisions.model import Customer
from screening.decisions.monitor import MonitorReport, monitor
from screening.decisions.review import customer_of
from screening.model import Entity
from tests.decisions.conftest import OTHER, PETROV, screener_of

SIDOROV = Entity(id="e-sidorov", schema="Person", names=["Pyotr SIDOROV"], countries=["RU"])
KOZLOV = Entity(id="e-kozlov", schema="Person", names=["Nikolai KOZLOV"])
BOOK = [
    customer_of("C1", "Ivan Petrov", birth_date="1990"),
    customer_of("C2", "Anna Smirnova"),
    customer_of("C3", "Petr Sidorov"),
    customer_of("C4", "Gazprom Neft"),
]


def run(
    screener: Screener, book: list[Customer], store: DecisionStore, today: date | None = None
) -> MonitorReport:
    return monitor(screener, book, store, today=today)


def reported(report: MonitorReport) -> set[tuple[str, str, str | None]]:
    return {(a.customer.key, a.hit.entity_id, a.lapsed) for a in report.alerts}


def false_positive(store: DecisionStore, key: str, entity_id: str, **extra: object) -> Decision:
    alert = store.last_alert(key, entity_id)
    decision = Decision.on_alert(alert, "false_positive", "alice", "not them", "v", "s")
    return store.record(decision.model_copy(update=extra))


def test_first_run_reports_all_second_run_screens_nothing(store_location: str) -> None:
    screener = screener_of(PETROV, SIDOROV, OTHER)
    with DecisionStore(store_location) as store:
        first = run(screener, BOOK, store)
        assert first.first_run and first.screened_full == len(BOOK)
        assert reported(first) == {
            ("C1", PETROV.id, None),
            ("C3", SIDOROV.id, None),
            ("C4", OTHER.id, None),
        }
        second = run(screener, BOOK, store)
        assert (second.screened_full, second.screened_delta) == (0, 0)
        assert second.alerts == []


def test_a_list_update_rescreens_only_who_may_match_it(store_location: str) -> None:
    with DecisionStore(store_location) as store:
        run(screener_of(PETROV, SIDOROV, OTHER), BOOK, store)
        smirnova = Entity(id="e-smirnova", schema="Person", names=["Anna SMIRNOVA"])
        amended = SIDOROV.model_copy(update={"birth_dates": ["1970"]})
        update = run(screener_of(PETROV, amended, OTHER, smirnova, KOZLOV), BOOK, store)
        assert (update.entities_changed, update.screened_full) == (3, 0)
        assert update.screened_delta == 2  # C2 and C3: nobody else shares a word with them
        assert reported(update) == {("C2", "e-smirnova", None), ("C3", SIDOROV.id, None)}
        assert all(alert.why == "list update" for alert in update.alerts)


def test_new_and_changed_customers_are_screened_in_full(store_location: str) -> None:
    screener = screener_of(PETROV, SIDOROV, OTHER)
    with DecisionStore(store_location) as store:
        run(screener, BOOK, store)
        book = [*BOOK[:2], customer_of("C3", "Petr Sidorov", country="RU"), BOOK[3]]
        book.append(customer_of("C5", "Nikolay Kozlov"))
        report = run(screener, book, store)
        assert report.screened_full == 2  # C3 changed, C5 new
        assert reported(report) == {("C3", SIDOROV.id, None)}
        assert report.alerts[0].why == "customer changed"


@pytest.mark.parametrize("case", ["listing", "customer", "expiry"])
def test_alerts_come_back_when_a_decision_lapses(store_location: str, case: str) -> None:
    screener = screener_of(PETROV, SIDOROV, OTHER)
    today = date(2026, 6, 1)
    with DecisionStore(store_location) as store:
        run(screener, BOOK, store, today)
        expires = today + timedelta(days=3) if case == "expiry" else None
        decision = false_positive(store, "C1", PETROV.id, expires_on=expires)
        quiet = run(screener, BOOK, store, today + timedelta(days=1))
        assert quiet.alerts == []
        book, later = BOOK, today + timedelta(days=2)
        if case == "listing":
            amended = PETROV.model_copy(update={"names": [*PETROV.names, "Ivan Ivanovich PETROV"]})
            screener = screener_of(amended, SIDOROV, OTHER)
        elif case == "customer":
            book = [customer_of("C1", "Ivan Petrov", birth_date="1991"), *BOOK[1:]]
        else:
            later = today + timedelta(days=4)
        back = run(screener, book, store, later)
        [alert] = back.alerts
        assert alert.customer.key == "C1" and alert.came_back
        assert alert.hit.review is not None and alert.hit.review.decision_id == decision.id
        expected = {"listing": "listing_changed", "customer": "customer_changed"}
        assert alert.lapsed == expected.get(case, "expired")
        assert run(screener, book, store, later).alerts == []  # reported once


def test_suppressed_alerts_are_not_reported(store_location: str) -> None:
    screener = screener_of(PETROV, SIDOROV, OTHER)
    with DecisionStore(store_location) as store:
        run(screener, BOOK, store)
        false_positive(store, "C1", PETROV.id)
        book = [customer_of("C1", "Ivan Petrov", birth_date="1990"), *BOOK[1:]]
        amended_other = OTHER.model_copy(update={"countries": ["RU"]})
        report = run(screener_of(PETROV, SIDOROV, amended_other), book, store)
        assert reported(report) == {("C4", OTHER.id, None)}


def test_customers_gone_from_the_book_leave_the_state(store_location: str) -> None:
    screener = screener_of(PETROV, SIDOROV, OTHER)
    with DecisionStore(store_location) as store:
        run(screener, BOOK, store)
        run(screener, BOOK[1:], store)
        again = run(screener, BOOK, store)
        assert again.screened_full == 1
        assert reported(again) == {("C1", PETROV.id, None)}


def test_delta_screening_finds_what_a_full_screening_finds(tmp_path: object) -> None:
    """The key filter loses nothing a full screening finds on the changed entries:
    transliteration, typos, word order, initials and compounds."""
    customers = [
        customer_of("K1", "Pyotr Sidorov"),
        customer_of("K2", "Petr Sidorof"),
        customer_of("K3", "SIDOROV, P."),
        customer_of("K4", "Gazpromneft"),
        customer_of("K5", "Ivan Petrow"),
        customer_of("K6", "Maria Kuznetsova"),
        customer_of("K7", "Nikolay Kozlof"),
    ]
    before = screener_of(PETROV, OTHER)
    after = screener_of(
        PETROV.model_copy(update={"countries": ["RU", "BY"]}),
        OTHER.model_copy(update={"names": ["Gazprom Neft PJSC", "Gazprom Neft"]}),
        SIDOROV,
        KOZLOV,
    )
    with DecisionStore(str(tmp_path) + "/state.db") as store:  # type: ignore[operator]
        run(before, customers, store)
        report = run(after, customers, store)
    expected = set()
    for customer in customers:
        for hit in after.screen(customer.name).hits:
            expected.add((customer.key, hit.entity_id, None))
    assert expected  # the set is not trivially empty
    assert reported(report) == expected


def test_a_monitor_run_while_analysts_decide_loses_nothing(store_location: str) -> None:
    screener = screener_of(PETROV, SIDOROV, OTHER)
    book = [customer_of(f"P{n}", "Ivan Petrov", birth_date=str(1950 + n)) for n in range(40)]
    with DecisionStore(store_location) as store:
        run(screener, book, store)
        errors: list[BaseException] = []
        analyst_store = DecisionStore(store_location)

        def analyst() -> None:
            try:
                for customer in book:
                    false_positive(analyst_store, customer.key, PETROV.id)
            except BaseException as exc:
                errors.append(exc)

        thread = threading.Thread(target=analyst)
        thread.start()
        changed = [customer_of(c.key, c.name, country="RU") for c in book]
        report = run(screener, changed, store)
        thread.join()
        analyst_store.close()
        assert errors == []
        assert report.screened_full == len(book)
        assert len(list(store.history())) == len(book)
        for customer in changed:
            assert store.last_alert(customer.key, PETROV.id).customer == customer


def test_a_customer_that_cannot_be_screened_is_tried_again(store_location: str) -> None:
    screener = screener_of(PETROV, SIDOROV, OTHER)
    book = [*BOOK, customer_of("C9", "Petrov " * 200)]  # longer than a query may be
    with DecisionStore(store_location) as store:
        first = run(screener, book, store)
        assert [error.split(":")[0] for error in first.errors] == ["customer 'C9'"]
        second = run(screener, book, store)
        assert second.screened_full == 1 and len(second.errors) == 1
