"""Reading, adding and checking vocabulary terms."""

from sqlmodel import Session, select

from app.core.paths import api_path
from app.errors import Conflict, FieldError
from app.vocab.models import TermCreate, VocabKind, VocabTerm


def list_terms(session: Session, kind: VocabKind) -> list[VocabTerm]:
    return list(
        session.exec(select(VocabTerm).where(VocabTerm.kind == kind).order_by(VocabTerm.slug))
    )


def slugs(session: Session, kind: VocabKind) -> set[str]:
    return set(session.exec(select(VocabTerm.slug).where(VocabTerm.kind == kind)))


def add_term(session: Session, kind: VocabKind, term: TermCreate) -> VocabTerm:
    exists = session.exec(
        select(VocabTerm.slug).where(VocabTerm.kind == kind, VocabTerm.slug == term.slug)
    ).first()
    if exists is not None:
        raise Conflict(f"{kind} '{term.slug}' already exists")
    row = VocabTerm(kind=kind, **term.model_dump())
    session.add(row)
    session.flush()
    return row


def unknown_slug_errors(
    field: str, values: list[str], known: set[str], kind: VocabKind
) -> list[FieldError]:
    return [
        FieldError(
            field=f"{field}.{index}",
            message=f"unknown {kind} '{value}'; see GET {api_path(kind_path(kind))}",
        )
        for index, value in enumerate(values)
        if value not in known
    ]


def kind_path(kind: VocabKind) -> str:
    return "themes" if kind == VocabKind.theme else "capabilities"
