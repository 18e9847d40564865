"""Why a consortium holds together, in English or Swedish: the theme and specific focus
its members share, where they come from, and which member covers whose needs."""

from collections import Counter
from itertools import groupby

from app.matching.explain import (
    capabilities_text,
    concept_label,
    label_list,
    language,
    region_name,
    spread_reason,
    themes_text,
)
from app.matching.index import MatchIndex
from app.matching.rules import ConsortiumRules

PHRASES = {
    "en": {
        "all": "All",
        "some": "{} of {}",
        "work_on": "{} members work on {}",
        "focus": "Shared focus: {}",
        "focus_some": "Shared focus of {} of {} members: {}",
        "close_focus": "Close focus: {}",
        "kinds": "{} and {}",
        "cluster_one": "{} cluster",
        "cluster_many": "{} clusters",
        "platform_one": "{} RDI platform",
        "platform_many": "{} RDI platforms",
        "covers": "{} offers {}, which {} seeks",
        "met": "What members seek is offered inside the consortium: {}",
        "missing": "Still missing: {}",
        "lists": "{} lists {} among its S3 priorities",
        "list": "{} list {} among their S3 priorities",
        "same": "{} and {} offer much the same",
    },
    "sv": {
        "all": "Alla",
        "some": "{} av {}",
        "work_on": "{} medlemmar arbetar med {}",
        "focus": "Gemensamt fokus: {}",
        "focus_some": "Gemensamt fokus för {} av {} medlemmar: {}",
        "close_focus": "Närliggande inriktning: {}",
        "kinds": "{} och {}",
        "cluster_one": "{} kluster",
        "cluster_many": "{} kluster",
        "platform_one": "{} FoI-plattform",
        "platform_many": "{} FoI-plattformar",
        "covers": "{} erbjuder {}, som {} söker",
        "met": "Det medlemmarna söker erbjuds inom konsortiet: {}",
        "missing": "Saknas fortfarande: {}",
        "lists": "{} har {} bland sina S3-prioriteringar",
        "list": "{} har {} bland sina S3-prioriteringar",
        "same": "{} och {} erbjuder i stort sett detsamma",
    },
}
FOCUS_SHOWN = 3
COVERS_SHOWN = 6


def _count(say: dict[str, str], n: int, one: str, many: str) -> str:
    return say[one if n == 1 else many].format(n)


def technologies_held_by_several(
    index: MatchIndex, positions: list[int], lang: str
) -> list[tuple[str, int]]:
    """Technologies held by at least two members, with how many hold each: the most
    widely held first, then the most specific."""
    idf = index.concept_idf()
    counts: Counter[str] = Counter()
    for p in positions:
        counts.update(f"tech:{t}" for t in index.features[p].technologies)
    held = [c for c, n in counts.items() if n >= 2 and c in index.concept_columns]
    held.sort(key=lambda c: (-counts[c], -float(idf[index.concept_columns[c]]), c))
    names = []
    for concept in held[:FOCUS_SHOWN]:
        # Members may word one technology differently ("sjukvårdsteknik", "hälso- och
        # sjukvårdsteknik"): the plainest wording, the shortest, names it.
        wordings = [
            concept_label(index, p, p, concept, lang)
            for p in positions
            if concept[5:] in index.features[p].technologies
        ]
        name = min((w for w in wordings if w), key=lambda w: (len(w), w), default=None)
        if name:
            names.append((name, counts[concept]))
    return names


def phrasings_sharing_a_word(index: MatchIndex, positions: list[int]) -> list[str]:
    """The members' technologies, as written, that share the telling word most members
    use ("lignin valorisation", "ligninförädling"); none when no two members share one."""
    counts: Counter[str] = Counter()
    for p in positions:
        words = {w for key in index.features[p].technologies for w in key.split()}
        counts.update(index.telling_words(words))
    held = [w for w, n in counts.items() if n >= 2]
    if not held:
        return []
    idf = index.concept_idf()
    word = min(held, key=lambda w: (-counts[w], -float(idf[index.concept_columns[f"word:{w}"]]), w))
    names: list[str] = []
    for p in positions:
        labels = index.features[p].technology_labels
        names += [labels[k] for k in sorted(labels) if word in k.split() and labels[k] not in names]
    return names[:FOCUS_SHOWN]


def consortium_reasons(
    index: MatchIndex,
    positions: list[int],
    theme: str | None,
    rules: ConsortiumRules | None = None,
    lang: str = "en",
) -> list[str]:
    say = PHRASES[language(lang)]
    feats = [index.features[p] for p in positions]
    reasons = []
    if theme:
        on_theme = sum(theme in f.themes for f in feats)
        who = say["all"] if on_theme == len(feats) else say["some"].format(on_theme, len(feats))
        reasons.append(say["work_on"].format(who, themes_text(index, {theme}, lang)))
    focus = technologies_held_by_several(index, positions, lang)
    close = [] if focus else phrasings_sharing_a_word(index, positions)
    for holders, group in groupby(focus, key=lambda item: item[1]):
        names = label_list([name for name, _ in group], lower=False, lang=lang)
        if holders == len(positions):
            reasons.append(say["focus"].format(names))
        else:
            reasons.append(say["focus_some"].format(holders, len(positions), names))
    if close:
        reasons.append(say["close_focus"].format(label_list(close, lang=lang)))
    regions = sorted({f.profile.region_code for f in feats})
    level, min_countries = (rules.region_level, rules.min_countries) if rules else (None, 1)
    reasons.append(spread_reason(index, regions, level, min_countries, lang))
    clusters = int(sum(index.is_cluster[p] for p in positions))
    reasons.append(
        say["kinds"].format(
            _count(say, clusters, "cluster_one", "cluster_many"),
            _count(say, len(feats) - clusters, "platform_one", "platform_many"),
        )
    )
    covers = []
    for giver in feats:
        for taker in feats:
            given = giver.offers & taker.seeks
            if giver is not taker and given:
                covers.append(
                    say["covers"].format(
                        giver.profile.name,
                        capabilities_text(index, given, lang),
                        taker.profile.name,
                    )
                )
    reasons += covers[:COVERS_SHOWN]
    sought = set().union(*(f.seeks for f in feats))
    offered = set().union(*(f.offers for f in feats))
    met, missing = sought & offered, sought - offered
    if met:
        reasons.append(say["met"].format(capabilities_text(index, met, lang)))
    if missing:
        reasons.append(say["missing"].format(capabilities_text(index, missing, lang)))
    if theme:
        backing = [r for r in regions if theme in index.priority_themes(r)]
        if backing:
            key = "lists" if len(backing) == 1 else "list"
            reasons.append(
                say[key].format(
                    label_list(
                        [region_name(index, r, lang) for r in backing], lower=False, lang=lang
                    ),
                    themes_text(index, {theme}, lang),
                )
            )
    for a in range(len(feats)):
        for b in range(a + 1, len(feats)):
            fa, fb = feats[a], feats[b]
            if fa.profile.kind == fb.profile.kind and fa.offers and fa.offers == fb.offers:
                reasons.append(say["same"].format(fa.profile.name, fb.profile.name))
    return reasons
