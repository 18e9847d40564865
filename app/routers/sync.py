from fastapi import APIRouter

from app.ops.problems import also_checks, problem_responses
from app.routers.deps import IntegratorDep, SessionDep, in_thread
from app.sync import service
from app.sync.schemas import SyncActorBatch, SyncRegionBatch, SyncResult

router = APIRouter(prefix="/sync", tags=["sync"])


@router.post(
    "/regions",
    response_model=SyncResult,
    responses=problem_responses(401, 403, 422),
    summary="Upsert up to 1,000 regions by NUTS code; all or nothing (integrator, admin)",
    description="A record replaces only the fields it carries: a field left out keeps its "
    "stored value, an explicit null or [] clears it.",
)
@also_checks(service.regions_reference_errors)
async def sync_regions(
    body: SyncRegionBatch, session: SessionDep, _writer: IntegratorDep
) -> SyncResult:
    return await in_thread(session, lambda: service.sync_regions(session, body.items), write=True)


@router.post(
    "/actors",
    response_model=SyncResult,
    responses=problem_responses(401, 403, 422),
    summary="Upsert up to 1,000 clusters and RDI platforms by (kind, external_id); all or nothing",
    description="A record replaces only the fields it carries: a field left out keeps its "
    "stored value, an explicit null or [] clears it. A record that creates an actor needs "
    "`name` and `region_code`.",
)
@also_checks(service.actors_reference_errors)
async def sync_actors(
    body: SyncActorBatch, session: SessionDep, _writer: IntegratorDep
) -> SyncResult:
    return await in_thread(session, lambda: service.sync_actors(session, body.items), write=True)
