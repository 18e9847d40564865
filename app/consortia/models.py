from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from pydantic import BaseModel, Field
from sqlmodel import Field as SQLField

from app.actors.models import ActorRef
from app.core.columns import NEVER_REUSE_IDS, VersionChecked, json_column, timestamp_field, utcnow
from app.core.fields import BodyId, LongText, Name, Slug


class Status(StrEnum):
    draft = "draft"
    submitted = "submitted"
    funded = "funded"
    rejected = "rejected"


# draft -> submitted -> funded | rejected; a draft may also be withdrawn by deleting it.
TRANSITIONS: dict[Status, set[Status]] = {
    Status.draft: {Status.submitted},
    Status.submitted: {Status.funded, Status.rejected},
    Status.funded: set(),
    Status.rejected: set(),
}


class ConsortiumComponents(BaseModel):
    coherence: float
    coverage: float
    complementarity: float
    diversity: float
    redundancy: float


class SavedConsortium(VersionChecked, table=True):
    __tablename__ = "saved_consortium"
    __table_args__ = (NEVER_REUSE_IDS,)

    id: int | None = SQLField(default=None, primary_key=True)
    name: str = SQLField(max_length=200)
    call_id: int | None = SQLField(
        default=None, sa_column=sa.Column(sa.Integer, sa.ForeignKey("call.id"), nullable=True)
    )
    member_ids: list[int] = json_column()
    theme: str | None = SQLField(default=None, max_length=64)
    status: str = SQLField(default=Status.draft, max_length=16, index=True)
    # The API key that saved it (None: the admin token or the CLI).
    owner_key_id: int | None = None
    notes: str = SQLField(default="", sa_type=sa.Text)
    score: float = 0.0
    components: dict[str, float] = json_column(default_factory=dict)
    created_at: datetime = timestamp_field(default_factory=utcnow)
    updated_at: datetime = timestamp_field(default_factory=utcnow)
    version: int = 1


class ConsortiumCreate(BaseModel):
    name: Name
    member_ids: list[BodyId] = Field(min_length=2, max_length=20)
    call_id: BodyId | None = None
    theme: Slug | None = None
    notes: LongText = ""

    model_config = {
        "json_schema_extra": {
            "examples": [
                {"name": "Life science testbeds", "member_ids": [15, 28, 26], "call_id": 1}
            ]
        }
    }


class ConsortiumUpdate(BaseModel):
    name: Name | None = None
    status: Status | None = None
    notes: LongText | None = None
    member_ids: list[BodyId] | None = Field(default=None, min_length=2, max_length=20)

    model_config = {"json_schema_extra": {"examples": [{"status": "submitted"}]}}


class SavedConsortiumPublic(BaseModel):
    id: int
    name: str
    call_id: int | None
    members: list[ActorRef]
    member_ids: list[int]
    removed_member_ids: list[int] = Field(
        description="Members deleted since: listed here, never replaced by another actor"
    )
    theme: str | None
    status: Status
    owner_key_id: int | None = Field(
        description="The API key that saved it (null: the admin token); it and admins may change it"
    )
    notes: str
    score: float = Field(description="The consortium score when it was saved")
    components: ConsortiumComponents
    created_at: datetime
    updated_at: datetime
    version: int
