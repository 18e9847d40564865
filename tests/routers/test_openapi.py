"""The OpenAPI document says what the service does: problem bodies under the media type
they are served with, the key each operation needs, the conditional headers it honours."""

import re
from typing import Any

from fastapi.testclient import TestClient

from tests.conftest import ADMIN

PROBLEM = "application/problem+json"
METHODS_WITH_BODY = {"post", "put", "patch"}


def operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method, path, operation)
        for path, path_item in spec["paths"].items()
        for method, operation in path_item.items()
    ]


def concrete(path: str) -> str:
    """A path template with every parameter filled with something that parses."""
    return re.sub(r"\{code\}", "SE23", re.sub(r"\{[a-z_]*id\}", "1", path))


def required_roles(operation: dict[str, Any]) -> list[str] | None:
    """The roles a key must have, or None when the operation can be called without one."""
    security = operation.get("security", [])
    if not security or {} in security:
        return None
    return list(security[0]["bearer"])


def test_error_responses_declare_the_problem_schema_as_served(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    checked = 0
    for method, path, operation in operations(spec):
        if path == "/readyz":  # its 503 is the probe's own JSON body, as load balancers expect
            continue
        for status, response in operation["responses"].items():
            if int(status) < 400:
                continue
            content = response.get("content", {})
            assert "application/json" not in content, (method, path, status)
            assert content[PROBLEM]["schema"] == {"$ref": "#/components/schemas/Problem"}, (
                method,
                path,
                status,
            )
            checked += 1
    assert checked > 100
    problem = spec["components"]["schemas"]["Problem"]
    assert {"type", "title", "status", "detail", "errors"} <= set(problem["properties"])


def test_bearer_auth_is_declared_and_every_api_operation_says_what_it_needs(
    client: TestClient,
) -> None:
    spec = client.get("/openapi.json").json()
    assert spec["components"]["securitySchemes"]["bearer"] == {
        "type": "http",
        "scheme": "bearer",
        "description": spec["components"]["securitySchemes"]["bearer"]["description"],
    }
    for method, path, operation in operations(spec):
        if path in ("/healthz", "/readyz"):
            assert "security" not in operation
            continue
        assert operation["security"], (method, path)
        assert "**Access:**" in operation["description"], (method, path)
    by_operation = {(m, p): required_roles(o) for m, p, o in operations(spec)}
    assert by_operation[("get", "/api/v1/regions")] is None
    assert by_operation[("post", "/api/v1/matching/consortia")] is None
    assert by_operation[("post", "/api/v1/calls")] == ["admin"]
    assert by_operation[("get", "/api/v1/keys")] == ["admin"]
    assert by_operation[("post", "/api/v1/sync/actors")] == ["admin", "integrator"]
    assert by_operation[("patch", "/api/v1/clusters/{actor_id}")] == [
        "admin",
        "editor",
        "integrator",
    ]
    description = spec["paths"]["/api/v1/sync/regions"]["post"]["description"]
    assert "integrator or admin key" in description


def test_operations_that_need_a_key_refuse_a_request_without_one(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    refused = 0
    for method, path, operation in operations(spec):
        if required_roles(operation) is None:
            continue
        body = {"json": {}} if method in METHODS_WITH_BODY else {}
        response = client.request(method.upper(), concrete(path), **body)  # type: ignore[arg-type]
        assert response.status_code == 401, (method, path, response.text)
        refused += 1
    assert refused >= 20


def test_operations_closed_to_editors_refuse_an_editor_key(client: TestClient) -> None:
    created = client.post(
        "/api/v1/keys", json={"role": "editor", "scope": "SE23", "name": "e"}, headers=ADMIN
    )
    editor = {"Authorization": f"Bearer {created.json()['key']}"}
    spec = client.get("/openapi.json").json()
    closed = [
        (method, path)
        for method, path, operation in operations(spec)
        if (roles := required_roles(operation)) is not None and "editor" not in roles
    ]
    assert ("post", "/api/v1/sync/regions") in closed
    for method, path in closed:
        body = {"json": {}} if method in METHODS_WITH_BODY else {}
        response = client.request(method.upper(), concrete(path), headers=editor, **body)  # type: ignore[arg-type]
        assert response.status_code == 403, (method, path, response.text)


def test_operations_open_to_everyone_answer_without_a_key(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for method, path, operation in operations(spec):
        if required_roles(operation) is not None or method != "get":
            continue
        response = client.get(concrete(path), params={"actor_id": 1, "region_code": "SE23"})
        assert response.status_code != 401, (method, path)


def test_metrics_declare_the_prometheus_text_format(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    declared = spec["paths"]["/metrics"]["get"]["responses"]["200"]["content"]
    assert list(declared) == ["text/plain"]
    served = client.get("/metrics").headers["content-type"]
    assert served.split(";")[0] == "text/plain"


def header_names(operation: dict[str, Any]) -> set[str]:
    return {p["name"] for p in operation.get("parameters", []) if p["in"] == "header"}


def test_conditional_headers_are_declared_where_they_are_honoured(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    conditional_reads = {
        path for method, path, op in operations(spec) if "If-None-Match" in header_names(op)
    }
    assert conditional_reads == {
        "/api/v1/regions/{code}",
        "/api/v1/calls/{call_id}",
        "/api/v1/clusters/{actor_id}",
        "/api/v1/rdi-platforms/{actor_id}",
    }
    for method, path, operation in operations(spec):
        has_304 = "304" in operation["responses"]
        assert has_304 == ("If-None-Match" in header_names(operation)), (method, path)
        if "412" in operation["responses"]:
            assert "If-Match" in header_names(operation), (method, path)


def test_a_declared_if_none_match_is_honoured(client: TestClient) -> None:
    client.put("/api/v1/regions/SE23", json={"name": "West Sweden"}, headers=ADMIN)
    first = client.get("/api/v1/regions/SE23")
    again = client.get("/api/v1/regions/SE23", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
