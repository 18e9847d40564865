"""What GET /matching/model reports: the weights in use, the labels, the last fit."""

from sqlmodel import Session

from app.feedback import service as outcomes
from app.feedback.schemas import LabelCounts, ModelEvaluation, ModelOut, Weights
from app.matching.weights import default_weights

METRIC = "ROC AUC within each held-out query actor's labels, averaged over query actors"


def model(session: Session) -> ModelOut:
    stored = outcomes.latest_model(session)
    counts = outcomes.count_stored(session)
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
