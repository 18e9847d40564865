"""Exact reference solver: every member set of the pool, scored in vectorised batches.

Meant for small pools (the tests use up to 30 actors and 6 members, about 600,000 sets);
the heuristic is measured against it.
"""

from collections.abc import Iterator
from itertools import combinations

import numpy as np

from app.matching.constraints import Constraints
from app.matching.objective import Pool, evaluate

BATCH = 50_000


def solve_exact(pool: Pool, constraints: Constraints) -> tuple[tuple[int, ...], float] | None:
    """The best feasible member set (pool positions, sorted) and its score, or None."""
    seeds = tuple(sorted(constraints.seeds))
    others = [p for p in range(len(pool)) if p not in set(seeds)]
    best: tuple[tuple[int, ...], float] | None = None
    for size in range(max(constraints.min_members, 2, len(seeds)), constraints.max_members + 1):
        rest = size - len(seeds)
        if rest < 0 or rest > len(others):
            continue
        combos = combinations(others, rest)
        while True:
            chunk = [seeds + c for c in _take(combos, BATCH)]
            if not chunk:
                break
            members = np.array(chunk, dtype=np.int64).reshape(len(chunk), size)
            scores = evaluate(pool, members)["score"]
            scores = np.where(constraints.feasible(pool, members), scores, -np.inf)
            k = int(np.argmax(scores))
            candidate = (tuple(sorted(int(x) for x in members[k])), float(scores[k]))
            if np.isfinite(candidate[1]) and (best is None or _better(candidate, best)):
                best = candidate
    return best


def _better(a: tuple[tuple[int, ...], float], b: tuple[tuple[int, ...], float]) -> bool:
    return a[1] > b[1] + 1e-12 or (abs(a[1] - b[1]) <= 1e-12 and a[0] < b[0])


def _take(iterator: Iterator[tuple[int, ...]], n: int) -> list[tuple[int, ...]]:
    out = []
    for item in iterator:
        out.append(item)
        if len(out) == n:
            break
    return out
