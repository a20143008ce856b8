"""The decision store's tables, and the migrations that create and update them.

The database records which migrations it has had in ``schema_version``; opening a store
applies the missing ones in order, under a lock, so two processes opening a new store at
once do not both create it. Timestamps and dates are ISO 8601 text, the same on SQLite
and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    Column,
    Connection,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    insert,
    select,
    text,
)

from screening.errors import DecisionStoreError

metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("applied_at", String(40), nullable=False),
)


def _customer_columns(prefix: str = "customer_") -> list[Column[object]]:
    return [
        Column(f"{prefix}key", String(400), nullable=False),
        Column(f"{prefix}name", Text, nullable=False),
        Column(f"{prefix}schema", String(40)),
        Column(f"{prefix}birth_date", String(40)),
        Column(f"{prefix}country", String(40)),
        Column(f"{prefix}fingerprint", String(64), nullable=False),
    ]


#: Append-only: the library inserts decisions and never updates or deletes one.
decisions = Table(
    "decisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    *_customer_columns(),
    Column("entity_id", String(400), nullable=False, index=True),
    Column("listing_fingerprint", String(64), nullable=False),
    Column("lists", Text, nullable=False),
    Column("score", Float, nullable=False),
    Column("disposition", String(20), nullable=False),
    Column("decided_by", String(200), nullable=False),
    Column("decided_at", String(40), nullable=False),
    Column("reason", Text, nullable=False),
    Column("expires_on", String(10)),
    Column("engine_version", String(40), nullable=False),
    Column("settings_hash", String(64), nullable=False),
)

#: The latest hit of each customer and entry as screened: what ``decide`` decides on.
alerts = Table(
    "alerts",
    metadata,
    *_customer_columns(),
    Column("entity_id", String(400), nullable=False),
    Column("listing_fingerprint", String(64), nullable=False),
    Column("score", Float, nullable=False),
    Column("lists", Text, nullable=False),
    Column("screened_at", String(40), nullable=False),
)

#: Monitoring: each customer of the book as last screened, with its name's token keys.
monitor_customers = Table(
    "monitor_customers",
    metadata,
    *_customer_columns(""),
    Column("name_keys", Text, nullable=False),
)

#: Monitoring: each list entry as last screened against.
monitor_listings = Table(
    "monitor_listings",
    metadata,
    Column("entity_id", String(400), primary_key=True),
    Column("fingerprint", String(64), nullable=False),
)

#: Monitoring: one row per run, with the lists and engine it ran with.
monitor_runs = Table(
    "monitor_runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", String(40), nullable=False),
    Column("finished_at", String(40), nullable=False),
    Column("day", String(10), nullable=False),  # the day decisions were judged on (expiry)
    Column("lists", Text, nullable=False),
    Column("engine_stamp", String(100), nullable=False),
    Column("customers", Integer, nullable=False),
    Column("screened_full", Integer, nullable=False),
    Column("screened_delta", Integer, nullable=False),
    Column("reported", Integer, nullable=False),
)


def _version_1(connection: Connection) -> None:
    for table in (decisions, alerts, monitor_customers, monitor_listings, monitor_runs):
        table.create(connection)
    connection.execute(
        text("CREATE INDEX ix_decisions_customer ON decisions (customer_key, entity_id, id)")
    )
    connection.execute(
        text("CREATE UNIQUE INDEX ux_alerts_pair ON alerts (customer_key, entity_id)")
    )
    connection.execute(
        text("CREATE UNIQUE INDEX ux_monitor_customers_key ON monitor_customers (key)")
    )


#: Migration ``n`` brings a store from version ``n - 1`` to ``n``. Append; never edit one.
MIGRATIONS: dict[int, Callable[[Connection], None]] = {1: _version_1}
LATEST = max(MIGRATIONS)


def migrate(connection: Connection, now: str) -> int:
    """Apply the missing migrations inside the caller's (locked) transaction; the version."""
    schema_version.create(connection, checkfirst=True)
    current = connection.execute(
        select(schema_version.c.version).order_by(schema_version.c.version.desc())
    ).scalar()
    version = current or 0
    if version > LATEST:
        raise DecisionStoreError(
            f"the decision store is at schema version {version}, newer than this library "
            f"knows ({LATEST}): upgrade screening"
        )
    for step in range(version + 1, LATEST + 1):
        MIGRATIONS[step](connection)
        connection.execute(insert(schema_version).values(version=step, applied_at=now))
    return LATEST
