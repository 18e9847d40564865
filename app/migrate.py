"""Alembic, driven from code: the only way the schema is made or changed."""

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, inspect, pool, text
from sqlalchemy.engine import make_url

# PostgreSQL advisory lock key for schema changes and seeding ("clustermatch" in ASCII, cut).
_ADVISORY_KEY = 0x636C7573746572


def alembic_config(database_url: str) -> Config:
    # No alembic.ini: the scripts are found through the installed `migrations` package,
    # so a wheel migrates from any directory. (alembic.ini serves the `alembic` command.)
    config = Config()
    config.set_main_option("script_location", str(files("migrations")))
    # ConfigParser interpolation treats % specially; URLs may contain it.
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


@contextmanager
def exclusive(database_url: str) -> Iterator[None]:
    """Hold the database's set-up lock, so several processes starting at once migrate and
    seed one after another: an advisory lock on PostgreSQL, a lock file beside a SQLite file.
    """
    url = make_url(database_url)
    if url.get_backend_name() == "postgresql":
        engine = create_engine(url, poolclass=pool.NullPool)
        try:
            with engine.connect() as connection:
                connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _ADVISORY_KEY})
                try:
                    yield
                finally:
                    connection.execute(
                        text("SELECT pg_advisory_unlock(:key)"), {"key": _ADVISORY_KEY}
                    )
        finally:
            engine.dispose()
    elif url.database and url.database != ":memory:":
        with open(Path(url.database).with_name(Path(url.database).name + ".lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
    else:
        yield


# Rows these hold are made again by the app itself; a downgrade may drop them freely.
_REBUILT = {"alembic_version", "catalog_state", "vocab_term"}


def tables_holding_data(database_url: str) -> list[str]:
    """The app's tables that hold rows, sorted."""
    engine = create_engine(database_url, poolclass=pool.NullPool)
    try:
        with engine.connect() as connection:
            names = sorted(set(inspect(connection).get_table_names()) - _REBUILT)
            preparer = connection.dialect.identifier_preparer
            return [
                name
                for name in names
                if connection.execute(text(f"SELECT 1 FROM {preparer.quote(name)} LIMIT 1")).first()
            ]
    finally:
        engine.dispose()


def upgrade(database_url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(database_url), revision)


def downgrade(database_url: str, revision: str = "-1") -> None:
    command.downgrade(alembic_config(database_url), revision)


@lru_cache(maxsize=1)
def head_revisions() -> frozenset[str]:
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    return frozenset(script.get_heads())


def current_revisions(engine: Engine) -> frozenset[str]:
    with engine.connect() as connection:
        return frozenset(MigrationContext.configure(connection).get_current_heads())


def revision_of(database_url: str) -> str:
    """The revision the database is at, as Alembic names it (`base` when unmigrated)."""
    engine = create_engine(database_url, poolclass=pool.NullPool)
    try:
        return ", ".join(sorted(current_revisions(engine))) or "base"
    finally:
        engine.dispose()


def describe_url(database_url: str) -> str:
    """The URL with its password masked, and a SQLite file's absolute path (a relative one
    depends on the directory the process started in)."""
    url = make_url(database_url)
    shown = url.render_as_string(hide_password=True)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return f"{shown} (file {Path(url.database).resolve()})"
    return shown


def at_head(engine: Engine) -> bool:
    return current_revisions(engine) == head_revisions()
