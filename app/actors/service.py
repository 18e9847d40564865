"""Queries and rules for clusters and RDI platforms."""

from collections.abc import Container, Hashable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, or_, select

from app.actors.models import Actor, ActorCreate, ActorFields, ActorKind, ActorPublic, ActorUpdate
from app.actors.read_cache import JsonCache
from app.auth.service import Principal
from app.changes.recorder import FeedEntity
from app.core.fields import unique
from app.core.paths import api_path
from app.core.sql import json_list_has
from app.core.versioning import Outcome, apply_changes, check_if_match
from app.errors import Conflict, FieldError, InvalidPayload, NotFound, already_flagged
from app.reference import nace
from app.regions.models import Region
from app.vocab.models import VocabKind
from app.vocab.service import filter_term_errors, slugs, unknown_slug_errors

# Stored list fields whose repeats are dropped on write.
LIST_FIELDS = ("themes", "nace_codes", "technologies", "offers", "seeks")


_ACTORS = Actor.__table__  # type: ignore[attr-defined]
# Reads use Core, not the ORM (no identity map or change tracking needed), and fetch
# only the cache keys first: most rows are then served from the JSON cache.
_KEY_COLUMNS = (_ACTORS.c.id, _ACTORS.c.version, _ACTORS.c.updated_at)


def to_public(actor: Actor) -> ActorPublic:
    return ActorPublic.model_validate(actor, from_attributes=True)


FEED = FeedEntity(
    identify=lambda actor: (str(actor.kind), actor.id) if actor.id is not None else None,
    data=lambda actor: to_public(actor).model_dump(mode="json"),
)


def _serialised(session: Session, cache: JsonCache, key_rows: list[Any]) -> list[bytes]:
    """The public JSON of each keyed row, loading only the rows the cache lacks."""
    keys: list[Hashable] = [(row.id, row.version, row.updated_at) for row in key_rows]
    cached = cache.get_many(keys)
    missing = [row.id for row, key in zip(key_rows, keys, strict=True) if key not in cached]
    loaded: dict[Hashable, bytes] = {}
    fresh: dict[int, bytes] = {}
    if missing:
        rows = session.execute(sa.select(_ACTORS).where(_ACTORS.c.id.in_(missing))).mappings()
        for row in rows:
            body = ActorPublic.model_validate(dict(row)).model_dump_json().encode()
            loaded[(row["id"], row["version"], row["updated_at"])] = body
            fresh[row["id"]] = body
        cache.put_many(loaded)
    # A row changed between the two queries is served as it is now; a deleted one is left out.
    bodies = (cached.get(key) or fresh.get(row.id) for row, key in zip(key_rows, keys, strict=True))
    return [body for body in bodies if body is not None]


def read_json(
    session: Session, cache: JsonCache, kind: ActorKind, actor_id: int
) -> tuple[bytes, int]:
    """One actor's public JSON and its version."""
    key_row = session.execute(
        sa.select(*_KEY_COLUMNS).where(_ACTORS.c.id == actor_id, _ACTORS.c.kind == kind)
    ).first()
    if key_row is None:
        raise _not_found(kind, actor_id)
    bodies = _serialised(session, cache, [key_row])
    if not bodies:  # deleted between the two queries
        raise _not_found(kind, actor_id)
    return bodies[0], key_row.version


def list_json(
    session: Session,
    cache: JsonCache,
    kind: ActorKind,
    filters: "ActorFilters",
    limit: int,
    offset: int,
) -> bytes:
    """A `Page[ActorPublic]` as JSON, assembled from cached actors."""
    errors = filter_reference_errors(session, vars(filters), set())
    if errors:
        raise InvalidPayload.of(errors)
    conditions = [_ACTORS.c.kind == kind, *filters.conditions()]
    total = session.execute(
        sa.select(sa.func.count()).select_from(_ACTORS).where(*conditions)
    ).scalar_one()
    key_rows = session.execute(
        sa.select(*_KEY_COLUMNS)
        .where(*conditions)
        .order_by(_ACTORS.c.id)
        .limit(limit)
        .offset(offset)
    ).all()
    items = b",".join(_serialised(session, cache, list(key_rows)))
    return b'{"items":[%s],"total":%d,"limit":%d,"offset":%d}' % (items, total, limit, offset)


def actor_id_errors(known: Container[int], ids: list[int], field: str) -> list[FieldError]:
    """An error for each id of a member list that names no actor or repeats an earlier one."""
    errors = []
    seen: set[int] = set()
    for k, actor_id in enumerate(ids):
        if actor_id not in known:
            errors.append(FieldError(field=f"{field}.{k}", message=f"no actor with id {actor_id}"))
        elif actor_id in seen:
            errors.append(FieldError(field=f"{field}.{k}", message=f"actor {actor_id} is repeated"))
        seen.add(actor_id)
    return errors


def _not_found(kind: ActorKind, actor_id: int) -> NotFound:
    return NotFound(f"no {kind.replace('_', ' ')} with id {actor_id}")


def get_actor(session: Session, kind: ActorKind, actor_id: int) -> Actor:
    actor = session.get(Actor, actor_id)
    if actor is None or actor.kind != kind:
        raise _not_found(kind, actor_id)
    return actor


_VOCABULARY_FILTERS = {"theme": VocabKind.theme, "capability": VocabKind.capability}


def filter_reference_errors(
    session: Session, query: dict[str, Any], flagged: set[str]
) -> list[FieldError]:
    """Filters naming a theme or capability the vocabulary lacks."""
    return filter_term_errors(session, query, _VOCABULARY_FILTERS, flagged)


@dataclass
class ActorFilters:
    region: str | None = None
    country: str | None = None
    theme: str | None = None
    nace: str | None = None
    capability: str | None = None
    q: str | None = None

    def conditions(self) -> list[Any]:
        conditions: list[Any] = []
        if self.region:
            conditions.append(
                col(Actor.region_code).startswith(self.region.upper(), autoescape=True)
            )
        if self.country:
            conditions.append(
                col(Actor.region_code).startswith(self.country.upper(), autoescape=True)
            )
        if self.theme:
            conditions.append(json_list_has(Actor.themes, self.theme))
        if self.nace:
            prefixes = nace.filter_prefixes(nace.normalise(self.nace))
            conditions.append(
                or_(*(json_list_has(Actor.nace_codes, p, prefix=True) for p in prefixes))
            )
        if self.capability:
            conditions.append(
                or_(
                    json_list_has(Actor.offers, self.capability),
                    json_list_has(Actor.seeks, self.capability),
                )
            )
        # Every word of `q` somewhere in the name or the description, in any order.
        conditions += [_text_has(word) for word in search_words(self.q)]
        return conditions


# Places written differently in Swedish and English: either spelling finds both.
_SAME_PLACE = (("göteborg", "gothenburg"), ("sverige", "sweden"), ("skåne", "scania"))
MAX_SEARCH_WORDS = 12


def search_words(q: str | None) -> list[str]:
    """The words of a text search, each once (at most MAX_SEARCH_WORDS)."""
    words: list[str] = []
    for word in (q or "").split():
        if word.casefold() not in (w.casefold() for w in words):
            words.append(word)
    return words[:MAX_SEARCH_WORDS]


def _spellings(word: str) -> set[str]:
    """The word, its other-language spelling, and the cases SQL's lower() may not fold:
    SQLite folds only ASCII letters, so "göteborg" would not find "Göteborg"."""
    folded = word.casefold()
    same = {folded} | {other for pair in _SAME_PLACE if folded in pair for other in pair}
    return {
        variant
        for w in same
        for variant in ((w,) if w.isascii() else (w, w.capitalize(), w.upper()))
    }


def _text_has(word: str) -> Any:
    return or_(
        *(
            column.icontains(spelling, autoescape=True)
            for spelling in sorted(_spellings(word))
            for column in (col(Actor.name), col(Actor.description))
        )
    )


@dataclass
class ReferenceSets:
    """What actor payloads are checked against, read once per request or import."""

    themes: set[str]
    capabilities: set[str]
    regions: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, session: Session, region_codes: set[str]) -> "ReferenceSets":
        stored = set(session.exec(select(Region.code).where(col(Region.code).in_(region_codes))))
        return cls(slugs(session, VocabKind.theme), slugs(session, VocabKind.capability), stored)


def payload_errors(
    data: dict[str, Any],
    refs: ReferenceSets,
    prefix: str = "",
    flagged: frozenset[str] | set[str] = frozenset(),
) -> list[FieldError]:
    """Checks that need the database: vocabulary slugs and a stored region. `data` may be a
    body as sent; fields that already have an error are not checked again."""
    errors: list[FieldError] = []
    region_code = data.get("region_code")
    field = f"{prefix}region_code"
    if isinstance(region_code, str) and not already_flagged(field, flagged):
        region_code = region_code.strip().upper()
        if region_code not in refs.regions:
            errors.append(
                FieldError(
                    field=field,
                    message=f"region {region_code} is not stored; "
                    f"create it with PUT {api_path('regions', region_code)}",
                )
            )
    for name, known, vocab in (
        ("themes", refs.themes, VocabKind.theme),
        ("offers", refs.capabilities, VocabKind.capability),
        ("seeks", refs.capabilities, VocabKind.capability),
    ):
        errors += unknown_slug_errors(f"{prefix}{name}", data.get(name), known, vocab, flagged)
    return errors


def region_codes_of(records: list[Any]) -> set[str]:
    """The region codes a list of bodies (as sent or validated) names."""
    return {
        r["region_code"].strip().upper()
        for r in records
        if isinstance(r, dict) and isinstance(r.get("region_code"), str)
    }


def body_reference_errors(session: Session, body: Any, flagged: set[str]) -> list[FieldError]:
    """The database checks of one actor body as sent (for a body that failed validation)."""
    refs = ReferenceSets.load(session, region_codes_of([body]))
    return payload_errors(body, refs, flagged=flagged)


def stored_values(body: ActorFields | ActorUpdate, *, partial: bool) -> dict[str, Any]:
    data = body.model_dump(exclude_unset=partial)
    for name in LIST_FIELDS:
        if data.get(name) is not None:
            data[name] = unique(data[name])
    return data


def _check_payload(session: Session, data: dict[str, Any]) -> None:
    refs = ReferenceSets.load(session, {data["region_code"]} if data.get("region_code") else set())
    errors = payload_errors(data, refs)
    if errors:
        raise InvalidPayload.of(errors)


def _check_external_id(
    session: Session, kind: ActorKind, external_id: str | None, own_id: int | None
) -> None:
    if external_id is None:
        return
    clash = session.exec(
        select(Actor.id).where(Actor.kind == kind, Actor.external_id == external_id)
    ).first()
    if clash is not None and clash != own_id:
        raise Conflict(f"external_id '{external_id}' is already used by {kind} {clash}")


def create_actor(
    session: Session, kind: ActorKind, body: ActorCreate, principal: Principal
) -> Actor:
    principal.require_region(body.region_code)
    data = stored_values(body, partial=False)
    _check_payload(session, data)
    _check_external_id(session, kind, data["external_id"], None)
    actor = Actor(kind=kind, **data)
    session.add(actor)
    session.flush()  # a racing duplicate fails here: the IntegrityError handler says 409
    return actor


def update_actor(
    session: Session,
    actor: Actor,
    body: ActorCreate | ActorUpdate,
    principal: Principal,
    if_match: str | None = None,
) -> Outcome:
    """PUT (a full ActorCreate) or PATCH (the fields sent)."""
    partial = isinstance(body, ActorUpdate)
    data = stored_values(body, partial=partial)
    principal.require_region(actor.region_code)
    if data.get("region_code") is not None:
        principal.require_region(data["region_code"])
    check_if_match(if_match, actor.version)
    _check_payload(session, data)
    _check_external_id(session, actor.kind, data.get("external_id"), actor.id)
    outcome = apply_changes(actor, data)
    if outcome is Outcome.updated:
        session.flush()
    return outcome


def delete_actor(
    session: Session, actor: Actor, principal: Principal, if_match: str | None = None
) -> None:
    principal.require_region(actor.region_code)
    check_if_match(if_match, actor.version)
    session.delete(actor)
    session.flush()
