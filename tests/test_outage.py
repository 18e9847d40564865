"""The database goes away and comes back: requests meanwhile are 503 problems with
Retry-After (never a hang, never a 500), and the service recovers without a restart.

Runs a scratch PostgreSQL server of its own (initdb into a temporary folder), since the
shared one must not be stopped; skipped where the server binaries or the rights to run
them as the `postgres` user are missing.
"""

import glob
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app import migrate
from app.db import WRITE, is_sqlite, make_engine
from app.main import create_app
from app.seed import ensure_reference_data
from tests.conftest import ADMIN, make_settings, with_session
from tests.live import free_port

PG_BIN = next(iter(sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)), None)
needs_server_binaries = pytest.mark.skipif(
    PG_BIN is None or os.geteuid() != 0 or shutil.which("runuser") is None,
    reason="needs PostgreSQL server binaries and root to run them as postgres",
)


def as_postgres(*command: str, check: bool = True) -> None:
    subprocess.run(
        ["runuser", "-u", "postgres", "--", *command], check=check, capture_output=True, timeout=120
    )


@dataclass
class ScratchServer:
    folder: Path
    port: int

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        data, log = str(self.folder / "data"), str(self.folder / "log")
        as_postgres(f"{PG_BIN}/pg_ctl", "-D", data, "-o", options, "-l", log, "-w", "start")

    def stop(self, check: bool = True) -> None:
        data = str(self.folder / "data")
        as_postgres(f"{PG_BIN}/pg_ctl", "-D", data, "-m", "immediate", "-w", "stop", check=check)


@pytest.fixture
def scratch() -> Iterator[ScratchServer]:
    # Not under pytest's tmp_path: its parents are private to root, and the server runs
    # as postgres.
    folder = Path(tempfile.mkdtemp(prefix="clustermatch-pg-"))
    folder.chmod(0o755)
    shutil.chown(folder, "postgres")
    as_postgres(f"{PG_BIN}/initdb", "-D", str(folder / "data"), "-A", "trust", "-U", "postgres")
    server = ScratchServer(folder, free_port())
    server.start()
    try:
        yield server
    finally:
        server.stop(check=False)
        shutil.rmtree(folder, ignore_errors=True)


@needs_server_binaries
def test_an_outage_is_503_and_the_service_recovers(scratch: ScratchServer) -> None:
    migrate.upgrade(scratch.url)
    with_session(scratch.url, ensure_reference_data)
    with TestClient(
        create_app(make_settings(scratch.url)), raise_server_exceptions=False
    ) as client:
        assert client.put("/api/v1/regions/SE22", json={}, headers=ADMIN).status_code == 201
        scratch.stop()
        for answer in (
            client.get("/api/v1/regions/SE22"),
            client.put("/api/v1/regions/SE23", json={}, headers=ADMIN),
            client.get("/api/v1/matching/regions", params={"region_code": "SE22"}),
        ):
            assert answer.status_code == 503, answer.text
            assert answer.headers["content-type"].startswith("application/problem+json")
            assert int(answer.headers["retry-after"]) > 0
            assert answer.headers["x-request-id"]
        assert client.get("/readyz").status_code == 503
        assert client.get("/healthz").status_code == 200
        scratch.start()
        assert client.get("/api/v1/regions/SE22").status_code == 200
        assert client.put("/api/v1/regions/SE23", json={}, headers=ADMIN).status_code == 201
        assert client.get("/readyz").status_code == 200


def test_a_write_waiting_past_the_lock_timeout_is_503(database_url: str) -> None:
    settings = make_settings(database_url, lock_timeout_ms=300)
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        assert client.put("/api/v1/regions/SE22", json={}, headers=ADMIN).status_code == 201
        holder = make_engine(database_url)
        with holder.connect() as connection:
            # Another writer holds the row (PostgreSQL) or the database (SQLite).
            if is_sqlite(database_url):
                connection.execution_options(**{WRITE: True}).exec_driver_sql("SELECT 1")
            else:
                connection.exec_driver_sql("SELECT 1 FROM region WHERE code = 'SE22' FOR UPDATE")
            started = time.monotonic()
            answer = client.put("/api/v1/regions/SE22", json={"name": "X"}, headers=ADMIN)
            waited = time.monotonic() - started
            connection.rollback()
        holder.dispose()
        assert answer.status_code == 503, answer.text
        assert answer.headers["retry-after"]
        assert waited < 10
        assert (
            client.put("/api/v1/regions/SE22", json={"name": "X"}, headers=ADMIN).status_code == 200
        )
