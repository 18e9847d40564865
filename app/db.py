"""Engines, sessions and units of work.

Every wait is bounded: PostgreSQL connections carry a connect timeout, `lock_timeout` and
`statement_timeout`; SQLite a busy timeout. A unit of work that will write says so
(`WRITE`): on SQLite it then begins with `BEGIN IMMEDIATE`, so writers queue for the
write lock before they read, and never fail later on a snapshot another writer outdated.
"""

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol, TypeVar

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import sessionmaker
from sqlmodel import Session, create_engine

from app.config import Settings


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def engine_for(settings: Settings) -> Engine:
    """The engine for the configured database, with the configured timeouts."""
    return make_engine(
        settings.database_url,
        lock_timeout_ms=settings.lock_timeout_ms,
        statement_timeout_ms=settings.statement_timeout_ms,
    )


# Execution option of a connection whose transaction will write.
WRITE = "clustermatch_write"


def make_engine(
    url: str,
    *,
    lock_timeout_ms: int = 5_000,
    statement_timeout_ms: int = 30_000,
    connect_timeout_s: int = 5,
) -> Engine:
    if is_sqlite(url):
        # One pooled connection per worker thread; reconnecting per request is slow.
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": lock_timeout_ms / 1000},
            pool_size=20,
            max_overflow=20,
        )

        @event.listens_for(engine, "connect")
        def sqlite_connection(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.isolation_level = None  # transactions begin below, not in pysqlite
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={int(lock_timeout_ms)}")
            cursor.close()

        @event.listens_for(engine, "begin")
        def sqlite_begin(connection: Any) -> None:
            writes = connection.get_execution_options().get(WRITE)
            connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")

        if ":memory:" not in url and url != "sqlite://":
            # WAL persists in the file, so set it once, not on every connection.
            raw = engine.raw_connection()  # outside any transaction, as the pragma needs
            try:
                raw.cursor().execute("PRAGMA journal_mode=WAL")
            finally:
                raw.close()
        return engine
    options = (
        f"-c lock_timeout={int(lock_timeout_ms)} -c statement_timeout={int(statement_timeout_ms)}"
    )
    return create_engine(
        url,
        pool_pre_ping=True,
        pool_size=10,
        max_overflow=10,
        pool_timeout=connect_timeout_s,
        connect_args={"connect_timeout": connect_timeout_s, "options": options},
    )


class WriteListener(Protocol):
    """Something every write transaction must also do (raise the catalog version, record
    the change feed). Listeners are given to the session factory, so this module needs to
    know none of them."""

    def before_flush(self, session: OrmSession) -> None: ...

    def after_flush(self, session: OrmSession) -> None: ...

    def before_commit(self, session: OrmSession) -> None: ...

    def forget(self, session: OrmSession) -> None:
        """The transaction rolled back: drop what was noted for it."""


def make_session_factory(
    engine: Engine, listeners: Sequence[WriteListener]
) -> sessionmaker[Session]:
    """Sessions whose flushes and commits run `listeners`, in order."""
    # expire_on_commit=False: objects stay readable after the commit that ends a request.
    factory = sessionmaker(engine, class_=Session, expire_on_commit=False)

    def before_flush(session: OrmSession, _context: Any, _instances: Any) -> None:
        for listener in listeners:
            listener.before_flush(session)

    def after_flush(session: OrmSession, _context: Any) -> None:
        session.info["wrote"] = True
        for listener in listeners:
            listener.after_flush(session)

    def before_commit(session: OrmSession) -> None:
        session.flush()  # first, so every change has been seen by after_flush
        for listener in listeners:
            listener.before_commit(session)

    def after_rollback(session: OrmSession, _previous: Any) -> None:
        session.info.pop("wrote", None)
        for listener in listeners:
            listener.forget(session)

    event.listen(factory, "before_flush", before_flush)
    event.listen(factory, "after_flush", after_flush)
    event.listen(factory, "before_commit", before_commit)
    event.listen(factory, "after_soft_rollback", after_rollback)
    return factory


def has_written(session: Session) -> bool:
    return bool(session.info.get("wrote") or session.new or session.dirty or session.deleted)


def begin_write(session: Session) -> None:
    """Start the session's next transaction as one that writes (before its first statement).

    A read-only transaction still open (e.g. the caller's key lookup) is ended first.
    """
    if session.in_transaction():
        if has_written(session):
            return
        session.commit()
    session.connection(execution_options={WRITE: True})


R = TypeVar("R")


def run_unit(session: Session, work: Callable[[], R], *, write: bool) -> R:
    """One unit of work, begun, done and ended in the calling thread: a transaction never
    waits for another thread (or a thread-pool slot) to commit while it holds locks."""
    try:
        if write:
            begin_write(session)
        result = work()
        session.commit()
        return result
    except BaseException:
        session.rollback()
        raise


def finish(session: Session, *, commit: bool) -> None:
    """End whatever a request left open: commit (or roll back) and give the connection back."""
    try:
        if commit:
            session.commit()
        else:
            session.rollback()
    finally:
        session.close()


def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One writing unit of work: commit when the block ends cleanly, roll back otherwise."""
    with factory() as session:
        try:
            begin_write(session)
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


session_scope = contextmanager(transaction)
