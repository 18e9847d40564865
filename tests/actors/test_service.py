"""Changing actors at the service level: an editor key writes only the actors of its scope."""

from typing import Any

import pytest
from sqlmodel import Session

from app.actors.models import ActorKind, ActorUpdate
from app.actors.service import get_actor, update_actor
from app.auth.models import Role
from app.auth.service import Principal
from app.core.versioning import Outcome
from app.errors import Forbidden
from tests.service_world import build_world

WEST = Principal(role=Role.editor, scope="SE2")


@pytest.mark.parametrize(
    "change", [{"name": "Ours now"}, {"region_code": "SE22"}], ids=["rename", "move into scope"]
)
def test_an_editor_may_not_change_an_actor_outside_its_scope(
    session: Session, change: dict[str, Any]
) -> None:
    ids = build_world(session)
    foreign = get_actor(session, ActorKind.cluster, ids["sthlm"])  # in SE11
    with pytest.raises(Forbidden, match="may not write region SE11"):
        update_actor(session, foreign, ActorUpdate(**change), WEST)
    assert (foreign.name, foreign.region_code, foreign.version) == ("sthlm", "SE11", 1)
    own = get_actor(session, ActorKind.cluster, ids["skane"])  # in SE22
    assert update_actor(session, own, ActorUpdate(name="Ours now"), WEST) is Outcome.updated
