"""Partners through a shared partner (app/matching/bridges.py): in a ring of needs
A -> B -> C -> D -> A (each offers what the next seeks), A and C fit neither way, yet belong
in one consortium; an actor on the same thing that fits nobody's needs does not."""

import numpy as np
import pytest

from app.matching import consortia
from app.matching.bridges import BRIDGE_WEIGHT, ONE_WAY_CEILING, with_bridges
from app.matching.combine import FLOOR
from app.matching.learning import label_matrix
from app.matching.partners import candidates
from app.matching.rules import ConsortiumRules
from app.matching.weights import COMPONENTS, Label
from tests.matching.builders import actor, build_index

TECH = ["lignin valorisation"]


def ring_index(*extra):  # type: ignore[no-untyped-def]
    ring = [
        actor(
            1,
            "SE11",
            themes=["bioeconomy"],
            technologies=TECH,
            offers=["design"],
            seeks=["financing"],
            name="A",
        ),
        actor(
            2,
            "SE21",
            themes=["bioeconomy"],
            technologies=TECH,
            offers=["testbed"],
            seeks=["design"],
            name="B",
        ),
        actor(
            3,
            "SE22",
            themes=["bioeconomy"],
            technologies=TECH,
            offers=["training"],
            seeks=["testbed"],
            name="C",
        ),
        actor(
            4,
            "SE23",
            themes=["bioeconomy"],
            technologies=TECH,
            offers=["financing"],
            seeks=["training"],
            name="D",
        ),
        # On the same thing, fitting no member's needs, in C's region.
        actor(
            5,
            "SE22",
            themes=["bioeconomy"],
            technologies=TECH,
            offers=["data"],
            seeks=["regulatory"],
            name="Lookalike",
        ),
        # Noise, so that the shared concepts are informative.
        *[actor(10 + k, "SE33", themes=["ict"], offers=["data"]) for k in range(6)],
        *extra,
    ]
    return build_index(ring)


def test_the_member_across_the_ring_outranks_a_lookalike() -> None:
    index = ring_index()
    i = index.position[1]
    direct = index.pair_scores(i, 2)
    c, lookalike = index.position[3], index.position[5]
    # Directly, the two are alike: same closeness, no fit either way.
    assert direct.covers_query[c] == direct.covered_by_query[c] == 0
    assert direct.covers_query[lookalike] == direct.covered_by_query[lookalike] == 0
    eligible = direct.other_region > 0
    eligible[i] = False
    bridged = with_bridges(index, i, direct, eligible)
    assert bridged.bridge is not None and bridged.bridge_via is not None
    assert bridged.bridge[c] > 0 and bridged.bridge[lookalike] == 0
    assert index.ids[bridged.bridge_via[c]] in (2, 4)  # through B or D
    assert bridged.complementarity[c] > direct.complementarity[c]
    assert bridged.score[c] > bridged.score[lookalike]
    ranked = [x.actor_id for x in candidates(index, 1, limit=4)]
    assert set(ranked[:3]) == {2, 3, 4}
    assert ranked.index(3) < ranked.index(5)


def test_a_bridge_is_named_in_the_reasons() -> None:
    index = ring_index()
    found = {x.actor_id: x for x in candidates(index, 1, limit=5)}
    assert any(
        r.startswith("It fits B, which fits you") or r.startswith("It fits D, which")
        for r in found[3].reasons
    ), found[3].reasons
    assert not any("which fits you" in r for r in found[5].reasons)
    swedish = {x.actor_id: x for x in candidates(index, 1, limit=5, lang="sv")}
    assert any("som passar er" in r for r in swedish[3].reasons)


def test_a_bridged_one_way_fit_stays_below_the_two_way_tier() -> None:
    # 6 fits A both ways; 7 fits A one way, all A seeks and a platform beside A's cluster
    # (the most a one-way fit gets), and also fits B.
    index = ring_index(
        actor(
            6,
            "SE31",
            themes=["bioeconomy"],
            technologies=TECH,
            offers=["financing"],
            seeks=["design"],
            name="Two-way",
        ),
        actor(
            7,
            "SE32",
            "rdi_platform",
            themes=["bioeconomy"],
            technologies=TECH,
            offers=["financing"],
            seeks=["testbed"],
            name="One-way",
        ),
    )
    i = index.position[1]
    direct = index.pair_scores(i, 2)
    eligible = direct.other_region > 0
    eligible[i] = False
    bridged = with_bridges(index, i, direct, eligible)
    one_way, two_way = index.position[7], index.position[6]
    assert bridged.bridge is not None and bridged.bridge[one_way] > 0
    assert direct.two_way[one_way] == 0 and direct.two_way[two_way] == 1
    # The bridge would carry it past the ceiling; it is held there.
    assert (
        direct.complementarity[one_way] + BRIDGE_WEIGHT * bridged.bridge[one_way] > ONE_WAY_CEILING
    )
    assert bridged.complementarity[one_way] == np.float32(ONE_WAY_CEILING)
    assert bridged.complementarity[one_way] < bridged.complementarity[two_way]


def test_an_actor_on_another_subject_gets_no_bridge() -> None:
    # 8 fits B's needs (offers design) but shares no concept with A or B.
    index = ring_index(
        actor(
            8,
            "SE31",
            themes=["textiles"],
            technologies=["smart textiles"],
            offers=["design"],
            seeks=["testbed"],
            name="Off-theme",
        ),
    )
    i = index.position[1]
    direct = index.pair_scores(i, 2)
    eligible = direct.other_region > 0
    eligible[i] = False
    bridged = with_bridges(index, i, direct, eligible)
    assert bridged.bridge is not None
    assert bridged.bridge[index.position[8]] == 0
    assert np.isclose(bridged.score[index.position[8]], direct.score[index.position[8]])


def test_a_consortium_pool_holds_the_member_across_the_ring(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # A lookalike platform: beside A's cluster it outranks C on the direct score.
    index = ring_index(
        actor(
            9,
            "SE31",
            "rdi_platform",
            themes=["bioeconomy"],
            technologies=TECH,
            offers=["data"],
            seeks=["regulatory"],
            name="Lookalike platform",
        ),
    )
    direct = index.pair_scores(index.position[1], 2)
    assert direct.score[index.position[9]] > direct.score[index.position[3]]
    # Room for three besides the seed: B, D and one of C or a lookalike.
    monkeypatch.setattr(consortia, "POOL_SIZE", 3)
    rules = ConsortiumRules(min_members=3, max_members=4, min_regions=2, region_level=2)
    admitted = np.ones(len(index), dtype=bool)
    pool = consortia.choose_pool(index, rules, admitted, (1,), None)
    assert sorted(int(index.ids[p]) for p in pool) == [1, 2, 3, 4]


def test_a_fit_learns_from_the_scores_the_ranking_uses_bridges_included() -> None:
    index = ring_index()
    labels = [Label(1, 3, True, "key-1"), Label(1, 5, False, "key-1")]
    features = label_matrix(index, labels).features
    column = COMPONENTS.index("complementarity")
    ranked = {x.actor_id: x for x in candidates(index, 1, limit=5)}
    assert features[:, column] == pytest.approx(
        [np.log(ranked[3].complementarity + FLOOR), np.log(ranked[5].complementarity + FLOOR)],
        abs=1e-3,
    )
    assert features[0, column] > features[1, column]  # the bridge tells them apart


def test_a_bridge_alone_keeps_a_no_fit_actor_below_the_best_one_way_fit() -> None:
    from app.matching.index import NO_FIT, ONE_WAY_MAX

    # A bridge is at most 1: the most it adds to an actor fitting none of the asker's needs.
    assert NO_FIT + BRIDGE_WEIGHT < ONE_WAY_MAX
