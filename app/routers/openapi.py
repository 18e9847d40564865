"""The OpenAPI document as clients need it: problem bodies under the media type they are
served with, and each operation saying which key it needs.

FastAPI derives the security requirements from the routes' dependencies (`deps.py` names
the roles each write accepts); this adds what it cannot know, so a new route is documented
the moment it exists."""

from collections.abc import Iterator
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from app.ops.problems import PROBLEM_MEDIA_TYPE
from app.routers.deps import ADMIN_ROLES, INTEGRATOR_ROLES, WRITER_ROLES, bearer_scheme

SCHEME = bearer_scheme.scheme_name
READ_NOTE = (
    "**Access:** public by default; when the server sets CLUSTERMATCH_PUBLIC_READ=false, "
    "any key (a reader key included)."
)
ROLE_NOTES = {
    tuple(ADMIN_ROLES): "**Access:** an admin key.",
    tuple(INTEGRATOR_ROLES): "**Access:** an integrator or admin key.",
    tuple(WRITER_ROLES): (
        "**Access:** an admin or integrator key, or an editor key whose NUTS scope covers "
        "the record."
    ),
}


def install_openapi(app: FastAPI) -> None:
    """Replace `app.openapi` with one that builds the completed document once."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(
                title=app.title,
                version=app.version,
                openapi_version=app.openapi_version,
                description=app.description,
                routes=app.routes,
            )
            complete(document)
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def complete(document: dict[str, Any]) -> None:
    for operation in _operations(document):
        _problems_as_served(operation)
        _access(operation)


def _operations(document: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for path_item in document.get("paths", {}).values():
        yield from path_item.values()


def _problems_as_served(operation: dict[str, Any]) -> None:
    """FastAPI puts a response model under the route's JSON media type; error bodies are
    served as problem+json only, so the schema belongs there."""
    for status, response in operation.get("responses", {}).items():
        content = response.get("content", {})
        if not status.isdigit() or int(status) < 400 or PROBLEM_MEDIA_TYPE not in content:
            continue
        json_entry = content.pop("application/json", None)
        if json_entry and "schema" in json_entry:
            content[PROBLEM_MEDIA_TYPE] = {"schema": json_entry["schema"]}


def _access(operation: dict[str, Any]) -> None:
    """A requirement without roles is a read: a key is optional (`{}` means none)."""
    roles = next((req[SCHEME] for req in operation.get("security", []) if SCHEME in req), None)
    if roles is None:
        return
    if roles:
        note = ROLE_NOTES.get(tuple(roles), f"**Access:** a key with role {' or '.join(roles)}.")
    else:
        operation["security"] = [{}, {SCHEME: []}]
        note = READ_NOTE
    description = operation.get("description")
    operation["description"] = f"{description}\n\n{note}" if description else note
