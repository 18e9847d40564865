"""Fitting the score weights from stored outcomes, and reporting the model in use.

Fitting is a command's work (`clustermatch matching fit`), never a request's: a request
only reads the stored weights, through the index keeper.
"""

from sqlmodel import Session

from app.feedback import service as outcomes
from app.feedback.models import StoredModel
from app.feedback.schemas import LabelCounts, ModelEvaluation, ModelOut, Weights
from app.matching.learning import KEY_SHARE_CAP, default_weights, fit_weights
from app.matching_service.keeper import IndexKeeper

METRIC = "ROC AUC within each held-out query actor's labels, averaged over query actors"


def fit(session: Session, share: float = KEY_SHARE_CAP) -> StoredModel:
    """Fit on every label, store the result (the weights to use, fitted or default); the
    stored row raises the catalog version, so every process's index picks it up."""
    index = IndexKeeper().index(session)
    found = outcomes.labels(session)
    result = fit_weights(index, [item.label for item in found], share)
    return outcomes.store(session, result, outcomes.count(found))


def model(session: Session) -> ModelOut:
    stored = outcomes.latest_model(session)
    counts = outcomes.count(outcomes.labels(session))
    defaults = Weights.model_validate(default_weights())
    if stored is None:
        return ModelOut(
            source="default",
            weights=defaults,
            default_weights=defaults,
            fitted_weights=None,
            evaluation=None,
            reason=None,
            fitted_at=None,
            labels=counts,
            labels_at_fit=None,
        )
    return ModelOut(
        source=stored.source,
        weights=Weights.model_validate(stored.weights),
        default_weights=defaults,
        fitted_weights=Weights.model_validate(stored.fitted_weights)
        if stored.fitted_weights
        else None,
        evaluation=ModelEvaluation(metric=METRIC, **stored.evaluation)
        if stored.evaluation
        else None,
        reason=stored.reason,
        fitted_at=stored.fitted_at,
        labels=counts,
        labels_at_fit=LabelCounts.model_validate(stored.label_counts),
    )
