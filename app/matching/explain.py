"""Short English sentences that say why two actors were paired."""

from app.matching.index import MatchIndex, PairScores
from app.matching.rules import plural, region_key


def label_list(labels: list[str], lower: bool = True) -> str:
    """ "a, b and c"; vocabulary labels are lower-cased mid-sentence (acronyms are not)."""
    if lower:
        labels = [s if s[:2].isupper() else s[:1].lower() + s[1:] for s in labels]
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def _themes(index: MatchIndex, slugs: set[str] | frozenset[str]) -> str:
    return label_list([index.vocabulary.theme_labels.get(s, s) for s in sorted(slugs)])


def _capabilities(index: MatchIndex, slugs: set[str] | frozenset[str]) -> str:
    return label_list([index.vocabulary.capability_labels.get(s, s) for s in sorted(slugs)])


def _concept(index: MatchIndex, concept: str) -> str:
    if concept.startswith("nace:"):
        return f"NACE {concept[5:]}"
    return _themes(index, {concept})


def region_name(index: MatchIndex, code: str) -> str:
    region = index.regions.get(code)
    return region.name if region else code


def counted_units(codes: list[str], level: int | None) -> list[str]:
    """What a call counts as its regions: the members' NUTS regions at `level`, or their
    countries at level 0 (Horizon Europe counts countries)."""
    return sorted({region_key(code, level) for code in codes})


def spread_reason(
    index: MatchIndex, codes: list[str], level: int | None, min_countries: int = 1
) -> str:
    """ "Members come from 3 countries: DK, FI and SE", in the terms the rules count."""
    units = counted_units(codes, level)
    if level == 0:
        return f"Members come from {plural(len(units), 'country')}: {label_list(units)}"
    names = label_list([region_name(index, code) for code in units], lower=False)
    reason = f"Members come from {plural(len(units), 'region')}: {names}"
    countries = counted_units(codes, 0)
    if min_countries > 1:
        reason += f", in {plural(len(countries), 'country')} ({label_list(countries)})"
    return reason


def pair_reasons(index: MatchIndex, i: int, j: int, scores: PairScores) -> list[str]:
    """Why actor j is a partner for actor i (the one asking: "you")."""
    me, other = index.features[i], index.features[j]
    reasons = []
    shared = me.themes & other.themes
    if shared:
        reasons.append(f"Both work on {_themes(index, shared)}")
    elif scores.text[j] >= 0.3:
        reasons.append("Your descriptions cover similar ground")
    shared_divisions = {k for k in me.nace_weights if len(k) == 2 and k.isdigit()} & {
        k for k in other.nace_weights if len(k) == 2 and k.isdigit()
    }
    if shared_divisions:
        reasons.append(f"Both are active in NACE {label_list(sorted(shared_divisions))}")
    gives = me.seeks & other.offers
    if gives:
        reasons.append(f"It offers {_capabilities(index, gives)}, which you seek")
    takes = other.seeks & me.offers
    if takes:
        reasons.append(f"You offer {_capabilities(index, takes)}, which it seeks")
    if scores.kind_mix[j] > 0:
        mine = "cluster" if index.is_cluster[i] else "RDI platform"
        theirs = "RDI platform" if index.is_cluster[i] else "cluster"
        article = "An" if theirs.startswith("RDI") else "A"
        reasons.append(f"{article} {theirs} next to your {mine}")
    same_offers = me.offers & other.offers
    if same_offers and scores.difference[j] < 0.3:
        reasons.append(f"It offers much the same as you ({_capabilities(index, same_offers)})")
    related = index.related_concepts(i, j)
    if related:
        theirs, mine, _ = related[0]
        reasons.append(
            f"It also works on {_concept(index, theirs)}, which often goes with your "
            f"{_concept(index, mine)}"
        )
    reasons += _regional_reasons(index, i, j, scores, shared)
    funded = index.funded.get(other.profile.id, 0)
    if funded and index.track_record_weight > 0:
        reasons.append(f"It has been in {funded} funded consorti{'a' if funded > 1 else 'um'}")
    return reasons


def _regional_reasons(
    index: MatchIndex, i: int, j: int, scores: PairScores, shared: frozenset[str]
) -> list[str]:
    code_i, code_j = index.region_codes[i], index.region_codes[j]
    name_j = region_name(index, code_j)
    out = [
        f"It is in {name_j}, another region"
        if scores.other_region[j]
        else f"It is in your region, {name_j}"
    ]
    basis = shared or index.features[i].themes
    both = basis & index.priority_themes(code_i) & index.priority_themes(code_j)
    if both:
        themes = _themes(index, both)
        if code_i == code_j:
            out.append(f"{name_j} lists {themes} among its S3 priorities")
        else:
            name_i = region_name(index, code_i)
            out.append(f"{name_i} and {name_j} both list {themes} among their S3 priorities")
    return out
