"""Matching requests: validation against the stored data, then the pure engine."""

from dataclasses import replace

from sqlmodel import Session

from app.calls import service as call_service
from app.calls.models import Call, CallFields
from app.core.columns import utcnow
from app.errors import FieldError, InvalidPayload, NotFound
from app.matching import consortia as engine
from app.matching.index import MatchIndex, region_key
from app.matching.partners import candidates as rank_candidates
from app.matching.regions import partner_regions as rank_regions
from app.matching_service.checks import actor_id_errors
from app.matching_service.schemas import (
    ActorRef,
    Candidate,
    CandidatesOut,
    ConsortiaOut,
    ConsortiumOut,
    ConsortiumRequestIn,
    ConsortiumRules,
    PartnerRegion,
    PartnerRegionsOut,
    RegionComponents,
    RegionRef,
    ScoreOut,
    ScoreRequestIn,
    Violation,
)


def _ref(index: MatchIndex, actor_id: int) -> ActorRef:
    profile = index.features[index.position[actor_id]].profile
    return ActorRef.model_validate(
        {
            "id": profile.id,
            "kind": profile.kind,
            "name": profile.name,
            "region_code": profile.region_code,
        }
    )


def _check_theme(index: MatchIndex, theme: str | None, field: str = "theme") -> None:
    if theme is not None and theme not in index.vocabulary.theme_labels:
        raise InvalidPayload.of(
            [FieldError(field=field, message=f"unknown theme '{theme}'; see GET /api/v1/themes")]
        )


def _check_sizes(rules: ConsortiumRules) -> None:
    if rules.min_members > rules.max_members:
        raise InvalidPayload.of(
            [
                FieldError(
                    field="min_members",
                    message=f"min_members ({rules.min_members}) is larger than "
                    f"max_members ({rules.max_members})",
                )
            ]
        )


def _check_actors(index: MatchIndex, ids: list[int], field: str) -> None:
    errors = actor_id_errors(index, ids, field)
    if errors:
        raise InvalidPayload.of(errors)


def candidates(
    index: MatchIndex,
    actor_id: int,
    *,
    limit: int,
    theme: str | None,
    kind: str | None,
    other_regions_only: bool,
) -> CandidatesOut:
    if actor_id not in index.position:
        raise NotFound(f"no actor with id {actor_id}")
    _check_theme(index, theme)
    found = rank_candidates(
        index, actor_id, limit=limit, theme=theme, kind=kind, other_regions_only=other_regions_only
    )
    return CandidatesOut(
        actor_id=actor_id,
        candidates=[
            Candidate(
                actor=_ref(index, c.actor_id),
                score=c.score,
                components={
                    "thematic": c.thematic,
                    "complementarity": c.complementarity,
                    "regional": c.regional,
                },
                reasons=c.reasons,
            )
            for c in found
        ],
    )


def _out(index: MatchIndex, consortium: engine.Consortium) -> dict[str, object]:
    return {
        "members": [_ref(index, i) for i in consortium.member_ids],
        "score": consortium.score,
        "components": consortium.components,
        "regions": consortium.regions,
        "themes": consortium.themes,
        "reasons": consortium.reasons,
    }


def _engine_request(body: ConsortiumRules, **more: object) -> engine.ConsortiumRequest:
    return engine.ConsortiumRequest(
        min_members=body.min_members,
        max_members=body.max_members,
        min_regions=body.min_regions,
        region_level=body.region_level,
        kinds=frozenset(body.kinds) if body.kinds is not None else None,
        **more,  # type: ignore[arg-type]
    )


def propose(session: Session, index: MatchIndex, body: ConsortiumRequestIn) -> ConsortiaOut:
    _check_sizes(body)
    _check_theme(index, body.theme)
    _check_actors(index, body.seed_actor_ids, "seed_actor_ids")
    request = _engine_request(
        body, seed_ids=tuple(body.seed_actor_ids), theme=body.theme, limit=body.limit
    )
    call = None
    if body.call_id is not None:
        call = session.get(Call, body.call_id)
        if call is None:
            raise InvalidPayload.of(
                [FieldError(field="call_id", message=f"no call with id {body.call_id}")]
            )
        request = for_call(index, request, call_service.rules_of(call))
    try:
        found = engine.propose_consortia(index, request)
    except engine.Infeasible as exc:
        raise InvalidPayload(
            f"no consortium can meet {exc.constraint}: {exc.detail}",
            [FieldError(field=exc.constraint, message=exc.detail)],
        ) from exc
    consortia = [ConsortiumOut.model_validate(_out(index, c)) for c in found]
    if call is not None:
        for consortium in consortia:
            consortium.eligibility = call_service.eligibility(
                call, index, [m.id for m in consortium.members], None
            )
        # The search already kept to the call's rules; this is the same check a user gets.
        consortia = [c for c in consortia if c.eligibility and c.eligibility.eligible]
    return ConsortiaOut(consortia=consortia)


def for_call(
    index: MatchIndex, request: engine.ConsortiumRequest, call: CallFields
) -> engine.ConsortiumRequest:
    """The request narrowed to what the call allows: every proposal must pass it."""
    now = utcnow()
    if (call.closes_at and now > call.closes_at) or (call.opens_at and now < call.opens_at):
        raise InvalidPayload.of(
            [FieldError(field="call_id", message="the call is not open for applications now")]
        )
    if call.themes and request.theme is not None and request.theme not in call.themes:
        raise InvalidPayload.of(
            [
                FieldError(
                    field="theme", message=f"the call is open to {', '.join(call.themes)} only"
                )
            ]
        )
    max_members = min(request.max_members, call.max_members or request.max_members)
    min_members = max(request.min_members, call.min_members)
    if min_members > max_members:
        raise InvalidPayload.of(
            [
                FieldError(
                    field="max_members",
                    message=f"the call needs at least {call.min_members} members",
                )
            ]
        )
    kinds = request.kinds
    if call.eligible_kinds:
        kinds = frozenset(call.eligible_kinds) & (kinds or frozenset(call.eligible_kinds))
    allowed = None
    if call.eligible_countries or call.eligible_region_codes:
        allowed = frozenset(
            int(index.ids[p])
            for p, code in enumerate(index.region_codes)
            if (not call.eligible_countries or code[:2] in call.eligible_countries)
            and (
                not call.eligible_region_codes
                or any(code.startswith(prefix) for prefix in call.eligible_region_codes)
            )
        )
    return replace(
        request,
        min_members=min_members,
        max_members=max_members,
        min_regions=max(request.min_regions, call.min_regions),
        region_level=call.region_level if call.region_level is not None else request.region_level,
        kinds=kinds,
        allowed_ids=allowed,
        allowed_themes=frozenset(call.themes) if call.themes else None,
        min_countries=call.min_countries,
        share_theme=True,
    )


def score(session: Session, index: MatchIndex, body: ScoreRequestIn) -> ScoreOut:
    _check_sizes(body)
    _check_theme(index, body.theme)
    _check_actors(index, body.member_ids, "member_ids")
    positions = [index.position[i] for i in body.member_ids]
    theme = body.theme or engine.main_theme(index, positions)
    pool = engine.make_pool(index, positions, theme, body.region_level)
    consortium = engine.describe(index, pool, theme, tuple(range(len(positions))))
    return ScoreOut.model_validate(
        {**_out(index, consortium), "violations": violations(index, positions, body)}
    )


def violations(index: MatchIndex, positions: list[int], rules: ConsortiumRules) -> list[Violation]:
    out = []
    size = len(positions)
    if size < rules.min_members:
        out.append(
            Violation(
                constraint="min_members",
                detail=f"{size} members; at least {rules.min_members} are needed",
            )
        )
    if size > rules.max_members:
        out.append(
            Violation(
                constraint="max_members",
                detail=f"{size} members; at most {rules.max_members} are allowed",
            )
        )
    regions = {region_key(index.region_codes[p], rules.region_level) for p in positions}
    if len(regions) < rules.min_regions:
        out.append(
            Violation(
                constraint="min_regions",
                detail=f"members come from {len(regions)} region(s); "
                f"at least {rules.min_regions} are needed",
            )
        )
    if rules.kinds is not None:
        for p in positions:
            profile = index.features[p].profile
            if profile.kind not in rules.kinds:
                out.append(
                    Violation(
                        constraint="kinds",
                        detail=f"{profile.name} is a {profile.kind}, not an allowed kind",
                    )
                )
    return out


def partner_regions(index: MatchIndex, code: str, limit: int) -> PartnerRegionsOut:
    code = code.upper()
    if code not in index.regions:
        raise NotFound(f"no region with code {code}")
    return PartnerRegionsOut(
        region_code=code,
        partners=[
            PartnerRegion(
                region=RegionRef(
                    code=match.code,
                    name=index.regions[match.code].name,
                    level=index.regions[match.code].level,
                ),
                score=match.score,
                components=RegionComponents.model_validate(match.components),
                reasons=match.reasons,
            )
            for match in rank_regions(index, code, limit)
        ],
    )
