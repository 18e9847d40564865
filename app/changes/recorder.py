"""Records every create, update and delete of the models given to it, in commit order.

Changes are noted after each flush and written just before the commit, after the catalog
version was raised: that UPDATE locks the catalog row until the commit, so writers take
sequence numbers one transaction at a time and the feed's order is the commit order (a
reader never sees a later number before an earlier one is committed).
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session as OrmSession

from app import catalog
from app.changes.models import ChangeLog

# PostgreSQL channel told at each commit that adds to the feed (webhook dispatchers
# listen, so they need not wait for their next poll).
NOTIFY_CHANNEL = "clustermatch_changes"
_PENDING = "pending_changes"
_NEW_VERSION = "new_version_rows"
_TABLE = ChangeLog.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class FeedEntity:
    """How rows of one model appear in the feed."""

    identify: Callable[[Any], tuple[str, str | int] | None]  # (entity, id); None: no id yet
    data: Callable[[Any], dict[str, Any]]  # the public JSON of the row


class ChangeRecorder:
    """Write listener that turns a transaction's changes into feed rows."""

    def __init__(self, entities: Mapping[type, FeedEntity]) -> None:
        self._entities = dict(entities)

    def _key(self, obj: Any) -> tuple[str, str | int] | None:
        entity = self._entities.get(type(obj))
        return entity.identify(obj) if entity is not None else None

    def before_flush(self, session: OrmSession) -> None:
        """Which changed rows carry a new version: the ones the feed reports as updates.
        (Read before the flush: afterwards the version's history is gone.)"""
        changed: set[int] = session.info.setdefault(_NEW_VERSION, set())
        for obj in session.dirty:
            if type(obj) in self._entities:
                history = sa.inspect(obj).attrs.version.history
                if history.added or history.deleted:
                    changed.add(id(obj))

    def after_flush(self, session: OrmSession) -> None:
        """Which entities were created, changed or deleted."""
        new_version = session.info.pop(_NEW_VERSION, set())
        pending: dict[tuple[str, str | int], tuple[str, Any]] = session.info.setdefault(
            _PENDING, {}
        )
        changed = (("create", session.new), ("update", session.dirty), ("delete", session.deleted))
        for op, objects in changed:
            for obj in objects:
                key = self._key(obj)
                if key is None or (op == "update" and id(obj) not in new_version):
                    continue
                earlier = pending.get(key, (None, None))[0]
                if op == "delete" and earlier == "create":
                    del pending[key]  # born and gone in one transaction: nothing to tell
                elif earlier == "create" and op == "update":
                    pending[key] = ("create", obj)
                else:
                    pending[key] = (op, obj)

    def forget(self, session: OrmSession) -> None:
        session.info.pop(_PENDING, None)
        session.info.pop(_NEW_VERSION, None)

    def before_commit(self, session: OrmSession) -> None:
        """The feed rows of this transaction, numbered under the catalog row's lock."""
        pending = session.info.pop(_PENDING, {})
        if not pending:
            return
        catalog.bump(session)
        rows = [
            {
                "entity": entity,
                "entity_id": str(entity_id),
                "op": op,
                "version": obj.version,
                "data": None if op == "delete" else self._entities[type(obj)].data(obj),
            }
            for (entity, entity_id), (op, obj) in pending.items()
        ]
        session.execute(sa.insert(_TABLE), rows)
        if session.get_bind().dialect.name == "postgresql":
            # Sent by the server at commit, and only if the transaction commits.
            session.execute(sa.select(sa.func.pg_notify(NOTIFY_CHANNEL, "")))
