"""Calls: storage and the eligibility check."""

from typing import Any

from sqlmodel import Session, col, func, select

from app.actors.service import actor_id_errors
from app.calls.models import Call, CallCreate, CallFields, CallPublic, Eligibility
from app.changes.recorder import FeedEntity
from app.core.columns import utcnow
from app.core.sql import blocking_references
from app.core.versioning import Outcome, apply_changes, check_if_match
from app.errors import Conflict, FieldError, InvalidPayload, NotFound
from app.matching import rules
from app.matching.consortia import members_of
from app.matching.explain import theme_names
from app.matching.index import MatchIndex
from app.matching.rules import ConsortiumRules
from app.vocab.models import VocabKind
from app.vocab.service import slugs, unknown_slug_errors


def to_public(call: Call) -> CallPublic:
    return CallPublic.model_validate(call, from_attributes=True)


FEED = FeedEntity(
    identify=lambda call: ("call", call.id) if call.id is not None else None,
    data=lambda call: to_public(call).model_dump(mode="json"),
)


def rules_of(call: Call) -> ConsortiumRules:
    return CallFields.model_validate(call, from_attributes=True).to_rules()


def get_call(session: Session, call_id: int) -> Call:
    call = session.get(Call, call_id)
    if call is None:
        raise NotFound(f"no call with id {call_id}")
    return call


def list_calls(session: Session, limit: int, offset: int) -> tuple[list[Call], int]:
    total = session.exec(select(func.count()).select_from(Call)).one()
    rows = session.exec(select(Call).order_by(col(Call.id)).limit(limit).offset(offset))
    return list(rows), total


def body_reference_errors(session: Session, body: Any, flagged: set[str]) -> list[FieldError]:
    """The checks of a call body that need the vocabulary; the body may be as sent."""
    themes = body.get("themes") if isinstance(body, dict) else None
    known = slugs(session, VocabKind.theme)
    return unknown_slug_errors("themes", themes, known, VocabKind.theme, flagged)


def _check_themes(session: Session, body: CallFields) -> None:
    errors = body_reference_errors(session, body.model_dump(), set())
    if errors:
        raise InvalidPayload.of(errors)


def create_call(session: Session, body: CallCreate) -> Call:
    _check_themes(session, body)
    call = Call(**body.model_dump())
    session.add(call)
    session.flush()
    return call


def replace_call(session: Session, call: Call, body: CallFields, if_match: str | None) -> Call:
    check_if_match(if_match, call.version)
    _check_themes(session, body)
    if apply_changes(call, body.model_dump()) is Outcome.updated:
        session.flush()
    return call


def delete_call(session: Session, call: Call, if_match: str | None) -> None:
    check_if_match(if_match, call.version)
    if referrers := blocking_references(session, Call.__table__, call.id):  # type: ignore[attr-defined]
        raise Conflict(f"call {call.id} is referenced by {referrers}")
    session.delete(call)
    session.flush()


def eligibility(
    call: Call,
    index: MatchIndex,
    member_ids: list[int],
    eu_funding: int | None,
    lang: str = "en",
) -> Eligibility:
    """Every rule of the call the member list breaks, worded in `lang`, and the budget for
    `eu_funding`."""
    assert call.id is not None
    errors = actor_id_errors(index.position, member_ids, "member_ids")
    if errors:
        raise InvalidPayload.of(errors)
    call_rules = rules_of(call)
    broken = rules.violations(
        call_rules,
        members_of(index, member_ids),
        eu_funding=eu_funding,
        now=utcnow(),
        lang=lang,
        theme_names=theme_names(index, lang),
    )
    return Eligibility(
        call_id=call.id,
        eligible=not broken,
        violations=broken,
        budget=rules.budget(call_rules, eu_funding) if eu_funding is not None else None,
    )
