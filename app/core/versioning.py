"""Optimistic concurrency: every stored row has a `version`, sent and checked as an ETag,
and every write path changes a row through `apply_changes` (or `bump_version`)."""

from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol

from app.core.columns import utcnow
from app.errors import PreconditionFailed


class Outcome(StrEnum):
    """What a create-or-replace did to one record."""

    created = "created"
    updated = "updated"
    unchanged = "unchanged"


class Versioned(Protocol):
    version: int
    updated_at: datetime


def bump_version(row: Versioned, now: datetime | None = None) -> None:
    row.version += 1
    row.updated_at = now or utcnow()


def apply_changes(
    row: Versioned, values: Mapping[str, Any], now: datetime | None = None
) -> Outcome:
    """Set `values` on `row`; a new version only when something differs.

    Writing what is already stored is a true no-op, so a repeated PUT or sync keeps the
    version (and the change feed stays quiet).
    """
    if all(getattr(row, name) == value for name, value in values.items()):
        return Outcome.unchanged
    for name, value in values.items():
        setattr(row, name, value)
    bump_version(row, now)
    return Outcome.updated


def etag(version: int) -> str:
    return f'"{version}"'


def etag_set(header: str) -> set[str]:
    """The entity tags of an If-Match or If-None-Match header (weak ones compared as strong)."""
    return {tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()}


def check_if_match(header: str | None, current_version: int | None) -> None:
    """A stale If-Match stops the write before anything changes.

    `current_version` None means nothing is stored yet, which no If-Match matches.
    """
    if header is None:
        return
    if current_version is None:
        raise PreconditionFailed(f"If-Match {header} given, but nothing is stored here yet")
    tags = etag_set(header)
    if "*" not in tags and etag(current_version) not in tags:
        raise PreconditionFailed(
            f"If-Match {header} does not match the stored version {etag(current_version)}; "
            "fetch the resource again and retry"
        )
