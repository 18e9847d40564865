"""Recording verdicts, gathering every label a fit reads, and the stored weights."""

from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session, col, select

from app.actors.models import Actor
from app.auth.models import ApiKey
from app.auth.service import Principal
from app.consortia.models import SavedConsortium, Status
from app.core.columns import utcnow
from app.errors import FieldError, Forbidden, InvalidPayload
from app.feedback.models import POSITIVE, Feedback, StoredModel, Verdict, said_by
from app.feedback.schemas import FeedbackIn, FeedbackOut, LabelCounts
from app.matching.weights import FitResult, Label

FEEDBACK, CONSORTIUM = "feedback", "consortium"


@dataclass(frozen=True)
class SourcedLabel:
    label: Label
    source: str  # FEEDBACK or CONSORTIUM
    verdict: str  # a Verdict, or the consortium's status (funded, rejected)


def _check(session: Session, body: FeedbackIn, principal: Principal) -> None:
    regions = dict(
        session.execute(
            sa.select(col(Actor.id), col(Actor.region_code)).where(
                col(Actor.id).in_([body.actor_id, body.candidate_id])
            )
        ).all()
    )
    errors = [
        FieldError(field=name, message=f"no actor with id {actor_id}")
        for name, actor_id in (("actor_id", body.actor_id), ("candidate_id", body.candidate_id))
        if actor_id not in regions
    ]
    if errors:
        raise InvalidPayload.of(errors)
    # Editors speak for their own region's actors only, so their verdicts shape the
    # rankings of actors they answer for.
    if not principal.may_write_region(regions[body.actor_id]):
        raise Forbidden(
            f"a {principal.role} key scoped to {principal.scope} may give feedback only for "
            f"actors inside its scope; actor {body.actor_id} is in {regions[body.actor_id]}"
        )


def record(session: Session, body: FeedbackIn, principal: Principal) -> FeedbackOut:
    """Store a verdict; the same key's earlier verdict on the same pair is replaced."""
    _check(session, body, principal)
    who = said_by(principal.key_id)
    row = session.exec(
        select(Feedback).where(
            Feedback.said_by == who,
            Feedback.actor_id == body.actor_id,
            Feedback.candidate_id == body.candidate_id,
        )
    ).first()
    previous = Verdict(row.verdict) if row is not None else None
    if row is None:
        row = Feedback(
            actor_id=body.actor_id,
            candidate_id=body.candidate_id,
            verdict=body.verdict,
            key_id=principal.key_id,
            said_by=who,
        )
        session.add(row)
    else:
        row.verdict = body.verdict
        row.updated_at = utcnow()
    session.flush()  # a racing duplicate fails here: the IntegrityError handler says 409
    assert row.id is not None
    return FeedbackOut(
        id=row.id,
        actor_id=row.actor_id,
        candidate_id=row.candidate_id,
        verdict=Verdict(row.verdict),
        key_id=row.key_id,
        replaced=previous is not None,
        previous_verdict=previous,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _live_verdicts() -> sa.Select:
    """Verdicts of keys not revoked (a revoked key loses its say), oldest first."""
    return (
        sa.select(
            col(Feedback.actor_id),
            col(Feedback.candidate_id),
            col(Feedback.verdict),
            col(Feedback.said_by),
        )
        .outerjoin(ApiKey, col(ApiKey.id) == col(Feedback.key_id))
        .where(col(ApiKey.revoked_at).is_(None))
        .order_by(col(Feedback.id))
    )


def _decided_consortia() -> sa.Select:
    return (
        sa.select(
            col(SavedConsortium.member_ids),
            col(SavedConsortium.status),
            col(SavedConsortium.owner_key_id),
        )
        .where(col(SavedConsortium.status).in_([Status.funded, Status.rejected]))
        .order_by(col(SavedConsortium.id))
    )


def labels(session: Session) -> list[SourcedLabel]:
    """Every label: verdicts of keys not revoked (a revoked key loses its say), and each
    ordered member pair of a funded (positive) or rejected (negative) saved consortium,
    said by the key that saved it."""
    out = []
    for actor_id, candidate_id, verdict, who in session.execute(_live_verdicts()):
        label = Label(actor_id, candidate_id, Verdict(verdict) in POSITIVE, who)
        out.append(SourcedLabel(label, FEEDBACK, verdict))
    for member_ids, status, owner in session.execute(_decided_consortia()):
        for a in member_ids:
            for b in member_ids:
                if a != b:
                    label = Label(a, b, status == Status.funded, said_by(owner))
                    out.append(SourcedLabel(label, CONSORTIUM, status))
    return out


def count(found: list[SourcedLabel]) -> LabelCounts:
    """What these labels are, by source and verdict."""
    tally: dict[tuple[str, str], int] = {}
    for item in found:
        tally[(item.source, item.verdict)] = tally.get((item.source, item.verdict), 0) + 1
    return _counts(tally)


def count_stored(session: Session) -> LabelCounts:
    """The same counts as `count(labels(session))`, with verdicts counted by the database:
    a request reading them does not load every verdict."""
    verdicts = _live_verdicts().subquery()
    tally = {
        (FEEDBACK, str(verdict)): int(n)
        for verdict, n in session.execute(
            sa.select(verdicts.c.verdict, sa.func.count()).group_by(verdicts.c.verdict)
        )
    }
    for member_ids, status, _owner in session.execute(_decided_consortia()):
        pairs = len(member_ids) * (len(member_ids) - 1)
        tally[(CONSORTIUM, status)] = tally.get((CONSORTIUM, status), 0) + pairs
    return _counts(tally)


def _counts(tally: dict[tuple[str, str], int]) -> LabelCounts:
    by_source = dict.fromkeys((FEEDBACK, CONSORTIUM), 0)
    by_verdict = dict.fromkeys([str(v) for v in (*Verdict, Status.funded, Status.rejected)], 0)
    positive = 0
    for (source, verdict), n in tally.items():
        by_source[source] += n
        by_verdict[verdict] += n
        positive += n if verdict in POSITIVE or verdict == Status.funded else 0
    total = sum(tally.values())
    return LabelCounts(
        total=total,
        positive=positive,
        negative=total - positive,
        by_source=by_source,
        by_verdict=by_verdict,
    )


def latest_model(session: Session) -> StoredModel | None:
    return session.exec(select(StoredModel).order_by(col(StoredModel.id).desc()).limit(1)).first()


def weights_in_use(session: Session) -> dict[str, float] | None:
    """The newest stored weights, or None before any fit (the engine's defaults apply)."""
    weights = session.execute(
        sa.select(col(StoredModel.weights)).order_by(col(StoredModel.id).desc()).limit(1)
    ).scalar_one_or_none()
    return dict(weights) if weights is not None else None


def store(session: Session, result: FitResult, counts: LabelCounts) -> StoredModel:
    evaluation = result.evaluation
    row = StoredModel(
        source=result.source,
        weights=result.weights,
        fitted_weights=result.fitted_weights,
        evaluation=None
        if evaluation is None
        else {
            "default_auc": evaluation.default_auc,
            "fitted_auc": evaluation.fitted_auc,
            "gain_standard_error": evaluation.gain_standard_error,
            "folds": evaluation.folds,
            "labels": evaluation.labels,
            "queries": evaluation.queries,
        },
        label_counts=counts.model_dump(),
        reason=result.reason,
    )
    session.add(row)
    session.flush()
    return row
