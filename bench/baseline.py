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


class MutualFitRanker:
    """A plain mutual-complementarity scorer over the structured fields the engine is
    shown (nothing for text-only actors): a shared theme, then needs covered in both
    directions, then a shared technology, minus offering the same. Not a baseline to
    beat but a check that the structured profiles carry the answer."""

    def __init__(self, population: Population) -> None:
        self.actors = population.actors
        self.ids = np.array([a.id for a in population.actors])
        self.position = {int(i): p for p, i in enumerate(self.ids)}
        self.regions = np.array([nuts2(a.region_code) for a in population.actors])

    def rank(self, actor_id: int, depth: int) -> list[int]:
        i = self.position[actor_id]
        q = self.actors[i]
        score = np.zeros(len(self.actors))
        if not q.text_only:
            for p, a in enumerate(self.actors):
                if a.text_only or not q.themes & a.themes:
                    continue
                directions = bool(q.seeks & a.offers) + bool(a.seeks & q.offers)
                shared_technology = bool(q.technologies & a.technologies)
                redundancy = len(q.offers & a.offers) / max(len(q.offers | a.offers), 1)
                score[p] = 1 + directions * (1 + 2 * shared_technology) - redundancy
        eligible = self.regions != self.regions[i]
        eligible[i] = False
        return ranked(self.ids, score, eligible, depth)
