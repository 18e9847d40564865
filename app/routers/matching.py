from typing import Annotated

from fastapi import APIRouter, Query

from app.actors.models import ActorKind
from app.core.fields import NutsCode, RowId, Slug
from app.matching_service import service
from app.matching_service.schemas import (
    CandidatesOut,
    ConsortiaOut,
    ConsortiumRequestIn,
    PartnerRegionsOut,
    ScoreOut,
    ScoreRequestIn,
)
from app.ops.problems import problem_responses
from app.routers.deps import IndexDep, ReadAccess, SessionDep, in_thread

# Matching is CPU work: it runs in the thread pool (`in_thread`), never on the event loop.
router = APIRouter(prefix="/matching", tags=["matching"], dependencies=[ReadAccess])


@router.get(
    "/candidates",
    response_model=CandidatesOut,
    responses=problem_responses(401, 404, 422),
    summary="Ranked complementary partners for one actor, with reasons",
)
async def candidates(
    keeper: IndexDep,
    session: SessionDep,
    actor_id: RowId,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
    theme: Slug | None = None,
    kind: ActorKind | None = None,
    other_regions_only: bool = True,
) -> CandidatesOut:
    return await in_thread(
        session,
        lambda: service.candidates(
            session,
            keeper,
            actor_id,
            limit=limit,
            theme=theme,
            kind=kind,
            other_regions_only=other_regions_only,
        ),
    )


@router.post(
    "/consortia",
    response_model=ConsortiaOut,
    responses=problem_responses(401, 422),
    summary="Propose diverse consortia that meet every constraint",
)
async def consortia(
    keeper: IndexDep, session: SessionDep, body: ConsortiumRequestIn
) -> ConsortiaOut:
    return await in_thread(session, lambda: service.propose(session, keeper, body))


@router.post(
    "/consortia/score",
    response_model=ScoreOut,
    responses=problem_responses(401, 422),
    summary="Score a hand-picked consortium and list the constraints it breaks",
)
async def score(keeper: IndexDep, session: SessionDep, body: ScoreRequestIn) -> ScoreOut:
    return await in_thread(session, lambda: service.score(session, keeper, body))


@router.get(
    "/regions",
    response_model=PartnerRegionsOut,
    responses=problem_responses(401, 404, 422),
    summary="Partner regions whose S3 priorities and actors complement a region's",
)
async def regions(
    keeper: IndexDep,
    session: SessionDep,
    region_code: Annotated[NutsCode, Query(min_length=2)],
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> PartnerRegionsOut:
    return await in_thread(
        session, lambda: service.partner_regions(session, keeper, region_code, limit)
    )
