"""The decision store: SQLite by a file path, PostgreSQL by a database URL, one code path.

Decisions are only ever inserted; the latest decision on a customer and list entry is the
one that applies, and the rows before it are the audit trail. Each write is one short
transaction: SQLite runs in WAL mode and takes its write lock when a transaction begins
(``BEGIN IMMEDIATE``), so concurrent writers queue instead of failing, and readers are
never blocked; PostgreSQL's own locking does the same.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, Row, and_, create_engine, delete, event, insert, select
from sqlalchemy.exc import SQLAlchemyError

from screening.decisions.model import Alert, Customer, Decision, utc_now
from screening.decisions.schema import alerts, decisions, migrate
from screening.errors import DecisionStoreError
from screening.model import ScreeningResult

if TYPE_CHECKING:
    from screening.screener import Screener

SQLITE_BUSY_SECONDS = 60.0  # how long a writer waits for another's lock before failing
WRITES = "screening_writes"  # execution option of the transactions that write


def database_url(location: str | Path) -> str:
    """A SQLAlchemy URL for a location: a URL as given, a file path as SQLite."""
    text = str(location)
    if "://" in text:
        if text.startswith(("postgres://", "postgresql://")):  # pick the psycopg 3 driver
            text = "postgresql+psycopg://" + text.split("://", 1)[1]
        return text
    path = Path(text).expanduser().absolute()
    if not path.parent.is_dir():
        raise DecisionStoreError(f"{path.parent}: no such folder for the decision store")
    return f"sqlite:///{path}"


def _use_write_ahead_log(cursor: Any) -> None:
    """Switch the file to WAL once; waits while another process switches it.

    SQLite answers "database is locked" at once, without its busy handler, when two
    connections change the journal mode together (two analysts opening a new store), so
    the switch is retried here until the busy timeout.
    """
    deadline = time.monotonic() + SQLITE_BUSY_SECONDS
    while True:
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _sqlite_engine(url: str) -> Engine:
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_SECONDS})

    @event.listens_for(engine, "connect")
    def _on_connect(connection: Any, _record: Any) -> None:
        connection.isolation_level = None  # let the "begin" hook below issue BEGIN
        cursor = connection.cursor()
        _use_write_ahead_log(cursor)
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # A writer takes the lock as it begins, so it never fails half-way on a busy
        # database; a reader works on a snapshot and blocks nobody.
        writes = connection.get_execution_options().get(WRITES, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")

    return engine


def open_engine(location: str | Path) -> Engine:
    """An engine for the store at ``location``, with its schema created or migrated."""
    url = database_url(location)
    try:
        if url.startswith("sqlite"):
            engine = _sqlite_engine(url)
        else:
            engine = create_engine(url, pool_pre_ping=True)
        with engine.execution_options(**{WRITES: True}).begin() as connection:
            if connection.dialect.name == "postgresql":
                # One migrating process at a time; the others wait, then see it done.
                connection.exec_driver_sql("SELECT pg_advisory_xact_lock(7415001)")
            migrate(connection, utc_now().isoformat())
    except SQLAlchemyError as exc:
        raise DecisionStoreError(f"cannot open the decision store {location}: {exc}") from None
    except ModuleNotFoundError as exc:
        raise DecisionStoreError(
            f"cannot open the decision store {location}: the database driver {exc.name!r} "
            "is not installed (pip install 'screening[postgres]')"
        ) from None
    return engine


def _customer_values(customer: Customer, prefix: str = "customer_") -> dict[str, Any]:
    return {
        f"{prefix}key": customer.key,
        f"{prefix}name": customer.name,
        f"{prefix}schema": customer.schema_,
        f"{prefix}birth_date": customer.birth_date,
        f"{prefix}country": customer.country,
        f"{prefix}fingerprint": customer.fingerprint,
    }


def decision_row(decision: Decision) -> dict[str, Any]:
    """A decision's columns as stored (without its id): one flat record, also the export's."""
    return _customer_values(decision.customer) | {
        "entity_id": decision.entity_id,
        "listing_fingerprint": decision.listing_fingerprint,
        "lists": decision.lists,
        "score": decision.score,
        "disposition": decision.disposition,
        "decided_by": decision.decided_by,
        "decided_at": decision.decided_at.isoformat(),
        "reason": decision.reason,
        "expires_on": decision.expires_on.isoformat() if decision.expires_on else None,
        "engine_version": decision.engine_version,
        "settings_hash": decision.settings_hash,
    }


def _customer(row: Any, prefix: str = "customer_") -> Customer:
    return Customer(
        key=row[f"{prefix}key"],
        name=row[f"{prefix}name"],
        schema=row[f"{prefix}schema"],
        birth_date=row[f"{prefix}birth_date"],
        country=row[f"{prefix}country"],
        fingerprint=row[f"{prefix}fingerprint"],
    )


def _decision(row: Row[Any]) -> Decision:
    data = row._mapping
    return Decision(
        id=data["id"],
        customer=_customer(data),
        entity_id=data["entity_id"],
        listing_fingerprint=data["listing_fingerprint"],
        lists=data["lists"],
        score=data["score"],
        disposition=data["disposition"],
        decided_by=data["decided_by"],
        decided_at=datetime.fromisoformat(data["decided_at"]),
        reason=data["reason"],
        expires_on=date.fromisoformat(data["expires_on"]) if data["expires_on"] else None,
        engine_version=data["engine_version"],
        settings_hash=data["settings_hash"],
    )


def insert_alerts(connection: Connection, items: Iterable[Alert]) -> None:
    """Insert alert rows (the caller removed any older row of the same pairs)."""
    rows = [
        _customer_values(alert.customer)
        | {
            "entity_id": alert.entity_id,
            "listing_fingerprint": alert.listing_fingerprint,
            "score": alert.score,
            "lists": alert.lists,
            "screened_at": alert.screened_at.isoformat(),
        }
        for alert in items
    ]
    for start in range(0, len(rows), 5_000):
        connection.execute(insert(alerts), rows[start : start + 5_000])


class DecisionStore:
    """Analyst decisions and the alerts they are made on, in one database."""

    def __init__(self, location: str | Path) -> None:
        self.location = str(location)
        self.engine = open_engine(location)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> DecisionStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- decisions ---------------------------------------------------------------------

    def record(self, decision: Decision) -> Decision:
        """Store one decision; it comes back with its id."""
        return self.record_many([decision])[0]

    def record_many(self, items: Iterable[Decision]) -> list[Decision]:
        """Store decisions in one transaction: all of them or, on an error, none."""
        stored = []
        with self._begin() as connection:
            for decision in items:
                result = connection.execute(insert(decisions).values(**decision_row(decision)))
                key = result.inserted_primary_key
                assert key is not None
                stored.append(decision.model_copy(update={"id": int(key[0])}))
        return stored

    def get(self, decision_id: int) -> Decision:
        with self._connect() as connection:
            row = connection.execute(select(decisions).where(decisions.c.id == decision_id)).first()
        if row is None:
            raise DecisionStoreError(f"no decision {decision_id} in {self.location}")
        return _decision(row)

    def history(
        self, customer_key: str | None = None, entity_id: str | None = None
    ) -> Iterator[Decision]:
        """Every decision, oldest first, optionally for one customer and/or entry."""
        query = select(decisions).order_by(decisions.c.id)
        if customer_key is not None:
            query = query.where(decisions.c.customer_key == customer_key)
        if entity_id is not None:
            query = query.where(decisions.c.entity_id == entity_id)
        with self._connect() as connection:
            rows = connection.execute(query).fetchall()
        return (_decision(row) for row in rows)

    def latest(self, customer_key: str | None = None) -> dict[tuple[str, str], Decision]:
        """The decision in force on each (customer, entity) pair: the last one recorded."""
        return {(d.customer.key, d.entity_id): d for d in self.history(customer_key)}

    def review_result(
        self, result: ScreeningResult, customer_key: str, screener: Screener
    ) -> ScreeningResult:
        """The result with the customer's decisions in force applied (read afresh)."""
        from screening.decisions.review import DecisionBook

        book = DecisionBook.load(self, screener, customer_key)
        return book.review_result(result, customer_key, screener)

    # --- alerts as last screened ------------------------------------------------------

    def remember_alerts(self, items: Iterable[Alert]) -> int:
        """Replace the stored alert of each (customer, entity) pair given; the count."""
        rows = list(items)
        with self.transaction() as connection:
            for alert in rows:
                connection.execute(
                    delete(alerts).where(
                        and_(
                            alerts.c.customer_key == alert.customer.key,
                            alerts.c.entity_id == alert.entity_id,
                        )
                    )
                )
            insert_alerts(connection, rows)
        return len(rows)

    def last_alert(self, customer_key: str, entity_id: str) -> Alert:
        """The customer's latest alert on the entry, as screened; an error if never seen."""
        query = select(alerts).where(
            and_(alerts.c.customer_key == customer_key, alerts.c.entity_id == entity_id)
        )
        with self._connect() as connection:
            row = connection.execute(query).first()
        if row is None:
            raise DecisionStoreError(
                f"{self.location} holds no alert of customer {customer_key!r} on {entity_id!r}: "
                "screen the customer with this store first (screening batch --decisions or "
                "screening monitor), or decide from the batch results with --from-batch"
            )
        data = row._mapping
        return Alert(
            customer=_customer(data),
            entity_id=data["entity_id"],
            listing_fingerprint=data["listing_fingerprint"],
            score=data["score"],
            lists=data["lists"],
            screened_at=datetime.fromisoformat(data["screened_at"]),
        )

    # --- plumbing ----------------------------------------------------------------------

    def transaction(self) -> Any:
        """A writing transaction (a context manager giving the connection)."""
        return self._begin()

    def _begin(self) -> Any:
        try:
            return self.engine.execution_options(**{WRITES: True}).begin()
        except SQLAlchemyError as exc:
            raise DecisionStoreError(f"decision store {self.location}: {exc}") from None

    def _connect(self) -> Any:
        try:
            return self.engine.connect()
        except SQLAlchemyError as exc:
            raise DecisionStoreError(f"decision store {self.location}: {exc}") from None
