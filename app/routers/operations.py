from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST
from pydantic import BaseModel
from sqlalchemy import text

from app import migrate
from app.routers.deps import ReadAccess

router = APIRouter(tags=["operations"])


class Health(BaseModel):
    status: str
    detail: str | None = None


@router.get(
    "/healthz", response_model=Health, response_model_exclude_none=True, summary="The process is up"
)
async def healthz() -> Health:
    return Health(status="ok")


@router.get(
    "/readyz",
    response_model=Health,
    response_model_exclude_none=True,
    responses={503: {"model": Health, "description": "Database unreachable or not migrated"}},
    summary="The database is reachable and its schema is at the latest migration",
)
def readyz(request: Request) -> Health | JSONResponse:
    engine = request.app.state.engine
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        ready = migrate.at_head(engine)
    except Exception as exc:  # any failure to reach the database means not ready
        return JSONResponse(
            Health(
                status="unavailable", detail=f"database unreachable: {type(exc).__name__}"
            ).model_dump(),
            status_code=503,
        )
    if not ready:
        return JSONResponse(
            Health(status="unavailable", detail="migrations are not at head").model_dump(),
            status_code=503,
        )
    return Health(status="ok")


@router.get(
    "/metrics",
    summary="Prometheus metrics",
    response_class=Response,
    responses={
        200: {
            "description": "Prometheus text exposition format",
            "content": {"text/plain": {"schema": {"type": "string"}}},
        }
    },
    dependencies=[ReadAccess],  # not public when reads are not
)
def metrics(request: Request) -> Response:
    return Response(request.app.state.metrics.exposition(), media_type=CONTENT_TYPE_LATEST)
