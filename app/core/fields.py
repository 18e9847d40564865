"""Validated field types shared by the request schemas: slugs, NACE and NUTS codes, names."""

from datetime import UTC, datetime
from typing import Annotated, Any

from annotated_types import Ge, Le
from pydantic import AfterValidator, BeforeValidator, Field, Strict, StringConstraints

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


def _check_country(code: str) -> str:
    if code not in nuts.country_codes():
        raise ValueError(f"'{code}' is not a country of the NUTS 2024 classification")
    return code


def _check_nuts_prefix(prefix: str) -> str:
    if not nuts.is_code_prefix(prefix):
        raise ValueError(f"no NUTS 2024 region code starts with '{prefix}'")
    return prefix


def _nuts_filter(prefix: str) -> str:
    return _check_nuts_prefix(prefix.strip().upper())


def _country_filter(code: str) -> str:
    return _check_country(code.strip().upper())


def _nace_filter(prefix: str) -> str:
    prefix = nace.normalise(prefix)
    if not nace.is_code_prefix(prefix):
        raise ValueError(f"no NACE Rev. 2.1 code starts with '{prefix}'")
    return prefix


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


def _documented(pattern: str) -> Any:
    """A pattern for the OpenAPI document only: the validator after it gives the message."""
    return Field(json_schema_extra={"pattern": pattern})


# Text that must hold something once stripped: documented as "has a non-space character".
_SOME_TEXT = _documented(r"\S")

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, min_length=2, max_length=64)]
NaceCode = Annotated[
    str,
    StringConstraints(max_length=8),
    _documented(r"^\s*(?:[A-Ua-u]|\d{2}(?:\.\d{1,2})?)\s*$"),
    AfterValidator(_check_nace),
]
NutsCode = Annotated[
    str,
    StringConstraints(max_length=8),
    _documented(r"^\s*[A-Za-z]{2}[0-9A-Za-z]{0,3}\s*$"),
    AfterValidator(_check_nuts),
]
# Upper case, as stored: a call's eligible countries and regions.
CountryCode = Annotated[
    str, StringConstraints(pattern=r"^[A-Z]{2}$"), AfterValidator(_check_country)
]
NutsPrefix = Annotated[
    str, StringConstraints(pattern=r"^[A-Z]{2}[0-9A-Z]{0,3}$"), AfterValidator(_check_nuts_prefix)
]
# List filters: a value no stored record could match is a mistake (422), not an empty list.
NutsPrefixFilter = Annotated[str, StringConstraints(max_length=8), AfterValidator(_nuts_filter)]
CountryFilter = Annotated[
    str, StringConstraints(pattern=r"^[A-Za-z]{2}$"), AfterValidator(_country_filter)
]
NaceFilter = Annotated[
    str,
    StringConstraints(pattern=r"^(?:[A-Ua-u]|\d{2}(?:\.\d{0,2})?)$"),
    AfterValidator(_nace_filter),
]
Name = Annotated[
    str, BeforeValidator(_strip), StringConstraints(min_length=1, max_length=200), _SOME_TEXT
]
Label = Annotated[
    str, BeforeValidator(_strip), StringConstraints(min_length=1, max_length=120), _SOME_TEXT
]
LongText = Annotated[str, StringConstraints(max_length=10_000)]
Keyword = Annotated[
    str, BeforeValidator(_strip), StringConstraints(min_length=1, max_length=100), _SOME_TEXT
]
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


def _no_epoch_number(value: Any) -> Any:
    """Refuse what pydantic would read as seconds since 1970: a time is ISO 8601 text."""
    if isinstance(value, int | float) or (
        isinstance(value, str) and value.strip().lstrip("+-").replace(".", "", 1).isdigit()
    ):
        raise ValueError("a date and time in ISO 8601 is needed, e.g. 2027-01-31T23:59:00Z")
    return value


UtcTimestamp = Annotated[datetime, BeforeValidator(_no_epoch_number), AfterValidator(_as_utc)]


def unique(values: list[str]) -> list[str]:
    """Drop repeats, keep first-seen order."""
    return list(dict.fromkeys(values))
