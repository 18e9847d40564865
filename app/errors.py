"""Domain errors and the one handler that renders them as RFC 9457 problem+json."""

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.exc import IntegrityError
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_MEDIA_TYPE = "application/problem+json"


class FieldError(BaseModel):
    field: str
    message: str


class Problem(BaseModel):
    type: str
    title: str
    status: int
    detail: str
    errors: list[FieldError] | None = None


class DomainError(Exception):
    status_code = 400
    slug = "bad-request"
    title = "Bad request"

    def __init__(self, detail: str, errors: list[FieldError] | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = errors


class NotFound(DomainError):
    status_code, slug, title = 404, "not-found", "Not found"


class Conflict(DomainError):
    status_code, slug, title = 409, "conflict", "Conflict"


class PreconditionFailed(DomainError):
    status_code, slug, title = 412, "precondition-failed", "Version mismatch"


class InvalidPayload(DomainError):
    status_code, slug, title = 422, "validation-error", "Invalid request"

    @classmethod
    def of(cls, errors: list[FieldError]) -> "InvalidPayload":
        summary = "; ".join(f"{e.field}: {e.message}" for e in errors[:5])
        return cls(summary, errors)


class Unauthorized(DomainError):
    status_code, slug, title = 401, "unauthorized", "Authentication required"


class Forbidden(DomainError):
    status_code, slug, title = 403, "forbidden", "Forbidden"


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


def _field_path(loc: tuple[Any, ...]) -> str:
    # Drop the request part ("body", "query", "path") and keep the field's own path.
    if loc and loc[0] in {"body", "query", "path", "header"} and len(loc) > 1:
        loc = loc[1:]
    return ".".join(str(part) for part in loc) or "body"


def field_errors(raw_errors: Any, prefix: str = "") -> list[FieldError]:
    """FieldErrors from pydantic's error list (a request's or a model's)."""
    errors = []
    for err in raw_errors:
        message = str(err.get("msg", "invalid value")).removeprefix("Value error, ")
        if err.get("type") == "missing":
            message = "field required"
        path = _field_path(tuple(err.get("loc", ())))
        errors.append(FieldError(field=prefix + path, message=message))
    return errors


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
