"""saved consortia record their owner; ids are never reused on SQLite

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# SQLite hands a deleted row's id to the next insert unless the table is AUTOINCREMENT;
# a new actor must never inherit an old one's place in saved consortia.
_NEVER_REUSE = ("actor", "call", "saved_consortium", "api_key")


def upgrade() -> None:
    with op.batch_alter_table("saved_consortium") as batch:
        batch.add_column(sa.Column("owner_key_id", sa.Integer(), nullable=True))
    if op.get_bind().dialect.name == "sqlite":
        for table in _NEVER_REUSE:
            with op.batch_alter_table(
                table, recreate="always", table_kwargs={"sqlite_autoincrement": True}
            ):
                pass


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in _NEVER_REUSE:
            with op.batch_alter_table(
                table, recreate="always", table_kwargs={"sqlite_autoincrement": False}
            ):
                pass
    with op.batch_alter_table("saved_consortium") as batch:
        batch.drop_column("owner_key_id")
