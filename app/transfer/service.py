"""Import and sync write records that replace only the fields they carry. Every record is
checked first — each on its own, so one bad record hides nothing in another — then all
are written in one transaction."""

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from sqlmodel import Session, col, select

from app.actors.models import Actor, ActorKind, ActorPublic, Members
from app.actors.service import ReferenceSets, payload_errors, region_codes_of
from app.core.columns import utcnow
from app.core.fields import unique
from app.core.messages import JSON_OBJECT_EXPECTED, field_errors
from app.core.versioning import Outcome, apply_changes
from app.errors import FieldError, InvalidPayload
from app.reference import nuts
from app.regions.models import Region
from app.regions.service import (
    apply_state,
    current_state,
    empty_state,
    priority_state,
    priority_theme_errors,
    to_public,
)
from app.transfer.schemas import (
    ActorRecord,
    ActorRecordFields,
    ImportReport,
    RegionRecord,
    TransferDocument,
)

ACTOR_SECTIONS: dict[str, ActorKind] = {
    "clusters": ActorKind.cluster,
    "rdi_platforms": ActorKind.rdi_platform,
}
_CHUNK = 500
# What an actor field holds once cleared (an explicit null), and before it is written.
_ACTOR_CLEARED: dict[str, Any] = {
    "description": "",
    "themes": [],
    "nace_codes": [],
    "technologies": [],
    "offers": [],
    "seeks": [],
    "members": Members().model_dump(),
    "website": None,
    "external_id": None,
}
_ACTOR_WRITTEN = {"name", "region_code", *_ACTOR_CLEARED}
_NEEDED_TO_CREATE = ("name", "region_code")

Progress = Callable[[int], None]
M = TypeVar("M", bound=BaseModel)


def parse_items(model: type[M], raw: Any, path: str) -> tuple[list[M | None], list[FieldError]]:
    """Each record of a list parsed on its own: the parsed records (None where invalid)
    and every error, named by its path (`clusters.3.themes.0`)."""
    if not isinstance(raw, list):
        return [], [FieldError(field=path, message="must be a list")]
    records: list[M | None] = []
    errors: list[FieldError] = []
    for index, item in enumerate(raw):
        try:
            records.append(model.model_validate(item))
        except ValidationError as exc:
            records.append(None)
            errors += field_errors(exc.errors(), prefix=f"{path}.{index}.")
    return records, errors


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


# Regions ---------------------------------------------------------------------------------


def region_errors(
    path: str,
    raw: list[Any],
    records: Sequence[RegionRecord | None],
    themes: set[str],
    flagged: set[str],
    *,
    name_key: bool = True,
) -> list[FieldError]:
    """The checks of region records that need stored data or the whole list."""
    errors: list[FieldError] = []
    for index, item in enumerate(raw):
        errors += priority_theme_errors(item, themes, f"{path}.{index}.", flagged)
    codes = [r.code if r is not None else None for r in records]
    return errors + repeat_errors(path, "code", codes, name_key=name_key)


def upsert_regions(
    session: Session, records: list[RegionRecord], progress: Progress = lambda _n: None
) -> list[Outcome]:
    """Create each (checked) region or write the fields its record carries, in order."""
    codes = [r.code for r in records]
    stored = {r.code: r for r in session.exec(select(Region).where(col(Region.code).in_(codes)))}
    outcomes = []
    for record in records:
        entry = nuts.lookup(record.code)
        assert entry is not None  # NutsCode validated it
        existing = stored.get(record.code)
        desired = current_state(existing) if existing is not None else empty_state(entry)
        desired.update(_carried_region_fields(record, entry))
        region, outcome = apply_state(session, entry, desired, existing)
        stored[record.code] = region
        outcomes.append(outcome)
        progress(1)
    session.flush()
    return outcomes


def _carried_region_fields(record: RegionRecord, entry: nuts.NutsRegion) -> dict[str, Any]:
    carried: dict[str, Any] = {}
    fields = record.model_fields_set
    if "name" in fields:
        carried["name"] = record.name or entry.label
    if "local_name" in fields:
        carried["local_name"] = record.local_name
    if "s3_platform_member" in fields:
        carried["s3_platform_member"] = bool(record.s3_platform_member)
    if "s3_priorities" in fields:
        carried["s3_priorities"] = [priority_state(p) for p in record.s3_priorities or []]
    return carried


# Actors ----------------------------------------------------------------------------------


@dataclass
class ActorList:
    """Actor records of one import section or sync batch: as sent, parsed (None where
    invalid), each one's kind, and the stored actor each names (found by `find_stored`)."""

    path: str
    raw: list[Any]
    records: Sequence[ActorRecordFields | None]
    kinds: Sequence[ActorKind | None]
    stored: list[Actor | None]

    @property
    def keys(self) -> list[Hashable | None]:
        """Each record's (kind, external_id), read from what was sent, so that a record
        that failed validation is still seen repeating another."""
        keys: list[Hashable | None] = []
        for item, kind in zip(self.raw, self.kinds, strict=True):
            item = item if isinstance(item, dict) else {}
            external_id, sent_kind = item.get("external_id"), item.get("kind")
            kind_key = kind or (sent_kind if isinstance(sent_kind, str) else None)
            usable = isinstance(external_id, str) and external_id and kind_key
            keys.append((kind_key, external_id) if usable else None)
        return keys


def find_stored(session: Session, actors: ActorList) -> None:
    """The stored actor each record names: by external_id, else (an exported record) by id
    and created_at together."""
    actors.stored = [None] * len(actors.records)
    for kind in ActorKind:
        positions = [
            i
            for i, (r, k) in enumerate(zip(actors.records, actors.kinds, strict=True))
            if r is not None and k == kind
        ]
        chosen = [actors.records[i] for i in positions]
        external_ids = [e for r in chosen if (e := getattr(r, "external_id", None))]
        ids = [i for r in chosen if (i := getattr(r, "id", None)) is not None]
        by_external_id = {
            a.external_id: a for a in _stored(session, kind, "external_id", external_ids)
        }
        by_id = {a.id: a for a in _stored(session, kind, "id", ids)}
        for position in positions:
            record = actors.records[position]
            external_id = getattr(record, "external_id", None)
            found = by_external_id.get(external_id) if external_id else None
            if found is None:
                twin = by_id.get(getattr(record, "id", None))
                if twin is not None and twin.created_at == getattr(record, "created_at", None):
                    found = twin
            actors.stored[position] = found


def _stored(session: Session, kind: ActorKind, column: str, values: list[Any]) -> list[Actor]:
    rows: list[Actor] = []
    for start in range(0, len(values), _CHUNK):
        chunk = values[start : start + _CHUNK]
        rows += session.exec(
            select(Actor).where(Actor.kind == kind, col(getattr(Actor, column)).in_(chunk))
        )
    return rows


def actor_errors(
    actors: ActorList, refs: ReferenceSets, flagged: set[str], *, name_key: bool = True
) -> list[FieldError]:
    """The checks of actor records that need stored data or the whole list: vocabularies
    and regions, repeated keys, and the fields a record that creates an actor must carry."""
    errors: list[FieldError] = []
    for index, item in enumerate(actors.raw):
        if isinstance(item, dict):
            errors += payload_errors(item, refs, f"{actors.path}.{index}.", flagged)
    errors += repeat_errors(actors.path, "external_id", actors.keys, name_key=name_key)
    for index, (record, stored) in enumerate(zip(actors.records, actors.stored, strict=True)):
        if record is None or stored is not None:
            continue
        for name in _NEEDED_TO_CREATE:
            if name not in record.model_fields_set:
                errors.append(
                    FieldError(
                        field=f"{actors.path}.{index}.{name}",
                        message="field required: a record that creates an actor needs "
                        "name and region_code",
                    )
                )
    return errors


def carried_actor_fields(record: ActorRecordFields) -> dict[str, Any]:
    """The stored values of the fields a record carries (null: the field cleared)."""
    values: dict[str, Any] = {}
    for name in record.model_fields_set & _ACTOR_WRITTEN:
        value = getattr(record, name)
        if value is None:
            value = _ACTOR_CLEARED[name]
        elif isinstance(value, Members):
            value = value.model_dump()
        elif isinstance(value, list):
            value = unique(value)
        values[name] = value
    return values


def upsert_actors(
    session: Session,
    kind: ActorKind,
    records: Sequence[ActorRecordFields],
    stored: Sequence[Actor | None],
    progress: Progress = lambda _n: None,
) -> list[Outcome]:
    """Create each (checked) actor, or write the fields its record carries, in order."""
    now = utcnow()
    outcomes = []
    new: list[Actor] = []
    for record, actor in zip(records, stored, strict=True):
        values = carried_actor_fields(record)
        if actor is None:
            fields = {**_ACTOR_CLEARED, **values}
            new.append(Actor(**fields, kind=kind, created_at=now, updated_at=now, version=1))
            outcomes.append(Outcome.created)
        else:
            outcomes.append(apply_changes(actor, values, now))
        progress(1)
    # Through the ORM, so the change feed sees every new actor (it batches the INSERTs).
    session.add_all(new)
    return outcomes


# The import document ---------------------------------------------------------------------


@dataclass
class CheckedDocument:
    doc: TransferDocument
    actors: dict[str, ActorList]


def parse_document(session: Session, raw: Any) -> CheckedDocument:
    """The import file, every record checked; one InvalidPayload names every bad field."""
    if not isinstance(raw, dict):
        raise InvalidPayload.of([FieldError(field="document", message=JSON_OBJECT_EXPECTED)])
    regions_raw = raw.get("regions", [])
    regions, errors = parse_items(RegionRecord, regions_raw, "regions")
    flagged = {e.field for e in errors}
    refs_codes: set[str] = set()
    actors: dict[str, ActorList] = {}
    for section, kind in ACTOR_SECTIONS.items():
        section_raw = raw.get(section, [])
        records, section_errors = parse_items(ActorRecord, section_raw, section)
        errors += section_errors
        flagged |= {e.field for e in section_errors}
        listed = section_raw if isinstance(section_raw, list) else []
        actors[section] = ActorList(section, listed, records, [kind] * len(records), [])
        find_stored(session, actors[section])
        refs_codes |= region_codes_of(listed)
    refs = ReferenceSets.load(session, refs_codes)
    refs.regions |= {r.code for r in regions if r is not None}
    errors += region_errors(
        "regions",
        regions_raw if isinstance(regions_raw, list) else [],
        regions,
        refs.themes,
        flagged,
    )
    for listed_actors in actors.values():
        errors += actor_errors(listed_actors, refs, flagged)
    if errors:
        raise InvalidPayload.of(errors)
    doc = TransferDocument(
        regions=[r for r in regions if r is not None],
        clusters=[r for r in actors["clusters"].records if isinstance(r, ActorRecord)],
        rdi_platforms=[r for r in actors["rdi_platforms"].records if isinstance(r, ActorRecord)],
    )
    return CheckedDocument(doc, actors)


def import_document(
    session: Session, checked: CheckedDocument, progress: Progress = lambda _n: None
) -> ImportReport:
    """Write a checked document: regions by code, actors by their key; all or nothing."""
    report = ImportReport()
    for outcome in upsert_regions(session, checked.doc.regions, progress):
        report.regions.count(outcome)
    for section, kind in ACTOR_SECTIONS.items():
        listed = checked.actors[section]
        records = [r for r in listed.records if r is not None]
        for outcome in upsert_actors(session, kind, records, listed.stored, progress):
            getattr(report, section).count(outcome)
    session.flush()
    return report


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


def total_records(checked: CheckedDocument) -> int:
    doc = checked.doc
    return len(doc.regions) + len(doc.clusters) + len(doc.rdi_platforms)
