from datetime import datetime
from typing import Any

import sqlalchemy as sa
from pydantic import BaseModel
from sqlmodel import Field, SQLModel

from app.core.columns import timestamp_field, utcnow

# A 64-bit sequence on PostgreSQL; SQLite numbers rows itself only through INTEGER keys.
SEQUENCE = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


class ChangeLog(SQLModel, table=True):
    __tablename__ = "change_log"

    seq: int | None = Field(
        default=None, sa_column=sa.Column(SEQUENCE, primary_key=True, autoincrement=True)
    )
    entity: str = Field(max_length=16)
    entity_id: str = Field(max_length=32)
    op: str = Field(max_length=8)
    version: int
    data: dict[str, Any] | None = Field(default=None, sa_type=sa.JSON)
    changed_at: datetime = timestamp_field(default_factory=utcnow)


class Change(BaseModel):
    op: str
    entity: str
    id: str | int
    version: int
    data: dict[str, Any] | None = None


class ChangePage(BaseModel):
    items: list[Change]
    next_cursor: str
