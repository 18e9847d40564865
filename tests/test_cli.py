import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlmodel import Session, select
from typer.testing import CliRunner

from app import migrate
from app.actors.models import Actor
from app.calls.models import Call
from app.cli import app as cli
from app.config import get_settings
from app.regions.models import Region
from app.transfer.service import export_document
from tests.conftest import with_session
from tests.live import free_port

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
