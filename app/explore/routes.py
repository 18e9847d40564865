"""The explorer's pages: each a GET with its state in the query string, so every view is a
link one can share. Pages call the services the JSON routes call, in one unit of work."""

import base64
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field, ValidationError
from sqlmodel import Session
from starlette.types import Scope

from app.actors.models import ActorKind
from app.actors.service import ActorFilters
from app.auth.models import Role
from app.consortia.models import Status
from app.core.fields import MAX_ID, RowId
from app.core.messages import field_errors
from app.errors import DomainError, FieldError, InvalidPayload
from app.explore import pages
from app.explore.i18n import LANGUAGES, MESSAGES, Translator, choose_language
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


MAX_EU_FUNDING = 10**12
# What people type between the thousands of an amount: "400 000", also with a no-break
# space (as Swedish text writes it) or a thin one.
_THOUSANDS = str.maketrans("", "", " \u00a0\u202f\u2009")


@dataclass
class _Form:
    """A page's typed fields: every bad one is collected, so one answer names them all;
    an empty optional field is its default."""

    errors: list[FieldError] = field(default_factory=list)

    def _bad(self, name: str, message: str) -> None:
        self.errors.append(FieldError(field=name, message=message))

    def whole(
        self,
        value: str | None,
        name: str,
        *,
        low: int = 1,
        high: int = MAX_ID,
        amount: bool = False,
    ) -> int | None:
        """A whole number in [low, high]; None when empty or bad (then it is noted)."""
        text = _blank_is_none(value)
        if text is None:
            return None
        if amount:
            text = text.translate(_THOUSANDS)
        if not (text.isascii() and text.isdigit()):
            self._bad(name, "must be a whole number")
            return None
        number = int(text) if len(text) <= 20 else high + 1
        if number < low:
            self._bad(name, f"must be at least {low}")
            return None
        if number > high:
            self._bad(name, f"is too large: at most {high:,}".replace(",", " "))
            return None
        return number

    def number(self, value: str | None, name: str, default: int, low: int, high: int) -> int:
        """An optional number field with bounds: empty is the default; too large or too
        small says the bound, as the form's min and max do."""
        text = _blank_is_none(value)
        if text is not None and text.isascii() and text.isdigit() and int(text) > high:
            self._bad(name, f"must be at most {high}")
            return default
        got = self.whole(value, name, low=low, high=high)
        return default if got is None else got

    def ids(self, values: list[str], name: str) -> list[int]:
        """Member ids from repeated fields (checkboxes, a select, a text box), each once."""
        ids: list[int] = []
        for value in values:
            for part in value.replace(",", " ").split():
                number = self.whole(part, name)
                if number is not None and number not in ids:
                    ids.append(number)
        return ids

    def check(self) -> None:
        if self.errors:
            raise InvalidPayload.of(self.errors)


def _validated(model: Any, data: dict[str, Any]) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InvalidPayload.of(field_errors(exc.errors())) from exc


# Errors on the explorer's pages -------------------------------------------------------------


@dataclass
class ShownError:
    """An error as a page shows it: in the page's language, each bad field by its name and
    its label."""

    status: int
    detail: str
    errors: list[dict[str, str]]


# A field's label on the forms, when it has one (the code name is shown as well).
_FIELD_LABELS = {
    "q": "search.q",
    "region": "search.region",
    "theme": "search.theme",
    "capability": "search.capability",
    "kind": "search.kind",
    "limit": "partners.limit",
    "other_regions_only": "partners.other_regions_only",
    "seed": "consortia.seed",
    "seed_actor_ids": "consortia.seed",
    "call_id": "consortia.call",
    "eu_funding": "consortia.eu_funding",
    "min_members": "consortia.min_members",
    "max_members": "consortia.max_members",
    "min_regions": "consortia.min_regions",
    "member": "field.member_ids",
    "member_ids": "field.member_ids",
    "status": "saved.status",
    "code": "regions.code",
    "actor_id": "field.actor_id",
    "consortium_id": "field.consortium_id",
    "lang": "field.lang",
    "path": "field.path",
    "query": "field.query",
}


# Where a page labels a field its own way.
_PAGE_LABELS = {f"{PREFIX}/consortia": {"limit": "consortia.limit"}}


def shown_error(
    t: Translator, status: int, detail: str, errors: list[FieldError] | None, path: str = ""
) -> ShownError:
    labels = {**_FIELD_LABELS, **_PAGE_LABELS.get(path, {})}
    fields = []
    for e in errors or []:
        key = labels.get(e.field.split(".")[0])
        label = t(key) if key in MESSAGES else ""
        fields.append({"field": e.field, "label": label, "message": t.message(e.message)})
    if fields:
        detail = t("error.fields")
    elif status == 404 and detail == "Not Found":
        detail = t("error.not_found")
    else:
        detail = t.message(detail)
    return ShownError(status, detail, fields)


def is_page(scope: Scope) -> bool:
    """A request for one of the explorer's pages (not its static files, not the upload,
    which its script reads as problem+json)."""
    path: str = scope.get("path", "")
    return (
        scope.get("method") in ("GET", "HEAD")
        and (path == PREFIX or path.startswith(PREFIX + "/"))
        and not path.startswith(f"{PREFIX}/static/")
    )


# The pages one can go back to with no input; any other page's error offers the start.
_FORMS = {PREFIX, f"{PREFIX}/consortia", f"{PREFIX}/regions", f"{PREFIX}/saved", f"{PREFIX}/import"}


def error_page(
    request: Request,
    status: int,
    detail: str,
    errors: list[FieldError] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    """The explorer's own error page, for errors met before a page's route ran (a bad
    query parameter, an unknown page, text no database stores)."""
    lang = choose_language(request.query_params.get("lang"), request.headers.get("accept-language"))
    t = Translator(lang)
    link = _linker(lang)
    back = request.url.path if request.url.path in _FORMS else None
    body = {
        "t": t,
        "lang": lang,
        "languages": LANGUAGES,
        "error": shown_error(t, status, detail, errors, request.url.path),
        "link": link,
        "lang_link": lambda code: _lang_link(request, code),
        "back": f"{back}?lang={lang}" if back else None,
        "request": request,
    }
    response = templates.TemplateResponse(request, "error.html", body, status_code=status)
    response.headers.update(SECURITY_HEADERS)
    for name, value in (headers or {}).items():
        if name.lower() not in ("content-type", "content-length"):
            response.headers[name] = value
    return response


def _problem_page(request: Request, problem: Response) -> Response:
    """The problem+json the API would answer, as the explorer's error page."""
    try:
        body = json.loads(bytes(problem.body))
    except ValueError:
        body = {}
    errors = [FieldError.model_validate(e) for e in body.get("errors") or []]
    headers = {
        k: v
        for k, v in problem.headers.items()
        if k.lower() not in ("content-type", "content-length")
    }
    return error_page(request, problem.status_code, str(body.get("detail", "")), errors, headers)


Handler = Callable[[Request, Exception], Awaitable[Response]]


def install_error_pages(app: Any) -> None:
    """Under /explore every error is the explorer's HTML page, with the status the API
    would give; everywhere else the handlers answer problem+json as before."""
    for key, handler in list(app.exception_handlers.items()):
        app.exception_handlers[key] = _on_pages(handler)


def _on_pages(handler: Handler) -> Handler:
    async def handle(request: Request, exc: Exception) -> Response:
        response = await handler(request, exc)
        if not is_page(request.scope) or not isinstance(response, JSONResponse):
            return response
        try:
            return _problem_page(request, response)
        except Exception:  # the page itself failed: the problem+json still answers
            return response

    return handle


def guard_page(scope: Scope, errors: list[FieldError]) -> Response | None:
    """The input guard's 422 (text no database stores) on a page, as the error page."""
    if not is_page(scope):
        return None
    return error_page(Request(scope), 422, "", errors)


async def _page(
    request: Request,
    session: Session,
    lang: str,
    template: str,
    work: Callable[[], dict[str, Any]],
    always: Callable[[], dict[str, Any]] = dict,
    form_check: _Form | None = None,
    **context: Any,
) -> Response:
    """Gather the page's data in one unit of work and render it; a domain error (a bad id,
    a consortium no rule set allows) or a bad form field is shown on the page, in its
    language, with its status."""

    def gather() -> tuple[Translator, dict[str, Any], DomainError | None]:
        t = pages.translator(session, lang)
        base = always()  # what the page's form needs, whatever happens next
        try:
            if form_check is not None:
                form_check.check()
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
        "error": (
            shown_error(t, status, error.detail, error.errors, request.url.path) if error else None
        ),
        "link": _linker(lang),
        "lang_link": lambda code: _lang_link(request, code),
        "request": request,
    }
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else {}
    response = templates.TemplateResponse(request, template, body, status_code=status)
    response.headers.update({**SECURITY_HEADERS, **headers})
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
    limit: Annotated[str | None, Query(max_length=20)] = None,
) -> Response:
    typed = _Form()
    form: dict[str, Any] = {
        "actor_id": actor_id,
        "theme": _blank_is_none(theme),
        "kind": _blank_is_none(kind),
        "other_regions_only": other_regions_only,
        "limit": typed.number(limit, "limit", 10, 1, 50),
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
            limit=form["limit"],
            lang=lang,
        ),
        form_check=typed,
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
    min_members: Annotated[str | None, Query(max_length=20)] = None,
    max_members: Annotated[str | None, Query(max_length=20)] = None,
    min_regions: Annotated[str | None, Query(max_length=20)] = None,
    limit: Annotated[str | None, Query(max_length=20)] = None,
    eu_funding: Annotated[str | None, Query(max_length=40)] = None,
    go: bool = False,
) -> Response:
    typed = _Form()
    form: dict[str, Any] = {
        "seed": seed,
        "theme": _blank_is_none(theme),
        "call_id": _blank_is_none(call_id),
        "min_members": typed.number(min_members, "min_members", 3, 2, 12),
        "max_members": typed.number(max_members, "max_members", 5, 2, 12),
        "min_regions": typed.number(min_regions, "min_regions", 2, 1, 12),
        "limit": typed.number(limit, "limit", 3, 1, 10),
        "eu_funding": _blank_is_none(eu_funding),
    }
    seed_ids = typed.ids(seed, "seed_actor_ids")
    chosen_call = typed.whole(form["call_id"], "call_id")
    funding = typed.whole(form["eu_funding"], "eu_funding", low=0, high=MAX_EU_FUNDING, amount=True)
    if funding is not None:
        form["eu_funding"] = funding  # as digits in the links it makes

    def work() -> dict[str, Any]:
        if not (go or seed or form["theme"] or form["call_id"]):
            return {}  # the empty form
        body = _validated(
            ConsortiumRequestIn,
            {
                "seed_actor_ids": seed_ids,
                "theme": form["theme"],
                "call_id": chosen_call,
                "min_members": form["min_members"],
                "max_members": form["max_members"],
                "min_regions": form["min_regions"],
                "limit": form["limit"],
            },
        )
        return pages.proposals(session, keeper, body, funding, lang)

    return await _page(
        request,
        session,
        lang,
        "consortia.html",
        work,
        _call_choices(session),
        form_check=typed,
        form=form,
    )


@router.get("/consortium", response_class=HTMLResponse)
async def consortium(
    request: Request,
    session: SessionDep,
    keeper: IndexDep,
    lang: LangDep,
    member: Annotated[list[str], Query(max_length=20)] = [],  # noqa: B006 (FastAPI copies it)
    call_id: Annotated[str | None, Query(max_length=12)] = None,
    min_regions: Annotated[str | None, Query(max_length=20)] = None,
    eu_funding: Annotated[str | None, Query(max_length=40)] = None,
) -> Response:
    typed = _Form()
    form: dict[str, Any] = {
        "call_id": _blank_is_none(call_id),
        "min_regions": typed.number(min_regions, "min_regions", 2, 1, 12),
        "eu_funding": _blank_is_none(eu_funding),
    }
    ids = typed.ids(member, "member_ids")
    chosen_call = typed.whole(form["call_id"], "call_id")
    funding = typed.whole(form["eu_funding"], "eu_funding", low=0, high=MAX_EU_FUNDING, amount=True)
    if funding is not None:
        form["eu_funding"] = funding

    def work() -> dict[str, Any]:
        if len(ids) < 2:
            return {"member_ids": ids, "too_few": True}
        body = _validated(
            ScoreRequestIn,
            {
                "member_ids": ids,
                "min_regions": form["min_regions"],
                "min_members": 2,
                "max_members": 12,
            },
        )
        return pages.consortium(session, keeper, body, chosen_call, funding, lang)

    return await _page(
        request,
        session,
        lang,
        "consortium.html",
        work,
        _call_choices(session),
        form_check=typed,
        form=form,
    )


@router.get("/saved", response_class=HTMLResponse)
async def saved(
    request: Request,
    session: SessionDep,
    lang: LangDep,
    status: Annotated[str | None, Query(max_length=16)] = None,
) -> Response:
    typed = _Form()
    asked = _blank_is_none(status)
    chosen = Status(asked) if asked in set(Status) else None
    if asked is not None and chosen is None:
        typed.errors.append(
            FieldError(field="status", message=f"must be one of {', '.join(Status)}")
        )
    return await _page(
        request,
        session,
        lang,
        "saved.html",
        lambda: pages.saved_list(session, chosen),
        form_check=typed,
        form={"status": chosen},
        statuses=list(Status),
    )


@router.get("/saved/{consortium_id}", response_class=HTMLResponse)
async def saved_one(
    request: Request,
    session: SessionDep,
    keeper: IndexDep,
    lang: LangDep,
    consortium_id: RowId,
    eu_funding: Annotated[str | None, Query(max_length=40)] = None,
) -> Response:
    typed = _Form()
    funding = typed.whole(eu_funding, "eu_funding", low=0, high=MAX_EU_FUNDING, amount=True)
    return await _page(
        request,
        session,
        lang,
        "saved_one.html",
        lambda: pages.saved_one(session, consortium_id, keeper, funding, lang),
        form_check=typed,
        form={"eu_funding": funding},
        admin_only=sorted(pages.ADMIN_ONLY_MOVES),
    )


@router.get("/regions", response_class=HTMLResponse)
async def regions(
    request: Request,
    session: SessionDep,
    keeper: IndexDep,
    lang: LangDep,
    code: Annotated[str | None, Query(max_length=8)] = None,
    limit: Annotated[str | None, Query(max_length=20)] = None,
) -> Response:
    typed = _Form()
    chosen = (_blank_is_none(code) or "").upper() or None
    how_many = typed.number(limit, "limit", 10, 1, 50)
    return await _page(
        request,
        session,
        lang,
        "regions.html",
        lambda: pages.region_page(session, keeper, chosen, how_many, lang),
        lambda: {"region_choices": pages.region_choices(session)},
        form_check=typed,
        form={"code": chosen, "limit": how_many},
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
