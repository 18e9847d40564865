from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status

from app.calls import service
from app.calls.models import CallCreate, CallPublic, Eligibility, EligibilityRequest
from app.core.fields import RowId
from app.core.pagination import Page, PageParams
from app.core.paths import api_path
from app.core.versioning import etag
from app.ops.problems import also_checks, problem_responses
from app.routers.deps import (
    AdminDep,
    IndexDep,
    ReadAccess,
    ReplyLanguage,
    SessionDep,
    in_thread,
)
from app.routers.etags import NOT_MODIFIED, HonoursIfNoneMatch, IfMatch, conditional

router = APIRouter(prefix="/calls", tags=["calls"])


@router.post(
    "",
    response_model=CallPublic,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 403, 422),
    summary="Create a funding call with its rules (admin)",
)
@also_checks(service.body_reference_errors)
async def create_call(
    body: CallCreate, response: Response, session: SessionDep, _admin: AdminDep
) -> CallPublic:
    call = await in_thread(
        session, lambda: service.to_public(service.create_call(session, body)), write=True
    )
    response.headers["Location"] = api_path("calls", call.id)
    response.headers["ETag"] = etag(call.version)
    return call


@router.get(
    "",
    response_model=Page[CallPublic],
    dependencies=[ReadAccess],
    responses=problem_responses(401, 422),
)
async def list_calls(session: SessionDep, page: Annotated[PageParams, Query()]) -> Page[CallPublic]:
    rows, total = await in_thread(
        session, lambda: service.list_calls(session, page.limit, page.offset)
    )
    items = [service.to_public(c) for c in rows]
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)


@router.get(
    "/{call_id}",
    response_model=CallPublic,
    dependencies=[ReadAccess, HonoursIfNoneMatch],
    responses={**NOT_MODIFIED, **problem_responses(401, 404)},
)
async def get_call(
    call_id: RowId, request: Request, response: Response, session: SessionDep
) -> CallPublic | Response:
    call = await in_thread(session, lambda: service.to_public(service.get_call(session, call_id)))
    return conditional(request, response, call)


@router.put(
    "/{call_id}",
    response_model=CallPublic,
    responses=problem_responses(401, 403, 404, 412, 422),
    summary="Replace a call's rules (admin)",
)
@also_checks(service.body_reference_errors)
async def replace_call(
    call_id: RowId,
    body: CallCreate,
    response: Response,
    session: SessionDep,
    _admin: AdminDep,
    if_match: IfMatch = None,
) -> CallPublic:
    call = await in_thread(
        session,
        lambda: service.to_public(
            service.replace_call(session, service.get_call(session, call_id), body, if_match)
        ),
        write=True,
    )
    response.headers["ETag"] = etag(call.version)
    return call


@router.delete(
    "/{call_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404, 409, 412),
)
async def delete_call(
    call_id: RowId, session: SessionDep, _admin: AdminDep, if_match: IfMatch = None
) -> None:
    await in_thread(
        session,
        lambda: service.delete_call(session, service.get_call(session, call_id), if_match),
        write=True,
    )


@router.post(
    "/{call_id}/eligibility",
    response_model=Eligibility,
    dependencies=[ReadAccess],
    responses=problem_responses(401, 404, 422),
    summary="Check a member list against every rule of the call, with the budget",
)
async def eligibility(
    call_id: RowId,
    body: EligibilityRequest,
    session: SessionDep,
    keeper: IndexDep,
    lang: ReplyLanguage,
) -> Eligibility:
    def work() -> Eligibility:
        call = service.get_call(session, call_id)
        index = keeper.index(session)
        return service.eligibility(call, index, body.member_ids, body.eu_funding, lang)

    return await in_thread(session, work)
