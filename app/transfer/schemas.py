from pydantic import BaseModel, Field

from app.actors.models import ActorCreate
from app.core.fields import NutsCode
from app.core.versioning import Outcome
from app.regions.models import RegionPut


class RegionRecord(RegionPut):
    code: NutsCode


class TransferDocument(BaseModel):
    """The import/export file. Server-filled fields (id, version, ...) are ignored on import."""

    regions: list[RegionRecord] = Field(default_factory=list)
    clusters: list[ActorCreate] = Field(default_factory=list)
    rdi_platforms: list[ActorCreate] = Field(default_factory=list)


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
