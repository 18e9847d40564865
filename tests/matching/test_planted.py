import pytest

from app.matching.consortia import propose_consortia
from app.matching.partners import candidates
from app.matching.rules import ConsortiumRules
from tests.matching.builders import build_index
from tests.matching.planted import population


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
