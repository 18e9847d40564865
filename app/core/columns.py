"""Column types and field factories for the table models."""

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field


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
