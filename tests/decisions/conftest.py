"""Decision-store fixtures: a fresh SQLite file, and a fresh database on the PostgreSQL
server that ``.ci/run`` starts (its URL in ``SCREENING_TEST_POSTGRES_URL``)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from screening import Screener
from screening.model import Entity

POSTGRES_ENV = "SCREENING_TEST_POSTGRES_URL"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_location(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A decision store location nobody has used: a SQLite path, or a new PostgreSQL database."""
    if request.param == "sqlite":
        yield str(tmp_path / "decisions.db")
        return
    server = os.environ.get(POSTGRES_ENV)
    if not server:
        pytest.skip(f"no PostgreSQL server: {POSTGRES_ENV} is not set (.ci/run starts one)")
    name = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # the server is there but unusable: say so, do not pass
        admin.dispose()
        pytest.fail(f"PostgreSQL at {POSTGRES_ENV} cannot create a database: {exc}")
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


PETROV = Entity(
    id="e-petrov",
    schema="Person",
    names=["Ivan PETROV"],
    birth_dates=["1961-03-02"],
    countries=["RU"],
    programs=["RUSSIA-EO14024"],
)
OTHER = Entity(id="e-gazprom", schema="Organization", names=["Gazprom Neft PJSC"])


def screener_of(*entities: Entity) -> Screener:
    return Screener.from_entities(entities, source="test")


@pytest.fixture
def screener() -> Screener:
    return screener_of(PETROV, OTHER)
