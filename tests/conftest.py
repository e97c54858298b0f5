"""Fixtures for every test folder: an empty database on each backend Seen supports
(tests/helpers/databases.py)."""

from typing import Iterator

import pytest
from sqlalchemy.engine import URL

from tests.helpers import databases
from tests.helpers.databases import Backend


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[URL]:
    with databases.postgres_database() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request, tmp_path) -> Iterator[Backend]:
    """An empty database: a SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield databases.sqlite(tmp_path)
    else:
        with databases.postgres_schema(request.getfixturevalue("postgres_database")) as backend:
            yield backend
