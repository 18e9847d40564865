"""SQL expressions that work the same on SQLite and PostgreSQL."""

from typing import Any

import sqlalchemy as sa


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def json_list_has(column: Any, value: str, *, prefix: bool = False) -> Any:
    """SQL test that a JSON list of strings holds `value` (or an item starting with it).

    Portable across SQLite and PostgreSQL: it matches the quoted item in the serialised
    list. Items are validated slugs and codes, which never contain quotes.
    """
    pattern = f'%"{_like_escape(value)}{"" if prefix else chr(34)}%'
    return sa.cast(column, sa.Text).like(pattern, escape="\\")
