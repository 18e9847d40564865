from fastapi import APIRouter

from app.ops.problems import problem_responses
from app.routers.deps import IntegratorDep, SessionDep, in_thread
from app.sync import service
from app.sync.schemas import SyncBatch, SyncResult

router = APIRouter(prefix="/sync", tags=["sync"])


@router.post(
    "/regions",
    response_model=SyncResult,
    responses=problem_responses(401, 403, 422),
    summary="Upsert up to 1,000 regions by NUTS code; all or nothing (integrator, admin)",
)
async def sync_regions(body: SyncBatch, session: SessionDep, _writer: IntegratorDep) -> SyncResult:
    return await in_thread(session, lambda: service.sync_regions(session, body.items), write=True)


@router.post(
    "/actors",
    response_model=SyncResult,
    responses=problem_responses(401, 403, 422),
    summary="Upsert up to 1,000 clusters and RDI platforms by (kind, external_id); all or nothing",
)
async def sync_actors(body: SyncBatch, session: SessionDep, _writer: IntegratorDep) -> SyncResult:
    return await in_thread(session, lambda: service.sync_actors(session, body.items), write=True)
