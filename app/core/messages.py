"""Pydantic's validation errors in plain words, each under the JSON path of its field
(`offers.1`, `items.3.region_code`), so a client sees what is wrong without reading
pydantic's own vocabulary."""

from collections.abc import Callable, Mapping
from typing import Any

from app.core.fields import SLUG_PATTERN
from app.errors import FieldError

JSON_OBJECT_EXPECTED = "a JSON object is expected, sent with Content-Type: application/json"

# Patterns a client can meet, said in words (the OpenAPI document keeps the regex).
_PATTERN_WORDS = {
    SLUG_PATTERN: "a slug is needed: lower-case letters and digits joined by hyphens, e.g. "
    "life-science",
    r"^[A-Z]{2}$": "a two-letter country code in capitals is needed, e.g. SE",
    r"^[A-Za-z]{2}$": "a two-letter country code is needed, e.g. SE",
    r"^[A-Z]{2}[0-9A-Z]{0,3}$": "a NUTS code or prefix in capitals is needed, e.g. SE2",
    r"^https?://[^\s]+$": "a web address starting with http:// or https:// is needed",
    r"^(?:[A-Ua-u]|\d{2}(?:\.\d{0,2})?)$": "a NACE code or prefix is needed: a section letter "
    "(C), a division (26), a group (26.1) or a class (26.11)",
}


def worded(pattern: str, words: str) -> str:
    """A pattern whose mismatch is reported as `words`; returns the pattern, for `pattern=`."""
    _PATTERN_WORDS[pattern] = words
    return pattern


_ISO_TIME = "a date and time in ISO 8601 is needed, e.g. 2027-01-31T23:59:00Z"


def _items(n: Any) -> str:
    return f"{n} item" if n == 1 else f"{n} items"


def _expected(ctx: Mapping[str, Any]) -> str:
    return f"must be one of {ctx.get('expected', 'the listed values')}"


_BY_TYPE: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "missing": lambda _ctx: "field required",
    "string_type": lambda _ctx: "must be text",
    "int_type": lambda _ctx: "must be a whole number",
    "int_parsing": lambda _ctx: "must be a whole number",
    "int_from_float": lambda _ctx: "must be a whole number",
    "float_type": lambda _ctx: "must be a number",
    "float_parsing": lambda _ctx: "must be a number",
    "bool_type": lambda _ctx: "must be true or false",
    "bool_parsing": lambda _ctx: "must be true or false",
    "list_type": lambda _ctx: "must be a list",
    "dict_type": lambda _ctx: "must be a JSON object",
    "model_type": lambda _ctx: "must be a JSON object",
    "model_attributes_type": lambda _ctx: "must be a JSON object",
    "enum": _expected,
    "literal_error": _expected,
    "greater_than_equal": lambda ctx: f"must be at least {ctx.get('ge')}",
    "greater_than": lambda ctx: f"must be more than {ctx.get('gt')}",
    "less_than_equal": lambda ctx: f"must be at most {ctx.get('le')}",
    "less_than": lambda ctx: f"must be less than {ctx.get('lt')}",
    "string_too_long": lambda ctx: f"must be at most {ctx.get('max_length')} characters long",
    "too_long": lambda ctx: f"must hold at most {_items(ctx.get('max_length'))}",
    "datetime_type": lambda _ctx: _ISO_TIME,
    "datetime_parsing": lambda _ctx: _ISO_TIME,
    "datetime_from_date_parsing": lambda _ctx: _ISO_TIME,
    "extra_forbidden": lambda _ctx: "is not a field of this record",
}


def _too_short(kind: str, ctx: Mapping[str, Any]) -> str:
    least = ctx.get("min_length")
    if kind == "string_too_short":
        return "must not be empty" if least == 1 else f"must be at least {least} characters long"
    return "must not be empty" if least == 1 else f"must hold at least {_items(least)}"


def _pattern(ctx: Mapping[str, Any]) -> str:
    pattern = str(ctx.get("pattern", ""))
    return _PATTERN_WORDS.get(pattern, f"does not have the expected form ({pattern})")


def plain_message(err: Mapping[str, Any]) -> str:
    """What one pydantic error says, in words a client can act on."""
    kind = str(err.get("type", ""))
    ctx: Mapping[str, Any] = err.get("ctx") or {}
    if err.get("input", 0) is None and kind.endswith("_type"):
        return "may not be null"
    if kind in ("string_too_short", "too_short"):
        return _too_short(kind, ctx)
    if kind == "string_pattern_mismatch":
        return _pattern(ctx)
    if kind in _BY_TYPE:
        return _BY_TYPE[kind](ctx)
    # Our own validators' messages are already worded for clients.
    return str(err.get("msg", "invalid value")).removeprefix("Value error, ")


def _position(doc: Any, pos: int) -> str:
    text = doc.decode("utf-8", "replace") if isinstance(doc, bytes) else str(doc or "")
    line = text.count("\n", 0, pos) + 1
    column = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return f"line {line}, column {column} (character {pos + 1})"


def _body_problem(err: Mapping[str, Any], body: Any) -> str | None:
    """The body as a whole is wrong: not JSON, or not a JSON object."""
    loc = tuple(err.get("loc", ()))
    kind = err.get("type")
    if kind == "json_invalid" and len(loc) == 2 and isinstance(loc[1], int):
        reason = str((err.get("ctx") or {}).get("error", "invalid JSON")).rstrip(".")
        return f"the body is not valid JSON: {reason.lower()} at {_position(body, loc[1])}"
    if loc == ("body",) and (kind == "missing" or isinstance(err.get("input"), bytes | str)):
        return JSON_OBJECT_EXPECTED
    if loc == ("body",) and kind in ("model_attributes_type", "dict_type", "model_type"):
        return JSON_OBJECT_EXPECTED
    return None


def _field_path(loc: tuple[Any, ...]) -> str:
    # Drop the request part ("body", "query", "path") and keep the field's own path.
    if loc and loc[0] in {"body", "query", "path", "header"} and len(loc) > 1:
        loc = loc[1:]
    return ".".join(str(part) for part in loc) or "body"


def field_errors(raw_errors: Any, prefix: str = "", body: Any = None) -> list[FieldError]:
    """FieldErrors from pydantic's error list (a request's or a model's); `body` is the
    request body as sent, for saying where malformed JSON broke."""
    errors = []
    for err in raw_errors:
        whole_body = _body_problem(err, body)
        if whole_body is not None:
            errors.append(FieldError(field="body", message=whole_body))
            continue
        loc = tuple(err.get("loc", ()))
        path = prefix + _field_path(loc) if loc or not prefix else prefix.rstrip(".")
        errors.append(FieldError(field=path, message=plain_message(err)))
    return errors
