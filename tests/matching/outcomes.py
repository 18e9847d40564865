"""Planted outcomes for the learning tests: labels drawn from a known weighting of the
score components, so the weights a fit should move towards are known in advance."""

import random

import numpy as np

from app.matching.index import FLOOR, MatchIndex
from app.matching.learning import COMPONENTS, Label

# The weighting the planted labels follow: complementarity matters far more than the
# defaults say (0.5 thematic, 0.4 complementarity, 0.1 regional).
TRUE_WEIGHTS = {"thematic": 0.15, "complementarity": 0.75, "regional": 0.10}
# A key that floods labels saying only the region matters.
ADVERSARIAL_WEIGHTS = {"thematic": 0.0, "complementarity": 0.0, "regional": 1.0}


def utility(index: MatchIndex, i: int, rows: np.ndarray, weights: dict[str, float]) -> np.ndarray:
    scores = index.pair_scores(i, rows=rows)
    logs = [np.log(getattr(scores, name) + FLOOR) for name in COMPONENTS]
    return np.asarray(
        sum(weights[name] * part for name, part in zip(COMPONENTS, logs, strict=True))
    )


def planted_labels(
    index: MatchIndex,
    weights: dict[str, float],
    seed: int,
    per_query: int = 12,
    queries: list[int] | None = None,
    said_by: str | None = None,
) -> list[Label]:
    """For each query actor, `per_query` candidates labelled positive when their utility
    under `weights` is in the top third of those drawn; each label is said by the query
    actor's region (one key per region) unless `said_by` names one key for all."""
    rng = random.Random(seed)
    out = []
    for actor_id in queries if queries is not None else [int(i) for i in index.ids]:
        i = index.position[actor_id]
        others = [j for j in range(len(index)) if j != i]
        rows = np.array(rng.sample(others, per_query), dtype=np.int64)
        value = utility(index, i, rows, weights)
        cut = np.quantile(value, 2 / 3)
        key = said_by or f"region:{index.region_codes[i]}"
        out += [
            Label(actor_id, int(index.ids[j]), bool(v >= cut), key)
            for j, v in zip(rows, value, strict=True)
        ]
    return out


def random_labels(index: MatchIndex, seed: int, per_query: int = 12) -> list[Label]:
    rng = random.Random(seed)
    out = []
    for i, actor_id in enumerate(int(a) for a in index.ids):
        others = [j for j in range(len(index)) if j != i]
        for j in rng.sample(others, per_query):
            key = f"region:{index.region_codes[i]}"
            out.append(Label(actor_id, int(index.ids[j]), rng.random() < 1 / 3, key))
    return out
