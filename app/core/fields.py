"""Validated field types shared by the request schemas: slugs, NACE and NUTS codes, names."""

from datetime import UTC, datetime
from typing import Annotated, Any

from annotated_types import Ge, Le
from pydantic import AfterValidator, BeforeValidator, Strict, StringConstraints

from app.reference import nace, nuts


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


# Row ids are INTEGER on both databases: a larger number names no row (and PostgreSQL
# would fail to compare it), so it is refused before any query.
MAX_ID = 2**31 - 1
RowId = Annotated[int, Ge(1), Le(MAX_ID)]  # path and query parameters
BodyId = Annotated[int, Strict(), Ge(1), Le(MAX_ID)]  # JSON: a number, never true or "5"


def _as_utc(value: datetime) -> datetime:
    """A timestamp without an offset is taken as UTC, so every stored time compares."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


UtcTimestamp = Annotated[datetime, AfterValidator(_as_utc)]


def unique(values: list[str]) -> list[str]:
    """Drop repeats, keep first-seen order."""
    return list(dict.fromkeys(values))
