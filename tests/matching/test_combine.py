"""The pair score as docs/MATCHING.md describes it: a weighted geometric mean of the three
components (each lifted by a small floor), worked out here by hand with math.exp/log."""

import math

import numpy as np
import pytest

from app.matching.combine import combine

FLOOR = 0.02  # copied by hand: a changed floor is a difference the tests see
DEFAULTS = {"thematic": 0.55, "complementarity": 0.35, "regional": 0.1}


def by_hand(parts: dict[str, float], weights: dict[str, float]) -> float:
    total = sum(weights.values())
    log_score = sum(w / total * math.log(parts[k] + FLOOR) for k, w in weights.items())
    return min(max(math.exp(log_score), 0.0), 1.0)


CASES = [
    {"thematic": 0.8, "complementarity": 0.5, "regional": 1.0},
    {"thematic": 0.3, "complementarity": 0.9, "regional": 0.5},
    {"thematic": 0.0, "complementarity": 1.0, "regional": 1.0},
    {"thematic": 0.6, "complementarity": 0.0, "regional": 0.25},
    {"thematic": 1.0, "complementarity": 1.0, "regional": 1.0},
]


def test_the_default_weights_and_the_floor() -> None:
    parts = {k: np.array([case[k] for case in CASES]) for k in DEFAULTS}
    expected = [by_hand(case, DEFAULTS) for case in CASES]
    assert combine(parts).tolist() == pytest.approx(expected, abs=1e-9)
    assert combine(parts)[-1] == 1.0  # 1 + floor is clipped


def test_weights_are_an_argument_and_only_their_proportions_count() -> None:
    weights = {"thematic": 0.2, "complementarity": 0.2, "regional": 0.6}
    scaled = {k: 5 * w for k, w in weights.items()}
    parts = {k: np.array([case[k] for case in CASES]) for k in DEFAULTS}
    expected = [by_hand(case, weights) for case in CASES]
    assert combine(parts, weights).tolist() == pytest.approx(expected, abs=1e-9)
    assert combine(parts, scaled).tolist() == pytest.approx(expected, abs=1e-9)


def test_a_zero_component_sinks_the_score_a_sum_would_not() -> None:
    off_theme = {
        "thematic": np.array([0.0]),
        "complementarity": np.array([1.0]),
        "regional": np.array([1.0]),
    }
    balanced = {k: np.array([0.5]) for k in DEFAULTS}
    assert float(combine(off_theme)[0]) < 0.2 < float(combine(balanced)[0])


def test_float32_components_are_combined_in_double_precision() -> None:
    """The index's components are float32; the score is computed in float64, so pairs
    whose components differ in the last float32 digits still rank apart."""
    parts32 = {k: np.array([case[k] for case in CASES], dtype=np.float32) for k in DEFAULTS}
    found = combine(parts32)
    assert found.dtype == np.float64
    as_given = [{k: float(parts32[k][i]) for k in DEFAULTS} for i in range(len(CASES))]
    assert found.tolist() == pytest.approx([by_hand(c, DEFAULTS) for c in as_given], abs=1e-12)
