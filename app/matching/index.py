"""The in-memory index: actor features assembled into matrices, and pair scores for one
actor against all others in a few vectorised operations (no pair table is stored, so
memory grows with the number of actors, not its square).

An index changes by replacing or appending rows (`with_features`): dense rows are copied
into new arrays, sparse rows go to an overlay (app.matching.rows), and document
frequencies are adjusted by the difference, so one update costs about the same at
100,000 actors as at 1,000.
"""

import copy
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np

from app.matching.combine import DEFAULT_WEIGHTS, FLOOR, combine
from app.matching.features import ActorFeatures
from app.matching.profiles import RegionProfile, Vocabulary
from app.matching.rows import Row, SparseRows
from app.matching.rules import region_key

TEXT_WIDTH = 2**20
# The exponents of the final weighted geometric mean (they sum to 1), under the names
# outside tools read to recombine the returned components; `combine` is the one place
# they are applied.
FINAL_EXPONENTS = DEFAULT_WEIGHTS
__all__ = ["FINAL_EXPONENTS", "FLOOR", "MatchIndex", "PairScores", "complementarity"]
# Thematic closeness: shared concepts weighted by specificity, and description similarity.
THEMATIC_WEIGHTS = {"concepts": 0.75, "text": 0.25}
# Complementarity, in three tiers (see `complementarity`).
ANY_FIT = 0.6  # share of a direction's worth that offering anything at all it seeks earns
NO_FIT = 0.20  # neither offers what the other seeks: low, but above a redundant twin
ONE_WAY_MAX = 0.42  # a fit in one direction only stays below any two-way fit...
TWO_WAY_BASE = 0.50  # ...which starts here
TIE_BREAKERS = {"kind_mix": 0.04, "related": 0.04}  # together less than the gap above
# Offering the very same costs this much; squared, so a partial overlap (one shared
# capability among several) costs little and a twin the full amount.
REDUNDANCY_PENALTY = 0.35
# How much less redundant an actor offering the same is when it seeks something else.
SEEKING_OTHERWISE = 0.5
TELLING_WORD_SHARE, TELLING_WORD_ACTORS = 0.05, 3  # see MatchIndex.telling_words
RELATED_MIN = 0.25  # co-occurrence proximity below this is noise
# Two actors that both name themes but share none, nor any two related ones (themes
# actors and regions often name together), are on different subjects, however alike
# their technology words ("digital twins" for a city and for a factory): their closeness
# counts this much.
OFF_THEME = 0.5


def _binary(rows: list[frozenset[str]], columns: dict[str, int]) -> np.ndarray:
    # Column-major: a product with one query vector walks each column once, about a
    # hundred times faster on a tall, narrow matrix than the row-major default.
    out = np.zeros((len(rows), len(columns)), dtype=np.float32, order="F")
    for i, row in enumerate(rows):
        for item in row:
            j = columns.get(item)
            if j is not None:
                out[i, j] = 1.0
    return out


def _times(matrix: np.ndarray, vector: np.ndarray, rows: np.ndarray | slice) -> np.ndarray:
    """matrix[rows] @ vector, summing only the columns where the (mostly zero) query
    vector is not: a few contiguous column passes, with no BLAS call (whose threads
    cost more than the sum itself on a tall, narrow matrix)."""
    n = matrix.shape[0] if isinstance(rows, slice) else len(rows)
    out = np.zeros(n, dtype=np.float32)
    for column in np.flatnonzero(vector):
        out += matrix[rows, column] * vector[column]
    return out


def _columns(values: Iterable[str]) -> dict[str, int]:
    return {value: i for i, value in enumerate(sorted(set(values)))}


def _specific(concept_columns: dict[str, int]) -> np.ndarray:
    """Which concept columns name a technology (or its letter n-grams, or its words)."""
    out = np.zeros(len(concept_columns), dtype=bool)
    for name, column in concept_columns.items():
        out[column] = name.startswith(("tech:", "gram:", "word:", "abbr:"))
    return out


def _dense(row: Row, width: int) -> np.ndarray:
    out = np.zeros(width, dtype=np.float32)
    out[row[0]] = row[1]
    return out


@dataclass
class PairScores:
    """Components of the pair (query actor, every actor), one array entry per actor."""

    theme: np.ndarray  # cosine of the theme sets (unweighted, for explanations)
    concepts: np.ndarray  # cosine of the specificity-weighted concept vectors
    text: np.ndarray
    thematic: np.ndarray
    covers_query: np.ndarray  # share of what the query seeks that the other offers
    covered_by_query: np.ndarray  # share of what the other seeks that the query offers
    two_way: np.ndarray  # 1 where both directions hold
    redundancy: np.ndarray  # how much the two offer, and seek, the same (0-1)
    difference: np.ndarray  # 1 - offer similarity where both offer something, else 0.5
    kind_mix: np.ndarray
    related: np.ndarray
    complementarity: np.ndarray
    other_region: np.ndarray
    s3_support: np.ndarray
    regional: np.ndarray
    score: np.ndarray
    # Filled in for the top of a ranking only (app.matching.bridges): how strongly the
    # actor fits one of the asker's own complements, and that complement's row (-1: none).
    bridge: np.ndarray | None = None
    bridge_via: np.ndarray | None = None


def complementarity(
    covers_query: np.ndarray,
    covered_by_query: np.ndarray,
    redundancy: np.ndarray,
    kind_mix: np.ndarray,
    related: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Complementarity (0-1) and the two-way mask.

    Three tiers: nothing offered either way scores NO_FIT; a fit in one direction at most
    ONE_WAY_MAX; a fit in both directions at least TWO_WAY_BASE, so a two-way partner
    outranks every one-way one of the same closeness. Offering the same things subtracts
    (redundancy is a cost, not neutral); a cluster beside an RDI platform and related
    concepts only break ties (their weights together stay under the tiers' gap).
    """
    two_way = ((covers_query > 0) & (covered_by_query > 0)).astype(np.float32)
    # Offering *something* the other seeks is most of a direction's worth; covering all
    # of its needs adds the rest (partners rarely cover everything alone).
    gives = np.where(covers_query > 0, ANY_FIT + (1 - ANY_FIT) * covers_query, 0.0)
    takes = np.where(covered_by_query > 0, ANY_FIT + (1 - ANY_FIT) * covered_by_query, 0.0)
    mean = (gives + takes) / 2.0
    one_way = NO_FIT + (ONE_WAY_MAX - NO_FIT) * np.maximum(gives, takes)
    core = np.where(two_way > 0, TWO_WAY_BASE + (1 - TWO_WAY_BASE - 0.08) * mean, one_way)
    value = (
        core
        - REDUNDANCY_PENALTY * redundancy**2
        + TIE_BREAKERS["kind_mix"] * kind_mix
        + TIE_BREAKERS["related"] * related
    )
    return np.clip(value, 0.0, 1.0), two_way


@dataclass
class MatchIndex:
    vocabulary: Vocabulary
    regions: dict[str, RegionProfile]
    features: list[ActorFeatures]
    # Track record: funded consortia per actor id, and how much it may lift a pair score
    # (0 switches it off). A partner with 3 or more funded consortia gets the full lift.
    funded: dict[int, int] = field(default_factory=dict)
    track_record_weight: float = 0.0
    # How the components combine into the score (see app.matching.combine).
    weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    ids: np.ndarray = field(init=False)
    position: dict[int, int] = field(init=False)

    def __post_init__(self) -> None:
        feats = self.features
        self.ids = np.array([f.profile.id for f in feats], dtype=np.int64)
        self.position = {int(actor_id): i for i, actor_id in enumerate(self.ids)}
        self.is_cluster = np.array([f.profile.kind == "cluster" for f in feats], dtype=bool)
        self.region_codes = [f.profile.region_code for f in feats]
        self._region_keys: dict[int | None, tuple[np.ndarray, dict[str, int]]] = {}

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
        self._derive()

        self.concept_columns = _columns(c for f in feats for c in f.concepts)
        self.specific_columns = _specific(self.concept_columns)
        rows = [self._concept_row(f) for f in feats]
        self.concept_rows = SparseRows.from_rows(rows, len(self.concept_columns))
        self.concept_squares = SparseRows.from_rows(
            [(i, d * d) for i, d in rows], len(self.concept_columns)
        )
        self.document_frequency = np.zeros(len(self.concept_columns), dtype=np.float64)
        for indices, _ in rows:
            self.document_frequency[indices] += 1.0

        self.text_idf = self._text_idf(feats)
        self.text = SparseRows.from_rows([self._text_row(f) for f in feats], TEXT_WIDTH)
        self.track_record = self._track_record_of(self.funded)
        self._build_relatedness(feats)

    # -- rows -----------------------------------------------------------------------
    def _derive(self) -> None:
        """Per-row sums that every query needs, computed once (a few vector operations)."""
        self.theme_counts = self.themes.sum(axis=1)
        self.offer_counts = self.offers.sum(axis=1)
        self.seek_counts = self.seeks.sum(axis=1)
        self.themes_backed = np.asfortranarray(self.themes * self.region_themes)

    def _concept_row(self, f: ActorFeatures) -> Row:
        items = sorted((self.concept_columns[c], w) for c, w in f.concepts.items())
        return (
            np.array([i for i, _ in items], dtype=np.int32),
            np.array([w for _, w in items], dtype=np.float32),
        )

    def _text_idf(self, feats: list[ActorFeatures]) -> np.ndarray:
        """Word-stem IDF, fixed when the index is built (a few changed rows hardly move
        it; the next full build refreshes it)."""
        n = len(feats)
        indices = np.concatenate([f.text_indices for f in feats]) if n else np.zeros(0, np.int32)
        document_frequency = np.bincount(indices, minlength=TEXT_WIDTH).astype(np.float32)
        return (np.log((1 + n) / (1 + document_frequency)) + 1.0).astype(np.float32)

    def _text_row(self, f: ActorFeatures) -> Row:
        values = np.log1p(f.text_counts) * self.text_idf[f.text_indices]
        norm = float(np.sqrt((values * values).sum())) or 1.0
        return f.text_indices.astype(np.int32), (values / norm).astype(np.float32)

    def _track_record_of(self, funded: dict[int, int]) -> np.ndarray:
        experience = np.array([funded.get(int(i), 0) for i in self.ids], dtype=np.float32)
        return np.minimum(experience / 3.0, 1.0)

    def with_funded(self, funded: dict[int, int]) -> "MatchIndex":
        """The same index with another track record: every matrix is shared, none rebuilt."""
        updated = copy.copy(self)
        updated.funded = funded
        updated.track_record = self._track_record_of(funded)
        return updated

    def with_weights(self, weights: Mapping[str, float]) -> "MatchIndex":
        """The same index combining the components with other weights."""
        updated = copy.copy(self)
        updated.weights = dict(weights)
        return updated

    def can_take(self, changed: list[ActorFeatures]) -> bool:
        """Whether `with_features` can take these rows (their themes and capabilities
        have columns); otherwise the index must be built again."""
        return all(t in self.theme_columns for f in changed for t in f.themes) and all(
            c in self.capability_columns for f in changed for c in f.offers | f.seeks
        )

    def with_features(self, changed: list[ActorFeatures]) -> "MatchIndex":
        """A new index with these actors' rows replaced, or appended when new.

        Costs O(changed rows) in Python plus a copy of the small dense arrays; the
        sparse matrices are shared with this index (requests reading it are undisturbed).
        """
        new = copy.copy(self)
        features = list(self.features)
        positions: list[int] = []
        appended: list[ActorFeatures] = []
        for f in changed:
            at = self.position.get(f.profile.id)
            if at is None:
                at = len(features) + len(appended)
                appended.append(f)
            else:
                features[at] = f
            positions.append(at)
        features += appended
        new.features = features
        n = len(features)
        if appended:
            new.ids = np.concatenate([self.ids, [f.profile.id for f in appended]]).astype(np.int64)
            new.position = {**self.position}
            for f, at in zip(appended, range(len(self.features), n), strict=True):
                new.position[f.profile.id] = at
            new.region_codes = [*self.region_codes, *(f.profile.region_code for f in appended)]
        else:
            new.region_codes = list(self.region_codes)

        def grown(array: np.ndarray) -> np.ndarray:
            if not appended:
                return array.copy(order="K")
            extra = np.zeros((len(appended), *array.shape[1:]), dtype=array.dtype)
            return np.asfortranarray(np.concatenate([array, extra]))

        new.is_cluster, new.themes, new.offers, new.seeks = (
            grown(self.is_cluster),
            grown(self.themes),
            grown(self.offers),
            grown(self.seeks),
        )
        new.region_themes, new.concept_matrix = (
            grown(self.region_themes),
            grown(self.concept_matrix),
        )
        new.track_record = grown(self.track_record)
        new.concept_columns = dict(self.concept_columns)
        for f in changed:
            for c in f.concepts:
                new.concept_columns.setdefault(c, len(new.concept_columns))
        width = len(new.concept_columns)
        new.specific_columns = _specific(new.concept_columns)
        df = np.zeros(width, dtype=np.float64)
        df[: len(self.document_frequency)] = self.document_frequency
        concept_changes: dict[int, Row] = {}
        text_changes: dict[int, Row] = {}
        together = self._together.copy()
        for f, at in zip(changed, positions, strict=True):
            if at < len(self.features):
                df[self.concept_rows.row(at)[0]] -= 1.0
                old = self.concept_matrix[at]
                together -= np.outer(old, old)
            row = new._concept_row(f)
            df[row[0]] += 1.0
            concept_changes[at] = row
            text_changes[at] = new._text_row(f)
            new.is_cluster[at] = f.profile.kind == "cluster"
            new.region_codes[at] = f.profile.region_code
            new.themes[at] = _binary([f.themes], self.theme_columns)[0]
            new.offers[at] = _binary([f.offers], self.capability_columns)[0]
            new.seeks[at] = _binary([f.seeks], self.capability_columns)[0]
            new.region_themes[at] = _binary(
                [self.priority_themes(f.profile.region_code)], self.theme_columns
            )[0]
            new.concept_matrix[at] = self._relatedness_row(f, new.themes[at])
            together += np.outer(new.concept_matrix[at], new.concept_matrix[at])
        new._derive()
        new._region_keys = {
            level: self._updated_keys(level, codes, mapping, new.region_codes, positions)
            for level, (codes, mapping) in self._region_keys.items()
        }
        new.document_frequency = df
        new.concept_rows = self.concept_rows.with_rows(concept_changes, width)
        new.concept_squares = self.concept_squares.with_rows(
            {at: (i, d * d) for at, (i, d) in concept_changes.items()}, width
        )
        new.text = self.text.with_rows(text_changes, TEXT_WIDTH)
        new.track_record = new._track_record_of(self.funded)
        new._set_relatedness(together)
        return new

    # -- assembly -------------------------------------------------------------------
    def priority_themes(self, region_code: str) -> frozenset[str]:
        """Themes of the S3 priorities of the region and of every region containing it."""
        themes: set[str] = set()
        for length in range(3, len(region_code) + 1):
            region = self.regions.get(region_code[:length])
            if region is not None:
                themes |= region.priority_themes
        return frozenset(themes)

    def _relatedness_row(self, f: ActorFeatures, theme_row: np.ndarray) -> np.ndarray:
        divisions = np.zeros(len(self._division_columns), dtype=np.float32)
        for k in f.nace_weights:
            j = self._division_columns.get(k)
            if j is not None:
                divisions[j] = 1.0
        return np.concatenate([theme_row, divisions])

    def _build_relatedness(self, feats: list[ActorFeatures]) -> None:
        """Concepts (themes and NACE divisions) that co-occur in actors and regions are
        related: proximity(i, j) = min(P(i|j), P(j|i)), as in product-space studies."""
        divisions = sorted(
            {k for f in feats for k in f.nace_weights if len(k) == 2 and k.isdigit()}
        )
        self.concepts = [*self.theme_columns, *(f"nace:{d}" for d in divisions)]
        self._division_columns = {d: i for i, d in enumerate(divisions)}
        self.concept_matrix = np.asfortranarray(
            np.array(
                [self._relatedness_row(f, self.themes[i]) for i, f in enumerate(feats)],
                dtype=np.float32,
            ).reshape(len(feats), len(self.concepts))
        )
        region_rows = np.zeros((len(self.regions), len(self.concepts)), np.float32)
        for i, region in enumerate(self.regions.values()):
            for theme in region.priority_themes:
                if theme in self.theme_columns:
                    region_rows[i, self.theme_columns[theme]] = 1.0
        occurrences = np.vstack([self.concept_matrix, region_rows]).astype(np.float64)
        self._set_relatedness(occurrences.T @ occurrences)

    def _set_relatedness(self, together: np.ndarray) -> None:
        self._together = together
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
        """Each actor's region at `level` as a small integer (equal integers, same region),
        computed once per level and kept up to date row by row."""
        if level not in self._region_keys:
            mapping: dict[str, int] = {}
            codes = np.array(
                [mapping.setdefault(region_key(c, level), len(mapping)) for c in self.region_codes],
                dtype=np.int32,
            )
            self._region_keys[level] = (codes, mapping)
        return self._region_keys[level][0]

    @staticmethod
    def _updated_keys(
        level: int | None,
        codes: np.ndarray,
        mapping: dict[str, int],
        region_codes: list[str],
        positions: list[int],
    ) -> tuple[np.ndarray, dict[str, int]]:
        mapping = dict(mapping)
        out = np.zeros(len(region_codes), dtype=np.int32)
        out[: len(codes)] = codes
        for at in positions:
            out[at] = mapping.setdefault(region_key(region_codes[at], level), len(mapping))
        return out, mapping

    def concept_idf(self) -> np.ndarray:
        """How informative each concept is: rare concepts weigh most (smoothed IDF, from
        the document frequencies kept up to date row by row). A concept only one actor
        has cannot be shared, so it weighs nothing rather than diluting that actor."""
        n = len(self.features)
        df = self.document_frequency
        idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
        return np.where(df >= 2, idf, 0.0).astype(np.float32)

    def concept_similarity(self, i: int, rows: np.ndarray | slice | None = None) -> np.ndarray:
        """Cosine of IDF-weighted concept vectors: sharing a concept few actors have
        counts far more than sharing one most actors have."""
        idf2 = self.concept_idf() ** 2
        indices, weights = self.concept_rows.row(i)
        query = np.zeros(len(idf2), dtype=np.float32)
        query[indices] = weights * idf2[indices]
        query_norm = float(np.sqrt((weights * weights * idf2[indices]).sum()))
        if query_norm == 0.0:
            n = len(self.features) if rows is None or isinstance(rows, slice) else len(rows)
            return np.zeros(n, dtype=np.float32)
        dots = self.concept_rows.dot(query, rows)
        # A query that names no technology cannot tell a partner on the same one from a
        # partner on another: the other side's technologies are left out of its length,
        # so naming one is not held against it.
        if not self.specific_columns[indices].any():
            idf2 = np.where(self.specific_columns, 0.0, idf2).astype(np.float32)
        norms = np.sqrt(self.concept_squares.dot(idf2, rows))
        return (dots / np.maximum(norms * query_norm, 1e-9)).astype(np.float32)

    def pair_scores(
        self, i: int, region_level: int | None = 2, rows: np.ndarray | None = None
    ) -> PairScores:
        """Components of the pairs (i, r) for every actor r, or for the given rows only."""
        r: np.ndarray | slice = slice(None) if rows is None else rows
        themes_i = self.themes[i]
        n_themes_i = float(self.theme_counts[i])
        shared = _times(self.themes, themes_i, r)
        theme = shared / np.sqrt(np.maximum(self.theme_counts[r] * n_themes_i, 1.0))
        concepts = self.concept_similarity(i, None if rows is None else rows)
        text = np.clip(self.text.dot(_dense(self.text.row(i), TEXT_WIDTH), r), 0.0, 1.0)
        if len(self.concept_rows.row(i)[0]):
            thematic = THEMATIC_WEIGHTS["concepts"] * concepts + THEMATIC_WEIGHTS["text"] * text
        else:
            thematic = text
        near = _times(self.themes, self._near_themes(themes_i), r)
        off_theme = (near == 0) & (self.theme_counts[r] > 0) & (n_themes_i > 0)
        thematic = np.where(off_theme, OFF_THEME * thematic, thematic).astype(np.float32)

        n_seek_i, n_offer_i = float(self.seek_counts[i]), float(self.offer_counts[i])
        n_offer = self.offer_counts[r]
        covers_query = _times(self.offers, self.seeks[i], r) / max(n_seek_i, 1.0)
        covered_by_query = _times(self.seeks, self.offers[i], r) / np.maximum(
            self.seek_counts[r], 1.0
        )
        both_offer = (n_offer > 0) & (n_offer_i > 0)
        offer_cosine = _times(self.offers, self.offers[i], r) / np.sqrt(
            np.maximum(n_offer * n_offer_i, 1.0)
        )
        # A twin offers and seeks the same, so it competes for the same partners; one that
        # offers the same but seeks otherwise is less redundant. Unknown needs count as same.
        seek_cosine = np.where(
            (self.seek_counts[r] > 0) & (n_seek_i > 0),
            _times(self.seeks, self.seeks[i], r)
            / np.sqrt(np.maximum(self.seek_counts[r] * n_seek_i, 1.0)),
            1.0,
        )
        redundancy = np.where(
            both_offer, offer_cosine * (1.0 - SEEKING_OTHERWISE * (1.0 - seek_cosine)), 0.0
        ).astype(np.float32)
        difference = np.where(both_offer, 1.0 - offer_cosine, 0.5)
        kind_mix = (self.is_cluster[r] != self.is_cluster[i]).astype(np.float32)
        # Related-but-missing concepts count only between actors that already share a
        # concept: they break ties among on-theme partners, never lift an off-theme one.
        related = self._related_missing(i, r) * (concepts > 0)
        comp, two_way = complementarity(
            covers_query, covered_by_query, redundancy, kind_mix, related
        )

        keys = self.region_keys(region_level)
        other_region = (keys[r] != keys[i]).astype(np.float32)
        # S3 support: do both regions prioritise the themes the pair shares (or, with
        # nothing shared, the asking actor's themes)?
        backed_i = themes_i * self.region_themes[i]
        both_back_shared = _times(self.themes_backed, backed_i, r)
        both_back_mine = _times(self.region_themes, backed_i, r)
        s3_support = np.where(
            shared > 0,
            both_back_shared / np.maximum(shared, 1.0),
            both_back_mine / max(n_themes_i, 1.0),
        )
        regional = 0.5 * other_region + 0.5 * s3_support

        score = self.score_of(thematic, comp, regional, r)
        return PairScores(
            theme=theme,
            concepts=concepts,
            text=text,
            thematic=thematic,
            covers_query=covers_query,
            covered_by_query=covered_by_query,
            two_way=two_way,
            redundancy=redundancy,
            difference=difference,
            kind_mix=kind_mix,
            related=related,
            complementarity=comp,
            other_region=other_region,
            s3_support=s3_support,
            regional=regional,
            score=score,
        )

    def score_of(
        self,
        thematic: np.ndarray,
        complementarity: np.ndarray,
        regional: np.ndarray,
        rows: np.ndarray | slice,
    ) -> np.ndarray:
        """The pair score of these components for these rows: the weighted combination,
        lifted by the track record."""
        score = combine(
            {"thematic": thematic, "complementarity": complementarity, "regional": regional},
            self.weights,
        )
        return self._with_track_record(score, rows)

    def _near_themes(self, themes: np.ndarray) -> np.ndarray:
        """The given themes (a row of `self.themes`) and every theme related to one."""
        n = len(themes)
        related = self.relatedness[:n, :n].T @ themes
        return ((themes + related) > 0).astype(np.float32)

    def fits_and_concepts(self, i: int, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Of pair_scores(i, rows=rows), only what a bridge needs: whether each row fits i
        in at least one direction, and its concept closeness to i."""
        fits = (_times(self.offers, self.seeks[i], rows) > 0) | (
            _times(self.seeks, self.offers[i], rows) > 0
        )
        return fits, self.concept_similarity(i, rows)

    def _with_track_record(self, score: np.ndarray, rows: np.ndarray | slice) -> np.ndarray:
        """Close part of the gap to 1 for proven partners; no track record, no change."""
        lift = self.track_record_weight * self.track_record[rows]
        return score + lift * (1.0 - score)

    def _related_missing(self, i: int, rows: np.ndarray | slice) -> np.ndarray:
        """How strongly each actor works on concepts related to, but missing from, i's."""
        own = self.concept_matrix[i] > 0
        n = len(self.features) if isinstance(rows, slice) else len(rows)
        if not own.any() or self.concept_matrix.shape[1] == 0:
            return np.zeros(n, np.float32)
        pull = self.relatedness[own].max(axis=0)
        pull[own] = 0.0
        # The summed pull of its concepts, capped at 1.
        return np.minimum(_times(self.concept_matrix, pull, rows), 1.0)

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

    def telling_words(self, words: Iterable[str]) -> set[str]:
        """The technology words rare enough to say that two phrasings name one thing: used
        by at most one actor in twenty, or by a consortium's worth of actors (a word in
        many technologies, "recycling" say, says nothing of that, though the IDF lets it
        count a little in the closeness)."""
        limit = max(TELLING_WORD_ACTORS, TELLING_WORD_SHARE * len(self.features))
        out = set()
        for word in words:
            column = self.concept_columns.get(f"word:{word}")
            if column is not None and self.document_frequency[column] <= limit:
                out.add(word)
        return out

    def shared_concepts(self, i: int, j: int) -> list[tuple[str, float]]:
        """The concepts i and j share, most informative first (letter n-grams left out;
        a technology's words are kept, to say which phrasings are close)."""
        idf = self.concept_idf()
        names = self._concept_names()
        mine = set(self.concept_rows.row(i)[0].tolist())
        both = [c for c in self.concept_rows.row(j)[0].tolist() if c in mine]
        out = [(names[c], float(idf[c])) for c in both if not names[c].startswith("gram:")]
        return sorted(out, key=lambda item: (-item[1], item[0]))

    def _concept_names(self) -> list[str]:
        # Columns are only ever added, so the list stays right while its length does.
        names: list[str] | None = getattr(self, "_names", None)
        if names is None or len(names) != len(self.concept_columns):
            names = [""] * len(self.concept_columns)
            for name, column in self.concept_columns.items():
                names[column] = name
            self._names = names
        return names
