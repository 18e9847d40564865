"""Fitting the score weights from stored outcomes, and reporting the model in use.

Fitting is a command's work (`clustermatch matching fit`), never a request's: a request
only reads the stored weights, through the index keeper.
"""

from sqlalchemy.orm import sessionmaker
from sqlmodel import Session

from app.db import session_scope
from app.feedback import service as outcomes
from app.feedback.models import StoredModel
from app.feedback.schemas import LabelCounts, ModelEvaluation, ModelOut, Weights
from app.matching.learning import KEY_SHARE_CAP, default_weights, fit_weights
from app.matching_service.keeper import IndexKeeper

METRIC = "ROC AUC within each held-out query actor's labels, averaged over query actors"


def fit(factory: sessionmaker[Session], share: float = KEY_SHARE_CAP) -> StoredModel:
    """Fit on every label and store the result (the weights to use, fitted or default).
    The fit reads in a read-only transaction and writes one row in a short one, so writers
    never wait for it; the row raises the catalog version, and every process's index
    picks the weights up."""
    with factory() as session:
        index = IndexKeeper().index(session)
        found = outcomes.labels(session)
        session.rollback()  # end the read before the CPU work
    result = fit_weights(index, [item.label for item in found], share)
    with session_scope(factory) as session:
        stored = outcomes.store(session, result, outcomes.count(found))
        return StoredModel.model_validate(stored.model_dump())  # usable once committed


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
