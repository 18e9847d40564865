"""SIGTERM stops the server within its graceful timeout, even with a request in flight
that is waiting on a database lock."""

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from app import migrate
from app.db import WRITE, make_engine
from tests.test_concurrency import free_port


def test_sigterm_stops_the_server_with_a_request_in_flight(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cm.db'}"
    migrate.upgrade(url)
    port = free_port()
    env = {
        **os.environ,
        "CLUSTERMATCH_DATABASE_URL": url,
        "CLUSTERMATCH_ADMIN_TOKEN": "t",
        "CLUSTERMATCH_SEED_ON_START": "false",
        "CLUSTERMATCH_LOCK_TIMEOUT_MS": "60000",  # the request would wait a minute
        "CLUSTERMATCH_GRACEFUL_SHUTDOWN_S": "2",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/readyz").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.2)
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
    finally:
        if server.poll() is None:
            server.kill()
