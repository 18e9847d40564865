"""Matching figures on synthetic populations (1,000 to 100,000 actors): index build time
and memory, candidate and consortium latency, the time from an actor update to a fresh
answer (its row replaced in the index), HTTP latency, and the heuristic against the exact
solver.

    python -m bench.matching [--sizes 1000 10000 50000 100000] [--http-size 10000]
"""

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from bench.common import (
    ADMIN_TOKEN,
    PYTHON,
    ROOT,
    cli,
    machine,
    project_server,
    synthetic_document,
    write_json,
)

REGIONS = [
    "SE11",
    "SE12",
    "SE21",
    "SE22",
    "SE23",
    "SE31",
    "SE32",
    "SE33",
    "NO08",
    "NO09",
    "DK01",
    "DK03",
    "FI1B",
    "FI1C",
    "EE00",
    "LV00",
]


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentiles(samples: list[float]) -> str:
    ms = np.array(samples) * 1000
    return f"p50 {np.percentile(ms, 50):7.1f} ms   p95 {np.percentile(ms, 95):7.1f} ms"


def profiles(n: int, seed: int = 5) -> list:  # type: ignore[type-arg]
    from app.matching.profiles import ActorProfile
    from tests.matching.builders import vocabulary

    vocab = vocabulary()
    rng = random.Random(seed)
    themes, capabilities = list(vocab.theme_labels), list(vocab.capability_labels)
    nace = ["10", "13", "21", "26.11", "28", "30.3", "35", "62.10", "72.1", "C", "J", "86"]
    out = []
    for i in range(1, n + 1):
        theme = rng.choice(themes)
        words = rng.sample(vocab.theme_phrases[theme], 2) + rng.sample(
            vocab.capability_phrases[rng.choice(capabilities)], 1
        )
        described_only = rng.random() < 0.1
        out.append(
            ActorProfile(
                id=i,
                kind=rng.choice(["cluster", "rdi_platform"]),
                name=f"Actor {i}",
                region_code=rng.choice(REGIONS),
                description=" ".join(["Vi erbjuder" if rng.random() < 0.5 else "We offer", *words]),
                themes=frozenset() if described_only else frozenset({theme, rng.choice(themes)}),
                nace_codes=frozenset(rng.sample(nace, 2)),
                technologies=frozenset({f"tech {rng.randrange(300)}"}),
                offers=frozenset() if described_only else frozenset(rng.sample(capabilities, 2)),
                seeks=frozenset() if described_only else frozenset(rng.sample(capabilities, 2)),
                version=1,
            )
        )
    return out


def engine_figures(n: int) -> dict[str, float]:
    """Runs in a child process, so that memory figures belong to this size alone."""
    from app.matching.concepts import technology_key
    from app.matching.consortia import propose_consortia
    from app.matching.features import compute_features, reader_for
    from app.matching.index import MatchIndex
    from app.matching.partners import candidates
    from app.matching.profiles import RegionProfile
    from app.matching.rules import ConsortiumRules
    from app.reference import nace
    from tests.matching.builders import vocabulary

    vocab = vocabulary()
    actors = profiles(n)
    regions = {
        code: RegionProfile(
            code, code, 2, frozenset(random.Random(code).sample(list(vocab.theme_labels), 4))
        )
        for code in REGIONS
    }
    nace.section_of_divisions()
    baseline = rss_mib()
    started = time.perf_counter()
    features = compute_features(actors, vocab, reader_for(vocab), nace.section_of_divisions())
    index = MatchIndex(vocabulary=vocab, regions=regions, features=features)
    build = time.perf_counter() - started
    memory = rss_mib() - baseline

    rng = random.Random(1)
    sample_ids = [rng.randrange(1, n + 1) for _ in range(100)]
    candidate_times = []
    for actor_id in sample_ids:
        t = time.perf_counter()
        candidates(index, actor_id, limit=10)
        candidate_times.append(time.perf_counter() - t)

    consortium_times = []
    themes = list(vocab.theme_labels)
    rules = ConsortiumRules(min_members=3, max_members=5, min_regions=2)
    for k, actor_id in enumerate(sample_ids[:30]):
        t = time.perf_counter()
        if k % 2:
            propose_consortia(index, rules, seed_ids=(actor_id,))
        else:
            propose_consortia(index, rules, theme=themes[k % len(themes)])
        consortium_times.append(time.perf_counter() - t)

    # One actor changes at a time: its features are computed again, its rows replaced in
    # the index, and the next candidates answer for it reflects the change.
    reader = reader_for(vocab)
    update_times = []
    for k, actor_id in enumerate(sample_ids[:40]):
        old = actors[actor_id - 1]
        changed = old.__class__(
            **{
                **old.__dict__,
                "description": f"Vi erbjuder testbäddar med fokus på biobanker, version {k}",
                "technologies": frozenset({f"biobanking {k}"}),
                "version": old.version + 1,
            }
        )
        t = time.perf_counter()
        row = compute_features([changed], vocab, reader, nace.section_of_divisions())
        index = index.with_features(row)
        candidates(index, changed.id, limit=10)
        update_times.append(time.perf_counter() - t)
        stored = index.features[index.position[changed.id]].technologies
        assert technology_key(f"biobanking {k}") in stored
    return {
        "build_s": build,
        "memory_mib": memory,
        "candidates": candidate_times,  # type: ignore[dict-item]
        "consortia": consortium_times,  # type: ignore[dict-item]
        "updates": update_times,  # type: ignore[dict-item]
    }


def optimality() -> str:
    from app.matching.exact import solve_exact
    from app.matching.search import best_consortia
    from tests.matching.random_pools import random_instance

    ratios = []
    for seed in range(40):
        pool, constraints = random_instance(seed)
        optimum = solve_exact(pool, constraints)
        found = best_consortia(pool, constraints)
        if optimum and found:
            ratios.append(found[0][1] / optimum[1])
    r = np.array(ratios)
    return (
        f"heuristic / optimum on 40 instances (pool 12-30, 3-6 members): mean {r.mean():.4f}, "
        f"5th percentile {np.percentile(r, 5):.4f}, exact in {np.mean(r > 1 - 1e-9):.0%}"
    )


def http_figures(n: int) -> str:
    """Candidates and consortia over HTTP: one uvicorn worker, SQLite, n actors."""
    import httpx

    workdir = Path(tempfile.mkdtemp())
    url = f"sqlite:///{workdir / 'bench.db'}"
    try:
        cli(["db", "upgrade"], url)
        cli(["import", str(write_json(workdir / "doc.json", synthetic_document(n)))], url)
        with project_server(url) as base, httpx.Client(base_url=base, timeout=60) as client:
            client.get("/api/v1/matching/candidates", params={"actor_id": 1})
            rng = random.Random(2)
            times = []
            for _ in range(100):
                t = time.perf_counter()
                r = client.get(
                    "/api/v1/matching/candidates", params={"actor_id": rng.randrange(1, n + 1)}
                )
                times.append(time.perf_counter() - t)
                assert r.status_code == 200, r.text
            consortia = []
            for _ in range(20):
                t = time.perf_counter()
                r = client.post(
                    "/api/v1/matching/consortia",
                    json={"seed_actor_ids": [rng.randrange(1, n + 1)]},
                )
                consortia.append(time.perf_counter() - t)
                assert r.status_code in (200, 422), r.text
            # An update through the API, then the first answer that reflects it.
            updates = []
            for k in range(5):
                t = time.perf_counter()
                r = client.patch(
                    "/api/v1/clusters/1",
                    json={"description": f"Vi erbjuder testbäddar, version {k}"},
                    headers={"Authorization": f"Bearer {ADMIN_TOKEN}"},
                )
                assert r.status_code == 200, r.text
                client.get("/api/v1/matching/candidates", params={"actor_id": 1})
                updates.append(time.perf_counter() - t)
            return (
                f"HTTP, {n} actors, SQLite, one worker: candidates {percentiles(times)}; "
                f"consortia {percentiles(consortia)}; "
                f"update + fresh answer {percentiles(updates)}"
            )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="*", default=[1_000, 10_000, 50_000, 100_000])
    parser.add_argument("--http-size", type=int, default=10_000)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        json.dump(engine_figures(args.child), sys.stdout)
        return
    print(f"machine: {machine()}")
    for n in args.sizes:
        out = subprocess.run(
            [PYTHON, "-m", "bench.matching", "--child", str(n)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        f = json.loads(out)
        print(
            f"N={n:>6}: build {f['build_s']:6.1f} s, memory +{f['memory_mib']:6.0f} MiB; "
            f"candidates {percentiles(f['candidates'])}; consortia {percentiles(f['consortia'])}; "
            f"update to fresh answer {percentiles(f['updates'])}"
        )
    print(optimality())
    if args.http_size:
        print(http_figures(args.http_size))


if __name__ == "__main__":
    main()
