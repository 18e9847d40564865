"""Checks of actor ids in requests, shared by matching, calls and saved consortia."""

from app.errors import FieldError
from app.matching.index import MatchIndex


def actor_id_errors(index: MatchIndex, ids: list[int], field: str) -> list[FieldError]:
    """An error for each id that names no actor or repeats an earlier one."""
    errors = []
    seen: set[int] = set()
    for k, actor_id in enumerate(ids):
        if actor_id not in index.position:
            errors.append(FieldError(field=f"{field}.{k}", message=f"no actor with id {actor_id}"))
        elif actor_id in seen:
            errors.append(FieldError(field=f"{field}.{k}", message=f"actor {actor_id} is repeated"))
        seen.add(actor_id)
    return errors
