"""SIGTERM stops the server within its graceful timeout, even with a request in flight
that is waiting on a database lock."""

import contextlib
import signal
import time
from pathlib import Path

import httpx

from app import migrate
from app.db import WRITE, make_engine
from tests.live import serve_process


def test_sigterm_stops_the_server_with_a_request_in_flight(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cm.db'}"
    migrate.upgrade(url)
    # The waiting request would wait a minute; the server must stop after two seconds.
    settings = {"lock_timeout_ms": "60000", "graceful_shutdown_s": "2"}
    with serve_process(url, **settings) as (base, server):
        holder = make_engine(url)
        with holder.connect() as connection:
            connection.execution_options(**{WRITE: True}).exec_driver_sql("SELECT 1")
            with (
                httpx.Client(base_url=base, timeout=1.0) as client,
                contextlib.suppress(httpx.TimeoutException),  # the write waits on the lock
            ):
                client.put("/api/v1/regions/SE22", json={}, headers={"Authorization": "Bearer t"})
            started = time.monotonic()
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
            stopped_after = time.monotonic() - started
            connection.rollback()
        holder.dispose()
    assert stopped_after < 15


def test_metrics_of_several_workers_are_summed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cm.db'}"
    migrate.upgrade(url)
    with serve_process(url, workers=2) as (base, _server):
        for _ in range(40):  # new connections, spread over both workers
            assert httpx.get(f"{base}/healthz").status_code == 200
        for _ in range(4):
            text = httpx.get(f"{base}/metrics").text
            counted = sum(
                float(line.rsplit(" ", 1)[1])
                for line in text.splitlines()
                if line.startswith("clustermatch_http_requests_total{")
                and 'route="/healthz"' in line
            )
            assert counted >= 40, text
