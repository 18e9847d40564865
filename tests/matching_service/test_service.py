"""Matching requests at the service level: a request's rules joined with a call's, every
proposal checked by the call's own eligibility check, and failures named by field."""

import pytest
from sqlmodel import Session

from app.errors import InvalidPayload
from app.matching.index import MatchIndex
from app.matching_service import service
from app.matching_service.keeper import IndexKeeper
from app.matching_service.schemas import ConsortiumRequestIn, ScoreRequestIn
from tests.service_world import add_call, build_world


class Fixed(IndexKeeper):
    """A keeper that hands out one prepared index."""

    def __init__(self, index: MatchIndex) -> None:
        super().__init__()
        self._prepared = index

    def index(self, session: Session) -> MatchIndex:
        return self._prepared


@pytest.fixture
def world(session: Session) -> tuple[dict[str, int], MatchIndex]:
    ids = build_world(session)
    return ids, IndexKeeper().index(session)


def failed_field(session: Session, index: MatchIndex, **body: object) -> str:
    with pytest.raises(InvalidPayload) as raised:
        service.propose(session, Fixed(index), ConsortiumRequestIn.model_validate(body))
    errors = raised.value.errors or []
    assert len(errors) == 1
    return errors[0].field


def test_proposals_for_a_call_meet_the_request_and_the_call(
    session: Session, world: tuple[dict[str, int], MatchIndex]
) -> None:
    ids, index = world
    call = add_call(
        session, min_members=3, region_level=2, min_regions=2, eligible_countries=["SE"]
    )
    body = ConsortiumRequestIn(call_id=call.id, max_members=3, seed_actor_ids=[ids["skane"]])
    proposals = service.propose(session, Fixed(index), body).consortia
    assert proposals
    for proposal in proposals:
        assert proposal.eligibility is not None and proposal.eligibility.eligible
        assert len(proposal.members) == 3  # the request's max, the call's min
        assert {m.region_code[:2] for m in proposal.members} == {"SE"}
        assert ids["skane"] in {m.id for m in proposal.members}


def test_an_impossible_rule_is_named_by_the_field_that_set_it(
    session: Session, world: tuple[dict[str, int], MatchIndex]
) -> None:
    ids, index = world
    swedish = add_call(session, eligible_countries=["SE"], region_level=2, min_regions=2)
    big = add_call(session, min_members=6)
    assert failed_field(session, index, theme="ict") == "min_members"
    assert failed_field(session, index, theme="food", min_regions=7) == "min_regions"
    assert (
        failed_field(session, index, seed_actor_ids=[ids["skane"]], kinds=["rdi_platform"])
        == "kinds"
    )
    assert failed_field(session, index, call_id=swedish.id, seed_actor_ids=[ids["dk"]]) == "call_id"
    assert failed_field(session, index, call_id=big.id, max_members=5) == "max_members"
    assert failed_field(session, index, call_id=999) == "call_id"
    # A rule the call made stricter is the call's, not the request field's.
    danish = add_call(session, eligible_countries=["DK"])
    assert failed_field(session, index, call_id=danish.id) == "call_id"
    spread = add_call(session, min_regions=8)
    assert failed_field(session, index, call_id=spread.id, theme="food") == "call_id"
    assert failed_field(session, index, call_id=spread.id, min_regions=9, theme="food") == (
        "min_regions"
    )


def test_seeds_of_a_call_must_share_the_theme_the_search_tries(
    session: Session, world: tuple[dict[str, int], MatchIndex]
) -> None:
    ids, index = world
    any_theme = add_call(session, min_members=3, max_members=4)
    field = failed_field(
        session, index, call_id=any_theme.id, seed_actor_ids=[ids["skane"], ids["uppsala_ict"]]
    )
    assert field == "call_id"  # food and ict seeds share no theme: the call's rule


def test_a_call_open_to_other_themes_refuses_the_theme(
    session: Session, world: tuple[dict[str, int], MatchIndex]
) -> None:
    _ids, index = world
    food_only = add_call(session, themes=["food"])
    assert failed_field(session, index, call_id=food_only.id, theme="ict") == "theme"


def test_score_reports_the_rules_under_the_calls_names(
    session: Session, world: tuple[dict[str, int], MatchIndex]
) -> None:
    ids, index = world
    body = ScoreRequestIn(
        member_ids=[ids["sthlm"], ids["sthlm_lab"]], kinds=["rdi_platform"], min_regions=2
    )
    scored = service.score(session, Fixed(index), body)
    assert {(v.rule, v.detail.split()[0]) for v in scored.violations} == {
        ("min_members", "2"),
        ("min_regions", "members"),
        ("eligible_kinds", "sthlm"),
    }
    assert 0 <= scored.score <= 1
