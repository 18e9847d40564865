"""Generator `ledger`: terse registry entries, three in four in Swedish, need stated
before offer ("Söker: ...", "Behov: ..."). Each member offers two capabilities and seeks
two of the others'; the technology is written in the actor's own language in the
structured profile too ("cellterapi" beside "cell therapy"). Three in ten actors are
text-only. Noise: near misses (a planted theme with another technology), lookalikes (a
consortium's theme and technology, none of its needs) and entries with a negated
distractor ("arbetar inte med ...")."""

import random

from bench.populations.model import (
    SE_NUTS2,
    PlantedConsortium,
    Population,
    SyntheticActor,
    finish,
)

NAME = "ledger"
SWEDISH_SHARE = 0.75
TEXT_ONLY_SHARE = 0.3
NEAR_MISS_SHARE = 0.3  # a consortium's theme, another technology
LOOKALIKE_SHARE = 0.1  # a consortium's theme and technology, none of its needs
NEGATION_SHARE = 0.15

# theme -> {english technology: swedish technology}
TECHNOLOGIES = {
    "life-science": {
        "cell therapy": "cellterapi",
        "gene sequencing": "gensekvensering",
        "biomaterials": "biomaterial",
        "drug delivery": "läkemedelsleverans",
        "proteomics": "proteomik",
    },
    "health-care": {
        "telemedicine": "telemedicin",
        "assistive technology": "hjälpmedelsteknik",
        "care logistics": "vårdlogistik",
        "home rehabilitation": "hemrehabilitering",
        "medication robots": "läkemedelsrobotar",
    },
    "food": {
        "aquaculture": "vattenbruk",
        "dairy processing": "mejeriteknik",
        "food packaging": "livsmedelsförpackningar",
        "grain milling": "kvarnteknik",
        "meat substitutes": "köttersättning",
    },
    "offshore": {
        "wave power": "vågkraft",
        "autonomous vessels": "autonoma fartyg",
        "marine sensors": "marina sensorer",
        "port automation": "hamnautomation",
        "ice-class shipbuilding": "isklassade fartyg",
    },
    "aerospace": {
        "earth observation": "jordobservation",
        "rocket propulsion": "raketmotorer",
        "drone systems": "drönarsystem",
        "satellite communication": "satellitkommunikation",
        "aircraft maintenance": "flygplansunderhåll",
    },
    "textiles": {
        "technical textiles": "tekniska textilier",
        "wool processing": "ullförädling",
        "textile printing": "textiltryck",
        "flax fibre": "linfiber",
        "textile finishing": "textil efterbehandling",
    },
    "ict": {
        "artificial intelligence": "artificiell intelligens",
        "5g networks": "5g-nät",
        "blockchain": "blockkedjor",
        "cloud gaming": "molnspel",
        "open data": "öppna data",
    },
    "bioeconomy": {
        "biochar": "biokol",
        "biofuels": "biodrivmedel",
        "wood chemistry": "träkemi",
        "peat alternatives": "torversättning",
        "forest inventory": "skogsinventering",
    },
    "advanced-manufacturing": {
        "laser welding": "lasersvetsning",
        "powder metallurgy": "pulvermetallurgi",
        "machine vision": "maskinseende",
        "sheet metal forming": "plåtformning",
        "surface treatment": "ytbehandling",
    },
    "energy": {
        "solar cells": "solceller",
        "smart grids": "smarta elnät",
        "geothermal heat": "geotermi",
        "power electronics": "kraftelektronik",
        "wind turbine blades": "vindkraftsblad",
    },
    "circular-economy": {
        "battery recycling": "batteriåtervinning",
        "reuse of building materials": "återbruk av byggmaterial",
        "food waste valorisation": "förädling av matsvinn",
        "furniture refurbishment": "möbelrenovering",
        "plastic sorting": "plastsortering",
    },
    "urban-development": {
        "energy-efficient buildings": "energieffektiva byggnader",
        "public transport planning": "kollektivtrafikplanering",
        "urban greening": "urban grönska",
        "housing renovation": "bostadsrenovering",
        "street lighting": "gatubelysning",
    },
}
THEME_WORDS = {
    "sv": {
        "life-science": "life science",
        "health-care": "hälso- och sjukvård",
        "food": "livsmedel",
        "offshore": "sjöfart och offshore",
        "aerospace": "rymdteknik",
        "textiles": "textil",
        "ict": "IT",
        "bioeconomy": "bioekonomi",
        "advanced-manufacturing": "industriell produktion",
        "energy": "energi",
        "circular-economy": "cirkularitet",
        "urban-development": "stadsutveckling",
    },
    "en": {
        "life-science": "biotech",
        "health-care": "health",
        "food": "food production",
        "offshore": "shipping and offshore",
        "aerospace": "space",
        "textiles": "fashion and textiles",
        "ict": "software",
        "bioeconomy": "bio-based industry",
        "advanced-manufacturing": "manufacturing industry",
        "energy": "energy systems",
        "circular-economy": "circularity",
        "urban-development": "urban planning",
    },
}
CAPABILITY_WORDS = {
    "sv": {
        "research": "forskningskompetens",
        "testbed": "testmiljöer",
        "prototyping": "prototyper",
        "manufacturing": "tillverkning i serie",
        "design": "formgivning",
        "market-access": "marknadstillträde",
        "sme-network": "kontakter med små och medelstora företag",
        "training": "utbildningsinsatser",
        "financing": "finansiering",
        "regulatory": "regulatorisk rådgivning",
        "data": "dataplattformar",
    },
    "en": {
        "research": "research expertise",
        "testbed": "testing facilities",
        "prototyping": "prototypes",
        "manufacturing": "series manufacturing",
        "design": "product design",
        "market-access": "market entry",
        "sme-network": "SME contacts",
        "training": "training courses",
        "financing": "funding",
        "regulatory": "regulatory advice",
        "data": "data platforms",
    },
}
CAPABILITIES = sorted(CAPABILITY_WORDS["en"])
TEMPLATES = {
    "sv": (
        "Söker {seeks} till arbetet med {tech}. Erbjuder {offers}. Område: {theme}.",
        "Behov: {seeks}. Kompetens: {offers} inom {tech} ({theme}).",
        "Vi söker samarbete med aktörer som har {seeks}. Själva har vi {offers} "
        "för {theme}, särskilt {tech}.",
    ),
    "en": (
        "Seeking {seeks} for work on {tech} in {theme}; provides {offers}.",
        "Needs: {seeks}. Provides: {offers}. Field: {theme}, in particular {tech}.",
    ),
}
NEGATIONS = {
    "sv": " Arbetar inte med {tech}.",
    "en": " Not active in {tech}.",
}
PREFIXES = {
    "sv": ("Föreningen", "Stiftelsen", "Kluster", "Centrum för"),
    "en": ("Association", "Foundation", "Centre", "Hub"),
}
PLACES = ("Vretby", "Klintehamn", "Östmora", "Fjällås", "Bergvik", "Sandhem", "Lövsta", "Mälarö")


def _list(words: list[str], language: str) -> str:
    return (" och " if language == "sv" else " and ").join(words)


def _needs(size: int, offers: list[list[str]], rng: random.Random) -> list[list[str]]:
    """Two of the other members' capabilities per member, drawn until every member's
    offer is sought by someone."""
    while True:
        seeks = [
            rng.sample([c for j in range(size) if j != i for c in offers[j]], 2)
            for i in range(size)
        ]
        sought = {c for s in seeks for c in s}
        if all(sought & set(offer) for offer in offers):
            return seeks


class _Ledger:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.drafts: list[SyntheticActor] = []

    def add(
        self,
        theme: str,
        technology: str,
        region: str,
        offers: list[str],
        seeks: list[str],
        role: str,
        group: int | None = None,
        mirror_of: int | None = None,
        distractor: str | None = None,
    ) -> SyntheticActor:
        rng = self.rng
        language = "sv" if rng.random() < SWEDISH_SHARE else "en"
        wording = TECHNOLOGIES[theme][technology] if language == "sv" else technology
        words = CAPABILITY_WORDS[language]
        description = rng.choice(TEMPLATES[language]).format(
            seeks=_list([words[c] for c in seeks], language),
            offers=_list([words[c] for c in offers], language),
            tech=wording,
            theme=THEME_WORDS[language][theme],
        )
        if distractor is not None:
            description += NEGATIONS[language].format(tech=distractor)
        actor_id = len(self.drafts) + 1
        actor = SyntheticActor(
            id=actor_id,
            kind="rdi_platform" if rng.random() < 0.6 else "cluster",
            name=f"{rng.choice(PREFIXES[language])} {rng.choice(PLACES)} {actor_id}",
            region_code=region,
            language=language,
            description=description,
            themes=frozenset({theme}),
            technologies=frozenset({wording}),
            offers=frozenset(offers),
            seeks=frozenset(seeks),
            focus=technology,
            role=role,
            group=group,
            mirror_of=mirror_of,
        )
        if rng.random() < TEXT_ONLY_SHARE:
            actor = actor.as_text_only()
        self.drafts.append(actor)
        return actor


def generate(seed: int, consortia: int = 27, noise: int = 300) -> Population:
    rng = random.Random(f"{NAME}/{seed}")
    ledger = _Ledger(rng)
    themes = list(TECHNOLOGIES)
    rng.shuffle(themes)
    focus: dict[str, list[str]] = {t: [] for t in themes}  # technologies consortia took
    for group in range(consortia):
        theme = themes[group % len(themes)]
        spare = [t for t in TECHNOLOGIES[theme] if t not in focus[theme]]
        focus[theme].append(rng.choice(spare or list(TECHNOLOGIES[theme])))

    def free(theme: str) -> str:
        """A technology no consortium works on (outsiders never share a focus by chance)."""
        spare = [t for t in TECHNOLOGIES[theme] if t not in focus[theme]]
        return rng.choice(spare or list(TECHNOLOGIES[theme]))

    taken = {t: 0 for t in themes}
    planted: list[PlantedConsortium] = []
    needs: list[tuple[set[str], set[str]]] = []
    for group in range(consortia):
        theme = themes[group % len(themes)]
        technology = focus[theme][taken[theme]]
        taken[theme] += 1
        size = rng.choice((3, 4))
        regions = rng.sample(SE_NUTS2, size)
        offered = rng.sample(CAPABILITIES, 2 * size)
        offers = [offered[2 * i : 2 * i + 2] for i in range(size)]
        seeks = _needs(size, offers, rng)
        needs.append(({c for o in offers for c in o}, {c for s in seeks for c in s}))
        members = [
            ledger.add(theme, technology, regions[i], offers[i], seeks[i], "member", group)
            for i in range(size)
        ]
        planted.append(PlantedConsortium(tuple(m.id for m in members), theme, technology))
        for i, member in enumerate(members):
            elsewhere = [r for r in SE_NUTS2 if r != regions[i]]
            ledger.add(
                theme, free(theme), rng.choice(elsewhere), offers[i], seeks[i], "twin", group,
                member.id,
            )  # fmt: skip
            off_theme = rng.choice([t for t in themes if t != theme])
            ledger.add(
                off_theme,
                free(off_theme),
                rng.choice(elsewhere),
                seeks[i],
                rng.sample([c for c in CAPABILITIES if c not in seeks[i]], 1),
                "off_theme",
                group,
                member.id,
            )
    for _ in range(noise):
        distractor = None
        if rng.random() < NEGATION_SHARE and planted:
            distractor = rng.choice(planted).technology
        draw = rng.random()
        if planted and draw < LOOKALIKE_SHARE:
            # A consortium's theme and technology, offering nothing it seeks and seeking
            # nothing it offers.
            group = rng.randrange(len(planted))
            theme, technology = planted[group].theme, planted[group].technology
            all_offered, all_sought = needs[group]
            offers = rng.sample([c for c in CAPABILITIES if c not in all_sought], 1)
            seeks = rng.sample([c for c in CAPABILITIES if c not in all_offered | set(offers)], 1)
        else:
            near_miss = planted and draw < LOOKALIKE_SHARE + NEAR_MISS_SHARE
            theme = rng.choice(planted).theme if near_miss else rng.choice(themes)
            technology = free(theme)
            picked = rng.sample(CAPABILITIES, 3)
            offers, seeks = picked[:2], picked[2:]
        ledger.add(
            theme,
            technology,
            rng.choice(SE_NUTS2),
            offers,
            seeks,
            "noise",
            distractor=distractor,
        )
    return finish(NAME, seed, ledger.drafts, planted, rng)
