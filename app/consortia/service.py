"""Saved consortia: scored when saved, moved through their statuses, guarded by scope."""

from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from app.actors.models import Actor, ActorRef
from app.actors.service import actor_id_errors
from app.auth.models import Role
from app.auth.service import Principal
from app.calls.models import Call
from app.consortia.models import (
    TRANSITIONS,
    ConsortiumCreate,
    ConsortiumUpdate,
    SavedConsortium,
    SavedConsortiumPublic,
    Status,
)
from app.core.fields import MAX_ID
from app.core.versioning import Outcome, apply_changes, check_if_match
from app.errors import Conflict, FieldError, Forbidden, InvalidPayload, NotFound, already_flagged
from app.matching import consortia as engine
from app.matching.index import MatchIndex
from app.vocab.models import VocabKind
from app.vocab.service import slugs, unknown_term_error


def to_public(session: Session, saved: SavedConsortium) -> SavedConsortiumPublic:
    actors = {
        a.id: a for a in session.exec(select(Actor).where(col(Actor.id).in_(saved.member_ids)))
    }
    members = [
        ActorRef.model_validate(actors[i], from_attributes=True)
        for i in saved.member_ids
        if i in actors
    ]
    removed = [i for i in saved.member_ids if i not in actors]
    return SavedConsortiumPublic.model_validate(
        {**saved.model_dump(), "members": members, "removed_member_ids": removed}
    )


def get_saved(session: Session, consortium_id: int) -> SavedConsortium:
    saved = session.get(SavedConsortium, consortium_id)
    if saved is None:
        raise NotFound(f"no saved consortium with id {consortium_id}")
    return saved


def list_saved(
    session: Session, status: Status | None, call_id: int | None, limit: int, offset: int
) -> tuple[list[SavedConsortium], int]:
    conditions = []
    if status is not None:
        conditions.append(SavedConsortium.status == status)
    if call_id is not None:
        if session.get(Call, call_id) is None:
            raise InvalidPayload.of(
                [FieldError(field="call_id", message=f"no call with id {call_id}")]
            )
        conditions.append(SavedConsortium.call_id == call_id)
    total = session.exec(select(func.count()).select_from(SavedConsortium).where(*conditions)).one()
    rows = session.exec(
        select(SavedConsortium)
        .where(*conditions)
        .order_by(col(SavedConsortium.id))
        .limit(limit)
        .offset(offset)
    )
    return list(rows), total


def _require_scope(index: MatchIndex, member_ids: list[int], principal: Principal) -> None:
    """Editors may save and change consortia with at least one actor in their scope."""
    if principal.role != Role.editor:
        return
    codes = [index.region_codes[index.position[i]] for i in member_ids if i in index.position]
    if not any(principal.may_write_region(code) for code in codes):
        raise Forbidden(f"none of the members is inside your scope {principal.scope}")


def _require_owner(saved: SavedConsortium, principal: Principal) -> None:
    """Only the key that saved a consortium, or an admin, may change it."""
    if principal.role != Role.admin and saved.owner_key_id != principal.key_id:
        raise Forbidden("only the key that saved this consortium, or an admin, may change it")


# The outcome of an application is a track record that lifts partners' scores: only an
# admin records it, never the partners it rewards.
ADMIN_ONLY_STATUSES = {Status.funded, Status.rejected}


def _member_errors(index: MatchIndex, member_ids: list[int], theme: str | None) -> list[FieldError]:
    errors = actor_id_errors(index.position, member_ids, "member_ids")
    if theme is not None:
        known = set(index.vocabulary.theme_labels)
        errors += unknown_term_error("theme", theme, known, VocabKind.theme)
    return errors


def _call_errors(session: Session, call_id: int | None) -> list[FieldError]:
    if call_id is None or session.get(Call, call_id) is not None:
        return []
    return [FieldError(field="call_id", message=f"no call with id {call_id}")]


def body_reference_errors(session: Session, body: Any, flagged: set[str]) -> list[FieldError]:
    """The stored-data checks of a consortium body as sent (for a body that failed
    validation): its call, its members and its theme."""
    errors: list[FieldError] = []
    call_id = body.get("call_id")
    if _is_id(call_id) and not already_flagged("call_id", flagged):
        errors += _call_errors(session, call_id)
    member_ids = body.get("member_ids")
    if isinstance(member_ids, list) and not already_flagged("member_ids", flagged):
        wanted = [i for i in member_ids if _is_id(i)]
        known = {i for i in session.exec(select(Actor.id).where(col(Actor.id).in_(wanted))) if i}
        errors += [
            e
            for e in actor_id_errors(known, member_ids, "member_ids")
            if _is_id(member_ids[int(e.field.rsplit(".", 1)[1])])
        ]
    theme = body.get("theme")
    if isinstance(theme, str) and not already_flagged("theme", flagged):
        errors += unknown_term_error(
            "theme", theme, slugs(session, VocabKind.theme), VocabKind.theme
        )
    return errors


def _is_id(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_ID


def _scored(
    index: MatchIndex, member_ids: list[int], theme: str | None
) -> tuple[str | None, float, dict[str, float]]:
    if errors := _member_errors(index, member_ids, theme):
        raise InvalidPayload.of(errors)
    positions = [index.position[i] for i in member_ids]
    theme = theme or engine.main_theme(index, positions)
    pool = engine.make_pool(index, positions, theme, None)
    consortium = engine.describe(index, pool, theme, tuple(range(len(positions))))
    return theme, consortium.score, consortium.components


def save(
    session: Session, index: MatchIndex, body: ConsortiumCreate, principal: Principal
) -> SavedConsortium:
    errors = _call_errors(session, body.call_id)
    if errors := errors + _member_errors(index, body.member_ids, body.theme):
        raise InvalidPayload.of(errors)
    theme, score, components = _scored(index, body.member_ids, body.theme)
    _require_scope(index, body.member_ids, principal)
    saved = SavedConsortium(
        name=body.name,
        call_id=body.call_id,
        member_ids=body.member_ids,
        theme=theme,
        notes=body.notes,
        owner_key_id=principal.key_id,
        score=score,
        components=components,
    )
    session.add(saved)
    session.flush()
    return saved


def update(
    session: Session,
    index: MatchIndex,
    saved: SavedConsortium,
    body: ConsortiumUpdate,
    principal: Principal,
    if_match: str | None,
) -> SavedConsortium:
    _require_owner(saved, principal)
    _require_scope(index, saved.member_ids, principal)
    check_if_match(if_match, saved.version)
    current = Status(saved.status)
    changes: dict[str, object] = {
        name: value
        for name, value in (("name", body.name), ("notes", body.notes))
        if value is not None
    }
    if body.status is not None and body.status != current:
        if body.status not in TRANSITIONS[current]:
            allowed = ", ".join(sorted(TRANSITIONS[current])) or "none"
            raise Conflict(
                f"a {current} consortium cannot become {body.status} (allowed: {allowed})"
            )
        if body.status in ADMIN_ONLY_STATUSES:
            principal.require_role(Role.admin)
        changes["status"] = body.status
    if body.member_ids is not None and body.member_ids != saved.member_ids:
        if current != Status.draft:
            raise Conflict(f"the members of a {current} consortium are fixed")
        _require_scope(index, body.member_ids, principal)
        theme, score, components = _scored(index, body.member_ids, saved.theme)
        changes |= {
            "member_ids": body.member_ids,
            "theme": theme,
            "score": score,
            "components": components,
        }
    if apply_changes(saved, changes) is Outcome.updated:
        session.flush()
    return saved


def delete(
    session: Session,
    index: MatchIndex,
    saved: SavedConsortium,
    principal: Principal,
    if_match: str | None,
) -> None:
    _require_owner(saved, principal)
    _require_scope(index, saved.member_ids, principal)
    check_if_match(if_match, saved.version)
    if saved.status != Status.draft:
        raise Conflict(f"only drafts can be deleted; this consortium is {saved.status}")
    session.delete(saved)
    session.flush()


def funded_counts(session: Session) -> dict[int, int]:
    """How many funded consortia each actor has been in: its track record."""
    counts: dict[int, int] = {}
    rows = session.execute(
        sa.select(col(SavedConsortium.member_ids)).where(
            col(SavedConsortium.status) == Status.funded
        )
    )
    for (member_ids,) in rows:
        for actor_id in member_ids:
            counts[actor_id] = counts.get(actor_id, 0) + 1
    return counts
