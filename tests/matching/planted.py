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


# How the text-only third member says what it offers (prototyping) and seeks (SMEs): in
# the reader's own cue words and order, seek-first, and with cues and paraphrases the
# reader's lists do not hold (so a test shows what the reader cannot read yet).
THIRD_MEMBER_TEXTS = {
    "offer-first": (
        "We offer prototyping for {en} and seek SMEs.",
        "Vi erbjuder prototyper inom {sv} och söker små företag.",
    ),
    "seek-first": (
        "We seek SMEs and offer prototyping for {en}.",
        "Vi söker små företag och erbjuder prototyper inom {sv}.",
    ),
    "other-cues": (
        "We would like to meet SMEs. In return we bring prototyping for {en}.",
        "Vi vill träffa små företag. Vi bidrar med prototyper inom {sv}.",
    ),
    "paraphrased": (
        "Our workshop builds prototypes for {en}; we want to work with small companies.",
        "Vår verkstad bygger prototyper för {sv}; vi vill samarbeta med mindre företag.",
    ),
}


def population(
    seed: int, noise: int = 60, third_text: str = "offer-first", near_misses: bool = False
) -> tuple[list[ActorProfile], list[RegionProfile], list[Group]]:
    """`near_misses`: each theme also gets an actor per capability the cluster seeks that
    offers that one (and design) but seeks financing, which nobody in the group offers:
    on theme and useful one way, so below the planted two-way partners."""
    rng = random.Random(seed)
    english_text, swedish_text = THIRD_MEMBER_TEXTS[third_text]
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
                description=swedish_text.format(sv=sv)
                if rng.random() < 0.5
                else english_text.format(en=en),
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
        if near_misses:
            for offered in ("testbed", "research", "prototyping"):
                actors.append(
                    actor(
                        next(next_id),
                        rng.choice(REGIONS),
                        "rdi_platform",
                        themes=[theme],
                        nace_codes=[division],
                        offers=[offered, "design"],
                        seeks=["financing"],
                        description=f"Lab for {en} looking for co-funding.",
                    )
                )
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


# -- consortia around a shared technology ---------------------------------------------
# Each planted consortium shares a theme and a specific technology; each member offers one
# capability and seeks what the next two offer, so every member both gives and takes.
# Every member has a redundant twin (same theme, offers and seeks; another technology and
# region) and an off-theme complement (offers what it seeks, on another theme). Actors
# write in Swedish or English; in the text-only variant nothing but the description is
# given.
TECHNOLOGIES = {
    # theme: [(English, Swedish)] - cognates and words that differ between the languages
    "life-science": [("biobanking", "biobanker"), ("cell therapy", "cellterapi")],
    "health-care": [("remote monitoring", "distansövervakning"), ("telemedicine", "telemedicin")],
    "food": [("plant-based proteins", "växtbaserade proteiner"), ("aquaponics", "akvaponi")],
    "energy": [("hydrogen storage", "vätgaslagring"), ("battery recycling", "batteriåtervinning")],
    "aerospace": [("satellite navigation", "satellitnavigering"), ("composites", "kompositer")],
    "textiles": [("recycled fibres", "återvunna fibrer"), ("wearable sensors", "bärbara sensorer")],
    "ict": [("edge computing", "edge computing"), ("cybersecurity", "cybersäkerhet")],
    "bioeconomy": [("lignin chemistry", "ligninkemi"), ("biorefining", "bioraffinering")],
    "advanced-manufacturing": [
        ("additive manufacturing", "additiv tillverkning"),
        ("machine vision", "maskinseende"),
    ],
    "offshore": [
        ("floating wind", "flytande vindkraft"),
        ("subsea robotics", "undervattensrobotik"),
    ],
}
# Technologies of noise actors, besides the planted ones.
NOISE_TECHNOLOGIES = [
    ("sensor networks", "sensornätverk"),
    ("process optimisation", "processoptimering"),
    ("digital twins", "digitala tvillingar"),
    ("life cycle assessment", "livscykelanalys"),
    ("automation", "automation"),
    ("logistics", "logistik"),
    ("packaging", "förpackningar"),
    ("water treatment", "vattenrening"),
    ("simulation", "simulering"),
    ("robotics", "robotik"),
]
CAPABILITIES = {
    # slug: (English, Swedish)
    "research": ("applied research", "tillämpad forskning"),
    "testbed": ("test beds", "testbäddar"),
    "prototyping": ("prototyping", "prototyputveckling"),
    "sme-network": ("a network of SMEs", "ett nätverk av små företag"),
    "market-access": ("access to export markets", "marknadstillträde"),
    "financing": ("co-funding", "medfinansiering"),
    "training": ("skills training", "kompetensutveckling"),
    "design": ("industrial design", "industridesign"),
    "data": ("data analytics", "dataanalys"),
    "manufacturing": ("production capacity", "produktionskapacitet"),
}
THEME_WORDS = {
    # theme: (English, Swedish)
    "life-science": ("life science", "life science"),
    "health-care": ("health care", "hälso- och sjukvård"),
    "food": ("the food sector", "livsmedelsbranschen"),
    "energy": ("renewable energy", "förnybar energi"),
    "aerospace": ("aerospace", "flyg- och rymdindustrin"),
    "textiles": ("textiles", "textilindustrin"),
    "ict": ("software and digitalisation", "digitalisering"),
    "bioeconomy": ("the forest-based bioeconomy", "skogsbaserad bioekonomi"),
    "advanced-manufacturing": ("advanced manufacturing", "avancerad tillverkning"),
    "offshore": ("the maritime sector", "den maritima sektorn"),
}
_EN = {
    "who": [
        "A {kind} working in {theme}",
        "We are a {kind} for {theme}",
        "{kind} active in {theme}",
    ],
    "focus": ["with a focus on {tech}", "specialised in {tech}", "with expertise in {tech}"],
    "offer": ["We offer {caps}.", "We can provide {caps}.", "Our partners get {caps} from us."],
    "seek": [
        "We are looking for {caps}.",
        "We would like to meet partners with {caps}.",
        "We need {caps}.",
    ],
}
_SV = {
    "who": ["En {kind} inom {theme}", "Vi är en {kind} för {theme}", "{kind} verksam inom {theme}"],
    "focus": ["med fokus på {tech}", "specialiserade på {tech}", "med inriktning mot {tech}"],
    "offer": ["Vi erbjuder {caps}.", "Vi bidrar med {caps}.", "Vi kan erbjuda {caps}."],
    "seek": ["Vi söker {caps}.", "Vi vill träffa partner med {caps}.", "Vi behöver {caps}."],
}
_KIND_WORDS = {
    ("cluster", "en"): "cluster",
    ("rdi_platform", "en"): "research institute",
    ("cluster", "sv"): "klusterorganisation",
    ("rdi_platform", "sv"): "forskningsmiljö",
}


@dataclass
class Planted:
    theme: str
    technology: str
    members: list[int]
    twins: dict[int, int]  # member -> its redundant twin
    off_theme: dict[int, int]  # member -> its off-theme complement


def _describe(
    rng: random.Random,
    kind: str,
    theme: str,
    tech: tuple[str, str],
    offers: list[str],
    seeks: list[str],
    lang: str,
) -> str:
    words = _EN if lang == "en" else _SV
    pick = 0 if lang == "en" else 1
    joiner = " and " if lang == "en" else " och "
    who = rng.choice(words["who"]).format(
        kind=_KIND_WORDS[kind, lang], theme=THEME_WORDS[theme][pick]
    )
    focus = rng.choice(words["focus"]).format(tech=tech[pick])
    parts = [f"{who[:1].upper()}{who[1:]} {focus}."]
    offer = rng.choice(words["offer"]).format(
        caps=joiner.join(CAPABILITIES[c][pick] for c in offers)
    )
    seek = rng.choice(words["seek"]).format(caps=joiner.join(CAPABILITIES[c][pick] for c in seeks))
    parts += [offer, seek] if rng.random() < 0.5 else [seek, offer]
    return " ".join(parts)


def consortium_population(
    seed: int, text_only: bool = False, groups: int = 10, noise: int = 150
) -> tuple[list[ActorProfile], list[RegionProfile], list[Planted]]:
    rng = random.Random(seed)
    actors: list[ActorProfile] = []
    planted: list[Planted] = []
    next_id = iter(range(1, 100_000))
    themes = list(TECHNOLOGIES)
    capabilities = list(CAPABILITIES)

    def add(
        kind: str,
        region_code: str,
        theme: str,
        tech: tuple[str, str],
        offers: list[str],
        seeks: list[str],
    ) -> int:
        actor_id = next(next_id)
        lang = rng.choice(["en", "sv"])
        description = _describe(rng, kind, theme, tech, offers, seeks, lang)
        if text_only:
            actors.append(actor(actor_id, region_code, kind, description=description))
        else:
            actors.append(
                actor(
                    actor_id,
                    region_code,
                    kind,
                    themes=[theme],
                    technologies=[tech[0]],
                    offers=offers,
                    seeks=seeks,
                    description=description,
                )
            )
        return actor_id

    for g in range(groups):
        theme = themes[g % len(themes)]
        tech = TECHNOLOGIES[theme][(g // len(themes)) % 2]
        other_tech = TECHNOLOGIES[theme][1 - (g // len(themes)) % 2]
        size = rng.choice([3, 4])
        regions = rng.sample(REGIONS, size)
        caps = rng.sample(capabilities, size)
        members, twins, traps = [], {}, {}
        for k in range(size):
            # Each seeks what the next two offer: every pair fits at least one way.
            offers = [caps[k]]
            seeks = sorted({caps[(k + 1) % size], caps[(k + 2) % size]} - {caps[k]})
            kind = rng.choice(["cluster", "rdi_platform"])
            member = add(kind, regions[k], theme, tech, offers, seeks)
            members.append(member)
            elsewhere = rng.choice([r for r in REGIONS if r != regions[k]])
            twins[member] = add(kind, elsewhere, theme, other_tech, offers, seeks)
            off_theme = rng.choice([t for t in themes if t != theme])
            traps[member] = add(
                "rdi_platform",
                rng.choice(REGIONS),
                off_theme,
                rng.choice(NOISE_TECHNOLOGIES),
                seeks,
                [rng.choice(capabilities)],
            )
        planted.append(Planted(theme, tech[0], members, twins, traps))
    for _ in range(noise):
        theme = rng.choice(themes)
        add(
            rng.choice(["cluster", "rdi_platform"]),
            rng.choice(REGIONS),
            theme,
            rng.choice(TECHNOLOGIES[theme]),
            rng.sample(capabilities, 2),
            rng.sample(capabilities, 1),
        )
    regions_out = [region(code, code, tuple(rng.sample(themes, 4))) for code in REGIONS]
    return actors, regions_out, planted
