"""Short sentences, in English or Swedish, that say why two actors were paired: which
specific concepts they share (most specific first) and which needs each side covers."""

from app.matching.acronyms import abbreviations
from app.matching.features import ActorFeatures, acronyms_of
from app.matching.index import MatchIndex, PairScores
from app.matching.rules import region_key

LANGUAGES = ("en", "sv")
SHARED_CONCEPTS_SHOWN = 4

PHRASES = {
    "en": {
        "and": "and",
        "as_well_as": "as well as",
        "both_work_on": "Both work on {}",
        "close_focus": "Close focus: your {} and its {}",
        "similar_text": "Your descriptions cover similar ground",
        "both_nace": "Both are active in NACE {}",
        "it_offers": "It offers {}, which you seek",
        "you_offer": "You offer {}, which it seeks",
        "two_way": "The fit goes both ways: each offers something the other seeks",
        "bridge": "It fits {}, which fits you: the three of you could cover each other's needs",
        "next_to_your_cluster": "An RDI platform next to your cluster",
        "next_to_your_platform": "A cluster next to your RDI platform",
        "same_offers": "It offers much the same as you ({})",
        "related": "It also works on {}, which often goes with your {}",
        "other_region": "It is in {}, another region",
        "same_region": "It is in your region, {}",
        "one_lists": "{} lists {} among its S3 priorities",
        "both_list": "{} both list {} among their S3 priorities",
        "funded_one": "It has been in {} funded consortium",
        "funded_many": "It has been in {} funded consortia",
    },
    "sv": {
        "and": "och",
        "as_well_as": "samt",
        "both_work_on": "Båda arbetar med {}",
        "close_focus": "Närliggande inriktning: {} hos er och {} hos {den}",
        "similar_text": "Era beskrivningar handlar om liknande saker",
        "both_nace": "Båda är verksamma inom NACE {}",
        "it_offers": "{Den} erbjuder {}, som ni söker",
        "you_offer": "Ni erbjuder {}, som {den} söker",
        "two_way": "Passningen går åt båda hållen: var och en erbjuder något den andra söker",
        "bridge": "{Den} passar {}, som passar er: tillsammans kan ni tre täcka varandras behov",
        "next_to_your_cluster": "En FoI-plattform bredvid ert kluster",
        "next_to_your_platform": "Ett kluster bredvid er FoI-plattform",
        "same_offers": "{Den} erbjuder i stort sett detsamma som ni ({})",
        "related": "{Den} arbetar också med {}, som ofta hör ihop med {} hos er",
        "other_region": "{Den} finns i {}, en annan region",
        "same_region": "{Den} finns i er region, {}",
        "one_lists": "{} har {} bland sina S3-prioriteringar",
        "both_list": "{} har båda {} bland sina S3-prioriteringar",
        "funded_one": "{Den} har varit med i {} beviljat konsortium",
        "funded_many": "{Den} har varit med i {} beviljade konsortier",
    },
}


def language(lang: str | None) -> str:
    return lang if lang in LANGUAGES else "en"


def _with_pronoun(phrases: dict[str, str], den: str) -> dict[str, str]:
    return {
        k: v.replace("{Den}", den.capitalize()).replace("{den}", den) for k, v in phrases.items()
    }


# The phrases about a candidate, by language and by whether it is a cluster: the Swedish
# pronoun is "det" for ett kluster, "den" for en FoI-plattform.
_ABOUT = {
    (lang, cluster): _with_pronoun(PHRASES[lang], "det" if cluster else "den")
    for lang in LANGUAGES
    for cluster in (True, False)
}


def _phrases_about(index: MatchIndex, j: int, lang: str) -> dict[str, str]:
    return _ABOUT[language(lang), bool(index.is_cluster[j])]


def phrase(lang: str, key: str) -> str:
    """A phrase with no pronoun in it ("and")."""
    return PHRASES[language(lang)][key]


def mid_sentence(label: str) -> str:
    """A label lower-cased at its start to stand mid-sentence. Acronyms and names like
    "IoT" are not, nor a label written in title case ("Energy Storage Systems", "Baltic
    Sea Region"): its words may be names, and half of it lower-cased reads worse."""
    words = label.split(" ")
    capitals = [w[:1].isupper() for w in words if w[:1].isalpha() and w not in _SMALL_WORDS]
    if len(capitals) > 1 and all(capitals):
        return label
    first = words[0]
    if any(c.isupper() for c in first[1:]):
        return label
    return first[:1].lower() + label[1:]


_SMALL_WORDS = frozenset({"and", "of", "the", "for", "in", "och", "för", "i", "av"})


def label_list(labels: list[str], lower: bool = True, lang: str = "en") -> str:
    """ "a, b and c"; vocabulary labels are lower-cased mid-sentence (acronyms are not).
    When a label holds an "and" itself, the last joins with "as well as" ("ICT and
    digitalisation as well as energy"), so the list still reads as two items."""
    if lower:
        labels = [mid_sentence(s) for s in labels]
    if len(labels) <= 1:
        return "".join(labels)
    # Labels come in either language (a user's own words, region names), whatever `lang`.
    holds_and = any(f" {word} " in label for label in labels for word in ("and", "och", "&"))
    conjunction = phrase(lang, "as_well_as" if holds_and else "and")
    return ", ".join(labels[:-1]) + f" {conjunction} " + labels[-1]


def theme_label(index: MatchIndex, slug: str, lang: str = "en") -> str:
    if language(lang) == "sv" and slug in index.vocabulary.theme_labels_sv:
        return index.vocabulary.theme_labels_sv[slug]
    return index.vocabulary.theme_labels.get(slug, slug)


def theme_names(index: MatchIndex, lang: str = "en") -> dict[str, str]:
    """Every theme's label in `lang`, as it reads mid-sentence."""
    return {
        slug: mid_sentence(theme_label(index, slug, lang)) for slug in index.vocabulary.theme_labels
    }


def capability_label(index: MatchIndex, slug: str, lang: str = "en") -> str:
    if language(lang) == "sv" and slug in index.vocabulary.capability_labels_sv:
        return index.vocabulary.capability_labels_sv[slug]
    return index.vocabulary.capability_labels.get(slug, slug)


def themes_text(index: MatchIndex, slugs: set[str] | frozenset[str], lang: str = "en") -> str:
    return label_list([theme_label(index, s, lang) for s in sorted(slugs)], lang=lang)


def capabilities_text(index: MatchIndex, slugs: set[str] | frozenset[str], lang: str = "en") -> str:
    return label_list([capability_label(index, s, lang) for s in sorted(slugs)], lang=lang)


def _concept(index: MatchIndex, concept: str, lang: str) -> str:
    """A related concept as it reads mid-sentence."""
    if concept.startswith("nace:"):
        return f"NACE {concept[5:]}"
    return mid_sentence(theme_label(index, concept, lang))


def region_name(index: MatchIndex, code: str, lang: str = "en") -> str:
    """A region's name; in Swedish its local name when it has one (South Sweden is
    Sydsverige)."""
    region = index.regions.get(code)
    if region is None:
        return code
    if language(lang) == "sv" and region.local_name:
        return region.local_name
    return region.name


def counted_units(codes: list[str], level: int | None) -> list[str]:
    """What a call counts as its regions: the members' NUTS regions at `level`, or their
    countries at level 0 (Horizon Europe counts countries)."""
    return sorted({region_key(code, level) for code in codes})


SPREAD = {
    "en": {"from": "Members come from {}: {}", "in": ", in {} ({})"},
    "sv": {"from": "Medlemmarna kommer från {}: {}", "in": ", i {} ({})"},
}
UNITS = {
    "en": {"country": ("country", "countries"), "region": ("region", "regions")},
    "sv": {"country": ("land", "länder"), "region": ("region", "regioner")},
}


def _counted(n: int, unit: tuple[str, str]) -> str:
    return f"{n} {unit[0] if n == 1 else unit[1]}"


def spread_reason(
    index: MatchIndex,
    codes: list[str],
    level: int | None,
    min_countries: int = 1,
    lang: str = "en",
) -> str:
    """ "Members come from 3 countries: DK, FI and SE", in the terms the rules count."""
    say, unit = SPREAD[language(lang)], UNITS[language(lang)]
    units = counted_units(codes, level)
    if level == 0:
        return say["from"].format(
            _counted(len(units), unit["country"]), label_list(units, lang=lang)
        )
    names = label_list([region_name(index, code, lang) for code in units], lower=False, lang=lang)
    reason = say["from"].format(_counted(len(units), unit["region"]), names)
    countries = counted_units(codes, 0)
    if min_countries > 1:
        reason += say["in"].format(
            _counted(len(countries), unit["country"]), label_list(countries, lang=lang)
        )
    return reason


def concept_label(index: MatchIndex, i: int, j: int, concept: str, lang: str) -> str | None:
    """How a shared concept is named: a technology as the asking actor wrote it, a theme by
    its label; NACE codes are named in a reason of their own."""
    kind, _, key = concept.partition(":")
    if kind == "theme":
        return theme_label(index, key, lang)
    if kind == "tech":
        labels = index.features[i].technology_labels
        return labels.get(key) or index.features[j].technology_labels.get(key, key)
    return None


Shared = list[tuple[str, float]]  # MatchIndex.shared_concepts(i, j)


def shared_focus_labels(
    index: MatchIndex, i: int, j: int, shared: Shared, lang: str = "en"
) -> list[str]:
    """The technologies and themes i and j share, most specific first."""
    out = []
    for concept, _ in shared:
        name = concept_label(index, i, j, concept, lang)
        if name is not None and name not in out:
            out.append(name)
    return out[:SHARED_CONCEPTS_SHOWN]


def close_technologies(index: MatchIndex, i: int, j: int, shared: Shared) -> tuple[str, str] | None:
    """Two technologies, i's and j's, named differently but sharing the most informative
    telling words ("digital twins", "digital twin platforms"); None when they share a
    technology outright or no telling word."""
    mine, theirs = index.features[i], index.features[j]
    if not mine.technologies or mine.technologies & theirs.technologies:
        return None
    abbreviated = {name[5:] for name, _ in shared if name.startswith("abbr:")}
    pair = _same_abbreviation(mine, theirs, abbreviated) if abbreviated else None
    if pair:
        return pair
    weight = {name[5:]: w for name, w in shared if name.startswith("word:")}
    telling = index.telling_words(weight)
    best, pair = 0.0, None
    for a in sorted(mine.technologies):
        for b in sorted(theirs.technologies):
            score = sum(weight[w] for w in telling & set(a.split()) & set(b.split()))
            if score > best:
                best, pair = score, (mine.technology_labels[a], theirs.technology_labels[b])
    return pair


def _same_abbreviation(
    mine: ActorFeatures, theirs: ActorFeatures, abbreviated: set[str]
) -> tuple[str, str] | None:
    """i's and j's technologies of which one is the acronym of the other ("RPM", "remote
    patient monitoring"); two phrases that only share initials are not close."""
    mine_acronyms, their_acronyms = acronyms_of(mine.profile), acronyms_of(theirs.profile)
    for a in sorted(mine.technology_labels.values()):
        ours = abbreviations(a, mine_acronyms)
        for b in sorted(theirs.technology_labels.values()):
            theirs_ = abbreviations(b, their_acronyms)
            if any(
                max(ours[x], theirs_[x]) == 1.0 for x in abbreviated & ours.keys() & theirs_.keys()
            ):
                return a, b
    return None


def pair_reasons(
    index: MatchIndex, i: int, j: int, scores: PairScores, lang: str = "en"
) -> list[str]:
    """Why actor j is a partner for actor i (the one asking: "you")."""
    me, other = index.features[i], index.features[j]
    say = _phrases_about(index, j, lang)
    reasons = []
    shared = me.themes & other.themes
    concepts = index.shared_concepts(i, j)
    focus = shared_focus_labels(index, i, j, concepts, lang)
    if focus:
        reasons.append(say["both_work_on"].format(label_list(focus, lang=lang)))
    close = close_technologies(index, i, j, concepts)
    if close:
        reasons.append(say["close_focus"].format(*map(mid_sentence, close)))
    elif not focus and scores.text[j] >= 0.3:
        reasons.append(say["similar_text"])
    shared_divisions = {k for k in me.nace_weights if len(k) == 2 and k.isdigit()} & {
        k for k in other.nace_weights if len(k) == 2 and k.isdigit()
    }
    if shared_divisions:
        reasons.append(say["both_nace"].format(label_list(sorted(shared_divisions), lang=lang)))
    gives = me.seeks & other.offers
    if gives:
        reasons.append(say["it_offers"].format(capabilities_text(index, gives, lang)))
    takes = other.seeks & me.offers
    if takes:
        reasons.append(say["you_offer"].format(capabilities_text(index, takes, lang)))
    if gives and takes:
        reasons.append(say["two_way"])
    elif scores.bridge is not None and scores.bridge_via is not None and scores.bridge[j] > 0:
        reasons.append(say["bridge"].format(index.features[scores.bridge_via[j]].profile.name))
    if scores.kind_mix[j] > 0:
        mine = "cluster" if index.is_cluster[i] else "platform"
        reasons.append(say[f"next_to_your_{mine}"])
    same_offers = me.offers & other.offers
    if same_offers and scores.difference[j] < 0.3:
        reasons.append(say["same_offers"].format(capabilities_text(index, same_offers, lang)))
    related = index.related_concepts(i, j) if scores.related[j] > 0 else []
    if related:
        theirs_c, mine_c, _ = related[0]
        reasons.append(
            say["related"].format(_concept(index, theirs_c, lang), _concept(index, mine_c, lang))
        )
    reasons += _regional_reasons(index, i, j, scores, shared, lang)
    funded = index.funded.get(other.profile.id, 0)
    if funded and index.track_record_weight > 0:
        reasons.append(say["funded_one" if funded == 1 else "funded_many"].format(funded))
    return reasons


def _regional_reasons(
    index: MatchIndex,
    i: int,
    j: int,
    scores: PairScores,
    shared: frozenset[str],
    lang: str,
) -> list[str]:
    say = _phrases_about(index, j, lang)
    code_i, code_j = index.region_codes[i], index.region_codes[j]
    name_j = region_name(index, code_j, lang)
    out = [
        say["other_region"].format(name_j)
        if scores.other_region[j]
        else say["same_region"].format(name_j)
    ]
    basis = shared or index.features[i].themes
    both = basis & index.priority_themes(code_i) & index.priority_themes(code_j)
    if both:
        themes = themes_text(index, both, lang)
        if code_i == code_j:
            out.append(say["one_lists"].format(name_j, themes))
        else:
            name_i = region_name(index, code_i, lang)
            names = label_list([name_i, name_j], lower=False, lang=lang)
            out.append(say["both_list"].format(names, themes))
    return out
