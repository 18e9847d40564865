"""More ways writers name the standard capabilities and themes than a vocabulary's
synonyms lists: everyday English and Swedish wordings of each capability ("large curated
datasets", "stora datamängder", "guidance through permitting", "kompetenslyft") and the
sectors as they are commonly called ("the engineering industry", "verkstadsindustrin",
"the blue economy", "biopharma").

The reader adds them to the capability or theme of the same slug when the vocabulary has
it; a vocabulary without that slug ignores them. Left out: words that mostly name a
technology or say something else ("AI", "sensors", "lab"; "sales" as in "combined sales of
2 billion", "permits" as a verb, "tillstånd" as a condition): in a clause that neither
offers nor seeks, a capability word still counts as one. Theme words place an actor in a
sector; they are not technologies that merely belong to one.
"""

from collections.abc import Mapping

CAPABILITY_WORDINGS: dict[str, tuple[str, ...]] = {
    "research": (
        "PhD-level expertise",
        "PhD",
        "doctoral",
        "scientific know-how",
        "scientists",
        "academic expertise",
        "academic research",
        "research capacity",
        "disputerad",
        "disputerade",
        "forskarkompetens",
        "forskningskapacitet",
        "forskningsmiljö",
        "akademisk forskning",
        "vetenskaplig expertis",
    ),
    "testbed": (
        "testing and demonstration",
        "test and demonstration",
        "test environment",
        "test environments",
        "test site",
        "test range",
        "test ranges",
        "testbana",
        "testbanor",
        "test sites",
        "test arena",
        "demo plant",
        "demonstration plant",
        "demonstration site",
        "pilot-scale facilities",
        "pilot line",
        "real-world trials",
        "demoanläggning",
        "demonstrationsanläggning",
        "testanläggning",
        "testmiljöer",
        "pilotlina",
        "pilotskala",
    ),
    "prototyping": (
        "proof-of-concept",
        "concept verification",
        "mock-ups",
        "prototype workshop",
        "konceptverifiering",
        "konceptmodeller",
        "prototypverkstad",
        "prototypverkstäder",
        "prototypframtagning",
    ),
    "manufacturing": (
        "series production",
        "volume production",
        "produce in volume",
        "serieproduktion",
        "volymproduktion",
        "producera i volym",
        "tillverkande företag",
        "fullskalig produktion",
    ),
    "design": (
        "UX",
        "interaction design",
        "designers",
        "design thinking",
        "formgivning",
        "formgivare",
        "interaktionsdesign",
        "designkompetens",
    ),
    "market-access": (
        "commercialisation",
        "commercialization",
        "market intelligence",
        "customer introductions",
        "kommersialisering",
        "marknadsanalys",
        "kundintroduktioner",
        "kundkontakter",
        "exportstöd",
    ),
    "sme-network": (
        "small companies",
        "member base",
        "småbolag",
        "medlemsbas",
    ),
    "training": (
        "training modules",
        "skills development",
        "staff training",
        "kompetenslyft",
        "personalutbildning",
        "utbildningsinsatser",
        "utbildningsprogram",
    ),
    "financing": (
        "fund",
        "funds",
        "seed funding",
        "loans",
        "innovation vouchers",
        "grant writing",
        "fond",
        "innovationsfond",
        "lån",
        "innovationscheckar",
        "ansökningsskrivande",
    ),
    "regulatory": (
        "guidance through permitting",
        "permitting processes",
        "permit applications",
        "approval processes",
        "tillståndsprocesser",
        "godkännandeprocesser",
    ),
    "data": (
        "datasets",
        "data sets",
        "data science",
        "data scientists",
        "datamängder",
        "datamängd",
        "datavetenskap",
        "datavetenskaplig",
        "sensordata",
    ),
}

THEME_WORDINGS: dict[str, tuple[str, ...]] = {
    "life-science": (
        "biopharma",
        "biopharmaceuticals",
        "drug development",
        "drug discovery",
        "biovetenskap",
        "biovetenskaplig",
        "läkemedelsutveckling",
        "läkemedelsindustri",
    ),
    "health-care": (
        "social care",
        "health tech",
        "healthtech",
        "patients",
        "hälsoteknik",
        "patienter",
        "vårdsektorn",
    ),
    "offshore": ("blue economy", "maritime sector", "blå ekonomi", "blå ekonomin"),
    "aerospace": ("aeronautical", "space sector", "space industry", "rymdsektorn"),
    "ict": (
        "connectivity",
        "digital technologies",
        "information technology",
        "uppkoppling",
        "digitala tekniker",
        "informationsteknik",
    ),
    "bioeconomy": (
        "bio-based industries",
        "bio-based industry",
        "forest-based industries",
        "biobaserad industri",
        "skogsnäring",
        "skogsnäringen",
    ),
    "advanced-manufacturing": (
        "engineering industry",
        "smart production",
        "production technology",
        "verkstadsindustri",
        "smart produktion",
        "produktionsteknik",
    ),
    "energy": (
        "electric vehicles",
        "energy transition",
        "power grid",
        "elfordon",
        "energiomställning",
        "elnät",
        # farms of power, not of food
        "wind farm",
        "wind farms",
        "solar farm",
        "solar farms",
    ),
    "circular-economy": ("resource recovery", "circular value chains", "cirkulära värdekedjor"),
    "urban-development": ("neighbourhoods", "urban planning", "stadsdelar", "samhällsplanering"),
}


def with_wordings(
    phrases: Mapping[str, tuple[str, ...]], wordings: Mapping[str, tuple[str, ...]]
) -> dict[str, tuple[str, ...]]:
    """A vocabulary's phrases, each slug's further wordings added."""
    return {slug: (*own, *wordings.get(slug, ())) for slug, own in phrases.items()}
