"""Why a consortium holds together (app/matching/consortium_reasons.py)."""

import pytest

from app.matching.consortium_reasons import consortium_reasons
from tests.matching.builders import actor, build_index


def _members() -> list:  # type: ignore[type-arg]
    def food(actor_id: int, region: str, technologies: list[str]):  # type: ignore[no-untyped-def]
        return actor(actor_id, region, themes=["food"], technologies=technologies)

    return [
        food(1, "SE11", ["precision fermentation", "food packaging"]),
        food(2, "SE21", ["precision fermentation", "food packaging"]),
        food(3, "SE22", ["precision fermentation"]),
        food(4, "SE23", ["precision fermentation", "shelf life"]),
        food(5, "SE31", ["insect protein"]),
    ]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "Shared focus: precision fermentation",
                "Shared focus of 2 of 4 members: food packaging",
            ],
        ),
        (
            "sv",
            [
                "Gemensamt fokus: precision fermentation",
                "Gemensamt fokus för 2 av 4 medlemmar: food packaging",
            ],
        ),
    ],
)
def test_a_focus_not_all_members_share_says_how_many_do(lang: str, expected: list[str]) -> None:
    index = build_index(_members())
    positions = [index.position[k] for k in (1, 2, 3, 4)]
    reasons = consortium_reasons(index, positions, "food", lang=lang)
    prefix = expected[0].split(":")[0]
    assert [r for r in reasons if r.startswith(prefix)] == expected


def test_a_focus_worded_differently_is_named_by_its_plainest_wording() -> None:
    members = [
        actor(1, "SE11", themes=["food"], technologies=["precisionsfermenteringen"]),
        actor(2, "SE21", themes=["food"], technologies=["precisionsfermentering"]),
        actor(3, "SE22", themes=["food"], technologies=["precision fermentation"]),
    ]
    index = build_index(members)
    positions = [index.position[k] for k in (1, 2, 3)]
    reasons = consortium_reasons(index, positions, "food", lang="en")
    assert [r for r in reasons if r.startswith("Shared focus")] == [
        "Shared focus: precision fermentation"
    ]
