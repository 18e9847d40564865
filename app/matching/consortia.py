"""Consortium proposals and the scoring of hand-picked consortia, over a MatchIndex."""

from collections import Counter
from dataclasses import dataclass

import numpy as np

from app.matching.constraints import Constraints, ExtraRule
from app.matching.explain import label_list, region_name
from app.matching.index import MatchIndex, region_key
from app.matching.objective import Pool, evaluate
from app.matching.search import propose

POOL_SIZE = 24
THEMES_WITHOUT_SEEDS = 5  # themes tried when neither seeds nor a theme are given


@dataclass(frozen=True)
class ConsortiumRequest:
    seed_ids: tuple[int, ...] = ()
    theme: str | None = None
    min_members: int = 3
    max_members: int = 5
    min_regions: int = 2
    region_level: int | None = None
    kinds: frozenset[str] | None = None
    limit: int = 5
    # A call's rules, when the request is for one:
    allowed_ids: frozenset[int] | None = None  # actors in eligible countries and regions
    allowed_themes: frozenset[str] | None = None  # the call's themes (None: any)
    min_countries: int = 1
    share_theme: bool = False  # every member works on the consortium's theme

    @property
    def has_call_rules(self) -> bool:
        return self.allowed_ids is not None or self.share_theme or self.min_countries > 1


@dataclass(frozen=True)
class Consortium:
    member_ids: tuple[int, ...]
    score: float
    components: dict[str, float]
    regions: list[str]
    themes: list[str]
    reasons: list[str]


class Infeasible(Exception):
    """No consortium can meet the request; `constraint` names the one that fails."""

    def __init__(self, constraint: str, detail: str) -> None:
        super().__init__(detail)
        self.constraint = constraint
        self.detail = detail


# -- pools -----------------------------------------------------------------------------
def _region_counts(index: MatchIndex, positions: np.ndarray, level: int | None) -> int:
    return len({region_key(index.region_codes[p], level) for p in positions})


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


def _universe(index: MatchIndex, request: ConsortiumRequest, theme: str | None) -> np.ndarray:
    ok = np.ones(len(index), dtype=bool)
    if request.kinds is not None:
        ok &= np.array([index.features[p].profile.kind in request.kinds for p in range(len(index))])
    if request.allowed_ids is not None:
        ok &= np.isin(index.ids, np.array(sorted(request.allowed_ids), dtype=np.int64))
    if theme is not None:
        column = index.theme_columns.get(theme)
        ok &= index.themes[:, column] > 0 if column is not None else False
    return np.flatnonzero(ok)


def choose_pool(index: MatchIndex, request: ConsortiumRequest, theme: str | None) -> list[int]:
    seeds = [index.position[i] for i in request.seed_ids]
    universe = np.setdiff1d(_universe(index, request, theme), seeds)
    if len(universe) == 0:
        return seeds
    if seeds:
        closeness = np.mean(
            [index.pair_scores(s, request.region_level, rows=universe).score for s in seeds], axis=0
        )
    elif theme is not None:
        closeness = _relevance(index, universe, theme)
    else:
        closeness = np.zeros(len(universe))
    order = np.lexsort((index.ids[universe], -np.round(closeness, 9)))
    ranked = [int(universe[k]) for k in order]
    return seeds + _cap_per_region(index, ranked, request.region_level, POOL_SIZE)


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
    redundancy = (
        np.equal.outer(index.is_cluster[rows], index.is_cluster[rows])
        * _cosines(offers)
        * _cosines(themes)
    )
    np.fill_diagonal(redundancy, 0.0)
    keys = [region_key(index.region_codes[p], level) for p in rows]
    region_ids = {k: i for i, k in enumerate(sorted(set(keys)))}
    return Pool(
        ids=index.ids[rows],
        thematic=thematic,
        complementarity=complementarity,
        redundancy=redundancy,
        themes=themes,
        offers=offers,
        seeks=index.seeks[rows],
        region=np.array([region_ids[k] for k in keys]),
        is_cluster=index.is_cluster[rows],
        theme_column=index.theme_columns.get(theme) if theme else None,
    )


def _cosines(matrix: np.ndarray) -> np.ndarray:
    norms = np.sqrt(matrix.sum(axis=1))
    norms[norms == 0] = 1.0
    unit = matrix / norms[:, None]
    return unit @ unit.T


# -- requests --------------------------------------------------------------------------
def _check_request(index: MatchIndex, request: ConsortiumRequest) -> None:
    if len(request.seed_ids) > request.max_members:
        raise Infeasible(
            "max_members",
            f"{len(request.seed_ids)} seed actors do not fit in at most "
            f"{request.max_members} members",
        )
    if request.allowed_ids is not None:
        for actor_id in request.seed_ids:
            if actor_id not in request.allowed_ids:
                raise Infeasible(
                    "call_id", f"seed actor {actor_id} is outside the call's eligible area"
                )
    if request.kinds is not None:
        for actor_id in request.seed_ids:
            kind = index.features[index.position[actor_id]].profile.kind
            if kind not in request.kinds:
                raise Infeasible("kinds", f"seed actor {actor_id} is a {kind}, not an allowed kind")


def _themes_to_try(index: MatchIndex, request: ConsortiumRequest) -> list[str | None]:
    if request.theme is not None:
        return [request.theme]
    allowed = request.allowed_themes
    seed_positions = [index.position[i] for i in request.seed_ids]
    if seed_positions:
        counts = Counter(
            t
            for p in seed_positions
            for t in index.features[p].themes
            if allowed is None or t in allowed
        )
        if counts:
            top = max(counts.values())
            return [sorted(t for t, c in counts.items() if c == top)[0]]
        return [] if request.share_theme else [None]
    spread = []
    for theme in index.theme_columns:
        if allowed is not None and theme not in allowed:
            continue
        members = _universe(index, request, theme)
        regions = _region_counts(index, members, request.region_level)
        countries = _region_counts(index, members, 0)
        if (
            len(members) >= request.min_members
            and regions >= request.min_regions
            and countries >= request.min_countries
        ):
            spread.append((-len(members), theme))
    return [theme for _, theme in sorted(spread)[:THEMES_WITHOUT_SEEDS]]


def propose_consortia(index: MatchIndex, request: ConsortiumRequest) -> list[Consortium]:
    """Diverse consortia meeting every constraint, best first; Infeasible if none can."""
    _check_request(index, request)
    themes = _themes_to_try(index, request)
    if not themes:
        countries = f" and {request.min_countries} countries" if request.min_countries > 1 else ""
        raise Infeasible(
            "call_id" if request.has_call_rules else "min_regions",
            f"no theme has at least {request.min_members} eligible actors in "
            f"{request.min_regions} regions{countries}",
        )
    found: list[Consortium] = []
    problem: Infeasible | None = None
    for theme in themes:
        try:
            found += _propose_for_theme(index, request, theme)
        except Infeasible as exc:
            problem = problem or exc
    if not found:
        raise problem or Infeasible("min_members", "no consortium meets every constraint")
    return _diverse(found, request)


def _propose_for_theme(
    index: MatchIndex, request: ConsortiumRequest, theme: str | None
) -> list[Consortium]:
    positions = choose_pool(index, request, theme)
    on_theme = (
        f" on {label_list([index.vocabulary.theme_labels.get(theme, theme)])}" if theme else ""
    )
    if len(positions) < request.min_members:
        raise Infeasible(
            "min_members",
            f"only {len(positions)} eligible actors work{on_theme}; "
            f"at least {request.min_members} are needed",
        )
    regions = _region_counts(index, np.array(positions), request.region_level)
    if regions < request.min_regions:
        raise Infeasible(
            "min_regions",
            f"eligible actors{on_theme} are in only {regions} region(s); "
            f"{request.min_regions} are needed",
        )
    countries = _region_counts(index, np.array(positions), 0)
    if countries < request.min_countries:
        raise Infeasible(
            "call_id",
            f"eligible actors{on_theme} are in only {countries} country(ies); "
            f"the call needs {request.min_countries}",
        )
    pool = make_pool(index, positions, theme, request.region_level)
    constraints = Constraints(
        seeds=tuple(range(len(request.seed_ids))),
        min_members=request.min_members,
        max_members=request.max_members,
        min_regions=request.min_regions,
        extra=_call_rules(index, positions, pool, request),
    )
    solutions = propose(pool, constraints, request.limit)
    if not solutions:
        # The pool had enough actors and regions, so the binding rule is a call's rule or,
        # failing that, the region count (members cluster in too few regions).
        raise Infeasible(
            "call_id" if request.has_call_rules else "min_regions",
            f"no set of {request.min_members}-{request.max_members} actors{on_theme} from "
            f"{request.min_regions} regions meets every rule",
        )
    return [describe(index, pool, theme, members) for members, _ in solutions]


def _call_rules(
    index: MatchIndex, positions: list[int], pool: Pool, request: ConsortiumRequest
) -> tuple[ExtraRule, ...]:
    rules: list[ExtraRule] = []
    if request.min_countries > 1:
        codes = sorted({index.region_codes[p][:2] for p in positions})
        country = np.array([codes.index(index.region_codes[p][:2]) for p in positions])

        def enough_countries(_pool: Pool, members: np.ndarray) -> np.ndarray:
            ordered = np.sort(country[members], axis=1)
            return (np.diff(ordered, axis=1) != 0).sum(axis=1) + 1 >= request.min_countries

        rules.append(enough_countries)
    if request.share_theme:

        def shared_theme(_pool: Pool, members: np.ndarray) -> np.ndarray:
            held_by_all = pool.themes[members].min(axis=1)  # (B, T)
            if pool.theme_column is not None:
                return held_by_all[:, pool.theme_column] > 0
            return held_by_all.max(axis=1) > 0

        rules.append(shared_theme)
    return tuple(rules)


def _diverse(found: list[Consortium], request: ConsortiumRequest) -> list[Consortium]:
    """Best first across themes, keeping the overlap rule between every two proposals."""
    seeds = set(request.seed_ids)
    chosen: list[Consortium] = []
    for c in sorted(found, key=lambda c: (-c.score, c.member_ids)):
        rest = set(c.member_ids) - seeds
        if all(
            2 * len(rest & (set(o.member_ids) - seeds))
            <= min(len(rest), len(set(o.member_ids) - seeds))
            for o in chosen
        ):
            chosen.append(c)
        if len(chosen) == request.limit:
            break
    return chosen


# -- describing ------------------------------------------------------------------------
def describe(
    index: MatchIndex, pool: Pool, theme: str | None, members: tuple[int, ...]
) -> Consortium:
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
        regions=sorted({index.region_codes[p] for p in positions}),
        themes=themes,
        reasons=consortium_reasons(index, positions, central),
    )


def main_theme(index: MatchIndex, positions: list[int]) -> str | None:
    counts = Counter(t for p in positions for t in index.features[p].themes)
    if not counts:
        return None
    top = max(counts.values())
    return sorted(t for t, c in counts.items() if c == top)[0]


def consortium_reasons(index: MatchIndex, positions: list[int], theme: str | None) -> list[str]:
    feats = [index.features[p] for p in positions]
    labels = index.vocabulary
    reasons = []
    if theme:
        on_theme = sum(theme in f.themes for f in feats)
        who = "All" if on_theme == len(feats) else f"{on_theme} of {len(feats)}"
        reasons.append(
            f"{who} members work on {label_list([labels.theme_labels.get(theme, theme)])}"
        )
    regions = sorted({f.profile.region_code for f in feats})
    names = label_list([region_name(index, code) for code in regions], lower=False)
    reasons.append(f"Members come from {_count(len(regions), 'region')}: {names}")
    clusters = int(sum(index.is_cluster[p] for p in positions))
    reasons.append(
        f"{_count(clusters, 'cluster')} and {_count(len(feats) - clusters, 'RDI platform')}"
    )
    sought = set().union(*(f.seeks for f in feats))
    offered = set().union(*(f.offers for f in feats))
    met, missing = sought & offered, sought - offered
    if met:
        reasons.append(
            "What members seek is offered inside the consortium: "
            + label_list([labels.capability_labels.get(c, c) for c in sorted(met)])
        )
    if missing:
        reasons.append(
            "Still missing: "
            + label_list([labels.capability_labels.get(c, c) for c in sorted(missing)])
        )
    if theme:
        backing = [r for r in regions if theme in index.priority_themes(r)]
        if backing:
            verb, their = ("lists", "its") if len(backing) == 1 else ("list", "their")
            reasons.append(
                f"{label_list([region_name(index, r) for r in backing], lower=False)} {verb} "
                f"{label_list([labels.theme_labels.get(theme, theme)])} among {their} S3 priorities"
            )
    for a in range(len(feats)):
        for b in range(a + 1, len(feats)):
            fa, fb = feats[a], feats[b]
            if fa.profile.kind == fb.profile.kind and fa.offers and fa.offers == fb.offers:
                reasons.append(f"{fa.profile.name} and {fb.profile.name} offer much the same")
    return reasons


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
