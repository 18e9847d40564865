"""Cases of the consortium objective small enough to work out by hand (the general check
against the documented objective is in test_consortium_search.py)."""

import numpy as np
import pytest

from app.matching.objective import Pool, evaluate


def pool(themes: int = 1, diagonal: float = 0.0) -> Pool:
    """Three actors in regions 0, 0, 1; complementarity 0.2 between any two (and
    `diagonal` with themselves, as pair scores of an actor with itself can be)."""
    complementarity = np.full((3, 3), 0.2)
    np.fill_diagonal(complementarity, diagonal)
    return Pool(
        ids=np.array([1, 2, 3]),
        thematic=np.full((3, 3), 0.4),
        complementarity=complementarity,
        redundancy=np.zeros((3, 3)),
        themes=np.ones((3, themes), dtype=np.float32),
        offers=np.zeros((3, 2), dtype=np.float32),
        seeks=np.zeros((3, 2), dtype=np.float32),
        region=np.array([0, 0, 1]),
        is_cluster=np.array([True, False, False]),
    )


def test_a_member_is_never_its_own_best_complement() -> None:
    found = evaluate(pool(diagonal=1.0), np.array([[0, 1, 2]]))
    assert float(found["complementarity"][0]) == pytest.approx(0.5 * 0.2 + 0.5 * 0.2)


def test_a_pool_without_theme_columns_scores_coherence_from_closeness_alone() -> None:
    found = evaluate(pool(themes=0), np.array([[0, 1, 2]]))
    # A third is closeness; no theme columns and no technologies leave the other thirds 0.
    assert float(found["coherence"][0]) == pytest.approx(0.4 / 3)


def test_the_regions_of_each_member_set_are_counted() -> None:
    found = evaluate(pool(), np.array([[0, 1, 2], [0, 1, 1]]))
    assert found["regions"].tolist() == [2, 1]
    assert found["diversity"].tolist() == pytest.approx([2 / 3, 1 / 3])


def test_a_member_that_only_adds_offers_nobody_seeks_does_not_pad_a_ring() -> None:
    """Actors 0-2 serve each other in a ring (0 -> 1 -> 2 -> 0 on capabilities 0-2);
    actor 3, on the same theme in a fourth region, offers three capabilities nobody
    seeks and seeks nothing. The three alone score higher than with it."""
    offers = np.zeros((4, 6), dtype=np.float32)
    seeks = np.zeros((4, 6), dtype=np.float32)
    for a in range(3):
        offers[a, a] = 1.0
        seeks[(a + 1) % 3, a] = 1.0
    offers[3, 3:] = 1.0
    four = Pool(
        ids=np.arange(1, 5),
        thematic=np.full((4, 4), 0.5),
        complementarity=np.full((4, 4), 0.3),
        redundancy=np.zeros((4, 4)),
        themes=np.ones((4, 1), dtype=np.float32),
        offers=offers,
        seeks=seeks,
        region=np.arange(4),
        is_cluster=np.array([True, False, True, False]),
    )
    found = evaluate(four, np.array([[0, 1, 2]]))
    padded = evaluate(four, np.array([[0, 1, 2, 3]]))
    assert float(found["coverage"][0]) == pytest.approx(1.0)  # every need met, all reciprocal
    assert float(padded["coverage"][0]) == pytest.approx(0.7 + 0.3 * 3 / 4)
    assert float(found["score"][0]) > float(padded["score"][0])
