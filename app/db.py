"""Engine creation and the per-request session that owns the transaction."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.orm import sessionmaker
from sqlmodel import Session, create_engine

from app import catalog
from app.changes import recorder


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


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    # expire_on_commit=False: objects stay readable after the commit that ends a request.
    factory = sessionmaker(engine, class_=Session, expire_on_commit=False)
    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "before_commit", _before_commit)
    return factory


def _after_flush(session: Session, _context: Any) -> None:
    session.info["wrote"] = True
    catalog.note(session)
    recorder.note(session)


def _before_commit(session: Session) -> None:
    # Flush first, so every change is noted; then the catalog bump takes its row lock,
    # and only then are feed rows numbered (see app.changes.recorder).
    session.flush()
    catalog.bump(session, force=recorder.has_pending(session))
    recorder.write(session)


def has_written(session: Session) -> bool:
    return bool(
        session.info.get("wrote")
        or session.info.get(catalog.CHANGED)
        or session.new
        or session.dirty
        or session.deleted
    )


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
