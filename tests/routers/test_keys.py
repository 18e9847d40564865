from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.auth.models import ApiKey
from app.main import create_app
from tests.conftest import ADMIN, make_settings
from tests.factories import actor_body, create_actor, put_region


def _key(client: TestClient, role: str, scope: str | None = None) -> dict[str, str]:
    response = client.post("/api/v1/keys", json={"role": role, "scope": scope}, headers=ADMIN)
    assert response.status_code == 201, response.text
    return {"Authorization": f"Bearer {response.json()['key']}"}


def test_writes_need_a_valid_key(client: TestClient) -> None:
    missing = client.put("/api/v1/regions/SE22", json={})
    assert missing.status_code == 401
    assert missing.headers["www-authenticate"] == "Bearer"
    wrong = client.put("/api/v1/regions/SE22", json={}, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    assert wrong.json()["detail"] == "the API key is unknown or revoked"
    basic = client.put("/api/v1/regions/SE22", json={}, headers={"Authorization": "Basic abc"})
    assert basic.status_code == 401
    assert client.get("/api/v1/regions/SE22").status_code == 404  # nothing was written


def test_editor_writes_only_inside_scope(client: TestClient) -> None:
    editor = _key(client, "editor", "SE2")
    assert client.put("/api/v1/regions/SE22", json={}, headers=editor).status_code == 201
    outside = client.put("/api/v1/regions/SE11", json={}, headers=editor)
    assert outside.status_code == 403
    assert "scoped to SE2" in outside.json()["detail"]

    put_region(client, "SE11")
    inside = create_actor(client, headers=editor, region_code="SE22")
    assert (
        client.post(
            "/api/v1/clusters", json=actor_body(region_code="SE11"), headers=editor
        ).status_code
        == 403
    )
    # Moving an actor out of scope is as forbidden as creating it there.
    move = client.patch(
        f"/api/v1/clusters/{inside['id']}", json={"region_code": "SE11"}, headers=editor
    )
    assert move.status_code == 403
    foreign = create_actor(client, region_code="SE11")
    assert client.delete(f"/api/v1/clusters/{foreign['id']}", headers=editor).status_code == 403
    assert (
        client.patch(
            f"/api/v1/clusters/{inside['id']}", json={"name": "Mine"}, headers=editor
        ).status_code
        == 200
    )


def test_reader_and_integrator_roles(client: TestClient) -> None:
    reader = _key(client, "reader")
    integrator = _key(client, "integrator")
    assert client.put("/api/v1/regions/SE22", json={}, headers=reader).status_code == 403
    assert client.put("/api/v1/regions/SE11", json={}, headers=integrator).status_code == 201
    assert client.get("/api/v1/keys", headers=integrator).status_code == 403


def test_keys_are_hashed_listed_and_revocable(client: TestClient, session: Session) -> None:
    created = client.post(
        "/api/v1/keys", json={"role": "integrator", "name": "sync"}, headers=ADMIN
    ).json()
    key = created["key"]
    assert key.startswith("cm_") and len(key) > 40
    stored = session.exec(select(ApiKey)).one()
    assert stored.key_hash != key and key not in stored.key_hash
    listed = client.get("/api/v1/keys", headers=ADMIN).json()
    assert [k["id"] for k in listed] == [created["id"]]
    assert "key" not in listed[0]

    headers = {"Authorization": f"Bearer {key}"}
    assert client.put("/api/v1/regions/SE22", json={}, headers=headers).status_code == 201
    revoked = client.delete(f"/api/v1/keys/{created['id']}", headers=ADMIN)
    assert revoked.json()["revoked_at"] is not None
    assert client.put("/api/v1/regions/SE23", json={}, headers=headers).status_code == 401


def test_key_creation_rules(client: TestClient) -> None:
    no_scope = client.post("/api/v1/keys", json={"role": "editor"}, headers=ADMIN)
    assert no_scope.json()["errors"] == [
        {"field": "scope", "message": "an editor key needs a scope (a NUTS prefix such as SE2)"}
    ]
    scoped_admin = client.post("/api/v1/keys", json={"role": "admin", "scope": "SE"}, headers=ADMIN)
    assert scoped_admin.json()["errors"] == [
        {"field": "scope", "message": "only editor keys carry a scope"}
    ]
    bad_scope = client.post("/api/v1/keys", json={"role": "editor", "scope": "QQ9"}, headers=ADMIN)
    assert bad_scope.json()["errors"] == [
        {"field": "scope", "message": "'QQ9' is not a NUTS code prefix"}
    ]
    assert client.post("/api/v1/keys", json={"role": "root"}, headers=ADMIN).status_code == 422


@pytest.fixture
def private_client(database_url: str) -> Iterator[TestClient]:
    app = create_app(make_settings(database_url, public_read=False))
    with TestClient(app) as test_client:
        yield test_client


def test_reads_can_require_a_key(private_client: TestClient) -> None:
    assert private_client.get("/api/v1/regions").status_code == 401
    assert private_client.get("/api/v1/themes").status_code == 401
    reader = _key(private_client, "reader")
    assert private_client.get("/api/v1/regions", headers=reader).status_code == 200
    assert private_client.get("/healthz").status_code == 200
    assert private_client.get("/metrics").status_code == 401  # traffic is not public either
    assert private_client.get("/metrics", headers=reader).status_code == 200


def test_without_admin_token_setting_the_token_is_no_key(database_url: str) -> None:
    with TestClient(create_app(make_settings(database_url, admin_token=None))) as client:
        assert client.put("/api/v1/regions/SE22", json={}, headers=ADMIN).status_code == 401
