from fastapi import APIRouter, status
from sqlmodel import Session

from app.ops.problems import problem_responses
from app.routers.deps import AdminDep, ReadAccess, SessionDep, in_thread
from app.vocab import service
from app.vocab.models import TermCreate, TermPublic, VocabKind

router = APIRouter(tags=["vocabularies"])


def _public_terms(session: Session, kind: VocabKind) -> list[TermPublic]:
    return [
        TermPublic.model_validate(t, from_attributes=True)
        for t in service.list_terms(session, kind)
    ]


def _add_routes(kind: VocabKind) -> None:
    path = f"/{service.kind_path(kind)}"

    @router.get(
        path,
        response_model=list[TermPublic],
        dependencies=[ReadAccess],
        responses=problem_responses(401),
        summary=f"List {service.kind_path(kind)} with English and Swedish labels and synonyms",
    )
    async def list_terms(session: SessionDep) -> list[TermPublic]:
        return await in_thread(session, lambda: _public_terms(session, kind))

    @router.post(
        path,
        response_model=TermPublic,
        status_code=status.HTTP_201_CREATED,
        responses=problem_responses(401, 403, 409, 422),
        summary=f"Add a {kind} (admin)",
    )
    async def add_term(body: TermCreate, session: SessionDep, _admin: AdminDep) -> TermPublic:
        return await in_thread(
            session,
            lambda: TermPublic.model_validate(
                service.add_term(session, kind, body), from_attributes=True
            ),
            write=True,
        )


for _kind in VocabKind:
    _add_routes(_kind)
