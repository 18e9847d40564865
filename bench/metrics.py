"""Ranking and consortium metrics, over plain id lists: no engine, no population."""

import math
from collections.abc import Collection, Sequence


def hits_at(ranking: Sequence[int], relevant: Collection[int], k: int) -> int:
    """How many relevant ids are among the first k."""
    return len(set(ranking[:k]) & set(relevant))


def ndcg_at(ranking: Sequence[int], relevant: Collection[int], k: int) -> float:
    """Binary-relevance NDCG@k: 1.0 when every relevant id leads the ranking."""
    if not relevant:
        return 0.0
    gain = sum(1.0 / math.log2(r + 2) for r, i in enumerate(ranking[:k]) if i in relevant)
    ideal = sum(1.0 / math.log2(r + 2) for r in range(min(len(relevant), k)))
    return gain / ideal


def reciprocal_rank(ranking: Sequence[int], relevant: Collection[int]) -> float:
    """1 / rank of the first relevant id; 0 when none is ranked."""
    for r, i in enumerate(ranking):
        if i in relevant:
            return 1.0 / (r + 1)
    return 0.0


def first_rank(ranking: Sequence[int], ids: Collection[int]) -> float:
    return next((float(r) for r, i in enumerate(ranking) if i in ids), math.inf)


def twin_above_partners(
    ranking: Sequence[int], twins: Collection[int], partners: Collection[int]
) -> bool:
    """Whether a redundant twin is ranked above every true partner (a twin the ranking
    leaves out outranks nobody)."""
    return first_rank(ranking, twins) < first_rank(ranking, partners)


def jaccard(a: Collection[int], b: Collection[int]) -> float:
    union = set(a) | set(b)
    return len(set(a) & set(b)) / len(union) if union else 0.0


def consortium_hit(
    proposals: Sequence[Collection[int]],
    planted: Collection[int],
    *,
    k: int = 5,
    threshold: float = 0.75,
) -> bool:
    """Whether one of the first k proposals is the planted consortium, up to Jaccard."""
    return any(jaccard(p, planted) >= threshold for p in proposals[:k])
