"""Fitting the score weights from stored outcomes.

Fitting is a command's work (`clustermatch matching fit`), never a request's: a request
only reads the stored weights, through the index keeper, and API processes never import
this module (nor the fitting libraries).
"""

from sqlalchemy.orm import sessionmaker
from sqlmodel import Session

from app.db import session_scope
from app.feedback import service as outcomes
from app.feedback.models import StoredModel
from app.matching.learning import KEY_SHARE_CAP, fit_weights
from app.matching.weights import FitResult, default_weights
from app.matching_service.keeper import IndexKeeper


def fit(factory: sessionmaker[Session], share: float = KEY_SHARE_CAP) -> StoredModel:
    """Fit on every label and store the result (the weights to use, fitted or default).
    The fit reads in a read-only transaction and writes one row in a short one, so writers
    never wait for it; the row raises the catalog version, and every process's index
    picks the weights up."""
    with factory() as session:
        index = IndexKeeper().index(session)
        found = outcomes.labels(session)
        session.rollback()  # end the read before the CPU work
    return _store(factory, fit_weights(index, [item.label for item in found], share), found)


def reset(factory: sessionmaker[Session]) -> StoredModel:
    """Go back to the default weights, stored like a fit (every process picks them up);
    the verdicts stay, and the next fit may choose fitted weights again."""
    with factory() as session:
        found = outcomes.labels(session)
        session.rollback()
    result = FitResult(default_weights(), "default", "reset to the default weights")
    return _store(factory, result, found)


def _store(
    factory: sessionmaker[Session], result: FitResult, found: list[outcomes.SourcedLabel]
) -> StoredModel:
    with session_scope(factory) as session:
        stored = outcomes.store(session, result, outcomes.count(found))
        return StoredModel.model_validate(stored.model_dump())  # usable once committed
