"""The engine on the seeded example data (the README's session)."""

import numpy as np
from sqlalchemy import Engine
from sqlmodel import col, select

from app.actors.models import Actor
from app.matching.consortia import choose_pool, describe, make_pool, propose_consortia
from app.matching.constraints import for_rules
from app.matching.exact import solve_exact
from app.matching.partners import candidates
from app.matching.rules import ConsortiumRules
from app.matching.search import best_consortia
from app.matching_service.keeper import IndexKeeper
from app.seed import seed_example_data
from app.tracking import session_factory
from tests.conftest import with_session

README_RULES = ConsortiumRules(min_members=3, max_members=4, min_regions=2)
NAMES = {
    "seed": "Example Life Science Cluster Gothenburg",
    "testbed": "Example Diagnostics Testbed Uppsala",
    "platform": "Example Life Science Research Platform Stockholm",
}


def _seeded(database_url: str, engine: Engine):  # type: ignore[no-untyped-def]
    with_session(database_url, seed_example_data)
    with session_factory(engine)() as session:
        ids = {
            key: session.exec(select(Actor.id).where(col(Actor.name) == name)).one()
            for key, name in NAMES.items()
        }
        return IndexKeeper().index(session), ids


def test_the_search_without_a_theme_finds_the_readme_consortium_or_better(
    database_url: str, engine: Engine
) -> None:
    index, ids = _seeded(database_url, engine)
    hand_picked = (ids["seed"], ids["testbed"], ids["platform"])
    positions = [index.position[i] for i in hand_picked]
    pool = make_pool(index, positions, "life-science", None)
    reference = describe(index, pool, "life-science", (0, 1, 2)).score
    found = propose_consortia(index, README_RULES, seed_ids=(ids["seed"],), limit=3)
    assert found[0].score >= reference
    assert set(found[0].member_ids) == set(hand_picked)
    # Without a theme the search tried each of the seed's themes: proposals span them.
    assert {c.themes[0] for c in found} >= {"life-science"}


def test_the_heuristic_matches_the_exact_solver_on_the_seeded_pools(
    database_url: str, engine: Engine
) -> None:
    index, ids = _seeded(database_url, engine)
    admitted = np.ones(len(index), dtype=bool)
    seed_themes = sorted(index.features[index.position[ids["seed"]]].themes)
    assert len(seed_themes) >= 2
    for theme in seed_themes:
        positions = choose_pool(index, README_RULES, admitted, (ids["seed"],), theme)
        pool = make_pool(index, positions, theme, None)
        constraints = for_rules(README_RULES, (0,))
        exact = solve_exact(pool, constraints)
        heuristic = best_consortia(pool, constraints)
        assert exact is not None and heuristic
        assert heuristic[0][1] >= 0.99 * exact[1], theme


def test_reasons_follow_the_language(database_url: str, engine: Engine) -> None:
    index, ids = _seeded(database_url, engine)
    english = candidates(index, ids["seed"], limit=1)[0].reasons
    swedish = candidates(index, ids["seed"], limit=1, lang="sv")[0].reasons
    assert english[0].startswith("Both work on ") and swedish[0].startswith("Båda arbetar med ")
    assert any(r.startswith("It offers ") for r in english)
    assert any(r.startswith("Den erbjuder ") for r in swedish)
