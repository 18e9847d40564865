"""Saved consortia: scored when saved, moved through their statuses, guarded by scope."""

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
from app.core.versioning import Outcome, apply_changes, check_if_match
from app.errors import Conflict, FieldError, Forbidden, InvalidPayload, NotFound
from app.matching import consortia as engine
from app.matching.index import MatchIndex


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
_ADMIN_ONLY = {Status.funded, Status.rejected}


def _scored(
    index: MatchIndex, member_ids: list[int], theme: str | None
) -> tuple[str | None, float, dict[str, float]]:
    errors = actor_id_errors(index.position, member_ids, "member_ids")
    if theme is not None and theme not in index.vocabulary.theme_labels:
        errors.append(FieldError(field="theme", message=f"unknown theme '{theme}'"))
    if errors:
        raise InvalidPayload.of(errors)
    positions = [index.position[i] for i in member_ids]
    theme = theme or engine.main_theme(index, positions)
    pool = engine.make_pool(index, positions, theme, None)
    consortium = engine.describe(index, pool, theme, tuple(range(len(positions))))
    return theme, consortium.score, consortium.components


def save(
    session: Session, index: MatchIndex, body: ConsortiumCreate, principal: Principal
) -> SavedConsortium:
    if body.call_id is not None and session.get(Call, body.call_id) is None:
        raise InvalidPayload.of(
            [FieldError(field="call_id", message=f"no call with id {body.call_id}")]
        )
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
        if body.status in _ADMIN_ONLY:
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
