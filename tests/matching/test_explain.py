"""The pair reasons read as sentences in both languages (app/matching/explain.py)."""

import pytest

from app.matching.explain import label_list, mid_sentence, pair_reasons
from tests.matching.builders import actor, build_index, region


@pytest.mark.parametrize(
    ("labels", "lang", "expected"),
    [
        (["Food", "Energy"], "en", "food and energy"),
        (["Food", "Energy", "ICT"], "en", "food, energy and ICT"),
        # A label holding "and" itself: the list still reads as two items.
        (["ICT and digitalisation", "Energy"], "en", "ICT and digitalisation as well as energy"),
        (
            ["Livsmedel", "Textil och mode", "Energi"],
            "sv",
            "livsmedel, textil och mode samt energi",
        ),
    ],
)
def test_a_list_reads_as_one_sentence(labels: list[str], lang: str, expected: str) -> None:
    assert label_list(labels, lang=lang) == expected


def _related_pair() -> list:  # type: ignore[type-arg]
    # energy and offshore go together in most actors; 11 works on both, 10 on energy only.
    actors = [actor(k, "SE23", themes=["energy", "offshore"]) for k in range(1, 6)]
    return [
        *actors,
        actor(10, "SE22", "rdi_platform", themes=["energy"]),
        actor(11, "SE11", themes=["energy", "offshore"]),
    ]


@pytest.mark.parametrize(
    ("lang", "related", "kinds"),
    [
        (
            "en",
            "It also works on offshore and maritime, which often goes with your energy",
            "A cluster next to your RDI platform",
        ),
        (
            "sv",
            "Det arbetar också med offshore och maritim näring, som ofta hör ihop med energi "
            "hos er",
            "Ett kluster bredvid er FoI-plattform",
        ),
    ],
)
def test_reasons_read_mid_sentence_and_agree_in_gender(lang: str, related: str, kinds: str) -> None:
    index = build_index(_related_pair())
    i, j = index.position[10], index.position[11]
    reasons = pair_reasons(index, i, j, index.pair_scores(i), lang=lang)
    assert related in reasons, reasons
    assert kinds in reasons, reasons


@pytest.mark.parametrize(("kind", "pronoun"), [("cluster", "Det"), ("rdi_platform", "Den")])
def test_the_swedish_pronoun_agrees_with_the_candidates_kind(kind: str, pronoun: str) -> None:
    # ett kluster is "det", en FoI-plattform "den".
    index = build_index(
        [
            actor(1, "SE22", themes=["food"], offers=["testbed"], seeks=["design"]),
            actor(2, "SE23", kind, themes=["food"], offers=["design"], seeks=["testbed"]),
        ]
    )
    i, j = index.position[1], index.position[2]
    reasons = pair_reasons(index, i, j, index.pair_scores(i), lang="sv")
    assert f"{pronoun} erbjuder design, som ni söker" in reasons, reasons
    assert f"Ni erbjuder testbädd, som {pronoun.lower()} söker" in reasons, reasons
    assert any(r.startswith(f"{pronoun} finns i") for r in reasons), reasons


def test_two_regions_whose_names_hold_and_still_read_as_two() -> None:
    regions = [
        region("SE21", "Småland and the islands", ("food",)),
        region("SE11", "Stockholm", ("food",)),
    ]
    index = build_index(
        [actor(1, "SE21", themes=["food"]), actor(2, "SE11", themes=["food"])], regions
    )
    i, j = index.position[1], index.position[2]
    reasons = pair_reasons(index, i, j, index.pair_scores(i))
    expected = (
        "Småland and the islands as well as Stockholm both list food among their S3 priorities"
    )
    assert expected in reasons, reasons


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Life science", "life science"),
        ("E-textiles", "e-textiles"),
        ("ICT and digitalisation", "ICT and digitalisation"),
        # Title case is left as written (its words may be names), never half lower-cased.
        ("Energy Storage Systems", "Energy Storage Systems"),
        ("Health and Life Sciences", "Health and Life Sciences"),
        ("IoT sensors", "IoT sensors"),
    ],
)
def test_a_label_mid_sentence_is_lower_cased_only_at_its_start(label: str, expected: str) -> None:
    assert mid_sentence(label) == expected
