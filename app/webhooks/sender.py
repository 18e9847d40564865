"""One HTTP call per delivery: signed, bounded by a timeout, its answer summarised."""

import json
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx

from app.core.columns import utcnow
from app.webhooks import addresses, signing
from app.webhooks.models import Outcome
from app.webhooks.transport import CheckedTransport

EXCERPT_CHARS = 500


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


class Sender:
    """Keeps connections to receivers open between calls (one client per dispatcher)."""

    def __init__(
        self,
        *,
        timeout_s: float,
        allow_private: bool,
        resolver: addresses.Resolver = addresses.resolve,
    ) -> None:
        self._client = httpx.Client(
            transport=CheckedTransport(resolver=resolver, allow_private=allow_private),
            timeout=httpx.Timeout(timeout_s),
            follow_redirects=False,  # a redirect could lead to an address we refuse
            headers={"user-agent": "clustermatch-webhooks/1"},
        )

    def close(self) -> None:
        self._client.close()

    def send(self, url: str, secrets: list[str], item: Outgoing) -> Result:
        attempted_at = utcnow()
        started = time.perf_counter()

        def result(outcome: Outcome, status: int | None = None, excerpt: str = "") -> Result:
            latency = (time.perf_counter() - started) * 1000
            return Result(
                item.delivery_id, attempted_at, outcome, status, latency, excerpt[:EXCERPT_CHARS]
            )

        body = body_of(item.payload)
        headers = {
            "content-type": "application/json",
            **signing.headers(item.webhook_id, attempted_at, body, secrets),
        }
        try:
            with self._client.stream("POST", url, content=body.encode(), headers=headers) as r:
                excerpt = _read_excerpt(r)
        except addresses.RefusedAddress as exc:  # raised by the transport as it connects
            return result(Outcome.refused, excerpt=str(exc))
        except httpx.TimeoutException as exc:
            return result(Outcome.timeout, excerpt=f"no answer in time ({type(exc).__name__})")
        except httpx.HTTPError as exc:
            return result(Outcome.connection_error, excerpt=f"{type(exc).__name__}: {exc}")
        outcome = Outcome.success if 200 <= r.status_code < 300 else Outcome.http_error
        return result(outcome, r.status_code, excerpt)


def _read_excerpt(response: httpx.Response) -> str:
    """The start of the answer's body, without reading a large body to its end."""
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        chunks.append(chunk)
        size += len(chunk)
        if size >= EXCERPT_CHARS * 4:
            break
    return b"".join(chunks).decode("utf-8", errors="replace")
