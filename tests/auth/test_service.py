"""Issuing keys: what is stored is the hash and a short prefix for people to recognise it,
never the key; the key itself is a long random token that authenticates until revoked."""

from sqlmodel import Session

from app.auth.models import ApiKeyCreate, Role
from app.auth.service import KEY_PREFIX, authenticate, create_key, hash_key, list_keys, revoke_key


def test_a_key_is_stored_hashed_with_its_name_and_a_short_prefix(session: Session) -> None:
    row, key = create_key(session, ApiKeyCreate(role=Role.editor, scope="se2", name="West"))
    # 32 random bytes, URL-safe base64 without padding: 43 characters after the prefix.
    assert key.startswith(KEY_PREFIX) and len(key) == len(KEY_PREFIX) + 43
    assert (row.key_hash, row.key_prefix) == (hash_key(key), key[:10])
    assert key not in (row.key_hash, row.key_prefix)
    assert (row.role, row.scope, row.name) == (Role.editor, "SE2", "West")
    other_row, other = create_key(session, ApiKeyCreate(role=Role.reader))
    assert other != key and other_row.name is None


def test_a_key_authenticates_with_its_role_and_scope_until_revoked(session: Session) -> None:
    row, key = create_key(session, ApiKeyCreate(role=Role.editor, scope="SE23"))
    caller = authenticate(session, key, admin_token=None)
    assert caller is not None
    assert (caller.role, caller.scope, caller.key_id) == (Role.editor, "SE23", row.id)
    assert authenticate(session, key + "x", admin_token=None) is None
    assert row.id is not None
    revoke_key(session, row.id)
    assert authenticate(session, key, admin_token=None) is None
    assert [k.id for k in list_keys(session)] == [row.id]


def test_the_admin_token_is_an_admin_key_only_when_set(session: Session) -> None:
    assert authenticate(session, "secret", admin_token="secret").role == Role.admin  # type: ignore[union-attr]
    assert authenticate(session, "secret", admin_token=None) is None
    assert authenticate(session, "secret", admin_token="other") is None
