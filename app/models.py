"""Every table model, imported in one place so the metadata is complete."""

from app.actors.models import Actor
from app.auth.models import ApiKey
from app.calls.models import Call
from app.catalog import CatalogState
from app.changes.models import ChangeLog
from app.consortia.models import SavedConsortium
from app.feedback.models import Feedback, StoredModel
from app.regions.models import Region, S3Priority
from app.vocab.models import VocabTerm
from app.webhooks.models import (
    WebhookAttempt,
    WebhookDelivery,
    WebhookLane,
    WebhookSubscription,
)

__all__ = [
    "Actor",
    "ApiKey",
    "Call",
    "CatalogState",
    "ChangeLog",
    "Feedback",
    "Region",
    "S3Priority",
    "SavedConsortium",
    "StoredModel",
    "VocabTerm",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookLane",
    "WebhookSubscription",
]
