"""The catalog version: one counter in the database, raised by every transaction that
changes actors, regions or vocabularies. Each API process compares it with the version
its matching index was built from, so processes sharing a database stay consistent."""

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import sessionmaker
from sqlmodel import Field, Session, SQLModel

CHANGED = "catalog_changed"


class CatalogState(SQLModel, table=True):
    __tablename__ = "catalog_state"

    id: int = Field(default=1, primary_key=True)
    version: int = Field(default=0, sa_type=sa.BigInteger)


_TABLE = CatalogState.__table__  # type: ignore[attr-defined]


def current_version(session: Session) -> int:
    return int(session.execute(sa.select(_TABLE.c.version)).scalar_one_or_none() or 0)


def mark_changed(session: OrmSession) -> None:
    """For writes that bypass the ORM unit of work (bulk inserts)."""
    session.info[CHANGED] = True


def install(factory: sessionmaker[Session]) -> None:
    sa.event.listen(factory, "after_flush", _note_changes)
    sa.event.listen(factory, "before_commit", _bump)


def _note_changes(session: OrmSession, _context: Any) -> None:
    from app.actors.models import Actor
    from app.regions.models import Region, S3Priority
    from app.vocab.models import VocabTerm

    tracked = (Actor, Region, S3Priority, VocabTerm)
    if any(isinstance(o, tracked) for o in (*session.new, *session.dirty, *session.deleted)):
        session.info[CHANGED] = True


def _bump(session: OrmSession) -> None:
    if session.info.pop(CHANGED, False):
        session.execute(sa.update(_TABLE).values(version=_TABLE.c.version + 1))
