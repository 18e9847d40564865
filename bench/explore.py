"""How long the explorer's pages and the spreadsheet import take.

`python -m bench.explore [--requests 20] [--actors 2000]` — a fresh SQLite database with
the Swedish example data behind one server: each view requested in turn (p50/p95 of
`--requests` sequential GETs, and the page size); then a synthetic workbook of `--actors`
actors written, read back and imported (`clustermatch import`, then the same file again,
which changes nothing) into a fresh SQLite database.
"""

import argparse
import tempfile
import time
from pathlib import Path
from statistics import quantiles

import httpx

from app.transfer import spreadsheet
from bench.common import cli, machine, project_server, synthetic_document

VIEWS = [
    "/explore?q=textil",
    "/explore/actors/15",
    "/explore/partners?actor_id=15",
    "/explore/consortia?seed=15&call_id=1&eu_funding=400000&limit=3",
    "/explore/consortium?member=15&member=28&member=26&call_id=1&eu_funding=400000",
    "/explore/regions?code=SE12",
    "/explore/saved",
]


def _ms(values: list[float]) -> str:
    cuts = quantiles(values, n=20)
    return f"p50 {cuts[9] * 1000:7.1f} ms  p95 {cuts[18] * 1000:7.1f} ms"


def pages(requests: int, work: Path) -> None:
    url = f"sqlite:///{work / 'pages.db'}"
    cli(["seed"], url)
    with project_server(url) as base, httpx.Client(base_url=base, timeout=120) as client:
        for view in VIEWS:
            client.get(view).raise_for_status()  # warm: the matching index, the templates
            took, size = [], 0
            for _ in range(requests):
                started = time.perf_counter()
                response = client.get(view)
                took.append(time.perf_counter() - started)
                size = len(response.content)
            print(f"{view:<80} {_ms(took)}  {size / 1024:6.1f} KiB")


def workbook(actors: int, work: Path) -> None:
    doc = synthetic_document(actors)
    started = time.perf_counter()
    data = spreadsheet.write_xlsx(doc)
    wrote = time.perf_counter() - started
    started = time.perf_counter()
    read = spreadsheet.to_document(spreadsheet.read_xlsx(data))
    parsed = time.perf_counter() - started
    assert not read.errors
    path = work / "synthetic.xlsx"
    path.write_bytes(data)
    url = f"sqlite:///{work / 'import.db'}"
    cli(["db", "upgrade"], url)
    first = cli(["import", str(path)], url)
    again = cli(["import", str(path)], url)
    print(
        f"workbook of {actors} actors ({len(data) / 1024:.0f} KiB): written in {wrote:.2f} s, "
        f"read in {parsed:.2f} s; import {first:.2f} s, the same again (unchanged) {again:.2f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--actors", type=int, default=2000)
    args = parser.parse_args()
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory() as tmp:
        pages(args.requests, Path(tmp))
        workbook(args.actors, Path(tmp))


if __name__ == "__main__":
    main()
