"""What one HTTP call costs with each client the webhook sender could use: calls per second,
one after the other over one kept-open connection, to the bench's receiver in a process of
its own (a subscription's deliveries go out this way, in order, so this bounds a burst).

    python -m bench.webhook_clients [--calls 3000]
"""

import argparse
import http.client
import json
import time
from collections.abc import Callable

import httpx
import urllib3

from bench.common import machine
from bench.webhooks import Receiver

BODY = json.dumps({"op": "create", "entity": "cluster", "id": 1, "version": 1, "data": {}})
HEADERS = {"content-type": "application/json", "webhook-signature": "v1,x"}


def timed(calls: int, call: Callable[[dict[str, str]], None]) -> float:
    started = time.monotonic()
    for n in range(calls):
        call({**HEADERS, "webhook-id": f"msg_{n}_{started}"})
    return calls / (time.monotonic() - started)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--calls", type=int, default=3000)
    args = parser.parse_args()
    print(machine())
    receiver = Receiver()
    url = f"http://127.0.0.1:{receiver.port}/hook"
    body = BODY.encode()
    client = httpx.Client()
    pool = urllib3.HTTPConnectionPool("127.0.0.1", receiver.port, maxsize=1, retries=False)
    plain = http.client.HTTPConnection("127.0.0.1", receiver.port)

    def with_httpx(headers: dict[str, str]) -> None:
        client.post(url, content=body, headers=headers).read()

    def with_urllib3(headers: dict[str, str]) -> None:
        pool.urlopen("POST", "/hook", body=body, headers=headers, redirect=False).read()

    def with_http_client(headers: dict[str, str]) -> None:
        plain.request("POST", "/hook", body=body, headers=headers)
        plain.getresponse().read()

    try:
        for label, call in [
            ("httpx", with_httpx),
            ("urllib3", with_urllib3),
            ("http.client", with_http_client),
        ]:
            print(f"{label}: {timed(args.calls, call):.0f} calls/s")
    finally:
        client.close()
        pool.close()
        plain.close()
        receiver.stop()


if __name__ == "__main__":
    main()
