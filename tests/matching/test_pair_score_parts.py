"""The parts of a pair score on cases small enough to work out by hand, from the rules in
docs/MATCHING.md and the constants named in app/matching/index.py (copied here, so a
changed constant is a difference the tests see)."""

import itertools
import math

import numpy as np
import pytest

from app.matching.index import complementarity
from tests.matching.builders import actor, build_index, region

ANY_FIT, NO_FIT, ONE_WAY_MAX, TWO_WAY_BASE, TWO_WAY_SPREAD = 0.6, 0.20, 0.42, 0.50, 0.42
KIND_MIX, RELATED, REDUNDANCY_PENALTY = 0.04, 0.04, 0.35


def complementarity_by_hand(
    covers: float, covered: float, redundancy: float, kind_mix: float, related: float
) -> float:
    def worth(share: float) -> float:  # offering anything sought is most of a direction
        return ANY_FIT + (1 - ANY_FIT) * share if share > 0 else 0.0

    gives, takes = worth(covers), worth(covered)
    if covers > 0 and covered > 0:
        core = TWO_WAY_BASE + TWO_WAY_SPREAD * (gives + takes) / 2
    else:
        core = NO_FIT + (ONE_WAY_MAX - NO_FIT) * max(gives, takes)
    value = core - REDUNDANCY_PENALTY * redundancy**2 + KIND_MIX * kind_mix + RELATED * related
    return min(max(value, 0.0), 1.0)


def test_complementarity_tiers_penalty_and_tie_breakers() -> None:
    shares = (0.0, 0.25, 0.5, 1.0)
    grid = list(itertools.product(shares, shares, (0.0, 0.5, 1.0), (0.0, 1.0), (0.0, 0.5)))
    columns = [np.array(c, dtype=np.float32) for c in zip(*grid, strict=True)]
    value, two_way = complementarity(*columns)
    assert value.tolist() == pytest.approx([complementarity_by_hand(*g) for g in grid], abs=1e-6)
    assert two_way.tolist() == [float(g[0] > 0 and g[1] > 0) for g in grid]


def small_index():  # type: ignore[no-untyped-def]
    actors = [
        # 1 seeks two things; 2 offers one of them and seeks two, one of which 1 offers.
        actor(
            1,
            "SE11",
            themes=["food", "energy"],
            offers=["sme-network", "market-access"],
            seeks=["testbed", "research"],
        ),
        actor(
            2,
            "SE22",
            "rdi_platform",
            themes=["food"],
            offers=["testbed"],
            seeks=["sme-network", "design"],
        ),
        actor(3, "SE22", "rdi_platform", themes=["ict"], offers=["sme-network"]),
        actor(4, "SE11", themes=["food"]),
        actor(5, "SE23", name="Zeta"),  # nothing but a name no one else has
    ]
    regions = [region("SE11", themes=("food",)), region("SE22", themes=("food", "energy"))]
    return build_index(actors, regions)


def test_coverage_redundancy_and_theme_shares() -> None:
    index = small_index()
    scores = index.pair_scores(index.position[1])
    at = {actor_id: index.position[actor_id] for actor_id in (1, 2, 3, 4, 5)}
    assert float(scores.covers_query[at[2]]) == pytest.approx(1 / 2)  # testbed of 2 sought
    assert float(scores.covered_by_query[at[2]]) == pytest.approx(1 / 2)  # sme-network of 2
    assert float(scores.theme[at[2]]) == pytest.approx(1 / math.sqrt(2))
    # 3 offers one of 1's two offers: cosine 1/sqrt(2); 4 offers nothing: no redundancy.
    assert float(scores.redundancy[at[3]]) == pytest.approx(1 / math.sqrt(2), abs=1e-6)
    assert float(scores.difference[at[3]]) == pytest.approx(1 - 1 / math.sqrt(2), abs=1e-6)
    assert (float(scores.redundancy[at[4]]), float(scores.difference[at[4]])) == (0.0, 0.5)
    assert scores.kind_mix[[at[2], at[4]]].tolist() == [1.0, 0.0]


def test_regional_fit_by_hand() -> None:
    """1 is in SE11 (priority food) working on food and energy: the theme its region
    backs is food. 2 (SE22, food and energy prioritised) shares food, backed on both
    sides; 4 shares it in the same region; 3 shares nothing, and SE22 backs one of 1's
    two themes."""
    index = small_index()
    scores = index.pair_scores(index.position[1])
    at = {actor_id: index.position[actor_id] for actor_id in (2, 3, 4)}
    found = {a: (float(scores.s3_support[p]), float(scores.regional[p])) for a, p in at.items()}
    assert found == {
        2: pytest.approx((1.0, 1.0)),
        3: pytest.approx((0.5, 0.75)),
        4: pytest.approx((1.0, 0.5)),
    }
    # At NUTS level 1 (SE1 and SE2), 2 is still elsewhere; at level 0 nobody is.
    assert float(index.pair_scores(index.position[1], 1).other_region[at[2]]) == 1.0
    assert float(index.pair_scores(index.position[1], 0).other_region[at[2]]) == 0.0


def test_scores_for_some_rows_are_those_rows_of_the_full_scores() -> None:
    index = small_index()
    for query in (1, 2, 5):
        full = index.pair_scores(index.position[query])
        rows = np.array([index.position[a] for a in (4, 2)])
        some = index.pair_scores(index.position[query], rows=rows)
        for name, values in vars(some).items():
            if values is None:  # the bridges, filled in for rankings only
                assert getattr(full, name) is None, name
                continue
            assert values.tolist() == pytest.approx(getattr(full, name)[rows].tolist()), name


def test_an_actor_with_nothing_to_read_is_close_to_nobody() -> None:
    index = small_index()
    me = index.position[5]
    scores = index.pair_scores(me)
    others = [p for p in range(len(index)) if p != me]
    assert scores.thematic[others].tolist() == [0.0] * len(others)
    assert scores.concepts.tolist() == [0.0] * len(index)
    assert (scores.score[others] < 0.2).all()


def test_concept_weights_are_a_smoothed_idf_of_shared_concepts() -> None:
    index = small_index()
    n = len(index)
    df = index.document_frequency
    expected = [math.log((1 + n) / (1 + d)) + 1 if d >= 2 else 0.0 for d in df.tolist()]
    assert index.concept_idf().tolist() == pytest.approx(expected, abs=1e-6)
    assert any(d >= 2 for d in df) and any(d < 2 for d in df)


def test_a_track_record_closes_part_of_the_gap_to_one() -> None:
    index = small_index()
    base = index.pair_scores(index.position[1]).score
    proven = index.with_funded({2: 3, 3: 1})
    proven.track_record_weight = 0.5
    lifted = proven.pair_scores(index.position[1]).score
    lift = np.zeros(len(index))
    lift[index.position[2]], lift[index.position[3]] = 0.5, 0.5 / 3
    assert lifted.tolist() == pytest.approx((base + lift * (1 - base)).tolist(), abs=1e-6)


def test_by_default_a_region_is_a_nuts_2_region() -> None:
    index = build_index([actor(1, "SE221"), actor(2, "SE224"), actor(3, "SE231")])
    assert index.pair_scores(0).other_region.tolist() == [0.0, 0.0, 1.0]
    assert index.pair_scores(0, 3).other_region.tolist() == [0.0, 1.0, 1.0]


def test_concept_similarity_is_the_cosine_of_idf_weighted_concept_vectors() -> None:
    index = build_index(
        [
            actor(1, "SE11", themes=["food"], technologies=["packaging"], nace_codes=["10.11"]),
            actor(2, "SE22", themes=["food"], technologies=["packaging"]),
            actor(3, "SE23", themes=["food"], nace_codes=["10.11"]),
            actor(4, "SE21", themes=["food", "energy"]),
            actor(5, "SE12", themes=["energy"], nace_codes=["35"]),
        ]
    )
    idf = index.concept_idf().astype(np.float64)

    names = {column: name for name, column in index.concept_columns.items()}

    def vector(position: int, technologies: bool = True) -> dict[int, float]:
        indices, weights = index.concept_rows.row(position)
        return {
            int(c): float(w) * float(idf[c])
            for c, w in zip(indices, weights, strict=True)
            if technologies or not names[int(c)].startswith(("tech:", "gram:", "word:"))
        }

    def cosine(a: dict[int, float], b: dict[int, float]) -> float:
        dot = sum(value * b.get(c, 0.0) for c, value in a.items())
        norms = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(
            sum(v * v for v in b.values())
        )
        return dot / norms if norms else 0.0

    partial = 0
    for query in (1, 2, 3, 4, 5):
        me = index.position[query]
        # A query naming no technology leaves the other side's out of its length.
        names_one = any(names[int(c)].startswith("tech:") for c in vector(me))
        expected = [cosine(vector(me), vector(p, names_one)) for p in range(len(index))]
        assert index.concept_similarity(me).tolist() == pytest.approx(expected, abs=1e-5)
        partial += sum(0.0 < e < 0.999 for e in expected)
    assert partial  # some pairs share part of their concepts, where the weights tell


def test_more_cases_of_the_parts_by_hand() -> None:
    index = small_index()
    at = {actor_id: index.position[actor_id] for actor_id in (1, 2, 3, 4, 5)}
    # 4 offers nothing: nothing is redundant with it, and the difference is the neutral 0.5.
    of_4 = index.pair_scores(at[4])
    assert set(of_4.difference.tolist()) == {0.5} and set(of_4.redundancy.tolist()) == {0.0}
    # 4 and 2 share food and nothing else: no related-but-missing concept between them.
    assert float(of_4.related[at[2]]) == 0.0
    # 4 works on food alone, backed by its SE11; 3 shares nothing with it, but 3's SE22
    # backs food too: S3 support is 1 of 4's 1 backed theme.
    assert float(of_4.s3_support[at[3]]) == 1.0
    # Other weights change the score through the one combination.
    weighted = index.with_weights({"thematic": 0.1, "complementarity": 0.1, "regional": 0.8})
    assert weighted.pair_scores(at[1]).score.tolist() != index.pair_scores(at[1]).score.tolist()


def test_s3_support_over_two_shared_themes() -> None:
    """1 and 2 share food and energy; SE22 prioritises both, SE11 only food: one of the
    two shared themes is backed on both sides."""
    index = build_index(
        [
            actor(1, "SE11", themes=["food", "energy"]),
            actor(2, "SE22", themes=["food", "energy"]),
            actor(3, "SE12", themes=["food"], name="Only food"),
        ],
        [
            region("SE11", themes=("food", "energy")),
            region("SE22", themes=("food",)),
            region("SE12", themes=("food",)),
        ],
    )
    assert float(index.pair_scores(0).s3_support[1]) == pytest.approx(1 / 2)
    # 3 shares food only with 1 and asks with a single theme.
    assert float(index.pair_scores(2).s3_support[0]) == pytest.approx(1.0)
