from datetime import datetime
from typing import Annotated, Any

import sqlalchemy as sa
from pydantic import BaseModel, Field, ValidationInfo, field_validator
from sqlmodel import Field as SQLField

from app.actors.models import ActorKind
from app.core.columns import NEVER_REUSE_IDS, VersionChecked, json_column, timestamp_field, utcnow
from app.core.fields import BodyId, CountryCode, LongText, Name, NutsPrefix, Slug, UtcTimestamp
from app.matching.rules import Budget, ConsortiumRules, Violation

Euro = Annotated[int, Field(strict=True, ge=0, le=10**12)]


class CallFields(BaseModel):
    """A funding call and the rules a consortium must meet to apply."""

    name: Name
    description: LongText = ""
    source: str = Field(default="", max_length=1000, description="Where the rules come from")
    themes: list[Slug] = Field(
        default_factory=list,
        description="Themes the call is open to; empty: any theme, as long as members share one",
    )
    min_members: int = Field(default=3, strict=True, ge=1, le=100)
    max_members: int | None = Field(default=None, strict=True, ge=1, le=100)
    min_regions: int = Field(default=1, strict=True, ge=1, le=100)
    region_level: int | None = Field(
        default=None, strict=True, ge=0, le=3, description="NUTS level that counts as a region"
    )
    min_countries: int = Field(default=1, strict=True, ge=1, le=50)
    eligible_countries: list[CountryCode] = Field(default_factory=list)
    eligible_region_codes: list[NutsPrefix] = Field(default_factory=list)
    eligible_kinds: list[ActorKind] = Field(default_factory=list)
    funding_min: Euro | None = None
    funding_max: Euro | None = None
    cofunding_rate: float = Field(
        default=0.0, ge=0.0, lt=1.0, description="Share of the total budget the partners pay"
    )
    opens_at: UtcTimestamp | None = None
    closes_at: UtcTimestamp | None = None

    def to_rules(self) -> ConsortiumRules:
        """The call's rules as the matching engine checks them; members always share a theme
        (among the call's themes, when it names any)."""
        return ConsortiumRules(
            min_members=self.min_members,
            max_members=self.max_members,
            min_regions=self.min_regions,
            region_level=self.region_level,
            min_countries=self.min_countries,
            eligible_countries=frozenset(self.eligible_countries) or None,
            eligible_region_codes=tuple(self.eligible_region_codes) or None,
            eligible_kinds=frozenset(self.eligible_kinds) or None,
            themes=frozenset(self.themes) or None,
            share_theme=True,
            funding_min=self.funding_min,
            funding_max=self.funding_max,
            cofunding_rate=self.cofunding_rate,
            opens_at=self.opens_at,
            closes_at=self.closes_at,
        )

    # Each range is checked on its upper end, so the error names that field (and its
    # message the other); a lower end that is itself invalid is reported on its own.
    @field_validator("max_members", "funding_max", "closes_at")
    @classmethod
    def upper_end_not_below_lower(cls, value: Any, info: ValidationInfo) -> Any:
        lower_name = _LOWER_END[str(info.field_name)]
        lower = info.data.get(lower_name)
        if value is not None and lower is not None and value < lower:
            relation = "before" if lower_name == "opens_at" else "smaller than"
            shown = lower.isoformat() if isinstance(lower, datetime) else lower
            raise ValueError(f"{info.field_name} is {relation} {lower_name} ({shown})")
        return value


_LOWER_END = {"max_members": "min_members", "funding_max": "funding_min", "closes_at": "opens_at"}


class Call(VersionChecked, table=True):
    __tablename__ = "call"
    __table_args__ = (NEVER_REUSE_IDS,)

    id: int | None = SQLField(default=None, primary_key=True)
    name: str = SQLField(max_length=200)
    description: str = SQLField(default="", sa_type=sa.Text)
    source: str = SQLField(default="", sa_type=sa.Text)
    themes: list[str] = json_column()
    min_members: int = 3
    max_members: int | None = None
    min_regions: int = 1
    region_level: int | None = None
    min_countries: int = 1
    eligible_countries: list[str] = json_column()
    eligible_region_codes: list[str] = json_column()
    eligible_kinds: list[str] = json_column()
    funding_min: int | None = SQLField(default=None, sa_type=sa.BigInteger)
    funding_max: int | None = SQLField(default=None, sa_type=sa.BigInteger)
    cofunding_rate: float = 0.0
    opens_at: datetime | None = timestamp_field(default=None)
    closes_at: datetime | None = timestamp_field(default=None)
    created_at: datetime = timestamp_field(default_factory=utcnow)
    updated_at: datetime = timestamp_field(default_factory=utcnow)
    version: int = 1


_EXAMPLE: dict[str, Any] = {
    "name": "Cross-cluster collaboration, national ERDF programme (2016)",
    "themes": [],
    "min_members": 3,
    "min_regions": 2,
    "region_level": 2,
    "eligible_countries": ["SE"],
    "eligible_kinds": ["cluster", "rdi_platform"],
    "funding_min": 200000,
    "funding_max": 600000,
    "cofunding_rate": 0.5,
}


class CallCreate(CallFields):
    model_config = {"json_schema_extra": {"examples": [_EXAMPLE]}}


class CallPublic(CallFields):
    id: int
    created_at: datetime
    updated_at: datetime
    version: int

    model_config = {"from_attributes": True}


class EligibilityRequest(BaseModel):
    member_ids: list[BodyId] = Field(min_length=1, max_length=50)
    eu_funding: Euro | None = Field(default=None, description="EU funding asked for, EUR")

    model_config = {
        "json_schema_extra": {"examples": [{"member_ids": [15, 28, 26], "eu_funding": 400000}]}
    }


class Eligibility(BaseModel):
    call_id: int
    eligible: bool
    violations: list[Violation]
    budget: Budget | None
