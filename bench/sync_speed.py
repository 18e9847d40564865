"""Integrator sync of N actors (default 10,000) in batches of 1,000 through
`POST /api/v1/sync/actors` on a freshly migrated database, one uvicorn worker: wall
seconds for the first pass (all created) and a second identical pass (all unchanged),
on SQLite and on PostgreSQL.

    python -m bench.sync_speed [--actors 10000] [--rounds 3]
"""

import argparse
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from bench.common import (
    ADMIN_TOKEN,
    POSTGRES_URL,
    cli,
    fresh_postgres_database,
    machine,
    median_of,
    project_server,
    synthetic_document,
)

BATCH = 1000


def batches(n: int) -> list[list[dict[str, Any]]]:
    doc = synthetic_document(n)
    records = [{**a, "kind": "cluster"} for a in doc["clusters"]]
    records += [{**a, "kind": "rdi_platform"} for a in doc["rdi_platforms"]]
    return [records[i : i + BATCH] for i in range(0, len(records), BATCH)]


def push(base: str, chunks: list[list[dict[str, Any]]]) -> float:
    headers = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
    started = time.perf_counter()
    with httpx.Client(base_url=base, timeout=300, headers=headers) as client:
        for chunk in chunks:
            response = client.post("/api/v1/sync/actors", json={"items": chunk})
            response.raise_for_status()
    return time.perf_counter() - started


def one_round(kind: str, workdir: Path, chunks: list[list[dict[str, Any]]]) -> tuple[float, float]:
    if kind == "sqlite":
        url = f"sqlite:///{workdir / 'sync.db'}"
        (workdir / "sync.db").unlink(missing_ok=True)
    else:
        url = fresh_postgres_database(POSTGRES_URL, "clustermatch_bench")
    cli(["seed"], url)  # the Swedish regions the synthetic actors are located in
    with project_server(url) as base:
        return push(base, chunks), push(base, chunks)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    chunks = batches(args.actors)
    workdir = Path(tempfile.mkdtemp())
    try:
        print(f"machine: {machine()}")
        print(f"sync of {args.actors} actors in batches of {BATCH}, {args.rounds} rounds, median")
        for kind in ("sqlite", "postgresql"):
            results = [one_round(kind, workdir, chunks) for _ in range(args.rounds)]
            first = median_of([r[0] for r in results])
            again = median_of([r[1] for r in results])
            print(f"{kind:10s} new: {first:6.2f} s   again (all unchanged): {again:6.2f} s")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
