"""The test command is safe to run anywhere: it passes without PostgreSQL, and it refuses
a database that is not named as a test one (the suite drops its public schema)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import refuse_unless_test_database

PROJECT_ROOT = Path(__file__).parent.parent
# One small test that needs a database on each backend.
PROBE = "tests/routers/test_operations.py::test_health_and_readiness"


def run_suite(database_url: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CLUSTERMATCH_TEST_DATABASE_URL"}
    if database_url is not None:
        env["CLUSTERMATCH_TEST_DATABASE_URL"] = database_url
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", PROBE],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize("name", ["clustermatch", "postgres", "prod"])
def test_a_database_not_named_as_a_test_one_is_refused(name: str) -> None:
    with pytest.raises(pytest.UsageError, match="contains 'test'"):
        refuse_unless_test_database(f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}")


def test_a_test_database_is_accepted() -> None:
    refuse_unless_test_database("postgresql+psycopg://postgres@127.0.0.1:5432/clustermatch_test")


def test_the_suite_stops_before_touching_a_production_database() -> None:
    # Port 1 answers nothing: even a guard that failed could not drop anything here.
    result = run_suite("postgresql+psycopg://postgres@127.0.0.1:1/clustermatch")
    assert result.returncode == pytest.ExitCode.USAGE_ERROR, result.stdout + result.stderr
    assert "names the database 'clustermatch'" in result.stderr
    assert "passed" not in result.stdout


def test_the_suite_passes_without_postgresql() -> None:
    unset = run_suite(None)
    assert unset.returncode == 0, unset.stdout + unset.stderr
    assert "1 passed, 1 skipped" in unset.stdout
    assert "CLUSTERMATCH_TEST_DATABASE_URL is not set" in unset.stdout

    silent = run_suite("postgresql+psycopg://postgres@127.0.0.1:1/test_nothing_here")
    assert silent.returncode == 0, silent.stdout + silent.stderr
    assert "1 passed, 1 skipped" in silent.stdout
    assert "127.0.0.1:1/test_nothing_here does not answer" in silent.stdout
