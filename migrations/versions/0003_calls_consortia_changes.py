"""calls, saved consortia and the change feed

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _stamps() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "call",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("themes", sa.JSON(), nullable=False),
        sa.Column("min_members", sa.Integer(), nullable=False),
        sa.Column("max_members", sa.Integer(), nullable=True),
        sa.Column("min_regions", sa.Integer(), nullable=False),
        sa.Column("region_level", sa.Integer(), nullable=True),
        sa.Column("min_countries", sa.Integer(), nullable=False),
        sa.Column("eligible_countries", sa.JSON(), nullable=False),
        sa.Column("eligible_region_codes", sa.JSON(), nullable=False),
        sa.Column("eligible_kinds", sa.JSON(), nullable=False),
        sa.Column("funding_min", sa.BigInteger(), nullable=True),
        sa.Column("funding_max", sa.BigInteger(), nullable=True),
        sa.Column("cofunding_rate", sa.Float(), nullable=False),
        sa.Column("opens_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closes_at", sa.DateTime(timezone=True), nullable=True),
        *_stamps(),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "saved_consortium",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("call_id", sa.Integer(), nullable=True),
        sa.Column("member_ids", sa.JSON(), nullable=False),
        sa.Column("theme", sa.String(64), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("components", sa.JSON(), nullable=False),
        *_stamps(),
        sa.ForeignKeyConstraint(["call_id"], ["call.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_saved_consortium_status", "saved_consortium", ["status"])
    op.create_table(
        "change_log",
        sa.Column(
            "seq",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("entity", sa.String(16), nullable=False),
        sa.Column("entity_id", sa.String(32), nullable=False),
        sa.Column("op", sa.String(8), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=True),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
    )


def downgrade() -> None:
    op.drop_table("change_log")
    op.drop_index("ix_saved_consortium_status", table_name="saved_consortium")
    op.drop_table("saved_consortium")
    op.drop_table("call")
