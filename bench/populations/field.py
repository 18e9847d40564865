"""`field`: a second tuning population, written in the style of partner-search profiles
and cluster web pages (see field_text and field_words for the wording).

Every planted consortium has a technology of its own on its theme. Its members' needs form
a ring (each seeks what the next offers) or, for four members, two swaps; some members
offer or seek one capability more. Twins, off-theme complements and ordinary noise take
one of the technologies no consortium uses, so only lookalikes share a consortium's
theme and technology, and they offer nothing it seeks and seek nothing it offers."""

import random
from dataclasses import dataclass

from bench.populations.field_text import Facts, describe
from bench.populations.field_words import (
    CAPABILITY_PHRASES,
    COUNTIES,
    RESEARCH_NACE,
    TECHNOLOGIES,
    THEME_NACE,
    THEME_NAME_WORDS,
    Technology,
)
from bench.populations.model import (
    SE_NUTS2,
    PlantedConsortium,
    Population,
    SyntheticActor,
    finish,
    nuts2,
)

NAME = "field"
SWEDISH_SHARE = 0.4
TEXT_ONLY_SHARE = 0.35
LOOKALIKE_SHARE = 0.2  # of the noise
NOT_WANTED_SHARE = 0.35  # descriptions that name a capability only to say it is not needed
CAPABILITIES = tuple(CAPABILITY_PHRASES)
THEMES = tuple(TECHNOLOGIES)

CLUSTER_NAME_ENDINGS = {
    "en": ("Cluster", "Network", "Alliance", "Forum", "Initiative", "Hub"),
    "sv": ("klustret", "nätverket", "forum", "alliansen", "initiativet"),
}
RDI_NAME_ENDINGS = {
    "en": ("Lab", "Centre", "Institute", "Arena", "Science Park", "Innovation Node"),
    "sv": ("centrum", "labbet", "institutet", "arenan", "noden"),
}


@dataclass
class Draft:
    """An actor's planted facts before it is worded."""

    role: str
    themes: tuple[str, ...]
    technology: Technology | None
    offers: frozenset[str]
    seeks: frozenset[str]
    region_code: str
    group: int | None = None
    mirror_of: int | None = None


class Planter:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(f"{NAME}-{seed}")
        self.drafts: list[Draft] = []

    # -- helpers ------------------------------------------------------------------------
    def county_in(self, region: str) -> str:
        return self.rng.choice(sorted(COUNTIES[region]))

    def county_outside(self, region: str) -> str:
        return self.county_in(self.rng.choice([r for r in SE_NUTS2 if r != nuts2(region)]))

    def add(self, draft: Draft) -> int:
        self.drafts.append(draft)
        return len(self.drafts) - 1

    def shuffled(self, slugs: frozenset[str]) -> tuple[str, ...]:
        items = sorted(slugs)  # sorted first: a set's order changes from run to run
        self.rng.shuffle(items)
        return tuple(items)

    def picks(self, pool: list[str], low: int, high: int) -> frozenset[str]:
        return frozenset(self.rng.sample(sorted(pool), self.rng.randint(low, high)))

    # -- technologies -------------------------------------------------------------------
    def assign_technologies(self, consortia: int) -> list[tuple[str, Technology]]:
        """A distinct technology per consortium, spread over the themes; at least two per
        theme stay free for twins, off-theme complements and noise."""
        free = {t: list(TECHNOLOGIES[t]) for t in THEMES}
        for techs in free.values():
            self.rng.shuffle(techs)
        order = list(THEMES)
        self.rng.shuffle(order)
        chosen = []
        for k in range(consortia):
            theme = order[k % len(order)]
            if len(free[theme]) <= 2:
                raise ValueError(f"{consortia} consortia: too few technologies per theme")
            chosen.append((theme, free[theme].pop()))
        self.spare = free
        return chosen

    def spare_technology(self, theme: str) -> Technology:
        return self.rng.choice(self.spare[theme])

    # -- planting -----------------------------------------------------------------------
    def needs(self, size: int) -> list[tuple[frozenset[str], frozenset[str]]]:
        """(offers, seeks) per member: each offers something another seeks and seeks
        something another offers, never both the same capability. Three shapes, as real
        consortia come: a ring where each fit runs one way only, a ring where neighbours
        fit both ways, and (for four) two pairs that swap."""
        caps = self.rng.sample(CAPABILITIES, size)
        shape = self.rng.random()
        if size == 4 and shape < 0.25:  # A<->B, C<->D
            pairs = [({caps[i]}, {caps[i ^ 1]}) for i in range(size)]
        elif shape < 0.6:  # member i seeks what member i+1 offers, and no more
            pairs = [({caps[i]}, {caps[(i + 1) % size]}) for i in range(size)]
        else:  # member i seeks what both neighbours offer
            pairs = [({caps[i]}, {caps[(i + 1) % size], caps[(i - 1) % size]}) for i in range(size)]
        out = []
        for offers, seeks in pairs:
            spare = [c for c in caps if c not in offers | seeks]
            if spare and self.rng.random() < 0.25:  # a second strength, redundant with a peer
                offers.add(self.rng.choice(spare))
            out.append((frozenset(offers), frozenset(seeks)))
        return out

    def plant_consortium(self, group: int, theme: str, technology: Technology) -> list[int]:
        size = self.rng.choice((3, 4))
        regions = self.rng.sample(SE_NUTS2, size)
        second_theme = self.rng.random() < 0.15
        themes = (
            (theme, self.rng.choice([t for t in THEMES if t != theme]))
            if second_theme
            else (theme,)
        )
        members = []
        for region, (offers, seeks) in zip(regions, self.needs(size), strict=True):
            members.append(
                self.add(
                    Draft(
                        "member", themes, technology, offers, seeks, self.county_in(region), group
                    )
                )
            )
        for index in members:
            self.plant_traps(index)
        return members

    def plant_traps(self, index: int) -> None:
        member = self.drafts[index]
        twin = Draft(
            "twin",
            member.themes,
            self.spare_technology(member.themes[0]),
            member.offers,
            member.seeks,
            self.county_outside(member.region_code),
            member.group,
            index,
        )
        other_theme = self.rng.choice([t for t in THEMES if t not in member.themes])
        rest = [c for c in CAPABILITIES if c not in member.seeks]
        offers = member.seeks | self.picks(rest, 0, 1)
        # Half of them even seek what the member offers: a perfect fit but for the theme.
        seeks = member.offers - offers if self.rng.random() < 0.5 else frozenset()
        if not seeks:
            seeks = self.picks([c for c in CAPABILITIES if c not in offers], 1, 2)
        off_theme = Draft(
            "off_theme",
            (other_theme,),
            self.spare_technology(other_theme),
            offers,
            seeks,
            self.county_outside(member.region_code),
            member.group,
            index,
        )
        self.add(twin)
        self.add(off_theme)

    def plant_lookalike(self, members: list[int]) -> None:
        """The consortium's theme and technology, none of its needs."""
        first = self.drafts[members[0]]
        sought = set().union(*(self.drafts[i].seeks for i in members))
        offered = set().union(*(self.drafts[i].offers for i in members))
        offers = self.picks([c for c in CAPABILITIES if c not in sought], 1, 2)
        seeks = self.picks([c for c in CAPABILITIES if c not in offered and c not in offers], 1, 2)
        region = self.rng.choice(SE_NUTS2)
        self.add(
            Draft(
                "noise", (first.themes[0],), first.technology, offers, seeks, self.county_in(region)
            )
        )

    def plant_noise(self) -> None:
        themes = tuple(self.rng.sample(THEMES, 2 if self.rng.random() < 0.2 else 1))
        technology = self.spare_technology(themes[0]) if self.rng.random() < 0.75 else None
        offers = self.picks(list(CAPABILITIES), 1, 2)
        seeks = self.picks([c for c in CAPABILITIES if c not in offers], 1, 2)
        region = self.rng.choice(SE_NUTS2)
        self.add(Draft("noise", themes, technology, offers, seeks, self.county_in(region)))

    # -- wording ------------------------------------------------------------------------
    def name(self, kind: str, language: str, theme: str, place: str) -> str:
        english, swedish_stem = THEME_NAME_WORDS[theme]
        endings = (CLUSTER_NAME_ENDINGS if kind == "cluster" else RDI_NAME_ENDINGS)[language]
        ending = self.rng.choice(endings)
        if language == "sv":
            return f"{swedish_stem}{ending} {place}"
        return f"{place} {english} {ending}"

    def worded(self, index: int, draft: Draft) -> SyntheticActor:
        rng = self.rng
        kind = rng.choice(("cluster", "rdi_platform"))
        language = "sv" if rng.random() < SWEDISH_SHARE else "en"
        region = nuts2(draft.region_code)
        place = COUNTIES[region][draft.region_code]
        name = self.name(kind, language, draft.themes[0], place)
        left_out = [c for c in CAPABILITIES if c not in draft.offers | draft.seeks]
        not_wanted = rng.choice(left_out) if rng.random() < NOT_WANTED_SHARE else None
        facts = Facts(
            name=name,
            kind=kind,
            language=language,
            place=place,
            themes=draft.themes,
            technology=draft.technology,
            offers=self.shuffled(draft.offers),
            seeks=self.shuffled(draft.seeks),
            not_wanted=not_wanted,
        )
        nace = {rng.choice(THEME_NACE[t]) for t in draft.themes}
        if kind == "rdi_platform":
            nace.add(RESEARCH_NACE)
        tech = draft.technology
        return SyntheticActor(
            id=index,
            kind=kind,
            name=name,
            region_code=draft.region_code,
            language=language,
            description=describe(facts, rng),
            themes=frozenset(draft.themes),
            technologies=frozenset({tech.forms(language)[0]}) if tech else frozenset(),
            offers=draft.offers,
            seeks=draft.seeks,
            nace_codes=frozenset(nace),
            focus=tech.canonical if tech else "",
            role=draft.role,
            group=draft.group,
            mirror_of=draft.mirror_of,
            text_only=rng.random() < TEXT_ONLY_SHARE,
        )


def generate(seed: int, consortia: int = 27, noise: int = 300) -> Population:
    planter = Planter(seed)
    rng = planter.rng
    planted: list[tuple[list[int], str, Technology]] = []
    for group, (theme, technology) in enumerate(planter.assign_technologies(consortia)):
        planted.append((planter.plant_consortium(group, theme, technology), theme, technology))
    lookalikes = round(noise * LOOKALIKE_SHARE) if planted else 0
    for k in range(lookalikes):
        planter.plant_lookalike(planted[k % len(planted)][0])
    for _ in range(noise - lookalikes):
        planter.plant_noise()
    actors = [planter.worded(i, d) for i, d in enumerate(planter.drafts)]
    truth = [
        PlantedConsortium(tuple(members), theme, technology.canonical)
        for members, theme, technology in planted
    ]
    return finish(NAME, seed, actors, truth, rng)
