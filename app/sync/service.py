"""Validate the whole batch first (every bad record, every field), then write it all."""

from typing import Any

from pydantic import TypeAdapter, ValidationError
from sqlmodel import Session

from app.actors.models import ActorKind
from app.actors.service import ReferenceSets, payload_errors
from app.core.versioning import Outcome
from app.errors import InvalidPayload, field_errors
from app.regions.service import validate_priorities
from app.sync.schemas import RecordOutcome, SyncActor, SyncResult
from app.transfer.schemas import RegionRecord
from app.transfer.service import repeat_errors, upsert_actors, upsert_regions
from app.vocab.models import VocabKind
from app.vocab.service import slugs

_REGIONS = TypeAdapter(list[RegionRecord])
_ACTORS = TypeAdapter(list[SyncActor])


def _parse(adapter: TypeAdapter[Any], items: list[dict[str, Any]]) -> list[Any]:
    try:
        return adapter.validate_python(items)
    except ValidationError as exc:
        raise InvalidPayload.of(field_errors(exc.errors(), prefix="items.")) from exc


def _result(keys: list[str], outcomes: list[Outcome]) -> SyncResult:
    items = [
        RecordOutcome(index=i, key=key, outcome=outcome)
        for i, (key, outcome) in enumerate(zip(keys, outcomes, strict=True))
    ]
    return SyncResult(
        items=items,
        created=outcomes.count(Outcome.created),
        updated=outcomes.count(Outcome.updated),
        unchanged=outcomes.count(Outcome.unchanged),
    )


def sync_regions(session: Session, items: list[dict[str, Any]]) -> SyncResult:
    records: list[RegionRecord] = _parse(_REGIONS, items)
    themes = slugs(session, VocabKind.theme)
    errors = repeat_errors("items", "code", [r.code for r in records], name_key=False)
    for index, record in enumerate(records):
        errors += validate_priorities(session, record, f"items.{index}.", themes)
    if errors:
        raise InvalidPayload.of(errors)
    return _result([r.code for r in records], upsert_regions(session, records))


def sync_actors(session: Session, items: list[dict[str, Any]]) -> SyncResult:
    records: list[SyncActor] = _parse(_ACTORS, items)
    refs = ReferenceSets.load(session, {r.region_code for r in records})
    errors = repeat_errors(
        "items", "external_id", [(r.kind, r.external_id) for r in records], name_key=False
    )
    for index, record in enumerate(records):
        errors += payload_errors(record.model_dump(), refs, f"items.{index}.")
    if errors:
        raise InvalidPayload.of(errors)
    outcomes: list[Outcome] = [Outcome.unchanged] * len(records)
    for kind in ActorKind:
        positions = [i for i, r in enumerate(records) if r.kind == kind]
        chosen = [records[i] for i in positions]
        for position, outcome in zip(positions, upsert_actors(session, kind, chosen), strict=True):
            outcomes[position] = outcome
    session.flush()
    return _result([f"{r.kind}:{r.external_id}" for r in records], outcomes)
