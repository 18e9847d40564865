"""Test data made through the public API, so every factory call is also a contract check."""

from typing import Any

from fastapi.testclient import TestClient

from tests.conftest import ADMIN

ACTOR_PATHS = {"cluster": "/api/v1/clusters", "rdi_platform": "/api/v1/rdi-platforms"}


def put_region(
    client: TestClient, code: str, headers: dict[str, str] = ADMIN, **fields: Any
) -> dict[str, Any]:
    response = client.put(f"/api/v1/regions/{code}", json=fields, headers=headers)
    assert response.status_code in (200, 201), response.text
    return response.json()


def actor_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": "Example Food Cluster",
        "region_code": "SE22",
        "description": "Livsmedelskluster med testbäddar.",
        "themes": ["food"],
        "nace_codes": ["10"],
        "technologies": ["packaging"],
        "offers": ["testbed"],
        "seeks": ["research"],
        "members": {"smes": 10, "large_companies": 1, "research_orgs": 1, "public_bodies": 0},
        "website": "https://food.example.org",
    }
    body.update(overrides)
    return body


def create_actor(
    client: TestClient, kind: str = "cluster", headers: dict[str, str] = ADMIN, **overrides: Any
) -> dict[str, Any]:
    response = client.post(ACTOR_PATHS[kind], json=actor_body(**overrides), headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def api_key(client: TestClient, role: str, scope: str | None = None) -> dict[str, str]:
    """Headers carrying a new key of `role` (editors need a NUTS `scope`)."""
    created = client.post("/api/v1/keys", json={"role": role, "scope": scope}, headers=ADMIN)
    assert created.status_code == 201, created.text
    return {"Authorization": f"Bearer {created.json()['key']}"}
