"""The rules a consortium must meet, defined once.

A funding call's rules and a matching request's constraints are both a `ConsortiumRules`.
`violations` lists every rule a member list breaks; `narrowed` joins a request's rules
with a call's; `app.matching.constraints.for_rules` turns rules into search constraints.
Rule names are the call's field names, so every endpoint reports a rule the same way.
"""

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, TypeVar

import app.matching.rule_wording as wording

T = TypeVar("T")


@dataclass(frozen=True)
class Member:
    """What the rules read of one consortium member."""

    id: int
    name: str
    kind: str  # "cluster" | "rdi_platform"
    region_code: str
    themes: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Violation:
    rule: str
    detail: str


@dataclass(frozen=True)
class Budget:
    eu_funding: int
    cofunding_required: int
    total: int


@dataclass(frozen=True)
class ConsortiumRules:
    """Every rule is optional; the defaults admit any non-empty member list.

    `None` in an eligibility rule means "any"; an empty set admits nobody.
    """

    min_members: int = 1
    max_members: int | None = None
    min_regions: int = 1
    region_level: int | None = None  # NUTS level that counts as a region; None: the codes
    min_countries: int = 1
    eligible_countries: frozenset[str] | None = None
    eligible_region_codes: tuple[str, ...] | None = None  # NUTS prefixes
    eligible_kinds: frozenset[str] | None = None
    themes: frozenset[str] | None = None  # themes the shared theme must be among
    share_theme: bool = False  # every member works on one shared theme
    funding_min: int | None = None
    funding_max: int | None = None
    cofunding_rate: float = 0.0  # share of the total budget the partners pay
    opens_at: datetime | None = None
    closes_at: datetime | None = None

    @property
    def restricts_members(self) -> bool:
        return any(
            rule is not None
            for rule in (self.eligible_countries, self.eligible_region_codes, self.eligible_kinds)
        )

    @property
    def restricting_rule(self) -> str | None:
        """The first eligibility rule that limits who may be a member, if any."""
        for name in ("eligible_countries", "eligible_region_codes", "eligible_kinds"):
            if getattr(self, name) is not None:
                return name
        return None

    def admits(self, kind: str, region_code: str) -> bool:
        """Whether an actor of this kind and region may be a member at all."""
        return not member_violations(self, Member(0, "", kind, region_code))


# -- counting ----------------------------------------------------------------------------
def region_key(code: str, level: int | None) -> str:
    """The code of the region at `level` that contains `code` (itself if not deeper).

    Level 0 is the country.
    """
    return code if level is None else code[: 2 + level]


def distinct_regions(codes: Iterable[str], level: int | None) -> int:
    return len({region_key(code, level) for code in codes})


def shared_themes(rules: ConsortiumRules, members: Sequence[Member]) -> frozenset[str]:
    """Themes every member works on (and, when the rules name themes, among them)."""
    if not members:
        return frozenset()
    common = frozenset.intersection(*(m.themes for m in members))
    return common & rules.themes if rules.themes is not None else common


def overlap_allowed(shared: Any, size: int, other_size: int) -> Any:
    """Diversity of a proposal list: two proposals may share at most half of the smaller
    one's non-seed members. `shared` may be an int or an array of counts."""
    return 2 * shared <= min(size, other_size)


# -- checking ----------------------------------------------------------------------------
# Every check words its details in `lang` ("en" or "sv"); the rule names never change.


def plural(n: int, noun: str) -> str:
    """ "1 region", "2 regions", "3 countries"."""
    if n == 1:
        return f"{n} {noun}"
    return f"{n} {noun[:-1]}ies" if noun.endswith("y") else f"{n} {noun}s"


def size_violations(
    rules: ConsortiumRules, members: Sequence[Member], lang: str = "en"
) -> list[Violation]:
    size = len(members)
    count = wording.counted(lang, size, "member")
    out = []
    if size < rules.min_members:
        detail = wording.say(lang, "min_members", count=count, needed=rules.min_members)
        out.append(Violation("min_members", detail))
    if rules.max_members is not None and size > rules.max_members:
        detail = wording.say(lang, "max_members", count=count, allowed=rules.max_members)
        out.append(Violation("max_members", detail))
    return out


def spread_violations(
    rules: ConsortiumRules, members: Sequence[Member], lang: str = "en"
) -> list[Violation]:
    out = []
    regions = distinct_regions((m.region_code for m in members), rules.region_level)
    if regions < rules.min_regions:
        detail = wording.say(
            lang,
            "min_regions",
            count=wording.counted(lang, regions, "region"),
            level=wording.level_note(lang, rules.region_level),
            needed=rules.min_regions,
        )
        out.append(Violation("min_regions", detail))
    countries = distinct_regions((m.region_code for m in members), 0)
    if countries < rules.min_countries:
        detail = wording.say(
            lang,
            "min_countries",
            count=wording.counted(lang, countries, "country"),
            needed=rules.min_countries,
        )
        out.append(Violation("min_countries", detail))
    return out


def member_violations(rules: ConsortiumRules, member: Member, lang: str = "en") -> list[Violation]:
    """The eligibility rules one member breaks on its own."""
    out = []
    name, country = member.name, member.region_code[:2]
    if rules.eligible_countries is not None and country not in rules.eligible_countries:
        detail = wording.say(lang, "eligible_countries", name=name, country=country)
        out.append(Violation("eligible_countries", detail))
    if rules.eligible_region_codes is not None and not member.region_code.startswith(
        tuple(rules.eligible_region_codes)
    ):
        detail = wording.say(lang, "eligible_region_codes", name=name, region=member.region_code)
        out.append(Violation("eligible_region_codes", detail))
    if rules.eligible_kinds is not None and member.kind not in rules.eligible_kinds:
        kind = wording.kind_name(lang, member.kind)
        out.append(
            Violation("eligible_kinds", wording.say(lang, "eligible_kinds", name=name, kind=kind))
        )
    return out


def theme_violations(
    rules: ConsortiumRules,
    members: Sequence[Member],
    lang: str = "en",
    theme_names: Mapping[str, str] | None = None,
) -> list[Violation]:
    """`theme_names` names the call's themes in `lang` (slugs stand for themes it lacks)."""
    if not rules.share_theme or not members or shared_themes(rules, members):
        return []
    scope = wording.theme_scope(lang, rules.themes, theme_names or {})
    return [Violation("themes", wording.say(lang, "themes", scope=scope))]


def funding_violations(
    rules: ConsortiumRules, eu_funding: int | None, lang: str = "en"
) -> list[Violation]:
    out: list[Violation] = []
    if eu_funding is None:
        return out
    asked = wording.euros(lang, eu_funding)
    if rules.funding_min is not None and eu_funding < rules.funding_min:
        limit = wording.euros(lang, rules.funding_min)
        out.append(
            Violation("funding_min", wording.say(lang, "funding_min", asked=asked, limit=limit))
        )
    if rules.funding_max is not None and eu_funding > rules.funding_max:
        limit = wording.euros(lang, rules.funding_max)
        out.append(
            Violation("funding_max", wording.say(lang, "funding_max", asked=asked, limit=limit))
        )
    return out


def timing_violations(rules: ConsortiumRules, now: datetime, lang: str = "en") -> list[Violation]:
    out = []
    if rules.opens_at is not None and now < rules.opens_at:
        detail = wording.say(lang, "opens_at", date=wording.date(rules.opens_at))
        out.append(Violation("opens_at", detail))
    if rules.closes_at is not None and now > rules.closes_at:
        detail = wording.say(lang, "closes_at", date=wording.date(rules.closes_at))
        out.append(Violation("closes_at", detail))
    return out


def violations(
    rules: ConsortiumRules,
    members: Sequence[Member],
    *,
    eu_funding: int | None = None,
    now: datetime | None = None,
    lang: str = "en",
    theme_names: Mapping[str, str] | None = None,
) -> list[Violation]:
    """Every rule the member list breaks, not only the first, worded in `lang`."""
    return [
        *size_violations(rules, members, lang),
        *spread_violations(rules, members, lang),
        *(v for m in members for v in member_violations(rules, m, lang)),
        *theme_violations(rules, members, lang, theme_names),
        *funding_violations(rules, eu_funding, lang),
        *(timing_violations(rules, now, lang) if now is not None else ()),
    ]


def budget(rules: ConsortiumRules, eu_funding: int) -> Budget:
    """The partners pay `cofunding_rate` of the total: total = EU funding / (1 - rate)."""
    total = round(eu_funding / (1.0 - rules.cofunding_rate))
    return Budget(eu_funding=eu_funding, cofunding_required=total - eu_funding, total=total)


# -- joining -----------------------------------------------------------------------------
def _both(a: T | None, b: T | None, meet: Callable[[T, T], T]) -> T | None:
    if a is None:
        return b
    if b is None:
        return a
    return meet(a, b)


def narrowed(request: ConsortiumRules, call: ConsortiumRules) -> ConsortiumRules:
    """Rules that hold when both `request`'s and `call`'s hold: a proposal for a call."""
    return replace(
        call,
        min_members=max(request.min_members, call.min_members),
        max_members=_both(request.max_members, call.max_members, min),
        min_regions=max(request.min_regions, call.min_regions),
        region_level=call.region_level if call.region_level is not None else request.region_level,
        min_countries=max(request.min_countries, call.min_countries),
        eligible_countries=_both(
            request.eligible_countries, call.eligible_countries, frozenset.intersection
        ),
        eligible_region_codes=_both(
            request.eligible_region_codes, call.eligible_region_codes, _common_prefixes
        ),
        eligible_kinds=_both(request.eligible_kinds, call.eligible_kinds, frozenset.intersection),
        themes=_both(request.themes, call.themes, frozenset.intersection),
        share_theme=request.share_theme or call.share_theme,
    )


def _common_prefixes(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    """The region prefixes inside both lists (SE2 and SE23 meet in SE23)."""
    return tuple(
        sorted(
            {x for x in a for y in b if x.startswith(y)}
            | {y for x in a for y in b if y.startswith(x)}
        )
    )
