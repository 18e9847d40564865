"""Real servers for tests: a free loopback port, and `clustermatch serve` as a process."""

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve_process(
    database_url: str, *, workers: int = 1, **settings: str
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`clustermatch serve` on a free port (admin token "t", no seeding); yields its base URL
    and the process, and stops it if it is still running at the end."""
    port = free_port()
    env = {
        **os.environ,
        "CLUSTERMATCH_DATABASE_URL": database_url,
        "CLUSTERMATCH_ADMIN_TOKEN": "t",
        "CLUSTERMATCH_SEED_ON_START": "false",
        **{f"CLUSTERMATCH_{name.upper()}": value for name, value in settings.items()},
    }
    command = [sys.executable, "-m", "app.cli", "serve", "--port", str(port)]
    server = subprocess.Popen(
        [*command, "--workers", str(workers)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180  # four workers on two busy cores start slowly
        while True:
            try:
                if httpx.get(f"{base}/readyz").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert server.poll() is None, "server exited"
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.2)
        yield base, server
    finally:
        if server.poll() is None:
            server.terminate()  # lets `serve` clean up after itself
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
