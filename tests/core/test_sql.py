"""SQL helpers on both databases."""

from sqlmodel import Session, select

from app.actors.models import Actor, ActorKind
from app.core.sql import blocking_references, json_list_has
from app.reference import nuts
from app.regions.models import Region, RegionPut, S3PriorityIn
from app.regions.service import apply_put


def test_blocking_references_count_only_rows_that_forbid_a_delete(session: Session) -> None:
    entry = nuts.lookup("SE22")
    assert entry is not None
    body = RegionPut(s3_priorities=[S3PriorityIn(title="Food", themes=["food"])])
    apply_put(session, entry, body, None)
    session.flush()
    table = Region.__table__  # type: ignore[attr-defined]
    # Its S3 priorities are deleted with it (ON DELETE CASCADE): they do not block.
    assert blocking_references(session, table, "SE22") is None
    for name in ("A", "B"):
        session.add(Actor(kind=ActorKind.cluster, name=name, region_code="SE22"))
    session.flush()
    assert blocking_references(session, table, "SE22") == "2 actor(s)"
    assert blocking_references(session, table, "SE23") is None


def test_json_list_has_matches_whole_items_or_prefixes(session: Session) -> None:
    entry = nuts.lookup("SE22")
    assert entry is not None
    apply_put(session, entry, RegionPut(), None)
    session.flush()
    session.add(
        Actor(kind=ActorKind.cluster, name="A", region_code="SE22", nace_codes=["26.11", "C"])
    )
    session.add(Actor(kind=ActorKind.cluster, name="B", region_code="SE22", nace_codes=["26"]))
    session.flush()

    def names(condition: object) -> list[str]:
        return sorted(session.exec(select(Actor.name).where(condition)))  # type: ignore[arg-type]

    assert names(json_list_has(Actor.nace_codes, "26")) == ["B"]
    assert names(json_list_has(Actor.nace_codes, "26", prefix=True)) == ["A", "B"]
    assert names(json_list_has(Actor.nace_codes, "26.1", prefix=True)) == ["A"]
    assert names(json_list_has(Actor.nace_codes, "%")) == []  # wildcards are literal
