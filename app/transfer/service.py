"""Import validates a whole document first, then writes it in one transaction."""

from collections.abc import Callable, Hashable, Sequence
from typing import Any

from pydantic import ValidationError
from sqlmodel import Session, col, select

from app.actors.models import Actor, ActorCreate, ActorKind, ActorPublic
from app.actors.service import ReferenceSets, payload_errors, stored_values
from app.core.columns import utcnow
from app.core.versioning import Outcome, apply_changes
from app.errors import FieldError, InvalidPayload, field_errors
from app.reference import nuts
from app.regions.models import Region
from app.regions.service import apply_put, to_public, validate_priorities
from app.transfer.schemas import ImportReport, RegionRecord, TransferDocument

ACTOR_SECTIONS: dict[str, ActorKind] = {
    "clusters": ActorKind.cluster,
    "rdi_platforms": ActorKind.rdi_platform,
}
_CHUNK = 500

Progress = Callable[[int], None]


def parse_document(raw: Any) -> TransferDocument:
    try:
        return TransferDocument.model_validate(raw)
    except ValidationError as exc:
        raise InvalidPayload.of(field_errors(exc.errors())) from exc


def document_errors(session: Session, doc: TransferDocument) -> list[FieldError]:
    refs = ReferenceSets.load(session, {a.region_code for a in _all_actors(doc)})
    refs.regions |= {r.code for r in doc.regions}
    errors: list[FieldError] = []
    for index, record in enumerate(doc.regions):
        errors += validate_priorities(session, record, f"regions.{index}.", refs.themes)
    errors += repeat_errors("regions", "code", [r.code for r in doc.regions])
    for section in ACTOR_SECTIONS:
        actors = getattr(doc, section)
        for index, actor in enumerate(actors):
            errors += payload_errors(actor.model_dump(), refs, f"{section}.{index}.")
        errors += repeat_errors(section, "external_id", [a.external_id for a in actors])
    return errors


def repeat_errors(
    section: str, key: str, values: Sequence[Hashable | None], *, name_key: bool = True
) -> list[FieldError]:
    """An error for each record whose key an earlier record of the section already has."""
    first: dict[Hashable, int] = {}
    errors = []
    for index, value in enumerate(values):
        if value is None:
            continue
        if value in first:
            earlier = f"{section}.{first[value]}" + (f".{key}" if name_key else "")
            errors.append(
                FieldError(field=f"{section}.{index}.{key}", message=f"repeats {earlier}")
            )
        first.setdefault(value, index)
    return errors


def _all_actors(doc: TransferDocument) -> list[ActorCreate]:
    return [*doc.clusters, *doc.rdi_platforms]


def _stored_by_external_id(session: Session, kind: ActorKind, ids: list[str]) -> dict[str, Actor]:
    found: dict[str, Actor] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        rows = session.exec(
            select(Actor).where(Actor.kind == kind, col(Actor.external_id).in_(chunk))
        )
        found.update({row.external_id: row for row in rows if row.external_id})
    return found


def import_document(
    session: Session, doc: TransferDocument, progress: Progress = lambda _n: None
) -> ImportReport:
    """Upsert regions by code and actors by (kind, external_id); all or nothing.

    Actors without an external_id are always created: nothing else identifies them.
    """
    errors = document_errors(session, doc)
    if errors:
        raise InvalidPayload.of(errors)
    report = ImportReport()
    for outcome in upsert_regions(session, doc.regions, progress):
        report.regions.count(outcome)
    for section, kind in ACTOR_SECTIONS.items():
        for outcome in upsert_actors(session, kind, getattr(doc, section), progress):
            getattr(report, section).count(outcome)
    session.flush()
    return report


def upsert_regions(
    session: Session, records: list[RegionRecord], progress: Progress = lambda _n: None
) -> list[Outcome]:
    """Create or replace each (validated) region, in order."""
    codes = [r.code for r in records]
    stored = {r.code: r for r in session.exec(select(Region).where(col(Region.code).in_(codes)))}
    outcomes = []
    for record in records:
        entry = nuts.lookup(record.code)
        assert entry is not None  # NutsCode validated it
        region, outcome = apply_put(session, entry, record, stored.get(record.code))
        stored[record.code] = region
        outcomes.append(outcome)
        progress(1)
    session.flush()
    return outcomes


def upsert_actors(
    session: Session,
    kind: ActorKind,
    records: Sequence[ActorCreate],
    progress: Progress = lambda _n: None,
) -> list[Outcome]:
    """Create or update each (validated) actor by external_id, in order."""
    stored = _stored_by_external_id(
        session, kind, [r.external_id for r in records if r.external_id]
    )
    now = utcnow()
    outcomes = []
    new: list[Actor] = []
    for record in records:
        data = stored_values(record, partial=False)
        data.pop("kind", None)  # sync records name their kind; it is `kind` here
        actor = stored.get(record.external_id) if record.external_id else None
        if actor is None:
            new.append(Actor(**data, kind=kind, created_at=now, updated_at=now, version=1))
            outcomes.append(Outcome.created)
        else:
            outcomes.append(apply_changes(actor, data, now))
        progress(1)
    # Through the ORM, so the change feed sees every new actor (it batches the INSERTs).
    session.add_all(new)
    return outcomes


def export_document(session: Session) -> dict[str, Any]:
    regions = session.exec(select(Region).order_by(col(Region.code)))
    doc: dict[str, Any] = {
        "regions": [to_public(r).model_dump(mode="json") for r in regions],
    }
    for section, kind in ACTOR_SECTIONS.items():
        actors = session.exec(select(Actor).where(Actor.kind == kind).order_by(col(Actor.id)))
        doc[section] = [
            ActorPublic.model_validate(a, from_attributes=True).model_dump(mode="json")
            for a in actors
        ]
    return doc


def total_records(doc: TransferDocument) -> int:
    return len(doc.regions) + len(doc.clusters) + len(doc.rdi_platforms)
