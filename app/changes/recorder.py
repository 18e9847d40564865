"""Records every create, update and delete of regions, actors and calls, in commit order.

Changes are noted after each flush and written just before the commit, after the catalog
version was raised: that UPDATE locks the catalog row until the commit, so writers take
sequence numbers one transaction at a time and the feed's order is the commit order (a
reader never sees a later number before an earlier one is committed).
"""

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session as OrmSession

from app.changes.models import ChangeLog

PENDING = "pending_changes"
_TABLE = ChangeLog.__table__  # type: ignore[attr-defined]


def _entity(obj: Any) -> tuple[str, str | int] | None:
    from app.actors.models import Actor
    from app.calls.models import Call
    from app.regions.models import Region

    if isinstance(obj, Region):
        return "region", obj.code
    if isinstance(obj, Actor) and obj.id is not None:
        return str(obj.kind), obj.id
    if isinstance(obj, Call) and obj.id is not None:
        return "call", obj.id
    return None


def _version_changed(obj: Any) -> bool:
    history = sa.inspect(obj).attrs.version.history
    return bool(history.added or history.deleted)


def note(session: OrmSession) -> None:
    """After a flush: which entities were created, changed or deleted."""
    pending: dict[tuple[str, str | int], tuple[str, Any]] = session.info.setdefault(PENDING, {})
    changed = (("create", session.new), ("update", session.dirty), ("delete", session.deleted))
    for op, objects in changed:
        for obj in objects:
            key = _entity(obj)
            if key is None or (op == "update" and not _version_changed(obj)):
                continue
            earlier = pending.get(key, (None, None))[0]
            if op == "delete" and earlier == "create":
                del pending[key]  # born and gone in one transaction: nothing to tell
            elif earlier == "create" and op == "update":
                pending[key] = ("create", obj)
            else:
                pending[key] = (op, obj)


def _data(obj: Any) -> dict[str, Any]:
    from app.actors.models import Actor, ActorPublic
    from app.calls.models import Call, CallPublic
    from app.regions.service import to_public

    if isinstance(obj, Actor):
        return ActorPublic.model_validate(obj, from_attributes=True).model_dump(mode="json")
    if isinstance(obj, Call):
        return CallPublic.model_validate(obj, from_attributes=True).model_dump(mode="json")
    return to_public(obj).model_dump(mode="json")


def write(session: OrmSession) -> None:
    """Before the commit (and after the catalog bump): the feed rows of this transaction."""
    pending = session.info.pop(PENDING, {})
    rows = [
        {
            "entity": entity,
            "entity_id": str(entity_id),
            "op": op,
            "version": obj.version,
            "data": None if op == "delete" else _data(obj),
        }
        for (entity, entity_id), (op, obj) in pending.items()
    ]
    if rows:
        session.execute(sa.insert(_TABLE), rows)


def has_pending(session: OrmSession) -> bool:
    return bool(session.info.get(PENDING))
