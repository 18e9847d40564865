"""Webhook delivery figures with a healthy receiver on loopback, on SQLite and PostgreSQL:

- latency from a write's commit to its receipt (p50, p95) for changes committed one at a
  time, with the dispatcher polling at its default interval;
- burst throughput: 10,000 changes committed while no dispatcher runs, then one dispatcher
  sends them all to one subscription (deliveries per second, and whether they came in
  commit order).

    python -m bench.webhooks [--latency-writes 200] [--burst 10000] [--postgres-url URL]

(0 writes or 0 changes leaves that part out.)
"""

import argparse
import multiprocessing
import random
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import text

from app import migrate
from app.actors.models import ActorCreate, ActorKind
from app.actors.service import create_actor
from app.auth.models import Role
from app.auth.service import Principal
from app.config import Settings
from app.db import make_engine, session_scope
from app.regions.models import RegionPut
from app.regions.service import put_region
from app.seed import ensure_reference_data
from app.tracking import session_factory
from app.webhooks import service as webhooks
from app.webhooks.dispatcher import BackgroundDispatcher
from app.webhooks.schemas import WebhookCreate
from bench import webhook_receiver
from bench.common import free_port, machine

ADMIN = Principal(role=Role.admin)


class Receiver:
    """A receiver in a child process (see bench.webhook_receiver)."""

    def __init__(self) -> None:
        self.port = free_port()
        self._control, child = multiprocessing.Pipe()
        self._process = multiprocessing.get_context("spawn").Process(
            target=webhook_receiver.serve, args=(self.port, child), daemon=True
        )
        self._process.start()
        assert self._control.recv() == "ready"

    def _ask(self, command: str) -> Any:
        self._control.send(command)
        return self._control.recv()

    def wait(self, count: int, limit_s: float = 600) -> None:
        deadline = time.monotonic() + limit_s
        while (arrived := self._ask("count")) < count:
            if time.monotonic() > deadline:
                raise SystemExit(f"only {arrived} of {count} arrived")
            time.sleep(0.005)

    def report(self) -> list[tuple[str, float]]:
        """The webhook-ids in the order they first arrived, each with its arrival time."""
        result: list[tuple[str, float]] = self._ask("report")
        return result

    def stop(self) -> None:
        self._control.send("stop")
        self._process.join(timeout=10)


def emptied(url: str) -> str:
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


def settings_for(url: str) -> Settings:
    return Settings(database_url=url, webhooks_allow_private=True, log_level="WARNING")


def prepare(url: str) -> None:
    migrate.upgrade(url)
    engine = make_engine(url)
    with session_scope(session_factory(engine)) as session:
        ensure_reference_data(session)
        put_region(session, "SE22", RegionPut(), ADMIN, None)
    engine.dispose()


def subscribe(url: str, receiver: Receiver) -> int:
    engine = make_engine(url)
    with session_scope(session_factory(engine)) as session:
        spec = WebhookCreate(url=f"http://127.0.0.1:{receiver.port}/hook")
        row, _secret = webhooks.create(session, ADMIN, spec, allow_private=True)
        subscription_id = row.id
    engine.dispose()
    assert subscription_id is not None
    return subscription_id


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def latency(url: str, writes: int) -> tuple[float, float]:
    receiver = Receiver()
    hook = subscribe(url, receiver)
    dispatcher = BackgroundDispatcher(settings_for(url))
    dispatcher.start()
    engine = make_engine(url)
    factory = session_factory(engine)
    committed: dict[str, float] = {}
    rng = random.Random(3)
    try:
        for n in range(writes):
            with session_scope(factory) as session:
                create_actor(
                    session,
                    ActorKind.cluster,
                    ActorCreate(name=f"Latency {n}", region_code="SE22"),
                    ADMIN,
                )
            committed[f"{n}"] = time.monotonic()
            time.sleep(rng.uniform(0.0, 0.1))  # writes arrive at random moments
        receiver.wait(writes)
        arrivals = receiver.report()
    finally:
        dispatcher.stop()
        engine.dispose()
        receiver.stop()
    # Deliveries arrive in commit order, so the n-th receipt is the n-th write's.
    assert all(w.startswith(f"msg_{hook}_") for w, _ in arrivals)
    delays = [(arrived - committed[f"{n}"]) * 1000 for n, (_, arrived) in enumerate(arrivals)]
    return percentile(delays, 0.5), percentile(delays, 0.95)


def burst(url: str, changes: int) -> tuple[float, bool]:
    receiver = Receiver()
    subscribe(url, receiver)
    engine = make_engine(url)
    factory = session_factory(engine)
    for start in range(0, changes, 1000):
        with session_scope(factory) as session:
            for n in range(start, min(changes, start + 1000)):
                create_actor(
                    session,
                    ActorKind.cluster,
                    ActorCreate(name=f"Burst {n}", region_code="SE22"),
                    ADMIN,
                )
    engine.dispose()
    dispatcher = BackgroundDispatcher(settings_for(url))
    started = time.monotonic()
    dispatcher.start()
    try:
        receiver.wait(changes)
        arrivals = receiver.report()
    finally:
        dispatcher.stop()
        receiver.stop()
    took = arrivals[-1][1] - started
    sequence = [int(w.rsplit("_", 1)[1]) for w, _ in arrivals]
    return changes / took, sequence == sorted(sequence)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--latency-writes", type=int, default=200)
    parser.add_argument("--burst", type=int, default=10_000)
    parser.add_argument(
        "--postgres-url", help="a PostgreSQL database whose schema may be emptied (twice)"
    )
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory() as scratch:
        targets = [("SQLite", lambda name: f"sqlite:///{Path(scratch) / name}.db")]
        if args.postgres_url:
            targets.append(("PostgreSQL", lambda _name: emptied(args.postgres_url)))
        for label, make_url in targets:
            if args.latency_writes > 0:
                url = make_url("bench_webhooks_latency")
                prepare(url)
                p50, p95 = latency(url, args.latency_writes)
                print(
                    f"{label}: commit → receipt over {args.latency_writes} writes: "
                    f"p50 {p50:.0f} ms, p95 {p95:.0f} ms"
                )
            if args.burst <= 0:
                continue
            url = make_url("bench_webhooks_burst")
            prepare(url)
            rate, in_order = burst(url, args.burst)
            print(
                f"{label}: burst of {args.burst} changes to one subscription: "
                f"{rate:.0f} deliveries/s, in commit order: {in_order}"
            )


if __name__ == "__main__":
    main()
