from typing import Annotated

from fastapi import APIRouter, Query

from app.changes import service
from app.changes.models import ChangePage
from app.core.messages import worded
from app.core.pagination import MAX_PAGE_SIZE
from app.ops.problems import problem_responses
from app.routers.deps import ReadAccess, SessionDep, in_thread

router = APIRouter(prefix="/changes", tags=["sync"], dependencies=[ReadAccess])


@router.get(
    "",
    response_model=ChangePage,
    responses=problem_responses(401, 422),
    summary="Every create, update and delete of regions, actors and calls, in commit order",
)
async def changes(
    session: SessionDep,
    since: Annotated[
        str | None,
        Query(
            description="next_cursor of the previous page",
            pattern=worded(
                r"^[A-Za-z0-9_-]{1,40}$", "a cursor is needed, as a page's next_cursor gives it"
            ),
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE * 5)] = 100,
) -> ChangePage:
    """Replaying the feed from the start reconstructs the current state: `create` and
    `update` carry the whole record as it was at that version; `delete` is a tombstone."""
    return await in_thread(session, lambda: service.read(session, since, limit))
