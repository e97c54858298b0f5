"""Where reflection notes live: the database URL, an engine for it, its migrations.

SQLite file by default so a laptop needs nothing; PostgreSQL when
DATABASE_URL says so. Tables are created only by the Alembic migrations in
migrations/, never by the models, so every database has the same history.
"""

import os
from typing import Optional

from alembic import command
from alembic.config import Config
from alembic.util.exc import CommandError
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import SQLAlchemyError

from seen.settings import PROJECT_DIR

ALEMBIC_INI = PROJECT_DIR / "alembic.ini"
INSTANCE_DIR = PROJECT_DIR / "instance"
CONNECT_TIMEOUT_S = 5  # a save must not hang the action server on a dead host


class DatabaseUnavailable(Exception):
    """The database cannot be reached, migrated or written."""


def database_url() -> str:
    """DATABASE_URL, else a SQLite file in instance/ (created here, ignored by git)."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        # Heroku-style postgres:// is refused by SQLAlchemy 1.4.
        return "postgresql://" + url[len("postgres://"):] if url.startswith("postgres://") else url
    INSTANCE_DIR.mkdir(exist_ok=True)
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
        event.listen(engine, "connect", _sqlite_foreign_keys)
    return engine


def _sqlite_foreign_keys(dbapi_connection, _record) -> None:
    """SQLite ignores ON DELETE CASCADE unless asked, per connection."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


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
