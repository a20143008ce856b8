"""Ongoing monitoring: screen a customer book, remember what was screened, and next time
screen only what changed.

A run compares the book and the list with the state the last run left:

- a new customer, or one whose name or data changed, is screened against the whole list;
- every other customer is screened again only if its name may match an entry that the
  list update added or changed (``keys.DeltaFilter``), and only hits on those entries count;
- when the engine or its settings changed, or on the first run, everyone is screened.

The report holds the alerts that are new (a pair not seen before, or seen with another
listing or customer fingerprint) and those that came back because a decision lapsed,
with the reason; alerts already reported and hits a decision suppresses are not repeated.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from screening.batch import BatchRow, ColumnMap, screen_records
from screening.decisions.fingerprints import listing_fingerprint
from screening.decisions.keys import DeltaFilter, name_keys
from screening.decisions.model import Customer, utc_now
from screening.decisions.review import DecisionBook, alerts_of, lists_label
from screening.decisions.schema import alerts, monitor_customers, monitor_listings, monitor_runs
from screening.decisions.store import DecisionStore, insert_alerts
from screening.model import Hit, LapseReason
from screening.screener import Screener

COLUMNS = ColumnMap(
    name="name", id="key", schema="schema", birth_date="birth_date", country="country"
)
WRITE_ROWS = 5_000  # rows per statement when the state is written


@dataclass(frozen=True)
class ReportedAlert:
    """One line of the monitoring report."""

    customer: Customer
    hit: Hit
    why: str  # "new customer", "customer changed", "list update", "rescreened"
    lapsed: LapseReason | None = None

    @property
    def came_back(self) -> bool:
        return self.lapsed is not None


@dataclass
class MonitorReport:
    """What a run screened, and what it found that is new."""

    customers: int = 0
    screened_full: int = 0
    screened_delta: int = 0
    entities_changed: int = 0
    entities_removed: int = 0
    first_run: bool = False
    alerts: list[ReportedAlert] = field(default_factory=list)
    suppressed: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass
class _Previous:
    """The state the last run left."""

    customers: dict[str, tuple[str, str]]  # key -> (fingerprint, name keys)
    listings: dict[str, str]  # entity id -> fingerprint
    known: set[tuple[str, str, str, str]]  # (customer, entity, customer fp, listing fp)
    engine_stamp: str | None
    last_day: date | None


def _load_previous(connection: Connection) -> _Previous:
    # Read as plain tuples: a book has a row per customer, and this is every run's cost.
    customers = {
        key: (fingerprint, keys)
        for key, fingerprint, keys in connection.exec_driver_sql(
            "SELECT key, fingerprint, name_keys FROM monitor_customers"
        )
    }
    listings = {
        row[0]: row[1]
        for row in connection.execute(
            select(monitor_listings.c.entity_id, monitor_listings.c.fingerprint)
        )
    }
    known = {
        (row[0], row[1], row[2], row[3])
        for row in connection.execute(
            select(
                alerts.c.customer_key,
                alerts.c.entity_id,
                alerts.c.customer_fingerprint,
                alerts.c.listing_fingerprint,
            )
        )
    }
    last = connection.execute(select(monitor_runs).order_by(monitor_runs.c.id.desc())).first()
    return _Previous(
        customers,
        listings,
        known,
        last.engine_stamp if last is not None else None,
        date.fromisoformat(last.day) if last is not None else None,
    )


def engine_stamp(screener: Screener) -> str:
    return f"{screener.engine_version}/{screener.settings_hash}"


def monitor(
    screener: Screener,
    book: Iterable[Customer],
    state: DecisionStore,
    decisions: DecisionStore | None = None,
    workers: int = 1,
    today: date | None = None,
) -> MonitorReport:
    """Screen what changed since the last run against ``screener``; record the new state.

    ``decisions`` defaults to ``state``: one database can hold both.
    """
    started = utc_now()
    today = today or started.date()
    report = MonitorReport()
    with state.engine.connect() as connection:
        previous = _load_previous(connection)
    in_force = DecisionBook.load(decisions or state, screener)
    in_force.today = today
    listings = {entity.id: listing_fingerprint(entity) for entity in screener.index.entities}
    changed = {key for key, value in listings.items() if previous.listings.get(key) != value}
    removed = previous.listings.keys() - listings.keys()
    report.entities_changed, report.entities_removed = len(changed), len(removed)
    everything = previous.engine_stamp != engine_stamp(screener)
    report.first_run = previous.engine_stamp is None
    expired = _newly_expired(in_force, previous.last_day, today)
    delta = DeltaFilter(screener, changed) if changed and not everything else None

    full: list[Customer] = []
    partial: list[Customer] = []
    current: dict[str, Customer] = {}
    for customer in book:
        if customer.key in current:
            report.errors.append(f"customer key {customer.key!r} appears twice in the book")
            continue
        current[customer.key] = customer
        before = previous.customers.get(customer.key)
        unchanged = before is not None and before[0] == customer.fingerprint
        if everything or not unchanged or customer.key in expired:
            full.append(customer)
        elif (
            delta is not None
            and before is not None
            and delta.may_match(before[1], screener.index.key_weight)
        ):
            partial.append(customer)
    report.customers = len(current)
    report.screened_full, report.screened_delta = len(full), len(partial)

    found: dict[str, list[Hit]] = {}  # customers with hits only: most have none
    failed: set[str] = set()
    partial_keys = {customer.key for customer in partial}
    for customer, row in zip(
        full + partial, _screen(screener, full + partial, workers), strict=True
    ):
        if row.status == "error":  # not recorded as screened: the next run tries again
            report.errors.append(f"customer {customer.key!r}: {row.error}")
            failed.add(customer.key)
            continue
        hits = row.hits
        if customer.key in partial_keys:
            hits = [hit for hit in hits if hit.entity_id in changed]
        if not hits:
            continue
        found[customer.key] = in_force.review(
            customer.key,
            hits,
            customer.name,
            customer.schema_,
            customer.birth_date,
            customer.country,
        )

    for key, hits in found.items():
        customer = current[key]
        why = _why(previous.customers.get(key), customer, key in partial_keys, key in expired)
        for hit in hits:
            if hit.suppressed:
                report.suppressed += 1
                continue
            pair = (key, hit.entity_id, customer.fingerprint, listings.get(hit.entity_id, ""))
            lapsed = hit.review.lapsed if hit.review is not None else None
            new = pair not in previous.known
            back = lapsed is not None and (
                new
                or (lapsed == "expired" and key in expired)
                or (lapsed == "score_rose" and everything)
            )
            if new or back:
                report.alerts.append(ReportedAlert(customer, hit, why, lapsed if back else None))

    _save(
        state,
        screener,
        _Changes(
            current, full, found, partial_keys, failed, changed, removed, listings, everything
        ),
        previous,
        report,
        started,
        today,
    )
    return report


def _why(before: tuple[str, str] | None, customer: Customer, partial: bool, expired: bool) -> str:
    """Why a customer was screened in this run."""
    if before is None:
        return "new customer"
    if before[0] != customer.fingerprint:
        return "customer changed"
    if partial:
        return "list update"
    if expired:
        return "decision expired"
    return "engine or settings changed"


def _newly_expired(book: DecisionBook, last_day: date | None, today: date) -> set[str]:
    """Customers with a false-positive decision that lapsed by expiry since the last run."""
    if last_day is None:
        return set()
    return {
        customer
        for customer, by_entity in book.decisions.items()
        for decision in by_entity.values()
        if decision.disposition == "false_positive"
        and decision.expires_on is not None
        and last_day <= decision.expires_on < today
    }


def _screen(screener: Screener, customers: Sequence[Customer], workers: int) -> Iterator[BatchRow]:
    records = (
        {
            "key": customer.key,
            "name": customer.name,
            "schema": customer.schema_ or "",
            "birth_date": customer.birth_date or "",
            "country": customer.country or "",
        }
        for customer in customers
    )
    return screen_records(screener, records, COLUMNS, workers=workers)


@dataclass(frozen=True)
class _Changes:
    """What a run found, to be written as the new state."""

    current: dict[str, Customer]  # the book, by key
    full: list[Customer]  # customers screened against the whole list
    found: dict[str, list[Hit]]  # hits of the customers screened, by key (none: absent)
    partial: set[str]  # customers screened for the list update only
    failed: set[str]  # customers whose screening failed: left as they were
    changed: set[str]  # entries added or changed
    removed: set[str]  # entries gone from the list
    listings: dict[str, str]  # every entry's fingerprint
    everything: bool  # first run, or the engine changed


def _save(
    state: DecisionStore,
    screener: Screener,
    changes: _Changes,
    previous: _Previous,
    report: MonitorReport,
    started: Any,
    today: date,
) -> None:
    """Write the new state in one transaction: the run is recorded whole or not at all."""
    current, found, partial = changes.current, changes.found, changes.partial
    changed, removed = changes.changed, changes.removed
    gone = previous.customers.keys() - current.keys()
    screened_full = [
        customer.key for customer in changes.full if customer.key not in changes.failed
    ]
    refreshed = [
        key
        for key in current
        if key not in changes.failed
        and (
            changes.everything
            or key not in previous.customers
            or previous.customers[key][0] != current[key].fingerprint
        )
    ]
    customer_rows = (  # made as they are written: a book may hold millions
        {
            "key": key,
            "name": current[key].name,
            "schema": current[key].schema_,
            "birth_date": current[key].birth_date,
            "country": current[key].country,
            "fingerprint": current[key].fingerprint,
            "name_keys": name_keys(current[key].name, current[key].schema_),
        }
        for key in refreshed
    )
    alert_rows = [
        alert for key, hits in found.items() for alert in alerts_of(screener, current[key], hits)
    ]
    stored = previous.customers.keys()  # the rows there are to replace or delete
    with state.transaction() as connection:
        # A customer whose screening failed is forgotten, so the next run screens it in full.
        _delete_in(
            connection,
            monitor_customers.c.key,
            [key for key in (*gone, *refreshed, *changes.failed) if key in stored],
        )
        _insert(connection, monitor_customers, customer_rows)
        _delete_in(connection, monitor_listings.c.entity_id, [*changed, *removed])
        _insert(
            connection,
            monitor_listings,
            [{"entity_id": key, "fingerprint": changes.listings[key]} for key in sorted(changed)],
        )
        _delete_in(connection, alerts.c.customer_key, [*gone, *screened_full])
        _delete_in(connection, alerts.c.entity_id, [*removed])
        keys = sorted(partial)
        for start in range(0, len(keys), WRITE_ROWS):
            connection.execute(
                delete(alerts).where(
                    alerts.c.customer_key.in_(keys[start : start + WRITE_ROWS]),
                    alerts.c.entity_id.in_(sorted(changed)),
                )
            )
        insert_alerts(connection, alert_rows)
        connection.execute(
            insert(monitor_runs).values(
                started_at=started.isoformat(),
                finished_at=utc_now().isoformat(),
                day=today.isoformat(),
                lists=lists_label(screener),
                engine_stamp=engine_stamp(screener),
                customers=report.customers,
                screened_full=report.screened_full,
                screened_delta=report.screened_delta,
                reported=len(report.alerts),
            )
        )


def _delete_in(connection: Connection, column: Any, values: Sequence[str]) -> None:
    for start in range(0, len(values), WRITE_ROWS):
        connection.execute(
            delete(column.table).where(column.in_(values[start : start + WRITE_ROWS]))
        )


def _insert(connection: Connection, table: Any, rows: Iterable[dict[str, Any]]) -> None:
    remaining = iter(rows)
    while batch := list(islice(remaining, WRITE_ROWS)):
        connection.execute(insert(table), batch)
