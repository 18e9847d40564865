"""Replacing rows in place gives the answers a full rebuild gives."""

import numpy as np

from app.matching.features import compute_features, reader_for
from app.matching.index import MatchIndex
from app.matching.partners import candidates
from app.matching.rows import SparseRows
from app.reference import nace
from tests.matching.builders import actor, build_index, vocabulary
from tests.matching.planted import population


def _features(profiles):  # type: ignore[no-untyped-def]
    vocab = vocabulary()
    return compute_features(profiles, vocab, reader_for(vocab), nace.section_of_divisions())


def test_replaced_rows_score_as_a_rebuilt_index() -> None:
    actors, regions, groups = population(3)
    index = build_index(actors, regions)
    before = index.pair_scores(0).score.copy()
    first = groups[0]
    changed = [
        actor(
            first.twin,
            "SE33",
            "rdi_platform",
            themes=[first.theme],
            technologies=["biobanking"],
            offers=["testbed", "research", "prototyping"],
            seeks=["sme-network"],
        ),
        actor(9_001, "SE12", themes=[first.theme], offers=["design"], seeks=["testbed"]),
    ]
    updated = index.with_features(_features(changed))
    by_id = {a.id: a for a in actors} | {a.id: a for a in changed}
    rebuilt = build_index(list(by_id.values()), regions)
    for asking in (first.cluster, first.twin, 9_001):
        a = updated.pair_scores(updated.position[asking])
        b = rebuilt.pair_scores(rebuilt.position[asking])
        order = [rebuilt.position[int(i)] for i in updated.ids]
        for name in ("concepts", "thematic", "complementarity", "regional"):
            # Text IDF stays as it was built; every other part is exact.
            tolerance = 0.05 if name == "thematic" else 1e-5
            assert np.allclose(getattr(a, name), getattr(b, name)[order], atol=tolerance), name
        top_a = {c.actor_id: c.score for c in candidates(updated, asking, limit=3)}
        top_b = {c.actor_id: c.score for c in candidates(rebuilt, asking, limit=3)}
        # The same partners; their order may differ only where the stale text IDF
        # moves two near-equal scores past each other.
        assert top_a.keys() == top_b.keys()
        assert all(abs(top_a[k] - top_b[k]) < 0.01 for k in top_a)
    # The old index is untouched: requests still reading it see the old data.
    assert np.array_equal(index.pair_scores(0).score, before)
    assert 9_001 not in index.position


def test_document_frequencies_follow_the_replaced_rows() -> None:
    actors = [actor(k, "SE11", themes=["food"], technologies=["biobanking"]) for k in (1, 2)]
    index = build_index([*actors, actor(3, "SE22", themes=["food"])])
    column = index.concept_columns["tech:biobank"]
    assert index.document_frequency[column] == 2
    updated = index.with_features(_features([actor(2, "SE11", themes=["food"])]))
    assert updated.document_frequency[column] == 1
    assert index.document_frequency[column] == 2
    # A concept held by one actor alone cannot be shared: it weighs nothing.
    assert updated.concept_idf()[column] == 0.0


def test_sparse_rows_overlay_and_merge_agree() -> None:
    rng = np.random.default_rng(4)
    rows = [
        (
            np.sort(rng.choice(50, 5, replace=False)).astype(np.int32),
            rng.random(5, dtype=np.float32),
        )
        for _ in range(30)
    ]
    store = SparseRows.from_rows(rows, 50)
    changes = {3: (np.array([1, 7], np.int32), np.array([0.5, 2.0], np.float32))}
    changes[30] = (np.array([49], np.int32), np.array([3.0], np.float32))  # appended
    changed = store.with_rows(changes, 60)
    dense = rng.random(60, dtype=np.float32)
    expected = np.array(
        [r[1] @ dense[r[0]] for r in [*rows[:3], changes[3], *rows[4:], changes[30]]]
    )
    assert np.allclose(changed.dot(dense), expected, atol=1e-5)
    assert np.allclose(changed.compacted().dot(dense), expected, atol=1e-5)
    assert np.allclose(changed.dot(dense, np.array([3, 30, 5])), expected[[3, 30, 5]], atol=1e-5)
    assert np.allclose(store.dot(dense)[:30], [r[1] @ dense[r[0]] for r in rows], atol=1e-5)
    assert isinstance(changed, SparseRows) and changed.n_rows == 31


def test_an_index_from_no_actors_takes_new_ones() -> None:
    empty = MatchIndex(vocabulary=vocabulary(), regions={}, features=[])
    grown = empty.with_features(_features([actor(1, "SE11", themes=["food"])]))
    assert grown.position == {1: 0}
