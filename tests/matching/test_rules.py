"""The one consortium-rules model: every rule checked on its own, the joining of a
request's rules with a call's, and the search constraints made from rules."""

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from app.matching.constraints import for_rules
from app.matching.objective import Pool
from app.matching.rules import (
    ConsortiumRules,
    Member,
    budget,
    distinct_regions,
    narrowed,
    overlap_allowed,
    region_key,
    violations,
)

NOW = datetime(2026, 6, 1, tzinfo=UTC)


def member(n: int, region: str, kind: str = "cluster", themes: str = "food") -> Member:
    return Member(n, f"M{n}", kind, region, frozenset(themes.split()))


SWEDISH_TRIO = [member(1, "SE224"), member(2, "SE232", "rdi_platform"), member(3, "SE110")]


def broken(rules: ConsortiumRules, members: list[Member], **kwargs: object) -> list[str]:
    return [v.rule for v in violations(rules, members, **kwargs)]  # type: ignore[arg-type]


def test_default_rules_admit_any_non_empty_list() -> None:
    assert broken(ConsortiumRules(), SWEDISH_TRIO) == []
    assert broken(ConsortiumRules(), []) == ["min_members", "min_regions", "min_countries"]


def test_size_rules_are_inclusive_bounds() -> None:
    rules = ConsortiumRules(min_members=3, max_members=3)
    assert broken(rules, SWEDISH_TRIO) == []
    assert broken(rules, SWEDISH_TRIO[:2]) == ["min_members"]
    assert broken(rules, [*SWEDISH_TRIO, member(4, "SE121")]) == ["max_members"]
    assert broken(ConsortiumRules(max_members=None), SWEDISH_TRIO * 10) == []


def test_regions_count_at_the_rules_level() -> None:
    # SE224 and SE232 are in SE2 (NUTS 1) but in different NUTS-2 regions.
    pair = SWEDISH_TRIO[:2]
    assert broken(ConsortiumRules(min_regions=2, region_level=2), pair) == []
    assert broken(ConsortiumRules(min_regions=2, region_level=1), pair) == ["min_regions"]
    assert broken(ConsortiumRules(min_regions=2), pair) == []  # their own codes differ
    detail = violations(ConsortiumRules(min_regions=3, region_level=1), pair)[0].detail
    assert "1 region (NUTS 1)" in detail and "at least 3" in detail


def test_countries_are_counted_from_the_codes() -> None:
    nordic = [member(1, "SE22"), member(2, "DK01"), member(3, "FI1B")]
    assert broken(ConsortiumRules(min_countries=3), nordic) == []
    assert broken(ConsortiumRules(min_countries=3), nordic[:2]) == ["min_countries"]
    assert broken(ConsortiumRules(min_countries=2), SWEDISH_TRIO) == ["min_countries"]


def test_each_ineligible_member_is_named_for_each_rule_it_breaks() -> None:
    rules = ConsortiumRules(
        eligible_countries=frozenset({"SE"}),
        eligible_region_codes=("SE2",),
        eligible_kinds=frozenset({"cluster"}),
    )
    found = violations(rules, [*SWEDISH_TRIO, member(4, "DK01")])
    assert [(v.rule, v.detail.split()[0]) for v in found] == [
        ("eligible_kinds", "M2"),
        ("eligible_region_codes", "M3"),
        ("eligible_countries", "M4"),
        ("eligible_region_codes", "M4"),
    ]
    assert rules.admits("cluster", "SE232")
    assert not rules.admits("rdi_platform", "SE232")
    assert not rules.admits("cluster", "SE110")


def test_none_admits_anyone_and_an_empty_set_admits_nobody() -> None:
    assert ConsortiumRules(eligible_kinds=None).admits("cluster", "SE22")
    assert not ConsortiumRules(eligible_kinds=frozenset()).admits("cluster", "SE22")
    assert not ConsortiumRules(eligible_region_codes=()).admits("cluster", "SE22")


def test_shared_theme_rule_reads_every_members_themes() -> None:
    rules = ConsortiumRules(share_theme=True)
    assert broken(rules, SWEDISH_TRIO) == []
    mixed = [*SWEDISH_TRIO[:2], member(3, "SE110", themes="ict")]
    assert broken(rules, mixed) == ["themes"]
    assert broken(ConsortiumRules(), mixed) == []  # only when the rules ask for it
    food_or_ict = [member(1, "SE22", themes="food ict"), member(2, "SE23", themes="ict")]
    assert broken(ConsortiumRules(share_theme=True, themes=frozenset({"ict"})), food_or_ict) == []
    assert broken(ConsortiumRules(share_theme=True, themes=frozenset({"food"})), food_or_ict) == [
        "themes"
    ]


def test_funding_range_is_checked_only_for_an_amount() -> None:
    rules = ConsortiumRules(funding_min=200_000, funding_max=600_000)
    assert broken(rules, SWEDISH_TRIO) == []
    assert broken(rules, SWEDISH_TRIO, eu_funding=200_000) == []
    assert broken(rules, SWEDISH_TRIO, eu_funding=600_000) == []
    assert broken(rules, SWEDISH_TRIO, eu_funding=199_999) == ["funding_min"]
    assert broken(rules, SWEDISH_TRIO, eu_funding=600_001) == ["funding_max"]


def test_the_application_window_is_checked_against_now() -> None:
    rules = ConsortiumRules(opens_at=NOW - timedelta(days=1), closes_at=NOW + timedelta(days=1))
    assert broken(rules, SWEDISH_TRIO, now=NOW) == []
    assert broken(rules, SWEDISH_TRIO, now=NOW + timedelta(days=2)) == ["closes_at"]
    assert broken(rules, SWEDISH_TRIO, now=NOW - timedelta(days=2)) == ["opens_at"]
    assert broken(rules, SWEDISH_TRIO) == []  # no clock, no window check


def test_every_broken_rule_is_listed_at_once() -> None:
    rules = ConsortiumRules(
        min_members=4, min_countries=2, eligible_kinds=frozenset({"cluster"}), funding_max=1
    )
    assert set(broken(rules, SWEDISH_TRIO, eu_funding=5)) == {
        "min_members",
        "min_countries",
        "eligible_kinds",
        "funding_max",
    }


def test_budget_from_the_cofunding_rate() -> None:
    assert budget(ConsortiumRules(cofunding_rate=0.5), 400_000).total == 800_000
    half = budget(ConsortiumRules(cofunding_rate=0.5), 400_000)
    assert (half.eu_funding, half.cofunding_required) == (400_000, 400_000)
    assert budget(ConsortiumRules(), 300_000).cofunding_required == 0


def test_narrowed_rules_hold_only_when_both_hold() -> None:
    request = ConsortiumRules(
        min_members=3, max_members=5, min_regions=2, eligible_kinds=frozenset({"cluster"})
    )
    call = ConsortiumRules(
        min_members=4,
        max_members=None,
        min_regions=1,
        region_level=2,
        eligible_kinds=frozenset({"cluster", "rdi_platform"}),
        eligible_region_codes=("SE2", "SE11"),
        share_theme=True,
        funding_max=600_000,
    )
    both = narrowed(request, call)
    assert (both.min_members, both.max_members, both.min_regions) == (4, 5, 2)
    assert both.region_level == 2
    assert both.eligible_kinds == frozenset({"cluster"})
    assert both.eligible_region_codes == ("SE2", "SE11")  # the call's own
    assert both.share_theme and both.funding_max == 600_000
    assert narrowed(ConsortiumRules(region_level=1), ConsortiumRules()).region_level == 1
    disjoint = narrowed(
        ConsortiumRules(eligible_kinds=frozenset({"cluster"})),
        ConsortiumRules(eligible_kinds=frozenset({"rdi_platform"})),
    )
    assert not disjoint.admits("cluster", "SE22") and not disjoint.admits("rdi_platform", "SE22")
    prefixes = narrowed(
        ConsortiumRules(eligible_region_codes=("SE23",)),
        ConsortiumRules(eligible_region_codes=("SE2",)),
    )
    assert prefixes.eligible_region_codes == ("SE23",)


def test_region_keys_and_counts() -> None:
    assert region_key("SE232", 2) == "SE23"
    assert region_key("SE232", 0) == "SE"
    assert region_key("SE23", 3) == "SE23"
    assert region_key("SE232", None) == "SE232"
    assert distinct_regions(["SE224", "SE232", "SE231"], 2) == 2
    assert distinct_regions(["SE224", "SE232", "SE231"], None) == 3


def test_overlap_rule_allows_at_most_half_of_the_smaller() -> None:
    assert overlap_allowed(1, 2, 4)
    assert not overlap_allowed(2, 3, 4)
    assert overlap_allowed(2, 4, 4)
    assert list(overlap_allowed(np.array([0, 1, 2]), 2, 3)) == [True, True, False]


def _pool(regions: list[int], countries: list[int], themes: list[list[int]]) -> Pool:
    n = len(regions)
    zeros = np.zeros((n, n))
    return Pool(
        ids=np.arange(1, n + 1),
        thematic=zeros,
        complementarity=zeros,
        redundancy=zeros,
        themes=np.array(themes, dtype=np.float32),
        offers=np.zeros((n, 1)),
        seeks=np.zeros((n, 1)),
        region=np.array(regions),
        is_cluster=np.ones(n, dtype=bool),
        country=np.array(countries),
    )


def test_search_constraints_carry_every_set_level_rule() -> None:
    pool = _pool(
        regions=[0, 1, 2, 3], countries=[0, 0, 1, 1], themes=[[1, 0], [1, 1], [1, 0], [0, 1]]
    )
    rules = ConsortiumRules(min_members=2, max_members=3, min_regions=2, min_countries=2)
    constraints = for_rules(rules, seeds=(0,))
    assert constraints.seeds == (0,)
    sets = np.array([[0, 1], [0, 2], [0, 3]])
    assert list(constraints.feasible(pool, sets)) == [False, True, True]
    themed = for_rules(ConsortiumRules(min_members=2, max_members=3, share_theme=True))
    assert list(themed.feasible(pool, sets)) == [True, True, False]
    assert not constraints.feasible(pool, np.array([[0, 1, 2, 3]]))[0]  # over max_members
    with pytest.raises(ValueError):
        for_rules(ConsortiumRules(max_members=None))


def test_counted_nouns_in_english() -> None:
    from app.matching.rules import plural

    assert [plural(1, "country"), plural(2, "country"), plural(0, "region")] == [
        "1 country",
        "2 countries",
        "0 regions",
    ]
