"""Engine creation and the per-request session that owns the transaction."""

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import sessionmaker
from sqlmodel import Session, create_engine


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def make_engine(url: str) -> Engine:
    if is_sqlite(url):
        # One pooled connection per worker thread; reconnecting per request is slow.
        engine = create_engine(
            url, connect_args={"check_same_thread": False}, pool_size=20, max_overflow=20
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        if ":memory:" not in url and url != "sqlite://":
            # WAL persists in the file, so set it once, not on every connection.
            with engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA journal_mode=WAL")
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


class WriteListener(Protocol):
    """Something every write transaction must also do (raise the catalog version, record
    the change feed). Listeners are given to the session factory, so this module needs to
    know none of them."""

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

    event.listen(factory, "after_flush", after_flush)
    event.listen(factory, "before_commit", before_commit)
    event.listen(factory, "after_soft_rollback", after_rollback)
    return factory


def has_written(session: Session) -> bool:
    return bool(session.info.get("wrote") or session.new or session.dirty or session.deleted)


def end_if_read_only(session: Session) -> None:
    """Release a read-only transaction's connection now, in the thread that used it."""
    if not has_written(session):
        session.commit()


def finish(session: Session, *, commit: bool) -> None:
    """End a unit of work: commit (or roll back) and give the connection back."""
    try:
        if commit:
            session.commit()
        else:
            session.rollback()
    finally:
        session.close()


def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commit when the block ends cleanly, roll back otherwise."""
    with factory() as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


session_scope = contextmanager(transaction)
