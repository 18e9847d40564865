"""`/clusters` and `/rdi-platforms`: one router factory, the kind set by the route."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, status
from sqlmodel import Session

from app.actors import service
from app.actors.models import ActorCreate, ActorKind, ActorPublic, ActorUpdate
from app.auth.service import Principal
from app.core.fields import CountryFilter, NaceFilter, NutsPrefixFilter, RowId, Slug
from app.core.pagination import Page, PageParams
from app.core.paths import api_path
from app.core.versioning import etag
from app.ops.problems import also_checks, problem_responses
from app.routers.deps import ActorCacheDep, ReadAccess, SessionDep, WriterDep, in_thread
from app.routers.etags import NOT_MODIFIED, HonoursIfNoneMatch, IfMatch, not_modified


async def _filters(
    region: Annotated[NutsPrefixFilter | None, Query(description="NUTS prefix, e.g. SE2")] = None,
    country: Annotated[CountryFilter | None, Query(examples=["SE"])] = None,
    theme: Annotated[Slug | None, Query()] = None,
    nace: Annotated[NaceFilter | None, Query(description="NACE prefix: C, 26, 26.1")] = None,
    capability: Annotated[Slug | None, Query(description="Offered or sought")] = None,
    q: Annotated[
        str | None, Query(min_length=1, max_length=200, description="Text in name or description")
    ] = None,
) -> service.ActorFilters:
    return service.ActorFilters(region, country, theme, nace, capability, q)


def make_router(kind: ActorKind, path: str) -> APIRouter:
    label = path
    router = APIRouter(prefix=f"/{path}", tags=[label])

    @router.post(
        "",
        response_model=ActorPublic,
        status_code=status.HTTP_201_CREATED,
        responses=problem_responses(401, 403, 409, 422),
        summary=f"Register a {label[:-1]}",
    )
    @also_checks(service.body_reference_errors)
    async def create(
        body: ActorCreate, response: Response, session: SessionDep, writer: WriterDep
    ) -> ActorPublic:
        actor = await in_thread(
            session,
            lambda: service.to_public(service.create_actor(session, kind, body, writer)),
            write=True,
        )
        response.headers["ETag"] = etag(actor.version)
        response.headers["Location"] = api_path(path, actor.id)
        return actor

    @router.get(
        "",
        response_model=Page[ActorPublic],
        dependencies=[ReadAccess],
        responses=problem_responses(401, 422),
        summary=f"List {label}",
    )
    @also_checks(service.filter_reference_errors, of="query")
    async def list_(
        session: SessionDep,
        cache: ActorCacheDep,
        page: Annotated[PageParams, Query()],
        filters: Annotated[service.ActorFilters, Depends(_filters)],
    ) -> Response:
        body = await in_thread(
            session,
            lambda: service.list_json(session, cache, kind, filters, page.limit, page.offset),
        )
        return Response(body, media_type="application/json")

    @router.get(
        "/{actor_id}",
        response_model=ActorPublic,
        dependencies=[ReadAccess, HonoursIfNoneMatch],
        responses={**NOT_MODIFIED, **problem_responses(401, 404)},
        summary=f"Read one {label[:-1]}",
    )
    async def read(
        actor_id: RowId, request: Request, session: SessionDep, cache: ActorCacheDep
    ) -> Response:
        body, version = await in_thread(
            session, lambda: service.read_json(session, cache, kind, actor_id)
        )
        return not_modified(request, version) or Response(
            body, media_type="application/json", headers={"ETag": etag(version)}
        )

    async def _write(
        actor_id: RowId,
        body: ActorCreate | ActorUpdate,
        response: Response,
        session: Session,
        writer: Principal,
        if_match: str | None,
    ) -> ActorPublic:
        def work() -> ActorPublic:
            actor = service.get_actor(session, kind, actor_id)
            service.update_actor(session, actor, body, writer, if_match)
            return service.to_public(actor)

        actor = await in_thread(session, work, write=True)
        response.headers["ETag"] = etag(actor.version)
        return actor

    @router.put(
        "/{actor_id}",
        response_model=ActorPublic,
        responses=problem_responses(401, 403, 404, 409, 412, 422),
        summary=f"Replace a {label[:-1]}",
    )
    @also_checks(service.body_reference_errors)
    async def replace(
        actor_id: RowId,
        body: ActorCreate,
        response: Response,
        session: SessionDep,
        writer: WriterDep,
        if_match: IfMatch = None,
    ) -> ActorPublic:
        return await _write(actor_id, body, response, session, writer, if_match)

    @router.patch(
        "/{actor_id}",
        response_model=ActorPublic,
        responses=problem_responses(401, 403, 404, 409, 412, 422),
        summary=f"Change some fields of a {label[:-1]}",
    )
    @also_checks(service.body_reference_errors)
    async def patch(
        actor_id: RowId,
        body: ActorUpdate,
        response: Response,
        session: SessionDep,
        writer: WriterDep,
        if_match: IfMatch = None,
    ) -> ActorPublic:
        return await _write(actor_id, body, response, session, writer, if_match)

    @router.delete(
        "/{actor_id}",
        status_code=status.HTTP_204_NO_CONTENT,
        responses=problem_responses(401, 403, 404, 412),
        summary=f"Delete a {label[:-1]}",
    )
    async def delete(
        actor_id: RowId, session: SessionDep, writer: WriterDep, if_match: IfMatch = None
    ) -> None:
        await in_thread(
            session,
            lambda: service.delete_actor(
                session, service.get_actor(session, kind, actor_id), writer, if_match
            ),
            write=True,
        )

    return router


clusters_router = make_router(ActorKind.cluster, "clusters")
rdi_platforms_router = make_router(ActorKind.rdi_platform, "rdi-platforms")
