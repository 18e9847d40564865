from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.core.columns import NEVER_REUSE_IDS, timestamp_field, utcnow


class Role(StrEnum):
    admin = "admin"
    editor = "editor"
    integrator = "integrator"
    reader = "reader"


class ApiKeyBase(SQLModel):
    role: Role = Field(sa_type=sa.String(16))
    scope: str | None = Field(
        default=None,
        max_length=8,
        description="NUTS prefix an editor may write inside (e.g. SE2); editors only",
    )
    name: str | None = Field(default=None, max_length=120)


class ApiKey(ApiKeyBase, table=True):
    __tablename__ = "api_key"
    __table_args__ = (NEVER_REUSE_IDS,)

    id: int | None = Field(default=None, primary_key=True)
    key_hash: str = Field(max_length=64, unique=True)
    key_prefix: str = Field(max_length=16)
    created_at: datetime = timestamp_field(default_factory=utcnow)
    revoked_at: datetime | None = timestamp_field(default=None)


class ApiKeyCreate(ApiKeyBase):
    model_config = {
        "json_schema_extra": {
            "examples": [{"role": "editor", "scope": "SE23", "name": "Västra Götaland editors"}]
        }
    }


class ApiKeyPublic(ApiKeyBase):
    id: int
    key_prefix: str
    created_at: datetime
    revoked_at: datetime | None


class ApiKeyCreated(ApiKeyPublic):
    key: str = Field(description="The key itself; shown once, never stored in clear")
