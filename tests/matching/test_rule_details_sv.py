"""The same violations worded in Swedish: every rule's detail, with the rule's name (what a
program reads) unchanged. Worked out by hand, like the English table beside it."""

from datetime import UTC, datetime

import pytest

from app.matching.rules import ConsortiumRules, Member, Violation, violations

CLOSES = datetime(2026, 9, 30, 12, 0, tzinfo=UTC)
LATER = datetime(2027, 1, 1, tzinfo=UTC)


def m(n: int, region: str, kind: str = "cluster", themes: str = "food") -> Member:
    return Member(n, f"M{n}", kind, region, frozenset(themes.split()))


ONE = [m(1, "SE224")]
TWO_SE2 = [m(1, "SE224"), m(2, "SE232", "rdi_platform")]
NORDIC = [m(1, "SE224"), m(2, "DK011"), m(3, "FI1B1", "rdi_platform")]

CASES = [
    ("no members", ConsortiumRules(), [], {}, [
        Violation("min_members", "0 medlemmar; minst 1 behövs"),
        Violation("min_regions", "medlemmarna kommer från 0 regioner; minst 1 behövs"),
        Violation("min_countries", "medlemmarna kommer från 0 länder; minst 1 behövs"),
    ]),
    ("one member", ConsortiumRules(min_members=2), ONE, {}, [
        Violation("min_members", "1 medlem; minst 2 behövs"),
    ]),
    ("one over max_members", ConsortiumRules(max_members=1), TWO_SE2, {}, [
        Violation("max_members", "2 medlemmar; högst 1 är tillåtna"),
    ]),
    ("regions at NUTS 1", ConsortiumRules(min_regions=2, region_level=1), TWO_SE2, {}, [
        Violation("min_regions",
                  "medlemmarna kommer från 1 region (NUTS 1); minst 2 behövs"),
    ]),
    ("one country", ConsortiumRules(min_countries=2), TWO_SE2, {}, [
        Violation("min_countries", "medlemmarna kommer från 1 land; minst 2 behövs"),
    ]),
    ("eligible country", ConsortiumRules(eligible_countries=frozenset({"SE", "DK"})), NORDIC, {}, [
        Violation("eligible_countries", "M3 finns i FI, som inte är ett stödberättigat land"),
    ]),
    ("outside every region prefix", ConsortiumRules(eligible_region_codes=("SE22",)), TWO_SE2,
     {}, [Violation("eligible_region_codes",
                    "M2 finns i SE232, som inte är en stödberättigad region")]),
    ("eligible kind", ConsortiumRules(eligible_kinds=frozenset({"cluster"})), TWO_SE2, {}, [
        Violation("eligible_kinds",
                  "M2 är en FoI-plattform, som inte är en stödberättigad typ av aktör"),
    ]),
    ("a cluster not eligible", ConsortiumRules(eligible_kinds=frozenset({"rdi_platform"})), ONE,
     {}, [Violation("eligible_kinds",
                    "M1 är ett kluster, som inte är en stödberättigad typ av aktör")]),
    ("no shared theme", ConsortiumRules(share_theme=True),
     [m(1, "SE224", themes="food"), m(2, "SE110", themes="ict")], {}, [
         Violation("themes", "medlemmarna har inget gemensamt tema"),
     ]),
    ("the call's themes by their Swedish labels",
     ConsortiumRules(share_theme=True, themes=frozenset({"ict", "energy"})), TWO_SE2,
     {"theme_names": {"energy": "energi", "ict": "IKT"}}, [
         Violation("themes", "medlemmarna har inget gemensamt tema bland energi, IKT"),
     ]),
    ("funding below", ConsortiumRules(funding_min=200_000), ONE, {"eu_funding": 150_000}, [
        Violation("funding_min", "EUR 150 000 är under lägsta beloppet EUR 200 000"),
    ]),
    ("funding above", ConsortiumRules(funding_max=600_000), ONE, {"eu_funding": 1_200_000}, [
        Violation("funding_max", "EUR 1 200 000 är över högsta beloppet EUR 600 000"),
    ]),
    ("before opening", ConsortiumRules(opens_at=LATER), ONE, {"now": CLOSES}, [
        Violation("opens_at", "ansökningsperioden öppnar 2027-01-01"),
    ]),
    ("after closing", ConsortiumRules(closes_at=CLOSES), ONE, {"now": LATER}, [
        Violation("closes_at", "ansökningsperioden stängde 2026-09-30"),
    ]),
]  # fmt: skip


@pytest.mark.parametrize(("rules", "members", "context", "expected"),
                         [case[1:] for case in CASES], ids=[case[0] for case in CASES])  # fmt: skip
def test_violations_in_swedish(
    rules: ConsortiumRules,
    members: list[Member],
    context: dict[str, object],
    expected: list[Violation],
) -> None:
    assert violations(rules, members, lang="sv", **context) == expected  # type: ignore[arg-type]


def test_an_unknown_language_gets_english() -> None:
    assert violations(ConsortiumRules(min_members=2), ONE, lang="de") == [
        Violation("min_members", "1 member; at least 2 are needed")
    ]


def test_english_names_the_call_themes_by_the_labels_given() -> None:
    rules = ConsortiumRules(share_theme=True, themes=frozenset({"life-science"}))
    found = violations(rules, TWO_SE2, theme_names={"life-science": "life science"})
    assert found == [Violation("themes", "the members share no theme among life science")]
