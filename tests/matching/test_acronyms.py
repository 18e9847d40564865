"""An acronym and the phrase it abbreviates are one technology (app/matching/acronyms.py)."""

from app.matching.acronyms import INITIALS_WEIGHT, abbreviations, acronyms_in
from app.matching.partners import candidates
from tests.matching.builders import actor, build_index


def test_acronyms_are_short_words_of_two_or_more_capitals() -> None:
    text = "We work on RPM, V2G and PEDs, with CubeSats, IoT, CO2 and an Idea."
    assert acronyms_in(text) == {"rpm", "vtg", "ped", "iot", "co2"}
    assert acronyms_in("WE OFFER TEST BEDS. Also ATMP.") == {"atmp"}


def test_a_phrase_abbreviates_to_its_initials_and_an_acronym_to_itself() -> None:
    assert abbreviations("remote patient monitoring", frozenset()) == {"rpm": INITIALS_WEIGHT}
    assert abbreviations("vehicle-to-grid", frozenset()) == {"vtg": INITIALS_WEIGHT}
    assert abbreviations("RPM", frozenset({"rpm"})) == {"rpm": 1.0}
    # Two-word initials meet by chance; a short word is no acronym unless written as one.
    assert abbreviations("smart grids", frozenset()) == {}
    assert abbreviations("rpm", frozenset()) == {}


def _health(actor_id: int, region: str, technology: str, description: str = ""):  # type: ignore[no-untyped-def]
    return actor(
        actor_id,
        region,
        themes=["health"],
        technologies=[technology],
        description=description,
        offers=["testbed"],
        seeks=["financing"],
        name=f"Health {actor_id}",
    )


def test_an_acronym_meets_the_phrase_it_abbreviates() -> None:
    index = build_index(
        [
            _health(1, "SE11", "RPM", "We build RPM for elderly care."),
            # Ties go to the lower id: the partner has the highest.
            _health(2, "SE22", "robotic surgery planning"),
            _health(3, "SE23", "cancer vaccine trials"),
            _health(4, "SE31", "hospital logistics"),
            _health(5, "SE21", "remote patient monitoring"),
        ]
    )
    found = candidates(index, 1, limit=4)
    assert found[0].actor_id == 5
    assert any(
        r.startswith("Close focus") and "RPM" in r and "remote patient monitoring" in r
        for r in found[0].reasons
    ), found[0].reasons


def test_two_phrases_sharing_only_initials_are_not_called_close() -> None:
    index = build_index(
        [
            _health(1, "SE11", "carbon capture and storage"),
            _health(2, "SE21", "cell culture systems"),
            _health(3, "SE22", "hospital logistics"),
        ]
    )
    for found in candidates(index, 1, limit=2):
        assert not any(r.startswith("Close focus") for r in found.reasons), found.reasons


def test_an_acronym_read_from_a_description_is_shown_as_written() -> None:
    described = "A health cluster. We specialise in RPM for elderly care. We seek financing."
    index = build_index(
        [
            actor(1, "SE11", description=described, name="Health 1"),
            _health(2, "SE21", "remote patient monitoring"),
        ]
    )
    assert set(index.features[0].technology_labels.values()) == {"RPM for elderly care"}
    (found,) = candidates(index, 1, limit=1)
    assert any("your RPM for elderly care" in r for r in found.reasons), found.reasons


def test_a_heading_in_capitals_is_not_taken_for_acronyms() -> None:
    described = "WE SPECIALISE IN RPM FOR ELDERLY CARE. We seek financing."
    index = build_index([actor(1, "SE11", description=described)])
    labels = set(index.features[0].technology_labels.values())
    assert labels == {"rpm for elderly care"}, labels
