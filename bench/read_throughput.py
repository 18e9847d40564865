"""Read throughput of GET /clusters/{id} and of a 50-item list page, one uvicorn worker,
against a bare FastAPI app serving the same JSON, measured in the same run with wrk.

    python -m bench.read_throughput [--database sqlite|postgresql] [--seconds 10] [--rounds 3]

PostgreSQL runs in a scratch database on the server of CLUSTERMATCH_BENCH_POSTGRES_URL
(default: the local test server).
"""

import argparse
import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import httpx

from bench.common import (
    POSTGRES_URL,
    cli,
    free_port,
    fresh_postgres_database,
    machine,
    median_of,
    synthetic_document,
    uvicorn_process,
    wait_for,
    write_json,
)

ROUTES = {"one cluster": "/api/v1/clusters/{id}", "list page (50)": "/api/v1/clusters?limit=50"}


def wrk(url: str, seconds: int) -> float:
    command = ["wrk", "-t1", "-c32", f"-d{seconds}s", url]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    match = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if not match:
        raise RuntimeError(out)
    return float(match.group(1))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("needs wrk (Debian package 'wrk')")

    workdir = Path(tempfile.mkdtemp())
    if args.database == "sqlite":
        url = f"sqlite:///{workdir / 'bench.db'}"
    else:
        url = fresh_postgres_database(POSTGRES_URL, "clustermatch_bench")
    cli(["db", "upgrade"], url)
    cli(["import", str(write_json(workdir / "doc.json", synthetic_document(500)))], url)

    project_port, bare_port = free_port(), free_port()
    env = {"CLUSTERMATCH_DATABASE_URL": url, "CLUSTERMATCH_LOG_LEVEL": "WARNING"}
    project = uvicorn_process("app.main:create_app", project_port, env)
    base = f"http://127.0.0.1:{project_port}"
    bare = None
    try:
        wait_for(f"{base}/healthz")
        first_id = httpx.get(f"{base}/api/v1/clusters?limit=1").json()["items"][0]["id"]
        paths = {name: template.format(id=first_id) for name, template in ROUTES.items()}
        # The bare app answers /0, /1, ... with exactly the bodies the project gives.
        bodies = {f"/{i}": httpx.get(base + path).text for i, path in enumerate(paths.values())}
        bare = uvicorn_process(
            "bench.bare_app:app", bare_port, {"BARE_PAYLOADS": json.dumps(bodies)}, factory=False
        )
        bare_base = f"http://127.0.0.1:{bare_port}"
        wait_for(f"{bare_base}/0")
        print(f"machine: {machine()}")
        print(f"database: {args.database}; wrk -t1 -c32 -d{args.seconds}s, {args.rounds} rounds")
        for index, (name, path) in enumerate(paths.items()):
            ours, theirs = [], []
            for _ in range(args.rounds):
                ours.append(wrk(base + path, args.seconds))
                theirs.append(wrk(f"{bare_base}/{index}", args.seconds))
            o, t = median_of(ours), median_of(theirs)
            print(f"{name:16s} project {o:7.0f} req/s   bare {t:7.0f} req/s   ratio {o / t:.2f}")
    finally:
        for process in (project, bare):
            if process is not None:
                process.terminate()
                process.wait()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
