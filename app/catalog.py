"""The catalog version: one counter in the database, raised by every transaction that
changes actors, regions or vocabularies. Each API process compares it with the version
its matching index was built from, so processes sharing a database stay consistent."""

import sqlalchemy as sa
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Field, Session, SQLModel

CHANGED = "catalog_changed"


class CatalogState(SQLModel, table=True):
    __tablename__ = "catalog_state"

    id: int = Field(default=1, primary_key=True)
    version: int = Field(default=0, sa_type=sa.BigInteger)


_TABLE = CatalogState.__table__  # type: ignore[attr-defined]


def current_version(session: Session) -> int:
    return int(session.execute(sa.select(_TABLE.c.version)).scalar_one_or_none() or 0)


def note(session: OrmSession) -> None:
    """After a flush: did it touch anything matching reads?"""
    from app.actors.models import Actor
    from app.calls.models import Call
    from app.consortia.models import SavedConsortium
    from app.regions.models import Region, S3Priority
    from app.vocab.models import VocabTerm

    tracked = (Actor, Region, S3Priority, VocabTerm, Call, SavedConsortium)
    if any(isinstance(o, tracked) for o in (*session.new, *session.dirty, *session.deleted)):
        session.info[CHANGED] = True


def bump(session: OrmSession, force: bool = False) -> None:
    """Raise the version (and hold the catalog row's lock until the commit)."""
    if session.info.pop(CHANGED, False) or force:
        session.execute(sa.update(_TABLE).values(version=_TABLE.c.version + 1))
