"""A call's eligibility check and storage rules, at the service level."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session

from app.calls import service
from app.calls.models import CallFields
from app.consortia.models import SavedConsortium
from app.errors import Conflict, InvalidPayload, PreconditionFailed
from app.matching_service.keeper import IndexKeeper
from tests.service_world import add_call, build_world


def test_eligibility_lists_every_broken_rule_with_the_budget(session: Session) -> None:
    ids = build_world(session)
    call = add_call(
        session,
        min_members=3,
        max_members=3,
        min_regions=2,
        region_level=2,
        eligible_countries=["SE"],
        eligible_kinds=["cluster"],
        funding_max=600_000,
        cofunding_rate=0.5,
    )
    index = IndexKeeper().index(session)
    members = [ids["skane"], ids["sthlm"], ids["dk"], ids["vgr_lab"]]
    result = service.eligibility(call, index, members, 700_000)
    assert not result.eligible
    assert sorted(v.rule for v in result.violations) == [
        "eligible_countries",
        "eligible_kinds",
        "funding_max",
        "max_members",
    ]
    assert result.budget is not None and result.budget.total == 1_400_000
    fine = service.eligibility(call, index, [ids["skane"], ids["sthlm"], ids["sthlm_lab"]], None)
    assert fine.violations == [v for v in fine.violations if v.rule == "eligible_kinds"]
    assert [v.detail.split()[0] for v in fine.violations] == ["sthlm_lab"]


def test_eligibility_names_unknown_and_repeated_members(session: Session) -> None:
    ids = build_world(session)
    call = add_call(session)
    index = IndexKeeper().index(session)
    with pytest.raises(InvalidPayload) as raised:
        service.eligibility(call, index, [ids["skane"], 999_999, ids["skane"]], None)
    assert [(e.field, e.message.split()[0]) for e in raised.value.errors or []] == [
        ("member_ids.1", "no"),
        ("member_ids.2", "actor"),
    ]


def test_a_closed_call_reports_its_window(session: Session) -> None:
    ids = build_world(session)
    call = add_call(session, min_members=1, closes_at=datetime.now(UTC) - timedelta(days=1))
    result = service.eligibility(call, IndexKeeper().index(session), [ids["skane"]], None)
    assert [v.rule for v in result.violations] == ["closes_at"]


def test_a_call_in_use_cannot_be_deleted(session: Session) -> None:
    build_world(session)
    used, unused = add_call(session), add_call(session)
    session.add(SavedConsortium(name="Ours", call_id=used.id, member_ids=[1, 2]))
    session.flush()
    with pytest.raises(Conflict, match="1 saved consortium"):
        service.delete_call(session, used, None)
    service.delete_call(session, unused, None)
    session.flush()
    assert session.get(type(unused), unused.id) is None


def test_a_stale_if_match_stops_a_call_replacement(session: Session) -> None:
    call = add_call(session, min_members=3, max_members=4)
    wider = CallFields.model_validate({"name": "Call", "min_members": 3, "max_members": 5})
    with pytest.raises(PreconditionFailed):
        service.replace_call(session, call, wider, '"2"')
    assert (call.version, call.max_members) == (1, 4)
    service.replace_call(session, call, wider, '"1"')
    assert (call.version, call.max_members) == (2, 5)


def test_if_match_star_replaces_whatever_version_is_stored(session: Session) -> None:
    call = add_call(session, min_members=3, max_members=4)
    for size in (5, 6):
        body = CallFields.model_validate({"name": "Call", "min_members": 3, "max_members": size})
        service.replace_call(session, call, body, "*")
    assert (call.version, call.max_members) == (3, 6)
