"""Generator `mosaic`: half Swedish, half English, with English technology names inside
Swedish sentences; theme and capability words drawn from every synonym the seeded
vocabularies list; actors located at county level (NUTS-3) while regions count at
NUTS-2. Each member brings one capability of its own and seeks one or two of the others'.
Half the actors are text-only. Traps: twins, two-way off-theme complements (offer what
the member seeks *and* seek what it offers), lookalikes (a consortium's theme and
technology, none of its needs), broad hubs naming many themes, and
terse entries that name a theme and nothing else."""

import random

from bench.populations.model import (
    SE_NUTS2,
    PlantedConsortium,
    Population,
    SyntheticActor,
    finish,
)
from seed_data import load

NAME = "mosaic"
ENGLISH_SHARE = 0.5
TEXT_ONLY_SHARE = 0.5
ENGLISH_TERM_IN_SWEDISH = 0.5
HUB_SHARE, TERSE_SHARE = 0.25, 0.15
LOOKALIKE_SHARE = 0.1  # a consortium's theme and technology, none of its needs

COUNTIES = {
    "SE11": ("SE110",),
    "SE12": ("SE121", "SE122", "SE123", "SE124", "SE125"),
    "SE21": ("SE211", "SE212", "SE213", "SE214"),
    "SE22": ("SE221", "SE224"),
    "SE23": ("SE231", "SE232"),
    "SE31": ("SE311", "SE312", "SE313"),
    "SE32": ("SE321", "SE322"),
    "SE33": ("SE331", "SE332"),
}
TECHNOLOGIES = {
    "life-science": [
        ("precision medicine", "precisionsmedicin"),
        ("bioprinting", "bioprintning"),
        ("vaccine development", "vaccinutveckling"),
        ("antibiotic resistance", "antibiotikaresistens"),
        ("clinical proteomics", "klinisk proteomik"),
    ],
    "health-care": [
        ("home care sensors", "sensorer för hemtjänst"),
        ("ai radiology", "AI-radiologi"),
        ("digital therapeutics", "digitala terapier"),
        ("virtual hospital wards", "virtuella vårdavdelningar"),
        ("dementia care technology", "demensvårdsteknik"),
    ],
    "food": [
        ("vertical farming", "vertikal odling"),
        ("insect protein", "insektsprotein"),
        ("food robotics", "livsmedelsrobotik"),
        ("oat processing", "havreförädling"),
        ("smart food labels", "smarta livsmedelsetiketter"),
    ],
    "offshore": [
        ("offshore hydrogen", "havsbaserad vätgas"),
        ("ship electrification", "elektrifiering av fartyg"),
        ("seabed mapping", "havsbottenkartering"),
        ("aquaculture cages", "fiskodlingskassar"),
        ("offshore decommissioning", "avveckling av offshoreanläggningar"),
    ],
    "aerospace": [
        ("space weather", "rymdväder"),
        ("electric aviation", "elflyg"),
        ("satellite navigation", "satellitnavigering"),
        ("hypersonic testing", "hypersonisk provning"),
        ("space-grade electronics", "rymdklassad elektronik"),
    ],
    "textiles": [
        ("bio-based fibres", "biobaserade fibrer"),
        ("wearable electronics", "bärbar elektronik"),
        ("textile sorting", "textilsortering"),
        ("digital textile printing", "digitalt textiltryck"),
        ("wool insulation", "ullisolering"),
    ],
    "ict": [
        ("quantum computing", "kvantdatorer"),
        ("iot security", "IoT-säkerhet"),
        ("language technology", "språkteknologi"),
        ("edge ai", "edge-AI"),
        ("digital identity", "digital identitet"),
    ],
    "bioeconomy": [
        ("algae cultivation", "algodling"),
        ("wood-based packaging", "träbaserade förpackningar"),
        ("forest genomics", "skogsgenomik"),
        ("tall oil chemistry", "talloljekemi"),
        ("mycelium materials", "mycelmaterial"),
    ],
    "advanced-manufacturing": [
        ("collaborative robots", "samarbetande robotar"),
        ("casting simulation", "gjutsimulering"),
        ("zero-defect manufacturing", "nollfelsproduktion"),
        ("friction stir welding", "friktionssvetsning"),
        ("precision casting", "precisionsgjutning"),
    ],
    "energy": [
        ("heat pumps", "värmepumpar"),
        ("fusion materials", "fusionsmaterial"),
        ("vehicle-to-grid", "fordon-till-nät"),
        ("flywheel storage", "svänghjulslager"),
        ("steel electrification", "elektrifiering av stålproduktion"),
    ],
    "circular-economy": [
        ("digital product passports", "digitala produktpass"),
        ("sharing platforms", "delningsplattformar"),
        ("metal recovery", "metallåtervinning"),
        ("repair cafés", "reparationscaféer"),
        ("critical raw material recycling", "återvinning av kritiska råmaterial"),
    ],
    "urban-development": [
        ("nature-based solutions", "naturbaserade lösningar"),
        ("city digital twins", "digitala tvillingar av städer"),
        ("noise mapping", "bullerkartläggning"),
        ("urban heat islands", "urbana värmeöar"),
        ("shared mobility hubs", "mobilitetshubbar"),
    ],
}
TEMPLATES = {
    "en": (
        "Working on {theme}. {name} would like to meet partners with {seeks}, and "
        "contributes {offers}. Our niche is {tech}.",
        "Expertise in {tech} for {theme}. Looking for {seeks}. We provide {offers}.",
        "{name}: {theme}, {tech}. Offers {offers}; wants {seeks}.",
    ),
    "sv": (
        "Vi arbetar med {theme} med inriktning mot {tech}. Vi vill träffa partner som kan "
        "erbjuda {seeks} och bidrar själva med {offers}.",
        "Expertis inom {tech} för {theme}. Söker {seeks}. Vi erbjuder {offers}.",
        "{name} – {theme}, {tech}. Har {offers}; saknar {seeks}.",
    ),
}
HUB = {
    "en": "{name} is a broad innovation hub spanning {themes}. We offer {offers}.",
    "sv": "{name} är ett brett innovationsnav som spänner över {themes}. Vi erbjuder {offers}.",
}
TERSE = {"en": "{name}. Cluster for {theme}.", "sv": "{name}. Kluster för {theme}."}
NAMES = ("Nova", "Polaris", "Fyren", "Kompassen", "Vega", "Bryggan", "Delta", "Ankaret")
TAILS = ("Innovation", "Arena", "Forum", "Science Park", "Centrum", "Partnership")


def _wordings() -> tuple[dict[str, dict[str, list[str]]], ...]:
    """Every label and synonym of each seeded term, per language."""
    out = []
    for file in ("themes.json", "capabilities.json"):
        terms = {}
        for term in load(file):
            terms[term["slug"]] = {
                "en": [term["label_en"], *term["synonyms_en"]],
                "sv": [term["label_sv"], *term["synonyms_sv"]],
            }
        out.append(terms)
    return tuple(out)


THEME_WORDINGS, CAPABILITY_WORDINGS = _wordings()
CAPABILITIES = sorted(CAPABILITY_WORDINGS)


class _Mosaic:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.drafts: list[SyntheticActor] = []

    def _words(self, slugs: list[str], wordings: dict, language: str) -> str:  # type: ignore[type-arg]
        words = [self.rng.choice(wordings[s][language]).lower() for s in slugs]
        glue = " and " if language == "en" else " och "
        return glue.join(words) if len(words) < 3 else ", ".join(words[:-1]) + glue + words[-1]

    def add(
        self,
        *,
        themes: list[str],
        tech: tuple[str, str],
        nuts2: str,
        offers: list[str],
        seeks: list[str],
        role: str,
        shape: str = "profile",
        group: int | None = None,
        mirror_of: int | None = None,
    ) -> SyntheticActor:
        rng = self.rng
        language = "en" if rng.random() < ENGLISH_SHARE else "sv"
        swedish_term = language == "sv" and rng.random() >= ENGLISH_TERM_IN_SWEDISH
        wording = tech[1] if swedish_term else tech[0]
        actor_id = len(self.drafts) + 1
        name = f"{rng.choice(NAMES)} {rng.choice(TAILS)} {actor_id}"
        fields = {
            "name": name,
            "theme": self._words(themes[:1], THEME_WORDINGS, language),
            "themes": self._words(themes, THEME_WORDINGS, language),
            "tech": wording,
            "offers": self._words(offers, CAPABILITY_WORDINGS, language),
            "seeks": self._words(seeks, CAPABILITY_WORDINGS, language),
        }
        template = {"hub": HUB[language], "terse": TERSE[language]}.get(shape)
        description = (template or rng.choice(TEMPLATES[language])).format(**fields)
        actor = SyntheticActor(
            id=actor_id,
            kind=rng.choice(("cluster", "rdi_platform")),
            name=name,
            region_code=rng.choice(COUNTIES[nuts2]),
            language=language,
            description=description,
            themes=frozenset(themes),
            technologies=frozenset({tech[0]}) if shape == "profile" else frozenset(),
            offers=frozenset(offers),
            seeks=frozenset(seeks),
            focus=tech[0] if shape == "profile" else "",
            role=role,
            group=group,
            mirror_of=mirror_of,
        )
        if rng.random() < TEXT_ONLY_SHARE:
            actor = actor.as_text_only()
        self.drafts.append(actor)
        return actor


def _exchange(size: int, rng: random.Random) -> tuple[list[list[str]], list[list[str]]]:
    """One capability of its own per member; each seeks one or two of the others', and
    every member's capability is sought by someone."""
    own = rng.sample(CAPABILITIES, size)
    while True:
        seeks = [
            rng.sample([own[j] for j in range(size) if j != i], rng.choice((1, 2)))
            for i in range(size)
        ]
        if {c for s in seeks for c in s} == set(own):
            return [[c] for c in own], seeks


def generate(seed: int, consortia: int = 27, noise: int = 300) -> Population:
    rng = random.Random(seed * 7919 + 13)
    mosaic = _Mosaic(rng)
    themes = sorted(TECHNOLOGIES, reverse=True)
    # Themes spread evenly over the consortia, each consortium a technology of its own.
    order = [themes[g % len(themes)] for g in range(consortia)]
    rng.shuffle(order)
    used: dict[str, list[tuple[str, str]]] = {t: [] for t in themes}
    for theme in order:
        spare = [t for t in TECHNOLOGIES[theme] if t not in used[theme]]
        used[theme].append(rng.choice(spare or TECHNOLOGIES[theme]))
    next_of = dict.fromkeys(themes, 0)

    def unused(theme: str) -> tuple[str, str]:
        spare = [t for t in TECHNOLOGIES[theme] if t not in used[theme]]
        return rng.choice(spare or TECHNOLOGIES[theme])

    planted: list[PlantedConsortium] = []
    own: list[set[str]] = []
    for group, theme in enumerate(order):
        tech = used[theme][next_of[theme]]
        next_of[theme] += 1
        size = rng.choice((3, 4))
        regions = rng.sample(SE_NUTS2, size)
        offers, seeks = _exchange(size, rng)
        own.append({c for o in offers for c in o})
        members = [
            mosaic.add(
                themes=[theme],
                tech=tech,
                nuts2=regions[i],
                offers=offers[i],
                seeks=seeks[i],
                role="member",
                group=group,
            )
            for i in range(size)
        ]
        planted.append(PlantedConsortium(tuple(m.id for m in members), theme, tech[0]))
        for i, member in enumerate(members):
            elsewhere = [r for r in SE_NUTS2 if r != regions[i]]
            mosaic.add(
                themes=[theme],
                tech=unused(theme),
                nuts2=rng.choice(elsewhere),
                offers=offers[i],
                seeks=seeks[i],
                role="twin",
                group=group,
                mirror_of=member.id,
            )
            other_theme = rng.choice([t for t in themes if t != theme])
            mosaic.add(
                themes=[other_theme],
                tech=unused(other_theme),
                nuts2=rng.choice(elsewhere),
                offers=seeks[i],
                seeks=offers[i],
                role="off_theme",
                group=group,
                mirror_of=member.id,
            )
    for _ in range(noise):
        draw = rng.random()
        shape = "hub" if draw < HUB_SHARE else "terse" if draw < HUB_SHARE + TERSE_SHARE else ""
        if planted and draw > 1 - LOOKALIKE_SHARE:
            # A consortium's theme and technology, but none of its members' needs or offers.
            group = rng.randrange(len(planted))
            theme = planted[group].theme
            tech = next(t for t in TECHNOLOGIES[theme] if t[0] == planted[group].technology)
            offers, seeks = ([c] for c in rng.sample(sorted(set(CAPABILITIES) - own[group]), 2))
            picked_themes = [theme]
        else:
            picked_themes = rng.sample(themes, rng.randint(2, 4) if shape == "hub" else 1)
            tech = unused(picked_themes[0])
            picked = rng.sample(CAPABILITIES, 5)
            offers = picked[: 3 if shape == "hub" else 2]
            seeks = picked[3:] if shape != "hub" else []
        mosaic.add(
            themes=picked_themes,
            tech=tech,
            nuts2=rng.choice(SE_NUTS2),
            offers=offers,
            seeks=seeks,
            role="noise",
            shape=shape or "profile",
        )
    return finish(NAME, seed, mosaic.drafts, planted, rng)
