"""Populations with planted structure: for each theme a cluster, the RDI platform that
offers most of what it seeks and a third partner offering the rest, in three regions;
around them redundant twins, off-theme complements (on ICT, which no group works on) and
noise. Descriptions are in Swedish or English; the third member of each group is
described by text alone."""

import random
from dataclasses import dataclass

from app.matching.profiles import ActorProfile, RegionProfile
from tests.matching.builders import actor, region

REGIONS = ["SE11", "SE12", "SE21", "SE22", "SE23", "SE31", "SE32", "SE33"]
THEMES = {
    # slug: (English words, Swedish words, NACE division)
    "food": ("foodstuff", "livsmedel", "10"),
    "textiles": ("smart textiles", "textilier", "13"),
    "aerospace": ("aerospace", "flyg och rymd", "30"),
    "energy": ("renewable energy", "förnybar energi", "35"),
    "life-science": ("life science", "läkemedel", "21"),
    "urban-development": ("smart cities", "hållbar stadsutveckling", "71"),
}


@dataclass
class Group:
    theme: str
    cluster: int  # seeks testbed, research and prototyping
    platform: int  # offers testbed and research, seeks SME network
    third: int  # text only: offers prototyping, seeks SMEs
    twin: int  # the cluster's redundant twin, elsewhere
    off_theme: int  # offers what the cluster seeks, on another theme


def population(
    seed: int, noise: int = 60
) -> tuple[list[ActorProfile], list[RegionProfile], list[Group]]:
    rng = random.Random(seed)
    actors: list[ActorProfile] = []
    groups: list[Group] = []
    next_id = iter(range(1, 10_000))
    themes = list(THEMES)
    for theme in themes:
        en, sv, division = THEMES[theme]
        home, away, third_region, twin_region, trap_region = rng.sample(REGIONS, 5)
        ids = [next(next_id) for _ in range(5)]
        swedish = rng.random() < 0.5
        actors += [
            actor(
                ids[0],
                home,
                themes=[theme],
                nace_codes=[f"{division}"],
                offers=["sme-network", "market-access"],
                seeks=["testbed", "research", "prototyping"],
                description=f"Klusterorganisation för {sv} med många små företag."
                if swedish
                else f"Cluster organisation for {en} with many SMEs.",
            ),
            actor(
                ids[1],
                away,
                "rdi_platform",
                themes=[theme],
                nace_codes=[f"{division}", "72"],
                offers=["testbed", "research"],
                seeks=["sme-network"],
                description=f"Research institute and testbed for {en}."
                if swedish
                else f"Forskningsinstitut och testbädd för {sv}.",
            ),
            actor(
                ids[2],
                third_region,
                "rdi_platform",
                description=f"Vi erbjuder prototyper inom {sv} och söker små företag."
                if rng.random() < 0.5
                else f"We offer prototyping for {en} and seek SMEs.",
            ),
            actor(
                ids[3],
                twin_region,
                themes=[theme],
                offers=["sme-network", "market-access"],
                seeks=["testbed", "research", "prototyping"],
                description=f"Another cluster for {en}.",
            ),
            actor(
                ids[4],
                trap_region,
                "rdi_platform",
                themes=["ict"],
                nace_codes=["62"],
                offers=["testbed", "research", "prototyping"],
                description="Testbed for software and telecom.",
            ),
        ]
        groups.append(Group(theme, *ids))
    capabilities = ["design", "training", "financing", "data", "manufacturing"]
    for _ in range(noise):
        theme = rng.choice(themes)
        actors.append(
            actor(
                next(next_id),
                rng.choice(REGIONS),
                rng.choice(["cluster", "rdi_platform"]),
                themes=[theme],
                offers=rng.sample(capabilities, 2),
                seeks=rng.sample(capabilities, 1),
                description=f"Network for {THEMES[theme][0]} and {rng.choice(capabilities)}.",
            )
        )
    regions = [region(code, code, tuple(rng.sample(themes, 3))) for code in REGIONS]
    return actors, regions, groups
