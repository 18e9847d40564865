"""Helpers the benchmarks share: synthetic actors, databases, servers, statistics."""

import json
import os
import random
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from statistics import median
from typing import Any

from sqlalchemy import create_engine, text

from app.reference import nuts

PYTHON = sys.executable
POSTGRES_URL = os.environ.get(
    "CLUSTERMATCH_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
ROOT = Path(__file__).resolve().parent.parent
THEMES = [term["slug"] for term in json.loads((ROOT / "seed_data/themes.json").read_text())]
CAPABILITIES = [
    term["slug"] for term in json.loads((ROOT / "seed_data/capabilities.json").read_text())
]
NACE = ["10", "13", "21", "26.11", "28", "30.3", "35", "62.10", "72.1", "C", "J"]


def synthetic_document(actors: int, seed: int = 7) -> dict[str, Any]:
    """A transfer document with every Swedish NUTS-2 region and `actors` actors."""
    rng = random.Random(seed)
    regions = [r.code for r in nuts.regions_of_country("SE") if r.level == 2 and not r.extra_regio]
    doc: dict[str, Any] = {
        "regions": [{"code": code} for code in regions],
        "clusters": [],
        "rdi_platforms": [],
    }
    for index in range(actors):
        kind = "clusters" if index % 2 == 0 else "rdi_platforms"
        theme = rng.choice(THEMES)
        doc[kind].append(
            {
                "name": f"Synthetic actor {index}",
                "region_code": rng.choice(regions),
                "description": f"Example actor {index} on {theme}; erbjuder testbäddar.",
                "themes": [theme, *rng.sample(THEMES, 1)],
                "nace_codes": rng.sample(NACE, 2),
                "technologies": [f"tech-{rng.randrange(50)}"],
                "offers": rng.sample(CAPABILITIES, 2),
                "seeks": rng.sample(CAPABILITIES, 2),
                "members": {
                    "smes": rng.randrange(100),
                    "large_companies": rng.randrange(10),
                    "research_orgs": rng.randrange(5),
                    "public_bodies": rng.randrange(5),
                },
                "external_id": f"synthetic-{index}",
            }
        )
    return doc


def write_json(path: Path, doc: Any) -> Path:
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def fresh_postgres_database(admin_url: str, name: str) -> str:
    """Drop and create database `name` on the server of `admin_url`; returns its URL."""
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return admin_url.rsplit("/", 1)[0] + f"/{name}"


def cli(args: list[str], database_url: str) -> float:
    """Run `clustermatch ARGS` on DATABASE_URL; returns wall seconds."""
    env = {**os.environ, "CLUSTERMATCH_DATABASE_URL": database_url}
    started = time.perf_counter()
    subprocess.run(
        [PYTHON, "-m", "app.cli", *args],
        env=env,
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(url: str, timeout: float = 30) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=1).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not come up")


def median_of(values: list[float]) -> float:
    return float(median(values))


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {cpu}, Python {sys.version.split()[0]}"


ADMIN_TOKEN = "bench"


def uvicorn_process(
    app: str, port: int, env: dict[str, str], factory: bool = True
) -> subprocess.Popen[bytes]:
    """One uvicorn worker serving `app` on localhost."""
    args = [PYTHON, "-m", "uvicorn", app, "--port", str(port), "--workers", "1"]
    args += ["--log-level", "warning", "--no-access-log", *(["--factory"] if factory else [])]
    return subprocess.Popen(args, env={**os.environ, **env}, cwd=ROOT)


@contextmanager
def project_server(database_url: str, timeout: float = 300) -> Iterator[str]:
    """The project on `database_url` (admin token "bench"); yields its base URL."""
    port = free_port()
    env = {
        "CLUSTERMATCH_DATABASE_URL": database_url,
        "CLUSTERMATCH_ADMIN_TOKEN": ADMIN_TOKEN,
        "CLUSTERMATCH_LOG_LEVEL": "WARNING",
    }
    process = uvicorn_process("app.main:create_app", port, env)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/healthz", timeout)
        yield base
    finally:
        process.terminate()
        process.wait()
