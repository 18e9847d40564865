"""Matching requests: validation against the stored data, then the pure engine."""

from sqlmodel import Session

from app.errors import FieldError, InvalidPayload, NotFound
from app.matching import consortia as engine
from app.matching.index import MatchIndex, region_key
from app.matching.partners import candidates as rank_candidates
from app.matching.regions import partner_regions as rank_regions
from app.matchmaking.keeper import IndexKeeper
from app.matchmaking.schemas import (
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
    errors = [
        FieldError(field=f"{field}.{k}", message=f"no actor with id {actor_id}")
        for k, actor_id in enumerate(ids)
        if actor_id not in index.position
    ]
    seen: set[int] = set()
    for k, actor_id in enumerate(ids):
        if actor_id in seen:
            errors.append(FieldError(field=f"{field}.{k}", message=f"actor {actor_id} is repeated"))
        seen.add(actor_id)
    if errors:
        raise InvalidPayload.of(errors)


def candidates(
    session: Session,
    keeper: IndexKeeper,
    actor_id: int,
    *,
    limit: int,
    theme: str | None,
    kind: str | None,
    other_regions_only: bool,
) -> CandidatesOut:
    index = keeper.index(session)
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


def propose(session: Session, keeper: IndexKeeper, body: ConsortiumRequestIn) -> ConsortiaOut:
    _check_sizes(body)
    index = keeper.index(session)
    _check_theme(index, body.theme)
    _check_actors(index, body.seed_actor_ids, "seed_actor_ids")
    if body.call_id is not None:
        raise InvalidPayload.of(
            [FieldError(field="call_id", message=f"no call with id {body.call_id}")]
        )
    request = _engine_request(
        body, seed_ids=tuple(body.seed_actor_ids), theme=body.theme, limit=body.limit
    )
    try:
        found = engine.propose_consortia(index, request)
    except engine.Infeasible as exc:
        raise InvalidPayload(
            f"no consortium can meet {exc.constraint}: {exc.detail}",
            [FieldError(field=exc.constraint, message=exc.detail)],
        ) from exc
    return ConsortiaOut(consortia=[ConsortiumOut.model_validate(_out(index, c)) for c in found])


def score(session: Session, keeper: IndexKeeper, body: ScoreRequestIn) -> ScoreOut:
    _check_sizes(body)
    index = keeper.index(session)
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


def partner_regions(
    session: Session, keeper: IndexKeeper, code: str, limit: int
) -> PartnerRegionsOut:
    index = keeper.index(session)
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
