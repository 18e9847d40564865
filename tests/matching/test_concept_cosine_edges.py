"""Edges of the concept cosine the pair-score tests do not reach."""

import pytest

from tests.matching.builders import actor, build_index


def test_a_concept_every_actor_has_still_counts() -> None:
    # Food is everyone's: its IDF is exactly 1, so each query's weighted norm is exactly 1.
    index = build_index([actor(k, f"SE{k}1", themes=["food"]) for k in (1, 2, 3)])
    assert index.concept_similarity(0).tolist() == pytest.approx([1.0, 1.0, 1.0])


def test_concept_vectors_shorter_than_one_are_still_a_cosine() -> None:
    # Two actors whose one concept is a NACE section (weight 0.25): their weighted norms
    # multiply to far less than 1, and their cosine is still 1.
    index = build_index(
        [actor(1, "SE11", nace_codes=["A"]), actor(2, "SE22", nace_codes=["A"]), actor(3, "SE23")]
    )
    found = index.concept_similarity(index.position[1])
    assert float(found[index.position[2]]) == pytest.approx(1.0, abs=1e-5)


def test_related_concepts_lift_at_most_one() -> None:
    # Energy, textiles, ICT and offshore each go with food in the two hubs; the last actor
    # works on all four besides food, so their pulls add up to well over 1.
    many = ["food", "energy", "textiles", "ict", "offshore"]
    index = build_index(
        [
            actor(1, "SE11", themes=["food"]),
            actor(2, "SE12", themes=many),
            actor(3, "SE21", themes=many),
            actor(4, "SE22", themes=many),
        ]
    )
    related = index.pair_scores(index.position[1]).related
    assert float(related[index.position[4]]) == pytest.approx(1.0)
