"""SQL expressions that work the same on SQLite and PostgreSQL."""

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

_RELEASING = {"CASCADE", "SET NULL"}  # foreign keys that let the row go


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def json_list_has(column: Any, value: str, *, prefix: bool = False) -> Any:
    """SQL test that a JSON list of strings holds `value` (or an item starting with it).

    Portable across SQLite and PostgreSQL: it matches the quoted item in the serialised
    list. Items are validated slugs and codes, which never contain quotes.
    """
    pattern = f'%"{_like_escape(value)}{"" if prefix else chr(34)}%'
    return sa.cast(column, sa.Text).like(pattern, escape="\\")


def blocking_references(session: Session, table: sa.Table, key: Any) -> str | None:
    """What still refers to row `key` of `table` through a foreign key that forbids its
    deletion, e.g. "2 actor(s)"; None when nothing does.

    Read from the schema, so the table's package need not know who refers to it.
    """
    found = []
    for other in table.metadata.sorted_tables:
        for fk in other.foreign_keys:
            if fk.column.table is not table or (fk.ondelete or "").upper() in _RELEASING:
                continue
            count = session.execute(
                sa.select(sa.func.count()).select_from(other).where(fk.parent == key)
            ).scalar_one()
            if count:
                found.append(f"{count} {other.name.replace('_', ' ')}(s)")
    return ", ".join(found) or None
