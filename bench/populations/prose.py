"""Actors that describe themselves the way cluster managers write on LinkedIn pages,
partner-search forums and "About us" pages: about 70 % English and 30 % Swedish, three to
six sentences of free prose with many phrasings for what an actor offers, what it seeks
and which technology it works on. The need sometimes comes first, the technology sits in
its own sentence, mid-sentence, in a parenthesis or after a dash, and filler about
history, member counts, events, newsletters and home towns pads the text. About 40 % of
the actors are text-only, so their descriptions carry offers, needs and technology in
words alone.

Each planted consortium has three or four members in distinct NUTS-2 regions sharing a
theme and a technology, the technology worded differently from member to member
(English or Swedish paraphrases). Traps: for every member a twin (same theme, offers and
needs, another technology of that theme) and an off-theme complement (offers what the
member seeks, on a disjoint theme), both in another NUTS-2 region. Noise actors sit on
random themes with technologies no consortium uses, so none is as right an answer as a
member.
"""

import random
from dataclasses import dataclass

from app.reference import nuts
from bench.populations.model import PlantedConsortium, Population, SyntheticActor, finish

NAME = "prose"

TEXT_ONLY_SHARE = 0.4
ENGLISH_SHARE = 0.7


@dataclass(frozen=True)
class Technology:
    name: str
    en: tuple[str, ...]
    sv: tuple[str, ...]


def _t(name: str, en: tuple[str, ...], sv: tuple[str, ...]) -> Technology:
    return Technology(name, en, sv)


TECHNOLOGIES: dict[str, tuple[Technology, ...]] = {
    "life-science": (
        _t(
            "organ-on-chip",
            ("organ-on-chip models", "microphysiological systems", "tissue chips for drug tests"),
            ("organ-på-chip", "mikrofysiologiska cellmodeller"),
        ),
        _t(
            "mrna therapeutics",
            ("mRNA therapeutics", "messenger RNA drug platforms", "RNA-based medicines"),
            ("mRNA-läkemedel", "RNA-baserade terapier"),
        ),
        _t(
            "cell therapy manufacturing",
            (
                "cell therapy manufacturing",
                "GMP production of advanced therapies",
                "ATMP process development",
            ),
            ("tillverkning av cellterapier", "ATMP-produktion"),
        ),
        _t(
            "liquid biopsy",
            ("liquid biopsy", "blood-based cancer detection", "circulating tumour DNA assays"),
            ("flytande biopsi", "cancerdiagnostik från blodprov"),
        ),
    ),
    "health-care": (
        _t(
            "remote patient monitoring",
            (
                "remote patient monitoring",
                "home-based vital-sign tracking",
                "hospital-at-home sensing",
            ),
            ("distansmonitorering av patienter", "sensorer för vård i hemmet"),
        ),
        _t(
            "clinical decision support",
            (
                "clinical decision support",
                "AI triage tools for clinicians",
                "decision aids at the point of care",
            ),
            ("kliniskt beslutsstöd", "AI-stöd för triage"),
        ),
        _t(
            "care robotics",
            ("care robotics", "assistive robots in elderly care", "robotic help for care staff"),
            ("välfärdsrobotik", "robotar i äldreomsorgen"),
        ),
        _t(
            "digital rehabilitation",
            ("digital rehabilitation", "app-based physiotherapy", "tele-rehab programmes"),
            ("digital rehabilitering", "fysioterapi på distans"),
        ),
    ),
    "food": (
        _t(
            "precision fermentation",
            (
                "precision fermentation",
                "microbial production of food proteins",
                "fermentation-derived dairy proteins",
            ),
            ("precisionsfermentering", "mikrobiellt framställda livsmedelsproteiner"),
        ),
        _t(
            "vertical farming",
            (
                "vertical farming",
                "indoor stacked cultivation",
                "controlled-environment agriculture",
            ),
            ("vertikal odling", "inomhusodling i flera våningar"),
        ),
        _t(
            "plant-based protein",
            (
                "plant-based protein",
                "pulse-based meat alternatives",
                "protein from faba beans and peas",
            ),
            ("växtbaserat protein", "baljväxtbaserade köttalternativ"),
        ),
        _t(
            "food traceability",
            ("food traceability", "farm-to-fork tracking", "digital provenance of food"),
            ("spårbarhet i livsmedelskedjan", "digital ursprungsmärkning av mat"),
        ),
    ),
    "offshore": (
        _t(
            "floating wind",
            ("floating wind", "floating offshore wind turbines", "deep-water wind foundations"),
            ("flytande havsbaserad vindkraft", "flytande vindkraftverk"),
        ),
        _t(
            "subsea inspection drones",
            (
                "subsea inspection drones",
                "underwater ROV inspection",
                "autonomous underwater vehicles for inspection",
            ),
            ("undervattensdrönare för inspektion", "autonoma undervattensfarkoster"),
        ),
        _t(
            "wave energy",
            ("wave energy", "wave power converters", "energy harvested from ocean waves"),
            ("vågkraft", "vågenergiomvandlare"),
        ),
        _t(
            "offshore hydrogen",
            ("offshore hydrogen", "hydrogen production at sea", "platform-based electrolysis"),
            ("vätgasproduktion till havs", "havsbaserad elektrolys"),
        ),
    ),
    "aerospace": (
        _t(
            "small satellites",
            ("small satellites", "CubeSat platforms", "nanosatellite constellations"),
            ("småsatelliter", "kubsatelliter"),
        ),
        _t(
            "electric aviation",
            ("electric aviation", "battery-electric aircraft", "electric regional flight"),
            ("elflyg", "batterielektriska flygplan"),
        ),
        _t(
            "drone traffic management",
            (
                "drone traffic management",
                "UTM for unmanned aircraft",
                "U-space services",
            ),
            ("trafikledning för drönare", "U-space-tjänster"),
        ),
        _t(
            "satellite earth observation",
            ("satellite earth observation", "remote sensing from orbit", "EO data services"),
            ("satellitbaserad jordobservation", "fjärranalys från rymden"),
        ),
    ),
    "textiles": (
        _t(
            "textile recycling",
            (
                "textile-to-textile recycling",
                "fibre recycling of used garments",
                "closed-loop textile recycling",
            ),
            ("textilåtervinning", "fiberåtervinning av kläder"),
        ),
        _t(
            "smart textiles",
            ("smart textiles", "e-textiles with woven sensors", "conductive fabrics"),
            ("smarta textilier", "textilier med invävda sensorer"),
        ),
        _t(
            "bio-based fibres",
            ("bio-based fibres", "wood-derived textile fibres", "cellulose-based yarns"),
            ("biobaserade fibrer", "textilfibrer från skogen"),
        ),
        _t(
            "waterless dyeing",
            ("waterless dyeing", "CO2-based textile dyeing", "low-water colouring processes"),
            ("vattenfri färgning", "färgning utan vatten"),
        ),
    ),
    "ict": (
        _t(
            "edge ai",
            ("edge AI", "machine learning on embedded devices", "on-device inference"),
            ("edge-AI", "AI i inbyggda system"),
        ),
        _t(
            "private 5g",
            ("private 5G networks", "campus 5G", "non-public 5G for industry"),
            ("privata 5G-nät", "lokala 5G-nät för industrin"),
        ),
        _t(
            "post-quantum cryptography",
            ("post-quantum cryptography", "quantum-safe encryption", "PQC migration"),
            ("kvantsäker kryptering", "postkvantkryptografi"),
        ),
        _t(
            "federated data spaces",
            (
                "federated data spaces",
                "sovereign data-sharing ecosystems",
                "Gaia-X style data exchange",
            ),
            ("federerade dataområden", "suverän datadelning"),
        ),
    ),
    "bioeconomy": (
        _t(
            "lignin valorisation",
            ("lignin valorisation", "turning lignin into chemicals", "lignin-based materials"),
            ("förädling av lignin", "ligninbaserade material"),
        ),
        _t(
            "biochar",
            ("biochar", "pyrolysed biomass for soil carbon", "carbonised residues for soils"),
            ("biokol", "pyrolys av biomassa till kol"),
        ),
        _t(
            "forest biorefinery",
            (
                "forest biorefining",
                "integrated biorefineries at pulp mills",
                "wood-to-chemicals conversion",
            ),
            ("skogsbaserade bioraffinaderier", "bioraffinering vid massabruk"),
        ),
        _t(
            "algae cultivation",
            ("algae cultivation", "microalgae farming", "algal biomass production"),
            ("algodling", "odling av mikroalger"),
        ),
    ),
    "advanced-manufacturing": (
        _t(
            "metal additive manufacturing",
            ("metal 3D printing", "metal additive manufacturing", "laser powder bed fusion"),
            ("3D-printning i metall", "additiv tillverkning i metall"),
        ),
        _t(
            "collaborative robots",
            ("collaborative robots", "cobots on the shop floor", "human-robot collaboration"),
            ("kollaborativa robotar", "samarbetande robotar"),
        ),
        _t(
            "machine vision inspection",
            (
                "machine vision quality control",
                "camera-based defect detection",
                "automated optical inspection",
            ),
            ("maskinseende för kvalitetskontroll", "kamerabaserad felupptäckt"),
        ),
        _t(
            "composite lightweighting",
            (
                "composite lightweighting",
                "carbon-fibre lightweight parts",
                "lightweight composite structures",
            ),
            ("lättviktskompositer", "komponenter i kolfiber"),
        ),
    ),
    "energy": (
        _t(
            "vehicle-to-grid",
            ("vehicle-to-grid", "bidirectional EV charging", "V2G"),
            ("dubbelriktad laddning", "fordon-till-nät"),
        ),
        _t(
            "hydrogen storage",
            ("hydrogen storage", "storing green hydrogen", "underground hydrogen storage"),
            ("vätgaslagring", "lagring av grön vätgas"),
        ),
        _t(
            "second-life batteries",
            (
                "second-life batteries",
                "reuse of EV batteries for stationary storage",
                "battery repurposing",
            ),
            ("andrahandsbatterier", "återbruk av fordonsbatterier"),
        ),
        _t(
            "local energy communities",
            (
                "local energy communities",
                "peer-to-peer energy trading",
                "community microgrids",
            ),
            ("lokala energigemenskaper", "mikronät i bostadsområden"),
        ),
    ),
    "circular-economy": (
        _t(
            "digital product passports",
            ("digital product passports", "product passports", "DPP data carriers"),
            ("digitala produktpass", "produktpass"),
        ),
        _t(
            "remanufacturing",
            (
                "remanufacturing",
                "refurbishing used components to as-new",
                "reman of industrial parts",
            ),
            ("återtillverkning", "renovering av begagnade komponenter"),
        ),
        _t(
            "building material reuse",
            (
                "reuse of building materials",
                "reclaimed construction products",
                "material banks for construction",
            ),
            ("återbruk av byggmaterial", "materialbanker för bygg"),
        ),
        _t(
            "chemical plastics recycling",
            (
                "chemical recycling of plastics",
                "plastic pyrolysis",
                "depolymerisation of plastic waste",
            ),
            ("kemisk återvinning av plast", "plastpyrolys"),
        ),
    ),
    "urban-development": (
        _t(
            "nature-based stormwater",
            (
                "nature-based stormwater management",
                "blue-green infrastructure",
                "rain gardens and bioswales",
            ),
            ("naturbaserad dagvattenhantering", "blågrön infrastruktur"),
        ),
        _t(
            "mobility as a service",
            ("mobility as a service", "MaaS", "integrated multimodal travel apps"),
            ("mobilitet som tjänst", "samlade resetjänster"),
        ),
        _t(
            "mass timber construction",
            (
                "mass timber construction",
                "cross-laminated timber buildings",
                "tall wooden buildings",
            ),
            ("flervåningshus i trä", "byggande i KL-trä"),
        ),
        _t(
            "urban digital twins",
            ("urban digital twins", "3D city models for planning", "city-scale virtual models"),
            ("digitala tvillingar av städer", "3D-stadsmodeller"),
        ),
    ),
}

THEME_WORDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "life-science": (
        ("drug developers and medical device makers", "biopharma start-ups and labs"),
        ("läkemedels- och medicinteknikföretag", "bioteknikbolag och labb"),
    ),
    "health-care": (
        ("hospitals, care providers and health-tech firms", "regions, clinics and care innovators"),
        ("vårdgivare och hälsoteknikföretag", "sjukhus, kommuner och omsorgsaktörer"),
    ),
    "food": (
        ("food producers, farmers and ingredient companies", "the food and drink industry"),
        ("livsmedelsproducenter och lantbrukare", "mat- och dryckesföretag"),
    ),
    "offshore": (
        ("marine and offshore companies", "ports, shipyards and ocean-tech firms"),
        ("marina och havsbaserade företag", "hamnar, varv och havsteknikbolag"),
    ),
    "aerospace": (
        ("space and aviation companies", "aircraft suppliers and space start-ups"),
        ("flyg- och rymdföretag", "underleverantörer till flyg- och rymdindustrin"),
    ),
    "textiles": (
        ("fashion brands, weavers and textile mills", "the textile and apparel industry"),
        ("textil- och modeföretag", "väverier och klädvarumärken"),
    ),
    "ict": (
        ("software houses, telecom firms and digital start-ups", "the digital tech sector"),
        ("IT- och telekomföretag", "mjukvarubolag och digitala start-ups"),
    ),
    "bioeconomy": (
        ("forest owners, pulp mills and bio-based chemistry firms", "the forest-based sector"),
        ("skogsägare, massabruk och biobaserad kemi", "skogsnäringen och bioraffinaderier"),
    ),
    "advanced-manufacturing": (
        ("manufacturers, machine builders and automation suppliers", "the engineering industry"),
        ("tillverkande företag och automationsleverantörer", "verkstadsindustrin"),
    ),
    "energy": (
        ("utilities, grid operators and energy-tech companies", "the energy sector"),
        ("energibolag, nätägare och energiteknikföretag", "energibranschen"),
    ),
    "circular-economy": (
        ("recyclers, reuse businesses and producers", "companies moving to circular models"),
        ("återvinnare och återbruksföretag", "företag som ställer om till cirkulära flöden"),
    ),
    "urban-development": (
        ("municipalities, architects and property owners", "city planners and builders"),
        ("kommuner, arkitekter och fastighetsägare", "stadsplanerare och byggaktörer"),
    ),
}

THEME_SHORT: dict[str, tuple[str, str]] = {
    "life-science": ("BioMed", "Medtech"),
    "health-care": ("Health Tech", "Vård"),
    "food": ("Food", "Mat"),
    "offshore": ("Ocean", "Havs"),
    "aerospace": ("Aero & Space", "Flyg"),
    "textiles": ("Textile", "Textil"),
    "ict": ("Digital", "IT-"),
    "bioeconomy": ("Forest Bio", "Skogs"),
    "advanced-manufacturing": ("Production", "Produktions"),
    "energy": ("Energy", "Energi"),
    "circular-economy": ("Circular", "Återbruks"),
    "urban-development": ("City Lab", "Stads"),
}

NACE: dict[str, tuple[str, ...]] = {
    "life-science": ("21.10", "21.20", "72.11", "32.50"),
    "health-care": ("86.10", "86.90", "32.50", "62.01"),
    "food": ("10.51", "10.89", "01.13", "10.39"),
    "offshore": ("28.11", "35.11", "30.11", "71.12"),
    "aerospace": ("30.30", "51.22", "26.51", "72.19"),
    "textiles": ("13.20", "13.30", "14.13", "13.96"),
    "ict": ("62.01", "61.20", "63.11", "26.11"),
    "bioeconomy": ("17.11", "20.14", "02.20", "20.59"),
    "advanced-manufacturing": ("25.62", "28.41", "28.99", "24.10"),
    "energy": ("35.11", "35.13", "27.20", "27.90"),
    "circular-economy": ("38.32", "38.21", "33.12", "46.77"),
    "urban-development": ("71.11", "42.99", "41.20", "16.23"),
}

CAPABILITY_WORDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "research": (
        ("research capacity", "scientists who can dig into hard questions", "PhD-level expertise"),
        ("forskningskompetens", "akademiska forskare"),
    ),
    "testbed": (
        (
            "test facilities",
            "a place to trial solutions under real conditions",
            "pilot and demo sites",
        ),
        ("testmiljöer", "demonstrationsanläggningar"),
    ),
    "prototyping": (
        ("prototype building", "rapid mock-ups and first versions", "proof-of-concept builds"),
        ("prototypframtagning", "snabba prototyper"),
    ),
    "manufacturing": (
        (
            "production capacity",
            "contract manufacturing",
            "industrial partners who can produce at volume",
        ),
        ("produktionskapacitet", "tillverkning i större serier"),
    ),
    "design": (
        ("industrial design", "user-centred design work", "product and service design"),
        ("design och formgivning", "användarcentrerad design"),
    ),
    "market-access": (
        ("routes to market", "customer introductions and export contacts", "sales channels"),
        ("marknadskontakter", "vägar ut på exportmarknader"),
    ),
    "sme-network": (
        (
            "a broad network of small firms",
            "access to hundreds of SMEs",
            "contacts with small and mid-sized companies",
        ),
        ("ett brett nätverk av småföretag", "många små och medelstora företag"),
    ),
    "training": (
        ("skills programmes", "courses and upskilling", "competence development for staff"),
        ("kompetensutveckling", "kurser och utbildning"),
    ),
    "financing": (
        ("funding and investor contacts", "co-financing", "help to raise capital"),
        ("finansiering och investerarkontakter", "kapital och medfinansiering"),
    ),
    "regulatory": (
        (
            "regulatory know-how",
            "certification and compliance support",
            "guidance through approvals and standards",
        ),
        ("regelverksstöd", "hjälp med certifiering och tillstånd"),
    ),
    "data": (
        ("datasets and data platforms", "shared data infrastructure", "data analytics capacity"),
        ("datamängder och dataplattformar", "dataanalys"),
    ),
}
CAPABILITIES = tuple(CAPABILITY_WORDS)

TOWNS: dict[str, tuple[str, ...]] = {
    "SE110": ("Stockholm", "Solna", "Södertälje", "Kista"),
    "SE121": ("Uppsala", "Enköping"),
    "SE122": ("Eskilstuna", "Nyköping"),
    "SE123": ("Linköping", "Norrköping"),
    "SE124": ("Örebro", "Karlskoga"),
    "SE125": ("Västerås", "Köping"),
    "SE211": ("Jönköping", "Värnamo"),
    "SE212": ("Växjö", "Älmhult"),
    "SE213": ("Kalmar", "Oskarshamn"),
    "SE214": ("Visby",),
    "SE221": ("Karlskrona", "Ronneby"),
    "SE224": ("Malmö", "Lund", "Helsingborg"),
    "SE231": ("Halmstad", "Varberg"),
    "SE232": ("Göteborg", "Borås", "Trollhättan", "Skövde"),
    "SE311": ("Karlstad", "Arvika"),
    "SE312": ("Falun", "Borlänge"),
    "SE313": ("Gävle", "Sandviken"),
    "SE321": ("Sundsvall", "Örnsköldsvik"),
    "SE322": ("Östersund",),
    "SE331": ("Umeå", "Skellefteå"),
    "SE332": ("Luleå", "Kiruna", "Piteå"),
}

COINED = (
    "Nordvik", "Kraftfält", "Sentra", "Vindra", "Lumen", "Fjällnod", "Brygga", "Koda",
    "Strata", "Ankra", "Solvik", "Vävra", "Norrsken", "Tallbo", "Kvarn", "Delta",
)  # fmt: skip

KIND_EN = {
    "cluster": (
        "a cluster organisation",
        "an industry cluster",
        "a business network",
        "a member network",
    ),
    "rdi_platform": (
        "a research and innovation platform",
        "a test and demonstration platform",
        "an innovation arena",
        "an R&D platform",
    ),
}
KIND_SV = {
    "cluster": ("en klusterorganisation", "ett branschnätverk", "ett klusterinitiativ"),
    "rdi_platform": (
        "en forsknings- och innovationsplattform",
        "en testbädd",
        "en innovationsarena",
    ),
}
SUFFIX_EN = {
    "cluster": ("Cluster", "Network", "Alliance", "Forum"),
    "rdi_platform": ("Test Lab", "Innovation Platform", "Arena", "Research Hub"),
}

INTRO_EN = (
    "{name} is {kind} based in {town}, bringing together {theme}.",
    "Founded in {year}, {name} gathers {theme} in and around {town}.",
    "We are {kind} for {theme}, with our office in {town}.",
    "Based in {town}, {name} connects {theme}.",
    "{name} – {kind} for {theme} – has its home in {town}.",
    "Hi! We are {name}, {kind} in {town} serving {theme}.",
)
INTRO_TECH_EN = (
    "{name} is {kind} in {town} that gathers {theme} working on {tech}.",
    "Since {year}, {name} has brought {theme} together around {tech} from its base in {town}.",
    "We are {kind} in {town} for {theme} ({tech} above all).",
)
INTRO_SV = (
    "{name} är {kind} i {town} som samlar {theme}.",
    "Sedan {year} samlar {name} {theme} i {town} med omnejd.",
    "Vi är {kind} för {theme}, med kontor i {town}.",
    "{name} – {kind} för {theme} – finns i {town}.",
)
INTRO_TECH_SV = (
    "{name} är {kind} i {town} som samlar {theme} kring {tech}.",
    "Sedan {year} samlar vi {theme} i {town} kring {tech}.",
)

OFFER_EN = (
    "We offer {offer}.",
    "Members get access to {offer}.",
    "What we bring to a partnership is {offer}.",
    "Our strength lies in {offer}.",
    "Partners can count on us for {offer}.",
    "Through our members we can provide {offer}.",
    "Over the years we have built up {offer}.",
    "Anyone joining a project with us can draw on {offer}.",
    "Our contribution to consortia is typically {offer}.",
    "We are known for {offer}.",
    "On our side of the table: {offer}.",
    "We are happy to put {offer} at the service of the right partners.",
    "Core services include {offer}.",
)
SEEK_EN = (
    "We are looking for {seek}.",
    "What we lack is {seek}.",
    "We would like to connect with partners who bring {seek}.",
    "Our next step requires {seek}, which we do not have in-house.",
    "Partner search: {seek}.",
    "We need {seek} to move forward.",
    "If your organisation can offer {seek}, please get in touch.",
    "The gap we want to close is {seek}.",
    "We are currently seeking {seek}.",
    "The missing piece for us is {seek}.",
    "We'd love to hear from anyone with {seek}.",
    "To scale up we depend on finding {seek}.",
    "Interested in teaming up with groups that have {seek}.",
)
TECH_EN = (
    "Our focus is {tech}.",
    "Most of our work revolves around {tech}.",
    "The technology at the heart of our activities is {tech}.",
    "We work on {tech}.",
    "Current projects deal with {tech}.",
    "Our members develop and apply {tech}.",
    "Much of the activity in the network is about {tech}.",
    "Our roadmap for the coming years centres on {tech}.",
    "We specialise in {tech}.",
    "Technology area: {tech}.",
    "Right now the hot topic among our members is {tech}.",
)
OFFER_TECH_EN = (
    "We offer {offer} (focus: {tech}).",
    "We bring {offer} – mostly around {tech}.",
    "Our members, who work on {tech}, can provide {offer}.",
    "For anyone working with {tech}, we offer {offer}.",
)
SEEK_TECH_EN = (
    "For our work on {tech} we are looking for {seek}.",
    "Looking for {seek} — the topic is {tech}.",
    "We need {seek} for a new project on {tech}.",
    "To take {tech} from lab to market we need {seek}.",
)

OFFER_SV = (
    "Vi erbjuder {offer}.",
    "Hos oss finns {offer}.",
    "Våra medlemmar bidrar med {offer}.",
    "Vi kan bidra med {offer} i gemensamma projekt.",
    "Vår styrka är {offer}.",
    "Partner får tillgång till {offer}.",
    "Vi har byggt upp {offer} under många år.",
)
SEEK_SV = (
    "Vi söker {seek}.",
    "Vi saknar {seek}.",
    "Vi vill komma i kontakt med aktörer som har {seek}.",
    "För nästa steg behöver vi {seek}.",
    "Vi letar efter partner med {seek}.",
    "Det vi behöver är {seek}.",
    "Har ni {seek}? Hör av er!",
)
TECH_SV = (
    "Vårt fokus är {tech}.",
    "Vi arbetar med {tech}.",
    "Verksamheten kretsar kring {tech}.",
    "Våra projekt handlar om {tech}.",
    "Medlemmarna utvecklar {tech}.",
    "Teknikområde: {tech}.",
    "Just nu satsar vi särskilt på {tech}.",
)
OFFER_TECH_SV = (
    "Vi erbjuder {offer} (inriktning: {tech}).",
    "Vi bidrar med {offer} – främst kring {tech}.",
    "Inom {tech} kan vi erbjuda {offer}.",
)
SEEK_TECH_SV = (
    "Inom {tech} söker vi {seek}.",
    "Vi behöver {seek} – området är {tech}.",
    "För att ta {tech} vidare behöver vi {seek}.",
)

FILLER_EN = (
    "We have around {members} member organisations.",
    "Since {year} we have run more than {projects} joint projects.",
    "Every spring we host a matchmaking day in {town}.",
    "Sign up for our monthly newsletter to follow calls and events.",
    "Our annual conference gathers about {people} people.",
    "The network started as a small initiative in {year} and has grown steadily.",
    "Follow this page for news about calls, webinars and study visits.",
    "Our team of {staff} sits in {town}, but we work across Sweden and the Nordics.",
    "We are co-funded by the region and by our members.",
)
FILLER_SV = (
    "Vi har cirka {members} medlemsorganisationer.",
    "Varje höst arrangerar vi en mötesdag i {town}.",
    "Prenumerera på vårt nyhetsbrev för att inte missa utlysningar!",
    "Nätverket startade {year} och har vuxit stadigt sedan dess.",
    "Vi har drivit över {projects} projekt sedan starten.",
    "Kansliet med {staff} medarbetare ligger i {town}.",
)


@dataclass(frozen=True)
class Draft:
    theme: str
    themes: frozenset[str]
    tech: Technology
    offers: frozenset[str]
    seeks: frozenset[str]
    region: str
    role: str
    group: int | None = None
    mirror_of: int | None = None


def _regions() -> dict[str, list[str]]:
    by_nuts2: dict[str, list[str]] = {}
    for region in nuts.regions_of_country("SE"):
        if region.level == 3 and not region.extra_regio:
            by_nuts2.setdefault(region.code[:4], []).append(region.code)
    return by_nuts2


def _join(phrases: list[str], lang: str) -> str:
    if len(phrases) == 1:
        return phrases[0]
    word = " and " if lang == "en" else " och "
    return ", ".join(phrases[:-1]) + word + phrases[-1]


def _capability_phrase(rng: random.Random, slugs: frozenset[str], lang: str) -> str:
    index = 0 if lang == "en" else 1
    ordered = sorted(slugs)
    rng.shuffle(ordered)
    return _join([rng.choice(CAPABILITY_WORDS[s][index]) for s in ordered], lang)


def _town(rng: random.Random, region: str) -> str:
    towns = TOWNS.get(region)
    if towns:
        return rng.choice(towns)
    found = nuts.lookup(region)
    return found.label if found else region


def _name(rng: random.Random, lang: str, kind: str, theme: str, town: str) -> str:
    short_en, short_sv = THEME_SHORT[theme]
    coined = rng.choice(COINED)
    if lang == "en":
        suffix = rng.choice(SUFFIX_EN[kind])
        return rng.choice(
            (
                f"{town} {short_en} {suffix}",
                f"{coined} {suffix}",
                f"{coined} {short_en} {suffix}",
                f"{short_en} {suffix} {town}",
            )
        )
    if kind == "cluster":
        return rng.choice(
            (f"{short_sv}klustret {town}", f"Nätverket {coined}", f"{short_sv}nätverket {coined}")
        )
    return rng.choice((f"Arena {coined}", f"{short_sv}arenan {town}", f"Testbädd {coined}"))


def _describe(
    rng: random.Random, lang: str, kind: str, name: str, town: str, draft: Draft, wording: str
) -> str:
    en = lang == "en"
    facts = {
        "name": name,
        "town": town,
        "kind": rng.choice((KIND_EN if en else KIND_SV)[kind]),
        "theme": rng.choice(THEME_WORDS[draft.theme][0 if en else 1]),
        "tech": wording,
        "offer": _capability_phrase(rng, draft.offers, lang),
        "seek": _capability_phrase(rng, draft.seeks, lang),
        "year": str(rng.randint(1995, 2021)),
        "members": str(rng.choice((25, 40, 60, 85, 120, 150, 200, 300))),
        "projects": str(rng.randint(8, 90)),
        "people": str(rng.choice((150, 200, 300, 450, 600))),
        "staff": str(rng.randint(3, 14)),
    }
    mode = rng.choice(("separate", "separate", "offer", "seek", "intro"))
    intro_set = (INTRO_TECH_EN if en else INTRO_TECH_SV) if mode == "intro" else None
    intro = rng.choice(intro_set or (INTRO_EN if en else INTRO_SV))
    offer = rng.choice(
        (OFFER_TECH_EN if en else OFFER_TECH_SV)
        if mode == "offer"
        else (OFFER_EN if en else OFFER_SV)
    )
    seek = rng.choice(
        (SEEK_TECH_EN if en else SEEK_TECH_SV) if mode == "seek" else (SEEK_EN if en else SEEK_SV)
    )
    core = [offer, seek]
    if rng.random() < 0.35:
        core.reverse()
    if mode == "separate":
        core.insert(rng.randint(0, 2), rng.choice(TECH_EN if en else TECH_SV))
    fillers = rng.sample(FILLER_EN if en else FILLER_SV, rng.randint(0, 2))
    sentences = [intro, *core] if rng.random() < 0.8 else [core[0], intro, *core[1:]]
    for filler in fillers:
        sentences.insert(rng.randint(1, len(sentences)), filler)
    return " ".join(s.format(**facts) for s in sentences)


def _actor(
    rng: random.Random, index: int, draft: Draft, wording: tuple[str, str] | None = None
) -> SyntheticActor:
    lang, text = wording or (
        ("en", rng.choice(draft.tech.en))
        if rng.random() < ENGLISH_SHARE
        else ("sv", rng.choice(draft.tech.sv))
    )
    kind = "cluster" if rng.random() < 0.6 else "rdi_platform"
    town = _town(rng, draft.region)
    name = _name(rng, lang, kind, draft.theme, town)
    codes = rng.sample(NACE[draft.theme], rng.randint(0, 3))
    return SyntheticActor(
        id=index,
        kind=kind,
        name=name,
        region_code=draft.region,
        language=lang,
        description=_describe(rng, lang, kind, name, town, draft, text),
        themes=draft.themes,
        technologies=frozenset({draft.tech.name}),
        offers=draft.offers,
        seeks=draft.seeks,
        nace_codes=frozenset(codes),
        focus=draft.tech.name,
        role=draft.role,
        group=draft.group,
        mirror_of=draft.mirror_of,
        text_only=rng.random() < TEXT_ONLY_SHARE,
    )


def _paraphrases(rng: random.Random, tech: Technology, count: int) -> list[tuple[str, str]]:
    english, swedish = list(tech.en), list(tech.sv)
    rng.shuffle(english)
    rng.shuffle(swedish)
    chosen: list[tuple[str, str]] = []
    for _ in range(count):
        if rng.random() < ENGLISH_SHARE:
            chosen.append(("en", english[len(chosen) % len(english)]))
        else:
            chosen.append(("sv", swedish[len(chosen) % len(swedish)]))
    return chosen


def _other_region(rng: random.Random, regions: dict[str, list[str]], avoid: set[str]) -> str:
    nuts2 = rng.choice(sorted(set(regions) - avoid))
    return rng.choice(regions[nuts2])


def _pick_some(rng: random.Random, pool: list[str], low: int, high: int) -> frozenset[str]:
    return frozenset(rng.sample(pool, rng.randint(low, min(high, len(pool)))))


def generate(seed: int, consortia: int, noise: int) -> Population:
    rng = random.Random(seed)
    regions = _regions()
    themes = sorted(TECHNOLOGIES)
    unused = {theme: list(TECHNOLOGIES[theme]) for theme in themes}
    capacity = sum(len(techs) - 1 for techs in unused.values())
    if consortia > capacity:
        raise ValueError(f"{NAME} plants at most {capacity} consortia, not {consortia}")

    drafts: list[Draft] = []
    wordings: list[tuple[str, str] | None] = []
    planted: list[PlantedConsortium] = []
    members: list[int] = []
    for group in range(consortia):
        theme = rng.choice([t for t in themes if len(unused[t]) >= 2])
        tech = unused[theme].pop(rng.randrange(len(unused[theme])))
        size = rng.choice((3, 3, 4))
        caps = rng.sample(CAPABILITIES, size)
        nuts2s = rng.sample(sorted(regions), size)
        ids = []
        for i, (nuts2, wording) in enumerate(
            zip(nuts2s, _paraphrases(rng, tech, size), strict=True)
        ):
            seeks = frozenset({caps[(i + 1) % size]})
            spare = [c for c in CAPABILITIES if c not in caps]
            offers = frozenset({caps[i]}) | (
                frozenset({rng.choice(spare)}) if rng.random() < 0.4 else frozenset()
            )
            extra = (
                {rng.choice([t for t in themes if t != theme])} if rng.random() < 0.25 else set()
            )
            ids.append(len(drafts))
            drafts.append(
                Draft(
                    theme=theme,
                    themes=frozenset({theme, *extra}),
                    tech=tech,
                    offers=offers,
                    seeks=seeks,
                    region=rng.choice(regions[nuts2]),
                    role="member",
                    group=group,
                )
            )
            wordings.append(wording)
        members.extend(ids)
        planted.append(PlantedConsortium(tuple(ids), theme, tech.name))

    for member_id in members:
        member = drafts[member_id]
        home = {member.region[:4]}
        drafts.append(
            Draft(
                theme=member.theme,
                themes=member.themes,
                tech=rng.choice(unused[member.theme]),
                offers=member.offers,
                seeks=member.seeks,
                region=_other_region(rng, regions, home),
                role="twin",
                group=member.group,
                mirror_of=member_id,
            )
        )
        wordings.append(None)
        elsewhere = rng.choice([t for t in themes if t not in member.themes])
        spare = [c for c in CAPABILITIES if c not in member.seeks]
        offers = member.seeks | _pick_some(rng, spare, 0, 1)
        drafts.append(
            Draft(
                theme=elsewhere,
                themes=frozenset({elsewhere}),
                tech=rng.choice(unused[elsewhere]),
                offers=offers,
                seeks=_pick_some(rng, [c for c in CAPABILITIES if c not in offers], 1, 2),
                region=_other_region(rng, regions, home),
                role="off_theme",
                group=member.group,
                mirror_of=member_id,
            )
        )
        wordings.append(None)

    for _ in range(noise):
        theme = rng.choice(themes)
        offers = _pick_some(rng, list(CAPABILITIES), 1, 2)
        drafts.append(
            Draft(
                theme=theme,
                themes=frozenset({theme}),
                tech=rng.choice(unused[theme]),
                offers=offers,
                seeks=_pick_some(rng, [c for c in CAPABILITIES if c not in offers], 1, 2),
                region=_other_region(rng, regions, set()),
                role="noise",
            )
        )
        wordings.append(None)

    actors = [
        _actor(rng, index, draft, wording)
        for index, (draft, wording) in enumerate(zip(drafts, wordings, strict=True))
    ]
    return finish(NAME, seed, actors, planted, rng)
