"""Standard Webhooks signatures, made by the `standardwebhooks` package."""

import base64
import secrets
from datetime import datetime
from functools import lru_cache

from standardwebhooks import Webhook

SECRET_PREFIX = "whsec_"


def new_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


@lru_cache(maxsize=1024)
def _signer(secret: str) -> Webhook:
    """One signer per secret (it decodes the secret once, not on every call)."""
    return Webhook(secret)


def headers(
    webhook_id: str, sent_at: datetime, body: str, secrets_in_use: list[str]
) -> dict[str, str]:
    """The three Standard Webhooks headers. While a rotated-out secret is still accepted,
    the signature header carries one signature per secret, so a receiver holding either
    one verifies the call."""
    signatures = [_signer(secret).sign(webhook_id, sent_at, body) for secret in secrets_in_use]
    return {
        "webhook-id": webhook_id,
        "webhook-timestamp": str(int(sent_at.timestamp())),
        "webhook-signature": " ".join(signatures),
    }
