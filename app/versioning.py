"""Optimistic concurrency: every stored row has a `version`, sent and checked as an ETag."""

from typing import Annotated

from fastapi import Header, Request, Response

from app.errors import PreconditionFailed


def etag(version: int) -> str:
    return f'"{version}"'


def _tags(header: str) -> set[str]:
    return {tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()}


IfMatch = Annotated[
    str | None,
    Header(alias="If-Match", description="Write only if the stored version has this ETag"),
]


def check_if_match(header: str | None, current_version: int | None) -> None:
    """A stale If-Match stops the write before anything changes.

    `current_version` None means nothing is stored yet, which no If-Match matches.
    """
    if header is None:
        return
    if current_version is None:
        raise PreconditionFailed(f"If-Match {header} given, but nothing is stored here yet")
    tags = _tags(header)
    if "*" not in tags and etag(current_version) not in tags:
        raise PreconditionFailed(
            f"If-Match {header} does not match the stored version {etag(current_version)}; "
            "fetch the resource again and retry"
        )


def not_modified(request: Request, version: int) -> Response | None:
    header = request.headers.get("if-none-match")
    if header is None:
        return None
    tags = _tags(header)
    if "*" in tags or etag(version) in tags:
        return Response(status_code=304, headers={"ETag": etag(version)})
    return None
