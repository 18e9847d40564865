"""A technology also counts as its words (app/matching/features.py): two phrasings of one
technology that share words ("digital twins", "digital twin platforms") are close even
though their concept keys differ, and the reasons say which phrasings are close."""

import math

import numpy as np
import pytest

from app.matching.consortia import make_pool
from app.matching.consortium_reasons import consortium_reasons
from app.matching.features import GRAM_WEIGHT, WORD_WEIGHT, concept_weights
from app.matching.objective import shared_focus
from app.matching.partners import candidates
from tests.matching.builders import actor, build_index


def test_a_technology_counts_as_its_words_with_their_own_weight() -> None:
    concepts = concept_weights({"ict": 1.0}, {}, frozenset({"digit platform twin"}))
    words = {k: v for k, v in concepts.items() if k.startswith("word:")}
    # "platforms" says what kind of thing it is, not what it is about.
    assert set(words) == {"word:digit", "word:twin"}
    assert math.sqrt(sum(v * v for v in words.values())) == pytest.approx(WORD_WEIGHT)
    grams = [v for k, v in concepts.items() if k.startswith("gram:")]
    assert math.sqrt(sum(v * v for v in grams)) == pytest.approx(GRAM_WEIGHT)
    assert concepts["tech:digit platform twin"] == 1.0


SYSTEMS = ["energy storage", "water treatment", "building management", "traffic control"]
REGIONS = ["SE12", "SE21", "SE22", "SE23", "SE31", "SE32", "SE33", "SE11"]


def _population() -> list:  # type: ignore[type-arg]
    def ict(actor_id: int, region: str, technology: str):  # type: ignore[no-untyped-def]
        return actor(
            actor_id, region, themes=["ict"], technologies=[technology], name=f"A{actor_id}"
        )

    return [
        ict(1, "SE11", "digital twins"),
        ict(2, "SE21", "Digital twin platforms"),
        ict(3, "SE22", "edge computing"),
        ict(4, "SE23", "edge computing"),
        ict(5, "SE31", "quantum sensing"),
        ict(6, "SE32", "quantum sensing"),
        ict(7, "SE33", "twin digital models"),
        # A word many technologies have says nothing of two phrasings naming one thing.
        *[ict(10 + k, REGIONS[k], f"{t} systems") for k, t in enumerate(SYSTEMS * 2)],
    ]


def test_a_partner_phrasing_the_same_technology_otherwise_ranks_first() -> None:
    index = build_index(_population())
    ranking = [c.actor_id for c in candidates(index, 1, limit=5)]
    assert set(ranking[:2]) == {2, 7}
    # The same technology, phrased the same way, is said as shared, not as close.
    same = {c.actor_id: c for c in candidates(index, 3, limit=5)}[4].reasons
    assert any(r.startswith("Both work on edge computing") for r in same), same
    assert not any(r.startswith("Close focus") for r in same)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Close focus: your digital twins and its digital twin platforms"),
        ("sv", "Närliggande inriktning: digital twins hos er och digital twin platforms hos det"),
    ],
)
def test_the_reason_names_both_phrasings(lang: str, expected: str) -> None:
    index = build_index(_population())
    found = {c.actor_id: c for c in candidates(index, 1, limit=20, lang=lang)}
    assert expected in found[2].reasons, found[2].reasons
    # Actors sharing no word, or only a word many technologies have, get no such reason.
    prefix = expected.split(":")[0]
    assert not any(r.startswith(prefix) for r in found[3].reasons)
    systems = {c.actor_id: c for c in candidates(index, 10, limit=20, lang=lang)}
    assert not any(r.startswith(prefix) for r in systems[11].reasons), systems[11].reasons


def test_a_generic_word_alone_does_not_make_two_technologies_close() -> None:
    # A small catalogue, where two actors sharing a word would pass as telling: "systems"
    # must still not relate energy storage to water treatment, by words or by letters.
    def catalogue(storage: str, treatment: str) -> list:  # type: ignore[type-arg]
        return [
            actor(1, "SE11", themes=["energy"], technologies=[storage]),
            actor(2, "SE21", themes=["environment"], technologies=[treatment]),
            actor(3, "SE22", themes=["energy"], technologies=["hydrogen"]),
            actor(4, "SE23", themes=["ict"], technologies=["edge computing"]),
        ]

    def pair(storage: str, treatment: str) -> tuple[float, list[str], list[str]]:
        index = build_index(catalogue(storage, treatment))
        match = next(c for c in candidates(index, 1, limit=5) if c.actor_id == 2)
        shared = [name for name, _ in index.shared_concepts(0, 1)]
        return match.thematic, match.reasons, shared

    plain, _, _ = pair("energy storage", "water treatment")
    for storage, treatment in [
        ("energy storage systems", "water treatment systems"),
        ("Energilagringssystem", "vattenreningssystem"),
        ("energy storage solutions", "water treatment technologies"),
    ]:
        thematic, reasons, shared = pair(storage, treatment)
        assert shared == [], (storage, treatment)
        # The word still counts in the text similarity, a little (it was 0.64 with 0.02).
        assert thematic < plain + 0.1, (storage, treatment, thematic)
        assert not any(r.startswith("Close focus") for r in reasons), reasons


def test_words_whose_stems_only_look_alike_do_not_make_two_technologies_close() -> None:
    # The English stemmer makes "mobility" and "mobile" one word, "mobil".
    index = build_index(
        [
            actor(1, "SE11", themes=["urban"], technologies=["mobility solutions"]),
            actor(2, "SE21", themes=["ict"], technologies=["mobile apps"]),
            actor(3, "SE22", themes=["urban"], technologies=["Mobilitetstjänster"]),
            actor(4, "SE23", themes=["ict"], technologies=["edge computing"]),
        ]
    )
    assert [name for name, _ in index.shared_concepts(0, 1)] == []
    match = next(c for c in candidates(index, 1, limit=5) if c.actor_id == 2)
    assert not any(r.startswith("Close focus") for r in match.reasons), match.reasons
    # The Swedish word for mobility is still the same concept.
    assert [name for name, _ in index.shared_concepts(0, 2)] != []


def test_consortium_members_phrasing_one_technology_otherwise_share_a_focus() -> None:
    index = build_index(_population())
    at = index.position
    pool = make_pool(index, [at[k] for k in (1, 2, 7, 3, 5, 10, 11, 12)], None, 2)
    # Three phrasings sharing "digital" and "twin"; three unrelated technologies; three
    # that share only "systems".
    found = shared_focus(pool, np.array([[0, 1, 2], [0, 3, 4], [5, 6, 7]]))
    assert found.tolist() == pytest.approx([1.0, 1 / 3, 1 / 3])


def test_a_consortium_sharing_only_words_names_its_members_phrasings() -> None:
    index = build_index(_population())
    at = index.position

    def focus(*ids: int) -> list[str]:
        reasons = consortium_reasons(index, [at[k] for k in ids], "ict")
        return [r for r in reasons if r.startswith(("Shared focus", "Close focus"))]

    assert focus(1, 2, 7) == [
        "Close focus: digital twins, digital twin platforms and twin digital models"
    ]
    # A technology named alike by two members is named itself.
    assert focus(3, 4, 1) == ["Shared focus of 2 of 3 members: edge computing"]
    assert focus(1, 3, 5) == []
    assert focus(10, 11, 12) == []
