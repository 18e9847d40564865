"""Consortium search: beam search from the seeds, then local search (swap, add, drop),
repeated under an overlap rule to give a diverse list.

Deterministic: ties are broken by member positions, so the same data and request give
the same answer.
"""

from dataclasses import replace

import numpy as np

from app.matching.constraints import Constraints, overlap_rules
from app.matching.objective import Pool, evaluate

BEAM_WIDTH = 12
LOCAL_SEARCH_STARTS = 8

Solution = tuple[tuple[int, ...], float]


def _score(
    pool: Pool, sets: list[tuple[int, ...]], keep: np.ndarray | None = None
) -> list[Solution]:
    """Sets (all of one size) with their scores, those where `keep` is False left out."""
    if not sets:
        return []
    scores = evaluate(pool, np.array(sets, dtype=np.int64))["score"]
    if keep is None:
        keep = np.ones(len(sets), dtype=bool)
    return [(s, float(v)) for s, v, k in zip(sets, scores, keep, strict=True) if k]


def _feasible(pool: Pool, constraints: Constraints, sets: list[tuple[int, ...]]) -> list[Solution]:
    if not sets:
        return []
    return _score(pool, sets, constraints.feasible(pool, np.array(sets, dtype=np.int64)))


def _rank(solutions: list[Solution]) -> list[Solution]:
    return sorted(solutions, key=lambda sv: (-round(sv[1], 12), sv[0]))


def _start_pairs(pool: Pool, seeds: tuple[int, ...]) -> list[tuple[int, ...]]:
    everyone = range(len(pool))
    if seeds:
        return [tuple(sorted((seeds[0], a))) for a in everyone if a != seeds[0]]
    return [(a, b) for a in everyone for b in everyone if a < b]


def _beam(pool: Pool, constraints: Constraints) -> list[Solution]:
    """Grow member sets one actor at a time, keeping the best BEAM_WIDTH of each size;
    every finished set that is feasible is a candidate."""
    seeds = tuple(sorted(constraints.seeds))
    beam = [seeds] if len(seeds) >= 2 else _start_pairs(pool, seeds)
    found: list[Solution] = []
    while beam:
        members = np.array(beam, dtype=np.int64)
        beam = [s for s, ok in zip(beam, constraints.promising(pool, members), strict=True) if ok]
        ranked = _rank(_score(pool, beam))[:BEAM_WIDTH]
        beam = [s for s, _ in ranked]
        if not beam:
            break
        size = len(beam[0])
        if size >= constraints.min_members:
            found += _feasible(pool, constraints, beam)
        if size >= constraints.max_members:
            break
        beam = sorted(
            {tuple(sorted((*s, a))) for s in beam for a in range(len(pool)) if a not in s}
        )
    return found


def _neighbours(
    state: tuple[int, ...], pool: Pool, constraints: Constraints
) -> list[tuple[int, ...]]:
    members, seeds = set(state), set(constraints.seeds)
    outside = [a for a in range(len(pool)) if a not in members]
    removable = [a for a in state if a not in seeds]
    out = {tuple(sorted(members - {r} | {a})) for r in removable for a in outside}
    if len(state) < constraints.max_members:
        out |= {tuple(sorted(members | {a})) for a in outside}
    if len(state) > max(constraints.min_members, 2):
        out |= {tuple(sorted(members - {r})) for r in removable}
    return sorted(out)


def _local_search(pool: Pool, constraints: Constraints, start: Solution) -> Solution:
    """Move to the best improving neighbour until none improves."""
    current = start
    while True:
        by_size: dict[int, list[tuple[int, ...]]] = {}
        for n in _neighbours(current[0], pool, constraints):
            by_size.setdefault(len(n), []).append(n)
        moves = [sv for group in by_size.values() for sv in _feasible(pool, constraints, group)]
        best = _rank(moves)[0] if moves else None
        if best is None or best[1] <= current[1] + 1e-12:
            return current
        current = best


def best_consortia(pool: Pool, constraints: Constraints) -> list[Solution]:
    """Feasible consortia found by beam and local search, best first."""
    starts = _rank(_beam(pool, constraints))
    found = dict(starts)
    for start in starts[:LOCAL_SEARCH_STARTS]:
        members, score = _local_search(pool, constraints, start)
        found[members] = score
    return _rank(list(found.items()))


def propose(pool: Pool, constraints: Constraints, limit: int) -> list[Solution]:
    """Up to `limit` consortia, best first; each shares at most half of its non-seed
    members with any earlier one."""
    chosen: list[Solution] = []
    while len(chosen) < limit:
        finished, partial = overlap_rules(
            [frozenset(s) for s, _ in chosen], constraints.seeds, constraints.max_members
        )
        round_constraints = replace(
            constraints,
            extra=(*constraints.extra, finished),
            partial=(*constraints.partial, partial),
        )
        solutions = best_consortia(pool, round_constraints)
        if not solutions:
            break
        chosen.append(solutions[0])
    return chosen
