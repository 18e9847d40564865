from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from app.consortia import service
from app.consortia.models import ConsortiumCreate, ConsortiumUpdate, SavedConsortiumPublic, Status
from app.core.fields import RowId
from app.core.pagination import Page, PageParams
from app.core.paths import api_path
from app.core.versioning import etag
from app.ops.problems import also_checks, problem_responses
from app.routers.deps import IndexDep, ReadAccess, SessionDep, WriterDep, in_thread
from app.routers.etags import IfMatch

router = APIRouter(prefix="/consortia", tags=["consortia"])


@router.post(
    "",
    response_model=SavedConsortiumPublic,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 403, 422),
    summary="Save a proposal or a hand-picked member list, scored now",
)
@also_checks(service.body_reference_errors)
async def save(
    body: ConsortiumCreate,
    keeper: IndexDep,
    response: Response,
    session: SessionDep,
    writer: WriterDep,
) -> SavedConsortiumPublic:
    def work() -> SavedConsortiumPublic:
        saved = service.save(session, keeper.index(session), body, writer)
        return service.to_public(session, saved)

    saved = await in_thread(session, work, write=True)
    response.headers["Location"] = api_path("consortia", saved.id)
    response.headers["ETag"] = etag(saved.version)
    return saved


@router.get(
    "",
    response_model=Page[SavedConsortiumPublic],
    dependencies=[ReadAccess],
    responses=problem_responses(401, 422),
)
async def list_saved(
    session: SessionDep,
    page: Annotated[PageParams, Query()],
    status: Status | None = None,
    call_id: RowId | None = None,
) -> Page[SavedConsortiumPublic]:
    def work() -> Page[SavedConsortiumPublic]:
        rows, total = service.list_saved(session, status, call_id, page.limit, page.offset)
        items = [service.to_public(session, row) for row in rows]
        return Page(items=items, total=total, limit=page.limit, offset=page.offset)

    return await in_thread(session, work)


@router.get(
    "/{consortium_id}",
    response_model=SavedConsortiumPublic,
    dependencies=[ReadAccess],
    responses=problem_responses(401, 404),
)
async def get_saved(
    consortium_id: RowId, response: Response, session: SessionDep
) -> SavedConsortiumPublic:
    saved = await in_thread(
        session, lambda: service.to_public(session, service.get_saved(session, consortium_id))
    )
    response.headers["ETag"] = etag(saved.version)
    return saved


@router.patch(
    "/{consortium_id}",
    response_model=SavedConsortiumPublic,
    responses=problem_responses(401, 403, 404, 409, 412, 422),
    summary="Change name, notes, members (drafts) or status: draft → submitted → funded | rejected",
)
async def update(
    consortium_id: RowId,
    body: ConsortiumUpdate,
    keeper: IndexDep,
    response: Response,
    session: SessionDep,
    writer: WriterDep,
    if_match: IfMatch = None,
) -> SavedConsortiumPublic:
    def work() -> SavedConsortiumPublic:
        saved = service.get_saved(session, consortium_id)
        saved = service.update(session, keeper.index(session), saved, body, writer, if_match)
        return service.to_public(session, saved)

    saved = await in_thread(session, work, write=True)
    response.headers["ETag"] = etag(saved.version)
    return saved


@router.delete(
    "/{consortium_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404, 409, 412),
)
async def delete(
    consortium_id: RowId,
    keeper: IndexDep,
    session: SessionDep,
    writer: WriterDep,
    if_match: IfMatch = None,
) -> None:
    def work() -> None:
        saved = service.get_saved(session, consortium_id)
        service.delete(session, keeper.index(session), saved, writer, if_match)

    await in_thread(session, work, write=True)
