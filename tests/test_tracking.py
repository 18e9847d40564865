"""What every write transaction records: the catalog version and the change feed."""

import pytest
import sqlalchemy as sa
from sqlalchemy import Engine
from sqlmodel import Session

from app import catalog
from app.actors.models import Actor, ActorKind
from app.auth.models import ApiKey
from app.changes.models import ChangeLog
from app.changes.recorder import ChangeRecorder
from app.db import make_session_factory, session_scope
from app.reference import nuts
from app.regions.models import Region, RegionPut
from app.regions.service import FEED as REGION_FEED
from app.regions.service import apply_put
from app.tracking import session_factory


def add_region(session: Session, code: str = "SE22") -> Region:
    entry = nuts.lookup(code)
    assert entry is not None
    region, _ = apply_put(session, entry, RegionPut(), None)
    return region


def catalog_version(engine: Engine) -> int:
    with Session(engine) as session:
        return catalog.current_version(session)


def feed(engine: Engine) -> list[tuple[str, str, str, int]]:
    table = ChangeLog.__table__  # type: ignore[attr-defined]
    with engine.connect() as connection:
        rows = connection.execute(
            sa.select(table.c.entity, table.c.entity_id, table.c.op, table.c.version).order_by(
                table.c.seq
            )
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]


def test_a_write_matching_reads_raises_the_catalog_version_once(engine: Engine) -> None:
    before = catalog_version(engine)
    with session_scope(session_factory(engine)) as session:
        add_region(session, "SE22")
        session.flush()
        add_region(session, "SE23")  # two flushes, one transaction
    assert catalog_version(engine) == before + 1
    assert feed(engine) == [("region", "SE22", "create", 1), ("region", "SE23", "create", 1)]


def test_a_write_matching_does_not_read_leaves_the_version(engine: Engine) -> None:
    before = catalog_version(engine)
    with session_scope(session_factory(engine)) as session:
        session.add(ApiKey(role="reader", key_hash="h" * 64, key_prefix="cm_x"))
    assert catalog_version(engine) == before
    assert feed(engine) == []


def test_the_recorder_numbers_feed_rows_under_the_catalog_lock_itself(engine: Engine) -> None:
    """Ordering must not depend on another listener running first."""
    before = catalog_version(engine)
    only_feed = make_session_factory(engine, [ChangeRecorder({Region: REGION_FEED})])
    with session_scope(only_feed) as session:
        add_region(session)
    assert feed(engine) == [("region", "SE22", "create", 1)]
    assert catalog_version(engine) == before + 1


def test_a_failed_transaction_records_nothing(engine: Engine) -> None:
    before = catalog_version(engine)
    with pytest.raises(RuntimeError), session_scope(session_factory(engine)) as session:
        add_region(session)
        session.flush()
        raise RuntimeError("the request failed after its flush")
    assert catalog_version(engine) == before
    assert feed(engine) == []


def test_created_then_deleted_in_one_transaction_is_not_in_the_feed(engine: Engine) -> None:
    with session_scope(session_factory(engine)) as session:
        add_region(session)
    with session_scope(session_factory(engine)) as session:
        actor = Actor(kind=ActorKind.cluster, name="Brief", region_code="SE22")
        session.add(actor)
        session.flush()
        actor.name = "Briefer"
        actor.version += 1
        session.flush()
        session.delete(actor)
    assert [row[0] for row in feed(engine)] == ["region"]


def test_a_rolled_back_write_leaves_nothing_for_the_next_commit(engine: Engine) -> None:
    before = catalog_version(engine)
    factory = session_factory(engine)
    with factory() as session:
        add_region(session)
        session.flush()
        session.rollback()
        session.commit()  # an empty transaction on the same session
    assert feed(engine) == []
    assert catalog_version(engine) == before
