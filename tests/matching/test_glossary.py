from app.matching.concepts import technology_key
from app.matching.features import stem_words
from app.matching.glossary import english_words


def test_a_technology_named_in_either_language_is_one_concept() -> None:
    pairs = [
        ("vätgaselektrolys", "hydrogen electrolysis"),
        ("distansövervakning av patienter", "remote patient monitoring"),
        ("begagnad elektronik", "second-hand electronics"),
        ("batterilager", "battery storage"),
        ("cellterapi", "cell therapy"),
        ("edge-beräkningar", "edge computing"),
        ("kvantdatorer", "quantum computers"),
        ("antikroppsutveckling", "antibody development"),
        ("havsbaserad vindkraft", "offshore wind power"),
        ("smarta textilier", "smart textiles"),
        ("sondraketer", "sounding rockets"),
        ("formsprutning", "injection moulding"),
        ("avloppsvattenrening", "wastewater treatment"),
        ("laddstationer", "charging stations"),
        ("drönartrafikledning", "drone traffic management"),
        ("digital patologi", "digital pathology"),
        ("dubbelriktad laddning", "bidirectional charging"),
        ("akvaponisk odling", "aquaponic cultivation"),
        ("radiofarmaka", "radiopharmaceuticals"),
        ("elflygplan", "electric aircraft"),
        ("samarbetande robotar", "collaborative robots"),
        ("elektroniska komponenter", "electronic components"),
        ("prediktivt underhåll", "predictive maintenance"),
        ("förutsägande underhåll", "predictive maintenance"),
        ("eldrivna flygplan", "electric aircraft"),
        ("digital textiltryckning", "digital textile printing"),
    ]
    for swedish, english in pairs:
        assert technology_key(swedish) == technology_key(english), swedish
    assert technology_key("battery storage") != technology_key("hydrogen storage")


def test_a_compound_is_read_only_when_every_part_is_known() -> None:
    assert english_words("vindkraftsfundament") == ("wind", "power", "foundation")
    assert english_words("plastsortering") == ("plastic", "sorting")
    # "grundare" is no glossary word: the compound is left as written.
    assert english_words("plastgrundare") == ()
    assert technology_key("skidvallor") == "skidvall"  # its own stem


def test_description_words_meet_across_languages() -> None:
    swedish = set(stem_words("Vi arbetar med textilåtervinning"))
    english = set(stem_words("We work on textile recycling"))
    assert {"textil", "recycl"} <= swedish & english


def test_an_english_word_is_not_taken_for_a_swedish_stem() -> None:
    # "massa" (pulp) stems to "mass": English "mass" must stay "mass".
    assert technology_key("mass spectrometry") == technology_key("masspektrometri")
    assert "pulp" not in technology_key("mass spectrometry")


def test_a_word_as_written_wins_over_another_words_stem() -> None:
    # "sömnad" (sewing) stems to "sömn", which is a word of its own (sleep).
    assert technology_key("sömnforskning") == technology_key("sleep research")
    assert technology_key("sömnad") == technology_key("sewing")


def test_a_part_of_a_compound_is_not_read_as_another_words_stem() -> None:
    # "verklighet" (reality) stems to "verk", which as written is "works".
    assert "realiti" not in technology_key("vågkraftverk")
    assert {"wav", "pow"} <= set(technology_key("vågkraftverk").split())
