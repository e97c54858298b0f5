"""Boards' own local details: proposals, and every published version of each detail.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: Union[str, None] = "0003"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "detail_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("area", sa.String(length=64), nullable=False),
        sa.Column("detail", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("facts", sa.JSON(), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("proposed_by", sa.String(length=64), nullable=False),
        sa.Column("approved_by", sa.String(length=64), nullable=False),
        sa.Column("proposal_id", sa.Integer(), nullable=True),
        sa.Column("restores", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_detail_versions"),
        sa.UniqueConstraint("area", "detail", "version", name="uq_detail_versions_area_detail_version"),
    )
    op.create_index("ix_detail_versions_area", "detail_versions", ["area"])
    op.create_table(
        "detail_proposals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("area", sa.String(length=64), nullable=False),
        sa.Column("detail", sa.String(length=32), nullable=False),
        sa.Column("facts", sa.JSON(), nullable=False),
        sa.Column("based_on", sa.Integer(), nullable=False),
        sa.Column("proposed_by", sa.String(length=64), nullable=False),
        sa.Column("proposed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("decided_by", sa.String(length=64), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reason", sa.String(length=300), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_detail_proposals"),
    )
    op.create_index("ix_detail_proposals_area", "detail_proposals", ["area"])
    op.create_index("ix_detail_proposals_status", "detail_proposals", ["status"])


def downgrade() -> None:
    op.drop_index("ix_detail_proposals_status", table_name="detail_proposals")
    op.drop_index("ix_detail_proposals_area", table_name="detail_proposals")
    op.drop_table("detail_proposals")
    op.drop_index("ix_detail_versions_area", table_name="detail_versions")
    op.drop_table("detail_versions")
