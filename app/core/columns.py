"""Column types and field factories for the table models."""

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import declared_attr
from sqlmodel import Field, SQLModel

# Table option: SQLite gives a deleted row's id to the next insert unless the table is
# AUTOINCREMENT, and an id must never name a different actor, call, key or consortium.
NEVER_REUSE_IDS: dict[str, Any] = {"sqlite_autoincrement": True}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UtcDateTime(sa.types.TypeDecorator[datetime]):
    """Timezone-aware UTC on every backend (SQLite stores no offset, so add it back)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        return value.astimezone(UTC) if value is not None and value.tzinfo else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


def timestamp_field(**kwargs: Any) -> Any:
    return Field(sa_type=UtcDateTime, **kwargs)


def json_column(**kwargs: Any) -> Any:
    """A JSON list/object column with a default, for SQLModel `Field(sa_column=...)`."""
    return Field(default_factory=kwargs.pop("default_factory", list), sa_type=sa.JSON, **kwargs)


class VersionChecked(SQLModel):
    """Mixin for a table with a `version` column: every UPDATE and DELETE the ORM issues
    carries `AND version = <the version read>`, so a write based on a stale read matches
    no row and fails (StaleDataError) instead of merging into a newer one. The new version
    is set by `app.core.versioning`, not generated here."""

    @declared_attr  # type: ignore[arg-type]
    def __mapper_args__(cls) -> dict[str, Any]:
        table = cls.__table__  # type: ignore[attr-defined]
        return {"version_id_col": table.c.version, "version_id_generator": False}
