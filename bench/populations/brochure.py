"""Generator `tune` ("brochure"): cluster-brochure prose, mostly English, every actor
structured except one in ten. Each consortium is a ring of needs: member i offers what
member i+1 seeks. Traps: a redundant twin and an off-theme complement per member; noise
actors drawn uniformly over themes and capabilities, some of them lookalikes that share a
consortium's theme and technology but none of its needs. This is the generator the engine may
be tuned on; the others are held out."""

import random

from bench.populations.model import (
    SE_NUTS2,
    PlantedConsortium,
    Population,
    SyntheticActor,
    finish,
)

NAME = "tune"
ENGLISH_SHARE = 0.7
TEXT_ONLY_SHARE = 0.1
LOOKALIKE_SHARE = 0.15  # noise on a consortium's theme and technology, needing none of it

# theme -> [(technology, its Swedish wording)]
TECHNOLOGIES = {
    "life-science": [
        ("biobanking", "biobanker"),
        ("organoids", "organoider"),
        ("mass spectrometry", "masspektrometri"),
        ("cell and gene therapy", "cell- och genterapi"),
        ("microbiome analysis", "mikrobiomanalys"),
    ],
    "health-care": [
        ("remote patient monitoring", "distansövervakning av patienter"),
        ("clinical decision support", "kliniskt beslutsstöd"),
        ("rehabilitation robotics", "rehabiliteringsrobotik"),
        ("digital care pathways", "digitala vårdförlopp"),
        ("fall prevention sensors", "sensorer för fallprevention"),
    ],
    "food": [
        ("plant-based proteins", "växtbaserade proteiner"),
        ("precision fermentation", "precisionsfermentering"),
        ("food traceability", "spårbarhet i livsmedelskedjan"),
        ("dairy alternatives", "mejerialternativ"),
        ("shelf-life extension", "förlängd hållbarhet"),
    ],
    "offshore": [
        ("floating wind foundations", "flytande vindkraftsfundament"),
        ("subsea inspection drones", "undervattensdrönare för inspektion"),
        ("hull coatings", "skrovbeläggningar"),
        ("wave energy converters", "vågkraftverk"),
        ("ballast water treatment", "barlastvattenrening"),
    ],
    "aerospace": [
        ("satellite data services", "satellitdatatjänster"),
        ("small launchers", "små bärraketer"),
        ("composite airframes", "kompositflygkroppar"),
        ("rocket engine testing", "provning av raketmotorer"),
        ("air traffic management", "flygledningssystem"),
    ],
    "textiles": [
        ("textile recycling", "textilåtervinning"),
        ("smart fabrics", "smarta textilier"),
        ("natural dyes", "naturliga färgämnen"),
        ("technical knitwear", "tekniska trikåer"),
        ("leather alternatives", "läderalternativ"),
    ],
    "ict": [
        ("cybersecurity", "cybersäkerhet"),
        ("edge computing", "edge computing"),
        ("computer vision", "datorseende"),
        ("private 5g networks", "privata 5g-nät"),
        ("natural language processing", "språkteknologi"),
    ],
    "bioeconomy": [
        ("lignin valorisation", "ligninförädling"),
        ("forest biorefineries", "skogsbaserade bioraffinaderier"),
        ("cellulose fibres", "cellulosafibrer"),
        ("wood-based textiles", "träbaserade textilier"),
        ("bio-based adhesives", "biobaserade lim"),
    ],
    "advanced-manufacturing": [
        ("additive manufacturing", "additiv tillverkning"),
        ("digital twins", "digitala tvillingar"),
        ("industrial robotics", "industrirobotik"),
        ("laser cladding", "laserbeläggning"),
        ("predictive maintenance", "prediktivt underhåll"),
    ],
    "energy": [
        ("hydrogen electrolysis", "vätgaselektrolys"),
        ("battery storage", "batterilager"),
        ("district heating", "fjärrvärme"),
        ("solar thermal", "solvärme"),
        ("vehicle charging", "laddinfrastruktur"),
    ],
    "circular-economy": [
        ("remanufacturing", "återtillverkning"),
        ("plastic recycling", "plaståtervinning"),
        ("industrial symbiosis", "industriell symbios"),
        ("second-hand electronics", "begagnad elektronik"),
        ("construction waste sorting", "sortering av byggavfall"),
    ],
    "urban-development": [
        ("smart mobility", "smart mobilitet"),
        ("timber construction", "träbyggande"),
        ("stormwater management", "dagvattenhantering"),
        ("green roofs", "gröna tak"),
        ("bicycle infrastructure", "cykelinfrastruktur"),
    ],
}
THEME_WORDS = {
    "life-science": ("the life sciences", "life science"),
    "health-care": ("healthcare", "vården"),
    "food": ("the food industry", "livsmedelsindustrin"),
    "offshore": ("the maritime sector", "den maritima näringen"),
    "aerospace": ("aerospace", "flyg- och rymdindustrin"),
    "textiles": ("textiles", "textilbranschen"),
    "ict": ("digital technologies", "digitalisering"),
    "bioeconomy": ("the forest-based bioeconomy", "skogsbaserad bioekonomi"),
    "advanced-manufacturing": ("advanced manufacturing", "avancerad tillverkning"),
    "energy": ("the energy transition", "energiomställningen"),
    "circular-economy": ("the circular economy", "cirkulär ekonomi"),
    "urban-development": ("sustainable cities", "hållbara städer"),
}
CAPABILITY_WORDS = {
    "research": ("applied research", "tillämpad forskning"),
    "testbed": ("test beds", "testbäddar"),
    "prototyping": ("rapid prototyping", "prototyputveckling"),
    "manufacturing": ("production capacity", "produktionskapacitet"),
    "design": ("industrial design", "industridesign"),
    "market-access": ("routes to international markets", "vägar ut på exportmarknader"),
    "sme-network": ("a network of small firms", "ett nätverk av småföretag"),
    "training": ("skills programmes", "kompetensutveckling"),
    "financing": ("access to venture finance", "riskkapital"),
    "regulatory": ("certification and regulatory support", "stöd med certifiering och regelverk"),
    "data": ("data analytics", "dataanalys"),
}
CAPABILITIES = sorted(CAPABILITY_WORDS)
NACE = {
    "life-science": ("21", "72.1"),
    "health-care": ("86", "26.6"),
    "food": ("10", "01"),
    "offshore": ("30.1", "50"),
    "aerospace": ("30.3", "51"),
    "textiles": ("13", "14"),
    "ict": ("62", "63"),
    "bioeconomy": ("17", "02"),
    "advanced-manufacturing": ("28", "25"),
    "energy": ("35", "27"),
    "circular-economy": ("38", "33"),
    "urban-development": ("41", "71"),
}
TEMPLATES = {
    "en": (
        "{name} brings together companies and researchers in {theme} with a focus on {tech}. "
        "We offer {offers} and are looking for partners who can provide {seeks}.",
        "Our members work in {theme}, specialising in {tech}. We can contribute {offers}; "
        "we would like to meet organisations offering {seeks}.",
        "A regional hub for {theme}. Core expertise: {tech}. What we bring: {offers}. "
        "What we are missing: {seeks}.",
    ),
    "sv": (
        "{name} samlar företag och forskare inom {theme} med fokus på {tech}. "
        "Vi erbjuder {offers} och söker partner som kan bidra med {seeks}.",
        "Våra medlemmar arbetar med {theme} och är specialiserade på {tech}. "
        "Vi bidrar med {offers} och vill träffa aktörer som erbjuder {seeks}.",
        "Ett regionalt nav för {theme} med inriktning mot {tech}. Vi har {offers} "
        "men behöver {seeks}.",
    ),
}
TOWNS = (
    "Ekås", "Norrvik", "Lindhöga", "Sjöbo", "Älvdala", "Granby", "Västerhamn", "Björkstad",
    "Ljungsund", "Hagfors Norra", "Stenby", "Åkervall", "Tallmo", "Ormvik", "Brunnby",
)  # fmt: skip
SUFFIXES = {
    "cluster": ("Cluster", "Network", "Alliance"),
    "rdi_platform": ("Lab", "Institute", "Test Centre"),
}


def _join(words: list[str], language: str) -> str:
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + (" and " if language == "en" else " och ") + words[-1]


class _Writer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.next_id = 1

    def actor(
        self,
        *,
        theme: str,
        tech: int,
        region: str,
        offers: list[str],
        seeks: list[str],
        role: str,
        group: int | None = None,
        mirror_of: int | None = None,
    ) -> SyntheticActor:
        rng = self.rng
        language = "en" if rng.random() < ENGLISH_SHARE else "sv"
        lang = 0 if language == "en" else 1
        kind = rng.choice(("cluster", "rdi_platform"))
        technology = TECHNOLOGIES[theme][tech]
        name = f"{rng.choice(TOWNS)} {rng.choice(SUFFIXES[kind])} {self.next_id % 97}"
        description = rng.choice(TEMPLATES[language]).format(
            name=name,
            theme=THEME_WORDS[theme][lang],
            tech=technology[lang],
            offers=_join([CAPABILITY_WORDS[c][lang] for c in offers], language),
            seeks=_join([CAPABILITY_WORDS[c][lang] for c in seeks], language),
        )
        actor = SyntheticActor(
            id=self.next_id,
            kind=kind,
            name=name,
            region_code=region,
            language=language,
            description=description,
            themes=frozenset({theme}),
            technologies=frozenset({technology[0]}),
            offers=frozenset(offers),
            seeks=frozenset(seeks),
            nace_codes=frozenset({rng.choice(NACE[theme])}),
            focus=technology[0],
            role=role,
            group=group,
            mirror_of=mirror_of,
        )
        self.next_id += 1
        return actor.as_text_only() if rng.random() < TEXT_ONLY_SHARE else actor


def generate(seed: int, consortia: int = 27, noise: int = 300) -> Population:
    rng = random.Random(f"{NAME}:{seed}")
    writer = _Writer(rng)
    themes = sorted(TECHNOLOGIES)
    # Each consortium its own technology; traps and noise draw from the rest, so no
    # outsider shares a consortium's theme and technology by chance.
    plan = []
    taken: dict[str, set[int]] = {t: set() for t in themes}
    for group in range(consortia):
        theme = themes[group % len(themes)]
        untaken = [t for t in range(len(TECHNOLOGIES[theme])) if t not in taken[theme]]
        tech = rng.choice(untaken or range(len(TECHNOLOGIES[theme])))
        taken[theme].add(tech)
        plan.append((theme, tech))

    def free(theme: str) -> int:
        options = [t for t in range(len(TECHNOLOGIES[theme])) if t not in taken[theme]]
        return rng.choice(options or range(len(TECHNOLOGIES[theme])))

    drafts: list[SyntheticActor] = []
    planted: list[PlantedConsortium] = []
    rings = []
    for group, (theme, tech) in enumerate(plan):
        size = rng.choice((3, 4))
        regions = rng.sample(SE_NUTS2, size)
        ring = rng.sample(CAPABILITIES, size)
        rings.append(ring)
        members = [
            writer.actor(
                theme=theme,
                tech=tech,
                region=regions[i],
                offers=[ring[i]],
                seeks=[ring[(i + 1) % size]],
                role="member",
                group=group,
            )
            for i in range(size)
        ]
        drafts += members
        planted.append(
            PlantedConsortium(tuple(m.id for m in members), theme, TECHNOLOGIES[theme][tech][0])
        )
        for i, member in enumerate(members):
            drafts.append(
                writer.actor(
                    theme=theme,
                    tech=free(theme),
                    region=rng.choice([r for r in SE_NUTS2 if r != regions[i]]),
                    offers=[ring[i]],
                    seeks=[ring[(i + 1) % size]],
                    role="twin",
                    group=group,
                    mirror_of=member.id,
                )
            )
            other_theme = rng.choice([t for t in themes if t != theme])
            drafts.append(
                writer.actor(
                    theme=other_theme,
                    tech=free(other_theme),
                    region=rng.choice([r for r in SE_NUTS2 if r != regions[i]]),
                    offers=[ring[(i + 1) % size]],
                    seeks=[rng.choice([c for c in CAPABILITIES if c != ring[(i + 1) % size]])],
                    role="off_theme",
                    group=group,
                    mirror_of=member.id,
                )
            )
    for _ in range(noise):
        offers, seeks = rng.randint(1, 2), rng.randint(1, 2)
        if plan and rng.random() < LOOKALIKE_SHARE:
            # A lookalike: a consortium's theme and technology, none of its needs.
            group = rng.randrange(len(plan))
            theme, tech = plan[group]
            picked = rng.sample([c for c in CAPABILITIES if c not in rings[group]], offers + seeks)
        else:
            theme = rng.choice(themes)
            tech = free(theme)
            picked = rng.sample(CAPABILITIES, offers + seeks)
        drafts.append(
            writer.actor(
                theme=theme,
                tech=tech,
                region=rng.choice(SE_NUTS2),
                offers=picked[:offers],
                seeks=picked[offers:],
                role="noise",
            )
        )
    return finish(NAME, seed, drafts, planted, rng)
