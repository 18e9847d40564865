"""The `clustermatch` command: serve, db, seed, import, export, keys, matching, webhooks."""

import json
import os
import shutil
import signal
import sys
import tempfile
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn, TypeVar

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from sqlmodel import Session

from app import migrate
from app.auth import service as keys
from app.auth.models import ApiKeyCreate, Role
from app.config import get_settings
from app.db import engine_for, session_scope
from app.errors import DomainError, InvalidPayload
from app.matching_service import learning
from app.seed import ensure_reference_data, is_empty, seed_example_data
from app.tracking import session_factory
from app.transfer import files as transfer_files
from app.transfer import spreadsheet
from app.transfer.schemas import ImportReport
from app.transfer.service import export_document
from app.webhooks.dispatcher import Dispatcher

# Plain help: typer's rich help labels every flag (--help included) with a `<bool>` type.
app = typer.Typer(
    help="clustermatch: interregional cluster matchmaking",
    no_args_is_help=True,
    rich_markup_mode=None,
)
db_app = typer.Typer(help="Schema migrations", no_args_is_help=True, rich_markup_mode=None)
keys_app = typer.Typer(help="API keys", no_args_is_help=True, rich_markup_mode=None)
webhooks_app = typer.Typer(help="Webhook deliveries", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(db_app, name="db")
app.add_typer(keys_app, name="keys")
matching_app = typer.Typer(help="The matching model", no_args_is_help=True)
app.add_typer(matching_app, name="matching")
app.add_typer(webhooks_app, name="webhooks")
err = Console(stderr=True)
WORKER_HEALTHCHECK_S = 30
T = TypeVar("T")


def _run(step: Callable[[Session], T]) -> T:
    """Run one unit of work in a transaction; domain errors become a clean exit 1."""
    engine = engine_for(get_settings())
    try:
        with session_scope(session_factory(engine)) as session:
            return step(session)
    except DomainError as exc:
        _print_error(exc)
        raise typer.Exit(1) from exc
    finally:
        engine.dispose()


def _print_error(exc: DomainError) -> None:
    err.print(f"[red]error:[/red] {exc.detail}")
    for e in exc.errors or []:
        err.print(f"  {e.field}: {e.message}", markup=False, highlight=False)


def prepare_database(seed: bool) -> None:
    """Migrate to head, add missing reference data and, if asked, seed an empty database."""
    url = get_settings().database_url

    def step(session: Session) -> None:
        ensure_reference_data(session)
        if seed and is_empty(session):
            seed_example_data(session)
            err.print("seeded the Swedish example data")

    with migrate.exclusive(url):  # processes starting together take turns
        migrate.upgrade(url)
        _run(step)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes")] = 1,
    dispatch: Annotated[
        bool | None,
        typer.Option(
            help="Send webhook deliveries from the API processes "
            "(default: CLUSTERMATCH_WEBHOOKS_DISPATCH, true)"
        ),
    ] = None,
) -> None:
    """Migrate, seed an empty database (unless CLUSTERMATCH_SEED_ON_START=false), then serve."""
    import uvicorn

    if dispatch is not None:  # the workers read their settings from the environment
        os.environ["CLUSTERMATCH_WEBHOOKS_DISPATCH"] = "true" if dispatch else "false"
        get_settings.cache_clear()
    settings = get_settings()
    # Said first: a relative SQLite path lands in whatever directory serve started in.
    err.print(
        f"database: {migrate.describe_url(settings.database_url)}", highlight=False, soft_wrap=True
    )
    prepare_database(seed=settings.seed_on_start)
    metrics_dir = None
    if workers > 1 and not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        # Workers write their metrics to files here, so /metrics in any of them sums all.
        metrics_dir = tempfile.mkdtemp(prefix="clustermatch-metrics-")
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = metrics_dir
    try:
        uvicorn.run(
            "app.main:create_app",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level=settings.log_level.lower(),
            access_log=False,  # the app logs each request with its request id
            timeout_graceful_shutdown=settings.graceful_shutdown_s,
            # A worker still importing numpy, scipy and scikit-learn holds the GIL for
            # seconds on a busy host; at uvicorn's default 5 s it is killed for missing a
            # health ping and restarted, over and over, and never serves.
            timeout_worker_healthcheck=WORKER_HEALTHCHECK_S,
        )
    finally:
        if metrics_dir:
            shutil.rmtree(metrics_dir, ignore_errors=True)


@webhooks_app.command("dispatch")
def webhooks_dispatch() -> None:
    """Send webhook deliveries until stopped (SIGTERM or Ctrl-C). Any number may run
    against one PostgreSQL database; on SQLite one works at a time."""
    settings = get_settings()
    engine = engine_for(settings)
    dispatcher = Dispatcher(engine, settings)
    signal.signal(signal.SIGTERM, lambda *_: dispatcher.stopping.set())
    err.print("dispatching webhook deliveries")
    try:
        dispatcher.run()
    except KeyboardInterrupt:
        pass
    finally:
        dispatcher.close()
        engine.dispose()


@db_app.command("upgrade")
def db_upgrade(revision: Annotated[str, typer.Argument()] = "head") -> None:
    """Apply migrations up to REVISION (default: head) and add missing reference data."""
    url = get_settings().database_url
    with migrate.exclusive(url):
        migrate.upgrade(url, revision)
        if revision == "head":
            _run(ensure_reference_data)
    err.print(f"database at {revision}")


@db_app.command("downgrade")
def db_downgrade(
    revision: Annotated[str, typer.Argument()] = "-1",
    force: Annotated[bool, typer.Option(help="Downgrade even if tables hold data")] = False,
) -> None:
    """Revert migrations down to REVISION (default: one step; `base` empties the schema).

    A downgrade may drop tables, so it refuses while any table holds data, unless --force.
    """
    url = get_settings().database_url
    with migrate.exclusive(url):
        holding = migrate.tables_holding_data(url)
        if holding and not force:
            err.print(
                "[red]error:[/red] these tables hold data a downgrade may drop: "
                + ", ".join(holding)
                + "; export it first (`clustermatch export`), or pass --force"
            )
            raise typer.Exit(1)
        migrate.downgrade(url, revision)
        reached = migrate.revision_of(url)
    err.print(f"database at {reached}")


@app.command()
def seed() -> None:
    """Load the vocabularies, every Swedish NUTS region and the example actors (idempotent)."""
    url = get_settings().database_url
    with migrate.exclusive(url):
        migrate.upgrade(url)
        report = _run(seed_example_data)
    _print_report(report)


@app.command("import")
def import_(
    files: Annotated[list[Path], typer.Argument(exists=True, dir_okay=False, readable=True)],
    dry_run: Annotated[
        bool, typer.Option(help="Check and count what would change; write nothing")
    ] = False,
) -> None:
    """Upsert regions, clusters and RDI platforms from one JSON document, or from XLSX
    workbooks and CSV files (one sheet or file per entity): all is checked, then all written."""
    try:
        found = transfer_files.read([(f.name, f.read_bytes()) for f in files])
    except InvalidPayload as exc:
        _print_error(exc)
        raise typer.Exit(1) from exc

    def step(session: Session) -> ImportReport:
        with Progress(
            TextColumn("importing"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            transient=not sys.stderr.isatty(),
        ) as progress:
            task = progress.add_task("import", total=found.total())
            return transfer_files.import_files(
                session, found, dry_run=dry_run, progress=lambda n: progress.advance(task, n)
            )

    report = _run(step)
    if dry_run:
        err.print("dry run: nothing was written; this is what the import would do")
    _print_report(report)


class ExportFormat(StrEnum):
    json = "json"
    xlsx = "xlsx"


@app.command()
def export(
    file: Annotated[Path, typer.Argument(dir_okay=False, writable=True)],
    format: Annotated[
        ExportFormat | None, typer.Option(help="json or xlsx (default: from the file name)")
    ] = None,
) -> None:
    """Write every region, cluster and RDI platform to a JSON file (`-` for standard output)
    or an XLSX workbook of the shape import reads."""
    doc = _run(export_document)
    chosen = format or (ExportFormat.xlsx if file.suffix.lower() == ".xlsx" else ExportFormat.json)
    if chosen == ExportFormat.xlsx:
        if str(file) == "-":
            sys.stdout.buffer.write(spreadsheet.write_xlsx(doc))
        else:
            file.write_bytes(spreadsheet.write_xlsx(doc))
    elif str(file) == "-":
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
    else:
        file.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    err.print(
        f"exported {len(doc['regions'])} regions, {len(doc['clusters'])} clusters, "
        f"{len(doc['rdi_platforms'])} RDI platforms"
    )


def _print_report(report: ImportReport) -> None:
    table = Table("records", "created", "updated", "unchanged")
    for name, outcome in report:
        table.add_row(name, str(outcome.created), str(outcome.updated), str(outcome.unchanged))
    err.print(table)


@keys_app.command("create")
def keys_create(
    role: Annotated[Role, typer.Option(help="admin, editor, integrator or reader")],
    scope: Annotated[str | None, typer.Option(help="NUTS prefix an editor may write in")] = None,
    name: Annotated[str | None, typer.Option(help="A note to tell keys apart")] = None,
) -> None:
    """Create a key and print it alone on standard output (it is not shown again)."""
    if role is Role.editor and not scope:
        _fail("editor keys need --scope NUTS: the NUTS prefix they may write in, e.g. --scope SE23")
    if role is not Role.editor and scope:
        _fail(f"only editor keys take --scope; {_article(role)} {role.value} key writes anywhere")
    try:
        spec = ApiKeyCreate(role=role, scope=scope, name=name)
    except ValidationError as exc:
        # The model's own words, without pydantic's framing and links.
        _fail("; ".join(_plain(e) for e in exc.errors()))
    _row, key = _run(lambda session: keys.create_key(session, spec))
    typer.echo(key)


def _fail(message: str) -> NoReturn:
    err.print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(1)


def _plain(error: Any) -> str:
    where = ".".join(str(part) for part in error.get("loc", ()))
    message = str(error.get("msg", "")).removeprefix("Value error, ")
    return f"--{where}: {message}" if where else message


def _article(role: Role) -> str:
    return "an" if role.value[0] in "aeiou" else "a"


def _print_wide(table: Table) -> None:
    """Print a table whole: wider than the terminal rather than folding its cells."""
    console = Console()
    needed = console.measure(table, options=console.options.update_width(10_000)).maximum
    (Console(width=needed) if needed > console.width else console).print(table)


@keys_app.command("list")
def keys_list() -> None:
    """List keys (never the keys themselves)."""
    rows = _run(keys.list_keys)
    table = Table("id", "role", "scope", "name", "prefix")
    table.add_column("created", no_wrap=True)
    table.add_column("revoked", no_wrap=True)
    for row in rows:
        table.add_row(
            str(row.id),
            row.role,
            row.scope or "",
            row.name or "",
            row.key_prefix,
            row.created_at.isoformat(timespec="seconds"),
            row.revoked_at.isoformat(timespec="seconds") if row.revoked_at else "",
        )
    _print_wide(table)


@keys_app.command("revoke")
def keys_revoke(key_id: Annotated[int, typer.Argument()]) -> None:
    """Revoke a key by id; requests with it get 401 from then on."""
    _run(lambda session: keys.revoke_key(session, key_id))
    err.print(f"revoked key {key_id}")


@matching_app.command("fit")
def matching_fit() -> None:
    """Fit the pair-score weights from verdicts and funded or rejected consortia; store
    them with their cross-validated quality. Fitted weights are used only if they rank
    held-out labels better than the defaults; running API processes pick them up."""

    engine = engine_for(get_settings())
    try:
        stored = learning.fit(session_factory(engine))
    finally:
        engine.dispose()
    evaluation = stored.evaluation or {}
    table = Table("", "thematic", "complementarity", "regional")
    table.add_row("in use", *(f"{stored.weights[k]:.3f}" for k in _COMPONENTS))
    if stored.fitted_weights:
        table.add_row("fitted", *(f"{stored.fitted_weights[k]:.3f}" for k in _COMPONENTS))
    err.print(table)
    if evaluation:
        err.print(
            f"held-out AUC: fitted {evaluation['fitted_auc']:.3f}, "
            f"default {evaluation['default_auc']:.3f} "
            f"({evaluation['queries']} query actors, {evaluation['folds']} folds)"
        )
    err.print(f"{stored.source} weights in use: {stored.reason}")


@matching_app.command("reset")
def matching_reset() -> None:
    """Go back to the default pair-score weights; the verdicts stay, and the next
    `matching fit` decides again. Running API processes pick the defaults up."""
    engine = engine_for(get_settings())
    try:
        stored = learning.reset(session_factory(engine))
    finally:
        engine.dispose()
    weights = ", ".join(f"{k} {stored.weights[k]:.2f}" for k in _COMPONENTS)
    err.print(f"default weights in use: {weights}")


_COMPONENTS = ("thematic", "complementarity", "regional")


if __name__ == "__main__":
    app()
