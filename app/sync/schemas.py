from typing import Any

from pydantic import BaseModel, Field

from app.actors.models import ActorCreate, ActorKind
from app.core.versioning import Outcome

MAX_BATCH = 1000


class SyncActor(ActorCreate):
    kind: ActorKind
    external_id: str = Field(min_length=1, max_length=200)


class SyncBatch(BaseModel):
    items: list[dict[str, Any]] = Field(max_length=MAX_BATCH)

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
