"""Subscriptions of one API key, their secrets, and the delivery log.

Each key sees and changes only its own subscriptions; so does an admin (the server's admin
token is one more owner of its own). Another key's subscription is a 404, as if it did not
exist, so ids reveal nothing.
"""

import uuid
from datetime import timedelta

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from app.auth.service import Principal
from app.changes import service as changes
from app.core.columns import utcnow
from app.errors import FieldError, InvalidPayload, NotFound
from app.webhooks import addresses, signing
from app.webhooks.events import PING
from app.webhooks.models import (
    DeliveryStatus,
    WebhookAttempt,
    WebhookDelivery,
    WebhookLane,
    WebhookSubscription,
)
from app.webhooks.schemas import (
    AttemptPublic,
    DeliveryPublic,
    WebhookCreate,
    WebhookPublic,
    WebhookSecret,
    WebhookUpdate,
)


def to_public(row: WebhookSubscription) -> WebhookPublic:
    return WebhookPublic.model_validate(row)


def _check_address(url: str, allow_private: bool) -> None:
    try:
        addresses.check_receiver(url, allow_private=allow_private)
    except addresses.RefusedAddress as exc:
        raise InvalidPayload.of([FieldError(field="url", message=str(exc))]) from exc


def _owned(owner: Principal) -> sa.ColumnElement[bool]:
    column = col(WebhookSubscription.owner_key_id)
    return column.is_(None) if owner.key_id is None else column == owner.key_id


def create(
    session: Session, owner: Principal, spec: WebhookCreate, *, allow_private: bool
) -> tuple[WebhookSubscription, str]:
    _check_address(spec.url, allow_private)
    # Changes committed from now on: the feed before this point is what GET /changes is for.
    last_seq = changes.newest_seq(session)
    row = WebhookSubscription(
        owner_key_id=owner.key_id,
        url=spec.url,
        events=spec.events,
        description=spec.description,
        active=spec.active,
        secret=signing.new_secret(),
        fanned_out_seq=last_seq,
    )
    session.add(row)
    session.flush()
    assert row.id is not None
    session.add(WebhookLane(subscription_id=row.id))
    session.flush()
    return row, row.secret


def list_owned(
    session: Session, owner: Principal, limit: int, offset: int
) -> tuple[list[WebhookSubscription], int]:
    query = select(WebhookSubscription).where(_owned(owner))
    total = session.exec(select(func.count()).select_from(query.subquery())).one()
    rows = session.exec(
        query.order_by(col(WebhookSubscription.id)).limit(limit).offset(offset)
    ).all()
    return list(rows), total


def get_owned(session: Session, owner: Principal, subscription_id: int) -> WebhookSubscription:
    row = session.exec(
        select(WebhookSubscription).where(WebhookSubscription.id == subscription_id, _owned(owner))
    ).first()
    if row is None:
        raise NotFound(f"no webhook subscription with id {subscription_id}")
    return row


def update(
    session: Session,
    owner: Principal,
    subscription_id: int,
    spec: WebhookUpdate,
    *,
    allow_private: bool,
) -> WebhookSubscription:
    row = get_owned(session, owner, subscription_id)
    if spec.url is not None:
        _check_address(spec.url, allow_private)
        row.url = spec.url
    if spec.events is not None:
        row.events = spec.events
    if spec.description is not None:
        row.description = spec.description
    if spec.active is not None:
        if spec.active and not row.active:
            _resume(session, row)
        row.active = spec.active
    row.updated_at = utcnow()
    session.add(row)
    session.flush()
    return row


def _resume(session: Session, row: WebhookSubscription) -> None:
    """Turned on again: forget the failures, and try the first waiting delivery now."""
    row.disabled_reason = None
    row.failing_since = None
    session.execute(
        sa.update(WebhookDelivery)
        .where(
            col(WebhookDelivery.subscription_id) == row.id,
            col(WebhookDelivery.status) == DeliveryStatus.pending,
        )
        .values(next_attempt_at=utcnow())
    )


def delete(session: Session, owner: Principal, subscription_id: int) -> None:
    row = get_owned(session, owner, subscription_id)
    # Deliveries and attempts go with it (ON DELETE CASCADE); the lane row is swept by the
    # dispatcher, which may be holding its lock right now.
    session.delete(row)
    session.flush()


def rotate_secret(
    session: Session, owner: Principal, subscription_id: int, *, grace: timedelta
) -> WebhookSecret:
    row = get_owned(session, owner, subscription_id)
    now = utcnow()
    row.previous_secret = row.secret
    row.previous_secret_expires_at = now + grace
    row.secret = signing.new_secret()
    row.updated_at = now
    session.add(row)
    session.flush()
    assert row.previous_secret_expires_at is not None
    return WebhookSecret(
        secret=row.secret, previous_secret_expires_at=row.previous_secret_expires_at
    )


def _delivery_public(delivery: WebhookDelivery, attempts: list[WebhookAttempt]) -> DeliveryPublic:
    waiting = delivery.status == DeliveryStatus.pending
    assert delivery.id is not None
    return DeliveryPublic(
        id=delivery.id,
        webhook_id=delivery.webhook_id,
        event=delivery.event,
        status=delivery.status,
        manual=delivery.manual,
        attempt_count=delivery.attempt_count,
        next_attempt_at=delivery.next_attempt_at if waiting else None,
        created_at=delivery.created_at,
        delivered_at=delivery.delivered_at,
        payload=delivery.payload,
        attempts=[AttemptPublic.model_validate(a, from_attributes=True) for a in attempts],
    )


def list_deliveries(
    session: Session,
    owner: Principal,
    subscription_id: int,
    status: DeliveryStatus | None,
    limit: int,
    offset: int,
) -> tuple[list[DeliveryPublic], int]:
    """Newest first, each with every attempt made (oldest attempt first)."""
    get_owned(session, owner, subscription_id)
    query = select(WebhookDelivery).where(WebhookDelivery.subscription_id == subscription_id)
    if status is not None:
        query = query.where(WebhookDelivery.status == status)
    total = session.exec(select(func.count()).select_from(query.subquery())).one()
    deliveries = session.exec(
        query.order_by(col(WebhookDelivery.id).desc()).limit(limit).offset(offset)
    ).all()
    ids = [d.id for d in deliveries]
    attempts: dict[int | None, list[WebhookAttempt]] = {i: [] for i in ids}
    if ids:
        for attempt in session.exec(
            select(WebhookAttempt)
            .where(col(WebhookAttempt.delivery_id).in_(ids))
            .order_by(col(WebhookAttempt.id))
        ):
            attempts[attempt.delivery_id].append(attempt)
    return [_delivery_public(d, attempts[d.id]) for d in deliveries], total


def _queue_manual(session: Session, delivery: WebhookDelivery) -> DeliveryPublic:
    session.add(delivery)
    session.flush()
    return _delivery_public(delivery, [])


def redeliver(
    session: Session, owner: Principal, subscription_id: int, delivery_id: int
) -> DeliveryPublic:
    """Send a delivery again, with its original webhook-id (receivers de-duplicate on it,
    so a replay of something already processed changes nothing)."""
    get_owned(session, owner, subscription_id)
    original = session.exec(
        select(WebhookDelivery).where(
            WebhookDelivery.id == delivery_id,
            WebhookDelivery.subscription_id == subscription_id,
        )
    ).first()
    if original is None:
        raise NotFound(f"no delivery {delivery_id} of webhook subscription {subscription_id}")
    return _queue_manual(
        session,
        WebhookDelivery(
            subscription_id=subscription_id,
            webhook_id=original.webhook_id,
            event=original.event,
            change_seq=original.change_seq,
            payload=original.payload,
            manual=True,
        ),
    )


def ping(session: Session, owner: Principal, subscription_id: int) -> DeliveryPublic:
    get_owned(session, owner, subscription_id)
    payload = {"op": "ping", "entity": "webhook", "id": subscription_id, "version": 0, "data": None}
    return _queue_manual(
        session,
        WebhookDelivery(
            subscription_id=subscription_id,
            webhook_id=f"msg_ping_{uuid.uuid4().hex}",
            event=PING,
            payload=payload,
            manual=True,
        ),
    )
