"""Check the whole batch first (every bad record, every field), then write it all. The same
checks run on a batch that failed validation, from `*_reference_errors`, so one answer
names every bad field of every item."""

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session

from app.actors.models import ActorKind
from app.actors.service import ReferenceSets, region_codes_of
from app.core.versioning import Outcome
from app.errors import FieldError, InvalidPayload
from app.sync.schemas import RecordOutcome, SyncActor, SyncResult
from app.transfer.schemas import RegionRecord
from app.transfer.service import (
    ActorList,
    actor_errors,
    find_stored,
    parse_items,
    region_errors,
    upsert_actors,
    upsert_regions,
)
from app.vocab.models import VocabKind
from app.vocab.service import slugs


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


def _region_batch_errors(
    session: Session, raw: list[Any], records: Sequence[RegionRecord | None], flagged: set[str]
) -> list[FieldError]:
    themes = slugs(session, VocabKind.theme)
    return region_errors("items", raw, records, themes, flagged, name_key=False)


def _actor_batch(
    session: Session, raw: list[Any], records: Sequence[SyncActor | None]
) -> ActorList:
    kinds = [r.kind if r is not None else None for r in records]
    actors = ActorList("items", raw, records, kinds, [])
    find_stored(session, actors)
    return actors


def _actor_batch_errors(session: Session, actors: ActorList, flagged: set[str]) -> list[FieldError]:
    refs = ReferenceSets.load(session, region_codes_of(actors.raw))
    return actor_errors(actors, refs, flagged, name_key=False)


def regions_reference_errors(session: Session, body: Any, flagged: set[str]) -> list[FieldError]:
    """The stored-data checks of a region batch that failed validation."""
    raw = body.get("items")
    records, _ = parse_items(RegionRecord, raw, "items")
    return _region_batch_errors(session, raw if isinstance(raw, list) else [], records, flagged)


def actors_reference_errors(session: Session, body: Any, flagged: set[str]) -> list[FieldError]:
    """The stored-data checks of an actor batch that failed validation."""
    raw = body.get("items")
    if not isinstance(raw, list):
        return []
    records, _ = parse_items(SyncActor, raw, "items")
    return _actor_batch_errors(session, _actor_batch(session, raw, records), flagged)


def sync_regions(session: Session, records: list[RegionRecord]) -> SyncResult:
    raw = [r.model_dump(exclude_unset=True) for r in records]
    errors = _region_batch_errors(session, raw, records, set())
    if errors:
        raise InvalidPayload.of(errors)
    return _result([r.code for r in records], upsert_regions(session, records))


def sync_actors(session: Session, records: list[SyncActor]) -> SyncResult:
    raw = [r.model_dump(exclude_unset=True) for r in records]
    actors = _actor_batch(session, raw, records)
    errors = _actor_batch_errors(session, actors, set())
    if errors:
        raise InvalidPayload.of(errors)
    outcomes: list[Outcome] = [Outcome.unchanged] * len(records)
    for kind in ActorKind:
        positions = [i for i, r in enumerate(records) if r.kind == kind]
        chosen = [records[i] for i in positions]
        stored = [actors.stored[i] for i in positions]
        for position, outcome in zip(
            positions, upsert_actors(session, kind, chosen, stored), strict=True
        ):
            outcomes[position] = outcome
    session.flush()
    return _result([f"{r.kind}:{r.external_id}" for r in records], outcomes)
