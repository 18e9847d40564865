"""Reading themes, capabilities offered and sought, and technologies out of free text, in
Swedish and English.

Words are compared by their Snowball stems in both languages ("beds" is "bed",
"biobanker" is "biobank"), and a vocabulary stem of five letters or more also matches the
start of a longer word, so Swedish compounds are found ("testbädd" in "testbäddsmiljö",
"prototyp" in "prototyputveckling"), and a word of six letters or more also matches the
end of a compound, its head ("analys" in "dataanalys"); shorter words must match whole
("mat" is not "material"). A match by prefix only is weak evidence: a single weak word ("healthier")
does not make a theme.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer

from app.matching.glossary import compound_head, english_words
from app.matching.mentions import (
    is_function_word,
    is_organisation_word,
    mentioned_runs,
    proper_names,
)

# A colon joins a cue to what it introduces ("What we are missing: test beds"), so it is a
# clause mark like a comma, not a sentence end.
_WORD = "[0-9a-zåäöéüæø]+"
_TOKEN = re.compile(rf"{_WORD}(?:\u2011{_WORD})*|[,:]")
_SENTENCE = re.compile(r"[.;!?\n()]+")
# A short aside in brackets mostly names the same thing again, in other words ("organchip
# (mikrofysiologiska system)", "ATMP (advanced therapy medicinal products)"): it is read
# as one more item of the clause it stands in.
_ASIDE = re.compile(r"\(([^()]{1,80})\)")
PREFIX_MIN = 5
GRAM = 4  # letters in the n-grams that relate two spellings of a technology
STRONG, WEAK = 1.0, 0.5  # evidence of a whole-word and of a prefix-only match

_SWEDISH = snowballstemmer.stemmer("swedish")
_ENGLISH = snowballstemmer.stemmer("english")

# Cue phrases, as lower-case word tuples. What follows a seek cue is sought until an offer
# cue starts a new clause ("Looking for testbeds, and we offer SMEs"); an offer verb right
# after a relative word stays sought ("söker partner som erbjuder testbäddar").
SEEK_CUES = tuple(
    tuple(cue.split())
    for cue in (
        "söker",
        "söka",
        "letar efter",
        "letar",
        "behöver",
        "behov av",
        "efterfrågar",
        "efterlyser",
        "saknar",
        "vill hitta",
        "vill samarbeta med",
        "vill samverka med",
        "vill träffa",
        "vill möta",
        "vill komma i kontakt med",
        "önskar",
        "intresserade av att träffa",
        "seek",
        "seeks",
        "seeking",
        "looking for",
        "look for",
        "looks for",
        "searching for",
        "in search of",
        "need",
        "needs",
        "want",
        "wants",
        "lack",
        "lacks",
        "require",
        "requires",
        "would like to meet",
        "would like to find",
        "would like to work with",
        "wish to meet",
        "hope to find",
        "interested in meeting",
        "interested in",
        "intresserade av",
        "welcome",
        "welcomes",
        "välkomnar",
        "on the lookout for",
        "hoping to find",
        "söker efter",
        "missing",
        "miss",
        "saknas",
        "sought",
        "sökes",
        "efterfrågas",
        "önskad partner",
        "önskade partner",
        "would welcome",
        "we are after",
        "vi letar",
        "partners wanted",
        "partner wanted",
        "wanted ,",
        "efterlyses",
        "would love to find",
        "would love to meet",
        "would love to team up with",
        "would love to work with",
        "would like to team up with",
        "keen to find",
        "keen to meet",
        "keen to team up with",
        "keen to work with",
        "eager to find",
        "eager to meet",
        "eager to work with",
        "open to partners",
        "partner search",
        "would like to connect with",
        "like to connect with",
        "love to hear from",
        "like to hear from",
        "do you have",
        "har ni",
        "if your organisation can",
        "if your organization can",
        "if you can offer",
        "if you can provide",
        "if you have",
        "om ni kan erbjuda",
        "om ni har",
        "open to partnering with",
        "open for collaboration with",
        "open to collaboration with",
        "skulle hitta",
        "skulle vilja hitta",
        "skulle vilja träffa",
        "skulle vilja samarbeta med",
        "öppna för partner",
        "öppna för samarbete med",
    )
)
# Cues that follow what is sought ("Venture capital – that is what we are looking for",
# "Partners with CE marking expertise are welcome"): the clause before them seeks.
TRAILING_SEEK_CUES = tuple(
    tuple(cue.split())
    for cue in (
        "is what we seek",
        "is what we are looking for",
        "is what we need",
        "are what we seek",
        "are what we are looking for",
        "are what we need",
        "that is what we seek",
        "that is what we are looking for",
        "that is what we need",
        "det är vad vi söker",
        "det är vad vi behöver",
        "det är det vi söker",
        "är vad vi söker",
        "är vad vi behöver",
        "är det vi söker",
    )
)
# Trailing cues that seek only with a partner as their subject: "Partners with CE marking
# expertise are welcome" seeks, "New members are welcome" and "Our pilot plant would be a
# great fit for SMEs" do not (nor "... are welcome to contact us").
TRAILING_WELCOME_CUES = tuple(
    tuple(cue.split())
    for cue in (
        "is welcome",
        "are welcome",
        "are very welcome",
        "are most welcome",
        "would be welcome",
        "would be most welcome",
        "would be very welcome",
        "would be a great fit",
        "would be a good fit",
        "would be a perfect fit",
        "är välkommen",
        "är välkomna",
        "är mycket välkomna",
        "vore välkommen",
        "vore välkomna",
        "skulle passa bra",
    )
)
_TRAILING_SEEK_STARTS = frozenset(c[0] for c in TRAILING_SEEK_CUES + TRAILING_WELCOME_CUES)
_INVITING = frozenset({"to", "att", "for", "för"})  # "are welcome to", "a great fit for"
# Seek cues that seek only after the actor itself ("we would benefit from", not "SMEs would
# benefit from our training")...
OWN_SEEK_CUES = tuple(
    tuple(cue.split()) for cue in ("would benefit from", "could benefit from", "skulle ha nytta av")
)
# ...or after a partner ("partners should have", not "we should have our demonstrator
# ready").
PARTNER_SEEK_CUES = tuple(
    tuple(cue.split())
    for cue in ("should have", "should bring", "should offer", "bör ha", "bör kunna")
)
OFFER_CUES = tuple(
    tuple(cue.split())
    for cue in (
        "erbjuder",
        "erbjuda",
        "tillhandahåller",
        "bidrar med",
        "vi har",
        "vi kan",
        "offer",
        "offers",
        "offering",
        "provide",
        "provides",
        "providing",
        "bring",
        "brings",
        "contribute",
        "contributes",
        "we have",
        "we run",
        "vi driver",
        "deliver",
        "delivers",
        "levererar",
        "kan bidra med",
        "delar med oss av",
        "strengths include",
        "our strengths",
        "expertise offered",
        "hos oss finns",
        "erfarenhet av",
        "get access to",
        "får tillgång till",
        "vår styrka",
        "våra styrkor",
        "tillför",
        "tillföra",
        "bidra med",
        "our contribution",
        "vårt bidrag",
        "can give",
        "we give",
        "can count on us for",
        "count on us for",
    )
)
# Offer verbs that say what someone gives; with a partner as their subject and a wish or a
# condition next to it ("ideally a partner would bring", "helst ska en partner tillföra",
# "someone who can provide") they say what is sought. Without one ("partners offer test
# beds through our programme", "the region offers financing") they state a fact.
_GIVING = frozenset(
    {"offer", "offers", "provide", "provides", "bring", "brings", "contribute", "contributes"}
    | {"deliver", "delivers", "erbjuda", "erbjuder", "tillföra", "tillför", "bidra"}
)
_THIRD_PARTIES = frozenset(
    {"partner", "partners", "partnern", "someone", "somebody", "anyone", "någon", "aktör"}
    | {"parties"}
    | {"aktörer", "organisations", "organizations", "organisationer", "others"}
)
_WISHES = frozenset(
    {"would", "could", "should", "can", "might", "ideally", "preferably", "ska", "skulle"}
    | {"bör", "kan", "kunna", "helst", "gärna"}
)
# Offer verbs that do not offer: "brings together companies and researchers" says who the
# members are, not what the actor offers.
NOT_OFFER_CUES = tuple(
    tuple(cue.split())
    for cue in ("bring together", "brings together", "bringing together", "samlar", "samla")
)
# A capability right after one of these is not offered or sought ("we do not offer
# manufacturing", "vi saknar inte finansiering" is rare enough to ignore).
NEGATIONS = frozenset({"not", "no", "never", "inte", "ej", "ingen", "inga", "aldrig"})
NEGATION_REACH = 3  # words back from a capability (or a cue) that a negation covers
_RELATIVE = frozenset({"som", "that", "which", "who", "can", "could", "kan", "vilka", "vilken"})
_OWN = frozenset({"we", "vi", "i", "our", "us", "oss"})
_CAN = frozenset({"can", "could", "kan"})
_RELATIVE_PRONOUNS = _RELATIVE - _CAN

# A technology or focus phrase follows these ("with a focus on biobanking").
FOCUS_CUES = tuple(
    tuple(cue.split())
    for cue in (
        "focus on",
        "focuses on",
        "focused on",
        "focusing on",
        "specialised in",
        "specialized in",
        "specialising in",
        "specializing in",
        "specialists in",
        "specialise in",
        "specialize in",
        "expertise in",
        "expert in",
        "experts in",
        "fokus på",
        "fokuserar på",
        "inriktning mot",
        "inriktning på",
        "inriktade på",
        "inriktad på",
        "specialiserade på",
        "specialiserad på",
        "specialiserat på",
        "specialister på",
        "expertis inom",
        "expertis på",
        "spetskompetens inom",
        "core expertise",
        "core competence",
        "kärnkompetens",
        "focus is on",
        "focus lies on",
        "expertise lies in",
        "deal with",
        "deals with",
        "handlar om",
        "handlat om",
        "handlade om",
        "built around",
        "centred on",
        "centered on",
        "revolves around",
        "kretsar kring",
        "revolved around",
        "revolve around",
        "byggd kring",
        "byggt kring",
        "effort on",
        "satsning på",
        "main area",
        "huvudområde",
        "technology focus",
        "teknikfokus",
        "inriktning är",
        "kärnkompetens är",
        "fokus ligger på",
        "key technology",
        "nyckelteknik",
        "teknikområde",
        "develop",
        "develops",
        "developing",
        "utvecklar",
        "work on",
        "works on",
        "working on",
        "arbete kring",
        "arbetet med",
        "arbetar med",
        "arbetar kring",
        # What a project or a network is about: the wording of partner searches and
        # project ideas ("a project on X", "en pilot kring X", "joint development of X").
        "project on",
        "project about",
        "projekt om",
        "projekt kring",
        "pilot on",
        "pilot kring",
        "focus area",
        "fokusområde",
        "know how in",
        "the topic is",
        "området är",
        "ämnet är",
        "at the heart of our activities is",
        "at the heart of our work is",
        "hot topic among our members is",
        "the hot topic is",
        "current priority",
        "our priority",
        "main priority",
        "top priority",
        "core competences",
        "core competencies",
        "kärnkompetenser",
        "areas of expertise",
        "area of expertise",
        "areas of expertise include",
        "expertise includes",
        "expertise include",
        "core business",
        "kärnverksamhet",
        "competence in",
        "kompetens inom",
        "är bra på",
        "är duktiga på",
        "är starka på",
        "starka inom",
        "styrka inom",
        "kunnande inom",
        "fokusområden",
        # "Our focus is X", "Our focus: X", "Vårt fokus är X"
        "our focus",
        "our focus on",
        "our main focus",
        "our main focus on",
        "our focus areas",
        "our focus areas include",
        "focus areas",
        "focus areas include",
        "vårt fokus",
        "vårt fokus på",
        "vårt huvudfokus",
    )
)
# Cues that often but not always introduce what the work is about ("we work with SMEs",
# "the development of the region"): what follows them counts as a mention
# (app.matching.mentions), never as a stated focus.
WEAK_FOCUS_CUES = tuple(
    tuple(cue.split())
    for cue in (
        "work with",
        "works with",
        "working with",
        "development of",
        "utveckling av",
        "build on",
        "builds on",
        "bygger på",
        "scale up",
        "skala upp",
        "scaling",
    )
)
_FOCUS_WORDS = 4
_OF = frozenset({"of", "av"})  # joins the words of one focus phrase
_FOR = frozenset({"for", "för"})
# A focus phrase ends at a verb of time or being ("Our work on X started in 2007")...
_PHRASE_ENDS = frozenset(
    {"started", "startade", "began", "började", "has", "have", "har", "was", "var", "were"}
    | {"will", "ska", "kommer", "became", "blev", "would", "could", "should", "skulle", "kunde"}
)
# ...and these verbs, joined to a cue, are skipped ("develop and commercialise X").
_PHRASE_VERBS = frozenset(
    {"commercialise", "commercialize", "kommersialiserar", "produce", "producerar"}
    | {"test", "testar", "sell", "säljer", "market", "marknadsför", "manufacture"}
    | {"apply", "applies", "tillämpar", "use", "uses", "använder"}
)
_JOINERS = frozenset({"and", "och", "or", "eller", "samt", "plus"})
_STOPS = frozenset(
    [
        "for",
        "in",
        "within",
        "inom",
        "för",
        "i",
        "to",
        "till",
        "at",
        "på",
        "of",
        "av",
        "som",
        "that",
        "which",
        "with",
        "med",
        "by",
        "from",
        "we",
        "vi",
        "our",
        "vår",
        "vårt",
        "våra",
        "is",
        "are",
        "är",
        "och",
        "and",
        "is",
        "it",
        "det",
        "den",
        "this",
        "these",
        "where",
        "där",
        "who",
        "whose",
        "while",
        "medan",
        "but",
        "men",
        "also",
        "även",
        "så",
        "as",
        # Prepositions that end a focus phrase like "for" and "in" do ("återvinning av
        # näringsämnen ur slam" is not read up to a dangling "ur").
        "ur",
        "från",
        "from",
        "mellan",
        "between",
        "vid",
        "hos",
        "om",
        "about",
        "mot",
        "towards",
        "into",
        "via",
        "genom",
        "through",
        "bland",
        "among",
        "över",
        "utanför",
        "across",
        "beyond",
        "outside",
        "around",
        "runt",
        "kring",
        "efter",
        "after",
        "before",
        "före",
        "inför",
        "during",
        "under",
        "utan",
        "without",
        "than",
        "än",
        "since",
        "sedan",
        "until",
        "tills",
        "ourselves",
        "themselves",
    ]
)
# Definite and plural endings of Swedish nouns.
_SWEDISH_ENDINGS = frozenset(
    {"n", "en", "et", "t", "na", "er", "ar", "or", "erna", "arna", "orna", "ena", "ns", "ens"}
)
# Words that with a theme's name name its sector ("the food industry").
_SECTOR_WORDS = frozenset(
    {"industry", "industries", "sector", "sectors", "field", "area", "bransch", "sektor"}
)
# Compound heads that make a theme word the name of its sector.
_SECTOR_HEADS = ("bransch", "industri", "näring", "sektor", "område", "omställning")
_LEADING = frozenset({"the", "a", "an", "en", "ett", "det", "den", "de"})
# Auxiliary and modal verbs never name a theme or capability. Stemmed in the other
# language they can meet a vocabulary word: the Swedish stemmer makes "have" "hav" (sea),
# so every "We have ..." read as the maritime theme.
_AUXILIARIES = frozenset(
    {"have", "has", "had", "having", "is", "are", "was", "were", "be", "been", "being"}
    | {"do", "does", "did", "will", "would", "shall", "should", "can", "could", "may"}
    | {"might", "must", "har", "hade", "haft", "är", "var", "varit", "blir", "blev"}
    | {"ska", "skall", "skulle", "kan", "kunde", "måste", "bör", "borde"}
)


def _content(word: str) -> bool:
    return word not in _STOPS and word not in _LEADING


# Words whose stems meet an unrelated word's: the English stemmer makes "mobility" and
# "mobile" one ("mobil"), and "circular" and "circulation". They keep a stem of their own.
_OWN_STEMS = {
    "mobility": "mobility",
    "mobilities": "mobility",
    "circular": "circular",
}


@lru_cache(maxsize=200_000)
def stems(word: str) -> frozenset[str]:
    """The word and its Swedish and English stems: two words are one if these meet."""
    if word in _OWN_STEMS:
        return frozenset({word, _OWN_STEMS[word]})
    return frozenset({word, _SWEDISH.stemWord(word), _ENGLISH.stemWord(word)})


@lru_cache(maxsize=200_000)
def canonical(word: str) -> str:
    """One spelling for a word in either language: its shortest stem."""
    return min(stems(word), key=lambda s: (len(s), s))


# A Swedish compound left open before "och"/"eller" shares the next word's head: "fisk- och
# grönsaksodling" is "fiskodling och grönsaksodling". Parts and word are bounded in number
# and length, so the search stays linear in the text whatever it holds.
_SUSPENDED = re.compile(r"\b((?:\w{1,40}-,?\s+){1,4})(och|eller|samt|and|or)\s+(\w{6,40})\b")
_OPEN_PART = re.compile(r"(\w+)-")


def _close_compounds(match: re.Match[str]) -> str:
    head = compound_head(match.group(3))
    if head is None:
        return match.group(0)
    parts = _OPEN_PART.sub(lambda m: m.group(1) + head, match.group(1))
    return f"{parts}{match.group(2)} {match.group(3)}"


# A chain of three or more hyphenated words is one word ("textile-to-textile",
# "product-as-a-service", "organ-på-chip"): the little words inside it end no phrase. Its
# hyphens become non-breaking ones, which a word may hold.
_HYPHEN_CHAIN = re.compile(r"\b[^\W\d_]\w{0,39}(?:-[^\W\d_]\w{0,39}){2,6}\b")
_IN_WORD_HYPHEN = "\u2011"


def tokens(text: str) -> list[str]:
    """Lower-case words, with commas and colons kept as clause marks (both as ",")."""
    text = _SUSPENDED.sub(_close_compounds, text.lower())
    text = _HYPHEN_CHAIN.sub(lambda m: m.group(0).replace("-", _IN_WORD_HYPHEN), text)
    return ["," if t == ":" else t for t in _TOKEN.findall(text)]


def words(text: str) -> list[str]:
    return [t for t in tokens(text) if t != ","]


@lru_cache(maxsize=200_000)
def concept_stems(word: str) -> tuple[str, ...]:
    """A word as the stems of its English equivalent (app.matching.glossary), or as its
    own stem when the glossary does not know it: the same in both languages."""
    return tuple(canonical(w) for w in english_words(word)) or (canonical(word),)


def technology_key(phrase: str) -> str:
    """The concept a technology or focus phrase names: its words' stems in either
    language, in alphabetical order ("monitoring of patients" is "patient monitoring")."""
    parts = [part for w in words(phrase) for part in w.split(_IN_WORD_HYPHEN)]
    stems_ = {s for w in parts if _content(w) for s in concept_stems(w)}
    return " ".join(sorted(stems_))


# Words that name what kind of thing a technology is, not what it is about: "energy
# storage systems" and "water treatment systems" share only "systems", and are not close.
# A technology keeps them in its key, but they never relate two technologies by their
# words or letters (see app.matching.features).
_GENERIC_TECHNOLOGY_WORDS = (
    {"system", "systems", "solution", "solutions", "technology", "technologies", "product"}
    | {"products", "service", "services", "method", "methods", "process", "processes"}
    | {"application", "applications", "tool", "tools", "device", "devices", "equipment"}
    | {"platform", "platforms", "development", "based", "innovation", "innovations"}
    | {"advanced", "new", "novel", "lösning", "lösningar", "teknik", "tekniker", "teknologi"}
    | {"teknologier", "produkt", "produkter", "tjänst", "tjänster", "metod", "metoder"}
    | {"processer", "tillämpning", "tillämpningar", "verktyg", "utrustning", "plattform"}
    | {"plattformar", "utveckling", "baserad", "baserade", "innovationer", "avancerad"}
    | {"avancerade", "ny", "nya"}
)
GENERIC_TECHNOLOGY_STEMS = frozenset(s for w in _GENERIC_TECHNOLOGY_WORDS for s in concept_stems(w))


def telling_parts(key: str) -> list[str]:
    """A technology key's words that say what it is about (see _GENERIC_TECHNOLOGY_WORDS)."""
    return [w for w in key.split() if w not in GENERIC_TECHNOLOGY_STEMS]


def technology_grams(key: str) -> list[str]:
    """Letter 4-grams of a technology key's words: a looser form that relates spellings
    and languages sharing a root ("kompositer"/"composites", "cellterapi"/"cell therapy",
    "biobanker"/"biobanking") and compounds to their parts."""
    grams = []
    for word in telling_parts(key):
        grams += [word[k : k + GRAM] for k in range(max(len(word) - GRAM + 1, 1))]
    return sorted(set(grams))


Hit = tuple[str, int, bool, int]  # slug, position, whole-word match, length in words


@dataclass(frozen=True)
class Term:
    slug: str
    phrases: tuple[str, ...]  # labels and synonyms, any language


@dataclass(frozen=True)
class Reading:
    themes: frozenset[str] = frozenset()
    offers: frozenset[str] = frozenset()
    seeks: frozenset[str] = frozenset()
    # Evidence per theme: STRONG per whole-word mention, WEAK per prefix-only one.
    theme_evidence: dict[str, float] = field(default_factory=dict)
    # Technology / focus phrases read after a focus cue: concept key -> phrase as written.
    technologies: dict[str, str] = field(default_factory=dict)
    # Phrases the text mentions outside any cue (app.matching.mentions), the same way.
    mentions: dict[str, str] = field(default_factory=dict)


@dataclass
class ConceptReader:
    themes: list[Term]
    capabilities: list[Term]
    # The themes' own names (labels): after a focus cue these name the theme, not a
    # technology ("arbetar med flyg- och rymdindustrin"), while a theme's narrower
    # synonyms ("smart grids") are technologies too.
    theme_names: list[Term] = field(default_factory=list)
    _theme_index: "_PhraseIndex" = field(init=False)
    _capability_index: "_PhraseIndex" = field(init=False)
    _name_index: "_PhraseIndex" = field(init=False)

    def __post_init__(self) -> None:
        self._theme_index = _PhraseIndex(self.themes)
        self._capability_index = _PhraseIndex(self.capabilities)
        self._name_index = _PhraseIndex(self.theme_names)

    def read(self, text: str, name: str = "") -> Reading:
        """What a description says; `name` (the actor's) is never read as what it works on."""
        if not text.strip():
            return Reading()
        own_name = frozenset(words(name))
        evidence: dict[str, float] = {}
        offers: set[str] = set()
        seeks: set[str] = set()
        neutral: set[str] = set()  # named outside any offer or seek clause
        technologies: dict[str, str] = {}
        mentions: dict[str, str] = {}
        weakly_cued: dict[str, str] = {}
        for sentence in _SENTENCE.split(_ASIDE.sub(r", \1,", text)):
            toks = tokens(sentence)
            if not any(t != "," for t in toks):
                continue
            modes = _clause_modes(toks)
            cue_words = _cue_positions(toks)
            # A cue's own words are no capability ("Vårt bidrag:" offers, it is no grant).
            capability_hits = [
                hit
                for hit in _strongest(self._capability_index.find(toks))
                if hit[1] not in cue_words
            ]
            # In a clause on what is offered or sought, words read as a capability are
            # not also a theme: "we offer contract manufacturing" offers production, it
            # does not make the actor a manufacturing cluster.
            claimed = {
                p
                for _, at, _, n in capability_hits
                if modes[at] != NEUTRAL
                for p in range(at, at + n)
            }
            theme_hits = [
                hit
                for hit in self._theme_index.find(toks)
                if not set(range(hit[1], hit[1] + hit[3])) <= claimed
            ]
            for slug, _, strong in _best_per_position(theme_hits):
                evidence[slug] = evidence.get(slug, 0.0) + (STRONG if strong else WEAK)
            named = self._name_index.find(toks)
            theme_words = {p for _, at, whole, n in named if whole for p in range(at, at + n)}
            theme_words |= {p for p, t in enumerate(toks) if t in _SECTOR_WORDS}
            ends = {at + n for _, at, _, n in capability_hits}
            served = {
                p
                for _, at, _, n in capability_hits
                if _serves(toks, at, ends)
                for p in range(at, at + n)
            }
            # "data analytics skills", "design skills": the skills are the capability
            # before them, not training.
            served |= {p for p, t in enumerate(toks) if t in _SKILLS and p in ends}
            for slug, position, _, n in capability_hits:
                if _negated(toks, position) or set(range(position, position + n)) <= served:
                    continue
                if modes[position] != DENIED:
                    {SEEK: seeks, OFFER: offers, NEUTRAL: neutral}[modes[position]].add(slug)
            # Words that name a theme (by its name, not a narrower synonym), a sector or
            # a capability: "X for Y" with such a Y says whom X serves ("för
            # livsmedelsindustrin", "for forest-based industries"), not which X it is.
            capability_words = {p for _, at, _, n in capability_hits for p in range(at, at + n)}
            general = theme_words | capability_words
            names = proper_names(sentence.strip()) | own_name
            for cues, found in ((FOCUS_CUES, technologies), (WEAK_FOCUS_CUES, weakly_cued)):
                trailing = TRAILING_FOCUS_CUES if cues is FOCUS_CUES else ()
                for positions in _focus_phrases(toks, general, cues, trailing):
                    phrase = [toks[p] for p in positions]
                    # A capability or a theme after a focus cue is not a technology
                    # ("expertise in prototyping", "working on the food sector"), nor a
                    # piece of one ("kompetens inom X och ett nätverk av små och medelstora
                    # företag"); nor a name or the organisation ("Vårt huvudområde är
                    # Västra Götaland").
                    if (
                        self._capability_index.covers(phrase)
                        or set(positions) <= capability_words
                        or set(positions) <= theme_words
                        or all(t in names or is_organisation_word(t) for t in phrase if _content(t))
                    ):
                        continue
                    written = _written(toks, positions)
                    key = technology_key(written)
                    # "advanced" alone says what kind, not what: not a technology; a
                    # hyphenated term is one ("product-as-a-service").
                    if telling_parts(key) or _IN_WORD_HYPHEN in "".join(phrase):
                        found.setdefault(key, written)
            set_aside = (
                general | cue_words | {p for _, at, _, n in theme_hits for p in range(at, at + n)}
            )
            for positions in _mentioned(toks, modes, set_aside, names):
                written = _written(toks, positions)
                key = technology_key(written)
                if telling_parts(key):
                    mentions.setdefault(key, written)
        # What a text names after "we offer" is what it offers; a capability named in
        # passing ("a research institute") counts only when no clause says what it offers.
        return Reading(
            themes=frozenset(evidence),
            offers=frozenset(offers or neutral),
            seeks=frozenset(seeks),
            theme_evidence=evidence,
            technologies=technologies,
            mentions=weakly_cued or mentions,
        )


def _written(toks: list[str], positions: list[int]) -> str:
    """A phrase as the text writes it (a hyphen chain with its hyphens)."""
    return " ".join(toks[p] for p in positions).replace(_IN_WORD_HYPHEN, "-")


def _best_per_position(hits: list[Hit]) -> list[tuple[str, int, bool]]:
    """One hit per theme and position (a phrase and its synonym may both match there)."""
    best: dict[tuple[str, int], bool] = {}
    for slug, position, strong, _ in hits:
        best[slug, position] = best.get((slug, position), False) or strong
    return [(slug, position, strong) for (slug, position), strong in best.items()]


def _strongest(hits: list[Hit]) -> list[Hit]:
    """Where a word is one capability whole, a prefix match of another there is not read:
    "pilotkunder" is "pilot customers", not also a "pilot" plant."""
    strong_at = {position for _, position, strong, _ in hits if strong}
    kept = [hit for hit in hits if hit[2] or hit[1] not in strong_at]
    # Inside a longer capability's words (matched whole), a shorter one is not read
    # apart: "a place to test and demonstrate" is a test bed, not also a demonstrator.
    # (Not done for themes: "digital health" is both health care and digital.)
    return [
        hit
        for hit in kept
        if not any(
            other[0] != hit[0]
            and other[2]
            and other[1] <= hit[1]
            and hit[1] + hit[3] <= other[1] + other[3]
            and other[3] > hit[3]
            for other in kept
        )
    ]


_SKILLS = frozenset({"skills", "skill", "färdigheter"})
# Determiners and possessives between "for" and the noun it governs.
_DETERMINERS = _LEADING | {"our", "its", "their", "vår", "våra", "vårt", "dess", "deras"}


def _serves(toks: list[str], position: int, ends: set[int]) -> bool:
    """Whether the capability at `position` only says whom another one serves: "courses for
    our member companies", "kurser för medlemsföretagens anställda" offer or seek training,
    not a company network."""
    before = position - 1
    while before >= 0 and toks[before] in _DETERMINERS:
        before -= 1
    return before >= 0 and toks[before] in {"for", "för"} and before in ends


# "X-based" between the words of a phrase only says what a thing is made of or built on:
# "forest-based industries" are the forest industry, "skogsbaserad industri" skogsindustri.
_BASED = frozenset({"based", "baserad", "baserade", "baserat"})


class _PhraseIndex:
    """Phrases keyed by the first letters of their first word, so each token of a text is
    checked against a handful of phrases, not all."""

    def __init__(self, terms: list[Term]) -> None:
        self._by_start: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        # One-word phrases by their last letters, to find them as a compound's head.
        self._by_end: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for term in terms:
            forms = {term.slug.replace("-", " "), *term.phrases}
            for phrase in list(forms):
                parts = words(phrase)
                if len(parts) > 1 and len("".join(parts)) >= 6:
                    forms.add("".join(parts))  # "test bed" is also written "testbed"
            for phrase in forms:
                pattern = tuple(words(phrase))
                if pattern:
                    self._by_start.setdefault(pattern[0][:3], []).append((term.slug, pattern))
                if len(pattern) == 1 and len(pattern[0]) >= PREFIX_MIN + 1:
                    self._by_end.setdefault(pattern[0][-3:], []).append((term.slug, pattern))

    def find(self, toks: list[str]) -> list[Hit]:
        """(slug, position, whole-word match, length) of every phrase occurrence."""
        hits = []
        for start, token in enumerate(toks):
            candidates = self._by_start.get(token[:3], []) + self._by_end.get(token[-3:], [])
            for slug, pattern in candidates:
                window = toks[start : start + len(pattern)]
                span = len(pattern)
                if len(window) > 1 and window[1] in _BASED and pattern[1] not in _BASED:
                    # "forest-based industries" is the forest industry.
                    window = [window[0], *toks[start + 2 : start + len(pattern) + 1]]
                    span += 1
                if len(window) != len(pattern):
                    continue
                found = [_match(p, t) for p, t in zip(pattern, window, strict=True)]
                if all(found):
                    hits.append((slug, start, all(f == 2 for f in found), span))
        return hits

    def covers(self, phrase: list[str]) -> bool:
        """Whether the whole phrase is one vocabulary phrase ("prototyping" is a
        capability, not a technology)."""
        return any(
            start == 0 and length == len(phrase) for _, start, _, length in self.find(phrase)
        )


@lru_cache(maxsize=400_000)
def _match(pattern: str, token: str) -> int:
    """2: the same word (by stem); 1: the token starts with the pattern's stem; 0: no."""
    if token == "," or token in _AUXILIARIES:
        return 0
    if token == pattern or stems(token) & stems(pattern):
        return 2
    if token.startswith(pattern) and (
        token[len(pattern) :] in _SWEDISH_ENDINGS
        or token[len(pattern) :].lstrip("s").startswith(_SECTOR_HEADS)
    ):
        # "rymdindustrin", which the stemmer leaves whole; "textilbranschen" and
        # "energiomställningen" name the theme itself.
        return 2
    stem = canonical(pattern)
    if len(stem) >= PREFIX_MIN and token.startswith(stem):
        return 1
    # A Swedish compound ends in its head word: "dataanalys" is a kind of "analys".
    if (
        len(pattern) >= PREFIX_MIN + 1
        and len(token) >= len(pattern) + 3
        and token.endswith(pattern)
    ):
        return 1
    return 0


# Each cue list's cues by their first word, kept by the list's identity: hashing a long
# tuple of cues on every token (as a cache keyed by value would) costs more than the lookup.
_FIRST_WORDS: dict[int, tuple[tuple[tuple[str, ...], ...], dict[str, list[tuple[str, ...]]]]] = {}


def _by_first_word(cues: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, ...]]]:
    known = _FIRST_WORDS.get(id(cues))
    if known is not None and known[0] is cues:
        return known[1]
    out: dict[str, list[tuple[str, ...]]] = {}
    for cue in cues:
        out.setdefault(cue[0], []).append(cue)
    _FIRST_WORDS[id(cues)] = (cues, out)
    return out


# Adverbs a writer puts inside a cue ("vi vill gärna komma i kontakt med", "kan själva
# bidra med", "would also welcome"): skipped between a cue's words.
_CUE_ADVERBS = frozenset(
    {"gärna", "nu", "också", "även", "själva", "själv", "särskilt", "främst"}
    | {"also", "now", "really", "especially", "particularly", "ourselves", "very", "much"}
    | {"mainly", "primarily", "chiefly", "mostly", "huvudsakligen"}
    | {"ideally", "preferably"}
)


# Swedish puts the subject after the verb when something else opens the clause
# ("Tillsammans med våra partner utvecklar vi X", "Inom regionen arbetar vi med X"): the
# pronoun stands inside or right after a cue.
_INVERTED = frozenset({"vi", "de", "man"})


def _starts(toks: list[str], at: int, cues: tuple[tuple[str, ...], ...]) -> int:
    """The number of tokens the longest cue starting at `at` spans (adverbs inside it
    included), or 0."""
    best = 0
    for cue in _by_first_word(cues).get(toks[at], ()):
        end = _cue_end(toks, at, cue)
        if end and end - at > best:
            best = end - at
    return best


def _cue_end(toks: list[str], at: int, cue: tuple[str, ...]) -> int:
    """Where the cue ends when it stands at `at`, with adverbs between its words; else 0."""
    for word in cue:
        while (
            at < len(toks)
            and toks[at] != word
            and toks[at] in _CUE_ADVERBS | _INVERTED
            and word != cue[0]
        ):
            at += 1
        if at >= len(toks) or toks[at] != word:
            return 0
        at += 1
    return at


NEUTRAL, OFFER, SEEK, DENIED = 0, 1, 2, 3  # DENIED: "we do not seek ...", "söker vi inte"


def _negated(toks: list[str], position: int) -> bool:
    return any(t in NEGATIONS for t in toks[max(0, position - NEGATION_REACH) : position])


def _cue_negated(toks: list[str], at: int) -> bool:
    """A cue with a negation just before it, or, in Swedish word order, just after it
    ("we do not seek", "det söker vi inte", "vi erbjuder inte")."""
    return _negated(toks, at) or any(t in NEGATIONS for t in toks[at + 1 : at + 3])


def _describes_the_sought(toks: list[str], at: int) -> bool:
    """Whether an offer verb inside a seek clause says what the sought partner offers
    ("partners who can provide", "aktörer som erbjuder", "organisations offering")
    rather than starting a clause on what the actor offers."""
    before = {t for t in toks[max(0, at - 2) : at] if t != ","}
    # "We seek funding and can offer test beds": joined to the actor's own sentence, unless
    # a relative clause ("partners who ... and can offer") describes the partner.
    if at >= 2 and toks[at - 2] in _JOINERS and toks[at - 1] in _CAN:
        cue = max((p for p in range(at - 2) if _starts(toks, p, SEEK_CUES)), default=0)
        return bool(set(toks[cue : at - 2]) & _RELATIVE_PRONOUNS)
    return bool(before & _RELATIVE) or (toks[at].endswith("ing") and not before & _OWN)


def _given_by_a_partner(toks: list[str], at: int) -> bool:
    """Whether the offer verb at `at` says what a partner would give: a third party shortly
    before it (not the actor's own: "our member organisations"), and a wish or a condition
    around the two."""
    if toks[at] not in _GIVING:
        return False
    for party in range(at - 1, max(-1, at - 6), -1):
        if toks[party] == "," or toks[party] in _OWN_WORDS:
            return False
        if toks[party] in _THIRD_PARTIES:
            around = toks[max(0, party - 3) : at]
            return bool(_WISHES & set(around)) and not _OWN_WORDS & set(
                toks[max(0, party - 2) : party]
            )
    return False


# Words that tie what follows to the actor or its own ("we", "our", "våra", "its",
# "their"): a partner named after them is not the sought one.
_OWN_WORDS = _OWN | _DETERMINERS - _LEADING


def _clause_modes(toks: list[str]) -> list[int]:
    """For each token: is it in a clause that seeks, one that offers, or neither yet?"""
    modes = []
    mode = NEUTRAL
    for at in range(len(toks)):
        if _starts(toks, at, SEEK_CUES) or _seeks_with_its_subject(toks, at):
            mode = DENIED if _cue_negated(toks, at) else SEEK
        elif (
            _starts(toks, at, OFFER_CUES)
            and not _starts(toks, at, NOT_OFFER_CUES)
            and not (mode == SEEK and _describes_the_sought(toks, at))
        ):
            if _cue_negated(toks, at):
                mode = DENIED
            else:
                mode = SEEK if _given_by_a_partner(toks, at) else OFFER
        modes.append(mode)
    for at in range(len(toks)):
        if toks[at] in _TRAILING_SEEK_STARTS:
            start = _clause_start(toks, at)
            if _starts(toks, at, TRAILING_SEEK_CUES) or _welcomes_a_partner(toks, at, start):
                modes[start:at] = [m if m == DENIED else SEEK for m in modes[start:at]]
    return modes


def _welcomes_a_partner(toks: list[str], at: int, start: int) -> bool:
    """A welcome cue at `at` whose clause (from `start`) names a partner, and that does not
    invite ("are welcome to contact us", "a great fit for SMEs")."""
    end = at + _starts(toks, at, TRAILING_WELCOME_CUES)
    return (
        end > at
        and (end == len(toks) or toks[end] not in _INVITING)
        and _names_a_partner(toks[start:at])
    )


def _clause_start(toks: list[str], at: int) -> int:
    """Where the clause holding `at` begins: after the last comma or "and" before it."""
    start = at
    while start > 0 and toks[start - 1] != "," and toks[start - 1] not in _JOINERS:
        start -= 1
    return start


def _seeks_with_its_subject(toks: list[str], at: int) -> bool:
    """A seek cue with the right subject just before it (see OWN_SEEK_CUES): the actor, or
    a relative pronoun standing for it ("specialists who would benefit from"), and not
    what the actor gives after it ("would benefit from our training")."""
    if length := _starts(toks, at, OWN_SEEK_CUES):
        subject = set(toks[max(0, at - 2) : at]) & (_OWN_WORDS | _RELATIVE_PRONOUNS)
        given = set(toks[at + length : at + length + 1]) & _OWN_WORDS
        return bool(subject) and not given
    return _starts(toks, at, PARTNER_SEEK_CUES) > 0 and _names_a_partner(toks[max(0, at - 4) : at])


def _names_a_partner(toks: list[str]) -> bool:
    """Whether the words name a partner ("partners", "someone", "designpartner")."""
    return any(t in _THIRD_PARTIES or t.endswith(_PARTNER_ENDINGS) for t in toks)


_PARTNER_ENDINGS = ("partner", "partners", "partnern")


# A linking verb between a focus cue and its phrase ("Our core expertise lies in X",
# "Vår kärnkompetens ligger inom X") is not part of the phrase; nor is the preposition
# after it.
_LINKING_VERBS = frozenset({"lies", "lie", "is", "are", "ligger", "är"})
_LINKED = frozenset({"in", "on", "within", "i", "på", "inom"})
_INFINITIVE = frozenset({"att", "to"})
# Cues that follow their phrase: a technology named as the subject of a sentence that
# calls it the centre of the work ("X is the common thread in what we do", "X är vårt
# fokus", "X står i centrum").
TRAILING_FOCUS_CUES = tuple(
    tuple(cue.split())
    for cue in (
        "is the common thread",
        "is our common thread",
        "is our focus",
        "is our main focus",
        "is the focus",
        "is at the heart of",
        "is at the core of",
        "is at the centre of",
        "is at the center of",
        "is the core of",
        "is central to",
        "is our speciality",
        "is our specialty",
        "are the common thread",
        "are our focus",
        "are at the heart of",
        "are at the core of",
        "are central to",
        "är den röda tråden",
        "är vår röda tråd",
        "är vårt fokus",
        "är vårt huvudfokus",
        "är i fokus",
        "står i centrum",
        "står i fokus",
        "är kärnan i",
        "är centralt",
        "är central",
        "är vår specialitet",
        # "X – that is where our members see the next opportunity"
        "that is where we see",
        "that is where our members see",
        "this is where we see",
        "this is where our members see",
        "där ser vi",
        "där ser våra medlemmar",
        "där ser medlemmarna",
    )
)


_CUES = (
    FOCUS_CUES,
    WEAK_FOCUS_CUES,
    TRAILING_FOCUS_CUES,
    SEEK_CUES,
    TRAILING_SEEK_CUES,
    TRAILING_WELCOME_CUES,
    OWN_SEEK_CUES,
    PARTNER_SEEK_CUES,
    OFFER_CUES,
    NOT_OFFER_CUES,
)
_NOT_MENTIONED = (
    _AUXILIARIES | _JOINERS | NEGATIONS | _CUE_ADVERBS | _PHRASE_ENDS | _PHRASE_VERBS
) | (_OWN | _RELATIVE | _DETERMINERS)


_CUE_STARTS = frozenset(cue[0] for cues in _CUES for cue in cues)


def _cue_positions(toks: list[str]) -> set[int]:
    """The positions of every cue's words."""
    out: set[int] = set()
    for at, token in enumerate(toks):
        if token in _CUE_STARTS:
            for cues in _CUES:
                out.update(range(at, at + _starts(toks, at, cues)))
    return out


def _mentioned(
    toks: list[str], modes: list[int], set_aside: set[int], names: frozenset[str]
) -> list[list[int]]:
    """Phrases of a clause that neither offers nor seeks, outside `set_aside` (cues, theme
    and capability words), names, and what a negation covers."""
    skipped = set(set_aside)
    for at, token in enumerate(toks):
        if modes[at] != NEUTRAL or token in names or _negated(toks, at):
            skipped.add(at)

    runs = mentioned_runs(toks, skipped, _may_be_mentioned)
    return [run for run in runs if not all(is_function_word(toks[p]) for p in run)]


def _may_be_mentioned(token: str) -> bool:
    """A word that may be part of a mentioned phrase: a content word of 3 to 40 letters."""
    return (
        2 < len(token) <= 40
        and not token.replace(_IN_WORD_HYPHEN, "").isdigit()
        and _content(token)
        and token not in _NOT_MENTIONED
    )


def _focus_phrases(
    toks: list[str],
    general: set[int],
    cues: tuple[tuple[str, ...], ...] = FOCUS_CUES,
    trailing_cues: tuple[tuple[str, ...], ...] = TRAILING_FOCUS_CUES,
) -> list[list[int]]:
    """The positions of the words of each phrase after a focus cue, or before a trailing
    one, split at "and"/"och" and commas."""
    out: list[list[int]] = []
    at = 0
    while at < len(toks):
        trailing = _starts(toks, at, trailing_cues) if trailing_cues else 0
        if trailing:
            out += _subjects(toks, at, general)
            at += trailing
            continue
        length = _starts(toks, at, cues)
        if not length:
            at += 1
            continue
        at += length
        while at < len(toks) and toks[at] in _INVERTED | _CUE_ADVERBS:
            at += 1  # "utvecklar vi också X"
        if at < len(toks) and toks[at] in _LINKING_VERBS:
            at += 1
            if at < len(toks) and toks[at] in _LINKED:
                at += 1
        if at < len(toks) and toks[at] in _INFINITIVE:
            continue  # "är bra på att samarbeta": an activity, not a technology
        out += _phrases_from(toks, at, general)
    return out


def _subjects(toks: list[str], at: int, general: set[int]) -> list[list[int]]:
    """The phrases of the subject before a trailing cue at `at`: its clause, read as if
    after a cue; with an aside ("X (Y) is at the centre", read as "X, Y,") both X and Y."""
    end = at
    if end and toks[end - 1] == ",":
        end -= 1  # the comma that closed an aside
    start = max((p + 1 for p in range(end) if toks[p] == ","), default=0)
    out = _phrases_from(toks[:end], start, general)
    if end < at and start:
        head = max((p + 1 for p in range(start - 1) if toks[p] == ","), default=0)
        out += _phrases_from(toks[: start - 1], head, general)
    return out


def _phrases_from(toks: list[str], at: int, general: set[int]) -> list[list[int]]:
    """The phrases that start at `at`, right after a focus cue (`general`: the positions
    of themes, sectors and capabilities, which a phrase does not take in after "for")."""
    out: list[list[int]] = []
    current: list[int] = []
    taken = 0
    while at < len(toks) and taken < _FOCUS_WORDS + 2:
        token = toks[at]
        if _starts(toks, at, SEEK_CUES) or _starts(toks, at, OFFER_CUES):
            break
        if token == "," or token in _JOINERS:
            if current:
                out.append(current)
            current = []
        elif token.isdigit() or token in _PHRASE_ENDS:
            break
        elif token in _PHRASE_VERBS:
            pass  # "develop and commercialise X": the verb is not part of X
        elif token in _OF and current and toks[at + 1 : at + 2] and _content(toks[at + 1]):
            current.append(at)  # "provning av raketmotorer", "sorting of waste"
        elif token in _FOR and current and _specifies(toks, at, general):
            # "X for Y" names a kind of X: "sensors for fall detection", "plattformar för
            # digitala tvillingar" (a generic head alone says little); "X for the food
            # sector" and "X för livsmedelsindustrin" name the theme, not the technology.
            current.append(at)
        elif token in _STOPS:
            break
        elif token in _LEADING and not current:
            pass
        elif _words_in(toks, current) < _FOCUS_WORDS:
            current.append(at)
        at += 1
        taken += 1
    if current:
        out.append(current)
    return out


def _specifies(toks: list[str], at: int, general: set[int]) -> bool:
    """Whether the words after "for" at `at` name a specific kind of what precedes: content
    words whose head (the last) is not a theme, sector or capability ("for forest-based
    industries", "för smart produktion" say whom it serves), not coordinated with more
    ("for smart and sustainable cities" is a list of whom it serves)."""
    end = at + 1
    while end < len(toks) and toks[end] != "," and _content(toks[end]):
        end += 1
    if end == at + 1 or end - 1 in general:
        return False
    return end >= len(toks) or (toks[end] not in _JOINERS and toks[end] != ",")


def _words_in(toks: list[str], positions: list[int]) -> int:
    """The content words of a phrase: "of" and "for" inside it do not count."""
    return sum(1 for p in positions if _content(toks[p]))
