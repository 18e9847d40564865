"""The per-process index keeper: fresh after writes matching reads, never a queue."""

import gc
import threading

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from app import catalog
from app.consortia.models import SavedConsortium, Status
from app.db import session_scope
from app.matching.index import MatchIndex
from app.matching_service import keeper as keeper_module
from app.matching_service.keeper import IndexKeeper
from app.tracking import session_factory
from tests.service_world import build_world


class SlowKeeper(IndexKeeper):
    """Its refreshes after the first wait until the test lets them finish."""

    def __init__(self) -> None:
        super().__init__()
        self.refreshing = threading.Event()
        self.finish = threading.Event()

    def _refresh(self, session: Session, version: int) -> None:
        if self._index is not None:
            self.refreshing.set()
            assert self.finish.wait(timeout=30)
        super()._refresh(session, version)


def write(engine: Engine, work) -> None:  # type: ignore[no-untyped-def]
    with session_scope(session_factory(engine)) as session:
        work(session)


def test_requests_are_answered_from_the_previous_index_during_a_refresh(engine: Engine) -> None:
    write(engine, build_world)
    keeper = SlowKeeper()
    factory = session_factory(engine)
    with factory() as session:
        first = keeper.index(session)
    write(engine, catalog.bump)  # the catalog moves on
    results: list[MatchIndex] = []

    def refresh() -> None:
        with factory() as session:
            results.append(keeper.index(session))

    refresher = threading.Thread(target=refresh)
    refresher.start()
    assert keeper.refreshing.wait(timeout=30)
    with factory() as session:
        assert keeper.index(session) is first  # not queued behind the refresh
    keeper.finish.set()
    refresher.join(timeout=30)
    assert results and results[0] is not first
    with factory() as session:
        assert keeper.index(session) is results[0]


def test_only_a_funded_consortium_moves_the_catalog_version(engine: Engine) -> None:
    ids: dict[str, int] = {}
    write(engine, lambda s: ids.update(build_world(s)))

    def version() -> int:
        with Session(engine) as session:
            return catalog.current_version(session)

    before = version()
    saved = SavedConsortium(name="Draft", member_ids=[ids["skane"], ids["vgr_lab"]])
    write(engine, lambda s: s.add(saved))
    assert version() == before

    def fund(session: Session) -> None:
        row = session.get(SavedConsortium, saved.id)
        assert row is not None
        row.status = Status.funded
        row.version += 1

    write(engine, fund)
    assert version() == before + 1


def test_a_funded_consortium_updates_the_track_record_without_a_rebuild(engine: Engine) -> None:
    ids: dict[str, int] = {}
    write(engine, lambda s: ids.update(build_world(s)))
    keeper = IndexKeeper(track_record_weight=0.5)
    factory = session_factory(engine)
    with factory() as session:
        before = keeper.index(session)
    saved = SavedConsortium(
        name="Won", member_ids=[ids["skane"], ids["vgr_lab"]], status=Status.funded
    )
    write(engine, lambda s: s.add(saved))
    with factory() as session:
        after = keeper.index(session)
    assert after is not before
    assert after.themes is before.themes and after.text is before.text  # nothing rebuilt
    lab = after.position[ids["vgr_lab"]]
    assert before.track_record[lab] == 0 and after.track_record[lab] > 0
    skane = after.position[ids["skane"]]
    assert after.pair_scores(skane, 2).score[lab] > before.pair_scores(skane, 2).score[lab]


def test_a_changed_actor_replaces_its_rows_without_a_rebuild(engine: Engine) -> None:
    from app.actors.models import Actor

    ids: dict[str, int] = {}
    write(engine, lambda s: ids.update(build_world(s)))
    keeper = IndexKeeper()
    factory = session_factory(engine)
    with factory() as session:
        before = keeper.index(session)

    def describe(session: Session) -> None:
        actor = session.get(Actor, ids["sthlm"])
        assert actor is not None
        actor.description = "Vi söker forskning med fokus på biobanker"
        actor.seeks = ["research"]
        actor.version += 1

    write(engine, describe)
    with factory() as session:
        after = keeper.index(session)
    sthlm = after.position[ids["sthlm"]]
    assert after.features[sthlm].seeks == {"research"}
    assert "biobank" in after.features[sthlm].technologies
    # Rows replaced: the sparse base matrices are shared, not rebuilt.
    assert after.text.base is before.text.base
    assert after.concept_rows.base is before.concept_rows.base
    assert before.features[before.position[ids["sthlm"]]].seeks == {"design"}


def test_a_large_full_build_is_hidden_from_the_cycle_collector(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(engine, build_world)
    factory = session_factory(engine)
    gc.unfreeze()
    try:
        with factory() as session:
            IndexKeeper().index(session)  # a small catalog: nothing frozen
        assert gc.get_freeze_count() == 0
        monkeypatch.setattr(keeper_module, "FREEZE_MIN_ACTORS", 1)
        with factory() as session:
            index = IndexKeeper().index(session)
        # The index's own objects are frozen: a collection pass no longer walks them.
        assert gc.get_freeze_count() > 0
        assert not any(o is index.features for o in gc.get_objects())
    finally:
        gc.unfreeze()
