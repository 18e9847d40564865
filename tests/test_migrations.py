from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect
from sqlmodel import SQLModel

import app.models  # noqa: F401
from app import migrate


def test_models_match_the_migrated_schema(engine: Engine) -> None:
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), SQLModel.metadata) == []


def test_migrations_go_down_and_up_again(database_url: str, engine: Engine) -> None:
    assert migrate.at_head(engine)
    migrate.downgrade(database_url, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    assert not migrate.at_head(engine)
    migrate.upgrade(database_url)
    assert {"region", "s3_priority", "actor", "vocab_term", "api_key"} <= set(
        inspect(engine).get_table_names()
    )
    assert migrate.at_head(engine)
