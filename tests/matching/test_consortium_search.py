from dataclasses import replace

import numpy as np
import pytest

from app.matching.constraints import Constraints, overlap_rules
from app.matching.exact import solve_exact
from app.matching.objective import Pool, evaluate
from app.matching.search import best_consortia, propose
from tests.matching.random_pools import random_instance
from tests.matching.reference_objective import (
    allowed,
    brute_force,
    member_sets,
    reference_parts,
    reference_score,
)

INSTANCES = 40


def greedy(pool: Pool, constraints: Constraints) -> float:
    """Plain greedy, for contrast: add the best next member while the score grows."""
    members = list(constraints.seeds)
    best = -1.0
    while len(members) < constraints.max_members:
        options = []
        for a in range(len(pool)):
            if a in members:
                continue
            trial = sorted([*members, a])
            if len(trial) < 2:
                options.append((0.0, trial))
                continue
            options.append((float(evaluate(pool, np.array([trial]))["score"][0]), trial))
        score, members = max(options)
        if (
            len(members) >= constraints.min_members
            and constraints.feasible(pool, np.array([members]))[0]
        ):
            best = max(best, score)
    return best


def test_heuristic_is_near_optimal_on_seeded_random_instances() -> None:
    ratios, greedy_ratios = [], []
    for seed in range(INSTANCES):
        pool, constraints = random_instance(seed)
        optimum = solve_exact(pool, constraints)
        assert optimum is not None
        found = best_consortia(pool, constraints)
        members, score = found[0]
        assert constraints.feasible(pool, np.array([members]))[0]
        assert set(constraints.seeds) <= set(members)
        assert score == pytest.approx(float(evaluate(pool, np.array([members]))["score"][0]))
        ratios.append(score / optimum[1])
        greedy_ratios.append(max(greedy(pool, constraints), 0.0) / optimum[1])
    ratios_array = np.array(ratios)
    assert ratios_array.max() <= 1.0 + 1e-9  # nothing beats the exact solver
    assert ratios_array.mean() >= 0.99
    assert np.percentile(ratios_array, 5) >= 0.95
    # The search does better than plain greedy would.
    assert ratios_array.mean() > np.mean(greedy_ratios)


def test_exact_solver_respects_every_constraint() -> None:
    pool, constraints = random_instance(7)
    members, _ = solve_exact(pool, constraints) or ((), 0.0)
    assert constraints.min_members <= len(members) <= constraints.max_members
    assert len(set(pool.region[list(members)])) >= constraints.min_regions


def test_impossible_constraints_give_no_solution() -> None:
    pool, _ = random_instance(3)
    impossible = Constraints(min_members=3, max_members=3, min_regions=9)
    assert solve_exact(pool, impossible) is None
    assert best_consortia(pool, impossible) == []


def test_proposals_are_diverse_and_deterministic() -> None:
    pool, constraints = random_instance(11)
    constraints = Constraints(min_members=3, max_members=4, min_regions=2)
    first = propose(pool, constraints, limit=5)
    assert len(first) == 5
    assert first == propose(pool, constraints, limit=5)
    scores = [score for _, score in first]
    assert scores == sorted(scores, reverse=True)
    for a in range(len(first)):
        for b in range(a + 1, len(first)):
            shared = set(first[a][0]) & set(first[b][0])
            assert 2 * len(shared) <= min(len(first[a][0]), len(first[b][0]))


def test_overlap_rule_ignores_seeds() -> None:
    finished, partial = overlap_rules([frozenset({0, 1, 2})], seeds=(0,), max_members=3)
    pool, _ = random_instance(1)
    assert finished(pool, np.array([[0, 1, 5]]))[0]  # shares 1 of 2 non-seeds
    assert not finished(pool, np.array([[0, 1, 2]]))[0]
    assert partial(pool, np.array([[0, 1]]))[0]


SMALL = 11  # actors in a pool the brute-force reference scores set by set


def small_instance(seed: int) -> tuple[Pool, Constraints]:
    """The first SMALL actors of a seeded random instance, at most 5 members."""
    pool, constraints = random_instance(seed)
    cut = slice(0, SMALL)
    small = replace(
        pool,
        ids=pool.ids[cut],
        thematic=pool.thematic[cut, cut],
        complementarity=pool.complementarity[cut, cut],
        redundancy=pool.redundancy[cut, cut],
        themes=pool.themes[cut],
        offers=pool.offers[cut],
        seeks=pool.seeks[cut],
        region=pool.region[cut],
        is_cluster=pool.is_cluster[cut],
        focus=None if pool.focus is None else pool.focus[cut],
        names_focus=None if pool.names_focus is None else pool.names_focus[cut],
    )
    largest = min(constraints.max_members, 5)
    return small, replace(
        constraints,
        seeds=tuple(s for s in constraints.seeds if s < SMALL),
        min_members=min(constraints.min_members, largest),
        max_members=largest,
    )


@pytest.mark.parametrize("seed", range(12))
def test_the_objective_is_the_documented_one(seed: int) -> None:
    """evaluate() against the reference written from docs/MATCHING.md, on every member
    set of a small pool."""
    pool, _ = small_instance(seed)
    sets = [s for s in member_sets(len(pool), range(2, 6)) if len(s) != 4 or s[0] < 2]
    for size in range(2, 6):
        batch = np.array([s for s in sets if len(s) == size])
        found = evaluate(pool, batch)
        for row, members in enumerate(batch.tolist()):
            expected = reference_parts(pool, members)
            for name, value in expected.items():
                assert float(found[name][row]) == pytest.approx(value, abs=1e-6), (name, members)
            assert float(found["score"][row]) == pytest.approx(
                reference_score(pool, members), abs=1e-6
            )


def test_heuristic_and_exact_solver_against_an_independent_brute_force() -> None:
    ratios = []
    for seed in range(INSTANCES):
        pool, constraints = small_instance(seed)
        sizes = range(constraints.min_members, constraints.max_members + 1)
        reference = brute_force(pool, constraints.seeds, sizes, constraints.min_regions)
        assert reference is not None, seed
        optimum = reference[1]
        exact = solve_exact(pool, constraints)
        assert exact is not None
        assert exact[1] == pytest.approx(optimum, abs=1e-6), seed
        assert reference_score(pool, exact[0]) == pytest.approx(optimum, abs=1e-6)
        members, score = best_consortia(pool, constraints)[0]
        assert allowed(pool, members, constraints.seeds, sizes, constraints.min_regions)
        assert score == pytest.approx(reference_score(pool, members), abs=1e-6)
        ratios.append(score / optimum)
    ratios_array = np.array(ratios)
    assert ratios_array.max() <= 1.0 + 1e-6  # float32 matrices: equal up to rounding
    assert ratios_array.mean() >= 0.99
    assert np.percentile(ratios_array, 5) >= 0.95
