from fastapi import APIRouter, status

from app.auth import service
from app.auth.models import ApiKeyCreate, ApiKeyCreated, ApiKeyPublic
from app.core.fields import RowId
from app.ops.problems import problem_responses
from app.routers.deps import AdminDep, SessionDep, in_thread

router = APIRouter(prefix="/keys", tags=["api keys"])


def _public(row: service.ApiKey) -> ApiKeyPublic:
    return ApiKeyPublic.model_validate(row, from_attributes=True)


@router.post(
    "",
    response_model=ApiKeyCreated,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 403, 422),
    summary="Issue an API key (admin); the key is in this answer only",
)
async def create_key(body: ApiKeyCreate, session: SessionDep, _admin: AdminDep) -> ApiKeyCreated:
    def work() -> ApiKeyCreated:
        row, key = service.create_key(session, body)
        return ApiKeyCreated(**_public(row).model_dump(), key=key)

    return await in_thread(session, work, write=True)


@router.get("", response_model=list[ApiKeyPublic], responses=problem_responses(401, 403))
async def list_keys(session: SessionDep, _admin: AdminDep) -> list[ApiKeyPublic]:
    return await in_thread(session, lambda: [_public(row) for row in service.list_keys(session)])


@router.delete(
    "/{key_id}",
    response_model=ApiKeyPublic,
    responses=problem_responses(401, 403, 404),
    summary="Revoke an API key (admin)",
)
async def revoke_key(key_id: RowId, session: SessionDep, _admin: AdminDep) -> ApiKeyPublic:
    return await in_thread(
        session, lambda: _public(service.revoke_key(session, key_id)), write=True
    )
