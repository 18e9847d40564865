"""Dependencies shared by the routers: the request's session, its caller, and the per-process
matching index and read cache."""

from collections.abc import AsyncIterator, Callable
from typing import Annotated, TypeVar

from fastapi import Depends, Header, Request, Security
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlmodel import Session

from app.actors.read_cache import JsonCache
from app.auth.models import Role
from app.auth.service import Principal, authenticate
from app.config import Settings
from app.core.languages import preferred_language
from app.db import finish, run_unit
from app.errors import Forbidden, Unauthorized
from app.matching_service.keeper import IndexKeeper

# Dependencies that do no I/O are `async def`: each sync dependency would cost the request
# a trip through the thread pool.


async def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_session(request: Request) -> AsyncIterator[Session]:
    """The request's session. Handlers do their work on it through `in_thread`, which ends
    each transaction in the thread that did the work; whatever is still open when the
    request ends is committed (or, after an error, rolled back) here.
    """
    session: Session = request.app.state.session_factory()
    try:
        yield session
    except BaseException:
        if session.in_transaction():
            await run_in_threadpool(finish, session, commit=False)
        else:
            session.close()
        raise
    if session.in_transaction():
        await run_in_threadpool(finish, session, commit=True)
    else:
        session.close()  # nothing open: no I/O


R = TypeVar("R")


async def in_thread(session: Session, work: Callable[[], R], *, write: bool = False) -> R:
    """Run a handler's work on the request's session as one unit of work, in one trip
    through the thread pool: begun, done and committed there. Handlers are `async def`
    and call this once; `write=True` for work that writes."""
    return await run_in_threadpool(run_unit, session, work, write=write)


# scope="function": the commit happens before the response is sent, so a failed commit
# is reported to the client instead of after a 200 went out.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]


async def get_index_keeper(request: Request) -> IndexKeeper:
    """The process's matching index keeper. Handlers ask it for the index (`keeper.index(
    session)`: I/O, and CPU work when it refreshes) only once the caller is authorised and
    the request valid, in the handler's own thread."""
    keeper: IndexKeeper = request.app.state.index_keeper
    return keeper


async def get_actor_cache(request: Request) -> JsonCache:
    cache: JsonCache = request.app.state.actor_json_cache
    return cache


IndexDep = Annotated[IndexKeeper, Depends(get_index_keeper)]
ActorCacheDep = Annotated[JsonCache, Depends(get_actor_cache)]


async def reply_language(accept_language: Annotated[str | None, Header()] = None) -> str:
    """The language of reasons and rule details: "sv" when Swedish is the caller's first
    choice, else "en"."""
    return preferred_language(accept_language)


ReplyLanguage = Annotated[str, Depends(reply_language)]


def _bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization")
    if not header:
        return None
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized("the Authorization header must be 'Bearer <key>'")
    return token.strip()


# Declares bearer auth in OpenAPI (and the Authorize button of /docs); the header itself
# is read by `_bearer_token`, which also rejects other schemes with a clear 401.
bearer_scheme = HTTPBearer(
    auto_error=False,
    scheme_name="bearer",
    description="An API key (`clustermatch keys create`, `POST /api/v1/keys`) or "
    "CLUSTERMATCH_ADMIN_TOKEN, sent as `Authorization: Bearer <key>`.",
)
BearerDoc = Annotated[HTTPAuthorizationCredentials | None, Security(bearer_scheme)]


async def get_caller(
    request: Request, session: SessionDep, settings: SettingsDep, _doc: BearerDoc
) -> Principal | None:
    token = _bearer_token(request)
    if token is None:
        return None
    principal = await in_thread(session, lambda: authenticate(session, token, settings.admin_token))
    if principal is None:
        raise Unauthorized("the API key is unknown or revoked")
    return principal


CallerDep = Annotated[Principal | None, Depends(get_caller)]


async def get_writer(caller: CallerDep) -> Principal:
    if caller is None:
        raise Unauthorized("writes need an API key: send 'Authorization: Bearer <key>'")
    if caller.role == Role.reader:
        raise Forbidden("a reader key may not write")
    return caller


async def get_admin(writer: Annotated[Principal, Depends(get_writer)]) -> Principal:
    writer.require_role(Role.admin)
    return writer


async def get_integrator(writer: Annotated[Principal, Depends(get_writer)]) -> Principal:
    """Bulk sync: integrator and admin keys (checked before the body is)."""
    writer.require_role(Role.integrator, Role.admin)
    return writer


async def require_read_access(caller: CallerDep, settings: SettingsDep) -> None:
    if not settings.public_read and caller is None:
        raise Unauthorized("reads need an API key on this server (CLUSTERMATCH_PUBLIC_READ=false)")


# The roles each kind of write accepts; OpenAPI lists them on the bearer requirement.
WRITER_ROLES = [Role.admin.value, Role.editor.value, Role.integrator.value]
ADMIN_ROLES = [Role.admin.value]
INTEGRATOR_ROLES = [Role.admin.value, Role.integrator.value]
WriterDep = Annotated[Principal, Security(get_writer, scopes=WRITER_ROLES)]
AdminDep = Annotated[Principal, Security(get_admin, scopes=ADMIN_ROLES)]
IntegratorDep = Annotated[Principal, Security(get_integrator, scopes=INTEGRATOR_ROLES)]
ReadAccess = Depends(require_read_access)
