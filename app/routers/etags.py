"""ETag headers on the HTTP side: the If-Match parameter and conditional GETs."""

from typing import Annotated

from fastapi import Header, Request, Response

from app.core.versioning import etag, etag_set

IfMatch = Annotated[
    str | None,
    Header(alias="If-Match", description="Write only if the stored version has this ETag"),
]


def not_modified(request: Request, version: int) -> Response | None:
    header = request.headers.get("if-none-match")
    if header is None:
        return None
    tags = etag_set(header)
    if "*" in tags or etag(version) in tags:
        return Response(status_code=304, headers={"ETag": etag(version)})
    return None
