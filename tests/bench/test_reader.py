"""The reader benchmark scores what it should: a reader that returns the labels scores
1.0, one that returns nothing scores recall 0, and the set itself is what it claims."""

from collections import Counter

import pytest

from bench.populations.engine import TextReading
from bench.reader import FIELDS, LABELLED, load_reader_set, phrase_match, score
from seed_data import load

SENTENCES = load_reader_set()


def test_the_set_has_200_labelled_sentences_in_both_languages() -> None:
    assert len(SENTENCES) >= 200
    languages = Counter(s["lang"] for s in SENTENCES)
    assert set(languages) == {"en", "sv"}
    assert min(languages.values()) >= 100
    assert len({s["text"] for s in SENTENCES}) == len(SENTENCES)
    themes = {t["slug"] for t in load("themes.json")}
    capabilities = {c["slug"] for c in load("capabilities.json")}
    for s in SENTENCES:
        assert set(s["themes"]) <= themes, s
        assert set(s["offers"]) | set(s["seeks"]) <= capabilities, s
    for field in LABELLED:
        assert sum(bool(s[field]) for s in SENTENCES) >= 50, field


def _labels(text: str) -> TextReading:
    sentence = next(s for s in SENTENCES if s["text"] == text)
    labels = [frozenset(sentence[f]) for f in LABELLED]
    return TextReading(*labels, technologies_used=frozenset(sentence["technologies"]))


def test_a_reader_returning_the_labels_scores_one() -> None:
    counts, unread, wrong = score(SENTENCES, _labels)
    assert unread == set()
    assert wrong == []
    for field in FIELDS:
        for language in ("all", "en", "sv"):
            assert counts[field, language].precision == 1.0
            assert counts[field, language].recall == 1.0


def test_a_reader_returning_nothing_has_zero_recall() -> None:
    def nothing(_text: str) -> TextReading:
        return TextReading(frozenset(), frozenset(), frozenset(), None)

    counts, unread, wrong = score(SENTENCES, nothing)
    assert unread == {"technologies", "technologies_used"}
    assert all(counts[f, "all"].recall == 0.0 for f in FIELDS)
    assert len(wrong) == sum(any(s[f] for f in LABELLED) for s in SENTENCES)


def test_offers_read_as_seeks_count_against_both_fields() -> None:
    def swapped(text: str) -> TextReading:
        right = _labels(text)
        return TextReading(
            right.themes, right.seeks, right.offers, right.technologies, right.technologies_used
        )

    counts, _, _ = score(SENTENCES, swapped)
    assert counts["offers", "all"].recall < 0.5
    assert counts["seeks", "all"].precision < 0.5
    assert counts["themes", "all"].recall == 1.0


@pytest.mark.parametrize(
    ("found", "stated", "match"),
    [
        ("biobanking", "biobanking", True),
        ("Biobanking", "biobanking and precision diagnostics", True),
        ("test bed", "test beds", True),
        ("biobank", "med fokus på biobanker", True),
        ("test", "testbäddar", False),
        ("bank", "biobank", False),
        ("", "biobank", False),
    ],
)
def test_technology_phrases_match_whole_words(found: str, stated: str, match: bool) -> None:
    assert phrase_match(found, stated) is match
