"""What every proposed consortium must satisfy."""

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from app.matching.objective import Pool

# An extra rule over member sets (B x m pool positions) -> feasible mask, e.g. a call's.
ExtraRule = Callable[[Pool, np.ndarray], np.ndarray]


@dataclass(frozen=True)
class Constraints:
    seeds: tuple[int, ...] = ()  # pool positions every consortium must contain
    min_members: int = 3
    max_members: int = 5
    min_regions: int = 2
    extra: tuple[ExtraRule, ...] = field(default=())  # must hold for a finished consortium
    # Must hold for every part of a consortium too (it can only get worse as members are
    # added), so a search may drop a partial set that breaks one.
    partial: tuple[ExtraRule, ...] = field(default=())

    def feasible(self, pool: Pool, members: np.ndarray) -> np.ndarray:
        members = np.atleast_2d(members)
        m = members.shape[1]
        ok = np.full(len(members), self.min_members <= m <= self.max_members)
        regions = np.sort(pool.region[members], axis=1)
        ok &= (np.diff(regions, axis=1) != 0).sum(axis=1) + 1 >= self.min_regions
        for rule in (*self.extra, *self.partial):
            ok &= rule(pool, members)
        return ok

    def promising(self, pool: Pool, members: np.ndarray) -> np.ndarray:
        """Partial sets that may still grow into a feasible consortium."""
        ok = np.ones(len(members), dtype=bool)
        for rule in self.partial:
            ok &= rule(pool, members)
        return ok


def overlap_rules(
    chosen: list[frozenset[int]], seeds: tuple[int, ...], max_members: int
) -> tuple[ExtraRule, ExtraRule]:
    """Diversity of a proposal list: a new consortium shares at most half of the smaller
    non-seed part with any consortium already chosen.

    Returns the rule for finished consortia and its partial form, which measures a partial
    set against the largest size it may reach, so it never drops a set that could pass.
    """
    seed_set = set(seeds)
    chosen_rest = [np.array(sorted(c - seed_set), dtype=np.int64) for c in chosen]

    def check(members: np.ndarray, rest_size: int) -> np.ndarray:
        ok = np.ones(len(members), dtype=bool)
        for other in chosen_rest:
            shared = np.isin(members, other).sum(axis=1)
            ok &= shared * 2 <= min(rest_size, len(other))
        return ok

    def finished(_pool: Pool, members: np.ndarray) -> np.ndarray:
        return check(members, members.shape[1] - len(seed_set))

    def partial(_pool: Pool, members: np.ndarray) -> np.ndarray:
        return check(members, max_members - len(seed_set))

    return finished, partial
