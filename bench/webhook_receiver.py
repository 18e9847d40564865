"""The benchmark's webhook receiver, run in a process of its own so it competes with the
dispatcher only for the machine's cores, not for one interpreter's lock.

Notes when each webhook-id first arrives (time.monotonic: on Linux one clock for every
process of the machine, so the bench compares it with its own commit times).
"""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from typing import Any


def serve(port: int, control: Connection) -> None:
    """Answer 204 to every POST on `port`; on "count" send how many distinct ids arrived,
    on "report" the ids in arrival order with their times, on "stop" end."""
    arrived: dict[str, float] = {}
    order: list[str] = []
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep the connection open, as real receivers do

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers["content-length"]))
            now = time.monotonic()
            webhook_id = self.headers["webhook-id"]
            with lock:
                if webhook_id not in arrived:
                    arrived[webhook_id] = now
                    order.append(webhook_id)
            self.send_response(204)
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, *_args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    control.send("ready")
    while True:
        command = control.recv()
        with lock:
            if command == "count":
                control.send(len(order))
            elif command == "report":
                control.send([(webhook_id, arrived[webhook_id]) for webhook_id in order])
            else:
                break
    server.shutdown()
