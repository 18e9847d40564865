"""Descriptions in the style of partner-search profiles and cluster web pages, for the
`field` generator: varied sentence orders, offers and needs stated apart, together or as
labelled lists, the technology named with a cue or simply as an object, and now and then a
capability that is explicitly *not* wanted or provided."""

import random
from dataclasses import dataclass

from bench.populations.field_words import CAPABILITY_PHRASES, THEME_PHRASES, Technology


@dataclass(frozen=True)
class Facts:
    """What a description has to say; the wording is drawn at random."""

    name: str
    kind: str
    language: str
    place: str
    themes: tuple[str, ...]
    technology: Technology | None
    offers: tuple[str, ...]
    seeks: tuple[str, ...]
    not_wanted: str | None  # a capability the text mentions only to say it is not needed


INTROS = {
    ("en", "cluster"): (
        "{name} is a cluster organisation in {place} for companies and researchers in {T}.",
        "We are a triple-helix cluster based in {place}, gathering industry, academia and "
        "the public sector around {T}.",
        "{name} was founded in {year} to strengthen {T} in {place}.",
        "As a member-driven cluster initiative in {place}, we work across {T}.",
        "Cluster for {T} in {place}.",
    ),
    ("en", "rdi_platform"): (
        "{name} is a research and innovation environment in {place} working on {T}.",
        "We are an independent research institute in {place} serving {T}.",
        "{name}, hosted by the university in {place}, is a competence centre for {T}.",
        "A science park in {place} with a profile in {T}.",
        "Our RDI platform in {place} supports organisations active in {T}.",
    ),
    ("sv", "cluster"): (
        "{name} är en klusterorganisation i {place} för företag och forskare inom {T}.",
        "Vi är ett triple helix-kluster i {place} som samlar näringsliv, akademi och "
        "offentlig sektor kring {T}.",
        "{name} grundades {year} för att stärka {T} i {place}.",
        "Som medlemsdrivet klusterinitiativ i {place} arbetar vi brett inom {T}.",
        "Kluster för {T} i {place}.",
    ),
    ("sv", "rdi_platform"): (
        "{name} är en forsknings- och innovationsmiljö i {place} inom {T}.",
        "Vi är ett fristående forskningsinstitut i {place} som arbetar med {T}.",
        "{name} är ett kompetenscentrum för {T} vid universitetet i {place}.",
        "En science park i {place} med profil inom {T}.",
        "Vår FoU-plattform i {place} stöttar aktörer inom {T}.",
    ),
}

# An introduction that names the technology as a plain object, with no cue before it.
INTROS_WITH_TECHNOLOGY = {
    "en": (
        "{name} brings together companies in {place} that develop {X} for {T}.",
        "Based in {place}, {name} develops {X} within {T}.",
        "In {place}, {name} and its partners work on {X}, a growing part of {T}.",
    ),
    "sv": (
        "{name} samlar företag i {place} som utvecklar {X} inom {T}.",
        "{name} i {place} utvecklar {X} inom {T}.",
        "I {place} arbetar {name} och dess partner med {X}, en växande del av {T}.",
    ),
}

TECHNOLOGY_SENTENCES = {
    "en": (
        "Our focus is on {X}.",
        "We have a particular focus on {X}.",
        "We are specialised in {X}.",
        "Our core expertise lies in {X}.",
        "Most of our projects deal with {X}.",
        "Our work on {X} started in {year}.",
        "{Xcap} is the common thread in what we do.",
        "Together with our partners we develop {X}.",
        "Key technology: {X}.",
        "The members develop and commercialise {X}.",
    ),
    "sv": (
        "Vi har fokus på {X}.",
        "Vår inriktning är {X}.",
        "Vi är specialiserade på {X}.",
        "Vår kärnkompetens är {X}.",
        "De flesta av våra projekt handlar om {X}.",
        "Vårt arbete kring {X} startade {year}.",
        "{Xcap} är den röda tråden i det vi gör.",
        "Tillsammans med våra partner utvecklar vi {X}.",
        "Teknikområde: {X}.",
        "Medlemmarna utvecklar och kommersialiserar {X}.",
    ),
}

OFFER_SENTENCES = {
    "en": (
        "We offer {O}.",
        "Expertise offered: {O}.",
        "What we bring to a project: {O}.",
        "Partners get access to {O}.",
        "We can contribute {O}.",
        "The organisation provides {O}.",
        "We have long experience of {OA}.",
        "Our strengths include {O}.",
    ),
    "sv": (
        "Vi erbjuder {O}.",
        "Kompetens vi erbjuder: {O}.",
        "Det vi bidrar med i ett projekt är {O}.",
        "Våra partner får tillgång till {O}.",
        "Vi kan bidra med {O}.",
        "Hos oss finns {O}.",
        "Vi har lång erfarenhet av {OA}.",
        "Våra styrkor är {O}.",
    ),
}

SEEK_SENTENCES = {
    "en": (
        "The organisation is seeking {S}.",
        "Type of partner sought: organisations that can provide {S}.",
        "We are looking for {S}.",
        "What we need now is {S}.",
        "Partners sought in the area of {SA}.",
        "To scale up we need {S}.",
        "We lack {S} and would welcome partners who can provide it.",
    ),
    "sv": (
        "Vi letar nu efter {S}.",
        "Samarbetspartner sökes inom {SA}.",
        "Vi söker {S}.",
        "Det vi saknar är {S}.",
        "För att växa behöver vi {S}.",
        "Önskad partner: aktörer som kan erbjuda {S}.",
        "Vi vill gärna komma i kontakt med aktörer som kan bidra med {S}.",
    ),
}

BOTH_IN_ONE = {
    "en": (
        "We offer {O} and are looking for {S}.",
        "In exchange for {O}, we are seeking {S}.",
        "We bring {O}; what we lack is {S}.",
        "Looking for {S}, we can in return offer {O}.",
        "Seeking {S}; offering {O}.",
    ),
    "sv": (
        "Vi erbjuder {O} och söker {S}.",
        "Vi bidrar med {O} men saknar {S}.",
        "Vi söker {S} och kan själva bidra med {O}.",
        "Söker: {S}. Erbjuder: {O}.",
    ),
}

NOT_WANTED = {
    "en": (
        "We do not need {DS} at this stage.",
        "{DAcap} is already covered, so that is not what we are after.",
        "We do not provide {DO} ourselves.",
        "Please note: no {DA} is needed.",
    ),
    "sv": (
        "Vi behöver inte {DS} i nuläget.",
        "{DAcap} har vi redan löst, så det söker vi inte.",
        "Vi erbjuder inte {DO} själva.",
        "Observera att vi inte söker {DA}.",
    ),
}

# Sentences real profiles carry that name no theme, technology or capability.
FILLERS = {
    "en": (
        "We have taken part in several Interreg and Horizon Europe projects.",
        "Contact us for a first meeting.",
        "The planned project would start next year and run for three years.",
        "Our team works closely with the regional authority.",
    ),
    "sv": (
        "Vi har varit med i flera Interreg- och Vinnovaprojekt.",
        "Hör av dig för ett första möte.",
        "Projektet planeras starta nästa år och pågå i tre år.",
        "Vi arbetar nära regionen.",
    ),
}

PROFILE_LABELS = {
    "en": ("Summary:", "Expertise offered:", "Type of partner sought:"),
    "sv": ("Sammanfattning:", "Vi erbjuder:", "Vi söker:"),
}


def joined(items: list[str], language: str) -> str:
    word = " och " if language == "sv" else " and "
    if len(items) <= 1:
        return "".join(items)
    if any(word in item for item in items):  # "X and Y and Z" would blur where items end
        word = " samt " if language == "sv" else " as well as "
    return ", ".join(items[:-1]) + word + items[-1]


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


class Writer:
    def __init__(self, facts: Facts, rng: random.Random) -> None:
        self.facts, self.rng, self.lang = facts, rng, facts.language
        tech = facts.technology
        technology = rng.choice(tech.forms(self.lang)) if tech else ""
        self.fill = {
            "name": facts.name,
            "place": facts.place,
            "year": str(rng.randint(2004, 2021)),
            "T": joined([rng.choice(THEME_PHRASES[t][self.lang]) for t in facts.themes], self.lang),
            "X": technology,
            "Xcap": capitalised(technology),
            "O": self.phrases(facts.offers, "offer"),
            "OA": self.phrases(facts.offers, "area"),
            "S": self.phrases(facts.seeks, "seek"),
            "SA": self.phrases(facts.seeks, "area"),
        }
        if facts.not_wanted:
            words = CAPABILITY_PHRASES[facts.not_wanted][self.lang]
            area = rng.choice(words.area)
            self.fill |= {
                "DS": rng.choice(words.seek),
                "DO": rng.choice(words.offer),
                "DA": area,
                "DAcap": capitalised(area),
            }

    def phrases(self, slugs: tuple[str, ...], form: str) -> str:
        return joined(
            [self.rng.choice(getattr(CAPABILITY_PHRASES[s][self.lang], form)) for s in slugs],
            self.lang,
        )

    def one_of(self, templates: tuple[str, ...]) -> str:
        return self.rng.choice(templates).format(**self.fill)

    def intro(self, with_technology: bool) -> str:
        if with_technology:
            return self.one_of(INTROS_WITH_TECHNOLOGY[self.lang])
        return self.one_of(INTROS[(self.lang, self.facts.kind)])

    def write(self) -> str:
        has_technology = self.facts.technology is not None
        inline = has_technology and self.rng.random() < 0.25
        intro = self.intro(inline)
        technology = (
            [self.one_of(TECHNOLOGY_SENTENCES[self.lang])] if has_technology and not inline else []
        )
        offer = self.one_of(OFFER_SENTENCES[self.lang])
        seek = self.one_of(SEEK_SENTENCES[self.lang])
        layout = self.rng.choice(("offer first", "seek first", "one sentence", "profile"))
        if layout == "offer first":
            sentences = [intro, *technology, offer, seek]
        elif layout == "seek first":
            sentences = [seek, intro, *technology, offer]
        elif layout == "one sentence":
            sentences = [intro, *technology, self.one_of(BOTH_IN_ONE[self.lang])]
        else:
            summary, offered, sought = PROFILE_LABELS[self.lang]
            sentences = [
                f"{summary} {intro}",
                *technology,
                f"{offered} {self.fill['O']}.",
                f"{sought} {self.fill['S']}.",
            ]
        if self.facts.not_wanted:
            sentences.insert(
                self.rng.randint(1, len(sentences)), self.one_of(NOT_WANTED[self.lang])
            )
        if self.rng.random() < 0.4:
            sentences.append(self.one_of(FILLERS[self.lang]))
        return " ".join(sentences)


def describe(facts: Facts, rng: random.Random) -> str:
    text = Writer(facts, rng).write()
    if facts.language == "sv":  # islands take "på" in Swedish
        text = text.replace(" i Gotland", " på Gotland").replace("I Gotland", "På Gotland")
    return text
