"""What a description mentions when no cue says what the actor works on: the phrases
left over once the words naming a theme, a capability, a cue, the organisation itself or
a place are set aside ("I Skåne arbetar Rymdnätverket Skåne med sondraketer, en växande
del av flyg och rymd" mentions "sondraketer").

The reader (app.matching.concepts) uses them as an actor's technologies only when neither
the profile nor a focus cue names one: a leftover phrase is a weaker reading than either.
"""

import re
from collections.abc import Callable, Iterable

MAX_WORDS = 4  # a longer leftover run is a sentence the reader did not parse, not a name

# Words that say what kind of organisation an actor is, where and how it works, or what
# it wants: never part of what it works on.
_ORGANISATION_WORDS = frozenset(
    # organisations and their parts
    {"cluster", "clusters", "kluster", "klustret", "klusterinitiativ", "klusterinitiativet"}
    | {"klusterorganisation", "network", "networks", "nätverk", "nätverket", "platform"}
    | {"plattform", "plattformen", "members", "member", "medlemmar", "medlem", "companies"}
    | {"company", "företag", "företagen", "partner", "partners", "organisation"}
    | {"organisations", "organisationer", "organization", "organizations", "initiative"}
    | {"initiatives", "actors", "aktörer", "team", "lab", "labb", "centre", "center"}
    | {"centrum", "hub", "park", "institute", "institut", "university", "universitet"}
    | {"universitetet", "academia", "akademi", "akademin", "kompetenscentrum", "triple"}
    | {"helix", "science", "rdi", "fou", "sme", "smes", "smf", "startups", "start"}
    # places and reach
    | {"region", "regions", "regionen", "regional", "regionala", "regionalt", "national"}
    | {"nationell", "nationella", "international", "internationell", "internationella"}
    | {"local", "lokal", "lokala", "nordic", "nordisk", "nordiska", "europe", "european"}
    | {"europa", "europeisk", "europeiska", "sweden", "swedish", "sverige", "svenska"}
    # projects and calls
    | {"project", "projects", "projekt", "projektet", "idea", "idé", "idén", "projektidé"}
    | {"call", "calls", "utlysning", "application", "ansökan", "proposal", "consortium"}
    | {"konsortium", "summary", "sammanfattning", "profile", "profil", "entry", "anmälan"}
    # verbs and adjectives of self-description
    | {"based", "located", "baserad", "belägen", "gathering", "gathers", "samlar"}
    | {"brings", "bring", "together", "ihop", "knyter", "connects", "connecting"}
    | {"works", "working", "arbetar", "arbeta", "founded", "grundades", "grundad"}
    | {"strengthen", "stärka", "supports", "support", "stöd", "stödjer", "active"}
    | {"aktiv", "aktiva", "verksam", "verksamma", "verksamhet", "hosted", "serving"}
    | {"serves", "driven", "drivet", "drivna", "fristående", "independent", "growing"}
    | {"växande", "strong", "stark", "starka", "broad", "bred", "brett", "long", "lång"}
    | {"experience", "erfarenhet", "many", "flera", "several", "some", "around", "about"}
    | {"cirka", "year", "years", "new", "nya", "first", "första", "next", "nästa"}
    | {"time", "tid", "help", "hjälp", "contact", "kontakta", "kontakt", "welcome"}
    | {"välkomna", "happy", "glad", "glada", "please", "note", "observera", "what", "vad"}
    | {"its", "dess", "their", "deras", "you", "your", "dig", "er", "ert", "era"}
    | {"part", "del", "area", "område", "field", "fält", "sector", "sektor", "sektorn"}
    | {"industry", "industries", "industri", "industrin", "näringsliv", "näringslivet"}
    | {"public", "offentlig", "offentliga"}
    | {"innovation", "innovations", "innovationer", "research", "forskning"}
    | {"development", "utveckling", "environment", "miljö", "miljöer", "opportunity"}
    | {"möjlighet", "want", "vill", "need", "needs", "behöver", "behov", "looking"}
)

# A capitalised word inside a sentence is a name (a town, an organisation, a person)...
_CAPITALISED_INSIDE = re.compile(r"(?<=[\s,(])([A-ZÅÄÖ][\w\u2011-]+)")
# ...and so is a capitalised first word when the next word is capitalised too.
_NAME_FIRST = re.compile(r"^\W*([A-ZÅÄÖ][\w\u2011-]+)\s+[A-ZÅÄÖ]")


def proper_names(sentence: str) -> frozenset[str]:
    """The lower-cased words a sentence writes as names."""
    found = set(_CAPITALISED_INSIDE.findall(sentence)) | set(_NAME_FIRST.findall(sentence))
    return frozenset(w.lower() for w in found)


def mentioned_runs(
    toks: list[str], skipped: Iterable[int], is_word: Callable[[str], bool]
) -> list[list[int]]:
    """The positions of each run of one to MAX_WORDS words that `is_word` accepts, outside
    `skipped`, that is not an organisation word."""
    skip = set(skipped)
    runs: list[list[int]] = []
    current: list[int] = []
    for p, token in enumerate([*toks, ","]):
        if p < len(toks) and p not in skip and token not in _ORGANISATION_WORDS and is_word(token):
            current.append(p)
            continue
        if 0 < len(current) <= MAX_WORDS:
            runs.append(current)
        current = []
    return runs
