"""Integrator sync: idempotent, all-or-nothing batches keyed by the integrator's ids. A
record replaces only the fields it carries (see app.transfer.schemas)."""

from pydantic import BaseModel, Field

from app.actors.models import ActorKind
from app.core.versioning import Outcome
from app.transfer.schemas import ActorRecordFields, RegionRecord

MAX_BATCH = 1000


class SyncActor(ActorRecordFields):
    kind: ActorKind
    external_id: str = Field(min_length=1, max_length=200)


class SyncRegionBatch(BaseModel):
    items: list[RegionRecord] = Field(max_length=MAX_BATCH)

    model_config = {
        "json_schema_extra": {
            "examples": [{"items": [{"code": "SE23", "local_name": "Västsverige"}]}]
        }
    }


class SyncActorBatch(BaseModel):
    items: list[SyncActor] = Field(max_length=MAX_BATCH)

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "items": [
                        {
                            "kind": "cluster",
                            "external_id": "s3p-4711",
                            "name": "Example Food Cluster Skåne",
                            "region_code": "SE22",
                            "themes": ["food"],
                        }
                    ]
                }
            ]
        }
    }


class RecordOutcome(BaseModel):
    index: int
    key: str
    outcome: Outcome


class SyncResult(BaseModel):
    items: list[RecordOutcome]
    created: int
    updated: int
    unchanged: int
