"""What each explorer page shows, gathered from the services the JSON API uses. Each
function runs in one unit of work (the route's `in_thread`) and returns the template's data."""

import json
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from app.actors import service as actors
from app.actors.models import ActorKind
from app.actors.read_cache import JsonCache
from app.calls import service as calls
from app.calls.models import Call, CallPublic, Eligibility
from app.consortia import service as consortia
from app.consortia.models import TRANSITIONS, Status
from app.errors import NotFound
from app.explore.diagram import Diagram, Member, layout
from app.explore.i18n import Translator
from app.matching.explain import region_name
from app.matching.index import MatchIndex
from app.matching_service import service as matching
from app.matching_service.keeper import IndexKeeper
from app.matching_service.schemas import ConsortiumRequestIn, ScoreRequestIn
from app.regions import service as regions
from app.vocab.models import VocabKind
from app.vocab.service import list_terms

PAGE_SIZE = 50
# A call's rules in the order a reader checks them; each is shown met or broken.
CALL_RULES = (
    "min_members",
    "max_members",
    "min_regions",
    "min_countries",
    "eligible_countries",
    "eligible_region_codes",
    "eligible_kinds",
    "themes",
    "funding_min",
    "funding_max",
    "opens_at",
    "closes_at",
)


def translator(session: Session, lang: str) -> Translator:
    def terms(kind: VocabKind) -> dict[str, tuple[str, str]]:
        return {t.slug: (t.label_en, t.label_sv) for t in list_terms(session, kind)}

    return Translator(
        lang,
        terms(VocabKind.theme),
        terms(VocabKind.capability),
        regions.local_names(session) if lang == "sv" else {},
    )


def region_choices(session: Session) -> list[dict[str, Any]]:
    stored, _total = regions.list_regions(
        session, country=None, level=None, theme=None, s3_platform_member=None, limit=500, offset=0
    )
    return [{"code": r.code, "name": r.name, "level": r.level} for r in stored]


def call_choices(session: Session) -> list[CallPublic]:
    stored, _total = calls.list_calls(session, limit=100, offset=0)
    return [calls.to_public(c) for c in stored]


# Find an actor ---------------------------------------------------------------------------


def search(
    session: Session, cache: JsonCache, filters: actors.ActorFilters, kind: ActorKind | None
) -> dict[str, Any]:
    found: list[dict[str, Any]] = []
    total = 0
    for each in [kind] if kind else list(ActorKind):
        page = json.loads(actors.list_json(session, cache, each, filters, PAGE_SIZE, 0))
        found += page["items"]
        total += page["total"]
    return {"actors": found, "total": total, "region_choices": region_choices(session)}


def actor(session: Session, cache: JsonCache, actor_id: int) -> dict[str, Any]:
    for kind in ActorKind:
        try:
            body, _version = actors.read_json(session, cache, kind, actor_id)
        except NotFound:
            continue
        record = json.loads(body)
        region = regions.to_public(regions.get_region(session, record["region_code"]))
        priorities = _priorities_of(session, record["region_code"])
        return {"actor": record, "region": region, "priorities": priorities}
    raise NotFound(f"no actor with id {actor_id}")


def _priorities_of(session: Session, code: str) -> list[dict[str, Any]]:
    """The S3 priorities of the actor's region, or of the nearest region above it that has
    some (priorities are often set for NUTS 2 while actors sit in NUTS 3 counties)."""
    while code:
        try:
            region = regions.to_public(regions.get_region(session, code))
        except NotFound:
            break
        if region.s3_priorities:
            return [{"region": region, "priority": p} for p in region.s3_priorities]
        if not region.parent_code:
            break
        code = region.parent_code
    return []


# Partners ----------------------------------------------------------------------------------


def partners(
    session: Session,
    keeper: IndexKeeper,
    cache: JsonCache,
    actor_id: int,
    *,
    theme: str | None,
    kind: ActorKind | None,
    other_regions_only: bool,
    limit: int,
    lang: str,
) -> dict[str, Any]:
    found = matching.candidates(
        session,
        keeper,
        actor_id,
        limit=limit,
        theme=theme,
        kind=kind,
        other_regions_only=other_regions_only,
        lang=lang,
    )
    return {"actor": actor(session, cache, actor_id)["actor"], "candidates": found.candidates}


# Consortia ---------------------------------------------------------------------------------


@dataclass
class RuleCheck:
    rule: str
    value: Any
    broken: bool
    detail: str


def rule_checks(call: CallPublic, eligibility: Eligibility) -> list[RuleCheck]:
    """Every rule the call sets, met or broken (with the check's own words when broken)."""
    broken = {v.rule: v.detail for v in eligibility.violations}
    checks = []
    for rule in CALL_RULES:
        value = getattr(call, rule)
        if value in (None, []) and rule not in broken:
            continue
        checks.append(RuleCheck(rule, value, rule in broken, broken.get(rule, "")))
    return checks


def _diagram(index: MatchIndex, member_ids: list[int], lang: str) -> Diagram:
    members = []
    for actor_id in member_ids:
        features = index.features[index.position[actor_id]]
        profile = features.profile
        members.append(
            Member(
                profile.id,
                profile.name,
                profile.kind,
                profile.region_code,
                features.offers,
                features.seeks,
            )
        )
    labels = {code: f"{code} {region_name(index, code, lang)}" for code in index.regions}
    return layout(members, labels)


def _call_view(
    call: Call | None,
    index: MatchIndex,
    member_ids: list[int],
    eu_funding: int | None,
    lang: str,
) -> dict[str, Any] | None:
    if call is None:
        return None
    checked = calls.eligibility(call, index, member_ids, eu_funding, lang)
    public = calls.to_public(call)
    return {"call": public, "eligibility": checked, "rules": rule_checks(public, checked)}


def proposals(
    session: Session,
    keeper: IndexKeeper,
    body: ConsortiumRequestIn,
    eu_funding: int | None,
    lang: str,
) -> dict[str, Any]:
    found = matching.propose(session, keeper, body, lang)
    index = keeper.index(session)
    call = calls.get_call(session, body.call_id) if body.call_id is not None else None
    shown = []
    for proposal in found.consortia:
        ids = [m.id for m in proposal.members]
        shown.append(
            {
                "consortium": proposal,
                "member_ids": ids,
                "diagram": _diagram(index, ids, lang),
                "call": _call_view(call, index, ids, eu_funding, lang),
            }
        )
    return {"proposals": shown}


def consortium(
    session: Session,
    keeper: IndexKeeper,
    body: ScoreRequestIn,
    call_id: int | None,
    eu_funding: int | None,
    lang: str,
) -> dict[str, Any]:
    scored = matching.score(session, keeper, body, lang)
    index = keeper.index(session)
    call = calls.get_call(session, call_id) if call_id is not None else None
    # Who to add: the first member's best partners that are not in it yet.
    partners_of_first = matching.candidates(
        session,
        keeper,
        body.member_ids[0],
        limit=15,
        theme=None,
        kind=None,
        other_regions_only=False,
    )
    addable = [c.actor for c in partners_of_first.candidates if c.actor.id not in body.member_ids]
    return {
        "consortium": scored,
        "member_ids": body.member_ids,
        "diagram": _diagram(index, body.member_ids, lang),
        "call": _call_view(call, index, body.member_ids, eu_funding, lang),
        "addable": addable,
    }


# Saved consortia ---------------------------------------------------------------------------


def saved_list(session: Session, status: Status | None) -> dict[str, Any]:
    stored, total = consortia.list_saved(session, status, None, PAGE_SIZE, 0)
    return {"saved": [consortia.to_public(session, s) for s in stored], "total": total}


# Moves only an admin key may make (a partner's funding decision is not the partner's).
ADMIN_ONLY_MOVES = frozenset(consortia.ADMIN_ONLY_STATUSES)


def saved_one(
    session: Session,
    consortium_id: int,
    keeper: IndexKeeper,
    eu_funding: int | None,
    lang: str,
) -> dict[str, Any]:
    """A saved consortium; with its call and an EU funding amount (carried from the page it
    was saved on), the call's rules and the budget for that amount."""
    saved = consortia.to_public(session, consortia.get_saved(session, consortium_id))
    stored_call = calls.get_call(session, saved.call_id) if saved.call_id else None
    call = calls.to_public(stored_call) if stored_call else None
    view = None
    present = [m.id for m in saved.members]
    if stored_call is not None and eu_funding is not None and len(present) >= 2:
        view = _call_view(stored_call, keeper.index(session), present, eu_funding, lang)
    return {
        "one": saved,
        "call": call,
        "call_view": view,
        "next_statuses": sorted(TRANSITIONS[saved.status]),
    }


# Regions -----------------------------------------------------------------------------------


def region_page(
    session: Session, keeper: IndexKeeper, code: str | None, limit: int, lang: str
) -> dict[str, Any]:
    choices = region_choices(session)
    data: dict[str, Any] = {
        "region_choices": choices,
        "partners": None,
        "region": None,
        "note": None,
    }
    index = keeper.index(session)
    if code:
        data["region"] = regions.to_public(regions.get_region(session, code))
        found = matching.partner_regions(session, keeper, code, limit, lang)
        data["partners"], data["note"] = found.partners, found.note
    level = data["region"].level if data["region"] else 2
    country = data["region"].country_code if data["region"] else None
    rows, _total = regions.list_regions(
        session,
        country=country,
        level=level,
        theme=None,
        s3_platform_member=None,
        limit=200,
        offset=0,
    )
    data["table"] = _theme_table(index, [regions.to_public(r) for r in rows])
    return data


def _theme_table(index: MatchIndex, rows: list[Any]) -> dict[str, Any]:
    """Region x theme: the S3 priorities on each theme and how many actors work on it."""
    themes = sorted(
        {t for r in rows for p in r.s3_priorities for t in p.themes}
        | {t for f in index.features for t in f.profile.themes}
    )
    table = []
    for region in rows:
        cells = {}
        for theme in themes:
            titles = [p.title for p in region.s3_priorities if theme in p.themes]
            count = sum(
                1
                for f in index.features
                if f.profile.region_code.startswith(region.code) and theme in f.profile.themes
            )
            cells[theme] = {"priorities": titles, "actors": count}
        table.append({"region": region, "cells": cells})
    used = [
        t
        for t in themes
        if any(row["cells"][t]["priorities"] or row["cells"][t]["actors"] for row in table)
    ]
    return {"themes": used, "rows": table}
