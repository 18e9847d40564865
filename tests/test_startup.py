"""Several processes starting at once on one database: they take turns to migrate and
seed, so all start and the example data is there exactly once."""

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, pool, text
from sqlalchemy.engine import make_url

from app.transfer.service import export_document
from tests.conftest import POSTGRES_URL, backends, skip_unless_answering, with_session

PREPARE = "from app.cli import prepare_database; prepare_database(seed=True)"


@pytest.fixture(params=backends())
def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database with nothing in it, not even a schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'fresh.db'}"
        return
    assert POSTGRES_URL
    skip_unless_answering(POSTGRES_URL)
    name = f"cm_startup_{uuid.uuid4().hex[:8]}"
    admin = create_engine(POSTGRES_URL, poolclass=pool.NullPool, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


def test_processes_starting_together_migrate_and_seed_once(empty_database: str) -> None:
    env = {**os.environ, "CLUSTERMATCH_DATABASE_URL": empty_database}
    starting = [
        subprocess.Popen(
            [sys.executable, "-c", PREPARE], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(4)
    ]
    results = [(p.communicate(timeout=300)[1].decode(), p.returncode) for p in starting]
    assert [code for _, code in results] == [0, 0, 0, 0], results
    assert sum("seeded" in err for err, _ in results) == 1
    data = with_session(empty_database, export_document)
    assert len(data["clusters"]) + len(data["rdi_platforms"]) == 44
