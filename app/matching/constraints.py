"""What every proposed consortium must satisfy, in the search's terms: pool positions."""

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from app.matching.objective import Pool, distinct_per_row
from app.matching.rules import ConsortiumRules, overlap_allowed

# A rule over member sets (B x m pool positions) -> feasible mask.
ExtraRule = Callable[[Pool, np.ndarray], np.ndarray]


@dataclass(frozen=True)
class Constraints:
    seeds: tuple[int, ...] = ()  # pool positions every consortium must contain
    min_members: int = 3
    max_members: int = 5
    min_regions: int = 2
    min_countries: int = 1
    share_theme: bool = False  # every member holds the pool's theme (or one common theme)
    extra: tuple[ExtraRule, ...] = field(default=())  # must hold for a finished consortium
    # Must hold for every part of a consortium too (it can only get worse as members are
    # added), so a search may drop a partial set that breaks one.
    partial: tuple[ExtraRule, ...] = field(default=())

    def feasible(self, pool: Pool, members: np.ndarray) -> np.ndarray:
        members = np.atleast_2d(members)
        m = members.shape[1]
        ok = np.full(len(members), self.min_members <= m <= self.max_members)
        ok &= distinct_per_row(pool.region[members]) >= self.min_regions
        if self.min_countries > 1:
            countries = pool.country if pool.country is not None else np.zeros(len(pool))
            ok &= distinct_per_row(countries[members]) >= self.min_countries
        if self.share_theme:
            held_by_all = pool.themes[members].min(axis=1)  # (B, T)
            if pool.theme_column is not None:
                ok &= held_by_all[:, pool.theme_column] > 0
            else:
                ok &= held_by_all.max(axis=1) > 0
        for rule in (*self.extra, *self.partial):
            ok &= rule(pool, members)
        return ok

    def promising(self, pool: Pool, members: np.ndarray) -> np.ndarray:
        """Partial sets that may still grow into a feasible consortium."""
        ok = np.ones(len(members), dtype=bool)
        for rule in self.partial:
            ok &= rule(pool, members)
        return ok


def for_rules(rules: ConsortiumRules, seeds: tuple[int, ...] = ()) -> Constraints:
    """The search constraints of `rules` (whose member eligibility the pool already meets:
    only eligible actors are drawn into it)."""
    if rules.max_members is None:
        raise ValueError("a search needs a largest consortium size")
    return Constraints(
        seeds=seeds,
        min_members=rules.min_members,
        max_members=rules.max_members,
        min_regions=rules.min_regions,
        min_countries=rules.min_countries,
        share_theme=rules.share_theme,
    )


def overlap_rules(
    chosen: list[frozenset[int]], seeds: tuple[int, ...], max_members: int
) -> tuple[ExtraRule, ExtraRule]:
    """The diversity rule (`app.matching.rules.overlap_allowed`) against the consortia
    already chosen.

    Returns the rule for finished consortia and its partial form, which measures a partial
    set against the largest size it may reach, so it never drops a set that could pass.
    """
    seed_set = set(seeds)
    chosen_rest = [np.array(sorted(c - seed_set), dtype=np.int64) for c in chosen]

    def check(members: np.ndarray, rest_size: int) -> np.ndarray:
        ok = np.ones(len(members), dtype=bool)
        for other in chosen_rest:
            shared = np.isin(members, other).sum(axis=1)
            ok &= overlap_allowed(shared, rest_size, len(other))
        return ok

    def finished(_pool: Pool, members: np.ndarray) -> np.ndarray:
        return check(members, members.shape[1] - len(seed_set))

    def partial(_pool: Pool, members: np.ndarray) -> np.ndarray:
        return check(members, max_members - len(seed_set))

    return finished, partial
