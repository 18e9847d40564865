"""Webhook subscriptions of the calling key, their secrets and their delivery log."""

from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from app.core.fields import RowId
from app.core.pagination import Page, PageParams
from app.core.paths import api_path
from app.ops.problems import problem_responses
from app.routers.deps import IntegratorDep, SessionDep, SettingsDep, in_thread
from app.webhooks import service
from app.webhooks.models import DeliveryStatus
from app.webhooks.schemas import (
    DeliveryPublic,
    WebhookCreate,
    WebhookCreated,
    WebhookPublic,
    WebhookSecret,
    WebhookUpdate,
)

router = APIRouter(prefix="/webhooks", tags=["webhooks"])


# Integrator and admin keys; each sees only its own subscriptions.
SubscriberDep = IntegratorDep
_OWN = problem_responses(401, 403, 404)


@router.post(
    "",
    response_model=WebhookCreated,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 403, 422),
    summary="Subscribe a receiver to changes (integrator or admin); the secret is shown once",
)
async def create(
    body: WebhookCreate,
    response: Response,
    session: SessionDep,
    settings: SettingsDep,
    owner: SubscriberDep,
) -> WebhookCreated:
    def work() -> WebhookCreated:
        row, secret = service.create(
            session, owner, body, allow_private=settings.webhooks_allow_private
        )
        return WebhookCreated(**service.to_public(row).model_dump(), secret=secret)

    created = await in_thread(session, work, write=True)
    response.headers["Location"] = api_path("webhooks", created.id)
    return created


@router.get(
    "",
    response_model=Page[WebhookPublic],
    responses=problem_responses(401, 403),
    summary="The calling key's subscriptions",
)
async def list_own(
    session: SessionDep, owner: SubscriberDep, page: Annotated[PageParams, Query()]
) -> Page[WebhookPublic]:
    def work() -> Page[WebhookPublic]:
        rows, total = service.list_owned(session, owner, page.limit, page.offset)
        items = [service.to_public(row) for row in rows]
        return Page(items=items, total=total, limit=page.limit, offset=page.offset)

    return await in_thread(session, work)


@router.get("/{webhook_id}", response_model=WebhookPublic, responses=_OWN)
async def get_one(webhook_id: RowId, session: SessionDep, owner: SubscriberDep) -> WebhookPublic:
    return await in_thread(
        session, lambda: service.to_public(service.get_owned(session, owner, webhook_id))
    )


@router.patch(
    "/{webhook_id}",
    response_model=WebhookPublic,
    responses=problem_responses(401, 403, 404, 422),
    summary="Change a subscription; `active: true` resumes a turned-off one where it stopped",
)
async def update(
    webhook_id: RowId,
    body: WebhookUpdate,
    session: SessionDep,
    settings: SettingsDep,
    owner: SubscriberDep,
) -> WebhookPublic:
    def work() -> WebhookPublic:
        row = service.update(
            session, owner, webhook_id, body, allow_private=settings.webhooks_allow_private
        )
        return service.to_public(row)

    return await in_thread(session, work, write=True)


@router.delete(
    "/{webhook_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=_OWN,
    summary="Unsubscribe: the subscription and its delivery log are deleted",
)
async def delete(webhook_id: RowId, session: SessionDep, owner: SubscriberDep) -> Response:
    await in_thread(session, lambda: service.delete(session, owner, webhook_id), write=True)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/{webhook_id}/rotate-secret",
    response_model=WebhookSecret,
    responses=_OWN,
    summary="A new signing secret; the old one still signs deliveries for a grace period",
)
async def rotate_secret(
    webhook_id: RowId, session: SessionDep, settings: SettingsDep, owner: SubscriberDep
) -> WebhookSecret:
    grace = timedelta(seconds=settings.webhooks_secret_grace_s)
    return await in_thread(
        session,
        lambda: service.rotate_secret(session, owner, webhook_id, grace=grace),
        write=True,
    )


@router.get(
    "/{webhook_id}/deliveries",
    response_model=Page[DeliveryPublic],
    responses=problem_responses(401, 403, 404, 422),
    summary="Deliveries, newest first, each with every attempt (status, latency, answer)",
)
async def deliveries(
    webhook_id: RowId,
    session: SessionDep,
    owner: SubscriberDep,
    page: Annotated[PageParams, Query()],
    status: DeliveryStatus | None = None,
) -> Page[DeliveryPublic]:
    def work() -> Page[DeliveryPublic]:
        items, total = service.list_deliveries(
            session, owner, webhook_id, status, page.limit, page.offset
        )
        return Page(items=items, total=total, limit=page.limit, offset=page.offset)

    return await in_thread(session, work)


@router.post(
    "/{webhook_id}/deliveries/{delivery_id}/redeliver",
    response_model=DeliveryPublic,
    status_code=status.HTTP_202_ACCEPTED,
    responses=_OWN,
    summary="Send a delivery again (same webhook-id), once, as soon as possible",
)
async def redeliver(
    webhook_id: RowId, delivery_id: RowId, session: SessionDep, owner: SubscriberDep
) -> DeliveryPublic:
    return await in_thread(
        session, lambda: service.redeliver(session, owner, webhook_id, delivery_id), write=True
    )


@router.post(
    "/{webhook_id}/ping",
    response_model=DeliveryPublic,
    status_code=status.HTTP_202_ACCEPTED,
    responses=_OWN,
    summary="Send a signed test call (op `ping`) once, even while the subscription is off",
)
async def ping(webhook_id: RowId, session: SessionDep, owner: SubscriberDep) -> DeliveryPublic:
    return await in_thread(session, lambda: service.ping(session, owner, webhook_id), write=True)
