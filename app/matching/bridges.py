"""Partners through a shared partner: an actor that fits none of your needs directly may
still belong with you, because it fits the needs of one of your own complements and works
on the same specific thing. Three such actors make a consortium whose members cover each
other's needs in a ring (A serves B, B serves C, C serves A), where no pair fits both ways.

Only the top of a ranking is looked at (a few extra pair computations over a short pool),
and the lift stays inside complementarity's tiers: it never carries a one-way fit up to
the two-way tier, so a partner that fits both ways still outranks it.
"""

from dataclasses import replace

import numpy as np

from app.matching.index import ONE_WAY_MAX, TIE_BREAKERS, MatchIndex, PairScores

POOL = 60  # the top of the direct ranking that may gain a bridge
ANCHORS = 3  # the asker's best complements the bridges go through
# The most a bridge adds to complementarity: with nothing else, it takes a no-fit actor
# (0.20) to the level of a fair one-way fit.
BRIDGE_WEIGHT = 0.18
# A bridged one-way fit stays below the two-way tier.
ONE_WAY_CEILING = ONE_WAY_MAX + sum(TIE_BREAKERS.values())


def _fits(scores: PairScores) -> np.ndarray:
    return (scores.covers_query > 0) | (scores.covered_by_query > 0)


def with_bridges(
    index: MatchIndex,
    i: int,
    scores: PairScores,
    eligible: np.ndarray,
) -> PairScores:
    """`scores` with the bridges of the best `POOL` eligible actors added to their
    complementarity and score."""
    n = len(scores.score)
    bridge = np.zeros(n, dtype=np.float32)
    via = np.full(n, -1, dtype=np.int64)
    pool = np.flatnonzero(eligible)
    if len(pool) > POOL:
        pool = pool[np.argpartition(-scores.score[pool], POOL - 1)[:POOL]]
    # The asker's complements: actors fitting it one way or both, on a shared concept.
    others = np.flatnonzero(_fits(scores) & (scores.concepts > 0))
    others = others[others != i]
    anchors = others[np.argsort(-scores.score[others], kind="stable")[:ANCHORS]]
    for a in anchors:
        fits, closeness = index.fits_and_concepts(int(a), pool)
        strength = fits * np.minimum(scores.concepts[a], closeness)
        strength[pool == a] = 0.0
        stronger = strength > bridge[pool]
        bridge[pool[stronger]] = strength[stronger]
        via[pool[stronger]] = a
    if not bridge.any():
        return replace(scores, bridge=bridge, bridge_via=via)
    lifted = scores.complementarity + BRIDGE_WEIGHT * bridge
    ceiling = np.where(scores.two_way > 0, 1.0, np.maximum(ONE_WAY_CEILING, scores.complementarity))
    complementarity = np.minimum(lifted, ceiling).astype(np.float32)
    score = scores.score.copy()
    score[pool] = index.score_of(
        scores.thematic[pool], complementarity[pool], scores.regional[pool], pool
    )
    return replace(
        scores, complementarity=complementarity, score=score, bridge=bridge, bridge_via=via
    )
