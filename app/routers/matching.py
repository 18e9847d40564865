from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from app.actors.models import ActorKind
from app.core.fields import NutsCode, RowId, Slug
from app.feedback import service as outcomes
from app.feedback.schemas import FeedbackIn, FeedbackOut, ModelOut
from app.matching_service import model as model_report
from app.matching_service import service
from app.matching_service.schemas import (
    CandidatesOut,
    ConsortiaOut,
    ConsortiumRequestIn,
    PartnerRegionsOut,
    ProfileOut,
    ScoreOut,
    ScoreRequestIn,
)
from app.ops.problems import problem_responses
from app.routers.deps import (
    IndexDep,
    ReadAccess,
    ReplyLanguage,
    SessionDep,
    WriterDep,
    in_thread,
)

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
    lang: ReplyLanguage,
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
            lang=lang,
        ),
    )


@router.get(
    "/profile",
    response_model=ProfileOut,
    responses=problem_responses(401, 404, 422),
    summary="What matching works with for one actor: stated, or read from its description",
)
async def profile(
    keeper: IndexDep, session: SessionDep, actor_id: RowId, lang: ReplyLanguage
) -> ProfileOut:
    return await in_thread(session, lambda: service.profile(session, keeper, actor_id, lang))


@router.post(
    "/consortia",
    response_model=ConsortiaOut,
    responses=problem_responses(401, 422),
    summary="Propose diverse consortia that meet every constraint",
)
async def consortia(
    keeper: IndexDep,
    session: SessionDep,
    body: ConsortiumRequestIn,
    lang: ReplyLanguage,
) -> ConsortiaOut:
    return await in_thread(session, lambda: service.propose(session, keeper, body, lang))


@router.post(
    "/consortia/score",
    response_model=ScoreOut,
    responses=problem_responses(401, 422),
    summary="Score a hand-picked consortium and list the constraints it breaks",
)
async def score(
    keeper: IndexDep,
    session: SessionDep,
    body: ScoreRequestIn,
    lang: ReplyLanguage,
) -> ScoreOut:
    return await in_thread(session, lambda: service.score(session, keeper, body, lang))


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
    lang: ReplyLanguage,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> PartnerRegionsOut:
    return await in_thread(
        session, lambda: service.partner_regions(session, keeper, region_code, limit, lang)
    )


@router.post(
    "/feedback",
    response_model=FeedbackOut,
    status_code=status.HTTP_201_CREATED,
    responses={
        200: {"model": FeedbackOut, "description": "This key's earlier verdict was replaced"},
        **problem_responses(401, 403, 409, 422),
    },
    summary="Record a verdict on a candidate; it counts at the next `clustermatch matching fit`",
)
async def feedback(
    session: SessionDep, writer: WriterDep, body: FeedbackIn, response: Response
) -> FeedbackOut:
    recorded = await in_thread(session, lambda: outcomes.record(session, body, writer), write=True)
    if recorded.replaced:
        response.status_code = status.HTTP_200_OK
    return recorded


@router.get(
    "/model",
    response_model=ModelOut,
    responses=problem_responses(401),
    summary="The pair-score weights in use, the labels, and fitted vs default ranking quality",
)
async def model(session: SessionDep) -> ModelOut:
    return await in_thread(session, lambda: model_report.model(session))
