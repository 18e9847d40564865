from app.reference import nace, nuts


def test_nuts_lookup_fills_level_country_and_parent() -> None:
    region = nuts.lookup("SE232")
    assert region is not None
    assert (region.level, region.country_code, region.parent_code) == (3, "SE", "SE23")
    assert nuts.lookup("SE99") is None
    assert nuts.lookup("UKI3") is None  # not part of NUTS 2024


def test_sweden_has_eight_nuts2_regions() -> None:
    nuts2 = [r.code for r in nuts.regions_of_country("SE") if r.level == 2 and not r.extra_regio]
    assert nuts2 == ["SE11", "SE12", "SE21", "SE22", "SE23", "SE31", "SE32", "SE33"]


def test_nace_accepts_every_level_of_rev_2_1() -> None:
    for code in ("C", "26", "26.1", "26.11", "62.10"):
        assert nace.problem_with(code) is None, code


def test_nace_rejects_codes_rev_2_1_dropped() -> None:
    problem = nace.problem_with("62.01")
    assert problem is not None and "Rev. 2.1" in problem
    assert nace.problem_with("2611") is not None
    assert nace.problem_with("Z") is not None


def test_section_filter_expands_to_divisions() -> None:
    prefixes = nace.filter_prefixes("C")
    assert "26" in prefixes and "10" in prefixes and "62" not in prefixes
