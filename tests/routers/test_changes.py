from concurrent.futures import ThreadPoolExecutor
from typing import Any

from fastapi.testclient import TestClient

from app.db import make_engine
from app.tracking import session_factory
from tests.conftest import ADMIN
from tests.factories import create_actor, put_region
from tests.service_world import create_then_rename


def read_all(client: TestClient, page_size: int = 3) -> list[dict[str, Any]]:
    items, cursor = [], None
    while True:
        params: dict[str, Any] = {"limit": page_size}
        if cursor:
            params["since"] = cursor
        page = client.get("/api/v1/changes", params=params).json()
        items += page["items"]
        if not page["items"]:
            return items
        cursor = page["next_cursor"]


def replay(changes: list[dict[str, Any]]) -> dict[tuple[str, Any], dict[str, Any]]:
    state: dict[tuple[str, Any], dict[str, Any]] = {}
    for change in changes:
        key = (change["entity"], change["id"])
        if change["op"] == "delete":
            del state[key]
        else:
            state[key] = change["data"]
    return state


def current_state(client: TestClient) -> dict[tuple[str, Any], dict[str, Any]]:
    state = {}
    for path, entity, key in (
        ("/api/v1/regions", "region", "code"),
        ("/api/v1/clusters", "cluster", "id"),
        ("/api/v1/rdi-platforms", "rdi_platform", "id"),
        ("/api/v1/calls", "call", "id"),
    ):
        for item in client.get(path, params={"limit": 200}).json()["items"]:
            state[(entity, item[key])] = item
    return state


def test_feed_lists_every_change_in_order_with_tombstones(client: TestClient) -> None:
    put_region(client, "SE22")
    cluster = create_actor(client, name="One")
    client.patch(f"/api/v1/clusters/{cluster['id']}", json={"name": "Two"}, headers=ADMIN)
    client.patch(
        f"/api/v1/clusters/{cluster['id']}", json={"name": "Two"}, headers=ADMIN
    )  # no change
    platform = create_actor(client, "rdi_platform", name="Lab")
    client.delete(f"/api/v1/rdi-platforms/{platform['id']}", headers=ADMIN)
    call = client.post("/api/v1/calls", json={"name": "Call"}, headers=ADMIN).json()

    changes = read_all(client)
    summary = [(c["op"], c["entity"], c["id"], c["version"]) for c in changes]
    assert summary == [
        ("create", "region", "SE22", 1),
        ("create", "cluster", cluster["id"], 1),
        ("update", "cluster", cluster["id"], 2),
        ("create", "rdi_platform", platform["id"], 1),
        ("delete", "rdi_platform", platform["id"], 1),
        ("create", "call", call["id"], 1),
    ]
    assert changes[2]["data"]["name"] == "Two"
    assert changes[4]["data"] is None


def test_cursor_resumes_and_bad_cursor_is_422(client: TestClient) -> None:
    put_region(client, "SE22")
    first = client.get("/api/v1/changes").json()
    assert len(first["items"]) == 1
    create_actor(client, name="Later")
    resumed = client.get("/api/v1/changes", params={"since": first["next_cursor"]}).json()
    assert [c["entity"] for c in resumed["items"]] == ["cluster"]
    empty = client.get("/api/v1/changes", params={"since": resumed["next_cursor"]}).json()
    assert empty == {"items": [], "next_cursor": resumed["next_cursor"]}
    bad = client.get("/api/v1/changes", params={"since": "not-a-cursor"})
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"] == "since"


def test_replaying_the_feed_reconstructs_the_current_state(client: TestClient) -> None:
    put_region(client, "SE22", s3_priorities=[{"title": "Food", "themes": ["food"]}])
    put_region(client, "SE23")
    a = create_actor(client, name="A")
    b = create_actor(client, "rdi_platform", name="B", region_code="SE23")
    create_actor(client, name="C")
    client.patch(f"/api/v1/clusters/{a['id']}", json={"seeks": ["data"]}, headers=ADMIN)
    client.put("/api/v1/regions/SE23", json={"name": "West"}, headers=ADMIN)
    client.delete(f"/api/v1/rdi-platforms/{b['id']}", headers=ADMIN)
    client.post(
        "/api/v1/sync/actors",
        json={
            "items": [
                {
                    "kind": "rdi_platform",
                    "external_id": "x",
                    "name": "Synced",
                    "region_code": "SE22",
                }
            ]
        },
        headers=ADMIN,
    )
    client.post("/api/v1/calls", json={"name": "Call", "themes": ["food"]}, headers=ADMIN)
    assert replay(read_all(client)) == current_state(client)


def test_concurrent_writers_lose_and_duplicate_nothing(
    client: TestClient, database_url: str
) -> None:
    put_region(client, "SE22")
    engine = make_engine(database_url)
    factory = session_factory(engine)

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda n: create_then_rename(factory, n, 3), range(8)))
    engine.dispose()

    changes = read_all(client, page_size=7)
    versions: dict[Any, list[int]] = {}
    for change in changes:
        if change["entity"] == "cluster":
            versions.setdefault(change["id"], []).append(change["version"])
    assert len(versions) == 8
    assert all(v == [1, 2, 3, 4] for v in versions.values())  # each once, in order
    assert replay(changes) == current_state(client)
