"""initial schema: vocabularies, regions with S3 priorities, actors, API keys

Revision ID: 0001
Revises:
Create Date: 2026-11-21
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _timestamps() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "vocab_term",
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("slug", sa.String(64), nullable=False),
        sa.Column("label_en", sa.String(120), nullable=False),
        sa.Column("label_sv", sa.String(120), nullable=False),
        sa.Column("synonyms_en", sa.JSON(), nullable=False),
        sa.Column("synonyms_sv", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "slug"),
    )
    op.create_table(
        "region",
        sa.Column("code", sa.String(8), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("local_name", sa.String(200), nullable=True),
        sa.Column("country_code", sa.String(2), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("parent_code", sa.String(8), nullable=True),
        sa.Column("s3_platform_member", sa.Boolean(), nullable=False),
        *_timestamps(),
        sa.PrimaryKeyConstraint("code"),
    )
    op.create_index("ix_region_country_code", "region", ["country_code"])
    op.create_index("ix_region_level", "region", ["level"])
    op.create_table(
        "s3_priority",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("region_code", sa.String(8), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("themes", sa.JSON(), nullable=False),
        sa.Column("nace_codes", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["region_code"], ["region.code"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_s3_priority_region_code", "s3_priority", ["region_code"])
    op.create_table(
        "actor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("region_code", sa.String(8), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("themes", sa.JSON(), nullable=False),
        sa.Column("nace_codes", sa.JSON(), nullable=False),
        sa.Column("technologies", sa.JSON(), nullable=False),
        sa.Column("offers", sa.JSON(), nullable=False),
        sa.Column("seeks", sa.JSON(), nullable=False),
        sa.Column("members", sa.JSON(), nullable=False),
        sa.Column("website", sa.String(500), nullable=True),
        sa.Column("external_id", sa.String(200), nullable=True),
        *_timestamps(),
        sa.ForeignKeyConstraint(["region_code"], ["region.code"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("kind", "external_id", name="uq_actor_kind_external_id"),
    )
    op.create_index("ix_actor_kind", "actor", ["kind"])
    op.create_index("ix_actor_region_code", "actor", ["region_code"])
    op.create_table(
        "api_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("scope", sa.String(8), nullable=True),
        sa.Column("name", sa.String(120), nullable=True),
        sa.Column("key_hash", sa.String(64), nullable=False),
        sa.Column("key_prefix", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key_hash"),
    )


def downgrade() -> None:
    op.drop_table("api_key")
    op.drop_index("ix_actor_region_code", table_name="actor")
    op.drop_index("ix_actor_kind", table_name="actor")
    op.drop_table("actor")
    op.drop_index("ix_s3_priority_region_code", table_name="s3_priority")
    op.drop_table("s3_priority")
    op.drop_index("ix_region_level", table_name="region")
    op.drop_index("ix_region_country_code", table_name="region")
    op.drop_table("region")
    op.drop_table("vocab_term")
