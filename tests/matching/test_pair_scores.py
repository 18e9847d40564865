import numpy as np
import pytest

from app.matching.explain import pair_reasons
from app.matching.index import OFF_THEME, THEMATIC_WEIGHTS, MatchIndex
from app.matching.partners import candidates
from tests.matching.builders import actor, build_index, region

REGIONS = [
    region("SE22", "Sydsverige", ("food",)),
    region("SE23", "Västsverige", ("food", "textiles")),
    region("SE11", "Stockholm", ("ict",)),
    region("SE12", "Östra Mellansverige", ("life-science",)),
]


def scores_of(index: MatchIndex, asking: int, region_level: int | None = 2):  # type: ignore[no-untyped-def]
    return index.pair_scores(index.position[asking], region_level)


def test_thematic_rewards_shared_themes_nace_prefixes_and_similar_text() -> None:
    index = build_index(
        [
            actor(1, "SE22", themes=["food"], nace_codes=["10.51"], description="Mejeri och ost"),
            actor(2, "SE23", themes=["food"], nace_codes=["10.52"], description="Glass och mejeri"),
            actor(3, "SE23", themes=["food"], nace_codes=["10"], description="Bageri"),
            actor(
                4, "SE23", themes=["ict"], nace_codes=["62.10"], description="Software for banks"
            ),
        ],
        REGIONS,
    )
    s = scores_of(index, 1)
    p = index.position
    assert s.theme[p[2]] == 1.0 and s.theme[p[4]] == 0.0
    # 10.51 and 10.52 share group 10.5; 10 is only the division; 62.10 shares nothing.
    assert s.concepts[p[2]] > s.concepts[p[3]] > s.concepts[p[4]] == 0.0
    assert s.text[p[2]] > s.text[p[4]]
    assert s.thematic[p[2]] > s.thematic[p[3]] > s.thematic[p[4]]
    assert np.all((s.thematic >= 0) & (s.thematic <= 1.0001))


def test_text_similarity_works_across_swedish_and_english() -> None:
    index = build_index(
        [
            actor(1, "SE22", description="Kluster för livsmedel och förpackningar"),
            actor(2, "SE23", description="Cluster for food and packaging companies"),
            actor(3, "SE23", description="Cluster for software and games"),
        ],
        REGIONS,
    )
    s = scores_of(index, 1)
    assert s.theme[index.position[2]] == 1.0  # both read as food
    assert s.thematic[index.position[2]] > s.thematic[index.position[3]]


def test_complementarity_counts_both_directions_and_kind_mix() -> None:
    index = build_index(
        [
            actor(1, "SE22", themes=["food"], offers=["sme-network"], seeks=["testbed"]),
            actor(
                2,
                "SE23",
                "rdi_platform",
                themes=["food"],
                offers=["testbed"],
                seeks=["sme-network"],
            ),
            actor(
                3, "SE23", "rdi_platform", themes=["food"], offers=["testbed"], seeks=["financing"]
            ),
            actor(4, "SE23", themes=["food"], offers=["sme-network"], seeks=["testbed"]),
        ],
        REGIONS,
    )
    s = scores_of(index, 1)
    p = index.position
    assert s.covers_query[p[2]] == 1.0 and s.covered_by_query[p[2]] == 1.0
    assert s.covers_query[p[3]] == 1.0 and s.covered_by_query[p[3]] == 0.0
    assert s.kind_mix[p[2]] == 1.0 and s.kind_mix[p[4]] == 0.0
    assert s.complementarity[p[2]] > s.complementarity[p[3]] > s.complementarity[p[4]]
    assert s.difference[p[4]] == 0.0  # a twin offers the very same


def test_regional_needs_another_region_and_rewards_s3_support() -> None:
    index = build_index(
        [
            actor(1, "SE22", themes=["food"]),
            actor(2, "SE23", themes=["food"]),  # Västsverige prioritises food
            actor(3, "SE11", themes=["food"]),  # Stockholm does not
            actor(4, "SE22", themes=["food"]),  # same region
        ],
        REGIONS,
    )
    s = scores_of(index, 1)
    p = index.position
    assert (s.other_region[p[2]], s.s3_support[p[2]], s.regional[p[2]]) == (1.0, 1.0, 1.0)
    assert (s.other_region[p[3]], s.s3_support[p[3]], s.regional[p[3]]) == (1.0, 0.0, 0.5)
    assert s.other_region[p[4]] == 0.0


def test_the_final_score_needs_closeness_and_complementarity() -> None:
    index = build_index(
        [
            actor(
                1, "SE22", themes=["food"], offers=["sme-network"], seeks=["testbed", "research"]
            ),
            # the right partner: same theme, offers what 1 seeks
            actor(2, "SE23", "rdi_platform", themes=["food"], offers=["testbed", "research"]),
            # redundant twin: same theme, same offers and seeks, another region
            actor(
                3, "SE23", themes=["food"], offers=["sme-network"], seeks=["testbed", "research"]
            ),
            # off-theme complement: offers what 1 seeks, but on ICT
            actor(4, "SE11", "rdi_platform", themes=["ict"], offers=["testbed", "research"]),
        ],
        REGIONS,
    )
    ranked = [c.actor_id for c in candidates(index, 1, limit=3)]
    assert ranked[0] == 2
    assert set(ranked[1:]) == {3, 4}
    s = scores_of(index, 1)
    traps = max(s.score[index.position[3]], s.score[index.position[4]])
    assert s.score[index.position[2]] > 1.5 * traps


def test_candidates_never_include_the_actor_and_respect_filters() -> None:
    index = build_index(
        [
            actor(1, "SE22", themes=["food"]),
            actor(2, "SE22", themes=["food"]),
            actor(3, "SE23", "rdi_platform", themes=["food"]),
            actor(4, "SE23", themes=["textiles"]),
        ],
        REGIONS,
    )
    assert 1 not in [c.actor_id for c in candidates(index, 1, other_regions_only=False)]
    assert {c.actor_id for c in candidates(index, 1)} == {3, 4}
    assert [c.actor_id for c in candidates(index, 1, kind="rdi_platform")] == [3]
    assert [c.actor_id for c in candidates(index, 1, theme="textiles")] == [4]
    assert 2 in [c.actor_id for c in candidates(index, 1, other_regions_only=False)]


def test_reasons_name_themes_capabilities_kinds_and_regions() -> None:
    index = build_index(
        [
            actor(
                1,
                "SE22",
                themes=["food"],
                nace_codes=["10.1"],
                offers=["sme-network"],
                seeks=["testbed"],
            ),
            actor(
                2,
                "SE23",
                "rdi_platform",
                themes=["food"],
                nace_codes=["10"],
                offers=["testbed"],
                seeks=["sme-network"],
            ),
        ],
        REGIONS,
    )
    i, j = index.position[1], index.position[2]
    reasons = pair_reasons(index, i, j, index.pair_scores(i))
    assert "Both work on food" in reasons
    assert "Both are active in NACE 10" in reasons
    assert "It offers testbed, which you seek" in reasons
    assert "You offer SME network, which it seeks" in reasons
    assert "An RDI platform next to your cluster" in reasons
    assert "It is in Västsverige, another region" in reasons
    assert "Sydsverige and Västsverige both list food among their S3 priorities" in reasons


def test_twin_reason_warns_of_sameness() -> None:
    index = build_index(
        [
            actor(1, "SE22", themes=["food"], offers=["testbed"]),
            actor(2, "SE23", themes=["food"], offers=["testbed"]),
        ],
        REGIONS,
    )
    i, j = index.position[1], index.position[2]
    assert "It offers much the same as you (testbed)" in pair_reasons(
        index, i, j, index.pair_scores(i)
    )


def test_related_concepts_are_learned_from_co_occurrence() -> None:
    # energy and offshore go together in most actors; a partner on energy that is also
    # strong in offshore works on something related to, but missing from, an energy actor.
    actors = [actor(k, "SE23", themes=["energy", "offshore"]) for k in range(1, 6)]
    actors += [
        actor(10, "SE22", themes=["energy"]),
        actor(11, "SE11", themes=["energy", "offshore"]),
    ]
    actors += [actor(12, "SE11", themes=["textiles"]), actor(13, "SE11", themes=["offshore"])]
    index = build_index(actors, REGIONS)
    s = scores_of(index, 10)
    assert s.related[index.position[11]] > 0.5
    assert s.related[index.position[12]] == 0.0
    # Off-theme (nothing shared): relatedness may not lift it at all.
    assert s.related[index.position[13]] == 0.0
    assert index.related_concepts(index.position[10], index.position[11])[0][:2] == (
        "offshore",
        "energy",
    )


def test_a_rare_shared_technology_outweighs_a_broad_shared_theme() -> None:
    # life science is everywhere; biobanking is shared by two actors only.
    actors = [actor(k, "SE11", themes=["life-science"]) for k in range(10, 30)]
    actors += [
        actor(1, "SE22", themes=["life-science"], technologies=["biobanking"]),
        actor(2, "SE23", themes=["food"], description="Forskning med fokus på biobanker."),
        actor(3, "SE23", themes=["life-science"]),
    ]
    index = build_index(actors, REGIONS)
    s = scores_of(index, 1)
    p = index.position
    assert s.concepts[p[2]] > s.concepts[p[3]] > 0
    focus = index.shared_concepts(p[1], p[2])
    assert focus[0][0] == "tech:biobank"


def test_technology_words_shared_across_themes_count_less_than_on_one_theme() -> None:
    # "digital twins" for a city and for a factory share words, not a subject.
    needs = {"offers": ["testbed"], "seeks": ["design"]}
    index = build_index(
        [
            actor(1, "SE22", themes=["urban-development"], technologies=["urban digital twins"]),
            actor(2, "SE23", themes=["ict"], technologies=["digital twins"], **needs),
            actor(
                3, "SE11", themes=["urban-development"], technologies=["3D city models"], **needs
            ),
            actor(4, "SE12", technologies=["digital twins"], **needs),  # names no theme
        ],
        REGIONS,
    )
    s = scores_of(index, 1)
    p = index.position
    assert s.concepts[p[2]] > s.concepts[p[3]]  # alike words...
    assert s.thematic[p[3]] > s.thematic[p[2]]  # ...but another subject
    # Only themes named on both sides can differ: an actor naming none is judged by its
    # words alone, and its words are the closest.
    assert s.thematic[p[4]] > s.thematic[p[3]]


def test_themes_often_named_together_are_not_other_subjects() -> None:
    # Offshore and energy go together in most of these actors: related themes.
    both = [actor(k, "SE11", themes=["offshore", "energy"]) for k in range(10, 20)]
    index = build_index(
        [
            *both,
            actor(1, "SE22", themes=["offshore"], technologies=["floating wind foundations"]),
            actor(2, "SE23", themes=["energy"], technologies=["floating wind foundations"]),
            actor(3, "SE23", themes=["ict"], technologies=["floating wind foundations"]),
        ],
        REGIONS,
    )
    s = scores_of(index, 1)
    p = index.position
    unhalved = THEMATIC_WEIGHTS["concepts"] * s.concepts + THEMATIC_WEIGHTS["text"] * s.text
    assert s.thematic[p[2]] == pytest.approx(unhalved[p[2]])
    assert s.thematic[p[3]] == pytest.approx(OFF_THEME * unhalved[p[3]])


def test_a_two_way_fit_outranks_any_one_way_fit_of_equal_closeness() -> None:
    index = build_index(
        [
            actor(
                1, "SE22", themes=["food"], offers=["sme-network"], seeks=["testbed", "research"]
            ),
            # offers one of two sought things and seeks what 1 offers: two-way, half covered
            actor(2, "SE23", themes=["food"], offers=["testbed"], seeks=["sme-network"]),
            # offers everything 1 seeks, seeks nothing 1 offers: one-way, fully covered
            actor(3, "SE23", themes=["food"], offers=["testbed", "research"], seeks=["design"]),
        ],
        REGIONS,
    )
    s = scores_of(index, 1)
    p = index.position
    assert s.thematic[p[2]] == s.thematic[p[3]]
    assert (s.two_way[p[2]], s.two_way[p[3]]) == (1.0, 0.0)
    assert s.complementarity[p[2]] > s.complementarity[p[3]]
    assert s.score[p[2]] > s.score[p[3]]


def test_offering_the_same_is_a_penalty_not_neutral() -> None:
    index = build_index(
        [
            actor(1, "SE22", themes=["food"], offers=["testbed"], seeks=["design"]),
            actor(2, "SE23", themes=["food"], offers=["testbed"], seeks=["design"]),  # twin
            actor(3, "SE23", themes=["food"], offers=["training"], seeks=["financing"]),
            # Offers the same, but seeks otherwise: it competes for fewer partners.
            actor(4, "SE23", themes=["food"], offers=["testbed"], seeks=["financing"]),
        ],
        REGIONS,
    )
    s = scores_of(index, 1)
    p = index.position
    assert s.redundancy[p[2]] == 1.0
    assert s.redundancy[p[4]] == pytest.approx(0.5)
    assert s.complementarity[p[2]] < s.complementarity[p[4]] < s.complementarity[p[3]]


def test_redundancy_weighs_how_alike_the_needs_are() -> None:
    index = build_index(
        [
            actor(1, "SE22", themes=["food"], offers=["testbed"], seeks=["design", "financing"]),
            actor(2, "SE23", themes=["food"], offers=["testbed"], seeks=["design"]),
            actor(3, "SE23", themes=["food"], offers=["testbed"]),  # needs unknown
            actor(4, "SE11", themes=["food"], offers=["testbed"]),
        ],
        REGIONS,
    )
    p = index.position
    s = scores_of(index, 1)
    # Seek cosine 1/sqrt(2): redundancy 1 - 0.5 * (1 - 0.7071).
    assert s.redundancy[p[2]] == pytest.approx(1 - 0.5 * (1 - 2**-0.5), abs=1e-6)
    # Unknown needs, on either side, count as the same.
    assert s.redundancy[p[3]] == pytest.approx(1.0)
    assert scores_of(index, 4).redundancy[p[2]] == pytest.approx(1.0)


def test_reasons_name_the_specific_shared_focus_and_both_needs_in_swedish() -> None:
    actors = [actor(k, "SE11", themes=["life-science"]) for k in range(10, 20)]
    actors += [
        actor(
            1,
            "SE22",
            themes=["life-science"],
            technologies=["biobanking"],
            offers=["sme-network"],
            seeks=["testbed"],
        ),
        actor(
            2,
            "SE23",
            "rdi_platform",
            themes=["life-science"],
            technologies=["biobanking"],
            offers=["testbed"],
            seeks=["sme-network"],
        ),
    ]
    index = build_index(actors, REGIONS)
    i, j = index.position[1], index.position[2]
    english = pair_reasons(index, i, j, index.pair_scores(i))
    assert english[0] == "Both work on biobanking and life science"
    assert "It offers testbed, which you seek" in english
    assert "You offer SME network, which it seeks" in english
    swedish = pair_reasons(index, i, j, index.pair_scores(i), "sv")
    assert swedish[0] == "Båda arbetar med biobanking och life science"
    assert "Den erbjuder testbädd, som ni söker" in swedish
    assert "Ni erbjuder nätverk av små och medelstora företag, som den söker" in swedish
