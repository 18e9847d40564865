from typing import Annotated, Literal

from pydantic import BaseModel, Field

from app.actors.models import ActorKind, ActorRef
from app.calls.models import Eligibility
from app.consortia.models import ConsortiumComponents
from app.core.fields import BodyId, Slug
from app.matching.rules import ConsortiumRules, Violation


class PairComponents(BaseModel):
    thematic: float = Field(description="Do they work on the same thing? 0-1")
    complementarity: float = Field(description="Do they bring different strengths to it? 0-1")
    regional: float = Field(description="Different regions whose S3 priorities cover it? 0-1")


class Directions(BaseModel):
    """Complementarity in each direction, reported apart (0-1)."""

    it_offers_what_you_seek: float = Field(
        description="Share of what the asking actor seeks that the candidate offers"
    )
    it_seeks_what_you_offer: float = Field(
        description="Share of what the candidate seeks that the asking actor offers"
    )


class Candidate(BaseModel):
    actor: ActorRef
    score: float
    components: PairComponents
    reasons: list[str]
    directions: Directions | None = None


class ProfileItem(BaseModel):
    key: str = Field(description="A vocabulary slug, or a technology's concept key")
    label: str = Field(description="In the asked language; a technology as the actor wrote it")
    source: Literal["stated", "read"] = Field(
        description="Stated in the profile, or read from its description"
    )


class ProfileOut(BaseModel):
    """What matching works with for one actor: its stated profile, or what it reads from
    the description where the profile states nothing."""

    actor: ActorRef
    themes: list[ProfileItem]
    offers: list[ProfileItem]
    seeks: list[ProfileItem]
    technologies: list[ProfileItem]


class CandidatesOut(BaseModel):
    actor_id: int
    candidates: list[Candidate]


class ConsortiumOut(BaseModel):
    members: list[ActorRef]
    score: float
    components: ConsortiumComponents
    regions: list[str]
    themes: list[str]
    reasons: list[str]
    eligibility: Eligibility | None = Field(
        default=None, description="With call_id: the call's eligibility check of this consortium"
    )


class ConsortiaOut(BaseModel):
    consortia: list[ConsortiumOut]


MemberCount = Annotated[int, Field(strict=True, ge=2, le=12)]


class RulesIn(BaseModel):
    """The consortium rules a matching request may set itself (a call sets more)."""

    min_members: MemberCount = 3
    max_members: MemberCount = 5
    min_regions: int = Field(default=2, strict=True, ge=1, le=12)
    region_level: int | None = Field(
        default=None,
        strict=True,
        ge=0,
        le=3,
        description="NUTS level that counts as a region (0 = country); "
        "default: the level of the actors' own codes",
    )
    kinds: list[ActorKind] | None = Field(
        default=None, min_length=1, description="Eligible kinds (a call's `eligible_kinds`)"
    )

    def to_rules(self) -> ConsortiumRules:
        return ConsortiumRules(
            min_members=self.min_members,
            max_members=self.max_members,
            min_regions=self.min_regions,
            region_level=self.region_level,
            eligible_kinds=frozenset(self.kinds) if self.kinds is not None else None,
        )


class ConsortiumRequestIn(RulesIn):
    seed_actor_ids: list[BodyId] = Field(default_factory=list, max_length=12)
    theme: Slug | None = None
    call_id: BodyId | None = None
    limit: int = Field(default=5, strict=True, ge=1, le=20)

    model_config = {
        "json_schema_extra": {
            "examples": [{"seed_actor_ids": [15], "theme": "life-science", "limit": 3}]
        }
    }


class ScoreRequestIn(RulesIn):
    member_ids: list[BodyId] = Field(min_length=2, max_length=12)
    theme: Slug | None = None
    call_id: BodyId | None = Field(
        default=None, description="Also check the consortium against this call's rules"
    )

    model_config = {"json_schema_extra": {"examples": [{"member_ids": [15, 37, 6]}]}}


class ScoreOut(ConsortiumOut):
    violations: list[Violation]


class RegionRef(BaseModel):
    code: str
    name: str
    level: int


class RegionComponents(BaseModel):
    shared_priorities: float
    complementarity: float
    related: float


class PartnerRegion(BaseModel):
    region: RegionRef
    score: float
    components: RegionComponents
    reasons: list[str]


class PartnerRegionsOut(BaseModel):
    region_code: str
    ranked_as: RegionRef = Field(
        description="The region whose partners these are: region_code itself, or the region "
        "containing it that holds its actors and S3 priorities (a NUTS-3 county is ranked as "
        "its NUTS-2 region)"
    )
    note: str | None = Field(default=None, description="Why ranked_as is not region_code")
    partners: list[PartnerRegion]
