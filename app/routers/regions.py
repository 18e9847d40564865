from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status

from app.core.fields import CountryFilter, Slug
from app.core.pagination import Page, PageParams
from app.core.versioning import Outcome, etag
from app.ops.problems import also_checks, problem_responses
from app.regions import service
from app.regions.models import RegionPublic, RegionPut
from app.routers.deps import ReadAccess, SessionDep, WriterDep, in_thread
from app.routers.etags import NOT_MODIFIED, HonoursIfNoneMatch, IfMatch, conditional

router = APIRouter(prefix="/regions", tags=["regions"])


@router.get(
    "",
    response_model=Page[RegionPublic],
    dependencies=[ReadAccess],
    responses=problem_responses(401, 422),
)
@also_checks(service.filter_reference_errors, of="query")
async def list_regions(
    session: SessionDep,
    page: Annotated[PageParams, Query()],
    country: Annotated[CountryFilter | None, Query(examples=["SE"])] = None,
    level: Annotated[int | None, Query(ge=1, le=3)] = None,
    theme: Annotated[
        Slug | None, Query(description="Regions with an S3 priority on this theme")
    ] = None,
    s3_platform_member: bool | None = None,
) -> Page[RegionPublic]:
    def work() -> Page[RegionPublic]:
        rows, total = service.list_regions(
            session,
            country=country,
            level=level,
            theme=theme,
            s3_platform_member=s3_platform_member,
            limit=page.limit,
            offset=page.offset,
        )
        items = [service.to_public(r) for r in rows]
        return Page(items=items, total=total, limit=page.limit, offset=page.offset)

    return await in_thread(session, work)


@router.get(
    "/{code}",
    response_model=RegionPublic,
    dependencies=[ReadAccess, HonoursIfNoneMatch],
    responses={**NOT_MODIFIED, **problem_responses(401, 404)},
)
async def get_region(
    code: str, request: Request, response: Response, session: SessionDep
) -> RegionPublic | Response:
    region = await in_thread(session, lambda: service.to_public(service.get_region(session, code)))
    return conditional(request, response, region)


@router.put(
    "/{code}",
    response_model=RegionPublic,
    responses={
        201: {"model": RegionPublic, "description": "Created"},
        **problem_responses(401, 403, 412, 422),
    },
)
@also_checks(service.body_reference_errors)
async def put_region(
    code: str,
    body: RegionPut,
    response: Response,
    session: SessionDep,
    writer: WriterDep,
    if_match: IfMatch = None,
) -> RegionPublic:
    """Create or replace a region; the NUTS classification fills code, level, country and parent."""

    def work() -> tuple[RegionPublic, Outcome]:
        region, outcome = service.put_region(session, code, body, writer, if_match)
        return service.to_public(region), outcome

    region, outcome = await in_thread(session, work, write=True)
    response.status_code = (
        status.HTTP_201_CREATED if outcome is Outcome.created else status.HTTP_200_OK
    )
    response.headers["ETag"] = etag(region.version)
    return region


@router.delete(
    "/{code}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404, 409, 412),
)
async def delete_region(
    code: str, session: SessionDep, writer: WriterDep, if_match: IfMatch = None
) -> None:
    await in_thread(
        session, lambda: service.delete_region(session, code, writer, if_match), write=True
    )
