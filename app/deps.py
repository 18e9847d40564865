"""Dependencies shared by the routers: the request's session and its caller."""

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlmodel import Session

from app.auth.models import Role
from app.auth.service import Principal, authenticate
from app.config import Settings
from app.db import transaction
from app.errors import Forbidden, Unauthorized


def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_session(request: Request) -> Iterator[Session]:
    yield from transaction(request.app.state.session_factory)


# scope="function": the commit happens before the response is sent, so a failed commit
# is reported to the client instead of after a 200 went out.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]


def _bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization")
    if not header:
        return None
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized("the Authorization header must be 'Bearer <key>'")
    return token.strip()


def get_caller(request: Request, session: SessionDep, settings: SettingsDep) -> Principal | None:
    token = _bearer_token(request)
    if token is None:
        return None
    principal = authenticate(session, token, settings.admin_token)
    if principal is None:
        raise Unauthorized("the API key is unknown or revoked")
    return principal


CallerDep = Annotated[Principal | None, Depends(get_caller)]


def get_writer(caller: CallerDep) -> Principal:
    if caller is None:
        raise Unauthorized("writes need an API key: send 'Authorization: Bearer <key>'")
    if caller.role == Role.reader:
        raise Forbidden("a reader key may not write")
    return caller


def get_admin(writer: Annotated[Principal, Depends(get_writer)]) -> Principal:
    writer.require_role(Role.admin)
    return writer


def require_read_access(caller: CallerDep, settings: SettingsDep) -> None:
    if not settings.public_read and caller is None:
        raise Unauthorized("reads need an API key on this server (CLUSTERMATCH_PUBLIC_READ=false)")


WriterDep = Annotated[Principal, Depends(get_writer)]
AdminDep = Annotated[Principal, Depends(get_admin)]
ReadAccess = Depends(require_read_access)
