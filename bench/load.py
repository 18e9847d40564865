"""Mixed load against the service: reads, writes and matching at once.

`python -m bench.load [--seconds 60] [--users 32] [--workers 4] [--actors 2000]` — a fresh
PostgreSQL database with synthetic actors, `clustermatch serve --workers N`, then a closed
loop of virtual users (asyncio + httpx on the same machine) for the given time. Prints per
route the requests, errors (5xx, time-outs, transport failures), conflicts (409/412) and
p50/p95/p99 latency, and the total rate.
"""

import argparse
import asyncio
import os
import random
import subprocess
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from statistics import quantiles
from typing import Any

import httpx

from bench.common import (
    ADMIN_TOKEN,
    POSTGRES_URL,
    PYTHON,
    ROOT,
    THEMES,
    cli,
    free_port,
    fresh_postgres_database,
    machine,
    synthetic_document,
    wait_for,
    write_json,
)

ADMIN = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
# (route label, weight): what a mixed population of integrators, front-ends and cluster
# managers asks for.
MIX = [
    ("GET /clusters/{id}", 35),
    ("GET /clusters?theme", 20),
    ("PATCH /clusters/{id}", 15),
    ("GET /matching/candidates", 15),
    ("POST /matching/consortia", 5),
    ("GET /changes", 5),
    ("GET /regions/{code}", 5),
]


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    conflicts: int = 0


def request_for(route: str, rng: random.Random, cluster_ids: list[int]) -> dict[str, Any]:
    actor = rng.choice(cluster_ids)
    if route == "GET /clusters/{id}":
        return {"method": "GET", "url": f"/api/v1/clusters/{actor}"}
    if route == "GET /clusters?theme":
        params = {"theme": rng.choice(THEMES), "limit": 20}
        return {"method": "GET", "url": "/api/v1/clusters", "params": params}
    if route == "PATCH /clusters/{id}":
        body = {"description": f"Updated at {time.time():.6f}"}
        return {
            "method": "PATCH",
            "url": f"/api/v1/clusters/{actor}",
            "json": body,
            "headers": ADMIN,
        }
    if route == "GET /matching/candidates":
        return {
            "method": "GET",
            "url": "/api/v1/matching/candidates",
            "params": {"actor_id": actor},
        }
    if route == "POST /matching/consortia":
        body = {"seed_actor_ids": [actor], "limit": 3}
        return {"method": "POST", "url": "/api/v1/matching/consortia", "json": body}
    if route == "GET /changes":
        return {"method": "GET", "url": "/api/v1/changes", "params": {"limit": 100}}
    return {"method": "GET", "url": "/api/v1/regions/SE23"}


async def user(
    client: httpx.AsyncClient,
    seed: int,
    until: float,
    cluster_ids: list[int],
    tallies: dict[str, Tally],
) -> None:
    rng = random.Random(seed)
    routes, weights = zip(*MIX, strict=True)
    while time.monotonic() < until:
        route = rng.choices(routes, weights)[0]
        started = time.perf_counter()
        tally = tallies[route]
        try:
            response = await client.request(**request_for(route, rng, cluster_ids))
            if response.status_code >= 500:
                tally.errors += 1
            elif response.status_code in (409, 412):
                tally.conflicts += 1
            elif response.status_code >= 400:
                tally.errors += 1
        except httpx.HTTPError:
            tally.errors += 1
        tally.latencies.append(time.perf_counter() - started)


async def run_load(
    base: str, users: int, seconds: float, cluster_ids: list[int]
) -> dict[str, Tally]:
    tallies: dict[str, Tally] = defaultdict(Tally)
    limits = httpx.Limits(max_connections=users, max_keepalive_connections=users)
    async with httpx.AsyncClient(base_url=base, timeout=30.0, limits=limits) as client:
        until = time.monotonic() + seconds
        await asyncio.gather(*(user(client, n, until, cluster_ids, tallies) for n in range(users)))
    return tallies


def percentiles(values: list[float]) -> tuple[float, float, float]:
    if len(values) < 2:
        value = values[0] if values else 0.0
        return value, value, value
    cuts = quantiles(values, n=100, method="inclusive")
    return cuts[49], cuts[94], cuts[98]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--users", type=int, default=32)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--actors", type=int, default=2000)
    args = parser.parse_args()

    url = fresh_postgres_database(POSTGRES_URL, "clustermatch_load")
    with tempfile.TemporaryDirectory() as folder:
        cli(["db", "upgrade"], url)
        cli(
            [
                "import",
                str(write_json(Path(folder) / "actors.json", synthetic_document(args.actors))),
            ],
            url,
        )
    port = free_port()
    env = {
        **os.environ,
        "CLUSTERMATCH_DATABASE_URL": url,
        "CLUSTERMATCH_ADMIN_TOKEN": ADMIN_TOKEN,
        "CLUSTERMATCH_LOG_LEVEL": "WARNING",
        "CLUSTERMATCH_SEED_ON_START": "false",
    }
    command = [
        PYTHON,
        "-m",
        "app.cli",
        "serve",
        "--port",
        str(port),
        "--workers",
        str(args.workers),
    ]
    server = subprocess.Popen(command, env=env, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/readyz", timeout=120)
        listed = httpx.get(f"{base}/api/v1/clusters", params={"limit": 200}).json()
        cluster_ids = [item["id"] for item in listed["items"]]
        for cluster_id in cluster_ids[:4]:  # warm every worker's matching index
            httpx.get(
                f"{base}/api/v1/matching/candidates", params={"actor_id": cluster_id}, timeout=60
            )
        started = time.monotonic()
        tallies = asyncio.run(run_load(base, args.users, args.seconds, cluster_ids))
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(timeout=60)

    print(
        f"machine: {machine()}; PostgreSQL; {args.workers} workers, {args.users} users, "
        f"{args.actors} actors, {args.seconds:.0f} s"
    )
    print(
        f"{'route':28} {'requests':>9} {'errors':>7} {'409/412':>8} "
        f"{'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}"
    )
    total = errors = 0
    for route, _weight in MIX:
        tally = tallies[route]
        p50, p95, p99 = percentiles(tally.latencies)
        total += len(tally.latencies)
        errors += tally.errors
        print(
            f"{route:28} {len(tally.latencies):>9} {tally.errors:>7} {tally.conflicts:>8} "
            f"{p50 * 1000:>8.1f} {p95 * 1000:>8.1f} {p99 * 1000:>8.1f}"
        )
    print(
        f"total: {total} requests in {elapsed:.1f} s = {total / elapsed:.0f} req/s, {errors} errors"
    )


if __name__ == "__main__":
    main()
