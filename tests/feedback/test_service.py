"""The labels a fit reads: verdicts of live keys, and member pairs of decided consortia."""

from sqlmodel import Session

from app.auth.models import ApiKeyCreate, Role
from app.auth.service import Principal, create_key, revoke_key
from app.consortia.models import SavedConsortium, Status
from app.feedback import service as outcomes
from app.feedback.schemas import FeedbackIn
from tests.service_world import build_world


def _consortium(session: Session, members: list[int], status: Status, owner: int | None) -> None:
    session.add(SavedConsortium(name="C", member_ids=members, status=status, owner_key_id=owner))
    session.flush()


def test_funded_and_rejected_consortia_are_labels_on_every_member_pair(session: Session) -> None:
    ids = build_world(session)
    funded = [ids["skane"], ids["vgr_lab"], ids["sthlm"]]
    rejected = [ids["dk"], ids["fi"], ids["sthlm_lab"]]
    _consortium(session, funded, Status.funded, owner=7)
    _consortium(session, rejected, Status.rejected, owner=None)
    _consortium(session, [ids["skane"], ids["uppsala_ict"]], Status.submitted, owner=7)
    _consortium(session, [ids["dk"], ids["uppsala_ict"]], Status.draft, owner=7)

    found = outcomes.labels(session)
    pairs = {(f.label.actor_id, f.label.candidate_id): f for f in found}
    assert len(found) == len(pairs) == 12  # 3 x 2 ordered pairs in each decided consortium
    for a in funded:
        for b in funded:
            if a != b:
                item = pairs[(a, b)]
                assert (item.label.positive, item.source, item.verdict) == (
                    True,
                    "consortium",
                    "funded",
                )
                assert item.label.said_by == "key:7"  # the key that chose the members
    assert all(not pairs[(a, b)].label.positive for a in rejected for b in rejected if a != b)
    assert pairs[(rejected[0], rejected[1])].label.said_by == "admin-token"
    counts = outcomes.count(found)
    assert (counts.positive, counts.negative) == (6, 6)
    assert counts.by_source == {"feedback": 0, "consortium": 12}
    assert (counts.by_verdict["funded"], counts.by_verdict["rejected"]) == (6, 6)


def test_verdicts_of_a_revoked_key_no_longer_count(session: Session) -> None:
    ids = build_world(session)
    kept, _ = create_key(session, ApiKeyCreate(role=Role.integrator))
    dropped, _ = create_key(session, ApiKeyCreate(role=Role.integrator))
    for row, verdict in ((kept, "relevant"), (dropped, "not_relevant")):
        body = FeedbackIn(actor_id=ids["skane"], candidate_id=ids["vgr_lab"], verdict=verdict)
        outcomes.record(session, body, Principal(role=Role.integrator, key_id=row.id))
    admin = FeedbackIn(actor_id=ids["skane"], candidate_id=ids["dk"], verdict="contacted")
    outcomes.record(session, admin, Principal(role=Role.admin))
    assert len(outcomes.labels(session)) == 3
    assert dropped.id is not None
    revoke_key(session, dropped.id)
    session.flush()
    found = outcomes.labels(session)
    assert sorted(f.label.said_by for f in found) == sorted(["admin-token", f"key:{kept.id}"])
    assert all(f.label.positive for f in found)
