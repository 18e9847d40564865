"""Types, columns and helpers shared by every domain package."""

from datetime import UTC, datetime
from typing import Annotated, Any, Generic, TypeVar

import sqlalchemy as sa
from pydantic import AfterValidator, BaseModel, BeforeValidator, StringConstraints
from pydantic import Field as PydField
from sqlmodel import Field

from app.reference import nace, nuts


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


def _check_nace(code: str) -> str:
    code = nace.normalise(code)
    problem = nace.problem_with(code)
    if problem:
        raise ValueError(problem)
    return code


def _check_nuts(code: str) -> str:
    code = code.strip().upper()
    if nuts.lookup(code) is None:
        raise ValueError(f"'{code}' is not a NUTS 2024 region code")
    return code


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, min_length=2, max_length=64)]
NaceCode = Annotated[str, StringConstraints(max_length=8), AfterValidator(_check_nace)]
NutsCode = Annotated[str, StringConstraints(max_length=8), AfterValidator(_check_nuts)]
Name = Annotated[str, BeforeValidator(_strip), StringConstraints(min_length=1, max_length=200)]
Label = Annotated[str, BeforeValidator(_strip), StringConstraints(min_length=1, max_length=120)]
LongText = Annotated[str, StringConstraints(max_length=10_000)]
Keyword = Annotated[str, BeforeValidator(_strip), StringConstraints(min_length=1, max_length=100)]
Url = Annotated[
    str, StringConstraints(max_length=500, pattern=r"^https?://[^\s]+$", strip_whitespace=True)
]


T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    limit: int
    offset: int


def unique(values: list[str]) -> list[str]:
    """Drop repeats, keep first-seen order."""
    return list(dict.fromkeys(values))


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def json_list_has(column: Any, value: str, *, prefix: bool = False) -> Any:
    """SQL test that a JSON list of strings holds `value` (or an item starting with it).

    Portable across SQLite and PostgreSQL: it matches the quoted item in the serialised
    list. Items are validated slugs and codes, which never contain quotes.
    """
    pattern = f'%"{_like_escape(value)}{"" if prefix else chr(34)}%'
    return sa.cast(column, sa.Text).like(pattern, escape="\\")


API_PREFIX = "/api/v1"
MAX_PAGE_SIZE = 200


class PageParams(BaseModel):
    limit: int = PydField(50, ge=1, le=MAX_PAGE_SIZE, description=f"At most {MAX_PAGE_SIZE}")
    offset: int = PydField(0, ge=0)
