"""Queries and rules for regions."""

from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from app.auth.service import Principal
from app.changes.recorder import FeedEntity
from app.core.fields import unique
from app.core.sql import blocking_references, json_list_has
from app.core.versioning import Outcome, bump_version, check_if_match
from app.errors import Conflict, FieldError, InvalidPayload, NotFound
from app.reference import nuts
from app.regions.models import (
    Region,
    RegionPublic,
    RegionPut,
    S3Priority,
    S3PriorityBase,
    S3PriorityPublic,
)
from app.vocab.models import VocabKind
from app.vocab.service import filter_term_errors, slugs, unknown_slug_errors


def to_public(region: Region) -> RegionPublic:
    return RegionPublic(
        code=region.code,
        name=region.name,
        local_name=region.local_name,
        country_code=region.country_code,
        level=region.level,
        parent_code=region.parent_code,
        s3_platform_member=region.s3_platform_member,
        s3_priorities=[
            S3PriorityPublic.model_validate(p, from_attributes=True) for p in region.priorities
        ],
        updated_at=region.updated_at,
        version=region.version,
    )


FEED = FeedEntity(
    identify=lambda region: ("region", region.code),
    data=lambda region: to_public(region).model_dump(mode="json"),
)


def classify(code: str) -> nuts.NutsRegion:
    """The NUTS entry for a region code, or a 422 naming the `code` field."""
    entry = nuts.lookup(code.strip().upper())
    if entry is None:
        raise InvalidPayload.of(
            [FieldError(field="code", message=f"'{code}' is not a NUTS 2024 region code")]
        )
    return entry


def get_region(session: Session, code: str) -> Region:
    region = session.get(Region, code.upper())
    if region is None:
        raise NotFound(f"no region with code {code}")
    return region


def local_names(session: Session) -> dict[str, str]:
    """Every region's name in its own language, where one is recorded."""
    rows = session.execute(
        sa.select(col(Region.code), col(Region.local_name)).where(
            col(Region.local_name).is_not(None)
        )
    )
    return {code: name for code, name in rows if name}


def list_regions(
    session: Session,
    *,
    country: str | None,
    level: int | None,
    theme: str | None,
    s3_platform_member: bool | None,
    limit: int,
    offset: int,
) -> tuple[list[Region], int]:
    errors = filter_reference_errors(session, {"theme": theme}, set())
    if errors:
        raise InvalidPayload.of(errors)
    conditions: list[Any] = []
    if country:
        conditions.append(Region.country_code == country.upper())
    if level is not None:
        conditions.append(Region.level == level)
    if s3_platform_member is not None:
        conditions.append(Region.s3_platform_member == s3_platform_member)
    if theme:
        conditions.append(
            sa.exists().where(
                col(S3Priority.region_code) == col(Region.code),
                json_list_has(S3Priority.themes, theme),
            )
        )
    total = session.exec(select(func.count()).select_from(Region).where(*conditions)).one()
    rows = session.exec(
        select(Region).where(*conditions).order_by(col(Region.code)).limit(limit).offset(offset)
    )
    return list(rows), total


def filter_reference_errors(
    session: Session, query: dict[str, Any], flagged: set[str]
) -> list[FieldError]:
    """A `theme=` filter naming a theme the vocabulary lacks."""
    return filter_term_errors(session, query, {"theme": VocabKind.theme}, flagged)


def validate_priorities(
    session: Session, body: RegionPut, field_prefix: str = "", themes: set[str] | None = None
) -> list[FieldError]:
    known = themes if themes is not None else slugs(session, VocabKind.theme)
    return priority_theme_errors(body.model_dump(), known, field_prefix)


def priority_theme_errors(
    body: Any,
    known: set[str],
    field_prefix: str = "",
    flagged: frozenset[str] | set[str] = frozenset(),
) -> list[FieldError]:
    """Unknown themes in a region body's S3 priorities; the body may be as sent."""
    priorities = body.get("s3_priorities") if isinstance(body, dict) else None
    if not isinstance(priorities, list):
        return []
    errors: list[FieldError] = []
    for index, priority in enumerate(priorities):
        if isinstance(priority, dict):
            errors += unknown_slug_errors(
                f"{field_prefix}s3_priorities.{index}.themes",
                priority.get("themes"),
                known,
                VocabKind.theme,
                flagged,
            )
    return errors


def body_reference_errors(session: Session, body: Any, flagged: set[str]) -> list[FieldError]:
    """The database checks of a region body as sent (for a body that failed validation)."""
    return priority_theme_errors(body, slugs(session, VocabKind.theme), "", flagged)


def _desired_state(entry: nuts.NutsRegion, body: RegionPut) -> dict[str, Any]:
    return {
        "name": body.name or entry.label,
        "local_name": body.local_name,
        "s3_platform_member": body.s3_platform_member,
        "s3_priorities": [priority_state(p) for p in body.s3_priorities],
    }


def priority_state(priority: S3PriorityBase) -> dict[str, Any]:
    return {
        "title": priority.title,
        "description": priority.description,
        "themes": unique(priority.themes),
        "nace_codes": unique(priority.nace_codes),
    }


def empty_state(entry: nuts.NutsRegion) -> dict[str, Any]:
    """What a region holds before anything is written to it."""
    return {
        "name": entry.label,
        "local_name": None,
        "s3_platform_member": False,
        "s3_priorities": [],
    }


def current_state(region: Region) -> dict[str, Any]:
    return {
        "name": region.name,
        "local_name": region.local_name,
        "s3_platform_member": region.s3_platform_member,
        "s3_priorities": [
            {
                "title": p.title,
                "description": p.description,
                "themes": p.themes,
                "nace_codes": p.nace_codes,
            }
            for p in region.priorities
        ],
    }


def apply_put(
    session: Session, entry: nuts.NutsRegion, body: RegionPut, existing: Region | None
) -> tuple[Region, Outcome]:
    """Create or replace a region; returns it and what was done."""
    return apply_state(session, entry, _desired_state(entry, body), existing)


def apply_state(
    session: Session, entry: nuts.NutsRegion, desired: dict[str, Any], existing: Region | None
) -> tuple[Region, Outcome]:
    """Make a region hold `desired` (a `current_state` dict); returns it and what was done.

    Writing what is already stored keeps the version, so repeating it is a true no-op.
    """
    if existing is not None and current_state(existing) == desired:
        return existing, Outcome.unchanged
    region = existing or Region(
        code=entry.code,
        name=desired["name"],
        country_code=entry.country_code,
        level=entry.level,
        parent_code=entry.parent_code,
        version=0,
    )
    region.name = desired["name"]
    region.local_name = desired["local_name"]
    region.s3_platform_member = desired["s3_platform_member"]
    region.priorities = [
        S3Priority(position=index, **priority)
        for index, priority in enumerate(desired["s3_priorities"])
    ]
    bump_version(region)
    session.add(region)
    return region, Outcome.created if existing is None else Outcome.updated


def put_region(
    session: Session, code: str, body: RegionPut, principal: Principal, if_match: str | None
) -> tuple[Region, Outcome]:
    entry = classify(code)
    principal.require_region(entry.code)
    existing = session.get(Region, entry.code)
    check_if_match(if_match, existing.version if existing else None)
    errors = validate_priorities(session, body)
    if errors:
        raise InvalidPayload.of(errors)
    region, outcome = apply_put(session, entry, body, existing)
    session.flush()
    return region, outcome


def delete_region(session: Session, code: str, principal: Principal, if_match: str | None) -> None:
    region = get_region(session, code)
    principal.require_region(region.code)
    check_if_match(if_match, region.version)
    if referrers := blocking_references(session, Region.__table__, region.code):  # type: ignore[attr-defined]
        raise Conflict(
            f"region {region.code} is still referenced by {referrers}; move or delete them first"
        )
    session.delete(region)
    session.flush()
