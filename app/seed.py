"""Reference data (vocabularies) and the Swedish example data from seed_data/."""

from sqlmodel import Session, func, select

from app.actors.models import Actor
from app.calls.models import Call, CallCreate
from app.reference import nuts
from app.regions.models import Region, RegionPut
from app.regions.service import apply_put
from app.transfer.schemas import ImportReport
from app.transfer.service import import_document, parse_document
from app.vocab.models import TermCreate, VocabKind, VocabTerm
from seed_data import load

SEED_COUNTRY = "SE"
_VOCAB_FILES = {VocabKind.theme: "themes.json", VocabKind.capability: "capabilities.json"}


def ensure_reference_data(session: Session) -> int:
    """Add the seeded vocabulary terms that are missing; never touches existing ones."""
    added = 0
    for kind, filename in _VOCAB_FILES.items():
        stored = set(session.exec(select(VocabTerm.slug).where(VocabTerm.kind == kind)))
        for raw in load(filename):
            term = TermCreate.model_validate(raw)
            if term.slug not in stored:
                session.add(VocabTerm(kind=kind, **term.model_dump()))
                added += 1
    session.flush()
    return added


def is_empty(session: Session) -> bool:
    regions = session.exec(select(func.count()).select_from(Region)).one()
    actors = session.exec(select(func.count()).select_from(Actor)).one()
    return regions == 0 and actors == 0


def seed_example_data(session: Session) -> ImportReport:
    """Every Swedish NUTS 1-3 region, S3 priorities and example actors. Idempotent."""
    ensure_reference_data(session)
    document = parse_document(session, load("example_data.json"))
    # Regions the example data describes are created by its import alone, so a fresh seed
    # leaves every record at version 1; the others get their NUTS label.
    described = {record.code for record in document.doc.regions}
    for entry in nuts.regions_of_country(SEED_COUNTRY):
        if (
            not entry.extra_regio
            and entry.code not in described
            and session.get(Region, entry.code) is None
        ):
            apply_put(session, entry, RegionPut(), None)
    session.flush()
    report = import_document(session, document)
    seed_call_presets(session)
    return report


def seed_call_presets(session: Session) -> None:
    """The call presets, added by name when missing (their rules may then be edited)."""
    stored = set(session.exec(select(Call.name)))
    for raw in load("calls.json"):
        call = CallCreate.model_validate(raw)
        if call.name not in stored:
            session.add(Call(**call.model_dump()))
    session.flush()
