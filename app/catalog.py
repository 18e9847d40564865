"""The catalog version: one counter in the database, raised by every transaction that
changes what matching reads. Each API process compares it with the version its matching
index was built from, so processes sharing a database stay consistent."""

from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Field, Session, SQLModel

_CHANGED = "catalog_changed"
_BUMPED_IN = "catalog_bumped_in"


class CatalogState(SQLModel, table=True):
    __tablename__ = "catalog_state"

    id: int = Field(default=1, primary_key=True)
    version: int = Field(default=0, sa_type=sa.BigInteger)


_TABLE = CatalogState.__table__  # type: ignore[attr-defined]


def current_version(session: Session) -> int:
    return int(session.execute(sa.select(_TABLE.c.version)).scalar_one_or_none() or 0)


def bump(session: OrmSession) -> None:
    """Raise the version once in this transaction; the catalog row stays locked until the
    commit, so transactions that bump commit one at a time."""
    transaction = session.get_transaction()
    if transaction is not None and session.info.get(_BUMPED_IN) is transaction:
        return
    session.execute(sa.update(_TABLE).values(version=_TABLE.c.version + 1))
    session.info[_BUMPED_IN] = transaction


class CatalogVersion:
    """Write listener: a transaction that changed a row `tracked` accepts raises the
    version before it commits."""

    def __init__(self, tracked: Callable[[object], bool]) -> None:
        self._tracked = tracked

    def before_flush(self, session: OrmSession) -> None:
        pass

    def after_flush(self, session: OrmSession) -> None:
        objects = (*session.new, *session.dirty, *session.deleted)
        if any(self._tracked(o) for o in objects):
            session.info[_CHANGED] = True

    def before_commit(self, session: OrmSession) -> None:
        if session.info.pop(_CHANGED, False):
            bump(session)

    def forget(self, session: OrmSession) -> None:
        session.info.pop(_CHANGED, None)
        session.info.pop(_BUMPED_IN, None)
