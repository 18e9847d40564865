"""/webhooks: per-key subscriptions, bad input and the private-address guard."""

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from tests.conftest import ADMIN, make_settings
from tests.webhooks.conftest import subscribe

HOOKS = "/api/v1/webhooks"


def new_key(client: TestClient, role: str, **fields: Any) -> dict[str, str]:
    response = client.post("/api/v1/keys", json={"role": role, **fields}, headers=ADMIN)
    assert response.status_code == 201, response.text
    return {"Authorization": f"Bearer {response.json()['key']}"}


def test_a_subscription_is_created_with_a_secret_shown_once(client: TestClient) -> None:
    created = subscribe(client, "http://127.0.0.1:9/hook", description="mirror")
    assert created["secret"].startswith("whsec_")
    assert created["events"] == ["*"] and created["active"] is True
    shown = client.get(f"{HOOKS}/{created['id']}", headers=ADMIN).json()
    assert "secret" not in shown
    assert shown["description"] == "mirror"


def test_each_key_sees_and_changes_only_its_own(client: TestClient) -> None:
    alice, bob = new_key(client, "integrator"), new_key(client, "integrator")
    admin_key = new_key(client, "admin")
    mine = subscribe(client, "http://127.0.0.1:9/a", headers=alice)
    subscribe(client, "http://127.0.0.1:9/b", headers=bob)
    subscribe(client, "http://127.0.0.1:9/c")  # the admin token's own
    assert [h["url"] for h in client.get(HOOKS, headers=alice).json()["items"]] == [mine["url"]]
    assert client.get(HOOKS, headers=admin_key).json()["total"] == 0  # admins: their own only
    assert client.get(HOOKS, headers=ADMIN).json()["total"] == 1
    url = f"{HOOKS}/{mine['id']}"
    assert client.get(url, headers=bob).status_code == 404
    assert client.patch(url, json={"active": False}, headers=bob).status_code == 404
    assert client.post(f"{url}/rotate-secret", headers=bob).status_code == 404
    assert client.post(f"{url}/ping", headers=bob).status_code == 404
    assert client.get(f"{url}/deliveries", headers=bob).status_code == 404
    assert client.delete(url, headers=bob).status_code == 404
    assert client.get(url, headers=alice).json()["active"] is True  # untouched
    assert client.delete(url, headers=alice).status_code == 204
    assert client.get(url, headers=alice).status_code == 404


def test_only_integrator_and_admin_keys_subscribe(client: TestClient) -> None:
    editor = new_key(client, "editor", scope="SE2")
    body = {"url": "http://127.0.0.1:9/hook"}
    assert client.post(HOOKS, json=body, headers=editor).status_code == 403
    assert client.post(HOOKS, json=body).status_code == 401
    assert client.get(HOOKS).status_code == 401


def test_bad_input_names_every_field(client: TestClient) -> None:
    response = client.post(
        HOOKS, json={"url": "ftp://example.org/x", "events": ["cluster.rename"]}, headers=ADMIN
    )
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    fields = {error["field"] for error in response.json()["errors"]}
    assert {"url", "events.0"} <= fields
    assert client.get(HOOKS, headers=ADMIN).json()["total"] == 0  # nothing half-written


@pytest.fixture
def guarded(database_url: str) -> Iterator[TestClient]:
    settings = make_settings(database_url, webhooks_allow_private=False)
    with TestClient(create_app(settings)) as test_client:
        yield test_client


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080/hook",
        "http://localhost/hook",
        "http://10.1.2.3/hook",
        "http://192.168.0.10/hook",
        "http://169.254.169.254/latest",
        "http://[::1]/hook",
        "http://[::ffff:127.0.0.1]/hook",
        "http://0.0.0.0/hook",
    ],
)
def test_internal_receivers_are_refused(guarded: TestClient, url: str) -> None:
    response = guarded.post(HOOKS, json={"url": url}, headers=ADMIN)
    assert response.status_code == 422, response.text
    assert [e["field"] for e in response.json()["errors"]] == ["url"]
    assert "internal address" in response.json()["errors"][0]["message"]


def test_public_receivers_are_accepted_and_changes_are_guarded_too(guarded: TestClient) -> None:
    created = guarded.post(HOOKS, json={"url": "https://203.0.113.7/hook"}, headers=ADMIN)
    assert created.status_code == 422  # TEST-NET-3 is reserved documentation space
    created = guarded.post(HOOKS, json={"url": "https://93.184.215.14/hook"}, headers=ADMIN)
    assert created.status_code == 201, created.text
    moved = guarded.patch(
        f"{HOOKS}/{created.json()['id']}", json={"url": "http://127.0.0.1/x"}, headers=ADMIN
    )
    assert moved.status_code == 422
