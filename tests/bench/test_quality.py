"""The quality harness itself is honest: metrics score known rankings as they should,
generators are deterministic and plant what they claim, and the ablation reproduces the
engine's own ranking when nothing is switched off."""

import numpy as np
import pytest

from app.reference import nuts
from bench.baseline import TfidfRanker
from bench.metrics import (
    consortium_hit,
    hits_at,
    jaccard,
    ndcg_at,
    reciprocal_rank,
    twin_above_partners,
)
from bench.populations import GENERATORS, HELD_OUT, TUNING
from bench.populations.engine import InProcessEngine, profile_of, recombined, transfer_document
from bench.populations.model import Population, confounders, consortium_problems, nuts2
from bench.quality import (
    STATED,
    Tally,
    evaluate,
    proposal_problems,
    rank_pairs,
    rank_pairs_by_profile,
)
from seed_data import load

THEMES = {t["slug"] for t in load("themes.json")}
CAPABILITIES = {c["slug"] for c in load("capabilities.json")}


def tiny(name: str, seed: int = 3) -> Population:
    return GENERATORS[name](seed, 4, 12)


@pytest.fixture(scope="module", params=sorted(GENERATORS))
def population(request: pytest.FixtureRequest) -> Population:
    return tiny(request.param)


def test_tuning_and_held_out_split() -> None:
    assert set(TUNING) <= set(GENERATORS)
    assert len(HELD_OUT) >= 2
    assert not set(TUNING) & set(HELD_OUT)
    assert set(TUNING) | set(HELD_OUT) == set(GENERATORS)


def test_generators_are_deterministic_per_seed(population: Population) -> None:
    again = tiny(population.generator)
    assert again.actors == population.actors
    assert again.consortia == population.consortia
    assert tiny(population.generator, seed=4).actors != population.actors


@pytest.mark.parametrize("name", sorted(GENERATORS))
def test_every_planted_consortium_meets_its_own_definition(name: str) -> None:
    for seed in range(8):
        population = GENERATORS[name](seed, 12, 0)
        assert len(population.consortia) == 12
        for consortium in population.consortia:
            assert consortium_problems(population, consortium) == []


@pytest.mark.parametrize("name", sorted(GENERATORS))
def test_no_outsider_is_as_right_an_answer_as_a_member(name: str) -> None:
    for seed in range(4):
        assert confounders(GENERATORS[name](seed, 27, 300)) == []


def test_confounders_are_noticed() -> None:
    population = tiny(TUNING[0])
    consortium = population.consortia[0]
    member = population.by_id[consortium.member_ids[0]]
    noise = next(a for a in population.actors if a.role == "noise")
    population.by_id[noise.id] = population.actors[population.actors.index(noise)] = type(noise)(
        **{**noise.__dict__, "themes": member.themes, "focus": member.focus, "offers": member.seeks}
    )
    assert confounders(population) == [(noise.id, 0)]


def test_consortium_problems_notice_a_broken_consortium(population: Population) -> None:
    population = tiny(population.generator)  # a copy of its own: this test breaks it
    consortium = population.consortia[0]
    first = population.by_id[consortium.member_ids[0]]
    # Two members in one NUTS-2 region, and one that offers nothing the others seek.
    population.by_id[first.id] = type(first)(
        **{**first.__dict__, "region_code": population.by_id[consortium.member_ids[1]].region_code}
    )
    assert "two members share a NUTS-2 region" in consortium_problems(population, consortium)
    population.by_id[first.id] = type(first)(**{**first.__dict__, "offers": frozenset()})
    assert f"{first.id} offers nothing the others seek" in consortium_problems(
        population, consortium
    )


def test_traps_are_what_they_claim(population: Population) -> None:
    for actor in population.actors:
        if actor.mirror_of is None:
            continue
        member = population.by_id[actor.mirror_of]
        assert member.role == "member"
        assert nuts2(actor.region_code) != nuts2(member.region_code)
        if actor.role == "twin":
            assert (actor.themes, actor.offers, actor.seeks) == (
                member.themes,
                member.offers,
                member.seeks,
            )
            assert actor.focus != member.focus
        else:
            assert actor.role == "off_theme"
            assert member.seeks <= actor.offers
            assert not actor.themes & member.themes
    members = [a for a in population.actors if a.role == "member"]
    assert all(len(population.twins_of(m.id)) == 1 for m in members)


def test_real_codes_and_vocabulary_slugs(population: Population) -> None:
    for actor in population.actors:
        assert nuts.lookup(actor.region_code) is not None, actor.region_code
        assert actor.region_code.startswith("SE")
        assert actor.themes <= THEMES
        assert actor.offers | actor.seeks <= CAPABILITIES
        assert actor.language in {"en", "sv"}


def test_ids_do_not_reveal_the_consortia(population: Population) -> None:
    ids = [a.id for a in population.actors]
    assert sorted(ids) == list(range(1, len(ids) + 1))
    runs = [c.member_ids for c in population.consortia]
    assert any(max(r) - min(r) >= len(r) for r in runs)


def test_text_only_profiles_show_name_region_and_description_only(
    population: Population,
) -> None:
    shown = [profile_of(a) for a in population.text_only().actors]
    assert all(
        not (p.themes or p.technologies or p.offers or p.seeks or p.nace_codes) for p in shown
    )
    assert [p.description for p in shown] == [a.description for a in population.actors]


# -- metrics -----------------------------------------------------------------------------
def test_ranking_metrics_on_known_rankings() -> None:
    assert hits_at([7, 1, 3], {1, 3}, 2) == 1
    assert twin_above_partners([4, 1], {4}, {1})
    assert not twin_above_partners([1, 4], {4}, {1})
    assert not twin_above_partners([8, 9], {4}, {1})
    assert ndcg_at([1, 3, 9], {1, 3}, 10) == pytest.approx(1.0)
    assert ndcg_at([9, 1], {1}, 10) == pytest.approx(1 / np.log2(3))
    assert reciprocal_rank([9, 8, 1], {1}) == pytest.approx(1 / 3)
    assert reciprocal_rank([9, 8], {1}) == 0.0
    assert jaccard((1, 2, 3), (1, 2, 3, 4)) == 0.75
    assert consortium_hit([(5, 6, 7), (1, 2, 3, 4)], (1, 2, 3))
    assert not consortium_hit([(1, 2, 5, 6)], (1, 2, 3))
    assert not consortium_hit([(9,)] * 5 + [(1, 2, 3)], (1, 2, 3))


def _oracle(population: Population, reverse: bool):  # type: ignore[no-untyped-def]
    """Partners first (or last, after every other actor), then twins, then the rest."""

    def rank(actor_id: int, depth: int) -> list[int]:
        partners = sorted(population.partners_of(actor_id))
        twins = sorted(population.twins_of(actor_id))
        rest = [a.id for a in population.actors if a.id not in {actor_id, *partners, *twins}]
        order = [*twins, *rest, *partners] if reverse else [*partners, *twins, *rest]
        return order[:depth]

    return rank


def test_an_oracle_scores_one_and_a_reversed_oracle_zero(population: Population) -> None:
    perfect, reversed_ = Tally(), Tally()
    rank_pairs(population, _oracle(population, reverse=False), perfect)
    rank_pairs(population, _oracle(population, reverse=True), reversed_)
    best, worst = perfect.row("all"), reversed_.row("all")
    assert best["recall@5"] == best["ndcg@10"] == best["mrr"] == 1.0
    assert best["twin"] == 0.0
    assert worst["recall@5"] == worst["ndcg@10"] == 0.0
    assert worst["twin"] == 1.0
    queries = sum(len(c.member_ids) for c in population.consortia)
    assert perfect.sums["all"]["queries"] == queries
    assert sum(perfect.sums[lang]["queries"] for lang in ("en", "sv")) == queries


def test_pairs_by_stated_profiles_add_up_and_score_an_oracle_one(population: Population) -> None:
    perfect, reversed_, everyone = Tally(), Tally(), Tally()
    rank_pairs_by_profile(population, _oracle(population, reverse=False), perfect)
    rank_pairs_by_profile(population, _oracle(population, reverse=True), reversed_)
    rank_pairs(population, _oracle(population, reverse=False), everyone)
    kinds = [k for k in STATED.values() if perfect.sums[k]["partners"]]
    assert all(perfect.row(k)["recall@5"] == 1.0 for k in kinds)
    assert all(reversed_.row(k)["recall@5"] == 0.0 for k in kinds)
    assert sum(perfect.sums[k]["partners"] for k in kinds) == everyone.sums["all"]["partners"]
    # A pair counts where its two actors put it: both text-only pairs under "none".
    text_only = population.text_only()
    none_only = Tally()
    rank_pairs_by_profile(text_only, _oracle(text_only, reverse=False), none_only)
    assert set(none_only.sums) == {"none"}


def test_proposal_problems_are_found() -> None:
    population = tiny(TUNING[0])
    members = population.consortia[0].member_ids
    seed = members[0]
    assert proposal_problems(population, seed, members) == []
    assert "size" in proposal_problems(population, seed, members[:2])
    assert "seed missing" in proposal_problems(population, seed, (*members[1:], 999_999))
    same_region = [
        a.id for a in population.actors if a.region_code == population.by_id[seed].region_code
    ]
    assert "regions" in proposal_problems(population, seed, tuple(same_region[:3]))


def test_baseline_ranks_by_text_among_other_regions_only() -> None:
    population = tiny(TUNING[0])
    ranker = TfidfRanker(population)
    query = population.actors[0]
    ranking = ranker.rank(query.id, 100)
    assert query.id not in ranking
    assert all(nuts2(population.by_id[i].region_code) != nuts2(query.region_code) for i in ranking)


def test_recombined_components_reproduce_the_engines_ranking() -> None:
    population = tiny("ledger")
    engine = InProcessEngine(population)
    for consortium in population.consortia:
        parts = engine.parts(consortium.member_ids[0])
        assert np.allclose(recombined(parts), parts.score, atol=1e-5)


def test_harness_runs_end_to_end_on_a_tiny_population() -> None:
    tallies = evaluate(tiny("mosaic"), every_member=False)
    assert {"engine|structured", "engine|text", "tf-idf baseline|any"} <= set(tallies)
    assert {"- thematic|structured", "- complementarity|text", "- regional|text"} <= set(tallies)
    engine = tallies["engine|structured"].row("all")
    assert set(engine) == {"recall@5", "ndcg@10", "mrr", "twin", "hit@5", "valid"}
    assert all(0.0 <= v <= 1.0 for v in engine.values())
    assert tallies["engine|text"].sums["all"]["seeds"] == 4


def test_the_import_document_carries_what_the_engine_is_shown() -> None:
    population = tiny("mosaic")
    doc = transfer_document(population)
    rows = {row["external_id"]: row for row in doc["clusters"] + doc["rdi_platforms"]}
    assert len(rows) == len(population.actors)
    for actor in population.actors:
        row = rows[f"synthetic-{actor.id}"]
        assert (row["name"], row["region_code"], row["description"]) == (
            actor.name,
            actor.region_code,
            actor.description,
        )
        assert bool(row["themes"] or row["offers"]) is not actor.text_only
    assert {r["code"] for r in doc["regions"]} >= {a.region_code for a in population.actors}
