"""Application factory: routers, error handlers, middleware, offline docs."""

import logging
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path

from app import routers
from app.actors.read_cache import JsonCache
from app.config import Settings, get_settings
from app.core.paths import API_PREFIX, api_path
from app.db import engine_for, session_scope
from app.explore import routes as explore
from app.matching_service.keeper import IndexKeeper
from app.ops.guard import InputGuard
from app.ops.middleware import Metrics, RequestContextMiddleware
from app.ops.problems import install_error_handlers
from app.reference import nace, nuts
from app.routers.openapi import install_openapi
from app.tracking import session_factory
from app.webhooks.dispatcher import BackgroundDispatcher

DESCRIPTION = """Interregional cluster matchmaking: NUTS regions with their smart
specialisation (S3) priorities, and the cluster organisations and RDI platforms located in them.
Reads are public unless configured otherwise; writes need `Authorization: Bearer <key>`.
Errors are RFC 9457 `application/problem+json`."""

log = logging.getLogger("clustermatch")
# Reads that take a body (matching requests, an eligibility check): no key needed.
KEYLESS_WRITES = re.compile(rf"^{API_PREFIX}/(?:matching/|calls/[^/]+/eligibility$)")


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    # Load the classifications now rather than on the first request that needs them.
    nuts.lookup("SE")
    nace.problem_with("C")
    # Few threads: request work is mostly Python holding the GIL, and many threads
    # contending for it serve fewer requests than a handful do.
    limiter = anyio.to_thread.current_default_thread_limiter()
    limiter.total_tokens = app.state.settings.thread_pool_size
    await anyio.to_thread.run_sync(_warm_index, app)
    dispatcher = None
    if app.state.settings.webhooks_dispatch:
        dispatcher = BackgroundDispatcher(app.state.settings)
        dispatcher.start()
    try:
        yield
    finally:
        if dispatcher is not None:
            await anyio.to_thread.run_sync(dispatcher.stop)
        app.state.engine.dispose()


def _warm_index(app: FastAPI) -> None:
    """Build the matching index before the first request needs it."""
    try:
        with session_scope(app.state.session_factory) as session:
            app.state.index_keeper.index(session)
    except Exception as exc:  # e.g. not migrated yet: /readyz says so; matching retries
        log.warning("matching index not built at start-up: %s", exc)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    logging.basicConfig(
        level=settings.log_level.upper(), format="%(levelname)s %(name)s %(message)s"
    )
    app = FastAPI(
        title="clustermatch",
        version="1.0.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.engine = engine_for(settings)
    app.state.session_factory = session_factory(app.state.engine)
    app.state.metrics = Metrics()
    app.state.actor_json_cache = JsonCache(settings.read_cache_size)
    app.state.index_keeper = IndexKeeper(settings.track_record_weight)

    install_error_handlers(app)
    explore.install_error_pages(app)  # under /explore: the explorer's HTML error page
    app.include_router(routers.router)
    app.include_router(explore.router)  # the explorer's pages, outside the API prefix
    explore.mount_static(app)
    install_openapi(app)
    _mount_offline_docs(app)

    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["*"],
            allow_headers=["*"],
            expose_headers=["ETag", "Location", "X-Request-ID"],
        )
    app.add_middleware(
        InputGuard,
        max_body_bytes=settings.max_body_bytes,
        large_body_prefixes={api_path("sync"): settings.sync_max_body_bytes},
        keyless_writes=KEYLESS_WRITES,
        page_errors=explore.guard_page,
    )
    app.add_middleware(RequestContextMiddleware, metrics=app.state.metrics)
    return app


def _mount_offline_docs(app: FastAPI) -> None:
    """Swagger UI from the installed swagger-ui-bundle package: /docs works with no internet."""
    app.mount("/static/swagger-ui", StaticFiles(directory=str(swagger_ui_path)), name="swagger-ui")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title="clustermatch API",
            swagger_js_url="/static/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/swagger-ui/favicon-32x32.png",
        )
