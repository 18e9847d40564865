"""Event names (`entity.op`, as in the change feed) and the filters subscriptions use."""

import re

ENTITIES = ("region", "cluster", "rdi_platform", "call")
OPS = ("create", "update", "delete")
PING = "webhook.ping"
FILTER_PATTERN = rf"^(?:\*|(?:\*|{'|'.join(ENTITIES)})\.(?:\*|{'|'.join(OPS)}))$"
_FILTER = re.compile(FILTER_PATTERN)


def event_name(entity: str, op: str) -> str:
    return f"{entity}.{op}"


def is_filter(text: str) -> bool:
    return bool(_FILTER.match(text))


def matches(filters: list[str], event: str) -> bool:
    """Whether any filter (`*`, `cluster.*`, `*.delete`, `region.update`) selects the event."""
    entity, _, op = event.partition(".")
    for pattern in filters:
        if pattern == "*":
            return True
        want_entity, _, want_op = pattern.partition(".")
        if want_entity in ("*", entity) and want_op in ("*", op):
            return True
    return False
