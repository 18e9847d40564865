"""The names and default weights of the pair-score components, and the labels a fit
reads and the result it gives. Kept apart from `learning.py` so that ranking and
recording outcomes need none of the fitting libraries."""

from dataclasses import dataclass

from app.matching.combine import COMPONENTS, DEFAULT_WEIGHTS

__all__ = ["COMPONENTS", "Evaluation", "FitResult", "Label", "default_weights"]


def default_weights() -> dict[str, float]:
    return {name: DEFAULT_WEIGHTS[name] for name in COMPONENTS}


@dataclass(frozen=True)
class Label:
    """One outcome: was `candidate_id` a good partner for `actor_id`?"""

    actor_id: int
    candidate_id: int
    positive: bool
    said_by: str  # whose label it is (one API key, or the owner of a saved consortium)


@dataclass(frozen=True)
class Evaluation:
    """Cross-validated ranking quality: ROC AUC within each held-out query actor's labels,
    averaged over query actors weighted by their (capped) label weight."""

    default_auc: float
    fitted_auc: float
    gain_standard_error: float
    folds: int
    labels: int
    queries: int


@dataclass(frozen=True)
class FitResult:
    weights: dict[str, float]  # the weights to use
    source: str  # "fitted" or "default"
    reason: str  # why these weights
    fitted_weights: dict[str, float] | None = None  # fitted on every label, used or not
    evaluation: Evaluation | None = None
    usable_labels: int = 0
