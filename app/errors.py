"""Domain errors: what went wrong, with the HTTP status it maps to (rendered as RFC 9457
problem+json by app.ops.problems)."""

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


def already_flagged(path: str, flagged: set[str] | frozenset[str]) -> bool:
    """Whether `path`, or a field holding it, already has an error (so checks that need
    the database do not report the same value twice)."""
    return any(path == f or path.startswith(f + ".") for f in flagged)
