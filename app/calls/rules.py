"""A call's eligibility rules, checked against a member list. Pure: no database."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from app.calls.models import Budget, CallFields, Violation
from app.matching.index import region_key


@dataclass(frozen=True)
class Member:
    id: int
    name: str
    kind: str
    region_code: str
    themes: frozenset[str]


def budget(call: CallFields, eu_funding: int) -> Budget:
    """The partners pay `cofunding_rate` of the total: total = EU funding / (1 - rate)."""
    total = round(eu_funding / (1.0 - call.cofunding_rate))
    return Budget(eu_funding=eu_funding, cofunding_required=total - eu_funding, total=total)


def shared_themes(call: CallFields, members: Sequence[Member]) -> frozenset[str]:
    """Themes every member works on (and the call is open to)."""
    if not members:
        return frozenset()
    common = frozenset.intersection(*(m.themes for m in members))
    return common & frozenset(call.themes) if call.themes else common


def violations(
    call: CallFields, members: Sequence[Member], eu_funding: int | None, now: datetime
) -> list[Violation]:
    """Every rule the member list breaks, not only the first."""
    out: list[Violation] = []

    def broken(rule: str, detail: str) -> None:
        out.append(Violation(rule=rule, detail=detail))

    size = len(members)
    if size < call.min_members:
        broken("min_members", f"{size} members; the call needs at least {call.min_members}")
    if call.max_members is not None and size > call.max_members:
        broken("max_members", f"{size} members; the call allows at most {call.max_members}")
    regions = {region_key(m.region_code, call.region_level) for m in members}
    if len(regions) < call.min_regions:
        level = f" (NUTS {call.region_level})" if call.region_level is not None else ""
        broken(
            "min_regions",
            f"members come from {len(regions)} region(s){level}; "
            f"the call needs at least {call.min_regions}",
        )
    countries = {m.region_code[:2] for m in members}
    if len(countries) < call.min_countries:
        broken(
            "min_countries",
            f"members come from {len(countries)} country(ies); "
            f"the call needs at least {call.min_countries}",
        )
    for m in members:
        if call.eligible_countries and m.region_code[:2] not in call.eligible_countries:
            broken(
                "eligible_countries", f"{m.name} is in {m.region_code[:2]}, not an eligible country"
            )
        if call.eligible_region_codes and not any(
            m.region_code.startswith(p) for p in call.eligible_region_codes
        ):
            broken(
                "eligible_region_codes", f"{m.name} is in {m.region_code}, not an eligible region"
            )
        if call.eligible_kinds and m.kind not in call.eligible_kinds:
            broken(
                "eligible_kinds", f"{m.name} is a {m.kind.replace('_', ' ')}, not an eligible kind"
            )
    if members and not shared_themes(call, members):
        scope = f" among the call's themes ({', '.join(call.themes)})" if call.themes else ""
        broken("themes", f"the members share no theme{scope}")
    if eu_funding is not None:
        if call.funding_min is not None and eu_funding < call.funding_min:
            broken(
                "funding_min",
                f"EUR {eu_funding:,} is below the minimum of EUR {call.funding_min:,}",
            )
        if call.funding_max is not None and eu_funding > call.funding_max:
            broken(
                "funding_max",
                f"EUR {eu_funding:,} is above the maximum of EUR {call.funding_max:,}",
            )
    if call.opens_at is not None and now < call.opens_at:
        broken("opens_at", f"the call opens on {call.opens_at.date().isoformat()}")
    if call.closes_at is not None and now > call.closes_at:
        broken("closes_at", f"the call closed on {call.closes_at.date().isoformat()}")
    return out
