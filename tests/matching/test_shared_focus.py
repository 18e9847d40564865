import numpy as np

from app.matching.objective import Pool, evaluate, shared_focus


def _pool(focus: list[list[float]], names: list[bool]) -> Pool:
    n = len(names)
    ones = np.ones((n, n)) - np.eye(n)
    return Pool(
        ids=np.arange(1, n + 1),
        thematic=0.5 * ones,
        complementarity=0.5 * ones,
        redundancy=np.zeros((n, n)),
        themes=np.ones((n, 1)),
        offers=np.zeros((n, 1)),
        seeks=np.zeros((n, 1)),
        region=np.arange(n),
        is_cluster=np.zeros(n, dtype=bool),
        focus=np.array(focus, dtype=np.float32).reshape(n, -1),
        names_focus=np.array(names),
    )


def test_members_naming_one_technology_cohere_more() -> None:
    # Actors 0-2 share one technology; actor 3 names one nobody else does; 4 names none.
    pool = _pool([[1], [1], [1], [0], [0]], [True, True, True, True, False])
    sets = np.array([[0, 1, 2], [0, 1, 3], [0, 3, 4]])
    assert shared_focus(pool, sets).tolist() == [1.0, 2 / 3, 1 / 3]
    coherence = evaluate(pool, sets)["coherence"]
    assert coherence[0] > coherence[1] > coherence[2]


def test_a_pool_where_nobody_names_a_technology() -> None:
    pool = _pool([[], [], []], [False, False, False])
    assert shared_focus(pool, np.array([[0, 1, 2]])).tolist() == [0.0]


def test_technologies_nobody_else_names_count_as_one_member() -> None:
    # No column: no technology is named twice in the pool, yet two members name one.
    pool = _pool([[], [], []], [True, True, False])
    assert shared_focus(pool, np.array([[0, 1, 2], [2, 2, 2]])).tolist() == [1 / 3, 0.0]
