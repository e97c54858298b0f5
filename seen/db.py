"""Where reflection notes live: the database URL, an engine for it, its migrations.

SQLite file by default so a laptop needs nothing; PostgreSQL when
DATABASE_URL says so. Tables are created only by the Alembic migrations in
migrations/, never by the models, so every database has the same history.
"""

import logging
import os
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator, List, Optional, Tuple, Type, Union

from alembic import command
from alembic.config import Config
from alembic.util.exc import CommandError
from sqlalchemy import DateTime, MetaData, create_engine, event, func, select, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, declarative_base, sessionmaker
from sqlalchemy.sql import Select
from sqlalchemy.types import TypeDecorator

from seen.settings import PROJECT_DIR

log = logging.getLogger(__name__)

ALEMBIC_INI = PROJECT_DIR / "alembic.ini"
INSTANCE_DIR = PROJECT_DIR / "instance"
CONNECT_TIMEOUT_S = 5  # a save must not hang the action server on a dead host


class DatabaseUnavailable(Exception):
    """The database cannot be reached, migrated or written."""


# Models of every module (notes, accounts, audit) share one metadata, so one
# Alembic history covers them. Typed columns; SQLAlchemy 1.4 has no mapped_column.
Base = declarative_base(
    metadata=MetaData(
        naming_convention={
            "ix": "ix_%(table_name)s_%(column_0_name)s",
            "uq": "uq_%(table_name)s_%(column_0_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )
)


class UtcDateTime(TypeDecorator):
    """Timezone-aware UTC in and out, also on SQLite, which keeps no zone."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Optional[datetime], dialect) -> Optional[datetime]:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("a stored time must be timezone-aware")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Optional[datetime], dialect) -> Optional[datetime]:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def one_page(session: Session, query: Select, number: int, size: int) -> Tuple[List, int]:
    """Page ``number`` (from 1) of an ordered query, ``size`` rows a page, and how many rows match in all."""
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    return session.scalars(query.limit(size).offset((number - 1) * size)).all(), total


class Database:
    """One engine, made on first use, and short units of work on it.

    Every store (notes, accounts, audit) works through one of these; the web
    app shares one between its stores so they share a connection pool.
    """

    def __init__(self, url: Optional[str] = None) -> None:
        self._url = url
        self._engine: Optional[Engine] = None
        self._sessions: Optional[sessionmaker] = None

    @classmethod
    def of(cls, database: Union[str, "Database", None]) -> "Database":
        return database if isinstance(database, Database) else cls(database)

    @property
    def engine(self) -> Engine:
        """Created on first use, so importing or building a store touches no database."""
        self._maker()
        return self._engine

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = self._sessions = None

    def read(self) -> Session:
        """A read-only unit of work: `with database.read() as session`."""
        return self._maker()()

    def begin(self):
        """A unit of work that commits at the end of the block, or rolls back."""
        return self._maker().begin()

    @staticmethod
    @contextmanager
    def unavailable(error: Type[DatabaseUnavailable] = DatabaseUnavailable) -> Iterator[None]:
        """Turn a driver error into `error`, logging one line without SQL or values."""
        try:
            yield
        except SQLAlchemyError as failure:
            reason = describe(failure)
            log.warning("database unavailable: %s", reason)
            raise error(reason) from failure

    def _maker(self) -> sessionmaker:
        if self._sessions is None:
            self._engine = engine_for(self._url or database_url())
            self._sessions = sessionmaker(self._engine, future=True, expire_on_commit=False)
        return self._sessions


def database_url() -> str:
    """DATABASE_URL, else a SQLite file in instance/ (created here, ignored by git)."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        # Heroku-style postgres:// is refused by SQLAlchemy 1.4.
        return "postgresql://" + url[len("postgres://"):] if url.startswith("postgres://") else url
    INSTANCE_DIR.mkdir(mode=0o700, exist_ok=True)
    INSTANCE_DIR.chmod(0o700)
    return f"sqlite:///{INSTANCE_DIR / 'seen.db'}"


def engine_for(url: str) -> Engine:
    """A 2.0-style engine whose errors and logs never carry the values written."""
    parsed = make_url(url)
    postgres = parsed.get_backend_name() == "postgresql" and "connect_timeout" not in parsed.query
    connect_args = {"connect_timeout": CONNECT_TIMEOUT_S} if postgres else {}
    engine = create_engine(
        parsed, future=True, pool_pre_ping=True, hide_parameters=True, connect_args=connect_args
    )
    if parsed.get_backend_name() == "sqlite":
        _owner_only(parsed.database)
        event.listen(engine, "connect", _sqlite_foreign_keys)
    return engine


def _owner_only(database: Optional[str]) -> None:
    """A SQLite file holds the notes: readable and writable by its owner only
    (SQLite gives its journal the same permissions)."""
    if database and database != ":memory:" and not database.startswith("file:"):
        path = Path(database)
        path.touch(mode=0o600, exist_ok=True)
        path.chmod(0o600)


def _sqlite_foreign_keys(dbapi_connection, _record) -> None:
    """SQLite ignores ON DELETE CASCADE unless asked, per connection."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def ensure_database(url: Optional[str] = None) -> None:
    """Create url's PostgreSQL database if its server has none of that name
    (make run-cluster on a fresh machine); nothing for SQLite, which creates its file."""
    parsed = make_url(url or database_url())
    if parsed.get_backend_name() != "postgresql" or not parsed.database:
        return
    server = engine_for(parsed.set(database="postgres").render_as_string(hide_password=False))
    try:
        with server.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            found = connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :name"),
                                       {"name": parsed.database}).first()
            if not found:
                connection.execute(text(f"CREATE DATABASE {server.dialect.identifier_preparer.quote(parsed.database)}"))
    except SQLAlchemyError as error:
        raise DatabaseUnavailable(describe(error)) from error
    finally:
        server.dispose()


def migrate(url: Optional[str] = None) -> None:
    """`alembic upgrade head` on url (default: database_url()); harmless when up to date."""
    config = Config(str(ALEMBIC_INI))
    config.attributes["configure_logger"] = False  # leave the caller's logging alone
    engine = None
    try:
        engine = engine_for(url or database_url())
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except (SQLAlchemyError, CommandError) as error:
        raise DatabaseUnavailable(describe(error)) from error
    finally:
        if engine is not None:
            engine.dispose()


def describe(error: BaseException) -> str:
    """One line on what went wrong, from the driver, without SQL or values."""
    cause = getattr(error, "orig", None) or error
    lines = [line.strip() for line in str(cause).splitlines() if line.strip()]
    return lines[0] if lines else type(cause).__name__
