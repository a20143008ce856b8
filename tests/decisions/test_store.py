"""The decision store on SQLite and PostgreSQL: schema made and versioned by the library,
decisions append-only, the latest in force, applied through ``Screener.screen``, and no
decision lost when analysts write at once."""

from __future__ import annotations

import multiprocessing
import threading
from datetime import date

import pytest
from sqlalchemy import select

from screening import Screener
from screening.decisions import Decision, DecisionStore
from screening.decisions.review import alerts_of, customer_of
from screening.decisions.schema import LATEST, schema_version
from screening.errors import DecisionStoreError, InputError
from screening.model import Disposition
from tests.decisions.conftest import PETROV, screener_of


def decide(
    store: DecisionStore,
    screener: Screener,
    key: str = "C1",
    birth_date: str = "1990",
    disposition: Disposition = "false_positive",
    by: str = "alice",
    expires_on: date | None = None,
) -> Decision:
    """Screen the customer, remember its alert, and decide on it as ``decide`` does."""
    customer = customer_of(key, "Ivan Petrov", birth_date=birth_date)
    result = screener.screen(customer.name, birth_date=birth_date)
    store.remember_alerts(alerts_of(screener, customer, result.hits))
    alert = store.last_alert(key, PETROV.id)
    decision = Decision.on_alert(
        alert,
        disposition,
        by,
        "not the listed person",
        screener.engine_version,
        screener.settings_hash,
        expires_on=expires_on,
    )
    return store.record(decision)


def test_the_schema_is_created_once_and_versioned(store_location: str) -> None:
    with DecisionStore(store_location) as store, store.engine.connect() as connection:
        versions = connection.execute(select(schema_version.c.version)).scalars().all()
    assert versions == list(range(1, LATEST + 1))
    with DecisionStore(store_location) as again, again.engine.connect() as connection:
        # opening again migrates nothing
        assert connection.execute(select(schema_version.c.version)).scalars().all() == versions


def test_decisions_are_append_only_and_the_latest_applies(
    store_location: str, screener: Screener
) -> None:
    with DecisionStore(store_location) as store:
        first = decide(store, screener)
        second = decide(store, screener, disposition="escalated", by="bob")
        history = list(store.history("C1"))
        assert [d.id for d in history] == [first.id, second.id]
        assert store.get(first.id or 0) == history[0]
        assert history[0].disposition == "false_positive"
        assert store.latest()[("C1", PETROV.id)].decided_by == "bob"
        result = screener.screen("Ivan Petrov", birth_date="1990", decisions=store, customer="C1")
        assert not result.hits[0].suppressed  # escalated now


def test_screen_applies_the_store(store_location: str, screener: Screener) -> None:
    with DecisionStore(store_location) as store:
        decision = decide(store, screener)
        covered = screener.screen("Ivan Petrov", birth_date="1990", decisions=store, customer="C1")
        [hit] = covered.hits
        assert hit.suppressed and hit.review is not None
        assert hit.review.decision_id == decision.id
        assert hit.review.decided_at == decision.decided_at.isoformat()
        other = screener.screen("Ivan Petrov", birth_date="1990", decisions=store, customer="C2")
        assert other.alerts == other.hits  # another customer's decision covers nothing
        with pytest.raises(InputError):
            screener.screen("Ivan Petrov", decisions=store)


@pytest.mark.parametrize(
    ("case", "reason"),
    [
        ("listing", "listing_changed"),
        ("customer", "customer_changed"),
        ("expiry", "expired"),
        ("score", "score_rose"),
    ],
)
def test_each_lapse_on_each_database(
    store_location: str, screener: Screener, case: str, reason: str
) -> None:
    with DecisionStore(store_location) as store:
        expires = date(2000, 1, 1) if case == "expiry" else None
        decision = decide(store, screener, expires_on=expires)
        if case == "score":  # the analyst saw a weaker match than the engine finds now
            store.record(decision.model_copy(update={"id": None, "score": 0.5}))
        now = screener
        if case == "listing":
            now = screener_of(PETROV.model_copy(update={"names": ["Ivan PETROV", "Vanya"]}))
        birth_date = "1991" if case == "customer" else "1990"
        [hit] = now.screen(
            "Ivan Petrov", birth_date=birth_date, decisions=store, customer="C1"
        ).hits
        assert hit.review is not None
        assert not hit.suppressed
        assert hit.review.lapsed == reason


def test_deciding_needs_an_alert_as_screened(store_location: str) -> None:
    with DecisionStore(store_location) as store, pytest.raises(DecisionStoreError, match="C9"):
        store.last_alert("C9", PETROV.id)


def test_two_analysts_at_once_lose_nothing(store_location: str, screener: Screener) -> None:
    per_analyst = 25
    errors: list[BaseException] = []
    stores = [DecisionStore(store_location) for _ in range(2)]  # a connection pool each
    start = threading.Barrier(2)

    def analyst(store: DecisionStore, name: str) -> None:
        try:
            start.wait()
            for number in range(per_analyst):
                decide(store, screener, key=f"{name}-{number}", by=name)
        except BaseException as exc:
            errors.append(exc)

    threads = [
        threading.Thread(target=analyst, args=(store, name))
        for store, name in zip(stores, ("alice", "bob"), strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    history = list(stores[0].history())
    assert len(history) == 2 * per_analyst
    assert len({d.id for d in history}) == 2 * per_analyst
    assert {d.customer.key for d in history} == {
        f"{name}-{n}" for name in ("alice", "bob") for n in range(per_analyst)
    }
    for store in stores:
        store.close()


def test_an_unreachable_store_is_a_clear_error(tmp_path: object) -> None:
    with pytest.raises(DecisionStoreError, match="no such folder"):
        DecisionStore("/nonexistent/folder/decisions.db")
    with pytest.raises(DecisionStoreError, match="cannot open"):
        DecisionStore("postgresql://nobody@127.0.0.1:1/none")


def _analyst_process(location: str, name: str, count: int) -> None:
    """One analyst in a process of its own (forked), recording ``count`` decisions."""
    screener = screener_of(PETROV)
    with DecisionStore(location) as store:
        for number in range(count):
            decide(store, screener, key=f"{name}-{number}", by=name)


def test_two_analyst_processes_at_once_lose_nothing(store_location: str) -> None:
    context = multiprocessing.get_context("fork")
    count = 20
    workers = [
        context.Process(target=_analyst_process, args=(store_location, name, count))
        for name in ("alice", "bob")
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert [worker.exitcode for worker in workers] == [0, 0]
    with DecisionStore(store_location) as store:
        history = list(store.history())
    assert len(history) == 2 * count
    assert {d.decided_by for d in history} == {"alice", "bob"}
