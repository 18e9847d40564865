"""Every error leaves as RFC 9457 problem+json: the handlers, and the problem responses
each route documents in OpenAPI."""

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import IntegrityError
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.errors import Conflict, DomainError, FieldError, InvalidPayload, Problem, field_errors

PROBLEM_MEDIA_TYPE = "application/problem+json"


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
    async def request_invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return render_domain_error(InvalidPayload.of(field_errors(exc.errors())))

    @app.exception_handler(IntegrityError)
    async def integrity_error(_request: Request, _exc: IntegrityError) -> JSONResponse:
        # A constraint caught what a pre-check missed (e.g. two writers racing).
        return render_domain_error(Conflict("the change conflicts with stored data"))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return problem_response(
            exc.status_code,
            "http-error",
            str(exc.detail) if exc.status_code < 500 else "Server error",
            str(exc.detail),
            headers=dict(exc.headers) if exc.headers else None,
        )

    @app.exception_handler(Exception)
    async def unexpected(_request: Request, _exc: Exception) -> JSONResponse:
        return problem_response(500, "internal", "Internal server error", "unexpected error")


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
        422: "Invalid payload or parameters; `errors` names each field",
    }
    return {
        status: {
            "model": Problem,
            "description": descriptions[status],
            "content": {PROBLEM_MEDIA_TYPE: {}},
        }
        for status in statuses
    }
