"""What a description mentions outside any cue (app/matching/mentions.py), and how much
it counts (app/matching/features.py)."""

import pytest

from app.matching.features import MENTION_WEIGHT, reader_for
from app.matching.mentions import mentioned_runs, proper_names
from app.matching.partners import candidates
from tests.matching.builders import actor, build_index, vocabulary


def mentions(text: str, name: str = "") -> list[str]:
    return list(reader_for(vocabulary()).read(text, name).mentions.values())


def test_names_are_the_capitalised_words_inside_a_sentence_or_a_name_that_opens_it() -> None:
    assert proper_names("I Skåne arbetar Rymdnätverket med sondraketer") == {
        "skåne",
        "rymdnätverket",
    }
    assert proper_names("Västernorrland Health Tech was founded in 2006") == {
        "västernorrland",
        "health",
        "tech",
    }
    # A technology opening a sentence is not a name.
    assert proper_names("Sondraketer är en växande del av rymden") == set()


def test_runs_are_one_to_four_accepted_words_outside_the_skipped() -> None:
    toks = ["a", "bb", "cc", ",", "dd", "ee", "ff", "gg", "hh", "ii", "cluster", "jj"]
    runs = mentioned_runs(toks, skipped={1}, is_word=lambda t: len(t) == 2)
    # "bb" is skipped; a run of five words is no name; "cluster" is an organisation word.
    assert [[toks[p] for p in run] for run in runs] == [["cc"], ["jj"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "I Skåne arbetar Rymdnätverket Skåne och dess partner med sondraketer, "
            "en växande del av flyg och rymd.",
            ["sondraketer"],
        ),
        ("Köping Green Power Lab. Electrolytic hydrogen. Looking for funding.", ["electrolytic"]),
        # What is offered or sought, and what a negation covers, are not mentions.
        ("We offer rapid prototyping. We are looking for seaweed farms.", []),
        ("Vi arbetar inte längre med torvbruk.", []),
        # Function words and organisation compounds are no part of what it works on.
        ("We would like to team up with someone in Umeå. Laser welding.", ["laser welding"]),
        ("Vi är ett branschnätverk. Helst med samarbetspartner i Umeå.", []),
        ("Ett näringslivsinitiativ i Umeå. Sensornätverk.", ["sensornätverk"]),
        # Words of plans and calls neither.
        (
            "Sökande: Cirkulärlabbet Visby. Planerad finansiering: Vinnovas program för "
            "interregional samverkan. Vi siktar på att lämna in en ansökan. Biokol.",
            ["biokol"],
        ),
    ],
)
def test_what_a_description_mentions(text: str, expected: list[str]) -> None:
    assert mentions(text) == expected


def test_the_actors_own_name_is_not_a_mention() -> None:
    assert mentions("Skogslabbet. Lasersvetsning. Söker finansiering.", "Skogslabbet") == [
        "lasersvetsning"
    ]


def test_a_mention_counts_only_without_a_cue_and_at_its_own_weight() -> None:
    index = build_index(
        [
            actor(1, "SE11", description="Vårt kluster i Luleå. Sondraketer."),
            actor(2, "SE21", description="Vårt nätverk i Kiruna. Sondraketer och ballonger."),
            actor(3, "SE22", description="Vi arbetar med sondraketer. Också ballonger."),
            actor(4, "SE23", description="Vi arbetar med ballonger."),
        ]
    )
    features = [index.features[index.position[k]] for k in (1, 2, 3)]
    assert features[0].technologies == {"rocket sound"}
    assert features[0].concepts["tech:rocket sound"] == MENTION_WEIGHT
    # A cue-read technology wins: "ballonger", mentioned later, is not added.
    assert features[2].technologies == {"rocket sound"}
    assert features[2].concepts["tech:rocket sound"] == 1.0
    # Two text-only actors mentioning the same technology find each other first.
    first = candidates(index, 1, limit=3)[0]
    assert first.actor_id in {2, 3}
