"""The feed's order is the commit order, even when a writer is slow to commit: a writer
that has taken its sequence number and then stalls inside its transaction holds back
every later writer, so a reader is never given a later change before the earlier one
commits (it would move its cursor past it and lose it for good)."""

import threading
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import Engine, event, text
from sqlmodel import Session

from app.actors.models import ActorCreate, ActorKind
from app.actors.service import create_actor
from app.changes.service import encode_cursor, read
from app.db import make_engine, session_scope
from app.reference import nuts
from app.regions.models import RegionPut
from app.regions.service import apply_put
from app.tracking import session_factory
from tests.conftest import with_session
from tests.service_world import ADMIN_CALLER, add_call

STALL_S = 1.5  # how long the slow writer stays in its transaction after taking its number
WAIT_S = 30.0


def create_cluster(engine: Engine, name: str) -> None:
    with session_scope(session_factory(engine)) as session:
        body = ActorCreate(name=name, region_code="SE22")
        create_actor(session, ActorKind.cluster, body, ADMIN_CALLER)


def create_call(engine: Engine, name: str) -> None:
    """A call: in the feed, but not read by matching, so only the feed's own numbering
    orders it (an actor also raises the catalog version)."""
    with session_scope(session_factory(engine)) as session:
        add_call(session, name=name)


def feed_names(database_url: str, since: int = 0) -> list[str]:
    """The names in the cluster and call changes after `since`, read as a client reads the feed
    (a read-only transaction, which waits for no writer)."""
    engine = make_engine(database_url)
    try:
        with Session(engine) as session:
            page = read(session, encode_cursor(since), 100)
    finally:
        engine.dispose()
    return [c.data["name"] for c in page.items if c.data and "name" in c.data]


def newest_seq(database_url: str) -> int:
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(text("SELECT max(seq) FROM change_log")).scalar() or 0)
    finally:
        engine.dispose()


@pytest.mark.parametrize("create", [create_cluster, create_call], ids=["actors", "calls"])
def test_a_reader_never_gets_ahead_of_a_slow_commit(
    database_url: str, create: Callable[[Engine, str], None]
) -> None:
    def add_region(session: Any) -> None:
        entry = nuts.lookup("SE22")
        assert entry is not None
        apply_put(session, entry, RegionPut(), None)

    with_session(database_url, add_region)
    start = newest_seq(database_url)
    slow_engine, quick_engine = make_engine(database_url), make_engine(database_url)
    numbered, release = threading.Event(), threading.Event()

    def stall_after_numbering(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        # Right after the INSERT that gives this writer its sequence number.
        if not numbered.is_set() and statement.lstrip().upper().startswith("INSERT INTO CHANGE"):
            numbered.set()
            release.wait(WAIT_S)

    event.listen(slow_engine, "after_cursor_execute", stall_after_numbering)
    slow = threading.Thread(target=create, args=(slow_engine, "Slow"))
    quick = threading.Thread(target=create, args=(quick_engine, "Quick"))
    try:
        slow.start()
        assert numbered.wait(WAIT_S), "the slow writer never reached the feed"
        quick.start()
        quick.join(STALL_S)  # the quick writer has had time to commit, were it let through
        seen_meanwhile = feed_names(database_url, start)
        cursor = newest_seq(database_url)
    finally:
        release.set()
        slow.join(WAIT_S)
        quick.join(WAIT_S)
        slow_engine.dispose()
        quick_engine.dispose()

    assert seen_meanwhile == []  # neither change is visible while the first is pending
    assert feed_names(database_url, start) == ["Slow", "Quick"]
    # A reader that stopped at the newest number seen meanwhile misses nothing later.
    assert feed_names(database_url, cursor) == ["Slow", "Quick"]
