"""`clustermatch import` of N synthetic actors (default 10,000) into a fresh, migrated
database: wall seconds of the whole command, first run (all created) and second run
(all unchanged), on SQLite and on PostgreSQL.

    python -m bench.import_speed [--actors 10000] [--rounds 3]
"""

import argparse
import shutil
import tempfile
from pathlib import Path

from bench.common import (
    POSTGRES_URL,
    cli,
    fresh_postgres_database,
    machine,
    median_of,
    synthetic_document,
    write_json,
)


def fresh_database(kind: str, workdir: Path, round_: int) -> str:
    if kind == "sqlite":
        return f"sqlite:///{workdir / f'import-{round_}.db'}"
    return fresh_postgres_database(POSTGRES_URL, "clustermatch_bench")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp())
    try:
        doc = write_json(workdir / "actors.json", synthetic_document(args.actors))
        print(f"machine: {machine()}")
        print(f"import of {args.actors} actors, {args.rounds} rounds, median wall seconds")
        for kind in ("sqlite", "postgresql"):
            first, second = [], []
            for round_ in range(args.rounds):
                url = fresh_database(kind, workdir, round_)
                cli(["db", "upgrade"], url)
                first.append(cli(["import", str(doc)], url))
                second.append(cli(["import", str(doc)], url))
            print(
                f"{kind:10s} new: {median_of(first):6.2f} s   "
                f"again (all unchanged): {median_of(second):6.2f} s"
            )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
