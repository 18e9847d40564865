import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from alembic.config import Config as AlembicConfig
from alembic.script import ScriptDirectory
from fastapi.testclient import TestClient
from sqlalchemy import inspect, text
from sqlmodel import Session, SQLModel, select
from typer.testing import CliRunner

from app import migrate
from app.actors.models import Actor
from app.auth.models import Role
from app.auth.service import Principal
from app.calls.models import Call
from app.cli import app as cli
from app.config import get_settings
from app.db import make_engine
from app.feedback import service as outcomes
from app.feedback.schemas import FeedbackIn
from app.main import create_app
from app.matching.learning import default_weights
from app.matching_service import model as model_report
from app.regions.models import Region
from app.transfer.service import export_document
from tests.conftest import make_settings, with_session
from tests.live import free_port, serve_process

runner = CliRunner()


@pytest.fixture(autouse=True)
def cli_env(database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("CLUSTERMATCH_DATABASE_URL", database_url)
    get_settings.cache_clear()
    yield database_url
    get_settings.cache_clear()


def test_seed_loads_swedish_example_data_idempotently(cli_env: str) -> None:
    assert runner.invoke(cli, ["seed"]).exit_code == 0
    first = with_session(cli_env, export_document)
    regions = {r["code"]: r for r in first["regions"]}
    nuts2 = {"SE11", "SE12", "SE21", "SE22", "SE23", "SE31", "SE32", "SE33"}
    assert {"SE1", "SE2", "SE3"} <= set(regions)
    assert nuts2 <= set(regions)
    assert sum(1 for r in regions.values() if r["level"] == 3) == 21
    assert all(regions[code]["s3_priorities"] for code in nuts2)
    actors = first["clusters"] + first["rdi_platforms"]
    assert len(actors) >= 40
    assert {a["region_code"] for a in actors} == nuts2
    assert {"health-care", "aerospace", "life-science", "textiles", "food", "offshore"} <= {
        t for a in actors for t in a["themes"]
    }
    assert any(not a["themes"] and a["description"] for a in actors)  # text-only actors

    assert runner.invoke(cli, ["seed"]).exit_code == 0
    assert with_session(cli_env, export_document) == first


def test_keys_create_prints_only_the_key_and_revoke_works(cli_env: str) -> None:
    created = runner.invoke(cli, ["keys", "create", "--role", "editor", "--scope", "SE2"])
    assert created.exit_code == 0
    key = created.stdout.strip()
    assert key.startswith("cm_") and "\n" not in key
    listed = runner.invoke(cli, ["keys", "list"])
    assert "editor" in listed.stdout and "SE2" in listed.stdout and key not in listed.stdout
    assert runner.invoke(cli, ["keys", "revoke", "1"]).exit_code == 0
    assert runner.invoke(cli, ["keys", "revoke", "99"]).exit_code == 1
    assert runner.invoke(cli, ["keys", "create", "--role", "editor"]).exit_code == 1


def test_db_downgrade_and_upgrade(cli_env: str) -> None:
    assert runner.invoke(cli, ["db", "downgrade", "base"]).exit_code == 0
    assert runner.invoke(cli, ["db", "upgrade"]).exit_code == 0
    # Reference data is back after the upgrade.
    assert runner.invoke(cli, ["seed"]).exit_code == 0


def test_downgrade_refuses_while_tables_hold_data(cli_env: str) -> None:
    assert runner.invoke(cli, ["seed"]).exit_code == 0
    refused = runner.invoke(cli, ["db", "downgrade", "base"])
    assert refused.exit_code == 1
    assert "actor" in refused.stderr and "--force" in refused.stderr
    assert with_session(cli_env, export_document)["clusters"]  # nothing dropped
    assert runner.invoke(cli, ["db", "downgrade", "base", "--force"]).exit_code == 0
    assert runner.invoke(cli, ["db", "upgrade"]).exit_code == 0


def test_seeded_records_start_at_version_1(cli_env: str) -> None:
    assert runner.invoke(cli, ["seed"]).exit_code == 0

    def versions(session: Session) -> dict[str, set[int]]:
        return {
            "regions": set(session.exec(select(Region.version))),
            "actors": set(session.exec(select(Actor.version))),
            "calls": set(session.exec(select(Call.version))),
        }

    assert with_session(cli_env, versions) == {"regions": {1}, "actors": {1}, "calls": {1}}


def test_keys_list_shows_whole_dates_on_an_80_column_terminal(cli_env: str) -> None:
    name = "Västra Götalandsregionen, regional development department editors"
    created = runner.invoke(
        cli, ["keys", "create", "--role", "editor", "--scope", "SE23", "--name", name]
    )
    assert created.exit_code == 0
    listed = runner.invoke(cli, ["keys", "list"], env={"COLUMNS": "80"})
    assert listed.exit_code == 0
    assert re.search(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00", listed.stdout), listed.stdout
    assert name in listed.stdout


def test_db_downgrade_prints_the_revision_reached(cli_env: str) -> None:
    heads = migrate.head_revisions()
    step = runner.invoke(cli, ["db", "downgrade"])  # one step back, the default
    assert step.exit_code == 0, step.stderr
    reached = migrate.revision_of(cli_env)
    assert reached not in heads and reached != "base"
    assert step.stderr.strip().endswith(f"database at {reached}")
    assert "-1" not in step.stderr
    emptied = runner.invoke(cli, ["db", "downgrade", "base"])
    assert emptied.stderr.strip().endswith("database at base")
    assert runner.invoke(cli, ["db", "upgrade"]).exit_code == 0


@pytest.mark.parametrize(
    "command",
    [["--help"], ["serve", "--help"], ["db", "downgrade", "--help"], ["keys", "create", "--help"]],
)
def test_help_shows_flags_without_a_type(command: list[str]) -> None:
    shown = runner.invoke(cli, command, env={"COLUMNS": "100"})
    assert shown.exit_code == 0
    assert "--help" in shown.stdout
    assert "<bool>" not in shown.stdout


def test_an_editor_key_without_a_scope_is_refused_in_plain_words(cli_env: str) -> None:
    refused = runner.invoke(cli, ["keys", "create", "--role", "editor"])
    assert refused.exit_code == 1
    assert "editor keys need --scope NUTS" in refused.stderr
    for noise in ("pydantic", "http", "Value error", "validation error"):
        assert noise not in refused.stderr
    scoped_admin = runner.invoke(cli, ["keys", "create", "--role", "admin", "--scope", "SE2"])
    assert scoped_admin.exit_code == 1
    assert "only editor keys take --scope; an admin key writes anywhere" in scoped_admin.stderr
    listed = runner.invoke(cli, ["keys", "list"])
    assert "editor" not in listed.stdout and "admin" not in listed.stdout


def test_serve_says_which_database_it_uses_first(tmp_path: Path) -> None:
    """Started in some directory without a URL, serve names the SQLite file it creates."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLUSTERMATCH_")}
    env["CLUSTERMATCH_SEED_ON_START"] = "false"
    log = tmp_path / "serve.log"
    with open(log, "wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "serve", "--port", str(port)],
            cwd=tmp_path,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            for _ in range(300):
                if server.poll() is not None or (tmp_path / "clustermatch.db").exists():
                    break
                time.sleep(0.1)
        finally:
            server.terminate()
            server.wait(timeout=30)
    first = log.read_text().splitlines()[0]
    assert first == f"database: sqlite:///./clustermatch.db (file {tmp_path / 'clustermatch.db'})"


def test_a_logged_database_url_hides_its_password() -> None:
    shown = migrate.describe_url("postgresql+psycopg://cm:s3cret@db.internal:5432/clustermatch")
    assert shown == "postgresql+psycopg://cm:***@db.internal:5432/clustermatch"


def test_matching_fit_stores_the_weights_it_chose(cli_env: str) -> None:
    assert runner.invoke(cli, ["seed"]).exit_code == 0

    def give_verdicts(session: Session) -> None:
        first, second, third = session.exec(select(Actor.id).order_by(Actor.id).limit(3)).all()
        for candidate, verdict in ((second, "relevant"), (third, "not_relevant")):
            body = FeedbackIn(actor_id=first, candidate_id=candidate, verdict=verdict)
            outcomes.record(session, body, Principal(role=Role.admin))

    with_session(cli_env, give_verdicts)
    assert with_session(cli_env, model_report.model).fitted_at is None
    result = runner.invoke(cli, ["matching", "fit"])
    assert result.exit_code == 0, result.output
    assert "default weights in use: too few labels" in result.output
    model = with_session(cli_env, model_report.model)
    assert model.fitted_at is not None
    assert (model.source, model.weights.model_dump()) == ("default", default_weights())
    assert model.labels_at_fit is not None and model.labels_at_fit.total == 2


# Checked against the data and the schema themselves, read past the application's code.


def _rows(url: str, query: str) -> list[tuple[Any, ...]]:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(query))]
    finally:
        engine.dispose()


def _tables(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_serve_answers_health_reads_and_writes(cli_env: str) -> None:
    with serve_process(cli_env) as (base, server):
        assert httpx.get(f"{base}/healthz").status_code == 200
        ready = httpx.get(f"{base}/readyz")
        assert ready.status_code == 200, ready.text
        auth = {"Authorization": "Bearer t"}
        put = httpx.put(f"{base}/api/v1/regions/SE22", json={}, headers=auth)
        assert put.status_code == 201, put.text
        listed = httpx.get(f"{base}/api/v1/regions").json()
        assert [r["code"] for r in listed["items"]] == ["SE22"]
        assert server.poll() is None
    assert _rows(cli_env, "SELECT code, level FROM region") == [("SE22", 2)]


def test_export_to_stdout_is_what_the_database_holds(cli_env: str) -> None:
    assert runner.invoke(cli, ["seed"]).exit_code == 0
    printed = runner.invoke(cli, ["export", "-"])
    assert printed.exit_code == 0, printed.stderr
    doc = json.loads(printed.stdout)
    assert [r["code"] for r in doc["regions"]] == [
        code for (code,) in _rows(cli_env, "SELECT code FROM region ORDER BY code")
    ]
    for section, kind in (("clusters", "cluster"), ("rdi_platforms", "rdi_platform")):
        stored = _rows(
            cli_env,
            f"SELECT id, name, region_code, version FROM actor WHERE kind = '{kind}' ORDER BY id",
        )
        assert stored, section
        exported = [(a["id"], a["name"], a["region_code"], a["version"]) for a in doc[section]]
        assert exported == stored
        assert {a["kind"] for a in doc[section]} == {kind}
    priorities = _rows(cli_env, "SELECT count(*) FROM s3_priority")[0][0]
    assert sum(len(r["s3_priorities"]) for r in doc["regions"]) == priorities > 0


def test_db_downgrade_drops_the_schema_and_upgrade_builds_it_at_head(cli_env: str) -> None:
    heads = set(ScriptDirectory.from_config(AlembicConfig("alembic.ini")).get_heads())
    models = set(SQLModel.metadata.tables)
    assert models <= _tables(cli_env)
    assert {v for (v,) in _rows(cli_env, "SELECT version_num FROM alembic_version")} == heads

    down = runner.invoke(cli, ["db", "downgrade", "base"])
    assert down.exit_code == 0, down.stderr
    assert _tables(cli_env) <= {"alembic_version"}
    if _tables(cli_env):
        assert _rows(cli_env, "SELECT version_num FROM alembic_version") == []

    up = runner.invoke(cli, ["db", "upgrade"])
    assert up.exit_code == 0, up.stderr
    assert models <= _tables(cli_env)
    assert {v for (v,) in _rows(cli_env, "SELECT version_num FROM alembic_version")} == heads
    # The reference vocabularies are back with the schema.
    assert _rows(cli_env, "SELECT count(*) FROM vocab_term")[0][0] > 0


def test_a_revoked_key_no_longer_writes(cli_env: str) -> None:
    created = runner.invoke(cli, ["keys", "create", "--role", "admin"])
    assert created.exit_code == 0
    headers = {"Authorization": f"Bearer {created.stdout.strip()}"}
    (key_id,) = (i for (i,) in _rows(cli_env, "SELECT id FROM api_key"))
    with TestClient(create_app(make_settings(cli_env, admin_token=None))) as client:
        assert client.put("/api/v1/regions/SE22", json={}, headers=headers).status_code == 201
        assert runner.invoke(cli, ["keys", "revoke", str(key_id)]).exit_code == 0
        refused = client.put("/api/v1/regions/SE23", json={}, headers=headers)
        assert refused.status_code == 401, refused.text
        assert refused.headers["content-type"].startswith("application/problem+json")
    assert _rows(cli_env, "SELECT code FROM region") == [("SE22",)]
