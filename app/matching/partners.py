"""Ranked partner candidates for one actor."""

from dataclasses import dataclass

import numpy as np

from app.matching.bridges import with_bridges
from app.matching.explain import pair_reasons
from app.matching.index import MatchIndex


@dataclass(frozen=True)
class Candidate:
    actor_id: int
    score: float
    thematic: float
    complementarity: float
    regional: float
    reasons: list[str]
    covers_query: float = 0.0  # share of what the asking actor seeks that it offers
    covered_by_query: float = 0.0  # share of what it seeks that the asking actor offers


def candidates(
    index: MatchIndex,
    actor_id: int,
    *,
    limit: int = 10,
    theme: str | None = None,
    kind: str | None = None,
    other_regions_only: bool = True,
    region_level: int | None = 2,
    lang: str = "en",
) -> list[Candidate]:
    """The best partners for `actor_id`, best first; never the actor itself."""
    i = index.position[actor_id]
    scores = index.pair_scores(i, region_level)
    eligible = np.ones(len(index), dtype=bool)
    eligible[i] = False
    if other_regions_only:
        eligible &= scores.other_region > 0
    if kind is not None:
        eligible &= index.is_cluster == (kind == "cluster")
    if theme is not None:
        column = index.theme_columns.get(theme)
        eligible &= index.themes[:, column] > 0 if column is not None else False
    scores = with_bridges(index, i, scores, eligible)
    chosen = np.flatnonzero(eligible)
    if len(chosen) > limit:
        top = np.argpartition(-scores.score[chosen], limit - 1)[:limit]
        chosen = chosen[top]
    # Best first; equal scores in id order, so the same data gives the same answer.
    order = np.lexsort((index.ids[chosen], -np.round(scores.score[chosen], 9)))
    return [
        Candidate(
            actor_id=int(index.ids[j]),
            score=round(float(scores.score[j]), 4),
            thematic=round(float(scores.thematic[j]), 4),
            complementarity=round(float(scores.complementarity[j]), 4),
            regional=round(float(scores.regional[j]), 4),
            reasons=pair_reasons(index, i, j, scores, lang),
            covers_query=round(float(scores.covers_query[j]), 4),
            covered_by_query=round(float(scores.covered_by_query[j]), 4),
        )
        for j in chosen[order]
    ]
