"""The `clustermatch` command: serve, db, seed, import, export, keys."""

import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
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
from app.errors import DomainError
from app.seed import ensure_reference_data, is_empty, seed_example_data
from app.tracking import session_factory
from app.transfer.schemas import ImportReport
from app.transfer.service import export_document, import_document, parse_document, total_records

# Plain help: typer's rich help labels every flag (--help included) with a `<bool>` type.
app = typer.Typer(
    help="clustermatch: interregional cluster matchmaking",
    no_args_is_help=True,
    rich_markup_mode=None,
)
db_app = typer.Typer(help="Schema migrations", no_args_is_help=True, rich_markup_mode=None)
keys_app = typer.Typer(help="API keys", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(db_app, name="db")
app.add_typer(keys_app, name="keys")
err = Console(stderr=True)
T = TypeVar("T")


def _run(step: Callable[[Session], T]) -> T:
    """Run one unit of work in a transaction; domain errors become a clean exit 1."""
    engine = engine_for(get_settings())
    try:
        with session_scope(session_factory(engine)) as session:
            return step(session)
    except DomainError as exc:
        err.print(f"[red]error:[/red] {exc.detail}")
        for e in exc.errors or []:
            err.print(f"  {e.field}: {e.message}")
        raise typer.Exit(1) from exc
    finally:
        engine.dispose()


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
) -> None:
    """Migrate, seed an empty database (unless CLUSTERMATCH_SEED_ON_START=false), then serve."""
    import uvicorn

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
        )
    finally:
        if metrics_dir:
            shutil.rmtree(metrics_dir, ignore_errors=True)


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
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True)],
) -> None:
    """Upsert a {regions, clusters, rdi_platforms} JSON file: all is checked, then all written."""
    try:
        raw = json.loads(file.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        err.print(f"[red]error:[/red] {file} is not a JSON document: {exc}")
        raise typer.Exit(1) from exc

    def step(session: Session) -> ImportReport:
        checked = parse_document(session, raw)
        with Progress(
            TextColumn("importing"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            transient=not sys.stderr.isatty(),
        ) as progress:
            task = progress.add_task("import", total=total_records(checked))
            return import_document(session, checked, lambda n: progress.advance(task, n))

    _print_report(_run(step))


@app.command()
def export(file: Annotated[Path, typer.Argument(dir_okay=False, writable=True)]) -> None:
    """Write every region, cluster and RDI platform to a JSON file (`-` for standard output)."""
    doc = _run(export_document)
    text = json.dumps(doc, ensure_ascii=False, indent=1)
    if str(file) == "-":
        sys.stdout.write(text + "\n")
    else:
        file.write_text(text, encoding="utf-8")
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


if __name__ == "__main__":
    app()
