"""A technology also counts as its words (app/matching/features.py): two phrasings of one
technology that share words ("digital twins", "digital twin platforms") are close even
though their concept keys differ, and the reasons say which phrasings are close."""

import math

import numpy as np
import pytest

from app.matching.consortia import make_pool
from app.matching.consortium_reasons import shared_focus as consortium_focus
from app.matching.features import GRAM_WEIGHT, WORD_WEIGHT, concept_weights
from app.matching.objective import shared_focus
from app.matching.partners import candidates
from tests.matching.builders import actor, build_index


def test_a_technology_counts_as_its_words_with_their_own_weight() -> None:
    concepts = concept_weights(frozenset({"ict"}), {}, frozenset({"digit platform twin"}))
    words = {k: v for k, v in concepts.items() if k.startswith("word:")}
    assert set(words) == {"word:digit", "word:platform", "word:twin"}
    assert math.sqrt(sum(v * v for v in words.values())) == pytest.approx(WORD_WEIGHT)
    grams = [v for k, v in concepts.items() if k.startswith("gram:")]
    assert math.sqrt(sum(v * v for v in grams)) == pytest.approx(GRAM_WEIGHT)
    assert concepts["tech:digit platform twin"] == 1.0


def _population() -> list:  # type: ignore[type-arg]
    def ict(actor_id: int, region: str, technology: str, **fields: object):  # type: ignore[no-untyped-def]
        return actor(
            actor_id,
            region,
            themes=["ict"],
            technologies=[technology],
            name=f"A{actor_id}",
            **fields,
        )

    return [
        ict(1, "SE11", "digital twins"),
        ict(2, "SE21", "digital twin platforms"),
        ict(3, "SE22", "edge computing"),
        ict(4, "SE23", "edge computing"),
        ict(5, "SE31", "quantum sensing"),
        ict(6, "SE32", "quantum sensing"),
    ]


def test_a_partner_phrasing_the_same_technology_otherwise_ranks_first() -> None:
    index = build_index(_population())
    ranking = [c.actor_id for c in candidates(index, 1, limit=5)]
    assert ranking[0] == 2
    # The same technology, phrased the same way, is said as shared, not as close.
    same = {c.actor_id: c for c in candidates(index, 3, limit=5)}[4].reasons
    assert any(r.startswith("Both work on edge computing") for r in same), same
    assert not any("close" in r for r in same)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Your digital twins and its digital twin platforms are close: they share words"),
        ("sv", "Er digital twins och dess digital twin platforms ligger nära varandra"),
    ],
)
def test_the_reason_names_both_phrasings(lang: str, expected: str) -> None:
    index = build_index(_population())
    found = {c.actor_id: c for c in candidates(index, 1, limit=5, lang=lang)}
    assert any(r.startswith(expected) for r in found[2].reasons), found[2].reasons
    # Actors sharing no word get no such reason.
    assert not any("close" in r or "nära" in r for r in found[3].reasons)


def test_consortium_members_phrasing_one_technology_otherwise_share_a_focus() -> None:
    index = build_index(
        [
            *_population(),
            actor(7, "SE33", themes=["ict"], technologies=["twin digital models"], name="A7"),
        ]
    )
    at = index.position
    pool = make_pool(index, [at[1], at[2], at[7], at[3], at[5]], None, 2)
    # Three phrasings sharing "digital" and "twin"; then three unrelated technologies.
    assert shared_focus(pool, np.array([[0, 1, 2], [0, 3, 4]])).tolist() == pytest.approx(
        [1.0, 1 / 3]
    )


def test_a_consortium_sharing_only_words_names_its_members_phrasings() -> None:
    index = build_index(
        [
            *_population(),
            actor(7, "SE33", themes=["ict"], technologies=["twin digital models"], name="A7"),
        ]
    )
    at = index.position
    focus = consortium_focus(index, [at[1], at[2], at[7]], "en")
    assert focus == ["digital twins", "digital twin platforms", "twin digital models"]
    # A technology named alike by two members is named itself.
    assert consortium_focus(index, [at[3], at[4], at[1]], "en") == ["edge computing"]
    assert consortium_focus(index, [at[1], at[3], at[5]], "en") == []
