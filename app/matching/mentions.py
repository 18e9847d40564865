"""What a description mentions when no cue says what the actor works on: the phrases
left over once the words naming a theme, a capability, a cue, the organisation itself or
a place are set aside ("I Skåne arbetar Rymdnätverket Skåne med sondraketer, en växande
del av flyg och rymd" mentions "sondraketer").

The reader (app.matching.concepts) uses them as an actor's technologies only when neither
the profile nor a focus cue names one: a leftover phrase is a weaker reading than either.
"""

import re
from collections.abc import Callable, Iterable

from stop_words import get_stop_words

MAX_WORDS = 4  # a longer leftover run is a sentence the reader did not parse, not a name

# Words that say what kind of organisation an actor is, where and how it works, or what
# it wants: never part of what it works on. Nouns that also name technologies ("neural
# networks", "decision support", "data centre", "wind park") are not listed.
_ORGANISATION_WORDS = frozenset(
    # organisations and their people
    {"kluster", "klustret", "klusterinitiativ", "klusterinitiativet", "klusterorganisation"}
    | {"nätverk", "nätverket", "plattformen", "members", "member", "medlemmar"}
    | {"medlemmarna", "medlem", "companies", "company", "företag", "företagen", "partner"}
    | {"partners", "organisation", "organisations", "organisationer", "organization"}
    | {"organizations", "initiative", "initiatives", "actors", "aktörer", "aktörerna"}
    | {"team", "institute", "institut", "university", "universities", "universitet"}
    | {"universitetet", "academia", "akademi", "akademin", "kompetenscentrum", "triple"}
    | {"helix", "rdi", "fou", "smes", "smf", "startups", "kommun", "kommunen", "kommuner"}
    | {"län", "länet", "municipality", "municipalities", "förening", "association"}
    # places and reach
    | {"region", "regions", "regionen", "regioner", "regional", "regionala", "regionalt"}
    | {"national", "nationell", "nationella", "international", "internationell"}
    | {"internationella", "nordic", "nordisk", "nordiska", "europe", "european", "europa"}
    | {"europeisk", "europeiska", "sweden", "swedish", "sverige", "svenska", "svensk"}
    # projects and calls
    | {"project", "projects", "projekt", "projektet", "idea", "idé", "idén", "projektidé"}
    | {"call", "calls", "utlysning", "application", "ansökan", "proposal", "consortium"}
    | {"konsortium", "summary", "sammanfattning", "profile", "profil", "entry", "anmälan"}
    # verbs, adjectives and pronouns of self-description
    | {"based", "located", "baserad", "belägen", "gathering", "gathers", "samlar"}
    | {"brings", "bring", "together", "ihop", "knyter", "connects", "connecting"}
    | {"works", "working", "arbetar", "arbeta", "founded", "grundades", "grundad"}
    | {"established", "strengthen", "stärka", "supports", "stödjer", "active", "aktiv"}
    | {"aktiva", "verksam", "verksamma", "verksamhet", "hosted", "serving", "serves"}
    | {"driven", "drivet", "drivna", "drivs", "fristående", "independent", "growing"}
    | {"växande", "strong", "stark", "starka", "broad", "bred", "brett", "experience"}
    | {"erfarenhet", "many", "flera", "several", "some", "cirka", "year", "years", "new"}
    | {"nya", "first", "första", "next", "nästa", "help", "hjälp", "contact", "kontakta"}
    | {"kontakt", "welcome", "välkomna", "happy", "glad", "glada", "please", "note"}
    | {"observera", "what", "vad", "you", "your", "dig", "er", "ert", "era", "them"}
    | {"they", "sin", "sina", "sitt", "att", "idag", "today", "more", "mer", "mycket"}
    | {"part", "del", "area", "område", "sector", "sektor", "sektorn", "industry"}
    | {"industries", "industri", "industrin", "näringsliv", "näringslivet", "innovation"}
    | {"innovations", "innovationer", "research", "forskning", "opportunity"}
    | {"möjlighet", "want", "vill", "need", "needs", "behöver", "behov", "looking"}
    | {"roadmap", "roadmaps", "färdplan", "färdplanen", "bas", "stage", "skede"}
    | {"innovationsmiljö", "innovationsmiljön", "branschnätverk", "branschnätverket"}
    | {"innovationsplattform", "innovationsplattformen", "forskningsplattform"}
    # plans, calls and collaboration ("planerad finansiering: Vinnovas program för
    # interregional samverkan", "vi siktar på att", "where our members see")
    | {"interregional", "interregionala", "interregionalt", "interreg", "program"}
    | {"programme", "programmet", "planerad", "planerade", "planned", "applicant"}
    | {"sökande", "siktar", "aim", "aims", "beräknas", "projekttiden", "ser", "see"}
    | {"sees", "samverkan", "samarbete", "collaboration", "cooperation", "kompetens"}
    | {"competence", "competences", "frågor", "questions", "löst", "solved"}
    | {"operates", "operate", "interested", "parties", "intresserade"}
    | {"området", "områden", "organisationen"}
)
# The last part of a Swedish compound that names an organisation ("näringslivsinitiativ",
# "medlemsorganisation", "samarbetspartner"), after a first part of four letters or more.
# ("-nätverk" and "-plattform" are left out: "sensornätverk", "molnplattform" are
# technologies.)
_ORGANISATION_HEADS = (
    *("kluster", "klustret", "initiativ", "initiativet", "organisation", "organisationen"),
    *("partner", "partnern", "partners"),
)
# Function words of either language (the stop-words package's lists): a phrase of them
# alone ("someone", "like", "helst") is never what an actor works on. Inside a phrase they
# stay: the English list also holds "computer", "system", "fire", "open", "small".
_FUNCTION_WORDS = frozenset(get_stop_words("english")) | frozenset(get_stop_words("swedish"))


def is_organisation_word(word: str) -> bool:
    return word in _ORGANISATION_WORDS or (
        word.endswith(_ORGANISATION_HEADS)
        and any(word.endswith(head) and len(word) >= len(head) + 4 for head in _ORGANISATION_HEADS)
    )


def is_function_word(word: str) -> bool:
    return word in _FUNCTION_WORDS


# A word written in title case inside a sentence is a name (a town, an organisation, a
# person), and so is one opening a sentence when the next word is one too. Acronyms and
# words with capitals inside ("AI", "CubeSats", "LiDAR") are not: they name technologies.
_TITLE = r"[A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)*"
_CAPITALISED_INSIDE = re.compile(rf"(?<=[\s,(])({_TITLE})\b(?![\w-])")
_NAME_FIRST = re.compile(rf"^\W*({_TITLE})\s+{_TITLE}\b(?![\w-])")


def proper_names(sentence: str) -> frozenset[str]:
    """The lower-cased words a sentence writes as names ("Stockholm-Mälardalen" as its
    two words)."""
    found = _CAPITALISED_INSIDE.findall(sentence) + _NAME_FIRST.findall(sentence)
    return frozenset(part.lower() for name in found for part in re.split(r"[-\u2011]", name))


def mentioned_runs(
    toks: list[str], skipped: Iterable[int], is_word: Callable[[str], bool]
) -> list[list[int]]:
    """The positions of each run of one to MAX_WORDS words that `is_word` accepts, outside
    `skipped`. An organisation word next to a run cuts a phrase in two ("drug development",
    "GPU clusters"): what is left of it is no phrase, so such a run is dropped."""
    skip = set(skipped)
    runs: list[list[int]] = []
    current: list[int] = []
    cut = False  # the run began right after an organisation word
    for p, token in enumerate([*toks, ","]):
        organisation = is_organisation_word(token)
        if p < len(toks) and p not in skip and not organisation and is_word(token):
            current.append(p)
            continue
        if 0 < len(current) <= MAX_WORDS and not cut and not organisation:
            runs.append(current)
        current = []
        cut = organisation
    return runs
