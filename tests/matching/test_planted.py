import pytest

from app.matching.consortia import propose_consortia
from app.matching.partners import candidates
from app.matching.rules import ConsortiumRules
from tests.matching.builders import build_index
from tests.matching.planted import consortium_population, population


@pytest.mark.parametrize("seed", range(1, 11))
def test_planted_partners_rank_first_and_traps_rank_low(seed: int) -> None:
    actors, regions, groups = population(seed)
    index = build_index(actors, regions)
    for group in groups:
        ranked = [c.actor_id for c in candidates(index, group.cluster, limit=len(actors))]
        assert set(ranked[:2]) == {group.platform, group.third}, group.theme
        assert ranked.index(group.twin) > 2, group.theme
        assert ranked.index(group.off_theme) > 2, group.theme


@pytest.mark.parametrize("seed", range(1, 11))
def test_text_only_actor_is_read_and_matched(seed: int) -> None:
    actors, regions, groups = population(seed)
    index = build_index(actors, regions)
    for group in groups:
        features = index.features[index.position[group.third]]
        assert group.theme in features.themes
        assert "prototyping" in features.offers
        assert features.seeks == {"sme-network"}
        ranked = [c.actor_id for c in candidates(index, group.third, limit=10)]
        assert group.cluster in ranked or group.platform in ranked


@pytest.mark.parametrize("seed", range(1, 11))
def test_planted_consortium_is_found_from_its_seed(seed: int) -> None:
    actors, regions, groups = population(seed)
    index = build_index(actors, regions)
    for group in groups:
        rules = ConsortiumRules(min_members=3, max_members=3, min_regions=2)
        best = propose_consortia(index, rules, seed_ids=(group.cluster,), limit=3)[0]
        assert set(best.member_ids) == {group.cluster, group.platform, group.third}, group.theme
        assert best.themes[0] == group.theme


def test_every_proposal_meets_the_constraints() -> None:
    actors, regions, _groups = population(4)
    index = build_index(actors, regions)
    rules = ConsortiumRules(min_members=3, max_members=4, min_regions=3)
    proposals = propose_consortia(index, rules, theme="food", limit=5)
    assert proposals
    for proposal in proposals:
        assert 3 <= len(proposal.member_ids) <= 4
        assert len({code[:4] for code in proposal.regions}) >= 3
        assert proposal.themes[0] == "food"
    assert proposals == propose_consortia(index, rules, theme="food", limit=5)  # same answer


# -- consortia around a shared technology (the tuning population) -----------------------
# Figures on this population when the engine was tuned (seeds 1-3): pair recall@5 0.90
# structured / 0.69 text-only, twin above every partner 0 %, consortium hit@5 0.83 / 0.80.
# The bounds below sit a little under them, so a change that loses quality fails.
QUALITY_FLOORS = {False: (0.85, 0.75), True: (0.62, 0.7)}  # text_only: (recall@5, hit@5)


def _jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b)


@pytest.mark.parametrize("text_only", [False, True])
def test_planted_partners_and_consortia_are_found(text_only: bool) -> None:
    hits = pairs = twins_above = queries = found = seeds = 0
    rules = ConsortiumRules(min_members=3, max_members=4, min_regions=2)
    for seed in (1, 2, 3):
        actors, regions, planted = consortium_population(seed, text_only)
        index = build_index(actors, regions)
        for group in planted:
            for member in group.members:
                ranked = [c.actor_id for c in candidates(index, member, limit=len(actors))]
                partners = [m for m in group.members if m != member]
                hits += sum(p in ranked[:5] for p in partners)
                pairs += len(partners)
                queries += 1
                twins_above += ranked.index(group.twins[member]) < min(map(ranked.index, partners))
            proposals = propose_consortia(index, rules, seed_ids=(group.members[0],), limit=5)
            seeds += 1
            found += any(_jaccard(set(group.members), set(p.member_ids)) >= 0.75 for p in proposals)
    recall_floor, hit_floor = QUALITY_FLOORS[text_only]
    assert hits / pairs >= recall_floor
    assert twins_above / queries <= 0.02
    assert found / seeds >= hit_floor


# -- the text-only member written in ways the reader was not written for ------------------


def third_members_read_and_matched(third_text: str) -> tuple[int, int, int]:
    """Over seeds 1-10 (six groups each): (members, read right, matched with its group's
    cluster or platform in its top 10)."""
    total = read = matched = 0
    for seed in range(1, 11):
        actors, regions, groups = population(seed, third_text=third_text)
        index = build_index(actors, regions)
        for group in groups:
            total += 1
            features = index.features[index.position[group.third]]
            read += (
                group.theme in features.themes
                and "prototyping" in features.offers
                and features.seeks == {"sme-network"}
            )
            ranked = [c.actor_id for c in candidates(index, group.third, limit=10)]
            matched += group.cluster in ranked or group.platform in ranked
    return total, read, matched


@pytest.mark.parametrize("third_text", ["offer-first", "seek-first", "other-cues", "paraphrased"])
def test_a_text_only_member_is_read_however_it_is_phrased(third_text: str) -> None:
    total, read, matched = third_members_read_and_matched(third_text)
    assert (read, matched) == (total, total), f"read {read}/{total}, matched {matched}/{total}"


def test_planted_partners_outrank_near_misses() -> None:
    """On-theme actors that offer one thing the cluster seeks but want what nobody in the
    group offers: the two-way planted partners still rank first."""
    first_two = total = 0
    for seed in range(1, 11):
        actors, regions, groups = population(seed, near_misses=True)
        index = build_index(actors, regions)
        for group in groups:
            ranked = [c.actor_id for c in candidates(index, group.cluster, limit=len(actors))]
            total += 1
            first_two += set(ranked[:2]) == {group.platform, group.third}
    assert first_two == total, f"planted pair first in {first_two}/{total}"
