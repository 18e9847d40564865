"""Many clients writing at once to a real server (one worker: uvicorn in a thread with the
default thread pool of 4; four: `clustermatch serve --workers 4`), on SQLite and PostgreSQL:
every request is answered, none hangs, no update is lost or merged, the change feed stays a
faithful history, and the service keeps serving afterwards."""

import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
import uvicorn

from app.main import create_app
from tests.conftest import ADMIN, ADMIN_TOKEN, make_settings
from tests.live import free_port, serve_process

ANSWERED = {200, 409, 412, 503}
TIMEOUT = httpx.Timeout(60.0)


@pytest.fixture(params=[1, 4], ids=["1-worker", "4-workers"])
def server(request: pytest.FixtureRequest, database_url: str) -> Iterator[str]:
    """One worker: uvicorn in a thread of this process. Four: `clustermatch serve --workers 4`."""
    if request.param == 4:
        with serve_process(database_url, workers=4, admin_token=ADMIN_TOKEN) as (base, _process):
            yield base
        return
    port = free_port()
    config = uvicorn.Config(
        create_app(make_settings(database_url)), host="127.0.0.1", port=port, log_level="error"
    )
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=20)
    assert not thread.is_alive(), "server did not stop"


def setup(base: str, actors: int) -> list[int]:
    with httpx.Client(base_url=base, headers=ADMIN, timeout=TIMEOUT) as client:
        assert client.put("/api/v1/regions/SE22", json={}).status_code in (200, 201)
        ids = []
        for n in range(actors):
            created = client.post("/api/v1/clusters", json={"name": f"A{n}", "region_code": "SE22"})
            assert created.status_code == 201, created.text
            ids.append(created.json()["id"])
        return ids


def in_parallel(base: str, requests: list[dict[str, Any]]) -> list[httpx.Response]:
    """Send every request at once from its own client; each must be answered in time."""
    start = threading.Barrier(len(requests))

    def send(request: dict[str, Any]) -> httpx.Response:
        with httpx.Client(base_url=base, timeout=TIMEOUT) as client:
            start.wait()
            return client.request(**request)

    with ThreadPoolExecutor(max_workers=len(requests)) as pool:
        return list(pool.map(send, requests))


def changes(base: str, op: str | None = None) -> list[dict[str, Any]]:
    """The whole change feed for clusters, page by page (optionally one op)."""
    items, cursor = [], None
    with httpx.Client(base_url=base, timeout=TIMEOUT) as client:
        while True:
            params: dict[str, Any] = {"limit": 500, **({"since": cursor} if cursor else {})}
            page = client.get("/api/v1/changes", params=params).json()
            items += page["items"]
            if not page["items"]:
                break
            cursor = page["next_cursor"]
    return [c for c in items if c["entity"] == "cluster" and op in (None, c["op"])]


def feed_of(base: str, actor_id: int) -> list[tuple[str, int, str]]:
    return [
        (c["op"], c["version"], (c["data"] or {}).get("name", ""))
        for c in changes(base)
        if c["id"] == actor_id
    ]


def still_serving(base: str, actor_id: int) -> dict[str, Any]:
    with httpx.Client(base_url=base, timeout=httpx.Timeout(10.0)) as client:
        assert client.get("/healthz").status_code == 200
        assert client.get("/readyz").status_code == 200
        actor = client.get(f"/api/v1/clusters/{actor_id}")
        assert actor.status_code == 200
        return dict(actor.json())


def patch(actor_id: int, name: str, if_match: str | None = None) -> dict[str, Any]:
    headers = {**ADMIN, **({"If-Match": if_match} if if_match else {})}
    return {
        "method": "PATCH",
        "url": f"/api/v1/clusters/{actor_id}",
        "json": {"name": name},
        "headers": headers,
    }


def test_one_if_match_race_has_exactly_one_winner(server: str) -> None:
    (actor_id,) = setup(server, 1)
    answers = in_parallel(server, [patch(actor_id, f"W{n}", '"1"') for n in range(50)])
    statuses = Counter(r.status_code for r in answers)
    assert statuses == {200: 1, 412: 49}, statuses
    winner = next(r.json() for r in answers if r.status_code == 200)
    assert winner["version"] == 2
    stored = still_serving(server, actor_id)
    assert (stored["name"], stored["version"]) == (winner["name"], 2)
    assert feed_of(server, actor_id) == [("create", 1, "A0"), ("update", 2, winner["name"])]


def assert_one_faithful_history(base: str, actor_id: int, answers: list[httpx.Response]) -> None:
    """Every request answered; every successful write is one version, in order; the last
    one is what is stored; nothing merged."""
    statuses = Counter(r.status_code for r in answers)
    assert set(statuses) <= ANSWERED, statuses
    assert statuses[200] >= 1
    stored = still_serving(base, actor_id)
    history = feed_of(base, actor_id)
    assert [version for _op, version, _name in history] == list(range(1, statuses[200] + 2))
    assert history[-1][1:] == (stored["version"], stored["name"])
    assert sorted(name for _op, _v, name in history[1:]) == sorted(
        r.json()["name"] for r in answers if r.status_code == 200
    )


@pytest.mark.parametrize("writers", [8, 40, 200])
def test_many_writers_on_one_row_are_all_answered_and_none_merged(
    server: str, writers: int
) -> None:
    (actor_id,) = setup(server, 1)
    answers = in_parallel(server, [patch(actor_id, f"W{n}") for n in range(writers)])
    assert_one_faithful_history(server, actor_id, answers)


@pytest.mark.parametrize("writers", [8, 40, 200])
def test_writers_on_different_rows_all_succeed(server: str, writers: int) -> None:
    ids = setup(server, writers)
    answers = in_parallel(server, [patch(actor_id, f"New {actor_id}") for actor_id in ids])
    assert Counter(r.status_code for r in answers) == {200: writers}
    stored = {(c["id"], c["version"], c["data"]["name"]) for c in changes(server, "update")}
    assert stored == {(actor_id, 2, f"New {actor_id}") for actor_id in ids}
    still_serving(server, ids[0])


def test_a_duplicate_external_id_race_has_exactly_one_winner(server: str) -> None:
    setup(server, 0)
    body = {"name": "Twin", "region_code": "SE22", "external_id": "crm-42"}
    create = {"method": "POST", "url": "/api/v1/clusters", "json": body, "headers": ADMIN}
    answers = in_parallel(server, [create] * 30)
    assert Counter(r.status_code for r in answers) == {201: 1, 409: 29}
    for refused in (r for r in answers if r.status_code == 409):
        assert refused.headers["content-type"].startswith("application/problem+json")
        assert refused.json()["status"] == 409
    winner = next(r.json() for r in answers if r.status_code == 201)
    with httpx.Client(base_url=server, timeout=TIMEOUT) as client:
        stored = client.get("/api/v1/clusters", params={"limit": 100}).json()
    assert [(a["id"], a["external_id"]) for a in stored["items"]] == [(winner["id"], "crm-42")]
    assert [c["op"] for c in changes(server)] == ["create"]
