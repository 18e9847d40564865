"""Turns the change feed into deliveries and sends them, in commit order per subscription.

Each round: find the subscriptions with work, claim their lanes, and for each lane
1. fan out: the feed's new changes that match its filters become deliveries (short
   transaction);
2. send the due deliveries in order, stopping at the first failure, so a later change never
   overtakes an earlier one (pings and redeliveries are sent apart from that order);
3. record every attempt and schedule retries (short transaction).
No transaction is open while a receiver is called, so a slow receiver holds no lock an API
request could wait for. Without work a dispatcher waits for the poll interval, or on
PostgreSQL until a commit that adds to the feed says so (LISTEN/NOTIFY), whichever is first.

Claims: on PostgreSQL a lane is claimed with `SELECT ... FOR UPDATE SKIP LOCKED` on its
`webhook_lane` row, held on a connection of its own for the whole round, so any number of
dispatchers (API processes, `clustermatch webhooks dispatch`) share the work and never send
one delivery twice. On SQLite one dispatcher per database file works at a time: it holds an
exclusive lock on a file beside the database, and the others wait to take over.
"""

import fcntl
import logging
import random
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO, Any

import psycopg
import sqlalchemy as sa
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlmodel import Session, col, select

from app.changes import service as changes
from app.changes.recorder import NOTIFY_CHANNEL
from app.config import Settings
from app.core.columns import utcnow
from app.db import begin_write, engine_for, is_sqlite, make_session_factory
from app.webhooks import addresses
from app.webhooks.events import event_name, matches
from app.webhooks.models import (
    DeliveryStatus,
    Outcome,
    WebhookAttempt,
    WebhookDelivery,
    WebhookLane,
    WebhookSubscription,
)
from app.webhooks.sender import Outgoing, Result, Sender

log = logging.getLogger("clustermatch.webhooks")
_LANES = WebhookLane.__table__  # type: ignore[attr-defined]
_SUBS = WebhookSubscription.__table__  # type: ignore[attr-defined]
_DELIVERIES = WebhookDelivery.__table__  # type: ignore[attr-defined]
_ATTEMPTS = WebhookAttempt.__table__  # type: ignore[attr-defined]
MAX_LANES_PER_ROUND = 100
LANE_TURN_S = 2.0  # batch after batch for one lane, then the other lanes get their turn
MAX_PAUSE_S = 5.0  # between rounds while the database fails
STOP_CHECK_S = 0.5  # how long a waiting dispatcher may take to notice it is told to stop


@dataclass(frozen=True)
class RetryPolicy:
    base_s: float
    max_s: float
    disable_after_s: float

    def delay(self, failures: int) -> timedelta:
        """Exponential backoff with jitter: receivers that failed together do not all come
        back at the same instant."""
        ceiling = min(self.max_s, self.base_s * 2 ** max(failures - 1, 0))
        return timedelta(seconds=ceiling * random.uniform(0.5, 1.0))


class _SqliteTurn:
    """The lock file that lets one dispatcher per SQLite database work at a time."""

    def __init__(self, database_url: str) -> None:
        database = make_url(database_url).database
        self._path = (
            Path(database).with_name(Path(database).name + ".webhooks.lock")
            if database and database != ":memory:"
            else None
        )
        self._file: IO[str] | None = None

    def held(self) -> bool:
        if self._path is None or self._file is not None:
            return True
        handle = open(self._path, "a")  # noqa: SIM115 (kept open while the lock is held)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            return False
        self._file = handle
        return True

    def release(self) -> None:
        if self._file is not None:
            fcntl.flock(self._file, fcntl.LOCK_UN)
            self._file.close()
            self._file = None


class Dispatcher:
    def __init__(
        self,
        engine: Engine,
        settings: Settings,
        *,
        resolver: addresses.Resolver = addresses.resolve,
    ) -> None:
        self._engine = engine
        self._factory = make_session_factory(engine, [])
        self._postgres = not is_sqlite(settings.database_url)
        self._turn = _SqliteTurn(settings.database_url)
        self._sender = Sender(
            timeout_s=settings.webhooks_timeout_s,
            allow_private=settings.webhooks_allow_private,
            resolver=resolver,
        )
        self._policy = RetryPolicy(
            settings.webhooks_retry_base_s,
            settings.webhooks_retry_max_s,
            settings.webhooks_disable_after_s,
        )
        self._batch = settings.webhooks_batch_size
        self._poll_s = settings.webhooks_poll_interval_s
        self.stopping = threading.Event()
        self._listener: psycopg.Connection[Any] | None = None  # see _pause
        # Receivers are called from here, one call at a time, while this thread records
        # and loads the batches before and after.
        self._sending = ThreadPoolExecutor(max_workers=1, thread_name_prefix="webhook-send")

    def close(self) -> None:
        self._close_listener()
        self._sending.shutdown(wait=True)
        self._sender.close()
        self._turn.release()

    def run(self) -> None:
        """Rounds until `stopping` is set; without work, a short pause between rounds."""
        failures = 0
        while not self.stopping.is_set():
            try:
                busy = self.run_once() > 0
                failures = 0
            except Exception as exc:  # the database may be down for a while: pause, go on
                failures += 1
                if failures == 1:
                    log.exception("webhook dispatch round failed; retrying")
                else:
                    log.warning("webhook dispatch round failed again: %s", exc)
                self.stopping.wait(min(MAX_PAUSE_S, self._poll_s * 2**failures))
                continue
            if not busy:
                self._pause()

    def _pause(self) -> None:
        """Until the poll interval is over, or (on PostgreSQL) a commit adds to the feed."""
        if not self._postgres:
            self.stopping.wait(self._poll_s)
            return
        try:
            if self._listener is None:
                url = self._engine.url.set(drivername="postgresql")
                self._listener = psycopg.connect(
                    url.render_as_string(hide_password=False), autocommit=True, connect_timeout=5
                )
                self._listener.execute(f"LISTEN {NOTIFY_CHANNEL}")
                return  # one more round first: it sees what was committed before LISTEN
            until = time.monotonic() + self._poll_s
            while not self.stopping.is_set() and (left := until - time.monotonic()) > 0:
                # In slices, so that a dispatcher told to stop does not wait out the interval.
                slice_s = min(left, STOP_CHECK_S)
                if list(self._listener.notifies(timeout=slice_s, stop_after=1)):
                    list(self._listener.notifies(timeout=0))  # one round serves them all
                    return
        except psycopg.Error as exc:
            log.warning("webhook dispatcher cannot listen for commits: %s", exc)
            self._close_listener()
            self.stopping.wait(self._poll_s)

    def _close_listener(self) -> None:
        if self._listener is not None:
            self._listener.close()
            self._listener = None

    def run_once(self) -> int:
        """One round over every lane with work; returns how many calls were made or
        deliveries created."""
        if not self._postgres and not self._turn.held():
            return 0
        wanted, orphans = self._lanes_with_work()
        if not wanted and not orphans:
            return 0
        done = 0
        with self._claim(wanted, orphans) as claimed:
            for subscription_id in claimed:
                if self.stopping.is_set():
                    break
                done += self._run_lane(subscription_id)
        return done

    def _lanes_with_work(self) -> tuple[list[int], list[int]]:
        now = utcnow()
        with self._factory() as session:
            newest = changes.newest_seq(session)
            due = (
                sa.select(_DELIVERIES.c.id)
                .where(
                    _DELIVERIES.c.subscription_id == _SUBS.c.id,
                    _DELIVERIES.c.status == DeliveryStatus.pending,
                    _DELIVERIES.c.next_attempt_at <= now,
                    sa.or_(_SUBS.c.active, _DELIVERIES.c.manual),
                )
                .exists()
            )
            behind = sa.and_(_SUBS.c.active, _SUBS.c.fanned_out_seq < newest)
            wanted = session.execute(
                sa.select(_SUBS.c.id)
                .where(sa.or_(behind, due))
                .order_by(_SUBS.c.id)
                .limit(MAX_LANES_PER_ROUND)
            ).scalars()
            orphans = session.execute(
                sa.select(_LANES.c.subscription_id)
                .outerjoin(_SUBS, _SUBS.c.id == _LANES.c.subscription_id)
                .where(_SUBS.c.id.is_(None))
                .limit(MAX_LANES_PER_ROUND)
            ).scalars()
            return list(wanted), list(orphans)

    @contextmanager
    def _claim(self, wanted: list[int], orphans: list[int]) -> Iterator[list[int]]:
        """The lanes this dispatcher may work on now; on PostgreSQL, locked until the end."""
        if not self._postgres:
            with self._factory() as session:
                begin_write(session)
                session.execute(sa.delete(_LANES).where(_LANES.c.subscription_id.in_(orphans)))
                session.commit()
            yield wanted
            return
        with self._engine.connect() as lock, lock.begin():
            claimed = set(
                lock.execute(
                    sa.select(_LANES.c.subscription_id)
                    .where(_LANES.c.subscription_id.in_(wanted + orphans))
                    .with_for_update(skip_locked=True)
                ).scalars()
            )
            swept = [lane for lane in orphans if lane in claimed]
            if swept:
                lock.execute(sa.delete(_LANES).where(_LANES.c.subscription_id.in_(swept)))
            yield [lane for lane in wanted if lane in claimed]

    def _run_lane(self, subscription_id: int) -> int:
        """Batches of the lane, one after the other, for up to LANE_TURN_S. While one batch
        is being sent (on the sending thread), the next is fanned out and loaded and the
        previous one recorded, so the receiver is rarely kept waiting on the database.
        The next batch goes out only once every delivery before it succeeded."""
        started = time.monotonic()
        with self._factory() as session:
            batch = self._load(session, subscription_id, after=None)
            done = batch.created
            if not batch.outgoing:
                return done
            sending = self._sending.submit(self._send, batch.url, batch.secrets, batch.outgoing)
            try:
                while True:
                    upcoming = None
                    if batch.more and time.monotonic() - started < LANE_TURN_S:
                        upcoming = self._load(session, subscription_id, after=batch.last_ordered)
                        done += upcoming.created
                    results = sending.result()
                    go_on = (
                        upcoming is not None
                        and bool(upcoming.outgoing)
                        and len(results) == len(batch.outgoing)
                        and all(
                            r.ok or item.manual
                            for r, item in zip(results, batch.outgoing, strict=True)
                        )
                        and not self.stopping.is_set()
                    )
                    if go_on:
                        assert upcoming is not None
                        sending = self._sending.submit(
                            self._send, upcoming.url, upcoming.secrets, upcoming.outgoing
                        )
                    begin_write(session)
                    self._record(session, subscription_id, batch.outgoing, results)
                    session.commit()
                    done += len(results)
                    if not go_on:
                        return done
                    assert upcoming is not None
                    batch = upcoming
            finally:
                # Whatever went wrong here, the lane is not let go (its lock on PostgreSQL)
                # while a send is still under way, or another dispatcher could overtake it.
                wait([sending])

    def _load(self, session: Session, subscription_id: int, after: int | None) -> "_Batch":
        """Fan out, then the due deliveries (after the ordered delivery `after`, or from the
        head of the queue with the due pings and redeliveries); one short transaction."""
        begin_write(session)
        subscription = session.get(WebhookSubscription, subscription_id)
        if subscription is None:
            session.commit()
            return _Batch("", [], [], 0, False, None)
        created, fed_all = self._fan_out(session, subscription) if subscription.active else (0, 0)
        manual, ordered = self._due(session, subscription, after)
        batch = _Batch(
            url=subscription.url,
            secrets=_secrets_in_use(subscription),
            outgoing=[*manual, *ordered],
            created=created,
            more=len(ordered) == self._batch or fed_all == self._batch,
            last_ordered=ordered[-1].delivery_id if ordered else None,
        )
        session.commit()  # nothing stays open while receivers are called
        return batch

    def _fan_out(self, session: Session, subscription: WebhookSubscription) -> tuple[int, int]:
        """Deliveries for the feed's next changes; how many were made, and of how many
        changes read."""
        fed = changes.read_after(session, subscription.fanned_out_seq, self._batch)
        if not fed:
            return 0, 0
        rows = [
            {
                "subscription_id": subscription.id,
                "webhook_id": f"msg_{subscription.id}_{seq}",
                "event": event_name(change.entity, change.op),
                "change_seq": seq,
                "payload": change.model_dump(mode="json"),
                "manual": False,
                "status": DeliveryStatus.pending,
                "attempt_count": 0,
                "next_attempt_at": utcnow(),
                "created_at": utcnow(),
            }
            for seq, change in fed
            if matches(subscription.events, event_name(change.entity, change.op))
        ]
        if rows:
            session.execute(sa.insert(_DELIVERIES), rows)
        session.execute(
            sa.update(_SUBS).where(_SUBS.c.id == subscription.id).values(fanned_out_seq=fed[-1][0])
        )
        return len(rows), len(fed)

    def _due(
        self, session: Session, subscription: WebhookSubscription, after: int | None
    ) -> tuple[list[Outgoing], list[Outgoing]]:
        """Pings and redeliveries that are due (at the start of a lane's turn), then the
        ordered deliveries from the head of the queue (or after `after`) for as long as
        each is due."""
        now = utcnow()
        pending = select(WebhookDelivery).where(
            WebhookDelivery.subscription_id == subscription.id,
            WebhookDelivery.status == DeliveryStatus.pending,
        )
        manual = (
            session.exec(
                pending.where(col(WebhookDelivery.manual)).order_by(col(WebhookDelivery.id))
            ).all()
            if after is None
            else []
        )
        ordered: list[WebhookDelivery] = []
        if subscription.active:
            queue = pending.where(~col(WebhookDelivery.manual))
            if after is not None:
                queue = queue.where(col(WebhookDelivery.id) > after)
            for delivery in session.exec(
                queue.order_by(col(WebhookDelivery.id)).limit(self._batch)
            ):
                if delivery.next_attempt_at > now:
                    break  # the head waits for its retry: everything behind it waits too
                ordered.append(delivery)
        return [_outgoing(d) for d in manual], [_outgoing(d) for d in ordered]

    def _send(self, url: str, secrets: list[str], outgoing: list[Outgoing]) -> list[Result]:
        results = []
        for item in outgoing:
            if self.stopping.is_set():
                break
            result = self._sender.send(url, secrets, item)
            results.append(result)
            if not result.ok and not item.manual:
                break  # keep the order: nothing after a failed delivery goes out before it
        return results

    def _record(
        self,
        session: Session,
        subscription_id: int,
        outgoing: list[Outgoing],
        results: list[Result],
    ) -> None:
        # Deliveries of a subscription deleted meanwhile are gone: nothing to record for them.
        # (Locked, so a deletion now waits for this short transaction.)
        alive = set(
            session.execute(
                sa.select(_DELIVERIES.c.id)
                .where(_DELIVERIES.c.id.in_([r.delivery_id for r in results]))
                .with_for_update()
            ).scalars()
        )
        results = [r for r in results if r.delivery_id in alive]
        if not results:
            return
        items = {item.delivery_id: item for item in outgoing}
        session.execute(
            sa.insert(_ATTEMPTS),
            [
                {
                    "delivery_id": r.delivery_id,
                    "attempted_at": r.attempted_at,
                    "outcome": r.outcome,
                    "status_code": r.status_code,
                    "latency_ms": r.latency_ms,
                    "response_excerpt": r.excerpt,
                }
                for r in results
            ],
        )
        updates = []
        for r in results:
            item = items[r.delivery_id]
            change: dict[str, object] = {
                "id": r.delivery_id,
                "attempt_count": item.attempt_count + 1,
            }
            if r.ok:
                change.update(status=DeliveryStatus.delivered, delivered_at=r.attempted_at)
            elif item.manual:
                change.update(status=DeliveryStatus.failed)
            else:
                change.update(next_attempt_at=utcnow() + self._policy.delay(item.attempt_count + 1))
            updates.append(change)
        session.execute(sa.update(WebhookDelivery), updates)
        ordered = [r for r in results if not items[r.delivery_id].manual]
        if ordered:
            self._judge_receiver(session, subscription_id, ordered[-1])

    def _judge_receiver(self, session: Session, subscription_id: int, last: Result) -> None:
        """After a round: healthy again, failing (since when), or to be turned off."""
        this = _SUBS.c.id == subscription_id
        if last.ok:
            session.execute(
                sa.update(_SUBS)
                .where(this, _SUBS.c.failing_since.is_not(None))
                .values(failing_since=None)
            )
            return
        if last.status_code == 410:
            _disable(session, subscription_id, "the receiver answered 410 Gone")
            return
        since: datetime | None = session.execute(
            sa.select(_SUBS.c.failing_since).where(this)
        ).scalar()
        if since is None:
            session.execute(sa.update(_SUBS).where(this).values(failing_since=last.attempted_at))
        elif (last.attempted_at - since).total_seconds() >= self._policy.disable_after_s:
            _disable(
                session,
                subscription_id,
                f"every attempt failed since {since.isoformat()}; the last: {_describe(last)}",
            )


@dataclass(frozen=True)
class _Batch:
    url: str
    secrets: list[str]
    outgoing: list[Outgoing]
    created: int  # deliveries fanned out while loading it
    more: bool  # whether more ordered deliveries may be waiting behind it
    last_ordered: int | None


def _outgoing(delivery: WebhookDelivery) -> Outgoing:
    return Outgoing(
        delivery.id or 0,
        delivery.webhook_id,
        delivery.payload,
        delivery.manual,
        delivery.attempt_count,
    )


def _describe(result: Result) -> str:
    if result.outcome == Outcome.http_error:
        return f"HTTP {result.status_code}"
    return f"{result.outcome}: {result.excerpt}"[:300]


def _disable(session: Session, subscription_id: int, reason: str) -> None:
    log.warning("webhook subscription %s turned off: %s", subscription_id, reason)
    session.execute(
        sa.update(_SUBS)
        .where(_SUBS.c.id == subscription_id)
        .values(active=False, disabled_reason=reason[:500], updated_at=utcnow())
    )


def _secrets_in_use(subscription: WebhookSubscription) -> list[str]:
    secrets = [subscription.secret]
    expires = subscription.previous_secret_expires_at
    if subscription.previous_secret and expires is not None and expires > utcnow():
        secrets.append(subscription.previous_secret)
    return secrets


class BackgroundDispatcher:
    """A dispatcher on a thread of its own, with its own database connections."""

    def __init__(self, settings: Settings) -> None:
        self._engine = engine_for(settings)
        self.dispatcher = Dispatcher(self._engine, settings)
        self._thread = threading.Thread(
            target=self.dispatcher.run, name="webhook-dispatcher", daemon=True
        )
        self._join_s = settings.webhooks_timeout_s + 5

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.dispatcher.stopping.set()
        self._thread.join(timeout=self._join_s)
        self.dispatcher.close()
        self._engine.dispose()
