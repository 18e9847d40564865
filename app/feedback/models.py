"""Tables: verdicts on candidates, and every fit of the score weights."""

from datetime import datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.core.columns import NEVER_REUSE_IDS, json_column, timestamp_field, utcnow


class Verdict(StrEnum):
    relevant = "relevant"
    not_relevant = "not_relevant"
    contacted = "contacted"
    partnered = "partnered"


# A verdict is a positive label unless it says the candidate was not relevant.
POSITIVE = {Verdict.relevant, Verdict.contacted, Verdict.partnered}

# Who said it when the admin token (no stored key) did.
ADMIN_TOKEN = "admin-token"


def said_by(key_id: int | None) -> str:
    return ADMIN_TOKEN if key_id is None else f"key:{key_id}"


class Feedback(SQLModel, table=True):
    """One key's verdict on one candidate for one actor; a new verdict replaces it."""

    __tablename__ = "matching_feedback"
    __table_args__ = (
        sa.UniqueConstraint("said_by", "actor_id", "candidate_id", name="uq_feedback_pair"),
        NEVER_REUSE_IDS,
    )

    id: int | None = Field(default=None, primary_key=True)
    # No foreign keys: deleting an actor must not be blocked by verdicts about it; the
    # fit leaves out labels on actors that are gone.
    actor_id: int = Field(index=True)
    candidate_id: int
    verdict: str = Field(max_length=16)
    key_id: int | None = None  # the API key (None: the admin token)
    said_by: str = Field(max_length=32)
    created_at: datetime = timestamp_field(default_factory=utcnow)
    updated_at: datetime = timestamp_field(default_factory=utcnow)


class StoredModel(SQLModel, table=True):
    """One run of `clustermatch matching fit`: the weights it chose and why. The newest
    row holds the weights in use."""

    __tablename__ = "matching_model"
    __table_args__ = (NEVER_REUSE_IDS,)

    id: int | None = Field(default=None, primary_key=True)
    source: str = Field(max_length=16)  # "fitted" or "default"
    weights: dict[str, float] = json_column(default_factory=dict)
    fitted_weights: dict[str, float] | None = Field(default=None, sa_type=sa.JSON)
    evaluation: dict[str, Any] | None = Field(default=None, sa_type=sa.JSON)
    label_counts: dict[str, Any] = json_column(default_factory=dict)
    reason: str = Field(default="", sa_type=sa.Text)
    fitted_at: datetime = timestamp_field(default_factory=utcnow)
