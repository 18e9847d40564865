"""Dispatchers driven round by round, with short retry settings (no test waits minutes)."""

import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.webhooks.addresses import Resolver
from app.webhooks.dispatcher import Dispatcher
from tests.conftest import ADMIN, make_settings

FAST_RETRIES = {
    "webhooks_retry_base_s": 0.05,
    "webhooks_retry_max_s": 0.2,
    "webhooks_timeout_s": 2.0,
}
DispatcherMaker = Callable[..., Dispatcher]


@pytest.fixture
def make_dispatcher(engine: Engine, database_url: str) -> Iterator[DispatcherMaker]:
    made: list[Dispatcher] = []

    def make(resolver: Resolver | None = None, **overrides: Any) -> Dispatcher:
        settings = make_settings(database_url, **{**FAST_RETRIES, **overrides})
        dispatcher = (
            Dispatcher(engine, settings, resolver=resolver)
            if resolver
            else Dispatcher(engine, settings)
        )
        made.append(dispatcher)
        return dispatcher

    yield make
    for dispatcher in made:
        dispatcher.close()


def drain(dispatcher: Dispatcher, until: Callable[[], bool], limit_s: float = 60) -> None:
    """Dispatch rounds until `until()` holds (a guard against hanging, not a timing check)."""
    deadline = time.monotonic() + limit_s
    while not until():
        assert time.monotonic() < deadline, "the deliveries did not arrive"
        if dispatcher.run_once() == 0:
            time.sleep(0.02)


def wait_until(until: Callable[[], bool], limit_s: float = 60) -> None:
    """Wait for other processes to make `until()` hold (a guard against hanging)."""
    deadline = time.monotonic() + limit_s
    while not until():
        assert time.monotonic() < deadline, "the deliveries did not arrive"
        time.sleep(0.05)


def subscribe(
    client: TestClient, url: str, headers: dict[str, str] = ADMIN, **fields: Any
) -> dict[str, Any]:
    response = client.post("/api/v1/webhooks", json={"url": url, **fields}, headers=headers)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def feed(client: TestClient) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        params = {"limit": 500, **({"since": cursor} if cursor else {})}
        page = client.get("/api/v1/changes", params=params).json()
        if not page["items"]:
            return items
        items.extend(page["items"])
        cursor = page["next_cursor"]
