import pytest

from app.matching.concepts import ConceptReader
from app.matching.features import reader_for
from app.matching.wordings import CAPABILITY_WORDINGS, with_wordings
from tests.matching.builders import vocabulary


def reader() -> ConceptReader:
    return reader_for(vocabulary())


@pytest.mark.parametrize(
    ("text", "offers", "seeks"),
    [
        ("We offer large curated datasets.", {"data"}, set()),
        ("Hos oss finns stora kvalitetssäkrade datamängder.", {"data"}, set()),
        ("Vi saknar vägledning genom tillståndsprocesser.", set(), {"regulatory"}),
        ("We are looking for guidance through permitting.", set(), {"regulatory"}),
        ("Vi erbjuder en regional innovationsfond.", {"financing"}, set()),
        ("Vi söker kompetenslyft för personalen.", set(), {"training"}),
        ("We offer PhD-level expertise.", {"research"}, set()),
        ("Vi söker konceptverifiering.", set(), {"prototyping"}),
        ("We offer pilot runs in our demo plant.", {"testbed"}, set()),
        ("Vi kan bidra med stöd för kommersialisering.", {"market-access"}, set()),
    ],
)
def test_everyday_wordings_of_a_capability_are_read(
    text: str, offers: set[str], seeks: set[str]
) -> None:
    reading = reader().read(text)
    assert (reading.offers, reading.seeks) == (offers, seeks)


def test_wordings_join_only_the_vocabulary_s_own_capabilities() -> None:
    phrases = with_wordings({"data": ("data",), "own-slug": ("own phrase",)}, CAPABILITY_WORDINGS)
    assert phrases["data"] == ("data", *CAPABILITY_WORDINGS["data"])
    assert phrases["own-slug"] == ("own phrase",)
    assert set(phrases) == {"data", "own-slug"}


@pytest.mark.parametrize(
    ("text", "offers", "seeks"),
    [
        ("Ideally a partner would bring industrial design.", set(), {"design"}),
        ("Helst ska en partner tillföra riskkapital.", set(), {"financing"}),
        (
            "We would like to team up with someone who can provide production capacity.",
            set(),
            {"manufacturing"},
        ),
        ("Helst ska en partner kunna bidra med finansiering.", set(), {"financing"}),
        ("Våra medlemmar tillför regulatorisk rådgivning.", {"regulatory"}, set()),
        # A partner stated as giving, with no wish: a fact, not a need.
        ("Partners offer test beds through our programme.", {"testbed"}, set()),
        ("The region offers financing.", {"financing"}, set()),
        ("Our member organisations provide test beds.", {"testbed"}, set()),
        # A cue's own words are no capability ("bidrag" is also a grant).
        ("Vårt bidrag: testbäddar.", {"testbed"}, set()),
        ("Our partners bring test beds.", {"testbed"}, set()),
        ("The organisation provides market access.", {"market-access"}, set()),
        ("Partners get access to our test beds.", {"testbed"}, set()),
        (
            "Our contribution: rapid prototyping. Partners wanted: funding.",
            {"prototyping"},
            {"financing"},
        ),
    ],
)
def test_what_a_partner_would_give_is_sought(text: str, offers: set[str], seeks: set[str]) -> None:
    reading = reader().read(text)
    assert (reading.offers, reading.seeks) == (offers, seeks)


@pytest.mark.parametrize(
    ("text", "themes"),
    [
        ("Ett nätverk för företag inom verkstadsindustrin.", {"advanced-manufacturing"}),
        ("A cluster organisation in the blue economy.", {"offshore"}),
        ("Vi samlar företag inom biovetenskaplig industri.", {"life-science"}),
        ("An alliance around biopharma.", {"life-science"}),
    ],
)
def test_a_sector_s_common_names_are_read_as_its_theme(text: str, themes: set[str]) -> None:
    assert reader().read(text).themes == themes


@pytest.mark.parametrize(
    "text",
    [
        "Vi utvecklar tillståndsövervakning för vindkraft.",
        "The platform permits real-time monitoring of wind farms.",
        "Our members have combined sales of 2 billion SEK.",
        "We wanted to build a hydrogen demonstrator once.",
    ],
)
def test_words_that_only_look_like_a_need_are_not_read_as_one(text: str) -> None:
    reading = reader().read(text)
    assert not reading.offers & {"regulatory", "market-access"}
    assert not reading.seeks
