"""The explorer's pages: each a GET with its state in the query string, so every view is a
link one can share. Pages call the services the JSON routes call, in one unit of work."""

import base64
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field, ValidationError
from sqlmodel import Session

from app.actors.models import ActorKind
from app.actors.service import ActorFilters
from app.auth.models import Role
from app.consortia.models import Status
from app.core.fields import MAX_ID, RowId
from app.core.messages import field_errors
from app.errors import DomainError, FieldError, InvalidPayload
from app.explore import pages
from app.explore.i18n import LANGUAGES, Translator, choose_language
from app.matching_service.schemas import ConsortiumRequestIn, ScoreRequestIn
from app.routers.deps import (
    ActorCacheDep,
    IndexDep,
    ReadAccess,
    SessionDep,
    WriterDep,
    in_thread,
)
from app.transfer import files as transfer_files
from app.transfer.schemas import ImportReport

HERE = Path(__file__).parent
PREFIX = "/explore"
templates = Jinja2Templates(directory=str(HERE / "templates"))
# Everything the pages load comes from this server: no CDN, no external font.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}

router = APIRouter(prefix=PREFIX, include_in_schema=False, dependencies=[ReadAccess])


def mount_static(app: Any) -> None:
    app.mount(f"{PREFIX}/static", StaticFiles(directory=str(HERE / "static")), name="explore")


async def language(
    request: Request, lang: Annotated[str | None, Query(max_length=5)] = None
) -> str:
    return choose_language(lang, request.headers.get("accept-language"))


LangDep = Annotated[str, Depends(language)]


def _blank_is_none(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def _whole(value: str | None, field: str, limit: int = MAX_ID) -> int | None:
    """A form's number field: empty is None; anything but a whole number is a 422."""
    value = _blank_is_none(value)
    if value is None:
        return None
    if not value.isdigit() or len(value) > 12:
        raise InvalidPayload.of([FieldError(field=field, message="must be a whole number")])
    if int(value) > limit:
        raise InvalidPayload.of([FieldError(field=field, message=f"must be at most {limit}")])
    return int(value)


def _ids(values: list[str], field: str) -> list[int]:
    """Member ids from repeated fields (checkboxes, a select, a text box), each once."""
    ids: list[int] = []
    for value in values:
        for part in value.replace(",", " ").split():
            number = _whole(part, field)
            if number is not None and number not in ids:
                ids.append(number)
    return ids


def _validated(model: Any, data: dict[str, Any]) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InvalidPayload.of(field_errors(exc.errors())) from exc


async def _page(
    request: Request,
    session: Session,
    lang: str,
    template: str,
    work: Callable[[], dict[str, Any]],
    always: Callable[[], dict[str, Any]] = dict,
    **context: Any,
) -> Response:
    """Gather the page's data in one unit of work and render it; a domain error (a bad id,
    a consortium no rule set allows) is shown on the page with its status."""

    def gather() -> tuple[Translator, dict[str, Any], DomainError | None]:
        t = pages.translator(session, lang)
        base = always()  # what the page's form needs, whatever happens next
        try:
            return t, {**base, **work()}, None
        except DomainError as exc:
            session.rollback()
            return t, base, exc

    t, data, error = await in_thread(session, gather)
    status = error.status_code if error else 200
    body = {
        **context,
        **data,
        "t": t,
        "lang": lang,
        "languages": LANGUAGES,
        "error": error,
        "link": _linker(lang),
        "lang_link": lambda code: _lang_link(request, code),
        "request": request,
    }
    response = templates.TemplateResponse(request, template, body, status_code=status)
    response.headers.update(SECURITY_HEADERS)
    return response


def _linker(lang: str) -> Callable[..., str]:
    def link(path: str, **params: Any) -> str:
        pairs: list[tuple[str, Any]] = []
        for key, value in params.items():
            if isinstance(value, list | tuple):
                pairs += [(key, v) for v in value]
            elif value not in (None, "", False):
                pairs.append((key, value))
        pairs.append(("lang", lang))
        return f"{PREFIX}{path}?{urlencode(pairs)}"

    return link


def _lang_link(request: Request, code: str) -> str:
    pairs = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
    return f"{request.url.path}?{urlencode([*pairs, ('lang', code)])}"


def _call_choices(session: Session) -> Callable[[], dict[str, Any]]:
    return lambda: {"calls": pages.call_choices(session)}


@router.get("", response_class=HTMLResponse)
async def search(
    request: Request,
    session: SessionDep,
    cache: ActorCacheDep,
    lang: LangDep,
    q: Annotated[str | None, Query(max_length=200)] = None,
    region: Annotated[str | None, Query(max_length=8)] = None,
    theme: Annotated[str | None, Query(max_length=64)] = None,
    capability: Annotated[str | None, Query(max_length=64)] = None,
    kind: Annotated[str | None, Query(max_length=16)] = None,
) -> Response:
    form: dict[str, Any] = {
        "q": _blank_is_none(q),
        "region": _blank_is_none(region),
        "theme": _blank_is_none(theme),
        "capability": _blank_is_none(capability),
        "kind": _blank_is_none(kind),
    }
    chosen_kind = ActorKind(form["kind"]) if form["kind"] in set(ActorKind) else None
    filters = ActorFilters(
        region=form["region"], theme=form["theme"], capability=form["capability"], q=form["q"]
    )
    return await _page(
        request,
        session,
        lang,
        "search.html",
        lambda: pages.search(session, cache, filters, chosen_kind),
        form=form,
    )


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
async def actor(
    request: Request, session: SessionDep, cache: ActorCacheDep, lang: LangDep, actor_id: RowId
) -> Response:
    return await _page(
        request, session, lang, "actor.html", lambda: pages.actor(session, cache, actor_id)
    )


@router.get("/partners", response_class=HTMLResponse)
async def partners(
    request: Request,
    session: SessionDep,
    keeper: IndexDep,
    cache: ActorCacheDep,
    lang: LangDep,
    actor_id: RowId,
    theme: Annotated[str | None, Query(max_length=64)] = None,
    kind: Annotated[str | None, Query(max_length=16)] = None,
    other_regions_only: bool = True,  # as in the API; the form sends false when unticked
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> Response:
    form: dict[str, Any] = {
        "actor_id": actor_id,
        "theme": _blank_is_none(theme),
        "kind": _blank_is_none(kind),
        "other_regions_only": other_regions_only,
        "limit": limit,
    }
    chosen_kind = ActorKind(form["kind"]) if form["kind"] in set(ActorKind) else None
    return await _page(
        request,
        session,
        lang,
        "partners.html",
        lambda: pages.partners(
            session,
            keeper,
            cache,
            actor_id,
            theme=form["theme"],
            kind=chosen_kind,
            other_regions_only=other_regions_only,
            limit=limit,
            lang=lang,
        ),
        form=form,
    )


@router.get("/consortia", response_class=HTMLResponse)
async def consortia(
    request: Request,
    session: SessionDep,
    keeper: IndexDep,
    lang: LangDep,
    seed: Annotated[list[str], Query(max_length=12)] = [],  # noqa: B006 (FastAPI copies it)
    theme: Annotated[str | None, Query(max_length=64)] = None,
    call_id: Annotated[str | None, Query(max_length=12)] = None,
    min_members: Annotated[int, Query(ge=2, le=12)] = 3,
    max_members: Annotated[int, Query(ge=2, le=12)] = 5,
    min_regions: Annotated[int, Query(ge=1, le=12)] = 2,
    limit: Annotated[int, Query(ge=1, le=10)] = 3,
    eu_funding: Annotated[str | None, Query(max_length=14)] = None,
    go: bool = False,
) -> Response:
    form: dict[str, Any] = {
        "seed": seed,
        "theme": _blank_is_none(theme),
        "call_id": _blank_is_none(call_id),
        "min_members": min_members,
        "max_members": max_members,
        "min_regions": min_regions,
        "limit": limit,
        "eu_funding": _blank_is_none(eu_funding),
    }

    def work() -> dict[str, Any]:
        if not (go or seed or form["theme"] or form["call_id"]):
            return {}  # the empty form
        body = _validated(
            ConsortiumRequestIn,
            {
                "seed_actor_ids": _ids(seed, "seed_actor_ids"),
                "theme": form["theme"],
                "call_id": _whole(form["call_id"], "call_id"),
                "min_members": min_members,
                "max_members": max_members,
                "min_regions": min_regions,
                "limit": limit,
            },
        )
        funding = _whole(form["eu_funding"], "eu_funding", limit=10**12)
        return pages.proposals(session, keeper, body, funding, lang)

    return await _page(
        request, session, lang, "consortia.html", work, _call_choices(session), form=form
    )


@router.get("/consortium", response_class=HTMLResponse)
async def consortium(
    request: Request,
    session: SessionDep,
    keeper: IndexDep,
    lang: LangDep,
    member: Annotated[list[str], Query(max_length=20)] = [],  # noqa: B006 (FastAPI copies it)
    call_id: Annotated[str | None, Query(max_length=12)] = None,
    min_regions: Annotated[int, Query(ge=1, le=12)] = 2,
    eu_funding: Annotated[str | None, Query(max_length=14)] = None,
) -> Response:
    form: dict[str, Any] = {
        "call_id": _blank_is_none(call_id),
        "min_regions": min_regions,
        "eu_funding": _blank_is_none(eu_funding),
    }

    def work() -> dict[str, Any]:
        ids = _ids(member, "member_ids")
        chosen_call = _whole(form["call_id"], "call_id")
        funding = _whole(form["eu_funding"], "eu_funding", limit=10**12)
        if len(ids) < 2:
            return {"member_ids": ids, "too_few": True}
        body = _validated(
            ScoreRequestIn,
            {"member_ids": ids, "min_regions": min_regions, "min_members": 2, "max_members": 12},
        )
        return pages.consortium(session, keeper, body, chosen_call, funding, lang)

    return await _page(
        request, session, lang, "consortium.html", work, _call_choices(session), form=form
    )


@router.get("/saved", response_class=HTMLResponse)
async def saved(
    request: Request,
    session: SessionDep,
    lang: LangDep,
    status: Annotated[str | None, Query(max_length=16)] = None,
) -> Response:
    chosen = Status(status) if status in set(Status) else None
    return await _page(
        request,
        session,
        lang,
        "saved.html",
        lambda: pages.saved_list(session, chosen),
        form={"status": chosen},
        statuses=list(Status),
    )


@router.get("/saved/{consortium_id}", response_class=HTMLResponse)
async def saved_one(
    request: Request, session: SessionDep, lang: LangDep, consortium_id: RowId
) -> Response:
    return await _page(
        request,
        session,
        lang,
        "saved_one.html",
        lambda: pages.saved_one(session, consortium_id),
    )


@router.get("/regions", response_class=HTMLResponse)
async def regions(
    request: Request,
    session: SessionDep,
    keeper: IndexDep,
    lang: LangDep,
    code: Annotated[str | None, Query(max_length=8)] = None,
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> Response:
    chosen = (_blank_is_none(code) or "").upper() or None
    return await _page(
        request,
        session,
        lang,
        "regions.html",
        lambda: pages.region_page(session, keeper, chosen, limit, lang),
        form={"code": chosen, "limit": limit},
    )


@router.get("/import", response_class=HTMLResponse)
async def import_page(request: Request, session: SessionDep, lang: LangDep) -> Response:
    return await _page(request, session, lang, "import.html", dict)


class UploadedFile(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    content: str = Field(description="The file, base64-encoded (a JSON body carries bytes so)")


class Upload(BaseModel):
    files: list[UploadedFile] = Field(min_length=1, max_length=10)
    dry_run: bool = True


class UploadOutcome(BaseModel):
    dry_run: bool
    report: ImportReport


@router.post("/import")
async def import_upload(body: Upload, session: SessionDep, writer: WriterDep) -> UploadOutcome:
    """The explorer's upload: the same import as `clustermatch import`, for integrator and
    admin keys; a dry run first shows what would change."""
    writer.require_role(Role.integrator, Role.admin)
    decoded = []
    for k, upload in enumerate(body.files):
        try:
            decoded.append((upload.name, base64.b64decode(upload.content, validate=True)))
        except ValueError as exc:
            problem = FieldError(field=f"files.{k}.content", message="not base64")
            raise InvalidPayload.of([problem]) from exc
    # Reading a workbook is CPU work: in the thread with the import, not on the event loop.
    report = await in_thread(
        session,
        lambda: transfer_files.import_files(
            session, transfer_files.read(decoded), dry_run=body.dry_run
        ),
        write=True,
    )
    return UploadOutcome(dry_run=body.dry_run, report=report)
