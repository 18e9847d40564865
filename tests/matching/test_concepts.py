import pytest

from app.matching.concepts import ConceptReader, Term, technology_key, tokens
from app.matching.features import reader_for
from tests.matching.builders import vocabulary


def reader() -> ConceptReader:
    return reader_for(vocabulary())


def test_swedish_offer_is_read_from_text() -> None:
    reading = reader().read("Vi erbjuder testbäddar inom livsmedel.")
    assert reading.offers == {"testbed"}
    assert reading.themes == {"food"}
    assert reading.seeks == set()


def test_what_follows_a_seek_cue_is_sought_in_both_languages() -> None:
    swedish = reader().read("Vi söker partner som erbjuder prototyper och forskning.")
    assert swedish.seeks == {"prototyping", "research"} and swedish.offers == set()
    english = reader().read("We offer design services and are looking for research partners.")
    assert english.offers == {"design"} and english.seeks == {"research"}


def test_each_sentence_starts_as_an_offer() -> None:
    reading = reader().read("We seek financing; we provide testbeds for aerospace.")
    assert reading.seeks == {"financing"}
    assert reading.offers == {"testbed"}
    assert reading.themes == {"aerospace"}


def test_short_words_match_whole_words_only() -> None:
    custom = ConceptReader([Term("food", ("mat",))], [])
    assert custom.read("Nya material för industrin").themes == set()
    assert custom.read("Lokal mat från gården").themes == {"food"}


def test_compound_and_inflected_swedish_forms() -> None:
    reading = reader().read("Ett livsmedelskluster med smarta textilier")
    assert reading.themes == {"food", "textiles"}


def test_empty_text_reads_nothing() -> None:
    assert reader().read("   ").themes == set()


def test_plural_multi_word_and_compound_forms() -> None:
    assert reader().read("We run test beds for drones").offers == {"testbed"}
    assert reader().read("Vi erbjuder testbäddar").offers == {"testbed"}
    assert reader().read("Vi söker prototyputveckling").seeks == {"prototyping"}


def test_cues_in_either_clause_order() -> None:
    first = reader().read("Looking for test beds, and we offer SME networks")
    assert first.seeks == {"testbed"} and first.offers == {"sme-network"}
    second = reader().read("Vi erbjuder forskning men vill träffa företag")
    assert second.offers == {"research"} and second.seeks == {"sme-network"}
    relative = reader().read("Vi söker partner som erbjuder testbäddar")
    assert relative.seeks == {"testbed"} and relative.offers == set()
    english = reader().read("We would like to meet companies. We provide research.")
    assert english.seeks == {"sme-network"} and english.offers == {"research"}


def test_focus_phrases_are_read_as_technologies_in_both_languages() -> None:
    english = reader().read("A research institute with a focus on biobanking and machine vision")
    swedish = reader().read("Forskningsinstitut med fokus på biobanker")
    assert set(english.technologies) == {"biobank", "machin vision"}
    assert set(swedish.technologies) == {"biobank"}
    specialised = reader().read("Specialiserade på kolfiberkompositer, vi söker kunder")
    assert list(specialised.technologies.values()) == ["kolfiberkompositer"]
    # A capability after a focus cue is a capability, not a technology.
    assert reader().read("Expertise in prototyping").technologies == {}


def test_a_single_weak_word_does_not_make_a_theme() -> None:
    from app.matching.features import themes_of
    from tests.matching.builders import actor

    text = "A food processing network. Our members make healthier products."
    reading = reader().read(text)
    assert reading.theme_evidence["health-care"] < 1.0
    stated = actor(1, "SE22", themes=["food"], description=text)
    assert themes_of(stated, reading) == {"food"}
    text_only = actor(2, "SE22", description=text)
    assert themes_of(text_only, reading) == {"food"}


def test_a_negated_capability_is_neither_offered_nor_sought() -> None:
    reading = reader().read("We do not offer manufacturing. We offer design.")
    assert reading.offers == {"design"}
    assert reader().read("Vi erbjuder inte finansiering").offers == set()


def test_welcoming_partners_is_seeking_them() -> None:
    assert reader().read("We welcome partners with test beds").seeks == {"testbed"}
    assert reader().read("Vi välkomnar företag med testbäddar").seeks == {"sme-network", "testbed"}


def test_wanting_to_work_with_someone_is_seeking_them() -> None:
    swedish = reader().read("Vi erbjuder prototyper och vi vill samarbeta med mindre företag.")
    assert swedish.offers == {"prototyping"} and swedish.seeks == {"sme-network"}
    english = reader().read("We offer prototypes and we want to work with smaller companies.")
    assert english.offers == {"prototyping"} and english.seeks == {"sme-network"}
    # "arbeta med" is also "work on": what one wants to work on is not sought.
    assert reader().read("Vi vill arbeta med utbildning för företag i regionen.").seeks == set()


def test_a_colon_joins_a_cue_to_what_it_introduces() -> None:
    reading = reader().read(
        "Core expertise: digital twins. What we bring: test beds. What we are missing: funding."
    )
    assert reading.offers == {"testbed"} and reading.seeks == {"financing"}
    assert set(reading.technologies.values()) == {"digital twins"}
    swedish = reader().read("Kärnkompetens: biobanker. Vi söker: prototyper.")
    assert swedish.seeks == {"prototyping"} and set(swedish.technologies) == {"biobank"}


def test_what_the_sought_partner_offers_stays_sought() -> None:
    participle = reader().read("We would like to meet organisations offering test beds.")
    assert participle.seeks == {"testbed"} and participle.offers == set()
    # "we" before the verb starts a clause on what the actor itself offers.
    own = reader().read("Looking for funding and we are offering test beds")
    assert own.seeks == {"financing"} and own.offers == {"testbed"}


def test_bringing_members_together_is_not_an_offer() -> None:
    reading = reader().read(
        "The network brings together companies and researchers. We offer test beds and seek"
        " funding."
    )
    assert reading.offers == {"testbed"} and reading.seeks == {"financing"}


def test_a_focus_phrase_may_hold_of() -> None:
    swedish = reader().read("Specialiserade på provning av raketmotorer.")
    english = reader().read("We specialise in rocket engine testing.")
    assert list(swedish.technologies.values()) == ["provning av raketmotorer"]
    assert set(swedish.technologies) == set(english.technologies)
    # "of the ..." ends the phrase when nothing specific follows.
    assert set(reader().read("A focus on biobanking of the future").technologies) == {"biobank"}


def test_a_technology_named_without_a_focus_cue() -> None:
    reading = reader().read("The members develop battery storage. Vårt arbete kring akvaponi.")
    assert set(reading.technologies.values()) == {"battery storage", "akvaponi"}
    # A theme after the same cue is a theme, not a technology.
    theme = reader().read("Våra medlemmar arbetar med flyg- och rymdindustrin.")
    assert theme.technologies == {} and theme.themes == {"aerospace"}
    assert reader().read("Vi arbetar med textilbranschen").themes == {"textiles"}


@pytest.mark.parametrize(
    ("text", "technology"),
    [
        ("Partner search: we are preparing a project on rain gardens.", "rain gardens"),
        ("Idé: en interregional pilot kring elektroniska textilier.", "elektroniska textilier"),
        ("Fokusområde: antikroppsteknik. Vi erbjuder utbildning.", "antikroppsteknik"),
        ("Our members develop and apply technical nonwovens.", "technical nonwovens"),
        ("Our work has revolved around antibody design since 2019.", "antibody design"),
        ("Recovery of battery metals is at the centre of our work.", "recovery of battery metals"),
        ("Idé: en pilot kring kabelinspektion utanför regionen.", "kabelinspektion"),
        ("Vår färdplan är byggd kring cobotar.", "cobotar"),
        ("Technology focus: vehicle-to-grid. We offer training.", "vehicle-to-grid"),
        ("Ett projekt om fiber-till-fiber-återvinning.", "fiber-till-fiber-återvinning"),
    ],
)
def test_what_a_project_or_network_is_about_is_its_technology(text: str, technology: str) -> None:
    assert list(reader().read(text).technologies.values()) == [technology]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Project idea: joint development of lignin valorisation.", "lignin valorisation"),
        ("Idé: gemensam utveckling av prediktivt underhåll.", "prediktivt underhåll"),
        ("The members build on mRNA vaccines.", "mrna vaccines"),
        ("Companies that work with private networks.", "private networks"),
    ],
)
def test_what_a_weak_cue_introduces_is_a_mention_not_a_focus(text: str, mention: str) -> None:
    # "We work with SMEs", "the development of the region": these cues often introduce
    # something else than what the work is about.
    reading = reader().read(text)
    assert reading.technologies == {} and list(reading.mentions.values()) == [mention]


def test_an_aside_in_brackets_names_the_technology_again() -> None:
    reading = reader().read("En pilot kring organchip (mikrofysiologiska system) inom hälsa.")
    assert set(reading.technologies.values()) == {"organchip", "mikrofysiologiska system"}
    # An aside on something else than the technology is not read as one.
    reading = reader().read("Vi (ett kluster i Lund) arbetar med biobanker.")
    assert list(reading.technologies.values()) == ["biobanker"]


def test_a_negated_cue_denies_its_whole_clause() -> None:
    reading = reader().read("Observera att vi inte söker pilotering och validering. Vi söker data.")
    assert reading.seeks == {"data"}
    assert reader().read("Vi söker inte i första hand finansiering").seeks == set()


def test_a_theme_synonym_after_a_focus_cue_is_also_a_technology() -> None:
    # "smarta elnät" is a synonym of the energy theme and a specific technology too;
    # the theme's own name after the same cue is not.
    reading = reader().read("Vår inriktning är smarta elnät.")
    assert reading.themes == {"energy"} and set(reading.technologies) == {"grid smart"}
    assert reader().read("We work on the food industry.").technologies == {}


def test_a_focus_phrase_ends_at_a_verb_and_skips_a_joined_one() -> None:
    assert set(reader().read("Our work on smart grids started in 2007.").technologies) == {
        "grid smart"
    }
    members = reader().read("The members develop and commercialise lignin-based products.")
    assert list(members.technologies.values()) == ["lignin based products"]


def test_an_auxiliary_verb_is_never_a_vocabulary_word() -> None:
    # The Swedish stemmer makes "have" "hav" (sea): "We have" is not the maritime theme.
    reading = reader().read("We have long experience of training.")
    assert reading.themes == set() and reading.offers == {"training"}
    assert reader().read("Vi arbetar med hav och sjöfart.").themes == {"offshore"}


def test_a_linking_verb_after_a_focus_cue_is_not_the_phrase() -> None:
    english = reader().read("Our core expertise lies in green roofs.")
    assert list(english.technologies.values()) == ["green roofs"]
    swedish = reader().read("Vår kärnkompetens ligger inom gröna tak.")
    assert list(swedish.technologies.values()) == ["gröna tak"]


def test_a_technology_named_as_the_subject_of_a_trailing_focus_cue() -> None:
    english = reader().read("Summary: CubeSats is the common thread in what we do.")
    assert list(english.technologies.values()) == ["cubesats"]
    swedish = reader().read("Landström är den röda tråden i det vi gör.")
    assert list(swedish.technologies.values()) == ["landström"]
    # A pronoun as the subject names nothing.
    assert reader().read("Det är vårt fokus.").technologies == {}


def test_an_adverb_inside_a_cue_does_not_break_it() -> None:
    sought = reader().read(
        "Vi vill gärna komma i kontakt med aktörer som kan bidra med prototyper."
    )
    assert sought.seeks == {"prototyping"} and sought.offers == set()
    both = reader().read("Vi söker kurser och kan själva bidra med certifiering.")
    assert both.seeks == {"training"} and both.offers == {"regulatory"}


def test_a_capability_offered_or_sought_is_not_also_a_theme() -> None:
    offered = reader().read("We offer contract manufacturing.")
    assert offered.offers == {"manufacturing"} and offered.themes == set()
    assert reader().read("A cluster for manufacturing companies.").themes == {
        "advanced-manufacturing"
    }


def test_a_whole_word_capability_beats_a_prefix_match_there() -> None:
    # "pilotkunder" is pilot customers (market access), not also a pilot plant.
    assert reader().read("Vi söker pilotkunder.").seeks == {"market-access"}


def test_whom_a_capability_serves_is_not_a_capability() -> None:
    assert reader().read("Vi söker kurser för medlemsföretagens anställda.").seeks == {"training"}
    assert reader().read("We offer courses for our member companies.").offers == {"training"}


def test_a_swedish_subject_after_the_verb_does_not_end_the_phrase() -> None:
    inverted = reader().read("Tillsammans med våra partner utvecklar vi kollaborativa robotar.")
    assert list(inverted.technologies.values()) == ["kollaborativa robotar"]
    inside = reader().read("Inom regionen arbetar vi med akvaponi.")
    assert list(inside.technologies.values()) == ["akvaponi"]


def test_a_focus_phrase_may_hold_for_but_not_the_theme_after_it() -> None:
    platforms = reader().read("Vår kärnkompetens är plattformar för digitala tvillingar.")
    assert list(platforms.technologies.values()) == ["plattformar för digitala tvillingar"]
    sensors = reader().read("Our focus is on sensors for fall detection.")
    assert list(sensors.technologies.values()) == ["sensors for fall detection"]
    # "for" before a theme's name, or before a determiner, ends the phrase.
    assert list(reader().read("Vi utvecklar sensorer för livsmedelsindustrin.").technologies) == [
        "sens"
    ]
    assert list(reader().read("We develop sensors for the food sector.").technologies) == ["sens"]


def test_a_focus_phrase_ends_at_a_preposition() -> None:
    reading = reader().read("Vår kärnkompetens är återvinning av näringsämnen ur slam.")
    assert list(reading.technologies.values()) == ["återvinning av näringsämnen"]


def test_for_whom_a_technology_is_made_is_not_part_of_it() -> None:
    # A sector, or a list of whom it serves, after "for" is not the technology.
    sector = reader().read("The members develop lignin valorisation for forest-based industries.")
    assert list(sector.technologies.values()) == ["lignin valorisation"]
    listed = reader().read("We develop city logistics for smart and sustainable cities.")
    assert list(listed.technologies.values()) == ["city logistics"]


def test_x_based_inside_a_phrase_is_the_phrase() -> None:
    assert reader().read("Cluster for forest-based industries.").themes == {"bioeconomy"}
    # A phrase that itself holds "based" still matches as written.
    assert reader().read("A bio-based economy.").themes == {"bioeconomy"}


def test_skills_in_a_capability_are_that_capability() -> None:
    assert reader().read("We need design skills.").seeks == {"design"}
    assert reader().read("We seek skills development.").seeks == {"training"}


def test_an_open_swedish_compound_shares_the_next_words_head() -> None:
    # "cell- och genterapi" is "cellterapi och genterapi": two technologies, as in English.
    reading = reader().read("Vi har fokus på cell- och genterapi.")
    assert set(reading.technologies) == {
        technology_key("cell therapy"),
        technology_key("gene therapy"),
    }
    fish = reader().read("Vår inriktning är fisk-, skaldjurs- och algodling.")
    assert technology_key("fiskodling") in fish.technologies
    assert technology_key("skaldjursodling") in fish.technologies
    # A hyphen before a word the glossary cannot split is left alone.
    assert tokens("kort- och xyzqw") == ["kort", "och", "xyzqw"]


@pytest.mark.parametrize(
    ("text", "closed"),
    [
        ("miljö- och klimatanpassning", "miljöanpassning och klimatanpassning"),
        ("maskin- och verktygstillverkning", "maskintillverkning och verktygstillverkning"),
        ("väg- och järnvägsbyggande", "vägbyggande och järnvägsbyggande"),
        ("hus- och bostadsbyggande", "husbyggande och bostadsbyggande"),
        # The head is the last word of the compound, never a word hidden inside another.
        ("ultraljuds- och röntgenundersökning", "ultraljuds och röntgenundersökning"),
        ("bio- and nanotechnology", "bio and nanotechnology"),
    ],
)
def test_an_open_compound_takes_the_whole_last_word(text: str, closed: str) -> None:
    assert " ".join(tokens(text)) == closed


def test_open_compounds_are_closed_at_most_four_at_a_time() -> None:
    # The bound keeps the search linear in the text: a description that is a long run of
    # open parts ("a- a- a- ...") must not take seconds to read.
    assert tokens("a- " * 6 + "och fiskodling") == ["a", "a"] + ["aodling"] * 4 + [
        "och",
        "fiskodling",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "We have a particular focus on advanced and gene therapy.",
        "Vi har fokus på nya lösningar och genterapi.",
    ],
)
def test_a_focus_phrase_of_generic_words_alone_is_no_technology(text: str) -> None:
    assert list(reader().read(text).technologies) == ["gen therapi"]


def test_a_subject_and_its_aside_before_a_trailing_cue_are_both_read() -> None:
    reading = reader().read("E-textiles (smart textiles) is at the centre of our roadmap.")
    assert set(reading.technologies.values()) == {"e textiles", "smart textiles"}
    # Without an aside, the subject is the clause before the cue only.
    reading = reader().read("In our region, battery recycling is our focus.")
    assert list(reading.technologies.values()) == ["battery recycling"]


def test_a_capability_inside_a_longer_ones_words_is_not_read_apart() -> None:
    # "test and demonstrate" is a test bed; "demonstrate" alone would be a demonstrator.
    reading = reader().read("We seek a place to test and demonstrate at full scale.")
    assert reading.seeks == {"testbed"}
    # Apart, each is read.
    reading = reader().read("We offer test and demonstration facilities and demonstrators.")
    assert reading.offers == {"testbed", "prototyping"}


def test_a_theme_read_in_passing_weighs_less_than_the_main_one() -> None:
    from app.matching.features import theme_weights, themes_of
    from tests.matching.builders import actor

    text = (
        "Livsmedelsklustret samlar företag inom livsmedel och livsmedelsförädling; "
        "några levererar även till vården."
    )
    reading = reader().read(text)
    text_only = actor(1, "SE22", description=text)
    weights = theme_weights(text_only, reading, themes_of(text_only, reading))
    assert weights["food"] == 1.0
    assert 0 < weights["health-care"] <= 0.5
    stated = actor(2, "SE22", themes=["food", "health-care"], description=text)
    assert theme_weights(stated, reading, themes_of(stated, reading)) == {
        "food": 1.0,
        "health-care": 1.0,
    }


@pytest.mark.parametrize(
    ("text", "focus"),
    [
        ("Our focus is hydrogen.", "hydrogen"),
        ("Our focus: battery recycling.", "battery recycling"),
        ("Vårt fokus är vätgas.", "vätgas"),
        ("Our focus on hydrogen storage.", "hydrogen storage"),
        ("Vårt fokus på vätgaslagring.", "vätgaslagring"),
        ("Our focus areas include hydrogen.", "hydrogen"),
        ("Battery recycling – där ser våra medlemmar nästa affärsmöjlighet.", "battery recycling"),
    ],
)
def test_focus_wordings_introduce_the_technology(text: str, focus: str) -> None:
    assert list(reader().read(text).technologies.values()) == [focus]


@pytest.mark.parametrize(
    "text",
    [
        "Riskkapital – det är vad vi söker.",
        "Venture capital is what we need.",
        "Partners with seed funding are welcome.",
        "Finansieringspartner är välkomna.",
        "Partners able to bring seed funding would be a great fit.",
    ],
)
def test_a_trailing_cue_makes_the_clause_before_it_sought(text: str) -> None:
    reading = reader().read(text)
    assert reading.seeks == {"financing"} and reading.offers == set()


def test_a_trailing_cue_reaches_back_only_to_the_comma_or_and() -> None:
    reading = reader().read("We offer test beds, and partners with funding are welcome.")
    assert reading.offers == {"testbed"} and reading.seeks == {"financing"}
    reading = reader().read("We offer test beds and partners with funding are welcome.")
    assert reading.offers == {"testbed"} and reading.seeks == {"financing"}


@pytest.mark.parametrize(
    "text",
    [
        "We offer access to our pilot plant and new members are welcome.",
        "Vi erbjuder tillgång till vår testbädd och nya medlemmar är välkomna.",
        "Partners using our test beds are welcome to contact us.",
        "Visitors to our test bed are welcome.",
        "Our test bed would be a great fit for partners in the region.",
    ],
)
def test_a_welcome_without_a_wish_seeks_nothing(text: str) -> None:
    reading = reader().read(text)
    assert reading.offers == {"testbed"} and reading.seeks == set()


@pytest.mark.parametrize(
    ("text", "seeks"),
    [
        ("We would benefit from a partner with seed funding.", {"financing"}),
        ("Specialists who would benefit from partners with seed funding.", {"financing"}),
        ("SMEs in the region would benefit from our test beds.", set()),
        ("Vi skulle ha nytta av en partner med riskkapital.", {"financing"}),
        ("Små företag skulle ha nytta av vår testbädd.", set()),
        ("Interested parties should have manufacturing capacity.", {"manufacturing"}),
        ("We should have our prototypes ready by 2027.", set()),
        ("Partnern bör ha tillverkningskapacitet.", {"manufacturing"}),
    ],
)
def test_a_wish_that_needs_its_subject(text: str, seeks: set[str]) -> None:
    assert reader().read(text).seeks == seeks


def test_and_can_offer_after_a_seek_is_the_actors_own_offer() -> None:
    own = reader().read("Vi söker partner med finansiering och kan erbjuda testbäddar.")
    assert own.seeks == {"financing"} and own.offers == {"testbed"}
    # A relative clause still describes the partner sought.
    partner = reader().read("We seek partners who have funding and can offer test beds.")
    assert partner.seeks == {"financing", "testbed"} and partner.offers == set()
    # A relative pronoun before the seek cue is not the partner's.
    own = reader().read("Som kluster söker vi riskkapital och kan erbjuda testbäddar.")
    assert own.seeks == {"financing"} and own.offers == {"testbed"}


def test_wind_farms_are_energy() -> None:
    assert "energy" in reader().read("We build wind farms.").themes


@pytest.mark.parametrize(
    ("text", "offers", "seeks"),
    [
        (
            "We would love to team up with partners who can run pilot production lines.",
            set(),
            {"manufacturing", "testbed"},
        ),
        ("We are keen to find a partner with a drone test range.", set(), {"testbed"}),
        (
            "Vi är bra på dataanalys och skulle gärna hitta en partner med en testbana.",
            {"data"},
            {"testbed"},
        ),
        (
            "Our members manufacture parts. Partners able to offer testing facilities would be "
            "a great fit.",
            {"manufacturing"},
            {"testbed"},
        ),
        ("We are open to partners providing data analytics.", set(), {"data"}),
        ("Partner search: scientists who can dig into hard questions.", set(), {"research"}),
        (
            "We offer test beds and would like to connect with someone with seed funding.",
            {"testbed"},
            {"financing"},
        ),
        ("Har ni ett brett nätverk av småföretag? Hör av er!", set(), {"sme-network"}),
        (
            "If your organisation can offer certification support, get in touch.",
            set(),
            {"regulatory"},
        ),
        (
            "We seek funding, and partners can count on us for proof-of-concept builds.",
            {"prototyping"},
            {"financing"},
        ),
        (
            "We operate a pilot plant and are open for collaboration with partners offering "
            "market access.",
            {"testbed"},
            {"market-access"},
        ),
        (
            "Interested parties should have experience of battery manufacturing.",
            set(),
            {"manufacturing"},
        ),
        (
            "We seek design partners, and what we can give is coaching and investor access.",
            {"training", "financing"},
            {"design"},
        ),
    ],
)
def test_everyday_wordings_of_a_wish(text: str, offers: set[str], seeks: set[str]) -> None:
    reading = reader().read(text)
    assert (reading.offers, reading.seeks) == (offers, seeks)


@pytest.mark.parametrize(
    ("text", "focus"),
    [
        ("Members have deep know-how in hydrogen storage.", ["hydrogen storage"]),
        ("Our core business is machining and welding.", ["machining", "welding"]),
        ("Vi bidrar med kompetens inom sensorfusion.", ["sensorfusion"]),
        ("Vi är starka på skogsdata.", ["skogsdata"]),
        ("Looking for funding — the topic is farm-to-fork tracking.", ["farm-to-fork tracking"]),
        ("The technology at the heart of our activities is wave power.", ["wave power"]),
        ("Current priority: shore power for ferries.", ["shore power for ferries"]),
        ("Core competences: computer vision, edge AI.", ["computer vision", "edge ai"]),
        ("Areas of expertise include farm robotics.", ["farm robotics"]),
        ("A hub focusing mainly on small satellites.", ["small satellites"]),
        ("We specialise in wound care and would benefit from funding.", ["wound care"]),
    ],
)
def test_everyday_wordings_of_a_focus(text: str, focus: list[str]) -> None:
    assert list(reader().read(text).technologies.values()) == focus


def test_a_piece_of_a_capability_after_a_focus_cue_is_no_technology() -> None:
    text = "Vi bidrar med kompetens inom dataanalys och ett nätverk av små och medelstora företag."
    reading = reader().read(text)
    assert reading.technologies == {}
    assert reading.offers == {"data", "sme-network"}


def test_an_activity_after_a_focus_cue_is_no_technology() -> None:
    assert reader().read("Vi är bra på att samarbeta med kommuner.").technologies == {}
    assert reader().read("Our core business is to help start-ups grow.").technologies == {}
