"""The naive baseline: TF-IDF cosine similarity of name and description, other regions
only. No vocabulary, no structure: what a search box would give."""

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from bench.populations.model import Population, nuts2


class TfidfRanker:
    def __init__(self, population: Population) -> None:
        self.ids = np.array([a.id for a in population.actors])
        self.position = {int(i): p for p, i in enumerate(self.ids)}
        self.regions = np.array([nuts2(a.region_code) for a in population.actors])
        texts = [f"{a.name} {a.description}" for a in population.actors]
        self.matrix = TfidfVectorizer(sublinear_tf=True).fit_transform(texts)

    def rank(self, actor_id: int, depth: int) -> list[int]:
        i = self.position[actor_id]
        similarity = (self.matrix @ self.matrix[i].T).toarray().ravel()
        eligible = self.regions != self.regions[i]
        eligible[i] = False
        return ranked(self.ids, similarity, eligible, depth)


def ranked(ids: np.ndarray, score: np.ndarray, eligible: np.ndarray, depth: int) -> list[int]:
    """Eligible ids by falling score, equal scores in id order."""
    chosen = np.flatnonzero(eligible)
    order = np.lexsort((ids[chosen], -np.round(score[chosen], 9)))
    return [int(i) for i in ids[chosen[order[:depth]]]]
