"""Seeded random consortium instances for measuring the heuristic against the optimum."""

from dataclasses import replace

import numpy as np

from app.matching.constraints import Constraints
from app.matching.objective import Pool


def _symmetric(rng: np.random.Generator, size: int, density: float = 1.0) -> np.ndarray:
    values = rng.random((size, size)) * (rng.random((size, size)) < density)
    upper = np.triu(values, 1)
    return upper + upper.T


def random_instance(seed: int) -> tuple[Pool, Constraints]:
    """A pool of 12-30 actors and constraints of 3-6 members, sometimes with a seed."""
    rng = np.random.default_rng(seed)
    size = int(rng.integers(12, 31))
    themes, capabilities = 6, 10
    pool = Pool(
        ids=np.arange(size) + 1000,
        thematic=_symmetric(rng, size),
        complementarity=_symmetric(rng, size),
        redundancy=_symmetric(rng, size, density=0.2),
        themes=(rng.random((size, themes)) < 0.3).astype(np.float32),
        offers=(rng.random((size, capabilities)) < 0.3).astype(np.float32),
        seeks=(rng.random((size, capabilities)) < 0.2).astype(np.float32),
        region=rng.integers(0, 5, size),
        is_cluster=rng.random(size) < 0.5,
        theme_column=int(rng.integers(0, themes)) if rng.random() < 0.5 else None,
    )
    largest = int(rng.integers(3, 7))
    seeds = tuple(int(s) for s in rng.choice(size, size=int(rng.integers(0, 2)), replace=False))
    constraints = Constraints(
        seeds=seeds,
        min_members=int(rng.integers(3, largest + 1)),
        max_members=largest,
        min_regions=int(rng.integers(2, 4)),
    )
    # Drawn last, so the draws above are those of instances without technologies.
    focus = rng.random((size, 4)) < 0.25
    names = focus.any(axis=1) | (rng.random(size) < 0.3)
    return replace(pool, focus=focus.astype(np.float32), names_focus=names), constraints
