"""Fitting from stored verdicts: the fitted weights are stored, and every keeper (every
API process) ranks with them from then on; weights that lose to the defaults change
nothing."""

import random

import numpy as np
from sqlalchemy import Engine
from sqlmodel import Session

from app.actors.models import Actor
from app.auth.models import ApiKeyCreate, Role
from app.auth.service import Principal, create_key
from app.db import session_scope
from app.feedback import service as outcomes
from app.feedback.models import StoredModel
from app.feedback.schemas import FeedbackIn
from app.matching.index import MatchIndex
from app.matching.learning import Label, default_weights
from app.matching.partners import candidates
from app.matching_service import learning
from app.matching_service import model as model_report
from app.matching_service.keeper import IndexKeeper
from app.reference import nuts
from app.regions.models import RegionPut
from app.regions.service import apply_put
from app.tracking import session_factory
from tests.matching.outcomes import TRUE_WEIGHTS, planted_labels, random_labels
from tests.matching.planted import population


def _planted_world(session: Session) -> None:
    actors, regions, _groups = population(3, noise=40)
    for region in regions:
        entry = nuts.lookup(region.code)
        assert entry is not None
        priorities = [{"title": "S3", "themes": sorted(region.priority_themes)}]
        apply_put(session, entry, RegionPut.model_validate({"s3_priorities": priorities}), None)
    session.flush()
    for profile in actors:
        session.add(
            Actor(
                id=profile.id,
                kind=profile.kind,
                name=profile.name,
                region_code=profile.region_code,
                description=profile.description,
                themes=sorted(profile.themes),
                nace_codes=sorted(profile.nace_codes),
                offers=sorted(profile.offers),
                seeks=sorted(profile.seeks),
            )
        )
    session.flush()


def _record(session: Session, labels: list[Label]) -> None:
    """Each label as a verdict of its own integrator key (one key per `said_by`)."""
    rng = random.Random(5)
    keys: dict[str, int] = {}
    for label in labels:
        if label.said_by not in keys:
            row, _ = create_key(session, ApiKeyCreate(role=Role.integrator))
            assert row.id is not None
            keys[label.said_by] = row.id
        verdict = rng.choice(["relevant", "contacted", "partnered"]) if label.positive else None
        body = FeedbackIn(
            actor_id=label.actor_id,
            candidate_id=label.candidate_id,
            verdict=verdict or "not_relevant",
        )
        outcomes.record(session, body, Principal(role=Role.integrator, key_id=keys[label.said_by]))


def _tops(index: MatchIndex) -> dict[int, list[int]]:
    return {int(a): [c.actor_id for c in candidates(index, int(a), limit=10)] for a in index.ids}


def _run(engine: Engine, work):  # type: ignore[no-untyped-def]
    with session_scope(session_factory(engine)) as session:
        return work(session)


def test_fitted_weights_that_beat_the_defaults_are_stored_and_picked_up(engine: Engine) -> None:
    _run(engine, _planted_world)
    keeper = IndexKeeper()  # a running API process
    before = _run(engine, keeper.index)
    assert before.weights == default_weights()
    _run(engine, lambda s: _record(s, planted_labels(before, TRUE_WEIGHTS, seed=1)))
    assert _run(engine, keeper.index).weights == default_weights()  # verdicts alone: no change

    stored = learning.fit(session_factory(engine))
    assert stored.source == "fitted", stored.reason
    assert stored.weights["complementarity"] > default_weights()["complementarity"] + 0.15
    assert stored.evaluation is not None
    assert stored.evaluation["fitted_auc"] > stored.evaluation["default_auc"]

    after = _run(engine, keeper.index)
    assert after.weights == stored.weights
    assert _tops(after) == _tops(before.with_weights(stored.weights))
    assert _tops(after) != _tops(before)  # the fitted model reorders candidates

    shown = _run(engine, model_report.model)
    assert (shown.source, shown.weights.model_dump()) == ("fitted", stored.weights)
    assert shown.labels.by_source["feedback"] == len(planted_labels(before, TRUE_WEIGHTS, 1))
    assert shown.labels_at_fit == shown.labels

    # An operator goes back to the defaults: every process ranks as before the fit.
    reset = learning.reset(session_factory(engine))
    assert (reset.source, reset.weights) == ("default", default_weights())
    assert _tops(_run(engine, keeper.index)) == _tops(before)
    assert _run(engine, model_report.model).labels == shown.labels  # the verdicts stay


def test_weights_that_do_not_beat_the_defaults_change_no_ranking(engine: Engine) -> None:
    _run(engine, _planted_world)
    keeper = IndexKeeper()
    before = _run(engine, keeper.index)
    _run(engine, lambda s: _record(s, random_labels(before, seed=2)))
    stored = learning.fit(session_factory(engine))
    assert stored.source == "default", stored.reason
    assert stored.weights == default_weights()
    after = _run(engine, keeper.index)
    assert after.weights == default_weights()
    assert _tops(after) == _tops(before)
    assert np.array_equal(after.ids, before.ids)


def test_stored_weights_for_other_components_fall_back_to_the_defaults(engine: Engine) -> None:
    _run(engine, _planted_world)

    def store_odd_weights(session: Session) -> None:
        session.add(StoredModel(source="fitted", weights={"thematic": 0.5, "other": 0.5}))

    _run(engine, store_odd_weights)
    index = _run(engine, IndexKeeper().index)
    assert index.weights == default_weights()
    assert len(_tops(index)) == len(index)  # ranks, instead of failing on a missing weight
