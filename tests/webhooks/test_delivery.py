"""Deliveries reach a real receiver signed, in commit order, once each after de-duplication,
and survive a receiver that fails, times out, says 410 Gone, or is down for a while."""

from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.tracking import session_factory
from tests.conftest import ADMIN
from tests.factories import create_actor, put_region
from tests.service_world import create_then_rename
from tests.webhooks.conftest import DispatcherMaker, drain, feed, subscribe
from tests.webhooks.receiver import Receiver


def deliveries(client: TestClient, hook_id: int, **params: Any) -> list[dict[str, Any]]:
    response = client.get(
        f"/api/v1/webhooks/{hook_id}/deliveries", params={"limit": 200, **params}, headers=ADMIN
    )
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


def test_every_change_arrives_signed_in_commit_order(
    client: TestClient, make_dispatcher: DispatcherMaker
) -> None:
    with Receiver() as receiver:
        hook = subscribe(client, receiver.url)
        put_region(client, "SE22")
        actor = create_actor(client)
        client.patch(f"/api/v1/clusters/{actor['id']}", json={"name": "Renamed"}, headers=ADMIN)
        client.delete(f"/api/v1/clusters/{actor['id']}", headers=ADMIN)
        expected = feed(client)
        drain(make_dispatcher(), lambda: len(receiver.accepted()) == len(expected))
    calls = receiver.accepted()
    assert [call.item for call in calls] == expected  # the feed's own items, in its order
    assert [c.item["op"] for c in calls] == ["create", "create", "update", "delete"]
    assert all(call.verifies_with(hook["secret"]) for call in calls)
    assert len(receiver.calls) == len(calls)  # a healthy receiver gets each once
    log = deliveries(client, hook["id"])
    assert {d["status"] for d in log} == {"delivered"}
    assert all(len(d["attempts"]) == 1 and d["attempts"][0]["status_code"] == 204 for d in log)


def test_filters_select_entities_and_operations(
    client: TestClient, make_dispatcher: DispatcherMaker
) -> None:
    with Receiver() as receiver:
        subscribe(client, receiver.url, events=["cluster.update", "region.*"])
        put_region(client, "SE22")
        actor = create_actor(client)
        create_actor(client, kind="rdi_platform", name="Lab")
        client.patch(f"/api/v1/clusters/{actor['id']}", json={"name": "New"}, headers=ADMIN)
        dispatcher = make_dispatcher()
        drain(dispatcher, lambda: len(receiver.accepted()) == 2)
        while dispatcher.run_once():
            pass
    events = [(c.item["entity"], c.item["op"]) for c in receiver.calls]
    assert events == [("region", "create"), ("cluster", "update")]


def test_order_holds_under_eight_concurrent_writers(
    client: TestClient, engine: Engine, make_dispatcher: DispatcherMaker
) -> None:
    put_region(client, "SE22")
    factory = session_factory(engine)
    with Receiver() as receiver:
        subscribe(client, receiver.url, events=["cluster.*"])
        dispatcher = make_dispatcher()
        with ThreadPoolExecutor(max_workers=8) as pool:
            done = [pool.submit(create_then_rename, factory, n, 4) for n in range(8)]
            while not all(f.done() for f in done):  # deliver while the writers write
                dispatcher.run_once()
            for future in done:
                future.result()
        expected = [item for item in feed(client) if item["entity"] == "cluster"]
        assert len(expected) == 40
        drain(dispatcher, lambda: len(receiver.accepted()) == 40)
    assert [call.item for call in receiver.accepted()] == expected
    versions: dict[int, list[int]] = {}
    for call in receiver.accepted():
        versions.setdefault(call.item["id"], []).append(call.item["version"])
    assert all(v == [1, 2, 3, 4, 5] for v in versions.values())


def test_failures_are_retried_and_nothing_overtakes(
    client: TestClient, make_dispatcher: DispatcherMaker
) -> None:
    """The first three calls fail (503); the first change is retried until it is taken, and
    the later ones wait behind it."""
    with Receiver(lambda n: (503, 0.0) if n <= 3 else (200, 0.0)) as receiver:
        hook = subscribe(client, receiver.url)
        for code in ("SE22", "SE23", "SE21"):
            put_region(client, code)
        drain(make_dispatcher(), lambda: len(receiver.accepted()) == 3)
    assert [c.item["id"] for c in receiver.accepted()] == ["SE22", "SE23", "SE21"]
    assert [c.item["id"] for c in receiver.calls[:4]] == ["SE22"] * 4
    first = deliveries(client, hook["id"])[-1]
    assert [a["status_code"] for a in first["attempts"]] == [503, 503, 503, 200]
    assert [a["outcome"] for a in first["attempts"]][:3] == ["http_error"] * 3
    assert all(a["latency_ms"] >= 0 for a in first["attempts"])
    assert first["attempts"][-1]["response_excerpt"] == "ok"


def test_a_timeout_is_retried(client: TestClient, make_dispatcher: DispatcherMaker) -> None:
    with Receiver(lambda n: (200, 1.5) if n == 1 else (200, 0.0)) as receiver:
        hook = subscribe(client, receiver.url)
        put_region(client, "SE22")
        log = lambda: deliveries(client, hook["id"])  # noqa: E731
        delivered = lambda: [d["status"] for d in log()] == ["delivered"]  # noqa: E731
        drain(make_dispatcher(webhooks_timeout_s=0.3), delivered)
    assert len(receiver.calls) == 2
    assert receiver.calls[0].webhook_id == receiver.calls[1].webhook_id  # the same message
    attempts = log()[0]["attempts"]
    assert [a["outcome"] for a in attempts] == ["timeout", "success"]


def test_410_turns_the_subscription_off_until_it_is_turned_on(
    client: TestClient, make_dispatcher: DispatcherMaker
) -> None:
    with Receiver(lambda n: (410, 0.0) if n == 1 else (200, 0.0)) as receiver:
        hook = subscribe(client, receiver.url)
        put_region(client, "SE22")
        dispatcher = make_dispatcher()
        drain(dispatcher, lambda: len(receiver.calls) == 1)
        state = client.get(f"/api/v1/webhooks/{hook['id']}", headers=ADMIN).json()
        assert state["active"] is False
        assert "410" in state["disabled_reason"]
        put_region(client, "SE23")
        for _ in range(5):
            dispatcher.run_once()
        assert len(receiver.calls) == 1  # off: nothing more is sent
        turned_on = client.patch(
            f"/api/v1/webhooks/{hook['id']}", json={"active": True}, headers=ADMIN
        )
        assert turned_on.json()["disabled_reason"] is None
        drain(dispatcher, lambda: len(receiver.accepted()) == 2)
    assert [c.item["id"] for c in receiver.accepted()] == ["SE22", "SE23"]


def test_a_receiver_down_for_a_while_gets_everything_once_it_is_back(
    client: TestClient, make_dispatcher: DispatcherMaker
) -> None:
    """On a shortened clock: retries every 0.2 s at most, turned off after 30 s of failing;
    the receiver is down for over a second (several capped retries), then comes back."""
    receiver = Receiver()  # not started: connections are refused
    hook = subscribe(client, receiver.url)
    for code in ("SE22", "SE23", "SE21", "SE31"):
        put_region(client, code)
    dispatcher = make_dispatcher(webhooks_disable_after_s=30)
    log = lambda: deliveries(client, hook["id"])  # noqa: E731

    def down_for_a_while() -> bool:
        # Over a second and five attempts: it keeps trying (the cap on the backoff itself
        # is checked in test_retry_policy; on a loaded machine an attempt may take longer
        # than the capped wait, so the time alone says little of the count).
        tried = [a["attempted_at"] for a in log()[-1]["attempts"]] if log() else []
        span = (
            datetime.fromisoformat(tried[-1]) - datetime.fromisoformat(tried[0]) if tried else None
        )
        return span is not None and span.total_seconds() >= 1.0 and len(tried) >= 5

    drain(dispatcher, down_for_a_while)
    assert log()[-1]["attempt_count"] >= 5
    failing = client.get(f"/api/v1/webhooks/{hook['id']}", headers=ADMIN).json()
    assert failing["failing_since"] is not None and failing["active"] is True
    assert {a["outcome"] for a in log()[-1]["attempts"]} == {"connection_error"}
    assert all(d["attempt_count"] == 0 for d in log()[:-1])  # the rest wait their turn
    with receiver:
        drain(dispatcher, lambda: len(receiver.accepted()) == 4)
    assert [c.item["id"] for c in receiver.accepted()] == ["SE22", "SE23", "SE21", "SE31"]
    healthy = client.get(f"/api/v1/webhooks/{hook['id']}", headers=ADMIN).json()
    assert healthy["failing_since"] is None


def test_a_receiver_failing_too_long_is_turned_off_and_says_why(
    client: TestClient, make_dispatcher: DispatcherMaker
) -> None:
    with Receiver(lambda n: (500, 0.0)) as receiver:
        hook = subscribe(client, receiver.url)
        put_region(client, "SE22")
        dispatcher = make_dispatcher(webhooks_disable_after_s=0.3)
        url = f"/api/v1/webhooks/{hook['id']}"
        drain(dispatcher, lambda: not client.get(url, headers=ADMIN).json()["active"])
    reason = client.get(url, headers=ADMIN).json()["disabled_reason"]
    assert "every attempt failed since" in reason and "HTTP 500" in reason
    assert len(receiver.calls) >= 2


def test_a_failure_inside_a_run_of_batches_stops_the_batches_behind_it(
    client: TestClient, make_dispatcher: DispatcherMaker
) -> None:
    """Batches of three, the next one prepared while one is sent: the fifth call fails, so
    nothing of the third batch may go out before the fifth change is taken."""
    codes = ["SE110", "SE121", "SE122", "SE123", "SE124", "SE125", "SE211", "SE212", "SE213"]
    with Receiver(lambda n: (503, 0.0) if n == 5 else (204, 0.0)) as receiver:
        subscribe(client, receiver.url)
        for code in codes:
            put_region(client, code)
        drain(make_dispatcher(webhooks_batch_size=3), lambda: len(receiver.accepted()) == 9)
    assert [c.item["id"] for c in receiver.calls] == [*codes[:5], *codes[4:]]
    assert receiver.calls[4].answered == 503
