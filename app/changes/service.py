"""Reading the change feed with an opaque cursor."""

import base64
import binascii

import sqlalchemy as sa
from sqlmodel import Session

from app.changes.models import Change, ChangeLog, ChangePage
from app.errors import FieldError, InvalidPayload

_TABLE = ChangeLog.__table__  # type: ignore[attr-defined]
MAX_SEQ = 2**63 - 1  # the sequence column is a BIGINT


def encode_cursor(seq: int) -> str:
    return base64.urlsafe_b64encode(f"seq:{seq}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        prefix, _, number = text.partition(":")
        if prefix != "seq" or not number.isdigit() or int(number) > MAX_SEQ:
            raise ValueError(text)
        return int(number)
    except (ValueError, binascii.Error, UnicodeDecodeError) as exc:
        raise InvalidPayload.of(
            [FieldError(field="since", message="not a cursor this feed gave out")]
        ) from exc


def newest_seq(session: Session) -> int:
    """The sequence number of the latest committed change (0 for an empty feed)."""
    return int(session.execute(sa.select(sa.func.max(_TABLE.c.seq))).scalar() or 0)


def read_after(session: Session, after: int, limit: int) -> list[tuple[int, Change]]:
    """Up to `limit` changes after sequence number `after`, each with its number."""
    rows = session.execute(
        sa.select(_TABLE).where(_TABLE.c.seq > after).order_by(_TABLE.c.seq).limit(limit)
    ).mappings()
    changes = []
    for row in rows:
        entity_id: str | int = (
            row["entity_id"] if row["entity"] == "region" else int(row["entity_id"])
        )
        change = Change(
            op=row["op"],
            entity=row["entity"],
            id=entity_id,
            version=row["version"],
            data=row["data"],
        )
        changes.append((row["seq"], change))
    return changes


def read(session: Session, since: str | None, limit: int) -> ChangePage:
    after = decode_cursor(since)
    changes = read_after(session, after, limit)
    last = changes[-1][0] if changes else after
    return ChangePage(items=[change for _, change in changes], next_cursor=encode_cursor(last))
