"""Learning the pair-score weights from outcomes.

The pair score is a weighted geometric mean, exp(sum_k w_k * log(c_k + FLOOR)), so ranking
by it is ranking by a linear function of the log components: a logistic regression over
those logs fits exactly the weights the index uses. Fitted weights replace the defaults
only when they rank held-out labels better (cross-validated by query actor), and every
label is weighted so that no single key holds more than a set share of the total, and labels
from few keys move the weights only part of the way: a key that floods verdicts, or is the
only one giving any, cannot move everyone else's rankings by much.
"""

from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from app.matching.bridges import with_bridges
from app.matching.combine import FLOOR
from app.matching.index import MatchIndex
from app.matching.weights import COMPONENTS, Evaluation, FitResult, Label, default_weights

KEY_SHARE_CAP = 0.1  # no key holds more than this share of the label weight (given 10+ keys)
MIN_LABELS = 30  # fewer labels than this: nothing worth fitting
MIN_QUERIES = 5  # query actors with labels, so that folds hold different queries
FOLDS = 5
MIN_GAIN = 0.02  # held-out AUC the fitted weights must add over the defaults ...
GAIN_STANDARD_ERRORS = 2.0  # ... and by this many standard errors over held-out queries
MIN_EXPONENT = 0.05  # every component keeps a say: a pair must still be close and complementary
# Labels from this many keys may move the weights all the way to the fit; fewer keys move
# them part of the way (one key a tenth), so no single key re-weights everyone's rankings.
FULL_TRUST_KEYS = 10


@dataclass
class LabelMatrix:
    """Log score components (one row per usable label) and what each row is about."""

    features: np.ndarray
    positive: np.ndarray
    queries: np.ndarray
    said_by: list[str] = field(default_factory=list)


def label_matrix(
    index: MatchIndex, labels: list[Label], region_level: int | None = 2
) -> LabelMatrix:
    """The components of each labelled pair, scored as a default candidates request
    ranks them (other regions, partners through a shared partner included). Labels
    naming an actor no longer indexed, or a pair of one actor, are left out."""
    by_query: dict[int, list[Label]] = defaultdict(list)
    for label in labels:
        known = label.actor_id in index.position and label.candidate_id in index.position
        if known and label.actor_id != label.candidate_id:
            by_query[label.actor_id].append(label)
    rows: list[np.ndarray] = []
    positive: list[bool] = []
    queries: list[int] = []
    said_by: list[str] = []
    for actor_id, group in sorted(by_query.items()):
        others = np.array([index.position[g.candidate_id] for g in group], dtype=np.int64)
        i = index.position[actor_id]
        scores = index.pair_scores(i, region_level)
        eligible = scores.other_region > 0
        eligible[i] = False
        scores = with_bridges(index, i, scores, eligible)
        parts = [np.log(getattr(scores, name)[others] + FLOOR) for name in COMPONENTS]
        rows.append(np.column_stack(parts))
        positive += [g.positive for g in group]
        queries += [actor_id] * len(group)
        said_by += [g.said_by for g in group]
    features = np.vstack(rows) if rows else np.zeros((0, len(COMPONENTS)))
    return LabelMatrix(
        features=features.astype(np.float64),
        positive=np.array(positive, dtype=bool),
        queries=np.array(queries, dtype=np.int64),
        said_by=said_by,
    )


def capped_weights(said_by: list[str], share: float = KEY_SHARE_CAP) -> np.ndarray:
    """A weight per label such that no key's labels sum to more than `share` of the total
    (with fewer than 1/share keys, every key gets the same total at most). Keys under the
    cap keep weight 1 per label; a key over it has its labels scaled down evenly."""
    if not said_by:
        return np.zeros(0)
    keys, inverse, counts = np.unique(np.array(said_by), return_inverse=True, return_counts=True)
    share = max(share, 1.0 / len(keys))
    totals = counts.astype(np.float64)
    cap = _largest_cap(totals, share)
    per_key = np.minimum(1.0, cap / totals)
    return np.asarray(per_key[inverse], dtype=np.float64)


def _largest_cap(totals: np.ndarray, share: float) -> float:
    """The largest c with c <= share * sum(min(total_k, c)): capping every key at c leaves
    each at most `share` of what remains. The gap c - share * sum(min(t, c)) is convex and 0
    at c = 0, so the values that satisfy it form one interval [0, c*]: bisect for c*."""
    if totals.max() <= share * totals.sum():
        return float(totals.max())
    low, high = 0.0, float(totals.max())
    for _ in range(60):
        middle = (low + high) / 2
        if middle <= share * np.minimum(totals, middle).sum():
            low = middle
        else:
            high = middle
    return low


def pair_auc(scores: np.ndarray, positive: np.ndarray, weights: np.ndarray) -> float:
    """Weighted ROC AUC as the share of (positive, negative) pairs ranked right, ties
    counting half: the same figure as sklearn's roc_auc_score, without its per-call
    checks, which cost milliseconds on each of the thousands of small query groups."""
    pos, neg = scores[positive], scores[~positive]
    pair_weights = np.outer(weights[positive], weights[~positive])
    right = (pos[:, None] > neg[None, :]) + 0.5 * (pos[:, None] == neg[None, :])
    return float((pair_weights * right).sum() / pair_weights.sum())


def grouped_auc(
    scores: np.ndarray, positive: np.ndarray, queries: np.ndarray, weights: np.ndarray
) -> dict[int, tuple[float, float]]:
    """(AUC, weight) per query actor whose labels hold both a positive and a negative."""
    out = {}
    order = np.argsort(queries, kind="stable")
    starts = np.flatnonzero(np.r_[True, queries[order][1:] != queries[order][:-1]])
    for rows in np.split(order, starts[1:]):
        if positive[rows].all() or not positive[rows].any():
            continue
        auc = pair_auc(scores[rows], positive[rows], weights[rows])
        out[int(queries[rows[0]])] = (auc, float(weights[rows].sum()))
    return out


def fit_on(
    features: np.ndarray, positive: np.ndarray, weights: np.ndarray
) -> dict[str, float] | None:
    """Exponents from a logistic regression over the log components: its coefficients,
    kept positive (a better component never lowers the score), floored so that every
    component keeps a say, and scaled to sum to 1 like the defaults. None when no
    component makes a positive label more likely."""
    model = LogisticRegression(C=1.0, max_iter=1000)
    model.fit(features, positive, sample_weight=weights)
    coefficients = np.clip(model.coef_.ravel(), 0.0, None)
    if coefficients.sum() <= 0:
        return None
    exponents = np.maximum(coefficients / coefficients.sum(), MIN_EXPONENT)
    exponents /= exponents.sum()
    return {name: round(float(w), 4) for name, w in zip(COMPONENTS, exponents, strict=True)}


def trusted(fitted: dict[str, float], said_by: list[str]) -> dict[str, float]:
    """The fitted weights moved from the defaults in proportion to how many keys gave the
    labels (all the way from FULL_TRUST_KEYS keys on)."""
    share = min(1.0, len(set(said_by)) / FULL_TRUST_KEYS)
    defaults = default_weights()
    return {k: round(defaults[k] + share * (fitted[k] - defaults[k]), 4) for k in COMPONENTS}


def _ranking(features: np.ndarray, weights: dict[str, float]) -> np.ndarray:
    return np.asarray(features @ np.array([weights[name] for name in COMPONENTS]))


def cross_validate(data: LabelMatrix, share: float = KEY_SHARE_CAP) -> Evaluation | None:
    """Fitted against default weights on folds of query actors never seen in fitting;
    None when no fold can be scored."""
    groups = len(np.unique(data.queries))
    folds = min(FOLDS, groups)
    per_query: list[tuple[float, float, float]] = []  # (fitted AUC, default AUC, weight)
    scored_folds = 0
    for train, test in GroupKFold(n_splits=folds).split(data.features, groups=data.queries):
        if data.positive[train].all() or not data.positive[train].any():
            continue
        train_weights = capped_weights([data.said_by[i] for i in train], share)
        fitted = fit_on(data.features[train], data.positive[train], train_weights)
        # What would be used: nothing learnt is no gain on this fold.
        fitted = trusted(fitted, [data.said_by[i] for i in train]) if fitted else default_weights()
        test_weights = capped_weights([data.said_by[i] for i in test], share)
        args = (data.positive[test], data.queries[test], test_weights)
        fitted_auc = grouped_auc(_ranking(data.features[test], fitted), *args)
        default_auc = grouped_auc(_ranking(data.features[test], default_weights()), *args)
        if fitted_auc:
            scored_folds += 1
        per_query += [(fitted_auc[q][0], default_auc[q][0], fitted_auc[q][1]) for q in fitted_auc]
    if not per_query:
        return None
    fitted_aucs, default_aucs, weights = (
        np.array(column) for column in zip(*per_query, strict=True)
    )
    share_of = weights / weights.sum()
    gains = fitted_aucs - default_aucs
    mean_gain = float(share_of @ gains)
    # Standard error of the weighted mean gain over the held-out query actors.
    spread = float(np.sqrt(share_of @ (gains - mean_gain) ** 2))
    effective = 1.0 / float((share_of**2).sum())
    return Evaluation(
        default_auc=round(float(share_of @ default_aucs), 4),
        fitted_auc=round(float(share_of @ fitted_aucs), 4),
        gain_standard_error=round(float(spread / np.sqrt(max(effective - 1.0, 1.0))), 4),
        folds=scored_folds,
        labels=len(data.positive),
        queries=len(per_query),
    )


def fit_weights(index: MatchIndex, labels: list[Label], share: float = KEY_SHARE_CAP) -> FitResult:
    """The weights to use from these labels: fitted ones if they beat the defaults on
    held-out query actors by a clear margin, the defaults otherwise (with the reason)."""
    data = label_matrix(index, labels)
    n = len(data.positive)
    defaults = default_weights()
    if n < MIN_LABELS or data.positive.all() or not data.positive.any():
        reason = f"too few labels to fit: {n} usable, both kinds needed, {MIN_LABELS} at least"
        return FitResult(defaults, "default", reason, usable_labels=n)
    if len(np.unique(data.queries)) < MIN_QUERIES:
        reason = f"labels for fewer than {MIN_QUERIES} query actors: nothing to hold out"
        return FitResult(defaults, "default", reason, usable_labels=n)
    fitted = fit_on(data.features, data.positive, capped_weights(data.said_by, share))
    if fitted is None:
        reason = "no score component makes a positive label more likely"
        return FitResult(defaults, "default", reason, usable_labels=n)
    fitted = trusted(fitted, data.said_by)
    evaluation = cross_validate(data, share)
    if evaluation is None:
        reason = "no held-out query actor has both positive and negative labels"
        return FitResult(defaults, "default", reason, fitted, None, n)
    gain = evaluation.fitted_auc - evaluation.default_auc
    needed = max(MIN_GAIN, GAIN_STANDARD_ERRORS * evaluation.gain_standard_error)
    if gain < needed:
        reason = f"fitted weights add {gain:+.3f} held-out AUC; {needed:.3f} needed"
        return FitResult(defaults, "default", reason, fitted, evaluation, n)
    reason = f"fitted weights add {gain:+.3f} held-out AUC (needed {needed:.3f})"
    return FitResult(fitted, "fitted", reason, fitted, evaluation, n)
