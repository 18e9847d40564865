"""Consortium proposals and the scoring of hand-picked consortia, over a MatchIndex."""

from collections import Counter
from dataclasses import dataclass

import numpy as np

from app.matching.bridges import with_bridges
from app.matching.consortium_reasons import consortium_reasons
from app.matching.constraints import for_rules
from app.matching.explain import counted_units, label_list
from app.matching.index import MatchIndex
from app.matching.objective import Pool, evaluate
from app.matching.rules import (
    ConsortiumRules,
    Member,
    distinct_regions,
    member_violations,
    overlap_allowed,
    plural,
    region_key,
)
from app.matching.search import propose

POOL_SIZE = 24
THEMES_WITHOUT_SEEDS = 5  # themes tried when neither seeds nor a theme are given


@dataclass(frozen=True)
class Consortium:
    member_ids: tuple[int, ...]
    score: float
    components: dict[str, float]
    regions: list[str]
    themes: list[str]
    reasons: list[str]


class Infeasible(Exception):
    """No consortium can meet the rules; `rule` names the one that fails."""

    def __init__(self, rule: str, detail: str) -> None:
        super().__init__(detail)
        self.rule = rule
        self.detail = detail


def members_of(index: MatchIndex, actor_ids: list[int]) -> list[Member]:
    """The rules' view of indexed actors."""
    out = []
    for actor_id in actor_ids:
        features = index.features[index.position[actor_id]]
        profile = features.profile
        out.append(
            Member(profile.id, profile.name, profile.kind, profile.region_code, features.themes)
        )
    return out


# -- pools -----------------------------------------------------------------------------
def _region_count(index: MatchIndex, positions: np.ndarray | list[int], level: int | None) -> int:
    return distinct_regions((index.region_codes[p] for p in positions), level)


def _cap_per_region(
    index: MatchIndex, ranked: list[int], level: int | None, size: int
) -> list[int]:
    """The best `size` positions, at most half from any one region, so that a pool always
    offers partners from elsewhere."""
    cap = max(1, -(-size // 2))
    taken: Counter[str] = Counter()
    out: list[int] = []
    for p in ranked:
        key = region_key(index.region_codes[p], level)
        if taken[key] < cap:
            out.append(p)
            taken[key] += 1
        if len(out) == size:
            break
    return out


def _relevance(index: MatchIndex, positions: np.ndarray, theme: str) -> np.ndarray:
    """Without seeds: how central an actor is to a theme (its region prioritises it, it
    states the theme itself, it has capabilities to bring)."""
    column = index.theme_columns[theme]
    supported = index.region_themes[positions, column]
    stated = np.array([theme in index.features[p].profile.themes for p in positions], float)
    breadth = np.minimum(index.offers[positions].sum(axis=1) / 3.0, 1.0)
    return 0.4 * supported + 0.3 * stated + 0.3 * breadth


def _admitted(index: MatchIndex, rules: ConsortiumRules) -> np.ndarray:
    """Which indexed actors the rules admit as members (a mask, computed once a request)."""
    if not rules.restricts_members:
        return np.ones(len(index), dtype=bool)
    return np.array(
        [rules.admits(f.profile.kind, f.profile.region_code) for f in index.features], dtype=bool
    )


def _universe(index: MatchIndex, admitted: np.ndarray, theme: str | None) -> np.ndarray:
    """Positions of the admitted actors, on `theme` when one is given."""
    ok = admitted.copy()
    if theme is not None:
        column = index.theme_columns.get(theme)
        ok &= index.themes[:, column] > 0 if column is not None else False
    return np.flatnonzero(ok)


def _short_of_members(
    index: MatchIndex, rules: ConsortiumRules, admitted: np.ndarray, theme: str | None
) -> str:
    """The rule to name when too few actors are left: the eligibility rule that removed
    them, or the member count itself."""
    if rules.restricting_rule is None:
        return "min_members"
    on_theme = len(_universe(index, np.ones(len(index), dtype=bool), theme))
    return rules.restricting_rule if on_theme >= rules.min_members else "min_members"


def choose_pool(
    index: MatchIndex,
    rules: ConsortiumRules,
    admitted: np.ndarray,
    seed_ids: tuple[int, ...],
    theme: str | None,
) -> list[int]:
    seeds = [index.position[i] for i in seed_ids]
    universe = np.setdiff1d(_universe(index, admitted, theme), seeds)
    if len(universe) == 0:
        return seeds
    if seeds:
        closeness = np.mean([_bridged_scores(index, s, universe, rules) for s in seeds], axis=0)
    elif theme is not None:
        closeness = _relevance(index, universe, theme)
    else:
        closeness = np.zeros(len(universe))
    order = np.lexsort((index.ids[universe], -np.round(closeness, 9)))
    ranked = [int(universe[k]) for k in order]
    return seeds + _cap_per_region(index, ranked, rules.region_level, POOL_SIZE)


def _bridged_scores(
    index: MatchIndex, seed: int, universe: np.ndarray, rules: ConsortiumRules
) -> np.ndarray:
    """The seed's pair scores over the universe, partners through a shared partner
    included: a consortium whose needs run in a ring holds members that fit none of the
    seed's needs themselves."""
    scores = index.pair_scores(seed, rules.region_level)
    eligible = np.zeros(len(index), dtype=bool)
    eligible[universe] = True
    return with_bridges(index, seed, scores, eligible).score[universe]


def _focus_keys(index: MatchIndex, technologies: frozenset[str]) -> frozenset[str]:
    """A member's technologies, and their telling words: two phrasings of one technology
    share a focus through the rare words they share."""
    words = index.telling_words({w for key in technologies for w in key.split()})
    return technologies | {f"word:{w}" for w in words}


def make_pool(
    index: MatchIndex, positions: list[int], theme: str | None, level: int | None
) -> Pool:
    rows = np.array(positions, dtype=np.int64)
    n = len(rows)
    thematic = np.zeros((n, n))
    complementarity = np.zeros((n, n))
    for a, p in enumerate(rows):
        scores = index.pair_scores(int(p), level, rows=rows)
        thematic[a] = scores.thematic
        complementarity[a] = scores.complementarity
    thematic = (thematic + thematic.T) / 2
    complementarity = (complementarity + complementarity.T) / 2
    offers, themes = index.offers[rows], index.themes[rows]
    technologies = [_focus_keys(index, index.features[p].technologies) for p in rows]
    # Only technologies two or more pool actors name can be shared; the rest would only
    # widen every evaluation.
    held = Counter(t for keys in technologies for t in keys)
    columns = {t: k for k, t in enumerate(sorted(t for t, c in held.items() if c >= 2))}
    focus = np.zeros((n, len(columns)), dtype=np.float32)
    for a, keys in enumerate(technologies):
        focus[a, [columns[t] for t in keys if t in columns]] = 1.0
    redundancy = (
        np.equal.outer(index.is_cluster[rows], index.is_cluster[rows])
        * _cosines(offers)
        * _cosines(themes)
    )
    np.fill_diagonal(redundancy, 0.0)
    return Pool(
        ids=index.ids[rows],
        thematic=thematic,
        complementarity=complementarity,
        redundancy=redundancy,
        themes=themes,
        offers=offers,
        seeks=index.seeks[rows],
        focus=focus,
        names_focus=np.array([bool(keys) for keys in technologies]),
        region=_labels([region_key(index.region_codes[p], level) for p in rows]),
        is_cluster=index.is_cluster[rows],
        theme_column=index.theme_columns.get(theme) if theme else None,
        country=_labels([region_key(index.region_codes[p], 0) for p in rows]),
    )


def _labels(keys: list[str]) -> np.ndarray:
    ids = {k: i for i, k in enumerate(sorted(set(keys)))}
    return np.array([ids[k] for k in keys], dtype=np.int64)


def _cosines(matrix: np.ndarray) -> np.ndarray:
    norms = np.sqrt(matrix.sum(axis=1))
    norms[norms == 0] = 1.0
    unit = matrix / norms[:, None]
    return unit @ unit.T


# -- requests --------------------------------------------------------------------------
def _check_seeds(index: MatchIndex, rules: ConsortiumRules, seed_ids: tuple[int, ...]) -> None:
    if rules.max_members is None:
        raise ValueError("a consortium search needs a largest size (max_members)")
    if rules.min_members > rules.max_members:
        raise Infeasible(
            "max_members",
            f"at least {rules.min_members} members are needed, at most {rules.max_members} "
            "are allowed",
        )
    if len(seed_ids) > rules.max_members:
        raise Infeasible(
            "max_members",
            f"{len(seed_ids)} seed actors do not fit in at most {rules.max_members} members",
        )
    for member in members_of(index, list(seed_ids)):
        for broken in member_violations(rules, member):
            raise Infeasible(broken.rule, f"seed actor {member.id}: {broken.detail}")


def _themes_to_try(
    index: MatchIndex, rules: ConsortiumRules, admitted: np.ndarray, seed_ids: tuple[int, ...]
) -> list[str | None]:
    allowed = rules.themes
    seed_positions = [index.position[i] for i in seed_ids]
    if seed_positions:
        seed_themes = [index.features[p].themes for p in seed_positions]
        if rules.share_theme:  # only a theme every seed works on can be shared
            seed_themes = [frozenset.intersection(*seed_themes)]
        counts = Counter(
            t for themes in seed_themes for t in themes if allowed is None or t in allowed
        )
        if counts:
            # Every theme a seed works on is searched: the best consortium for a seed may
            # be on its second theme. Most shared first (ties by name), for a stable order.
            return [t for t, _ in sorted(counts.items(), key=lambda tc: (-tc[1], tc[0]))]
        if rules.share_theme:
            raise Infeasible("themes", "the seed actors share no theme the rules allow")
        return [None]
    spread = []
    binding = "min_members"  # the furthest rule a theme got to, for the error
    for theme in index.theme_columns:
        if allowed is not None and theme not in allowed:
            continue
        members = _universe(index, admitted, theme)
        if len(members) < rules.min_members:
            if binding == "min_members":
                binding = _short_of_members(index, rules, admitted, theme)
            continue
        if _region_count(index, members, rules.region_level) < rules.min_regions:
            binding = "min_regions" if binding == "min_members" else binding
            continue
        if _region_count(index, members, 0) < rules.min_countries:
            binding = "min_countries"
            continue
        spread.append((-len(members), theme))
    if not spread:
        countries = f" and {rules.min_countries} countries" if rules.min_countries > 1 else ""
        raise Infeasible(
            binding,
            f"no theme has at least {rules.min_members} eligible actors in "
            f"{rules.min_regions} regions{countries}",
        )
    return [theme for _, theme in sorted(spread)[:THEMES_WITHOUT_SEEDS]]


def propose_consortia(
    index: MatchIndex,
    rules: ConsortiumRules,
    *,
    seed_ids: tuple[int, ...] = (),
    theme: str | None = None,
    limit: int = 5,
    lang: str = "en",
) -> list[Consortium]:
    """Diverse consortia meeting every rule, best first; Infeasible if none can.

    `rules.max_members` must be set: it bounds the search.
    """
    _check_seeds(index, rules, seed_ids)
    admitted = _admitted(index, rules)
    themes = [theme] if theme is not None else _themes_to_try(index, rules, admitted, seed_ids)
    found: list[Consortium] = []
    problem: Infeasible | None = None
    # With several themes to try, each first gives its best proposal; the theme whose best
    # is best then gives the rest of the list (a search per theme and proposal would cost
    # len(themes) x limit searches; this costs len(themes) + limit).
    rounds = 1 if len(themes) > 1 else limit
    for candidate_theme in themes:
        try:
            found += _propose_for_theme(
                index, rules, admitted, seed_ids, candidate_theme, rounds, lang
            )
        except Infeasible as exc:
            problem = problem or exc
    if problem is not None and not found:
        raise problem
    if rounds < limit and limit > 1:
        best = max(found, key=lambda c: (c.score, [-i for i in c.member_ids]))
        top_theme = best.themes[0] if best.themes else None
        more = _propose_for_theme(index, rules, admitted, seed_ids, top_theme, limit, lang)
        found += [c for c in more if c.member_ids not in {f.member_ids for f in found}]
    return _diverse(found, seed_ids, limit)


def _propose_for_theme(
    index: MatchIndex,
    rules: ConsortiumRules,
    admitted: np.ndarray,
    seed_ids: tuple[int, ...],
    theme: str | None,
    limit: int,
    lang: str = "en",
) -> list[Consortium]:
    positions = choose_pool(index, rules, admitted, seed_ids, theme)
    on_theme = (
        f" on {label_list([index.vocabulary.theme_labels.get(theme, theme)])}" if theme else ""
    )
    if len(positions) < rules.min_members:
        raise Infeasible(
            _short_of_members(index, rules, admitted, theme),
            f"only {len(positions)} eligible actors work{on_theme}; "
            f"at least {rules.min_members} are needed",
        )
    countries = _region_count(index, positions, 0)
    # Countries first: where regions are countries (level 0) both rules count the same
    # thing, and a call's min_countries is the one to name.
    if countries < rules.min_countries:
        raise Infeasible(
            "min_countries",
            f"eligible actors{on_theme} are in only {plural(countries, 'country')}; "
            f"{rules.min_countries} are needed",
        )
    regions = _region_count(index, positions, rules.region_level)
    if regions < rules.min_regions:
        unit = "country" if rules.region_level == 0 else "region"
        raise Infeasible(
            "min_regions",
            f"eligible actors{on_theme} are in only {plural(regions, unit)}; "
            f"{rules.min_regions} are needed",
        )
    pool = make_pool(index, positions, theme, rules.region_level)
    solutions = propose(pool, for_rules(rules, tuple(range(len(seed_ids)))), limit)
    if not solutions:
        # The pool had enough actors, regions and countries, so the members cluster in
        # too few regions (or share no theme).
        raise Infeasible(
            "themes" if rules.share_theme else "min_regions",
            f"no set of {rules.min_members}-{rules.max_members} actors{on_theme} from "
            f"{rules.min_regions} regions meets every rule",
        )
    return [describe(index, pool, theme, members, rules, lang) for members, _ in solutions]


def _diverse(found: list[Consortium], seed_ids: tuple[int, ...], limit: int) -> list[Consortium]:
    """Best first across themes, keeping the overlap rule between every two proposals."""
    seeds = set(seed_ids)
    chosen: list[Consortium] = []
    for c in sorted(found, key=lambda c: (-c.score, c.member_ids)):
        rest = set(c.member_ids) - seeds
        if all(
            overlap_allowed(len(rest & other), len(rest), len(other))
            for other in (set(o.member_ids) - seeds for o in chosen)
        ):
            chosen.append(c)
        if len(chosen) == limit:
            break
    return chosen


# -- describing ------------------------------------------------------------------------
def describe(
    index: MatchIndex,
    pool: Pool,
    theme: str | None,
    members: tuple[int, ...],
    rules: ConsortiumRules | None = None,
    lang: str = "en",
) -> Consortium:
    """Score and explain one consortium; its regions are counted as `rules` count them."""
    parts = evaluate(pool, np.array([members]))
    ids = tuple(sorted(int(pool.ids[m]) for m in members))
    positions = [index.position[i] for i in ids]
    central = theme or main_theme(index, positions)
    others = Counter(t for p in positions for t in index.features[p].themes)
    themes = ([central] if central else []) + sorted(
        t for t, c in others.items() if c >= 2 and t != central
    )
    return Consortium(
        member_ids=ids,
        score=round(float(parts["score"][0]), 4),
        components={
            name: round(float(parts[name][0]), 4)
            for name in ("coherence", "coverage", "complementarity", "diversity", "redundancy")
        },
        regions=counted_units(
            [index.region_codes[p] for p in positions], rules.region_level if rules else None
        ),
        themes=themes,
        reasons=consortium_reasons(index, positions, central, rules, lang),
    )


def main_theme(index: MatchIndex, positions: list[int]) -> str | None:
    counts = Counter(t for p in positions for t in index.features[p].themes)
    if not counts:
        return None
    top = max(counts.values())
    return sorted(t for t, c in counts.items() if c == top)[0]
