"""Every error leaves as RFC 9457 problem+json: the handlers, and the problem responses
each route documents in OpenAPI."""

import logging
import re
from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.exc import TimeoutError as SQLAlchemyTimeoutError
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.core.messages import field_errors
from app.db import run_unit
from app.errors import (
    Conflict,
    DomainError,
    FieldError,
    InvalidPayload,
    PreconditionFailed,
    Problem,
)

PROBLEM_MEDIA_TYPE = "application/problem+json"
RETRY_AFTER_SECONDS = 2
log = logging.getLogger("clustermatch")


# Checks of a route's input that need the database (vocabularies, stored regions), run on
# the input as sent: (session, body or query, fields already found bad) -> more errors.
ReferenceCheck = Callable[[Session, Any, set[str]], list[FieldError]]
_CHECK_ATTRIBUTE = "reference_check"
F = TypeVar("F", bound=Callable[..., Any])


def also_checks(check: ReferenceCheck, *, of: str = "body") -> Callable[[F], F]:
    """Mark a route whose input (`of`: "body" or "query") the service also checks against
    stored data, so that when the input fails validation those checks still run and one
    answer names every bad field. Put it below the route decorator."""

    def mark(endpoint: F) -> F:
        setattr(endpoint, _CHECK_ATTRIBUTE, (check, of))
        return endpoint

    return mark


async def _reference_errors(request: Request, body: Any, flagged: set[str]) -> list[FieldError]:
    marked: tuple[ReferenceCheck, str] | None = getattr(
        request.scope.get("endpoint"), _CHECK_ATTRIBUTE, None
    )
    if marked is None:
        return []
    check, of = marked
    sent = dict(request.query_params) if of == "query" else body
    if not isinstance(sent, dict):
        return []
    session: Session = request.app.state.session_factory()
    try:
        return await run_in_threadpool(
            run_unit, session, lambda: check(session, sent, flagged), write=False
        )
    except Exception as exc:  # the validation errors alone still answer the request
        log.warning("reference checks skipped: %s", str(exc).splitlines()[0][:200])
        return []
    finally:
        session.close()


def problem_type(slug: str) -> str:
    return f"urn:clustermatch:problem:{slug}"


def problem_response(
    status: int,
    slug: str,
    title: str,
    detail: str,
    errors: list[FieldError] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = Problem(
        type=problem_type(slug), title=title, status=status, detail=detail, errors=errors
    )
    return JSONResponse(
        body.model_dump(exclude_none=True),
        status_code=status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=headers,
    )


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(DomainError)
    async def domain_error(_request: Request, exc: DomainError) -> JSONResponse:
        return render_domain_error(exc)

    @app.exception_handler(RequestValidationError)
    async def request_invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = field_errors(exc.errors(), body=exc.body)
        errors += await _reference_errors(request, exc.body, {e.field for e in errors})
        return render_domain_error(InvalidPayload.of(errors))

    @app.exception_handler(IntegrityError)
    async def integrity_error(_request: Request, _exc: IntegrityError) -> JSONResponse:
        # A constraint caught what a pre-check missed (e.g. two writers racing).
        return render_domain_error(Conflict("the change conflicts with stored data"))

    @app.exception_handler(StaleDataError)
    async def lost_race(request: Request, _exc: StaleDataError) -> JSONResponse:
        # The row changed between this request's read and its write (the version check is
        # part of the UPDATE/DELETE): a precondition failure if the client named a version.
        if request.headers.get("if-match") is not None:
            return render_domain_error(
                PreconditionFailed("the stored version changed meanwhile; fetch it and retry")
            )
        return render_domain_error(
            Conflict("another request changed this at the same time; fetch it and retry")
        )

    @app.exception_handler(OperationalError)
    @app.exception_handler(SQLAlchemyTimeoutError)
    async def database_unavailable(_request: Request, exc: Exception) -> JSONResponse:
        log.warning("database unavailable: %s", str(exc).splitlines()[0][:200])
        return problem_response(
            503,
            "database-unavailable",
            "Service unavailable",
            "the database is busy or unreachable; retry shortly",
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        headers = dict(exc.headers) if exc.headers else {}
        if exc.status_code == 405:
            headers["Allow"] = ", ".join(_allowed_methods(app, request.url.path))
        return problem_response(
            exc.status_code,
            "http-error",
            str(exc.detail) if exc.status_code < 500 else "Server error",
            str(exc.detail),
            headers=headers or None,
        )

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        # Answered outside the request middleware, so the request id is added here.
        request_id = str(request.scope.get("state", {}).get("request_id", ""))
        log.error("unexpected error request_id=%s", request_id, exc_info=exc)
        return problem_response(
            500,
            "internal",
            "Internal server error",
            "unexpected error",
            headers={"X-Request-ID": request_id} if request_id else None,
        )


def _allowed_methods(app: FastAPI, path: str) -> list[str]:
    """Every method some route answers at `path` (a 405's Allow header), read from the
    OpenAPI paths, so it sees each route however the routers were included."""
    patterns: list[tuple[re.Pattern[str], set[str]]] | None = getattr(
        app.state, "method_patterns", None
    )
    if patterns is None:
        patterns = [
            (
                re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)) + "$"),
                {method.upper() for method in operations},
            )
            for template, operations in app.openapi().get("paths", {}).items()
        ]
        app.state.method_patterns = patterns
    allowed: set[str] = set()
    for pattern, methods in patterns:
        if pattern.match(path):
            allowed |= methods
    if "GET" in allowed:
        allowed.add("HEAD")
    return sorted(allowed)


def render_domain_error(exc: DomainError) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if exc.status_code == 401 else None
    return problem_response(exc.status_code, exc.slug, exc.title, exc.detail, exc.errors, headers)


# OpenAPI: the problem responses each route may give.
def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    descriptions = {
        401: "Missing or invalid API key",
        403: "The key's role or scope does not allow this",
        404: "No such resource",
        409: "Conflict with the stored state",
        412: "If-Match does not match the stored version",
        413: "Request body larger than the server accepts",
        422: "Invalid payload or parameters; `errors` names each field",
        500: "Unexpected error; the answer carries X-Request-ID for the logs",
        503: "Database busy or unreachable; retry after Retry-After seconds",
    }
    return {
        status: {
            "model": Problem,
            "description": descriptions[status],
            "content": {PROBLEM_MEDIA_TYPE: {}},
        }
        for status in statuses
    }
