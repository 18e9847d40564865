"""A real HTTP receiver on a free loopback port, told how to answer each call."""

import json
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from standardwebhooks import Webhook

from tests.live import free_port


@dataclass(frozen=True)
class Call:
    headers: dict[str, str]
    body: str
    answered: int

    @property
    def webhook_id(self) -> str:
        return self.headers["webhook-id"]

    @property
    def item(self) -> dict[str, Any]:
        result: dict[str, Any] = json.loads(self.body)
        return result

    def verifies_with(self, secret: str) -> bool:
        try:
            Webhook(secret).verify(self.body, self.headers)
        except Exception:
            return False
        return True


# Given the number of the call (from 1), how to answer: (status, seconds to wait first).
Answer = Callable[[int], tuple[int, float]]


def healthy(_n: int) -> tuple[int, float]:
    return 204, 0.0


class Receiver:
    def __init__(
        self, answer: Answer = healthy, port: int | None = None, tls: ssl.SSLContext | None = None
    ) -> None:
        self.answer = answer
        self.tls = tls  # serve HTTPS with this context
        self.port = port or free_port()
        self.calls: list[Call] = []
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def start(self) -> "Receiver":
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # connections kept open, as real receivers do

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length", 0))).decode()
                with receiver._lock:
                    number = len(receiver.calls) + 1
                    status, wait = receiver.answer(number)
                    receiver.calls.append(
                        Call({k.lower(): v for k, v in self.headers.items()}, body, status)
                    )
                if wait:
                    time.sleep(wait)
                try:
                    body = b"" if status == 204 else b"ok"  # a 204 has no body
                    self.send_response(status)
                    self.send_header("content-length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:
                    pass  # the dispatcher gave up waiting

            def log_message(self, *_args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        if self.tls is not None:
            self._server.socket = self.tls.wrap_socket(self._server.socket, server_side=True)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def accepted(self) -> list[Call]:
        """Calls answered 2xx, first receipt of each webhook-id only (as a receiver that
        de-duplicates would keep them)."""
        seen: set[str] = set()
        kept = []
        with self._lock:
            calls = list(self.calls)
        for call in calls:
            if 200 <= call.answered < 300 and call.webhook_id not in seen:
                seen.add(call.webhook_id)
                kept.append(call)
        return kept

    def __enter__(self) -> "Receiver":
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()
