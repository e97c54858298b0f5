"""The migrations and the models describe the same tables: after `alembic
upgrade head`, Alembic's autogenerate finds nothing to add, drop or alter, so a
model changed without its migration (or a migration without its model) fails
here, on SQLite and on PostgreSQL."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from seen import accounts, audit, board_details, notes  # noqa: F401  (their models join Base.metadata, as in migrations/env.py)
from seen.db import Base, ensure_database, migrate


def test_after_upgrade_head_autogenerate_finds_no_difference_from_the_models(backend):
    migrate(backend.url)
    engine = create_engine(backend.url, future=True)
    try:
        with engine.connect() as connection:
            options = {"compare_type": True, "compare_server_default": True}
            drift = compare_metadata(MigrationContext.configure(connection, opts=options), Base.metadata)
    finally:
        engine.dispose()
    assert drift == [], "the models and migrations/ differ: `alembic revision --autogenerate` drafts a migration"


def test_the_clusters_notes_database_is_created_once_and_then_left_alone(postgres_database):
    """make run-cluster on a fresh machine: the database named in DATABASE_URL
    is created if missing, then migrated; a second start changes nothing."""
    missing = postgres_database.set(database=f"{postgres_database.database}_new")
    url = missing.render_as_string(hide_password=False)
    admin = create_engine(postgres_database, future=True, isolation_level="AUTOCOMMIT")
    try:
        ensure_database(url)
        migrate(url)
        ensure_database(url)
        with create_engine(url, future=True).connect() as connection:
            assert "notes" in inspect(connection).get_table_names()
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{missing.database}" WITH (FORCE)'))
        admin.dispose()
