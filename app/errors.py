"""Domain errors: what went wrong, with the HTTP status it maps to (rendered as RFC 9457
problem+json by app.ops.problems)."""

from typing import Any

from pydantic import BaseModel


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


class TooLarge(DomainError):
    status_code, slug, title = 413, "too-large", "Request body too large"


class Unauthorized(DomainError):
    status_code, slug, title = 401, "unauthorized", "Authentication required"


class Forbidden(DomainError):
    status_code, slug, title = 403, "forbidden", "Forbidden"


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
