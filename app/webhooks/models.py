"""Subscriptions, the deliveries made from the change feed, and every attempt to send one."""

from datetime import datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.core.columns import NEVER_REUSE_IDS, timestamp_field, utcnow

# A 64-bit key on PostgreSQL; SQLite numbers rows itself only through INTEGER keys.
BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


class DeliveryStatus(StrEnum):
    pending = "pending"
    delivered = "delivered"
    failed = "failed"  # a ping or redelivery that did not succeed (they are sent once)


class Outcome(StrEnum):
    success = "success"
    http_error = "http_error"
    timeout = "timeout"
    connection_error = "connection_error"
    refused = "refused"  # the address is not one we may call


class WebhookSubscription(SQLModel, table=True):
    __tablename__ = "webhook_subscription"
    __table_args__ = (NEVER_REUSE_IDS,)

    id: int | None = Field(default=None, primary_key=True)
    # NULL: the server's admin token (it is no stored key).
    owner_key_id: int | None = Field(default=None, index=True)
    url: str = Field(max_length=2000)
    events: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    description: str = Field(default="", max_length=500)
    active: bool = True
    disabled_reason: str | None = Field(default=None, max_length=500)
    secret: str = Field(max_length=64)
    previous_secret: str | None = Field(default=None, max_length=64)
    previous_secret_expires_at: datetime | None = timestamp_field(default=None)
    # The change feed has been turned into deliveries up to this sequence number.
    fanned_out_seq: int = Field(default=0, sa_type=sa.BigInteger)
    # Since when every attempt failed (NULL while the receiver is healthy).
    failing_since: datetime | None = timestamp_field(default=None)
    created_at: datetime = timestamp_field(default_factory=utcnow)
    updated_at: datetime = timestamp_field(default_factory=utcnow)


class WebhookLane(SQLModel, table=True):
    """One row per subscription that dispatchers lock (FOR UPDATE SKIP LOCKED) while they
    send its deliveries. No foreign key on purpose: deleting a subscription must not wait
    for a dispatcher that holds the lock during a slow send; orphans are swept."""

    __tablename__ = "webhook_lane"

    subscription_id: int = Field(
        sa_column=sa.Column(sa.Integer, primary_key=True, autoincrement=False)
    )


class WebhookDelivery(SQLModel, table=True):
    __tablename__ = "webhook_delivery"
    __table_args__ = (
        sa.Index("ix_webhook_delivery_lane", "subscription_id", "status", "id"),
        NEVER_REUSE_IDS,
    )

    id: int | None = Field(
        default=None, sa_column=sa.Column(BIG_ID, primary_key=True, autoincrement=True)
    )
    subscription_id: int = Field(
        sa_column=sa.Column(
            sa.Integer, sa.ForeignKey("webhook_subscription.id", ondelete="CASCADE"), nullable=False
        )
    )
    webhook_id: str = Field(max_length=64)  # the `webhook-id` header: same on every retry
    event: str = Field(max_length=40)  # e.g. cluster.update, webhook.ping
    change_seq: int | None = Field(default=None, sa_type=sa.BigInteger)
    payload: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON)
    # Pings and redeliveries: sent once, outside the commit order, even while inactive.
    manual: bool = False
    status: str = Field(default=DeliveryStatus.pending, max_length=16)
    attempt_count: int = 0
    next_attempt_at: datetime = timestamp_field(default_factory=utcnow)
    created_at: datetime = timestamp_field(default_factory=utcnow)
    delivered_at: datetime | None = timestamp_field(default=None)


class WebhookAttempt(SQLModel, table=True):
    __tablename__ = "webhook_attempt"

    id: int | None = Field(
        default=None, sa_column=sa.Column(BIG_ID, primary_key=True, autoincrement=True)
    )
    delivery_id: int = Field(
        sa_column=sa.Column(
            BIG_ID,
            sa.ForeignKey("webhook_delivery.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        )
    )
    attempted_at: datetime = timestamp_field(default_factory=utcnow)
    outcome: str = Field(max_length=16)
    status_code: int | None = None
    latency_ms: float
    response_excerpt: str = Field(default="", max_length=500)
