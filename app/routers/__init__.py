"""Every HTTP route. Each module is one resource and stays thin: parse, authorise through
dependencies, call one service function, shape the response. `router` is the one the app
includes: the public API under /api/v1, the operations probes at the root as well."""

from fastapi import APIRouter

from app.core.paths import API_PREFIX
from app.ops.problems import problem_responses
from app.routers import (
    actors,
    calls,
    changes,
    consortia,
    keys,
    matching,
    operations,
    regions,
    sync,
    vocabularies,
    webhooks,
)

# Any route may meet these, so every operation documents them.
api = APIRouter(responses=problem_responses(413, 422, 500, 503))
for module in (regions, vocabularies, keys, matching, calls, consortia, sync, changes, webhooks):
    api.include_router(module.router)
api.include_router(actors.clusters_router)
api.include_router(actors.rdi_platforms_router)
# Probes also answer under the API prefix, for clients that only know that base URL.
api.include_router(operations.router, include_in_schema=False)

router = APIRouter()
router.include_router(api, prefix=API_PREFIX)
router.include_router(operations.router)
