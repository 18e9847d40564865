"""The pair reasons read as sentences in both languages (app/matching/explain.py)."""

import pytest

from app.matching.explain import label_list, pair_reasons
from tests.matching.builders import actor, build_index


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
            "Den arbetar också med offshore och maritim näring, som ofta hör ihop med energi "
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
