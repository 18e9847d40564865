"""Reading, adding and checking vocabulary terms."""

from collections.abc import Mapping
from typing import Any

from sqlmodel import Session, select

from app.core.paths import api_path
from app.errors import Conflict, FieldError, already_flagged
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
    field: str,
    values: Any,
    known: set[str],
    kind: VocabKind,
    flagged: frozenset[str] | set[str] = frozenset(),
) -> list[FieldError]:
    """An error for each term of a list that the vocabulary lacks. `values` may be a body
    as sent: what is not a list of text, or already has an error, is left to those."""
    if not isinstance(values, list):
        return []
    return [
        FieldError(
            field=f"{field}.{index}",
            message=f"unknown {kind} '{value}'; see GET {api_path(kind_path(kind))}",
        )
        for index, value in enumerate(values)
        if isinstance(value, str)
        and value not in known
        and not already_flagged(f"{field}.{index}", flagged)
    ]


def unknown_term_error(
    field: str, value: str, known: set[str], kind: VocabKind
) -> list[FieldError]:
    """A filter or a single field naming a term the vocabulary lacks."""
    if value in known:
        return []
    return [
        FieldError(
            field=field, message=f"unknown {kind} '{value}'; see GET {api_path(kind_path(kind))}"
        )
    ]


def kind_path(kind: VocabKind) -> str:
    return "themes" if kind == VocabKind.theme else "capabilities"


def filter_term_errors(
    session: Session,
    query: Mapping[str, Any],
    filters: Mapping[str, VocabKind],
    flagged: frozenset[str] | set[str] = frozenset(),
) -> list[FieldError]:
    """An error for each vocabulary filter (`theme=`, `capability=`) naming no term."""
    errors: list[FieldError] = []
    for name, kind in filters.items():
        value = query.get(name)
        if isinstance(value, str) and value and name not in flagged:
            errors += unknown_term_error(name, value, slugs(session, kind), kind)
    return errors
