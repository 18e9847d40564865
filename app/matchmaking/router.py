from typing import Annotated

from fastapi import APIRouter, Query, Request

from app.actors.models import ActorKind
from app.common import API_PREFIX, Slug
from app.deps import ReadAccess, SessionDep
from app.errors import problem_responses
from app.matchmaking import service
from app.matchmaking.keeper import IndexKeeper
from app.matchmaking.schemas import (
    CandidatesOut,
    ConsortiaOut,
    ConsortiumRequestIn,
    PartnerRegionsOut,
    ScoreOut,
    ScoreRequestIn,
)

# Matching is CPU work: these handlers are plain `def`, so they run in the thread pool
# and never block the event loop.
router = APIRouter(prefix=f"{API_PREFIX}/matching", tags=["matching"], dependencies=[ReadAccess])


def _keeper(request: Request) -> IndexKeeper:
    keeper: IndexKeeper = request.app.state.index_keeper
    return keeper


@router.get(
    "/candidates",
    response_model=CandidatesOut,
    responses=problem_responses(401, 404, 422),
    summary="Ranked complementary partners for one actor, with reasons",
)
def candidates(
    request: Request,
    session: SessionDep,
    actor_id: int,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
    theme: Slug | None = None,
    kind: ActorKind | None = None,
    other_regions_only: bool = True,
) -> CandidatesOut:
    return service.candidates(
        session,
        _keeper(request),
        actor_id,
        limit=limit,
        theme=theme,
        kind=kind,
        other_regions_only=other_regions_only,
    )


@router.post(
    "/consortia",
    response_model=ConsortiaOut,
    responses=problem_responses(401, 422),
    summary="Propose diverse consortia that meet every constraint",
)
def consortia(request: Request, session: SessionDep, body: ConsortiumRequestIn) -> ConsortiaOut:
    return service.propose(session, _keeper(request), body)


@router.post(
    "/consortia/score",
    response_model=ScoreOut,
    responses=problem_responses(401, 422),
    summary="Score a hand-picked consortium and list the constraints it breaks",
)
def score(request: Request, session: SessionDep, body: ScoreRequestIn) -> ScoreOut:
    return service.score(session, _keeper(request), body)


@router.get(
    "/regions",
    response_model=PartnerRegionsOut,
    responses=problem_responses(401, 404, 422),
    summary="Partner regions whose S3 priorities and actors complement a region's",
)
def regions(
    request: Request,
    session: SessionDep,
    region_code: Annotated[str, Query(min_length=2, max_length=8)],
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> PartnerRegionsOut:
    return service.partner_regions(session, _keeper(request), region_code, limit)
