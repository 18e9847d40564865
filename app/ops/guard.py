"""Input limits checked before any route parses a request: the body size (413), and text
no database can store — NUL characters and lone UTF-16 surrogates — in the path, the query
or the JSON body (422 naming each field). Pure ASGI, like the request middleware."""

import json
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote_to_bytes

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import FieldError, InvalidPayload, TooLarge, Unauthorized
from app.ops.problems import render_domain_error

# A JSON escape of NUL or of a surrogate, not itself escaped: only then is the body parsed
# here, to name the fields.
_SUSPICIOUS = re.compile(rb"(?<!\\)(?:\\\\)*\\u(?:0000|[dD][89a-fA-F])")
_BODY_METHODS = {"POST", "PUT", "PATCH"}


def _unstorable(text: str) -> bool:
    return "\x00" in text or any(0xD800 <= ord(c) <= 0xDFFF for c in text)


def _bad_bytes(raw: bytes) -> bool:
    """Percent-decoded URL bytes that hold NUL or are not UTF-8 (an encoded surrogate)."""
    decoded = unquote_to_bytes(raw)
    if b"\x00" in decoded:
        return True
    try:
        decoded.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def url_errors(scope: Scope) -> list[FieldError]:
    errors = []
    if _bad_bytes(scope.get("raw_path") or scope["path"].encode("utf-8", "surrogatepass")):
        errors.append(FieldError(field="path", message=_MESSAGE))
    for pair in (scope.get("query_string") or b"").split(b"&"):
        name, _, value = pair.partition(b"=")
        if _bad_bytes(name) or _bad_bytes(value):
            field = unquote_to_bytes(name).decode("utf-8", "replace").replace("\x00", "")
            errors.append(FieldError(field=field or "query", message=_MESSAGE))
    return errors


def body_errors(body: bytes) -> list[FieldError]:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return [FieldError(field="body", message="the body is not UTF-8 text")]
    if b"\x00" not in body and not _SUSPICIOUS.search(body):
        return []
    try:
        document = json.loads(body)
    except ValueError:
        return []  # not JSON: the route's own parsing answers that
    return [FieldError(field=path or "body", message=_MESSAGE) for path in _bad_strings(document)]


def _bad_strings(value: Any, path: str = "") -> list[str]:
    if isinstance(value, str):
        return [path] if _unstorable(value) else []
    if isinstance(value, dict):
        found = []
        for key, item in value.items():
            child = f"{path}.{key}" if path else str(key)
            found += [child] if _unstorable(str(key)) else _bad_strings(item, child)
        return found
    if isinstance(value, list):
        return [
            p for i, item in enumerate(value) for p in _bad_strings(item, f"{path}.{i}".lstrip("."))
        ]
    return []


_MESSAGE = "text may not contain NUL characters or unpaired UTF-16 surrogates"


def _invalid(errors: list[FieldError]) -> JSONResponse:
    return render_domain_error(InvalidPayload.of(errors))


class InputGuard:
    def __init__(
        self,
        app: ASGIApp,
        max_body_bytes: int,
        large_body_prefixes: dict[str, int],
        keyless_writes: re.Pattern[str] | None = None,
        page_errors: Callable[[Scope, list[FieldError]], ASGIApp | None] | None = None,
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.large_body_prefixes = large_body_prefixes
        # Body-carrying requests that need no key (reads posted as bodies); every other one
        # without an Authorization header is answered 401 before its body is read.
        self.keyless_writes = keyless_writes
        # Answers a bad URL with an HTML page instead (the explorer's pages), or None.
        self.page_errors = page_errors

    def _limit(self, path: str) -> int:
        for prefix, limit in self.large_body_prefixes.items():
            if path.startswith(prefix):
                return limit
        return self.max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        errors = url_errors(scope)
        if errors:
            page = self.page_errors(scope, errors) if self.page_errors else None
            await (page or _invalid(errors))(scope, receive, send)
            return
        if scope["method"] not in _BODY_METHODS:
            await self.app(scope, receive, send)
            return
        if (
            self.keyless_writes is not None
            and b"authorization" not in dict(scope["headers"])
            and not self.keyless_writes.match(scope["path"])
        ):
            keyless = Unauthorized("writes need an API key: send 'Authorization: Bearer <key>'")
            await render_domain_error(keyless)(scope, receive, send)
            return
        limit = self._limit(scope["path"])
        too_large = render_domain_error(TooLarge(f"the body may be at most {limit:,} bytes"))
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await too_large(scope, receive, send)
            return
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await too_large(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        errors = body_errors(body)
        if errors:
            await _invalid(errors)(scope, receive, send)
            return
        await self.app(scope, _replay(body, receive), send)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay
