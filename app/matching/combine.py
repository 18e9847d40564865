"""The one place where a pair's components become its score.

A weighted geometric mean: a pair must be thematically close *and* complementary to rank
high (a zero in either sinks the score), which a plain sum would not ensure. The weights
are an argument, so weights fitted from outcomes can replace the defaults without touching
how the components are computed.
"""

from collections.abc import Mapping

import numpy as np

COMPONENTS = ("thematic", "complementarity", "regional")
# Closeness weighs most: two actors on the same specific thing are the basis of a
# partnership; complementarity decides among them; regional fit is a light modifier.
DEFAULT_WEIGHTS: Mapping[str, float] = {"thematic": 0.55, "complementarity": 0.35, "regional": 0.1}
FLOOR = 0.02  # keeps log() finite; a zero component still sinks the score


def combine(
    components: Mapping[str, np.ndarray], weights: Mapping[str, float] = DEFAULT_WEIGHTS
) -> np.ndarray:
    """exp(sum_k w_k log(c_k + FLOOR)) / sum_k w_k, clipped to [0, 1]."""
    total = sum(weights[k] for k in COMPONENTS) or 1.0
    log_score = sum(
        (weights[k] / total) * np.log(np.asarray(components[k], dtype=np.float64) + FLOOR)
        for k in COMPONENTS
    )
    return np.clip(np.exp(log_score), 0.0, 1.0)
