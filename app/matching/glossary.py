"""Swedish technical words and their English equivalents, so that a technology named in
one language meets the same technology named in the other ("cellterapi" and "cell
therapy", "vätgaselektrolys" and "hydrogen electrolysis").

A Swedish compound is read as its parts when every part is a word of the glossary
("batterilager" is "batteri" + "lager"; linking letters such as the "s" in
"vindkraftsfundament" are allowed). Words the glossary does not know are left as they
are: a shared spelling still matches.
"""

from functools import lru_cache

import snowballstemmer

# Swedish word (base form) -> English word(s). General technical vocabulary of the
# themes the service works with, not a list of any one population's technologies.
SV_EN = {
    # materials and processes
    "additiv": "additive",
    "analys": "analysis",
    "avfall": "waste",
    "bearbetning": "processing",
    "begagnad": "second-hand",
    "beläggning": "coating",
    "betong": "concrete",
    "biobaserad": "bio-based",
    "bränsle": "fuel",
    "cellulosa": "cellulose",
    "fiber": "fibre",
    "fibrer": "fibres",
    "förädling": "valorisation",
    "färg": "dye",
    "färgämne": "dye",
    "gjutning": "casting",
    "glas": "glass",
    "hantering": "management",
    "kemikalie": "chemical",
    "kemi": "chemistry",
    "kolfiber": "carbon fibre",
    "komposit": "composite",
    "lim": "adhesive",
    "legering": "alloy",
    "läder": "leather",
    "material": "material",
    "metall": "metal",
    "plast": "plastic",
    "pulver": "powder",
    "rening": "treatment",
    "sortering": "sorting",
    "stål": "steel",
    "svetsning": "welding",
    "trä": "wood",
    "träbaserad": "wood-based",
    "tillverkning": "manufacturing",
    "återtillverkning": "remanufacturing",
    "återvinning": "recycling",
    "återbruk": "reuse",
    "förpackning": "packaging",
    "ytbehandling": "surface treatment",
    # manufacturing and robotics
    "automation": "automation",
    "industri": "industrial",
    "industriell": "industrial",
    "laser": "laser",
    "maskin": "machine",
    "montering": "assembly",
    "robot": "robot",
    "robotik": "robotics",
    "sensor": "sensor",
    "styrning": "control",
    "tvilling": "twin",
    "underhåll": "maintenance",
    "prediktiv": "predictive",
    "digital": "digital",
    "fabrik": "factory",
    "produktion": "production",
    "provning": "testing",
    "mätning": "measurement",
    "kvalitet": "quality",
    "verktyg": "tool",
    # energy
    "batteri": "battery",
    "elektrisk": "electric",
    "elektrolys": "electrolysis",
    "elnät": "grid",
    "energi": "energy",
    "fjärrvärme": "district heating",
    "fjärrkyla": "district cooling",
    "fundament": "foundation",
    "kraft": "power",
    "kraftverk": "power plant",
    "laddning": "charging",
    "laddinfrastruktur": "charging infrastructure",
    "lager": "storage",
    "lagring": "storage",
    "nät": "network",
    "sol": "solar",
    "solcell": "solar cell",
    "solenergi": "solar energy",
    "solvärme": "solar thermal",
    "vind": "wind",
    "vindkraft": "wind power",
    "vätgas": "hydrogen",
    "värme": "heating",
    "värmepump": "heat pump",
    "våg": "wave",
    "vågkraft": "wave power",
    "kärnkraft": "nuclear power",
    "biogas": "biogas",
    "drivmedel": "fuel",
    "fordon": "vehicle",
    "elfordon": "electric vehicle",
    "elbil": "electric car",
    "smart": "smart",
    # maritime and aerospace
    "barlast": "ballast",
    "barlastvatten": "ballast water",
    "båt": "boat",
    "drönare": "drone",
    "fartyg": "ship",
    "flyg": "aviation",
    "flygkropp": "airframe",
    "flygledning": "air traffic management",
    "hamn": "port",
    "havs": "marine",
    "hav": "sea",
    "inspektion": "inspection",
    "motor": "engine",
    "raket": "rocket",
    "raketmotor": "rocket engine",
    "bärraket": "launcher",
    "rymd": "space",
    "satellit": "satellite",
    "skrov": "hull",
    "sjöfart": "shipping",
    "undervattens": "subsea",
    "undervatten": "subsea",
    "vatten": "water",
    "flytande": "floating",
    # ICT
    "data": "data",
    "dator": "computer",
    "datorseende": "computer vision",
    "seende": "vision",
    "cybersäkerhet": "cybersecurity",
    "säkerhet": "security",
    "molntjänst": "cloud service",
    "moln": "cloud",
    "nätverk": "network",
    "programvara": "software",
    "mjukvara": "software",
    "språkteknologi": "language technology",
    "språk": "language",
    "teknologi": "technology",
    "teknik": "technology",
    "tjänst": "service",
    "maskininlärning": "machine learning",
    "inlärning": "learning",
    "artificiell": "artificial",
    "intelligens": "intelligence",
    "blockkedja": "blockchain",
    "privat": "private",
    "spel": "games",
    "visualisering": "visualisation",
    "simulering": "simulation",
    "system": "system",
    "uppkopplad": "connected",
    "sakernas internet": "internet of things",
    # life science and health
    "bio": "bio",
    "biobank": "biobank",
    "cell": "cell",
    "diagnostik": "diagnostics",
    "gen": "gene",
    "genterapi": "gene therapy",
    "hjälpmedel": "assistive technology",
    "läkemedel": "pharmaceutical",
    "medicin": "medicine",
    "medicinsk": "medical",
    "mikrobiom": "microbiome",
    "organoid": "organoid",
    "patient": "patient",
    "precision": "precision",
    "rehabilitering": "rehabilitation",
    "terapi": "therapy",
    "vaccin": "vaccine",
    "vård": "care",
    "vårdförlopp": "care pathway",
    "förlopp": "pathway",
    "övervakning": "monitoring",
    "distans": "remote",
    "beslutsstöd": "decision support",
    "beslut": "decision",
    "stöd": "support",
    "klinisk": "clinical",
    "fall": "fall",
    "prevention": "prevention",
    "förebyggande": "prevention",
    "hem": "home",
    "äldre": "elderly",
    "masspektrometri": "mass spectrometry",
    "bildbehandling": "image processing",
    "bild": "image",
    "implantat": "implant",
    "protes": "prosthesis",
    # food and bioeconomy
    "alternativ": "alternative",
    "fermentering": "fermentation",
    "hållbarhet": "shelf-life",
    "förlängd": "extension",
    "jordbruk": "agriculture",
    "livsmedel": "food",
    "livsmedelskedja": "food chain",
    "kedja": "chain",
    "mejeri": "dairy",
    "mjölk": "milk",
    "odling": "cultivation",
    "protein": "protein",
    "spårbarhet": "traceability",
    "växt": "plant",
    "växtbaserad": "plant-based",
    "fisk": "fish",
    "vattenbruk": "aquaculture",
    "bioraffinaderi": "biorefinery",
    "raffinaderi": "refinery",
    "skog": "forest",
    "skogsbaserad": "forest-based",
    "baserad": "based",
    "lignin": "lignin",
    "papper": "paper",
    "insekt": "insect",
    # textiles
    "kläder": "clothing",
    "textil": "textile",
    "trikå": "knitwear",
    "stickning": "knitting",
    "tyg": "fabric",
    "naturlig": "natural",
    "teknisk": "technical",
    # built environment and mobility
    "belysning": "lighting",
    "bostad": "housing",
    "byggande": "construction",
    "bygg": "construction",
    "byggavfall": "construction waste",
    "byggnad": "building",
    "cykel": "bicycle",
    "dagvatten": "stormwater",
    "effektiv": "efficient",
    "energieffektiv": "energy-efficient",
    "gata": "street",
    "gatubelysning": "street lighting",
    "grön": "green",
    "infrastruktur": "infrastructure",
    "kollektivtrafik": "public transport",
    "mobilitet": "mobility",
    "planering": "planning",
    "renovering": "renovation",
    "tak": "roof",
    "trafik": "traffic",
    "transport": "transport",
    "möbel": "furniture",
    "symbios": "symbiosis",
    "elektronik": "electronics",
    "cirkulär": "circular",
    "ekonomi": "economy",
    "liten": "small",
    "små": "small",
}

_SWEDISH = snowballstemmer.stemmer("swedish")
_LINKS = ("", "s", "e", "a", "o")  # letters that may join the parts of a compound
_PART_MIN = 3  # shorter parts would split ordinary words into noise ("el" + ...)


@lru_cache(maxsize=1)
def _by_form() -> dict[str, tuple[str, ...]]:
    """Each glossary word and its Swedish stem -> the English words."""
    out: dict[str, tuple[str, ...]] = {}
    for swedish, english in SV_EN.items():
        words = tuple(english.replace("-", " ").split())
        for form in {swedish, _SWEDISH.stemWord(swedish)}:
            out.setdefault(form, words)
    return out


@lru_cache(maxsize=200_000)
def english_words(word: str) -> tuple[str, ...]:
    """The English words a Swedish word (or compound of glossary words) stands for, or
    an empty tuple when the glossary does not know it."""
    forms = _by_form()
    for form in _forms(word):
        if form in forms:
            return forms[form]
    parts = next((p for p in map(_split, _forms(word)) if p), None)
    return tuple(w for part in parts for w in forms[part]) if parts else ()


def _forms(word: str) -> tuple[str, ...]:
    """The word, and its Swedish stem when that differs: a word that is its own stem is
    looked up as written only, so an English word ("mass") is not taken for the stem
    of a Swedish one ("massa")."""
    stem = _SWEDISH.stemWord(word)
    return (word,) if stem == word else (word, stem)


def _split(word: str) -> list[str] | None:
    """The fewest glossary words (with linking letters) that make up `word`, or None."""
    forms = _by_form()
    best: list[str] | None = None
    for end in range(len(word) - _PART_MIN, _PART_MIN - 1, -1):
        head = word[:end]
        if head not in forms:
            continue
        for link in _LINKS:
            if not word.startswith(link, end):
                continue
            rest = word[end + len(link) :]
            if len(rest) < _PART_MIN:
                continue
            tail = [rest] if rest in forms or _SWEDISH.stemWord(rest) in forms else _split(rest)
            if tail is not None:
                tail = [t if t in forms else _SWEDISH.stemWord(t) for t in tail]
                if best is None or 1 + len(tail) < len(best):
                    best = [head, *tail]
    return best
