"""Issuing, listing, revoking and checking API keys. Keys are stored as SHA-256 hashes:
they are 256-bit random tokens, so a slow password hash would add cost and no safety."""

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from sqlmodel import Session, select

from app.auth.models import ApiKey, ApiKeyCreate, Role
from app.core.columns import utcnow
from app.errors import FieldError, Forbidden, InvalidPayload, NotFound
from app.reference import nuts

KEY_PREFIX = "cm_"


@dataclass(frozen=True)
class Principal:
    role: Role
    scope: str | None = None
    key_id: int | None = None

    def may_write_region(self, code: str) -> bool:
        if self.role in (Role.admin, Role.integrator):
            return True
        return self.role == Role.editor and self.scope is not None and code.startswith(self.scope)

    def require_region(self, code: str) -> None:
        if not self.may_write_region(code):
            raise Forbidden(
                f"{self._article()} {self.role} key{self._scope_text()} may not write region {code}"
            )

    def require_role(self, *roles: Role) -> None:
        if self.role not in roles:
            allowed = ", ".join(roles)
            raise Forbidden(f"this needs a key with role {allowed}; yours is {self.role}")

    def _article(self) -> str:
        return "an" if self.role in (Role.admin, Role.editor, Role.integrator) else "a"

    def _scope_text(self) -> str:
        return f" scoped to {self.scope}" if self.scope else ""


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def scope_errors(spec: ApiKeyCreate) -> list[FieldError]:
    """Editors, and only editors, carry a scope that is a NUTS prefix (named `scope`)."""
    if spec.role == Role.editor and not spec.scope:
        message = "an editor key needs a scope (a NUTS prefix such as SE2)"
    elif spec.role != Role.editor and spec.scope:
        message = "only editor keys carry a scope"
    elif spec.scope and not nuts.is_code_prefix(spec.scope.upper()):
        message = f"'{spec.scope}' is not a NUTS code prefix"
    else:
        return []
    return [FieldError(field="scope", message=message)]


def create_key(session: Session, spec: ApiKeyCreate) -> tuple[ApiKey, str]:
    if errors := scope_errors(spec):
        raise InvalidPayload.of(errors)
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    row = ApiKey(
        role=spec.role,
        scope=spec.scope.upper() if spec.scope else None,
        name=spec.name,
        key_hash=hash_key(key),
        key_prefix=key[:10],
    )
    session.add(row)
    session.flush()
    return row, key


def list_keys(session: Session) -> list[ApiKey]:
    return list(session.exec(select(ApiKey).order_by(ApiKey.id)))  # type: ignore[arg-type]


def revoke_key(session: Session, key_id: int) -> ApiKey:
    row = session.get(ApiKey, key_id)
    if row is None:
        raise NotFound(f"no API key with id {key_id}")
    if row.revoked_at is None:
        row.revoked_at = utcnow()
    return row


def authenticate(session: Session, token: str, admin_token: str | None) -> Principal | None:
    if admin_token and hmac.compare_digest(token.encode(), admin_token.encode()):
        return Principal(role=Role.admin)
    row = session.exec(select(ApiKey).where(ApiKey.key_hash == hash_key(token))).first()
    if row is None or row.revoked_at is not None:
        return None
    return Principal(role=Role(row.role), scope=row.scope, key_id=row.id)
