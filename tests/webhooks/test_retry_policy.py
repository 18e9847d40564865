"""Backoff between attempts: doubling from the base, capped, and jittered downwards so
receivers that failed together are not all called again at the same instant."""

import random

from app.webhooks.dispatcher import RetryPolicy


def test_delays_double_up_to_the_cap_with_jitter_below_each_ceiling() -> None:
    random.seed(5)
    policy = RetryPolicy(base_s=1.0, max_s=30.0, disable_after_s=3600.0)
    for failures, ceiling in [(1, 1.0), (2, 2.0), (3, 4.0), (5, 16.0), (6, 30.0), (40, 30.0)]:
        delays = [policy.delay(failures).total_seconds() for _ in range(200)]
        assert all(ceiling * 0.5 <= d <= ceiling for d in delays), (failures, delays[:5])
        assert max(delays) - min(delays) > ceiling * 0.3  # spread, not one instant
