"""Fixtures for every test folder: an empty database on each backend Seen supports.

PostgreSQL is the server at 127.0.0.1:5432 (SEEN_TEST_POSTGRES_URL to change):
one throw-away database per test session, one schema per test.
"""

import os
import secrets
from dataclasses import dataclass
from typing import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

POSTGRES_ADMIN_URL = os.environ.get("SEEN_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


@dataclass(frozen=True)
class Backend:
    name: str
    url: str
    read_only_url: str  # the same database, refusing every write


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[URL]:
    admin = create_engine(POSTGRES_ADMIN_URL, future=True, isolation_level="AUTOCOMMIT")
    name = f"seen_test_{secrets.token_hex(6)}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(POSTGRES_ADMIN_URL).set(database=name)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request, tmp_path) -> Iterator[Backend]:
    """An empty database: a SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        path = tmp_path / "seen.db"
        yield Backend("sqlite", f"sqlite:///{path}", f"sqlite:///file:{path}?mode=ro&uri=true")
        return
    database: URL = request.getfixturevalue("postgres_database")
    schema = f"t_{secrets.token_hex(6)}"
    admin = create_engine(database, future=True, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))

    def url(options: str) -> str:
        return database.update_query_dict({"options": options}).render_as_string(hide_password=False)

    try:
        yield Backend(
            "postgresql",
            url(f"-csearch_path={schema}"),
            url(f"-csearch_path={schema} -cdefault_transaction_read_only=on"),
        )
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
