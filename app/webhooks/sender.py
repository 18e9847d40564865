"""One HTTP call per delivery: signed, bounded by a timeout, its answer summarised.

Connections to a receiver stay open between calls (one pool per receiver origin), and each
goes to an address that was checked: the receiver's name is resolved once when its pool is
made, every address it resolves to is checked, and the pool connects to one of those
addresses while the request still names the host (Host header, TLS name and certificate
check). A name that pointed outside when the subscription was made and points inside now
(DNS rebinding) is refused, and no later lookup can hand the socket an unchecked address.
urllib3 rather than httpx here: a third of the cost per call, which is what bounds a
subscription's throughput (its deliveries go out one after the other, in order).
"""

import json
import ssl
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import urllib3
from urllib3.exceptions import HTTPError, NewConnectionError, TimeoutError

from app.core.columns import utcnow
from app.webhooks import addresses, signing
from app.webhooks.models import Outcome

EXCERPT_CHARS = 500
MAX_ROUTES = 256  # receivers with a connection kept open; the longest unused is closed
USER_AGENT = "clustermatch-webhooks/1"


@dataclass(frozen=True)
class Outgoing:
    delivery_id: int
    webhook_id: str
    payload: dict[str, Any]
    manual: bool
    attempt_count: int


@dataclass(frozen=True)
class Result:
    delivery_id: int
    attempted_at: datetime
    outcome: Outcome
    status_code: int | None
    latency_ms: float
    excerpt: str

    @property
    def ok(self) -> bool:
        return self.outcome == Outcome.success


def body_of(payload: dict[str, Any]) -> str:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


@dataclass
class _Route:
    """Where one receiver origin's calls go: a pool to a checked address."""

    pool: urllib3.HTTPConnectionPool
    host_header: str


Origin = tuple[str, str, int]  # scheme, host, port


class Sender:
    def __init__(
        self,
        *,
        timeout_s: float,
        allow_private: bool,
        resolver: addresses.Resolver = addresses.resolve,
        trust: ssl.SSLContext | None = None,
    ) -> None:
        self._trust = trust  # the certificates receivers are checked against (system's)
        self._timeout = urllib3.Timeout(connect=timeout_s, read=timeout_s)
        self._allow_private = allow_private
        self._resolver = resolver
        self._routes: dict[Origin, _Route] = {}
        self._failures: dict[Origin, int] = {}  # connection failures: try the next address

    def close(self) -> None:
        for route in self._routes.values():
            route.pool.close()
        self._routes.clear()

    def _route(self, origin: Origin) -> _Route:
        route = self._routes.pop(origin, None)
        if route is not None:
            self._routes[origin] = route  # now the most recently used
            return route
        scheme, host, port = origin
        checked = addresses.checked_addresses(
            host, port, allow_private=self._allow_private, resolver=self._resolver
        )
        address = str(checked[self._failures.get(origin, 0) % len(checked)])
        common: dict[str, Any] = {"maxsize": 1, "timeout": self._timeout, "retries": False}
        pool: urllib3.HTTPConnectionPool
        if scheme == "https":
            pool = urllib3.HTTPSConnectionPool(
                address, port, server_hostname=host, ssl_context=self._trust, **common
            )
        else:
            pool = urllib3.HTTPConnectionPool(address, port, **common)
        shown = f"[{host}]" if ":" in host else host
        default_port = 443 if scheme == "https" else 80
        route = _Route(pool, shown if port == default_port else f"{shown}:{port}")
        if len(self._routes) >= MAX_ROUTES:
            self._forget(next(iter(self._routes)), failed=False)
        self._routes[origin] = route
        return route

    def _forget(self, origin: Origin, *, failed: bool = True) -> None:
        """Close the route; the next call resolves and checks again (after a connection
        failure, taking the next of the name's addresses)."""
        if failed:
            self._failures[origin] = self._failures.get(origin, 0) + 1
        route = self._routes.pop(origin, None)
        if route is not None:
            route.pool.close()

    def send(self, url: str, secrets: list[str], item: Outgoing) -> Result:
        attempted_at = utcnow()
        started = time.perf_counter()

        def result(outcome: Outcome, status: int | None = None, excerpt: str = "") -> Result:
            latency = (time.perf_counter() - started) * 1000
            return Result(
                item.delivery_id, attempted_at, outcome, status, latency, excerpt[:EXCERPT_CHARS]
            )

        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        origin = (scheme, parts.hostname or "", parts.port or (443 if scheme == "https" else 80))
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        body = body_of(item.payload)
        try:
            route = self._route(origin)
            headers = {
                "host": route.host_header,
                "user-agent": USER_AGENT,
                "content-type": "application/json",
                **signing.headers(item.webhook_id, attempted_at, body, secrets),
            }
            response = route.pool.urlopen(
                "POST",
                target,
                body=body.encode(),
                headers=headers,
                redirect=False,  # a redirect could lead to an address we refuse
                preload_content=False,
                assert_same_host=False,
            )
            excerpt = _read_excerpt(response)
        except addresses.RefusedAddress as exc:
            return result(Outcome.refused, excerpt=str(exc))
        except NewConnectionError as exc:  # before TimeoutError: urllib3 derives it from that
            self._forget(origin)
            return result(Outcome.connection_error, excerpt=f"{type(exc).__name__}: {exc}")
        except TimeoutError as exc:
            self._forget(origin)
            return result(Outcome.timeout, excerpt=f"no answer in time ({type(exc).__name__})")
        except HTTPError as exc:
            self._forget(origin)
            return result(Outcome.connection_error, excerpt=f"{type(exc).__name__}: {exc}")
        outcome = Outcome.success if 200 <= response.status < 300 else Outcome.http_error
        return result(outcome, response.status, excerpt)


def _read_excerpt(response: urllib3.BaseHTTPResponse) -> str:
    """The start of the answer's body. A short body is read to its end, so the connection
    can carry the next call; a longer one is not read on: that connection is closed."""
    try:
        start = response.read(EXCERPT_CHARS * 4)
        if response.read(1):
            response.close()
    finally:
        response.release_conn()
    return start.decode("utf-8", errors="replace")
