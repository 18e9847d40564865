"""The explorer's two languages: which one a request gets, and every label in both."""

import re
from dataclasses import dataclass, field
from datetime import datetime

from app.core.languages import LANGUAGES, preferred_language

# key -> (English, Swedish). Placeholders are str.format fields.
MESSAGES: dict[str, tuple[str, str]] = {
    "site": ("Cluster matchmaking", "Klustermatchning"),
    "skip": ("Skip to content", "Hoppa till innehållet"),
    "nav": ("Main", "Huvudmeny"),
    "nav.find": ("Find an actor", "Hitta en aktör"),
    "nav.consortia": ("Consortia", "Konsortier"),
    "nav.regions": ("Regions", "Regioner"),
    "nav.saved": ("Saved consortia", "Sparade konsortier"),
    "language": ("Language", "Språk"),
    "search.title": ("Find an actor", "Hitta en aktör"),
    "search.intro": (
        "Clusters and RDI platforms (research institutes, universities, testbeds, science "
        "parks) in the regions. Search by name or text, or filter.",
        "Kluster och FoI-plattformar (forskningsinstitut, universitet, testbäddar, "
        "vetenskapsparker) i regionerna. Sök på namn eller text, eller filtrera.",
    ),
    "search.q": ("Name or text", "Namn eller text"),
    "search.region": ("Region", "Region"),
    "search.theme": ("Theme", "Tema"),
    "search.capability": ("Capability (offered or sought)", "Förmåga (erbjuds eller söks)"),
    "search.kind": ("Kind", "Typ"),
    "search.submit": ("Search", "Sök"),
    "search.results": ("{n} found", "Antal träffar: {n}"),
    "search.none": ("Nothing matches. Try fewer filters.", "Inget matchar. Prova färre filter."),
    "any": ("Any", "Alla"),
    "kind.cluster": ("Cluster", "Kluster"),
    "kind.rdi_platform": ("RDI platform", "FoI-plattform"),
    "actor.themes": ("Themes", "Teman"),
    "actor.nace": ("NACE codes", "NACE-koder"),
    "actor.technologies": ("Technologies", "Teknologier"),
    "actor.offers": ("Offers", "Erbjuder"),
    "actor.seeks": ("Seeks", "Söker"),
    "actor.members": ("Members", "Medlemmar"),
    "actor.members.smes": ("SMEs", "Små och medelstora företag"),
    "actor.members.large_companies": ("Large companies", "Stora företag"),
    "actor.members.research_orgs": ("Research organisations", "Forskningsorganisationer"),
    "actor.members.public_bodies": ("Public bodies", "Offentliga organ"),
    "actor.website": ("Website", "Webbplats"),
    "actor.region": ("Region", "Region"),
    "actor.priorities": ("The region's S3 priorities", "Regionens S3-prioriteringar"),
    "actor.no_priorities": (
        "The region has no S3 priorities recorded.",
        "Regionen har inga registrerade S3-prioriteringar.",
    ),
    "actor.partners": ("Find partners", "Hitta partner"),
    "actor.propose": ("Propose consortia around it", "Föreslå konsortier kring aktören"),
    "none": ("none", "inga"),
    "partners.title": ("Partners for {name}", "Partner till {name}"),
    "partners.intro": (
        "Ranked by how close and how complementary each partner is. A partner must be both "
        "to rank high.",
        "Rangordnade efter hur nära och hur kompletterande varje partner är. En partner "
        "måste vara både och för att hamna högt.",
    ),
    "partners.other_regions_only": ("Other regions only", "Bara andra regioner"),
    "partners.limit": ("How many", "Hur många"),
    "partners.submit": ("Show partners", "Visa partner"),
    "partners.none": ("No partner found.", "Ingen partner hittades."),
    "score": ("Score", "Poäng"),
    "components": ("Score components", "Poängens delar"),
    "reasons": ("Why", "Varför"),
    "component.thematic": ("Thematic closeness", "Tematisk närhet"),
    "component.complementarity": ("Complementarity", "Komplementaritet"),
    "component.regional": ("Regional fit", "Regional passform"),
    "component.coherence": ("Coherence on the theme", "Sammanhang kring temat"),
    "component.coverage": ("Coverage of what members seek", "Täckning av det medlemmarna söker"),
    "component.diversity": ("Region diversity", "Regional spridning"),
    "component.redundancy": ("Redundancy (lower is better)", "Överlapp (lägre är bättre)"),
    "component.shared_priorities": ("Shared S3 priorities", "Gemensamma S3-prioriteringar"),
    "component.related": ("Related priorities", "Närliggande prioriteringar"),
    "consortia.title": ("Propose consortia", "Föreslå konsortier"),
    "consortia.intro": (
        "Consortia of clusters and RDI platforms from several regions. Start from an actor, a "
        "theme or a funding call; every proposal meets every rule.",
        "Konsortier av kluster och FoI-plattformar från flera regioner. Utgå från en aktör, "
        "ett tema eller en utlysning; varje förslag uppfyller alla regler.",
    ),
    "consortia.seed": ("Start from actor (id)", "Utgå från aktör (id)"),
    "consortia.call": ("Funding call", "Utlysning"),
    "consortia.no_call": ("No call", "Ingen utlysning"),
    "consortia.min_members": ("At least members", "Minst medlemmar"),
    "consortia.max_members": ("At most members", "Högst medlemmar"),
    "consortia.min_regions": ("At least regions", "Minst regioner"),
    "consortia.limit": ("Proposals", "Förslag"),
    "consortia.eu_funding": ("EU funding asked for (EUR)", "Sökt EU-stöd (EUR)"),
    "consortia.eu_funding_hint": (
        "Whole euros, e.g. 400000 or 400 000.",
        "Hela euro, t.ex. 400000 eller 400 000.",
    ),
    "consortia.submit": ("Propose", "Föreslå"),
    "consortia.proposal": ("Proposal {n}", "Förslag {n}"),
    "consortia.members": ("Members", "Medlemmar"),
    "consortia.regions": ("Regions", "Regioner"),
    "consortia.themes": ("Themes", "Teman"),
    "consortia.edit": ("Edit and re-score these members", "Ändra och poängsätt medlemmarna"),
    "consortia.diagram": (
        "Members grouped by region; a line joins two members that complement each other.",
        "Medlemmar grupperade efter region; en linje förenar två medlemmar som kompletterar "
        "varandra.",
    ),
    "consortia.none": ("No consortium found.", "Inget konsortium hittades."),
    "eligibility": ("Eligibility for {call}", "Behörighet för {call}"),
    "eligible.yes": ("Meets every rule of the call", "Uppfyller utlysningens alla regler"),
    "eligible.no": ("Breaks rules of the call", "Bryter mot utlysningens regler"),
    "rules": ("Rules", "Regler"),
    "rule.name": ("Rule", "Regel"),
    "rule.outcome": ("Met or broken", "Uppfylld eller bruten"),
    "rule.met": ("met", "uppfylld"),
    "rule.min_members": ("At least this many members", "Minst så många medlemmar"),
    "rule.max_members": ("At most this many members", "Högst så många medlemmar"),
    "rule.min_regions": ("At least this many regions", "Minst så många regioner"),
    "rule.min_countries": ("At least this many countries", "Minst så många länder"),
    "rule.eligible_countries": ("Members' countries", "Medlemmarnas länder"),
    "rule.eligible_region_codes": ("Members' regions", "Medlemmarnas regioner"),
    "rule.eligible_kinds": ("Kinds of member", "Typer av medlemmar"),
    "rule.themes": ("Themes the call is open to", "Teman utlysningen är öppen för"),
    "rule.funding_min": ("EU funding at least", "EU-stöd minst"),
    "rule.funding_max": ("EU funding at most", "EU-stöd högst"),
    "rule.opens_at": ("Opens", "Öppnar"),
    "rule.closes_at": ("Closes", "Stänger"),
    "rule.broken": ("broken", "bruten"),
    "rule.any_theme": ("any one theme all members share", "ett tema som alla medlemmar delar"),
    "budget": ("Budget", "Budget"),
    "budget.eu_funding": ("EU funding", "EU-stöd"),
    "budget.cofunding_required": ("Co-funding required", "Krävd medfinansiering"),
    "budget.total": ("Total", "Totalt"),
    "budget.hint": (
        "Type the EU funding you would ask for to see the budget.",
        "Ange det EU-stöd ni skulle söka för att se budgeten.",
    ),
    "consortium.title": ("Score a consortium", "Poängsätt ett konsortium"),
    "consortium.intro": (
        "Pick members by hand: keep or drop members, add an actor, and see the score and "
        "the call's rules update.",
        "Välj medlemmar för hand: behåll eller ta bort, lägg till en aktör och se poängen "
        "och utlysningens regler uppdateras.",
    ),
    "consortium.keep": ("Keep {name}", "Behåll {name}"),
    "consortium.add": ("Add an actor", "Lägg till en aktör"),
    "consortium.add_none": ("(nobody)", "(ingen)"),
    "consortium.add_id": ("or add by id", "eller lägg till med id"),
    "consortium.submit": ("Re-score", "Poängsätt igen"),
    "consortium.violations": ("Rules it breaks", "Regler som bryts"),
    "consortium.no_violations": ("It breaks no rule.", "Inga regler bryts."),
    "consortium.need_two": (
        "A consortium needs at least two members.",
        "Ett konsortium behöver minst två medlemmar.",
    ),
    "save.title": ("Save this consortium", "Spara konsortiet"),
    "save.name": ("Name", "Namn"),
    "save.submit": ("Save", "Spara"),
    "save.readonly": (
        "Read-only: paste an API key below to save consortia and change their status.",
        "Endast läsning: klistra in en API-nyckel nedan för att spara konsortier och "
        "ändra deras status.",
    ),
    "save.done": ("Saved as consortium {id}.", "Sparat som konsortium {id}."),
    "save.failed": ("Not saved: {detail}", "Inte sparat: {detail}"),
    "key.title": ("Your API key", "Din API-nyckel"),
    "key.label": ("API key", "API-nyckel"),
    "key.help": (
        "Kept in this browser tab only (session storage) and sent as a bearer header; "
        "never put in a link or a cookie.",
        "Sparas bara i den här webbläsarfliken (sessionslagring) och skickas som "
        "bearer-huvud; aldrig i en länk eller en kaka.",
    ),
    "key.use": ("Use key", "Använd nyckel"),
    "key.forget": ("Forget key", "Glöm nyckeln"),
    "key.set": ("A key is in use in this tab.", "En nyckel används i den här fliken."),
    "key.unset": ("No key: the pages are read-only.", "Ingen nyckel: sidorna är skrivskyddade."),
    "saved.title": ("Saved consortia", "Sparade konsortier"),
    "saved.one": ("Consortium {id}: {name}", "Konsortium {id}: {name}"),
    "saved.status": ("Status", "Status"),
    "saved.none": ("No consortium saved yet.", "Inga sparade konsortier än."),
    "saved.removed": ("Removed members (ids)", "Borttagna medlemmar (id)"),
    "saved.move": ("Move to {status}", "Flytta till {status}"),
    "saved.moved": ("Status is now {status}.", "Status är nu {status}."),
    "saved.score": ("Score when saved", "Poäng när det sparades"),
    "saved.call": ("Call", "Utlysning"),
    "status.draft": ("draft", "utkast"),
    "status.submitted": ("submitted", "inskickat"),
    "status.funded": ("funded", "beviljat"),
    "status.rejected": ("rejected", "avslaget"),
    "regions.title": ("Regions", "Regioner"),
    "regions.intro": (
        "Partner regions whose S3 priorities and actors complement a region's, and each "
        "region's priorities by theme.",
        "Partnerregioner vars S3-prioriteringar och aktörer kompletterar en regions, och "
        "varje regions prioriteringar per tema.",
    ),
    "regions.code": ("Region", "Region"),
    "regions.submit": ("Show partner regions", "Visa partnerregioner"),
    "regions.partners": ("Partner regions for {name}", "Partnerregioner till {name}"),
    "regions.table": (
        "S3 priorities and actors by theme",
        "S3-prioriteringar och aktörer per tema",
    ),
    "regions.table.caption": (
        "A mark is an S3 priority on the theme; the number is how many actors there work on it.",
        "En markering är en S3-prioritering inom temat; talet är hur många aktörer där som "
        "arbetar med det.",
    ),
    "regions.actors": ("Actors in {name}", "Aktörer i {name}"),
    "regions.priority": ("S3 priority", "S3-prioritering"),
    "regions.none": ("No partner region found.", "Ingen partnerregion hittades."),
    "nav.import": ("Import", "Importera"),
    "import.title": ("Import a spreadsheet", "Importera ett kalkylark"),
    "import.intro": (
        "Regions, clusters and RDI platforms from an XLSX workbook (one sheet per entity), "
        "CSV files (one per entity) or a JSON document: first checked, then written all "
        "or nothing.",
        "Regioner, kluster och FoI-plattformar från en XLSX-arbetsbok (ett blad per typ), "
        "CSV-filer (en per typ) eller ett JSON-dokument: först kontrollerat, sedan skrivet "
        "helt eller inte alls.",
    ),
    "import.needs_key": (
        "Importing needs an integrator or admin key: paste it below.",
        "Import kräver en integratörs- eller administratörsnyckel: klistra in den nedan.",
    ),
    "import.files": ("Files", "Filer"),
    "import.help": (
        "Headers are the API's field names; lists are separated by ';'. The example "
        "workbook seed_data/example_data.xlsx shows the shape.",
        "Rubrikerna är API:ets fältnamn; listor avgränsas med ';'. Exempelarbetsboken "
        "seed_data/example_data.xlsx visar formen.",
    ),
    "import.check": ("Check (dry run)", "Kontrollera (provkörning)"),
    "import.write": ("Import", "Importera"),
    "import.checked": (
        "Checked: nothing was written. This is what the import would do.",
        "Kontrollerat: inget skrevs. Så här skulle importen göra.",
    ),
    "import.done": ("Imported.", "Importerat."),
    "import.failed": ("Nothing was written:", "Inget skrevs:"),
    "import.records": ("Records", "Poster"),
    "import.created": ("created", "skapade"),
    "import.updated": ("updated", "ändrade"),
    "import.unchanged": ("unchanged", "oförändrade"),
    "error": ("That did not work", "Det gick inte"),
    "error.fields": ("Check these fields:", "Kontrollera de här fälten:"),
    "error.not_found": ("There is no such page.", "Sidan finns inte."),
    "error.back": ("Back to the form", "Tillbaka till formuläret"),
    "error.start": ("Go to the start page", "Gå till startsidan"),
    "field.actor_id": ("Actor (id)", "Aktör (id)"),
    "field.consortium_id": ("Saved consortium (id)", "Sparat konsortium (id)"),
    "field.member_ids": ("Members (ids)", "Medlemmar (id)"),
    "field.lang": ("Language", "Språk"),
    "field.path": ("Address", "Adress"),
    "field.query": ("Address", "Adress"),
    "save.saved_link": ("Open saved consortium {id}", "Öppna sparat konsortium {id}"),
    "saved.move_failed": ("Status not changed: {detail}", "Status inte ändrad: {detail}"),
    "saved.admin_only": (
        "Moving to funded or rejected needs an admin key.",
        "Att flytta till beviljat eller avslaget kräver en administratörsnyckel.",
    ),
    "saved.needs_admin": ("needs an admin key", "kräver administratörsnyckel"),
    "http.401": (
        "the API key is unknown or revoked; paste a valid key below",
        "API-nyckeln är okänd eller återkallad; klistra in en giltig nyckel nedan",
    ),
    "http.403": (
        "your key may not do this (its role or scope does not allow it)",
        "din nyckel får inte göra detta (dess roll eller omfattning tillåter det inte)",
    ),
    "http.403.admin": (
        "this needs an admin key; yours is not one",
        "detta kräver en administratörsnyckel; din är inte en sådan",
    ),
    "http.404": ("it no longer exists", "det finns inte längre"),
    "http.409": (
        "it was changed meanwhile; reload the page",
        "det har ändrats under tiden; ladda om sidan",
    ),
    "http.412": (
        "it was changed meanwhile; reload the page",
        "det har ändrats under tiden; ladda om sidan",
    ),
    "http.422": ("the server refused these fields", "servern godtog inte de här fälten"),
    "http.other": ("the server answered HTTP {status}", "servern svarade HTTP {status}"),
    "http.network": ("the server could not be reached", "servern gick inte att nå"),
    "id": ("id", "id"),
    "api": ("API documentation", "API-dokumentation"),
}


# The services' and the validators' messages (English, as the API answers them) as the
# explorer says them in Swedish; a message not listed stays as it is.
_SWEDISH_MESSAGES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), sv)
    for p, sv in (
        (r"^field required$", "måste anges"),
        (r"^must be a whole number$", "måste vara ett heltal"),
        (r"^must be a number$", "måste vara ett tal"),
        (r"^must be true or false$", "måste vara true eller false"),
        (r"^must be text$", "måste vara text"),
        (r"^may not be null$", "måste anges"),
        (r"^must not be empty$", "får inte vara tom"),
        (r"^must be at least (\S+) characters long$", r"måste vara minst \1 tecken lång"),
        (r"^must be at most (\S+) characters long$", r"får vara högst \1 tecken lång"),
        (r"^must hold at most (\S+) items?$", r"får innehålla högst \1 värden"),
        (r"^must hold at least (\S+) items?$", r"måste innehålla minst \1 värden"),
        (r"^must be at least (.+)$", r"måste vara minst \1"),
        (r"^must be more than (.+)$", r"måste vara större än \1"),
        (r"^must be at most (.+)$", r"får vara högst \1"),
        (r"^must be less than (.+)$", r"måste vara mindre än \1"),
        (r"^must be one of (.+)$", r"måste vara ett av \1"),
        (r"^is too large: at most (.+)$", r"är för stort: högst \1"),
        (r"^no actor with id (\d+)$", r"ingen aktör med id \1"),
        (r"^no cluster with id (\d+)$", r"inget kluster med id \1"),
        (r"^no rdi platform with id (\d+)$", r"ingen FoI-plattform med id \1"),
        (r"^no call with id (\d+)$", r"ingen utlysning med id \1"),
        (r"^no saved consortium with id (\d+)$", r"inget sparat konsortium med id \1"),
        (r"^no region with code (\S+)$", r"ingen region med koden \1"),
        (r"^'(.*)' is not a NUTS 2024 region code$", r"'\1' är inte en NUTS 2024-regionkod"),
        (r"^actor (\d+) is repeated$", r"aktör \1 finns med två gånger"),
        (r"^unknown theme '(.*)'; see GET \S+$", r"okänt tema '\1'"),
        (r"^unknown capability '(.*)'; see GET \S+$", r"okänd förmåga '\1'"),
        (
            r"^min_members \((\d+)\) is larger than max_members \((\d+)\)$",
            r"min_members (\1) är större än max_members (\2)",
        ),
        (r"^the call is not open for applications now$", "utlysningen är inte öppen just nu"),
        (r"^the call is open to (.+) only$", r"utlysningen är bara öppen för \1"),
        (
            r"^text may not contain NUL characters or unpaired UTF-16 surrogates$",
            "texten får inte innehålla NUL-tecken eller ensamma UTF-16-surrogat",
        ),
        (r"^Not Found$", "sidan finns inte"),
        (
            r"^reads need an API key on this server \(CLUSTERMATCH_PUBLIC_READ=false\)$",
            "den här servern kräver en API-nyckel även för att läsa",
        ),
        (
            r"^the database is busy or unreachable; retry shortly$",
            "databasen är upptagen eller går inte att nå; försök igen om en stund",
        ),
        (r"^unexpected error$", "ett oväntat fel inträffade"),
    )
]


def message_in(lang: str, message: str) -> str:
    """A service's or validator's message in the page's language."""
    if lang != "sv":
        return message
    for pattern, swedish in _SWEDISH_MESSAGES:
        if pattern.match(message):
            return pattern.sub(swedish, message)
    return message


@dataclass
class Translator:
    """Labels in one language; vocabulary terms as the database labels them."""

    lang: str
    themes: dict[str, tuple[str, str]] = field(default_factory=dict)
    capabilities: dict[str, tuple[str, str]] = field(default_factory=dict)
    local_names: dict[str, str] = field(default_factory=dict)  # region code: Swedish name

    def __call__(self, key: str, **values: object) -> str:
        en, sv = MESSAGES.get(key, (key, key))
        text = sv if self.lang == "sv" else en
        return text.format(**values) if values else text

    def message(self, text: str) -> str:
        return message_in(self.lang, text)

    def theme(self, slug: str) -> str:
        return self._term(self.themes, slug)

    def capability(self, slug: str) -> str:
        return self._term(self.capabilities, slug)

    def region(self, code: str, name: str) -> str:
        """A region's name: in Swedish its local name when it has one (Sydsverige for
        South Sweden), else the name it is stored under."""
        if self.lang == "sv":
            return self.local_names.get(code) or name
        return name

    def decimal(self, value: float) -> str:
        """A score with two decimals: 0.88 in English, 0,88 in Swedish."""
        text = f"{value:.2f}"
        return text.replace(".", ",") if self.lang == "sv" else text

    def euros(self, amount: int) -> str:
        """EUR 400 000: a space groups the thousands in both languages, as in the budget."""
        return "EUR " + f"{amount:,}".replace(",", " ")

    def rule_value(self, rule: str, value: object) -> str:
        """A call's rule as a reader reads it: kinds and themes by their labels, amounts in
        euros, times as dates; a call without a theme list still needs one shared theme."""
        if rule == "themes":
            return (
                self.theme_list(value)
                if isinstance(value, list) and value
                else self("rule.any_theme")
            )
        if rule == "eligible_kinds" and isinstance(value, list):
            return ", ".join(self("kind." + str(k)) for k in value)
        if rule in ("funding_min", "funding_max") and isinstance(value, int):
            return self.euros(value)
        if isinstance(value, datetime):
            return value.date().isoformat()
        if isinstance(value, list | tuple | set | frozenset):
            return ", ".join(str(v) for v in value)
        return str(value)

    def theme_list(self, slugs: list[str] | tuple[str, ...]) -> str:
        return ", ".join(self.theme(s) for s in slugs)

    def capability_list(self, slugs: list[str] | tuple[str, ...]) -> str:
        return ", ".join(self.capability(s) for s in slugs)

    def _term(self, terms: dict[str, tuple[str, str]], slug: str) -> str:
        en, sv = terms.get(slug, (slug, slug))
        return sv if self.lang == "sv" else en


def choose_language(asked: str | None, accept_language: str | None) -> str:
    """`?lang=` when it names a language we have, else the best of Accept-Language."""
    if asked in LANGUAGES:
        return asked
    return preferred_language(accept_language)
