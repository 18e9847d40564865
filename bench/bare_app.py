"""A bare FastAPI app answering fixed JSON: the ceiling the project is compared with."""

import json
import os
from collections.abc import Callable

from fastapi import FastAPI
from fastapi.responses import Response

PAYLOADS: dict[str, str] = json.loads(os.environ["BARE_PAYLOADS"])  # {"/path": json_text}

app = FastAPI()


def _handler(body: str) -> Callable[[], Response]:
    encoded = body.encode()

    def handler() -> Response:
        return Response(encoded, media_type="application/json")

    return handler


for path, body in PAYLOADS.items():
    app.get(path)(_handler(body))
