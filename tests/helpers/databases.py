"""Empty databases on each backend Seen supports, thrown away after use.

PostgreSQL is the server at 127.0.0.1:5432 (SEEN_TEST_POSTGRES_URL to change):
one database per test session, one schema per test. Its tests skip when it
cannot be reached, unless SEEN_REQUIRE_POSTGRES=1 (as `make test` sets).
"""

import os
import secrets
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import OperationalError

POSTGRES_ADMIN_URL = os.environ.get("SEEN_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
REQUIRE_POSTGRES = os.environ.get("SEEN_REQUIRE_POSTGRES") == "1"


@dataclass(frozen=True)
class Backend:
    name: str
    url: str
    read_only_url: str  # the same database, refusing every write


def sqlite(folder: Path) -> Backend:
    path = folder / "seen.db"
    return Backend("sqlite", f"sqlite:///{path}", f"sqlite:///file:{path}?mode=ro&uri=true")


def postgres_unreachable() -> Optional[str]:
    """Why the PostgreSQL server cannot be used, or None when it can."""
    admin = create_engine(POSTGRES_ADMIN_URL, future=True, connect_args={"connect_timeout": 5})
    try:
        with admin.connect():
            return None
    except OperationalError as error:
        where = make_url(POSTGRES_ADMIN_URL).render_as_string(hide_password=True)
        reason = (str(error.orig).strip().splitlines() or ["no answer"])[0]
        return f"PostgreSQL at {where} is unreachable ({reason})"
    finally:
        admin.dispose()


@contextmanager
def postgres_database() -> Iterator[URL]:
    """A new database on the server, dropped at the end of the block."""
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


@contextmanager
def postgres_schema(database: URL) -> Iterator[Backend]:
    """A new schema in `database`, which the backend's URLs search first; dropped at the end."""
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
