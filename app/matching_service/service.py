"""Matching requests: validation against the stored data, then the pure engine."""

from dataclasses import asdict

from sqlmodel import Session

from app.actors.models import ActorRef
from app.actors.service import actor_id_errors
from app.calls import service as call_service
from app.calls.models import Call
from app.core.columns import utcnow
from app.core.paths import api_path
from app.errors import FieldError, InvalidPayload, NotFound
from app.matching import consortia as engine
from app.matching import rules
from app.matching.explain import theme_names
from app.matching.index import MatchIndex
from app.matching.partners import candidates as rank_candidates
from app.matching.readout import engine_view
from app.matching.regions import partner_regions as rank_regions
from app.matching.regions import ranking_note, ranking_region
from app.matching_service.keeper import IndexKeeper
from app.matching_service.schemas import (
    Candidate,
    CandidatesOut,
    ConsortiaOut,
    ConsortiumOut,
    ConsortiumRequestIn,
    PartnerRegion,
    PartnerRegionsOut,
    ProfileOut,
    RegionComponents,
    RegionRef,
    RulesIn,
    ScoreOut,
    ScoreRequestIn,
)

# Rules a request sets itself, and the request field of each (the others come from a call).
_REQUEST_FIELDS = {"min_members", "max_members", "min_regions", "eligible_kinds"}
_FIELD_NAMES = {"eligible_kinds": "kinds"}


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
            [
                FieldError(
                    field=field, message=f"unknown theme '{theme}'; see GET {api_path('themes')}"
                )
            ]
        )


def _check_sizes(rules: RulesIn) -> None:
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
    errors = actor_id_errors(index.position, ids, field)
    if errors:
        raise InvalidPayload.of(errors)


def _field_of(rule: str, asked: rules.ConsortiumRules, used: rules.ConsortiumRules) -> str:
    """The request field to blame for a rule no consortium can meet: the request's own field
    when the request set the rule as it was used (regions counted at its level), else the
    call that narrowed it."""
    same_level = rule != "min_regions" or asked.region_level == used.region_level
    if rule in _REQUEST_FIELDS and getattr(asked, rule) == getattr(used, rule) and same_level:
        return _FIELD_NAMES.get(rule, rule)
    return "call_id"


def candidates(
    session: Session,
    keeper: IndexKeeper,
    actor_id: int,
    *,
    limit: int,
    theme: str | None,
    kind: str | None,
    other_regions_only: bool,
    lang: str = "en",
) -> CandidatesOut:
    index = keeper.index(session)
    if actor_id not in index.position:
        raise NotFound(f"no actor with id {actor_id}")
    _check_theme(index, theme)
    found = rank_candidates(
        index,
        actor_id,
        limit=limit,
        theme=theme,
        kind=kind,
        other_regions_only=other_regions_only,
        lang=lang,
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
                directions={
                    "it_offers_what_you_seek": c.covers_query,
                    "it_seeks_what_you_offer": c.covered_by_query,
                },
            )
            for c in found
        ],
    )


def profile(session: Session, keeper: IndexKeeper, actor_id: int, lang: str = "en") -> ProfileOut:
    index = keeper.index(session)
    if actor_id not in index.position:
        raise NotFound(f"no actor with id {actor_id}")
    view = engine_view(index, index.position[actor_id], lang)
    return ProfileOut.model_validate({"actor": _ref(index, actor_id), **asdict(view)})


def _out(index: MatchIndex, consortium: engine.Consortium) -> dict[str, object]:
    return {
        "members": [_ref(index, i) for i in consortium.member_ids],
        "score": consortium.score,
        "components": consortium.components,
        "regions": consortium.regions,
        "themes": consortium.themes,
        "reasons": consortium.reasons,
    }


def _call(session: Session, call_id: int) -> Call:
    call = session.get(Call, call_id)
    if call is None:
        raise InvalidPayload.of([FieldError(field="call_id", message=f"no call with id {call_id}")])
    return call


def _call_rules(session: Session, body: ConsortiumRequestIn) -> tuple[Call, rules.ConsortiumRules]:
    """The call a proposal is for and its rules, when it is open and allows the theme."""
    assert body.call_id is not None
    call = _call(session, body.call_id)
    call_rules = call_service.rules_of(call)
    if rules.timing_violations(call_rules, utcnow()):
        raise InvalidPayload.of(
            [FieldError(field="call_id", message="the call is not open for applications now")]
        )
    if call_rules.themes is not None and body.theme not in (None, *call_rules.themes):
        open_to = ", ".join(sorted(call_rules.themes))
        raise InvalidPayload.of(
            [FieldError(field="theme", message=f"the call is open to {open_to} only")]
        )
    return call, call_rules


def propose(
    session: Session, keeper: IndexKeeper, body: ConsortiumRequestIn, lang: str = "en"
) -> ConsortiaOut:
    _check_sizes(body)
    index = keeper.index(session)
    _check_theme(index, body.theme)
    _check_actors(index, body.seed_actor_ids, "seed_actor_ids")
    asked = wanted = body.to_rules()
    call = None
    if body.call_id is not None:
        call, call_rules = _call_rules(session, body)
        wanted = rules.narrowed(asked, call_rules)
    try:
        found = engine.propose_consortia(
            index,
            wanted,
            seed_ids=tuple(body.seed_actor_ids),
            theme=body.theme,
            limit=body.limit,
            lang=lang,
        )
    except engine.Infeasible as exc:
        field = _field_of(exc.rule, asked, wanted)
        raise InvalidPayload(
            f"no consortium can meet {exc.rule}: {exc.detail}",
            [FieldError(field=field, message=exc.detail)],
        ) from exc
    consortia = [ConsortiumOut.model_validate(_out(index, c)) for c in found]
    if call is not None:
        for consortium in consortia:
            consortium.eligibility = call_service.eligibility(
                call, index, [m.id for m in consortium.members], None, lang
            )
        # The search already kept to the call's rules; this is the same check a user gets.
        consortia = [c for c in consortia if c.eligibility and c.eligibility.eligible]
    return ConsortiaOut(consortia=consortia)


def score(
    session: Session, keeper: IndexKeeper, body: ScoreRequestIn, lang: str = "en"
) -> ScoreOut:
    _check_sizes(body)
    index = keeper.index(session)
    _check_theme(index, body.theme)
    _check_actors(index, body.member_ids, "member_ids")
    call = _call(session, body.call_id) if body.call_id is not None else None
    positions = [index.position[i] for i in body.member_ids]
    theme = body.theme or engine.main_theme(index, positions)
    pool = engine.make_pool(index, positions, theme, body.region_level)
    asked = body.to_rules()
    consortium = engine.describe(index, pool, theme, tuple(range(len(positions))), asked, lang)
    broken = rules.violations(
        asked,
        engine.members_of(index, body.member_ids),
        lang=lang,
        theme_names=theme_names(index, lang),
    )
    scored = ScoreOut.model_validate({**_out(index, consortium), "violations": broken})
    if call is not None:
        # The request's own rules are `violations`; the call's are its eligibility check.
        scored.eligibility = call_service.eligibility(call, index, body.member_ids, None, lang)
    return scored


def partner_regions(
    session: Session, keeper: IndexKeeper, code: str, limit: int, lang: str = "en"
) -> PartnerRegionsOut:
    index = keeper.index(session)
    code = code.upper()
    if code not in index.regions:
        raise NotFound(f"no region with code {code}")
    ranked = ranking_region(index, code)
    used = index.regions[ranked]
    note = ranking_note(index, code, ranked, lang)
    return PartnerRegionsOut(
        region_code=code,
        ranked_as=RegionRef(code=ranked, name=used.name, level=used.level),
        note=note,
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
            for match in rank_regions(index, ranked, limit, lang)
        ],
    )
