"""Cases: a follow-up note joins the case of the note it follows.

Notes saved before this have no case and are each their own (case_ref NULL).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: Union[str, None] = "0002"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("notes") as batch:
        batch.add_column(sa.Column("case_ref", sa.String(length=8), nullable=True))
        batch.add_column(sa.Column("follows", sa.String(length=8), nullable=True))
        batch.add_column(sa.Column("changes", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("choice_values", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("plan_since", sa.DateTime(timezone=True), nullable=True))
    op.create_index("ix_notes_case_ref", "notes", ["case_ref"])


def downgrade() -> None:
    op.drop_index("ix_notes_case_ref", table_name="notes")
    with op.batch_alter_table("notes") as batch:
        batch.drop_column("plan_since")
        batch.drop_column("choice_values")
        batch.drop_column("changes")
        batch.drop_column("follows")
        batch.drop_column("case_ref")
