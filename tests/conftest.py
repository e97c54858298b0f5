"""Fixtures for every test folder: an empty database on each backend Seen supports
(tests/helpers/databases.py). Also marks each test by its folder, so a plain
`pytest` runs the fast suites and the make targets opt into the others."""

from pathlib import Path
from typing import Iterator

import pytest
from sqlalchemy.engine import URL

from tests.helpers import databases
from tests.helpers.databases import Backend

TESTS = Path(__file__).parent
#: Folders whose tests a plain `pytest` leaves out (pyproject.toml's addopts):
#: `make integration`, `make browser` and `make cluster` run them with `-m` and the folder's name.
MARKED_FOLDERS = ("integration", "browser", "cluster")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items) -> None:
    """Mark by folder, before `-m` deselects, so no test there can go unmarked."""
    for item in items:
        folder = item.path.relative_to(TESTS).parts[0] if item.path.is_relative_to(TESTS) else None
        if folder in MARKED_FOLDERS:
            item.add_marker(folder)


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[URL]:
    """A throw-away database on the PostgreSQL server: its tests skip if the
    server is unreachable, or fail if SEEN_REQUIRE_POSTGRES=1 (make test)."""
    unreachable = databases.postgres_unreachable()
    if unreachable and databases.REQUIRE_POSTGRES:
        pytest.fail(f"{unreachable}, and SEEN_REQUIRE_POSTGRES=1 (make test) needs it", pytrace=False)
    if unreachable:
        pytest.skip(f"{unreachable}: start it or set SEEN_TEST_POSTGRES_URL")
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
