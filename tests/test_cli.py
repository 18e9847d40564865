import pytest
from sqlmodel import Session, select
from typer.testing import CliRunner

from app.actors.models import Actor
from app.auth.models import Role
from app.auth.service import Principal
from app.cli import app as cli
from app.config import get_settings
from app.feedback import service as outcomes
from app.feedback.schemas import FeedbackIn
from app.matching.learning import default_weights
from app.matching_service import model as model_report
from app.transfer.service import export_document
from tests.conftest import with_session

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
