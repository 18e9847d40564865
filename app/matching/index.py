"""The in-memory index: actor features assembled into matrices, and pair scores for one
actor against all others in a few vectorised operations (no pair table is stored, so
memory grows with the number of actors, not its square)."""

import copy
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from app.matching.features import ActorFeatures
from app.matching.profiles import RegionProfile, Vocabulary
from app.matching.rules import region_key

THEMATIC_WEIGHTS = {"theme": 0.4, "nace": 0.2, "text": 0.3, "technology": 0.1}
COMPLEMENTARITY_WEIGHTS = {"coverage": 0.5, "difference": 0.2, "kind_mix": 0.15, "related": 0.15}
# Weighted geometric mean: a pair must be close *and* complementary to rank high.
FINAL_EXPONENTS = {"thematic": 0.5, "complementarity": 0.4, "regional": 0.1}
FLOOR = 0.02  # keeps log() finite; a zero component still sinks the score
RELATED_MIN = 0.25  # co-occurrence proximity below this is noise


def _l2_rows(matrix: sp.csr_matrix) -> sp.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms, dtype=np.float32) @ matrix)


def _binary(rows: list[frozenset[str]], columns: dict[str, int]) -> np.ndarray:
    out = np.zeros((len(rows), len(columns)), dtype=np.float32)
    for i, row in enumerate(rows):
        for item in row:
            j = columns.get(item)
            if j is not None:
                out[i, j] = 1.0
    return out


def _weighted_sparse(rows: list[dict[str, float]], columns: dict[str, int]) -> sp.csr_matrix:
    indptr, indices, data = [0], [], []
    for row in rows:
        for key, weight in row.items():
            indices.append(columns[key])
            data.append(weight)
        indptr.append(len(indices))
    shape = (len(rows), max(len(columns), 1))
    return sp.csr_matrix((np.array(data, np.float32), indices, indptr), shape=shape)


def _dot(rows: sp.csr_matrix, query: sp.csr_matrix) -> np.ndarray:
    """Row-wise dot products with one sparse row: a matrix-vector product over a dense
    copy of the query, much cheaper than a sparse-sparse product."""
    dense = np.zeros(query.shape[1], dtype=np.float32)
    dense[query.indices] = query.data
    return np.asarray(rows @ dense).ravel()


def _columns(values: Iterable[str]) -> dict[str, int]:
    return {value: i for i, value in enumerate(sorted(set(values)))}


@dataclass
class PairScores:
    """Components of the pair (query actor, every actor), one array entry per actor."""

    theme: np.ndarray
    nace: np.ndarray
    text: np.ndarray
    technology: np.ndarray
    thematic: np.ndarray
    covers_query: np.ndarray  # share of what the query seeks that the other offers
    covered_by_query: np.ndarray  # share of what the other seeks that the query offers
    difference: np.ndarray
    kind_mix: np.ndarray
    related: np.ndarray
    complementarity: np.ndarray
    other_region: np.ndarray
    s3_support: np.ndarray
    regional: np.ndarray
    score: np.ndarray


@dataclass
class MatchIndex:
    vocabulary: Vocabulary
    regions: dict[str, RegionProfile]
    features: list[ActorFeatures]
    # Track record: funded consortia per actor id, and how much it may lift a pair score
    # (0 switches it off). A partner with 3 or more funded consortia gets the full lift.
    funded: dict[int, int] = field(default_factory=dict)
    track_record_weight: float = 0.0
    # How the three components combine: FINAL_EXPONENTS, or weights fitted from outcomes.
    exponents: dict[str, float] = field(default_factory=lambda: dict(FINAL_EXPONENTS))
    ids: np.ndarray = field(init=False)
    position: dict[int, int] = field(init=False)

    def __post_init__(self) -> None:
        feats = self.features
        self.ids = np.array([f.profile.id for f in feats], dtype=np.int64)
        self.position = {int(actor_id): i for i, actor_id in enumerate(self.ids)}
        self.is_cluster = np.array([f.profile.kind == "cluster" for f in feats], dtype=bool)
        self.region_codes = [f.profile.region_code for f in feats]
        self._region_keys: dict[int | None, np.ndarray] = {}

        self.theme_columns = _columns(
            [*self.vocabulary.theme_labels, *(t for f in feats for t in f.themes)]
        )
        self.capability_columns = _columns(
            [*self.vocabulary.capability_labels, *(c for f in feats for c in f.offers | f.seeks)]
        )
        self.themes = _binary([f.themes for f in feats], self.theme_columns)
        self.offers = _binary([f.offers for f in feats], self.capability_columns)
        self.seeks = _binary([f.seeks for f in feats], self.capability_columns)
        self.region_themes = _binary(
            [self.priority_themes(f.profile.region_code) for f in feats], self.theme_columns
        )

        nace_columns = _columns(k for f in feats for k in f.nace_weights)
        self.nace = _l2_rows(_weighted_sparse([f.nace_weights for f in feats], nace_columns))
        self.has_nace = np.array([bool(f.nace_weights) for f in feats])
        tech_columns = _columns(t for f in feats for t in f.technologies)
        self.technology = _l2_rows(
            _weighted_sparse([dict.fromkeys(f.technologies, 1.0) for f in feats], tech_columns)
        )
        self.text = self._tfidf(feats)
        self.track_record = self._track_record_of(self.funded)
        self._build_relatedness(feats, nace_columns)

    def _track_record_of(self, funded: dict[int, int]) -> np.ndarray:
        experience = np.array([funded.get(int(i), 0) for i in self.ids], dtype=np.float32)
        return np.minimum(experience / 3.0, 1.0)

    def with_funded(self, funded: dict[int, int]) -> "MatchIndex":
        """The same index with another track record: every matrix is shared, none rebuilt."""
        updated = copy.copy(self)
        updated.funded = funded
        updated.track_record = self._track_record_of(funded)
        return updated

    def with_exponents(self, exponents: dict[str, float]) -> "MatchIndex":
        """The same index combining the components with other weights: nothing rebuilt."""
        updated = copy.copy(self)
        updated.exponents = dict(exponents)
        return updated

    # -- assembly -------------------------------------------------------------------
    def priority_themes(self, region_code: str) -> frozenset[str]:
        """Themes of the S3 priorities of the region and of every region containing it."""
        themes: set[str] = set()
        for length in range(3, len(region_code) + 1):
            region = self.regions.get(region_code[:length])
            if region is not None:
                themes |= region.priority_themes
        return frozenset(themes)

    def _tfidf(self, feats: list[ActorFeatures]) -> sp.csr_matrix:
        n = len(feats)
        lengths = [len(f.text_indices) for f in feats]
        indptr = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
        indices = np.concatenate([f.text_indices for f in feats]) if n else np.zeros(0, np.int32)
        counts = np.concatenate([f.text_counts for f in feats]) if n else np.zeros(0, np.float32)
        matrix = sp.csr_matrix((counts, indices, indptr), shape=(n, 2**20))
        document_frequency = np.bincount(indices, minlength=2**20).astype(np.float32)
        idf = np.log((1 + n) / (1 + document_frequency)) + 1.0
        matrix.data = (np.log1p(matrix.data) * idf[matrix.indices]).astype(np.float32)
        return _l2_rows(matrix)

    def _build_relatedness(self, feats: list[ActorFeatures], nace_columns: dict[str, int]) -> None:
        """Concepts (themes and NACE divisions) that co-occur in actors and regions are
        related: proximity(i, j) = min(P(i|j), P(j|i)), as in product-space studies."""
        divisions = sorted(k for k in nace_columns if len(k) == 2 and k.isdigit())
        self.concepts = [*self.theme_columns, *(f"nace:{d}" for d in divisions)]
        division_columns = {d: i for i, d in enumerate(divisions)}
        actor_divisions = _binary(
            [frozenset(k for k in f.nace_weights if k in division_columns) for f in feats],
            division_columns,
        )
        self.concept_matrix = np.hstack([self.themes, actor_divisions])
        region_rows = np.zeros((len(self.regions), self.concept_matrix.shape[1]), np.float32)
        for i, region in enumerate(self.regions.values()):
            for theme in region.priority_themes:
                if theme in self.theme_columns:
                    region_rows[i, self.theme_columns[theme]] = 1.0
        occurrences = np.vstack([self.concept_matrix, region_rows])
        together = occurrences.T @ occurrences
        counts = np.diag(together).copy()
        larger = np.maximum.outer(counts, counts)
        with np.errstate(divide="ignore", invalid="ignore"):
            proximity = np.where(larger > 0, together / larger, 0.0)
        np.fill_diagonal(proximity, 0.0)
        proximity[proximity < RELATED_MIN] = 0.0
        self.relatedness = proximity.astype(np.float32)

    # -- scoring --------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.features)

    def region_keys(self, level: int | None) -> np.ndarray:
        """Each actor's region at `level`, computed once per level."""
        if level not in self._region_keys:
            self._region_keys[level] = np.array(
                [region_key(code, level) for code in self.region_codes], dtype=object
            )
        return self._region_keys[level]

    def pair_scores(
        self, i: int, region_level: int | None = 2, rows: np.ndarray | None = None
    ) -> PairScores:
        """Components of the pairs (i, r) for every actor r, or for the given rows only."""
        r: np.ndarray | slice = slice(None) if rows is None else rows
        themes, offers, seeks = self.themes[r], self.offers[r], self.seeks[r]
        theme_counts = themes.sum(axis=1)
        n_themes_i = self.themes[i].sum()
        shared = themes @ self.themes[i]
        theme = shared / np.sqrt(np.maximum(theme_counts * n_themes_i, 1.0))
        nace = _dot(self.nace[r], self.nace[i])
        text = np.clip(_dot(self.text[r], self.text[i]), 0.0, 1.0)
        technology = _dot(self.technology[r], self.technology[i])
        available = {
            "theme": n_themes_i > 0,
            "nace": bool(self.has_nace[i]),
            "text": True,
            "technology": self.technology[i].nnz > 0,
        }
        parts = {"theme": theme, "nace": nace, "text": text, "technology": technology}
        weight = sum(THEMATIC_WEIGHTS[k] for k, ok in available.items() if ok)
        thematic = sum(THEMATIC_WEIGHTS[k] * parts[k] for k, ok in available.items() if ok) / weight

        seeks_i, offers_i = self.seeks[i], self.offers[i]
        n_seek_i, n_offer_i = seeks_i.sum(), offers_i.sum()
        n_seek, n_offer = seeks.sum(axis=1), offers.sum(axis=1)
        covers_query = (offers @ seeks_i) / max(n_seek_i, 1.0)
        covered_by_query = (seeks @ offers_i) / np.maximum(n_seek, 1.0)
        # Both directions count; an actor that seeks nothing adds no direction.
        asked = float(n_seek_i > 0) + (n_seek > 0).astype(np.float32)
        coverage = (covers_query + covered_by_query) / np.maximum(asked, 1.0)
        offer_cosine = (offers @ offers_i) / np.sqrt(np.maximum(n_offer * n_offer_i, 1.0))
        difference = np.where((n_offer > 0) & (n_offer_i > 0), 1.0 - offer_cosine, 0.5)
        kind_mix = (self.is_cluster[r] != self.is_cluster[i]).astype(np.float32)
        related = self._related_missing(i, r)
        complementarity = (
            COMPLEMENTARITY_WEIGHTS["coverage"] * coverage
            + COMPLEMENTARITY_WEIGHTS["difference"] * difference
            + COMPLEMENTARITY_WEIGHTS["kind_mix"] * kind_mix
            + COMPLEMENTARITY_WEIGHTS["related"] * related
        )

        keys = self.region_keys(region_level)
        other_region = (keys[r] != keys[i]).astype(np.float32)
        # S3 support: do both regions prioritise the themes the pair shares (or, with
        # nothing shared, the asking actor's themes)?
        basis = np.where(shared[:, None] > 0, themes * self.themes[i], self.themes[i][None, :])
        region_themes = self.region_themes[r]
        covered = (basis * region_themes * self.region_themes[i]).sum(axis=1)
        s3_support = covered / np.maximum(basis.sum(axis=1), 1.0)
        regional = 0.5 * other_region + 0.5 * s3_support

        weights = self.exponents
        score = np.exp(
            weights["thematic"] * np.log(thematic + FLOOR)
            + weights["complementarity"] * np.log(complementarity + FLOOR)
            + weights["regional"] * np.log(regional + FLOOR)
        )
        return PairScores(
            theme=theme,
            nace=nace,
            text=text,
            technology=technology,
            thematic=thematic,
            covers_query=covers_query,
            covered_by_query=covered_by_query,
            difference=difference,
            kind_mix=kind_mix,
            related=related,
            complementarity=complementarity,
            other_region=other_region,
            s3_support=s3_support,
            regional=regional,
            score=self._with_track_record(np.clip(score, 0.0, 1.0), r),
        )

    def _with_track_record(self, score: np.ndarray, rows: np.ndarray | slice) -> np.ndarray:
        """Close part of the gap to 1 for proven partners; no track record, no change."""
        lift = self.track_record_weight * self.track_record[rows]
        return score + lift * (1.0 - score)

    def _related_missing(self, i: int, rows: np.ndarray | slice) -> np.ndarray:
        """How strongly each actor works on concepts related to, but missing from, i's."""
        concepts = self.concept_matrix[rows]
        own = self.concept_matrix[i] > 0
        if not own.any() or concepts.shape[1] == 0:
            return np.zeros(concepts.shape[0], np.float32)
        pull = self.relatedness[own].max(axis=0)
        pull[own] = 0.0
        return (concepts * pull).max(axis=1)

    def related_concepts(self, i: int, j: int) -> list[tuple[str, str, float]]:
        """(concept of j, concept of i, proximity) for j's concepts missing from i."""
        own = np.flatnonzero(self.concept_matrix[i] > 0)
        out = []
        for c in np.flatnonzero((self.concept_matrix[j] > 0) & (self.concept_matrix[i] == 0)):
            if len(own):
                k = own[np.argmax(self.relatedness[own, c])]
                if self.relatedness[k, c] > 0:
                    out.append((self.concepts[c], self.concepts[k], float(self.relatedness[k, c])))
        return sorted(out, key=lambda item: -item[2])
