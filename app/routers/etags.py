"""ETag headers on the HTTP side: the If-Match parameter and conditional GETs."""

from typing import Annotated, Any, Protocol, TypeVar

from fastapi import Depends, Header, Request, Response

from app.core.messages import worded
from app.core.versioning import etag, etag_set

# One or more entity tags ("3", W/"3") or *, as RFC 9110 writes them.
ETAG_LIST = worded(
    r'^\s*(?:\*|(?:W/)?"[^"]*"(?:\s*,\s*(?:W/)?"[^"]*")*)\s*$',
    'entity tags in quotes are needed, e.g. "3" or W/"3", or *',
)

IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        pattern=ETAG_LIST,
        description='Write only if the stored version has this ETag, e.g. "3"',
    ),
]


async def _if_none_match_header(
    if_none_match: Annotated[
        str | None,
        Header(
            alias="If-None-Match",
            description='Answer 304 Not Modified if the stored version has this ETag, e.g. "3"',
        ),
    ] = None,
) -> None:
    """Declares the header in OpenAPI; `not_modified` reads it from the request."""


# On the reads that answer 304 for a version the client already holds.
HonoursIfNoneMatch = Depends(_if_none_match_header)
NOT_MODIFIED: dict[int | str, dict[str, Any]] = {
    304: {"description": "Not modified: the client's copy is current"}
}


class HasVersion(Protocol):
    version: int


V = TypeVar("V", bound=HasVersion)


def conditional(request: Request, response: Response, body: V) -> V | Response:
    """304 when the client already holds this version; else `body`, with its ETag."""
    cached = not_modified(request, body.version)
    if cached:
        return cached
    response.headers["ETag"] = etag(body.version)
    return body


def not_modified(request: Request, version: int) -> Response | None:
    header = request.headers.get("if-none-match")
    if header is None:
        return None
    tags = etag_set(header)
    if "*" in tags or etag(version) in tags:
        return Response(status_code=304, headers={"ETag": etag(version)})
    return None
