"""What every population generator emits: synthetic actors with their planted roles, and
the planted consortia the harness expects the engine to find."""

import random
from dataclasses import dataclass, field, replace

# Sweden's eight NUTS-2 regions: the regions the 2016 national call counted.
SE_NUTS2 = ("SE11", "SE12", "SE21", "SE22", "SE23", "SE31", "SE32", "SE33")

ROLES = ("member", "twin", "off_theme", "noise")


@dataclass(frozen=True)
class SyntheticActor:
    id: int
    kind: str  # "cluster" | "rdi_platform"
    name: str
    region_code: str
    language: str  # "sv" | "en": the language of the description
    description: str
    themes: frozenset[str] = frozenset()
    technologies: frozenset[str] = frozenset()
    offers: frozenset[str] = frozenset()
    seeks: frozenset[str] = frozenset()
    nace_codes: frozenset[str] = frozenset()
    focus: str = ""  # canonical name of the technology it works on, whatever the wording
    role: str = "noise"
    group: int | None = None  # the planted consortium a member, twin or complement belongs to
    mirror_of: int | None = None  # for a twin or an off-theme complement: the member's id
    text_only: bool = False  # the engine sees only name, region and description

    def as_text_only(self) -> "SyntheticActor":
        """The same actor, shown to the engine by name, region and description only (the
        planted facts stay here, for the harness)."""
        return replace(self, text_only=True)


@dataclass(frozen=True)
class PlantedConsortium:
    member_ids: tuple[int, ...]
    theme: str
    technology: str  # the specific technology the members share (its canonical name)


@dataclass
class Population:
    generator: str
    seed: int
    actors: list[SyntheticActor]
    consortia: list[PlantedConsortium]
    by_id: dict[int, SyntheticActor] = field(init=False)

    def __post_init__(self) -> None:
        self.by_id = {a.id: a for a in self.actors}

    def text_only(self) -> "Population":
        """The same actors, described by name, region and description alone."""
        return Population(
            self.generator, self.seed, [a.as_text_only() for a in self.actors], self.consortia
        )

    def partners_of(self, actor_id: int) -> set[int]:
        for consortium in self.consortia:
            if actor_id in consortium.member_ids:
                return set(consortium.member_ids) - {actor_id}
        return set()

    def twins_of(self, actor_id: int) -> set[int]:
        return {a.id for a in self.actors if a.role == "twin" and a.mirror_of == actor_id}


def nuts2(code: str) -> str:
    return code[:4]


def consortium_problems(population: Population, consortium: PlantedConsortium) -> list[str]:
    """Every way a planted consortium breaks its own definition: 3-4 members in distinct
    NUTS-2 regions sharing the theme and the technology, each offering something another
    member seeks and seeking something another member offers."""
    members = [population.by_id[i] for i in consortium.member_ids]
    problems = []
    if not 3 <= len(members) <= 4:
        problems.append(f"{len(members)} members")
    if len({nuts2(m.region_code) for m in members}) != len(members):
        problems.append("two members share a NUTS-2 region")
    for m in members:
        others = [o for o in members if o.id != m.id]
        if consortium.theme not in m.themes:
            problems.append(f"{m.id} lacks the theme")
        if m.focus != consortium.technology or not m.technologies:
            problems.append(f"{m.id} lacks the technology")
        if not m.offers & set().union(*(o.seeks for o in others)):
            problems.append(f"{m.id} offers nothing the others seek")
        if not m.seeks & set().union(*(o.offers for o in others)):
            problems.append(f"{m.id} seeks nothing the others offer")
        if m.offers & m.seeks:
            problems.append(f"{m.id} seeks what it offers")
    return problems


def finish(
    generator: str,
    seed: int,
    drafts: list[SyntheticActor],
    consortia: list[PlantedConsortium],
    rng: random.Random,
) -> Population:
    """Give the drafts ids in a random order, so neither ids nor their order (the engine
    breaks ties by id) say which actors belong together."""
    new_ids = list(range(1, len(drafts) + 1))
    rng.shuffle(new_ids)
    renamed = {d.id: new for d, new in zip(drafts, new_ids, strict=True)}
    actors = sorted(
        (
            replace(
                d,
                id=renamed[d.id],
                mirror_of=renamed[d.mirror_of] if d.mirror_of is not None else None,
            )
            for d in drafts
        ),
        key=lambda a: a.id,
    )
    planted = [replace(c, member_ids=tuple(renamed[i] for i in c.member_ids)) for c in consortia]
    return Population(generator, seed, actors, planted)


def confounders(population: Population) -> list[tuple[int, int]]:
    """(actor id, consortium index) for every actor outside a planted consortium that
    would be as right an answer as its members: on the consortium's theme and technology,
    and complementing one of them. Generators must plant none, or the truth is unclear."""
    found = []
    for k, consortium in enumerate(population.consortia):
        members = [population.by_id[i] for i in consortium.member_ids]
        for actor in population.actors:
            if (
                actor.id in consortium.member_ids
                or consortium.theme not in actor.themes
                or actor.focus != consortium.technology
            ):
                continue
            if any(actor.offers & m.seeks or actor.seeks & m.offers for m in members):
                found.append((actor.id, k))
    return found
