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
        ("Våra medlemmar tillför regulatorisk rådgivning.", {"regulatory"}, set()),
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
