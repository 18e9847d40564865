"""Every rule at its boundary, as a table: the exact violations (rule and wording) a member
list gets, worked out by hand. A client shows these sentences to people, so a changed word is
a changed contract."""

from datetime import UTC, datetime

import pytest

from app.matching.rules import (
    Budget,
    ConsortiumRules,
    Member,
    Violation,
    budget,
    narrowed,
    violations,
)

OPENS = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
CLOSES = datetime(2026, 9, 30, 12, 0, tzinfo=UTC)


def m(n: int, region: str, kind: str = "cluster", themes: str = "food") -> Member:
    return Member(n, f"M{n}", kind, region, frozenset(themes.split()))


ONE = [m(1, "SE224")]
TWO_SE2 = [m(1, "SE224"), m(2, "SE232", "rdi_platform")]  # one NUTS-1, two NUTS-2 regions
TRIO = [*TWO_SE2, m(3, "SE110")]
NORDIC = [m(1, "SE224"), m(2, "DK011"), m(3, "FI1B1", "rdi_platform")]

CASES = [
    ("no members", ConsortiumRules(), [], {}, [
        Violation("min_members", "0 members; at least 1 are needed"),
        Violation("min_regions", "members come from 0 regions; at least 1 are needed"),
        Violation("min_countries", "members come from 0 countries; at least 1 are needed"),
    ]),
    ("min_members met exactly", ConsortiumRules(min_members=3), TRIO, {}, []),
    ("one short of min_members", ConsortiumRules(min_members=3), TWO_SE2, {}, [
        Violation("min_members", "2 members; at least 3 are needed"),
    ]),
    ("one member", ConsortiumRules(min_members=2), ONE, {}, [
        Violation("min_members", "1 member; at least 2 are needed"),
    ]),
    ("max_members met exactly", ConsortiumRules(max_members=3), TRIO, {}, []),
    ("one over max_members", ConsortiumRules(max_members=2), TRIO, {}, [
        Violation("max_members", "3 members; at most 2 are allowed"),
    ]),
    ("regions at their own codes", ConsortiumRules(min_regions=2), TWO_SE2, {}, []),
    ("regions at NUTS 2", ConsortiumRules(min_regions=2, region_level=2), TWO_SE2, {}, []),
    ("regions at NUTS 1", ConsortiumRules(min_regions=2, region_level=1), TWO_SE2, {}, [
        Violation("min_regions", "members come from 1 region (NUTS 1); at least 2 are needed"),
    ]),
    ("regions one short", ConsortiumRules(min_regions=4), TRIO, {}, [
        Violation("min_regions", "members come from 3 regions; at least 4 are needed"),
    ]),
    ("countries met exactly", ConsortiumRules(min_countries=3), NORDIC, {}, []),
    ("countries one short", ConsortiumRules(min_countries=2), TRIO, {}, [
        Violation("min_countries", "members come from 1 country; at least 2 are needed"),
    ]),
    ("eligible country", ConsortiumRules(eligible_countries=frozenset({"SE", "DK"})), NORDIC, {}, [
        Violation("eligible_countries", "M3 is in FI, not an eligible country"),
    ]),
    ("eligible region prefix", ConsortiumRules(eligible_region_codes=("SE2", "SE11")), TRIO, {},
     []),
    ("outside every region prefix", ConsortiumRules(eligible_region_codes=("SE22",)), TWO_SE2, {},
     [Violation("eligible_region_codes", "M2 is in SE232, not an eligible region")]),
    ("eligible kind", ConsortiumRules(eligible_kinds=frozenset({"cluster"})), TWO_SE2, {}, [
        Violation("eligible_kinds", "M2 is an RDI platform, not an eligible kind"),
    ]),
    ("a kind without a name of its own", ConsortiumRules(eligible_kinds=frozenset({"cluster"})),
     [m(1, "SE224", kind="testbed")], {}, [
         Violation("eligible_kinds", "M1 is testbed, not an eligible kind"),
     ]),
    ("a cluster not eligible", ConsortiumRules(eligible_kinds=frozenset({"rdi_platform"})), ONE,
     {}, [Violation("eligible_kinds", "M1 is a cluster, not an eligible kind")]),
    ("nobody eligible", ConsortiumRules(eligible_countries=frozenset()), ONE, {}, [
        Violation("eligible_countries", "M1 is in SE, not an eligible country"),
    ]),
    ("a shared theme", ConsortiumRules(share_theme=True),
     [m(1, "SE224", themes="food health-care"), m(2, "SE110", themes="health-care")], {}, []),
    ("no shared theme", ConsortiumRules(share_theme=True),
     [m(1, "SE224", themes="food"), m(2, "SE110", themes="ict")], {}, [
         Violation("themes", "the members share no theme"),
     ]),
    ("shared theme outside the call's",
     ConsortiumRules(share_theme=True, themes=frozenset({"ict", "energy"})), TRIO, {}, [
         Violation("themes", "the members share no theme among energy, ict"),
     ]),
    ("themes unchecked without share_theme", ConsortiumRules(themes=frozenset({"ict"})), TRIO,
     {}, []),
    ("funding at both bounds", ConsortiumRules(funding_min=200_000, funding_max=200_000), ONE,
     {"eu_funding": 200_000}, []),
    ("funding one below", ConsortiumRules(funding_min=200_000), ONE, {"eu_funding": 199_999}, [
        Violation("funding_min", "EUR 199,999 is below the minimum of EUR 200,000"),
    ]),
    ("funding one above", ConsortiumRules(funding_max=600_000), ONE, {"eu_funding": 600_001}, [
        Violation("funding_max", "EUR 600,001 is above the maximum of EUR 600,000"),
    ]),
    ("funding not asked", ConsortiumRules(funding_min=200_000), ONE, {}, []),
    ("open at the opening instant", ConsortiumRules(opens_at=OPENS), ONE, {"now": OPENS}, []),
    ("before opening", ConsortiumRules(opens_at=OPENS), ONE,
     {"now": datetime(2026, 3, 1, 11, 59, tzinfo=UTC)}, [
         Violation("opens_at", "applications open on 2026-03-01"),
     ]),
    ("open at the closing instant", ConsortiumRules(closes_at=CLOSES), ONE, {"now": CLOSES}, []),
    ("after closing", ConsortiumRules(closes_at=CLOSES), ONE,
     {"now": datetime(2026, 9, 30, 12, 1, tzinfo=UTC)}, [
         Violation("closes_at", "applications closed on 2026-09-30"),
     ]),
    ("timing unchecked without now", ConsortiumRules(opens_at=OPENS, closes_at=OPENS), ONE, {},
     []),
    ("every broken rule, not only the first",
     ConsortiumRules(min_members=4, min_regions=4, eligible_kinds=frozenset({"cluster"}),
                     funding_max=1, closes_at=CLOSES), TWO_SE2,
     {"eu_funding": 2, "now": datetime(2027, 1, 1, tzinfo=UTC)}, [
         Violation("min_members", "2 members; at least 4 are needed"),
         Violation("min_regions", "members come from 2 regions; at least 4 are needed"),
         Violation("eligible_kinds", "M2 is an RDI platform, not an eligible kind"),
         Violation("funding_max", "EUR 2 is above the maximum of EUR 1"),
         Violation("closes_at", "applications closed on 2026-09-30"),
     ]),
]  # fmt: skip


@pytest.mark.parametrize(("rules", "members", "context", "expected"),
                         [case[1:] for case in CASES], ids=[case[0] for case in CASES])  # fmt: skip
def test_violations_at_each_boundary(
    rules: ConsortiumRules,
    members: list[Member],
    context: dict[str, object],
    expected: list[Violation],
) -> None:
    assert violations(rules, members, **context) == expected  # type: ignore[arg-type]


def test_admits_reads_every_eligibility_rule() -> None:
    rules = ConsortiumRules(
        eligible_countries=frozenset({"SE"}),
        eligible_region_codes=("SE2",),
        eligible_kinds=frozenset({"cluster"}),
    )
    assert rules.admits("cluster", "SE224")
    assert not rules.admits("cluster", "DK011")  # country
    assert not rules.admits("cluster", "SE110")  # region
    assert not rules.admits("rdi_platform", "SE224")  # kind
    assert ConsortiumRules().admits("rdi_platform", "FI1B1")


def test_restricting_rule_names_the_first_eligibility_rule_set() -> None:
    assert ConsortiumRules().restricting_rule is None
    assert not ConsortiumRules().restricts_members
    kinds = ConsortiumRules(eligible_kinds=frozenset({"cluster"}))
    assert kinds.restricting_rule == "eligible_kinds" and kinds.restricts_members
    both = ConsortiumRules(eligible_region_codes=("SE2",), eligible_kinds=frozenset())
    assert both.restricting_rule == "eligible_region_codes"


def test_budget_of_the_swedish_call() -> None:
    # 50 % regional co-funding: EUR 400,000 from the EU needs 400,000 more from the regions.
    assert budget(ConsortiumRules(cofunding_rate=0.5), 400_000) == Budget(400_000, 400_000, 800_000)
    quarter = budget(ConsortiumRules(cofunding_rate=0.25), 300_000)
    assert (quarter.cofunding_required, quarter.total) == (100_000, 400_000)
    assert budget(ConsortiumRules(), 5).total == 5


def test_narrowing_takes_the_stricter_of_each_rule() -> None:
    request = ConsortiumRules(
        min_members=4,
        max_members=6,
        min_regions=2,
        region_level=3,
        min_countries=1,
        eligible_countries=frozenset({"SE", "DK"}),
        eligible_region_codes=("SE2",),
        eligible_kinds=frozenset({"cluster", "rdi_platform"}),
        themes=frozenset({"food", "ict"}),
    )
    call = ConsortiumRules(
        min_members=3,
        max_members=5,
        min_regions=3,
        region_level=2,
        min_countries=2,
        eligible_countries=frozenset({"SE", "FI"}),
        eligible_region_codes=("SE23", "SE1"),
        eligible_kinds=frozenset({"cluster"}),
        themes=frozenset({"food"}),
        share_theme=True,
        funding_max=600_000,
    )
    joined = narrowed(request, call)
    assert (joined.min_members, joined.max_members) == (4, 5)
    assert (joined.min_regions, joined.region_level, joined.min_countries) == (3, 2, 2)
    assert joined.eligible_countries == {"SE"}
    assert joined.eligible_region_codes == ("SE23",)
    assert joined.eligible_kinds == {"cluster"}
    assert joined.themes == {"food"}
    assert joined.share_theme and joined.funding_max == 600_000
    # Where one side is silent, the other's rule holds; the request's level when the call has none.
    open_call = narrowed(request, ConsortiumRules())
    assert (open_call.max_members, open_call.region_level) == (6, 3)
    assert (open_call.min_members, open_call.min_countries) == (4, 1)
    assert open_call.themes == {"food", "ict"}
    assert narrowed(ConsortiumRules(min_countries=3), call).min_countries == 3
    assert open_call.eligible_region_codes == ("SE2",)
    assert narrowed(ConsortiumRules(), call).eligible_kinds == {"cluster"}
    assert not narrowed(ConsortiumRules(), ConsortiumRules()).share_theme
