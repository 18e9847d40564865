from fastapi.testclient import TestClient

from app.actors.read_cache import JsonCache
from tests.conftest import ADMIN
from tests.factories import create_actor, put_region


def test_cache_evicts_least_recently_used() -> None:
    cache = JsonCache(max_entries=2)
    cache.put_many({"a": b"1", "b": b"2"})
    assert cache.get_many(["a"]) == {"a": b"1"}  # a is now the most recent
    cache.put_many({"c": b"3"})
    assert cache.get_many(["a", "b", "c"]) == {"a": b"1", "c": b"3"}


def test_reads_never_serve_a_stale_actor(client: TestClient) -> None:
    put_region(client, "SE22")
    actor = create_actor(client, name="Before")
    url = f"/api/v1/clusters/{actor['id']}"
    assert client.get(url).json()["name"] == "Before"
    assert client.get("/api/v1/clusters").json()["items"][0]["name"] == "Before"

    client.patch(url, json={"name": "After"}, headers=ADMIN)
    assert client.get(url).json()["name"] == "After"
    assert client.get("/api/v1/clusters").json()["items"][0]["name"] == "After"

    # A deleted id that the database hands out again must not bring back the old body.
    client.delete(url, headers=ADMIN)
    again = create_actor(client, name="Newcomer")
    assert client.get(f"/api/v1/clusters/{again['id']}").json()["name"] == "Newcomer"
    assert [a["name"] for a in client.get("/api/v1/clusters").json()["items"]] == ["Newcomer"]


def test_list_json_matches_the_page_schema(client: TestClient) -> None:
    put_region(client, "SE22")
    first = create_actor(client, name="One")
    create_actor(client, name="Two")
    page = client.get("/api/v1/clusters", params={"limit": 1}).json()
    assert page == {"items": [first], "total": 2, "limit": 1, "offset": 0}
