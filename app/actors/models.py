from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

import sqlalchemy as sa
from pydantic import BaseModel, NonNegativeInt, Strict
from sqlmodel import Field, SQLModel

from app.core.columns import NEVER_REUSE_IDS, VersionChecked, json_column, timestamp_field, utcnow
from app.core.fields import Keyword, LongText, NaceCode, Name, NutsCode, Slug, Url


class ActorKind(StrEnum):
    cluster = "cluster"
    rdi_platform = "rdi_platform"


Count = Annotated[NonNegativeInt, Strict()]  # JSON: a whole number, never true or 2.0


class Members(BaseModel):
    smes: Count = 0
    large_companies: Count = 0
    research_orgs: Count = 0
    public_bodies: Count = 0


class ActorFields(SQLModel):
    """The fields a client writes; the same for clusters and RDI platforms."""

    name: Name
    region_code: NutsCode
    description: LongText = ""
    themes: list[Slug] = json_column(max_length=30)
    nace_codes: list[NaceCode] = json_column(max_length=50)
    technologies: list[Keyword] = json_column(max_length=50)
    offers: list[Slug] = json_column(max_length=30)
    seeks: list[Slug] = json_column(max_length=30)
    members: Members = Field(default_factory=Members, sa_type=sa.JSON)
    website: Url | None = None
    external_id: str | None = Field(default=None, min_length=1, max_length=200)


class Actor(ActorFields, VersionChecked, table=True):
    __tablename__ = "actor"
    __table_args__ = (
        sa.UniqueConstraint("kind", "external_id", name="uq_actor_kind_external_id"),
        NEVER_REUSE_IDS,
    )

    id: int | None = Field(default=None, primary_key=True)
    kind: ActorKind = Field(sa_type=sa.String(16), index=True)
    name: str = Field(max_length=200)
    region_code: str = Field(
        sa_column=sa.Column(sa.String(8), sa.ForeignKey("region.code"), nullable=False, index=True)
    )
    description: str = Field(default="", sa_type=sa.Text)
    members: dict[str, int] = Field(default_factory=dict, sa_type=sa.JSON)  # type: ignore[assignment]
    website: str | None = Field(default=None, max_length=500)
    external_id: str | None = Field(default=None, max_length=200)
    created_at: datetime = timestamp_field(default_factory=utcnow)
    updated_at: datetime = timestamp_field(default_factory=utcnow)
    version: int = 1


_EXAMPLE: dict[str, Any] = {
    "name": "Example Food Cluster Skåne",
    "region_code": "SE22",
    "description": "Livsmedelskluster med testbäddar för nya förpackningar.",
    "themes": ["food"],
    "nace_codes": ["10", "C"],
    "technologies": ["packaging", "sensors"],
    "offers": ["testbed", "sme-network"],
    "seeks": ["research", "data"],
    "members": {"smes": 40, "large_companies": 5, "research_orgs": 2, "public_bodies": 3},
    "website": "https://food-cluster.example.org",
    "external_id": "s3p-4711",
}


class ActorCreate(ActorFields):
    model_config = {"json_schema_extra": {"examples": [_EXAMPLE]}}


class ActorUpdate(SQLModel):
    """PATCH body: every field optional; those sent replace the stored ones. Only `website`
    and `external_id` may be sent as null (to clear them); the others are never null."""

    name: Name = None  # type: ignore[assignment]
    region_code: NutsCode = None  # type: ignore[assignment]
    description: LongText = None  # type: ignore[assignment]
    themes: list[Slug] = Field(default=None, max_length=30)
    nace_codes: list[NaceCode] = Field(default=None, max_length=50)
    technologies: list[Keyword] = Field(default=None, max_length=50)
    offers: list[Slug] = Field(default=None, max_length=30)
    seeks: list[Slug] = Field(default=None, max_length=30)
    members: Members = None  # type: ignore[assignment]
    website: Url | None = None
    external_id: str | None = Field(default=None, min_length=1, max_length=200)

    model_config = {"json_schema_extra": {"examples": [{"seeks": ["research", "design"]}]}}


class ActorPublic(BaseModel):
    """What reads return. Plain types: stored data was validated on the way in, and
    checking it again on every read would only cost time."""

    id: int
    kind: ActorKind
    name: str
    region_code: str
    description: str
    themes: list[str]
    nace_codes: list[str]
    technologies: list[str]
    offers: list[str]
    seeks: list[str]
    members: Members
    website: str | None
    external_id: str | None
    created_at: datetime
    updated_at: datetime
    version: int

    model_config = {
        "from_attributes": True,
        "json_schema_extra": {
            "examples": [
                {
                    "id": 17,
                    "kind": "cluster",
                    **_EXAMPLE,
                    "created_at": "2026-01-01T00:00:00Z",
                    "updated_at": "2026-01-01T00:00:00Z",
                    "version": 1,
                }
            ]
        },
    }


class ActorRef(BaseModel):
    """An actor as other resources list it."""

    id: int
    kind: ActorKind
    name: str
    region_code: str
