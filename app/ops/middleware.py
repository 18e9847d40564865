"""One pure ASGI middleware: request id, access log and Prometheus metrics.

Pure ASGI rather than BaseHTTPMiddleware: it adds no task or stream copy per request.
"""

import logging
import os
import random
import time
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.multiprocess import MultiProcessCollector
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("clustermatch.access")


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "clustermatch_http_requests_total",
            "HTTP requests by method, route and status",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "clustermatch_http_request_duration_seconds",
            "HTTP request latency by method and route",
            ["method", "route"],
            registry=self.registry,
            buckets=(0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
        )

    def exposition(self) -> bytes:
        """The Prometheus text. With several worker processes (`PROMETHEUS_MULTIPROC_DIR`
        set, as `clustermatch serve --workers N` does) every worker's counts, summed."""
        if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
            registry = CollectorRegistry()
            MultiProcessCollector(registry)
            return generate_latest(registry)
        return generate_latest(self.registry)


def _route_template(scope: Scope) -> str:
    route = scope.get("route")
    template = getattr(route, "path", None)
    if not template:
        # Unmatched paths share one label so a scanner cannot blow up the series count.
        return "unmatched"
    # An included router's route may know only its own part of the path: the prefixes in
    # front of it are literal, so take them from the request path.
    prefix_depth = str(scope["path"]).count("/") - str(template).count("/")
    prefix = "/".join(str(scope["path"]).split("/")[: prefix_depth + 1]) if prefix_depth > 0 else ""
    return prefix + str(template)


def _printable(text: str) -> str:
    """A request's own text in a log line: control characters escaped, so a path holding
    %0A cannot forge lines."""
    return text.encode("unicode_escape").decode("ascii") if not text.isprintable() else text


def _new_request_id() -> str:
    # Unique enough to correlate log lines; uuid4 reads the OS entropy pool, which is slow.
    return f"{random.getrandbits(128):032x}"


def _valid_request_id(value: str) -> bool:
    return 0 < len(value) <= 128 and value.isascii() and value.isprintable()


class RequestContextMiddleware:
    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        request_id = incoming if _valid_request_id(incoming) else _new_request_id()
        scope.setdefault("state", {})["request_id"] = request_id
        started = time.perf_counter()
        status: dict[str, Any] = {"code": 500}

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", request_id.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            elapsed = time.perf_counter() - started
            route = _route_template(scope)
            method = scope["method"]
            self.metrics.requests.labels(method, route, str(status["code"])).inc()
            self.metrics.latency.labels(method, route).observe(elapsed)
            if log.isEnabledFor(logging.INFO):
                log.info(
                    "%s %s %s %.1fms request_id=%s",
                    method,
                    _printable(scope["path"]),
                    status["code"],
                    elapsed * 1000,
                    request_id,
                )
