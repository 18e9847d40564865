"""Each test gets a freshly migrated database: SQLite always, PostgreSQL too when
CLUSTERMATCH_TEST_DATABASE_URL is set and its server answers.

The suite drops and recreates the `public` schema of that database, so it refuses to run
unless the database's name says it is a test database."""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from app import migrate
from app.config import Settings
from app.db import is_sqlite, make_engine, session_scope
from app.main import create_app
from app.seed import ensure_reference_data
from app.tracking import session_factory

ADMIN_TOKEN = "test-admin-token"
ADMIN = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
POSTGRES_URL = os.environ.get("CLUSTERMATCH_TEST_DATABASE_URL")
TABLES = (  # every table but catalog_state and alembic_version
    "s3_priority",
    "actor",
    "region",
    "api_key",
    "vocab_term",
    "change_log",
    "saved_consortium",
    "call",
)


NOT_SET = "PostgreSQL tests skipped: CLUSTERMATCH_TEST_DATABASE_URL is not set"


def refuse_unless_test_database(url: str) -> None:
    """A mistyped URL must not wipe real data: only a database named as a test one."""
    name = make_url(url).database or ""
    if "test" not in name.lower():
        raise pytest.UsageError(
            f"CLUSTERMATCH_TEST_DATABASE_URL names the database {name!r}; the tests drop and "
            "recreate its public schema, so they run only on a database whose name contains "
            "'test' (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/clustermatch_test)"
        )


def pytest_configure(config: pytest.Config) -> None:
    if POSTGRES_URL:
        refuse_unless_test_database(POSTGRES_URL)


def pytest_report_header(config: pytest.Config) -> str:
    if not POSTGRES_URL:
        return f"databases: SQLite; {NOT_SET}"
    shown = make_url(POSTGRES_URL).render_as_string(hide_password=True)
    return f"databases: SQLite and PostgreSQL at {shown}"


def backends() -> list[object]:
    postgres = pytest.param(
        "postgresql", marks=pytest.mark.skipif(not POSTGRES_URL, reason=NOT_SET)
    )
    return ["sqlite", postgres]


def skip_unless_answering(url: str) -> None:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except OperationalError as exc:
        shown = make_url(url).render_as_string(hide_password=True)
        reason = str(exc.orig or exc).strip().splitlines()[0]
        pytest.skip(f"PostgreSQL tests skipped: {shown} does not answer ({reason})")
    finally:
        engine.dispose()


@pytest.fixture(scope="session", params=backends())
def migrated_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database migrated to head once per backend (for SQLite: a template file)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('template') / 'template.db'}"
    else:
        assert POSTGRES_URL
        url = POSTGRES_URL
        skip_unless_answering(url)  # a session fixture: asked once, the skip is kept
        _drop_everything(url)
    migrate.upgrade(url)
    return url


def _drop_everything(url: str) -> None:
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture
def database_url(migrated_url: str, tmp_path: Path) -> Iterator[str]:
    """An isolated, migrated database holding only the reference vocabularies."""
    if is_sqlite(migrated_url):
        template = Path(migrated_url.removeprefix("sqlite:///"))
        copy = tmp_path / "test.db"
        shutil.copy(template, copy)
        url = f"sqlite:///{copy}"
    else:
        url = migrated_url
        engine = make_engine(url)
        with engine.begin() as connection:
            connection.execute(text(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE"))
        engine.dispose()
    with_session(url, ensure_reference_data)
    yield url


def with_session(url: str, step):  # type: ignore[no-untyped-def]
    engine = make_engine(url)
    try:
        with session_scope(session_factory(engine)) as session:
            return step(session)
    finally:
        engine.dispose()


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """A session for service-level tests; unlike a request's writing unit of work it takes
    no write lock up front, so a test may also drive the API while holding it."""
    with session_factory(engine)() as session:
        yield session
        session.commit()


def make_settings(database_url: str, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "database_url": database_url,
        "admin_token": ADMIN_TOKEN,
        "seed_on_start": False,
        "log_level": "WARNING",
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture
def client(database_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(make_settings(database_url))) as test_client:
        yield test_client
