from app.matching.concepts import ConceptReader, Term
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
