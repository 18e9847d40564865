"""Each test gets a freshly migrated database: SQLite always, PostgreSQL too when
CLUSTERMATCH_TEST_DATABASE_URL is set."""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
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
    "webhook_attempt",
    "webhook_delivery",
    "webhook_lane",
    "webhook_subscription",
)


def _backends() -> list[object]:
    postgres = pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(not POSTGRES_URL, reason="CLUSTERMATCH_TEST_DATABASE_URL not set"),
    )
    return ["sqlite", postgres]


@pytest.fixture(scope="session", params=_backends())
def migrated_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database migrated to head once per backend (for SQLite: a template file)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('template') / 'template.db'}"
    else:
        assert POSTGRES_URL
        url = POSTGRES_URL
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
        "webhooks_dispatch": False,  # tests that want one start it themselves
        "webhooks_allow_private": True,
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture
def client(database_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(make_settings(database_url))) as test_client:
        yield test_client
