"""Calls: storage and the eligibility check."""

from sqlmodel import Session, col, func, select

from app.calls import rules
from app.calls.models import Call, CallCreate, CallFields, CallPublic, Eligibility
from app.core.columns import utcnow
from app.core.versioning import check_if_match
from app.errors import Conflict, InvalidPayload, NotFound
from app.matching.index import MatchIndex
from app.matching_service.checks import actor_id_errors
from app.vocab.models import VocabKind
from app.vocab.service import slugs, unknown_slug_errors


def to_public(call: Call) -> CallPublic:
    return CallPublic.model_validate(call, from_attributes=True)


def rules_of(call: Call) -> CallFields:
    return CallFields.model_validate(call, from_attributes=True)


def get_call(session: Session, call_id: int) -> Call:
    call = session.get(Call, call_id)
    if call is None:
        raise NotFound(f"no call with id {call_id}")
    return call


def list_calls(session: Session, limit: int, offset: int) -> tuple[list[Call], int]:
    total = session.exec(select(func.count()).select_from(Call)).one()
    rows = session.exec(select(Call).order_by(col(Call.id)).limit(limit).offset(offset))
    return list(rows), total


def _check_themes(session: Session, body: CallFields) -> None:
    errors = unknown_slug_errors(
        "themes", body.themes, slugs(session, VocabKind.theme), VocabKind.theme
    )
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
    data = body.model_dump()
    if all(getattr(call, k) == v for k, v in data.items()):
        return call
    for key, value in data.items():
        setattr(call, key, value)
    call.version += 1
    call.updated_at = utcnow()
    session.add(call)
    session.flush()
    return call


def delete_call(session: Session, call: Call, if_match: str | None) -> None:
    from app.consortia.service import calls_in_use  # consortia refer to calls

    check_if_match(if_match, call.version)
    assert call.id is not None
    if used := calls_in_use(session, call.id):
        raise Conflict(f"call {call.id} is referenced by {used} saved consortium(s)")
    session.delete(call)
    session.flush()


def members_of(
    index: MatchIndex, member_ids: list[int], field: str = "member_ids"
) -> list[rules.Member]:
    errors = actor_id_errors(index, member_ids, field)
    if errors:
        raise InvalidPayload.of(errors)
    out = []
    for actor_id in member_ids:
        features = index.features[index.position[actor_id]]
        profile = features.profile
        out.append(
            rules.Member(
                profile.id, profile.name, profile.kind, profile.region_code, features.themes
            )
        )
    return out


def eligibility(
    call: Call, index: MatchIndex, member_ids: list[int], eu_funding: int | None
) -> Eligibility:
    assert call.id is not None
    call_rules = rules_of(call)
    members = members_of(index, member_ids)
    broken = rules.violations(call_rules, members, eu_funding, utcnow())
    return Eligibility(
        call_id=call.id,
        eligible=not broken,
        violations=broken,
        budget=rules.budget(call_rules, eu_funding) if eu_funding is not None else None,
    )
