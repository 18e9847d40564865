"""A small world written through the domain services, for service-level tests."""

from collections.abc import Callable

from sqlmodel import Session

from app.actors.models import Actor, ActorCreate, ActorKind, ActorUpdate
from app.actors.service import create_actor, get_actor, update_actor
from app.auth.models import Role
from app.auth.service import Principal
from app.calls.models import Call, CallCreate
from app.db import session_scope
from app.reference import nuts
from app.regions.models import RegionPut
from app.regions.service import apply_put

REGIONS = ("SE22", "SE23", "SE11", "SE12", "DK01", "FI1B")
ADMIN_CALLER = Principal(role=Role.admin)


def create_then_rename(factory: Callable[[], Session], n: int, renames: int) -> None:
    """One writer of a race: create cluster W{n} in SE22, then rename it `renames` times,
    each write a transaction of its own (versions 1 to renames + 1)."""
    with session_scope(factory) as session:
        actor = create_actor(
            session, ActorKind.cluster, ActorCreate(name=f"W{n}", region_code="SE22"), ADMIN_CALLER
        )
        actor_id = actor.id
    assert actor_id is not None
    for version in range(2, renames + 2):
        with session_scope(factory) as session:
            actor = get_actor(session, ActorKind.cluster, actor_id)
            update_actor(session, actor, ActorUpdate(name=f"W{n} v{version}"), ADMIN_CALLER)


def add_call(session: Session, **fields: object) -> Call:
    call = Call(**CallCreate.model_validate({"name": "Call", **fields}).model_dump())
    session.add(call)
    session.flush()
    return call


def build_world(session: Session) -> dict[str, int]:
    """Food actors in four Swedish NUTS-2 regions, Denmark and Finland; one ICT actor."""
    for code in REGIONS:
        entry = nuts.lookup(code)
        assert entry is not None
        apply_put(session, entry, RegionPut(), None)
    session.flush()
    specs = {
        "skane": ("SE22", ActorKind.cluster, ["food"], ["testbed"], ["research"]),
        "vgr_lab": ("SE23", ActorKind.rdi_platform, ["food"], ["research"], ["testbed"]),
        "sthlm": ("SE11", ActorKind.cluster, ["food"], ["sme-network"], ["design"]),
        "sthlm_lab": ("SE11", ActorKind.rdi_platform, ["food"], ["design"], ["sme-network"]),
        "uppsala_ict": ("SE12", ActorKind.cluster, ["ict"], ["data"], ["research"]),
        "dk": ("DK01", ActorKind.cluster, ["food"], ["market-access"], ["research"]),
        "fi": ("FI1B", ActorKind.rdi_platform, ["food"], ["research"], ["market-access"]),
    }
    ids = {}
    for key, (region, kind, themes, offers, seeks) in specs.items():
        actor = Actor(
            kind=kind,
            name=key,
            region_code=region,
            themes=themes,
            offers=offers,
            seeks=seeks,
        )
        session.add(actor)
        session.flush()
        assert actor.id is not None
        ids[key] = actor.id
    return ids
