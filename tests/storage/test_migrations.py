"""The migrations and the models describe the same tables: after `alembic
upgrade head`, Alembic's autogenerate finds nothing to add, drop or alter, so a
model changed without its migration (or a migration without its model) fails
here, on SQLite and on PostgreSQL."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from seen import accounts, audit, notes  # noqa: F401  (their models join Base.metadata, as in migrations/env.py)
from seen.db import Base, migrate


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
