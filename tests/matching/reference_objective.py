"""An independent reference for the consortium objective: written from its description in
docs/MATCHING.md ("A consortium"), one member set at a time with plain Python sets and
loops, sharing no code with app.matching.objective, and a brute force over every member
set of a small pool. The heuristic and the exact solver are measured against it."""

from collections.abc import Iterator, Sequence
from itertools import combinations

from app.matching.objective import Pool

# The documented weights, copied by hand rather than imported, so a changed weight in the
# code is a difference the tests see.
DOCUMENTED = {
    "coherence": 0.40,
    "coverage": 0.25,
    "complementarity": 0.10,
    "diversity": 0.25,
    "redundancy": -0.25,
}


def _set(row: Sequence[float]) -> set[int]:
    return {k for k, value in enumerate(row) if value > 0}


def _mean(values: list[float]) -> float:
    return sum(values) / len(values)


def _shared_focus(pool: Pool, members: list[int]) -> float:
    """The largest share of members naming one technology: a pool's `focus` columns are
    the technologies two or more of its actors name, `names_focus` whether an actor names
    any (one named by a single member counts that member)."""
    most = 0
    if pool.focus is not None:
        for column in range(pool.focus.shape[1]):
            most = max(most, sum(1 for a in members if pool.focus[a, column] > 0))
    if most == 0 and pool.names_focus is not None and any(pool.names_focus[a] for a in members):
        most = 1
    return most / len(members)


def reference_parts(pool: Pool, members: Sequence[int]) -> dict[str, float]:
    """Each documented component of one member set (pool positions)."""
    members = list(members)
    m = len(members)
    pairs = list(combinations(members, 2))
    offers = {a: _set(pool.offers[a].tolist()) for a in members}
    seeks = {a: _set(pool.seeks[a].tolist()) for a in members}
    themes = {a: _set(pool.themes[a].tolist()) for a in members}

    # Coherence: members on the consortium theme (the requested one, else the theme most
    # members share), how close the pairs are, and the largest share of members naming
    # one specific technology.
    n_themes = pool.themes.shape[1]
    holding = [sum(t in themes[a] for a in members) for t in range(n_themes)]
    if pool.theme_column is not None:
        on_theme = holding[pool.theme_column]
    else:
        on_theme = max(holding, default=0)
    closeness = _mean([float(pool.thematic[a, b]) for a, b in pairs])
    coherence = (on_theme / m + closeness + _shared_focus(pool, members)) / 3

    # Coverage: needs met inside, members that both give and take.
    sought = set().union(*seeks.values())
    # A need counts as met when a member other than one that seeks it offers it.
    met_needs = {
        k
        for k in sought
        if any(k in offers[b] for a in members if k in seeks[a] for b in members if b != a)
    }
    met = len(met_needs) / len(sought) if sought else 0.5

    def gives(a: int) -> bool:
        return any(offers[a] & seeks[b] for b in members if b != a)

    def takes(a: int) -> bool:
        return any(seeks[a] & offers[b] for b in members if b != a)

    reciprocity = sum(gives(a) and takes(a) for a in members) / m
    coverage = 0.7 * met + 0.3 * reciprocity

    # Complementarity: the pairs, and each member's best complement inside.
    pair_mean = _mean([float(pool.complementarity[a, b]) for a, b in pairs])
    best = _mean(
        [max(float(pool.complementarity[a, b]) for b in members if b != a) for a in members]
    )
    complementarity = 0.5 * pair_mean + 0.5 * best

    diversity = len({int(pool.region[a]) for a in members}) / m
    redundancy = _mean([float(pool.redundancy[a, b]) for a, b in pairs])
    return {
        "coherence": coherence,
        "coverage": coverage,
        "complementarity": complementarity,
        "diversity": diversity,
        "redundancy": redundancy,
    }


def reference_score(pool: Pool, members: Sequence[int]) -> float:
    parts = reference_parts(pool, members)
    return max(sum(DOCUMENTED[name] * value for name, value in parts.items()), 0.0)


def allowed(
    pool: Pool, members: Sequence[int], seeds: Sequence[int], sizes: range, min_regions: int
) -> bool:
    return (
        len(members) in sizes
        and set(seeds) <= set(members)
        and len({int(pool.region[a]) for a in members}) >= min_regions
    )


def member_sets(pool_size: int, sizes: range) -> Iterator[tuple[int, ...]]:
    for size in sizes:
        yield from combinations(range(pool_size), size)


def brute_force(
    pool: Pool, seeds: Sequence[int], sizes: range, min_regions: int
) -> tuple[tuple[int, ...], float] | None:
    """The best allowed member set and its reference score (None: nothing allowed)."""
    best: tuple[tuple[int, ...], float] | None = None
    for members in member_sets(len(pool), sizes):
        if allowed(pool, members, seeds, sizes, min_regions):
            score = reference_score(pool, members)
            if best is None or score > best[1]:
                best = (members, score)
    return best
