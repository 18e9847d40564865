"""Records as import and sync write them, and the import/export file `{regions, clusters,
rdi_platforms}`.

A record replaces only the fields it carries: a field left out keeps its stored value, an
explicit null (or `[]`) clears it. So every field but the key is optional here, and
"carried" is pydantic's `model_fields_set`.
"""

from pydantic import BaseModel, Field

from app.actors.models import Members
from app.core.fields import (
    BodyId,
    Keyword,
    LongText,
    NaceCode,
    Name,
    NutsCode,
    Slug,
    Url,
    UtcTimestamp,
)
from app.core.versioning import Outcome
from app.regions.models import S3PriorityIn

_KEPT = "Left out: the stored value is kept. "


class RegionRecord(BaseModel):
    code: NutsCode
    name: Name | None = Field(default=None, description=_KEPT + "null: the NUTS label")
    local_name: Name | None = Field(default=None, description=_KEPT + "null clears it")
    s3_platform_member: bool | None = Field(default=None, description=_KEPT + "null: false")
    s3_priorities: list[S3PriorityIn] | None = Field(
        default=None, max_length=50, description=_KEPT + "null or [] clears them"
    )


class ActorRecordFields(BaseModel):
    """An actor's fields, each optional; `name` and `region_code` cannot be cleared, and a
    record that creates an actor must carry them."""

    name: Name = Field(default=None, description=_KEPT + "Needed to create")  # type: ignore[assignment]
    region_code: NutsCode = Field(default=None, description=_KEPT + "Needed to create")  # type: ignore[assignment]
    description: LongText | None = Field(default=None, description=_KEPT + "null clears it")
    themes: list[Slug] | None = Field(default=None, max_length=30, description=_KEPT)
    nace_codes: list[NaceCode] | None = Field(default=None, max_length=50, description=_KEPT)
    technologies: list[Keyword] | None = Field(default=None, max_length=50, description=_KEPT)
    offers: list[Slug] | None = Field(default=None, max_length=30, description=_KEPT)
    seeks: list[Slug] | None = Field(default=None, max_length=30, description=_KEPT)
    members: Members | None = Field(default=None, description=_KEPT + "null: all zero")
    website: Url | None = Field(default=None, description=_KEPT + "null clears it")


class ActorRecord(ActorRecordFields):
    """An actor in an import file. Its key: `external_id` when it has one; otherwise the
    `id` and `created_at` an export wrote, which name the same actor only in the database
    it came from (another database's actor with that id was created at another time)."""

    external_id: str | None = Field(default=None, min_length=1, max_length=200)
    id: BodyId | None = None
    created_at: UtcTimestamp | None = None


class TransferDocument(BaseModel):
    """The import/export file. Other server-filled fields (version, ...) are ignored on import."""

    regions: list[RegionRecord] = Field(default_factory=list)
    clusters: list[ActorRecord] = Field(default_factory=list)
    rdi_platforms: list[ActorRecord] = Field(default_factory=list)


class Outcomes(BaseModel):
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def count(self, outcome: Outcome) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)


class ImportReport(BaseModel):
    regions: Outcomes = Field(default_factory=Outcomes)
    clusters: Outcomes = Field(default_factory=Outcomes)
    rdi_platforms: Outcomes = Field(default_factory=Outcomes)
