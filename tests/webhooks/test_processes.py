"""Dispatchers as they run in production: two `clustermatch webhooks dispatch` processes on
one database, and a dispatcher thread beside API requests while a receiver hangs."""

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from tests.conftest import ADMIN, make_settings
from tests.factories import put_region
from tests.webhooks.conftest import DispatcherMaker, feed, subscribe, wait_until
from tests.webhooks.receiver import Receiver

CODES = ["SE110", "SE121", "SE122", "SE123", "SE124", "SE125", "SE211", "SE212", "SE213"]


@contextmanager
def dispatch_process(database_url: str) -> Iterator[subprocess.Popen[bytes]]:
    env = {
        **os.environ,
        "CLUSTERMATCH_DATABASE_URL": database_url,
        "CLUSTERMATCH_WEBHOOKS_ALLOW_PRIVATE": "true",
        "CLUSTERMATCH_WEBHOOKS_POLL_INTERVAL_S": "0.02",
        "CLUSTERMATCH_WEBHOOKS_RETRY_BASE_S": "0.05",
        "CLUSTERMATCH_WEBHOOKS_BATCH_SIZE": "7",  # many small rounds: more chances to collide
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "webhooks", "dispatch"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)


def write_changes(client: TestClient, rounds: int) -> None:
    for n in range(rounds):
        for code in CODES:
            put_region(client, code, name=f"{code} {n}")


def test_two_dispatcher_processes_send_each_delivery_once(
    client: TestClient, database_url: str
) -> None:
    with Receiver() as a, Receiver() as b, Receiver() as c:
        receivers = [a, b, c]
        for receiver in receivers:
            subscribe(client, receiver.url)
        with dispatch_process(database_url) as first, dispatch_process(database_url):
            write_changes(client, 6)  # while both dispatch
            expected = feed(client)
            wait_until(lambda: all(len(r.calls) >= len(expected) for r in receivers))
            for receiver in receivers:
                assert [call.item for call in receiver.calls] == expected  # once each, in order
            # One dies without a word; the other carries on with what it left.
            first.send_signal(signal.SIGKILL)
            first.wait()
            write_changes(client, 3)
            expected = feed(client)
            for receiver in receivers:
                wait_until(lambda r=receiver: len(r.accepted()) >= len(expected))
                assert [call.item for call in receiver.accepted()] == expected


def test_a_hanging_receiver_slows_no_request(
    database_url: str, make_dispatcher: DispatcherMaker
) -> None:
    """While the dispatcher waits on a receiver, requests that write, change the very
    subscription or delete it all go through: no lock is held during a send (a lock wait
    past the short lock timeout here would be a 503)."""
    release = threading.Event()
    receiver = Receiver(lambda n: (200, 0.0))
    receiver.answer = lambda n: (200, 0.0) if release.wait(30) else (500, 0.0)
    settings = make_settings(database_url, lock_timeout_ms=300)
    with receiver, TestClient(create_app(settings)) as client:
        hook = subscribe(client, receiver.url)
        other = subscribe(client, receiver.url)
        put_region(client, "SE22")
        dispatcher = make_dispatcher(webhooks_timeout_s=30)
        thread = threading.Thread(target=dispatcher.run, daemon=True)
        thread.start()
        try:
            drain_calls = lambda: len(receiver.calls) >= 1  # noqa: E731
            while not drain_calls():
                release.wait(0.02)
            assert client.put("/api/v1/regions/SE23", json={}, headers=ADMIN).status_code == 201
            url = f"/api/v1/webhooks/{hook['id']}"
            changed = client.patch(url, json={"description": "still here"}, headers=ADMIN)
            assert changed.status_code == 200
            rotated = client.post(f"{url}/rotate-secret", headers=ADMIN)
            assert rotated.status_code == 200
            deleted = client.delete(f"/api/v1/webhooks/{other['id']}", headers=ADMIN)
            assert deleted.status_code == 204
            assert client.delete(url, headers=ADMIN).status_code == 204
        finally:
            release.set()
            dispatcher.stopping.set()
            thread.join(timeout=30)
        assert not thread.is_alive()


def test_a_commit_wakes_a_waiting_dispatcher_on_postgresql(
    client: TestClient, database_url: str, make_dispatcher: DispatcherMaker
) -> None:
    """With a poll interval of a minute, a change still arrives: on PostgreSQL the commit
    tells the waiting dispatcher (on SQLite it waits for its poll, so this is PostgreSQL's)."""
    if database_url.startswith("sqlite"):
        pytest.skip("commits wake dispatchers through PostgreSQL's LISTEN/NOTIFY")
    with Receiver() as receiver:
        subscribe(client, receiver.url)
        dispatcher = make_dispatcher(webhooks_poll_interval_s=60)
        thread = threading.Thread(target=dispatcher.run, daemon=True)
        thread.start()
        try:
            for code in ("SE22", "SE23"):
                put_region(client, code)
                wait_until(lambda code=code: code in [c.item["id"] for c in receiver.calls], 30)
        finally:
            dispatcher.stopping.set()
            thread.join(timeout=90)
    assert [c.item["id"] for c in receiver.calls] == ["SE22", "SE23"]
