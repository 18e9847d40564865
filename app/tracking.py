"""What every write transaction records, named in one place: which models move the catalog
version that matching indexes follow, and how regions, actors and calls appear in the
change feed. Every entry point (the API, the CLI, tests, benchmarks) opens its sessions
through `session_factory`."""

from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker
from sqlmodel import Session

from app.actors.models import Actor
from app.actors.service import FEED as ACTOR_FEED
from app.calls.models import Call
from app.calls.service import FEED as CALL_FEED
from app.catalog import CatalogVersion
from app.changes.recorder import ChangeRecorder
from app.consortia.models import SavedConsortium, Status
from app.db import make_session_factory
from app.feedback.models import StoredModel
from app.regions.models import Region, S3Priority
from app.regions.service import FEED as REGION_FEED
from app.vocab.models import VocabTerm


def matching_reads(row: object) -> bool:
    """Whether a changed row is something the matching index is built from."""
    if isinstance(row, SavedConsortium):
        return row.status == Status.funded  # a track record (funded is final)
    # A stored fit changes the score weights; verdicts change nothing until a fit.
    return isinstance(row, Actor | Region | S3Priority | VocabTerm | StoredModel)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return make_session_factory(
        engine,
        [
            CatalogVersion(matching_reads),
            ChangeRecorder({Region: REGION_FEED, Actor: ACTOR_FEED, Call: CALL_FEED}),
        ],
    )
