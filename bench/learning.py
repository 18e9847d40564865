"""Learning figures: how long a fit takes, what it finds on planted and on random labels,
how far one key flooding contrary labels moves other regions' rankings, and how long
reading the label counts takes (what GET /matching/model does per request).

    python -m bench.learning [--sizes 1000 10000] [--queries 2000] [--verdicts 20000]
"""

import argparse
import random
import tempfile
import time
from pathlib import Path

import numpy as np

from bench.common import machine
from bench.matching import REGIONS, profiles


def _index(n: int):  # type: ignore[no-untyped-def]
    from app.matching.features import compute_features, reader_for
    from app.matching.index import MatchIndex
    from app.matching.profiles import RegionProfile
    from app.reference import nace
    from tests.matching.builders import vocabulary

    vocab = vocabulary()
    regions = {
        code: RegionProfile(
            code, code, 2, frozenset(random.Random(code).sample(list(vocab.theme_labels), 4))
        )
        for code in REGIONS
    }
    features = compute_features(profiles(n), vocab, reader_for(vocab), nace.section_of_divisions())
    return MatchIndex(vocabulary=vocab, regions=regions, features=features)


def fit_figures(n: int, queries: int) -> None:
    from app.matching.learning import fit_weights, label_matrix
    from tests.matching.outcomes import TRUE_WEIGHTS, planted_labels, random_labels

    index = _index(n)
    chosen = [int(i) for i in random.Random(3).sample(list(index.ids), min(queries, n))]
    labels = planted_labels(index, TRUE_WEIGHTS, seed=1, per_query=10, queries=chosen)
    started = time.perf_counter()
    label_matrix(index, labels)
    features = time.perf_counter() - started
    started = time.perf_counter()
    planted = fit_weights(index, labels)
    total = time.perf_counter() - started
    noise = [x for x in random_labels(index, seed=2, per_query=10) if x.actor_id in set(chosen)]
    random_fit = fit_weights(index, noise)
    evaluation = planted.evaluation
    assert evaluation is not None
    print(
        f"{n:>6} actors, {len(labels):>6} labels: fit {total:6.2f} s "
        f"(reading components {features:5.2f} s); planted -> {planted.source} "
        f"{planted.weights}, held-out AUC fitted {evaluation.fitted_auc:.3f} vs default "
        f"{evaluation.default_auc:.3f}; random -> {random_fit.source} ({random_fit.reason})"
    )


def flood_figures(n: int) -> None:
    from app.matching.learning import KEY_SHARE_CAP, fit_weights
    from app.matching.partners import candidates
    from tests.matching.outcomes import ADVERSARIAL_WEIGHTS, TRUE_WEIGHTS, planted_labels

    index = _index(n)
    honest = planted_labels(index, TRUE_WEIGHTS, seed=1, per_query=10)
    home = REGIONS[0]
    mine = [int(i) for i, code in zip(index.ids, index.region_codes, strict=True) if code == home]
    flood = planted_labels(
        index, ADVERSARIAL_WEIGHTS, seed=9, per_query=50, queries=mine * 10, said_by="flood"
    )
    outside = [int(i) for i, c in zip(index.ids, index.region_codes, strict=True) if c != home]
    sample = random.Random(4).sample(outside, min(300, len(outside)))

    def tops(weights: dict[str, float]) -> dict[int, set[int]]:
        weighted = index.with_weights(weights)
        return {a: {c.actor_id for c in candidates(weighted, a, limit=10)} for a in sample}

    for share, name in ((KEY_SHARE_CAP, f"cap {KEY_SHARE_CAP:.0%}"), (1.0, "no cap")):
        before = tops(fit_weights(index, honest, share).weights)
        after_fit = fit_weights(index, honest + flood, share)
        after = tops(after_fit.weights)
        moved = [len(before[a] - after[a]) for a in sample]
        print(
            f"flood ({len(flood)} labels vs {len(honest)} honest, {name}): weights "
            f"{after_fit.weights}; top-10 places replaced outside {home}: mean "
            f"{np.mean(moved):.2f}, p95 {np.percentile(moved, 95):.0f}, max {max(moved)}"
        )


def count_figures(verdicts: int) -> None:
    from sqlmodel import Session

    from app import migrate
    from app.db import make_engine
    from app.feedback import service as outcomes
    from app.feedback.models import Feedback

    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        migrate.upgrade(url)
        engine = make_engine(url)
        rng = random.Random(6)
        with Session(engine) as session:
            pairs = {(rng.randrange(1, 5000), rng.randrange(1, 5000)) for _ in range(verdicts)}
            session.add_all(
                Feedback(
                    actor_id=a,
                    candidate_id=b,
                    verdict=rng.choice(["relevant", "not_relevant", "contacted"]),
                    key_id=k % 40,
                    said_by=f"key:{k % 40}",
                )
                for k, (a, b) in enumerate(pairs)
            )
            session.commit()
        for name, work in (("count_stored", outcomes.count_stored), ("labels", outcomes.labels)):
            times = []
            for _ in range(5):
                with Session(engine) as session:
                    started = time.perf_counter()
                    work(session)
                    times.append(time.perf_counter() - started)
            median_ms = np.median(times) * 1000
            print(f"{name} over {len(pairs)} verdicts (SQLite): median {median_ms:.1f} ms")
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--verdicts", type=int, default=20000)
    args = parser.parse_args()
    print(machine())
    for n in args.sizes:
        fit_figures(n, args.queries)
    flood_figures(args.sizes[0])
    count_figures(args.verdicts)


if __name__ == "__main__":
    main()
