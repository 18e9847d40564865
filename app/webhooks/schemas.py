"""Request and response bodies of /webhooks."""

from datetime import datetime
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from app.webhooks.events import FILTER_PATTERN, is_filter


def _check_url(url: str) -> str:
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("must be an absolute http:// or https:// URL")
    if parts.username or parts.password:
        raise ValueError("must not carry a user name or password")
    try:
        parts.port  # noqa: B018 (raises on a port out of range)
    except ValueError as exc:
        raise ValueError("has an invalid port") from exc
    return url


def _check_events(events: list[str]) -> list[str]:
    bad = [event for event in events if not is_filter(event)]
    if bad:
        raise ValueError(
            f"unknown event filter(s) {', '.join(bad)}: use entity.op with region, cluster, "
            "rdi_platform or call and create, update or delete, '*' for any part"
        )
    return list(dict.fromkeys(events))


ReceiverUrl = Annotated[
    str,
    Field(min_length=8, max_length=2000, examples=["https://hooks.example.org/clustermatch"]),
    AfterValidator(_check_url),
]
EventFilters = Annotated[
    list[Annotated[str, Field(pattern=FILTER_PATTERN, max_length=40)]],
    Field(min_length=1, max_length=20),
    AfterValidator(_check_events),
]


class WebhookCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"url": "https://hooks.example.org/cm", "events": ["cluster.*"]}]
        },
    )

    url: ReceiverUrl
    events: EventFilters = Field(default_factory=lambda: ["*"])
    description: str = Field(default="", max_length=500)
    active: bool = True


class WebhookUpdate(BaseModel):
    """Only the fields sent change. Setting `active` to true again resumes deliveries where
    they stopped (nothing is skipped) and retries the first one now."""

    model_config = ConfigDict(extra="forbid")

    url: ReceiverUrl | None = None
    events: EventFilters | None = None
    description: str | None = Field(default=None, max_length=500)
    active: bool | None = None


class WebhookPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    url: str
    events: list[str]
    description: str
    active: bool
    disabled_reason: str | None = Field(
        description="Why the server turned the subscription off (410, or failing too long)"
    )
    failing_since: datetime | None
    previous_secret_expires_at: datetime | None = Field(
        description="Until then deliveries are also signed with the secret before the last rotation"
    )
    created_at: datetime
    updated_at: datetime


class WebhookCreated(WebhookPublic):
    secret: str = Field(description="The signing secret (whsec_...); shown in this answer only")


class WebhookSecret(BaseModel):
    secret: str = Field(description="The new signing secret; shown in this answer only")
    previous_secret_expires_at: datetime


class AttemptPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    attempted_at: datetime
    outcome: str = Field(description="success, http_error, timeout, connection_error or refused")
    status_code: int | None
    latency_ms: float
    response_excerpt: str


class DeliveryPublic(BaseModel):
    id: int
    webhook_id: str = Field(description="The webhook-id header: the same on every retry")
    event: str
    status: str = Field(description="pending, delivered or failed")
    manual: bool = Field(description="A ping or a redelivery: sent once, outside the order")
    attempt_count: int
    next_attempt_at: datetime | None
    created_at: datetime
    delivered_at: datetime | None
    payload: dict[str, Any]
    attempts: list[AttemptPublic]
