"""Partner regions: complementary S3 priorities and actor profiles."""

from dataclasses import dataclass

import numpy as np

from app.matching.explain import (
    capability_label,
    label_list,
    language,
    region_name,
    theme_label,
)
from app.matching.index import MatchIndex

REGION_WEIGHTS = {"shared": 0.45, "complementarity": 0.35, "related": 0.20}

# Why a region is a partner, in English or Swedish ("you": the region asking).
PHRASES = {
    "en": {
        "both": "Both prioritise {}",
        "offer": "Its actors offer {}, which actors in {} seek",
        "strong": "It is strong in {}, related to your {}",
        "actors_one": "{} actor registered there",
        "actors_many": "{} actors registered there",
        "ranked_as": "{} ({}) has no actors or S3 priorities of its own; its partners are "
        "ranked as {} ({}), the NUTS-{} region that holds them",
        "empty": "{} ({}) has no actors or S3 priorities to compare with others",
    },
    "sv": {
        "both": "Båda prioriterar {}",
        "offer": "Regionens aktörer erbjuder {}, som aktörer i {} söker",
        "strong": "Regionen är stark inom {}, som ligger nära er inriktning på {}",
        "actors_one": "{} registrerad aktör där",
        "actors_many": "{} registrerade aktörer där",
        "ranked_as": "{} ({}) har inga egna aktörer eller S3-prioriteringar; dess "
        "partnerregioner rangordnas som för {} ({}), den NUTS {}-region som har dem",
        "empty": "{} ({}) har inga aktörer eller S3-prioriteringar att jämföra med andra",
    },
}


@dataclass(frozen=True)
class RegionMatch:
    code: str
    score: float
    components: dict[str, float]
    reasons: list[str]


def _profile(index: MatchIndex, code: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """(theme profile, offered capabilities, sought capabilities, actor count)."""
    rows = [p for p, c in enumerate(index.region_codes) if c.startswith(code)]
    priorities = np.zeros(len(index.theme_columns), np.float32)
    for theme in index.priority_themes(code):
        if theme in index.theme_columns:
            priorities[index.theme_columns[theme]] = 1.0
    actors = index.themes[rows].mean(axis=0) if rows else np.zeros_like(priorities)
    profile = 0.5 * priorities + 0.5 * actors
    offers = (index.offers[rows].sum(axis=0) > 0) if rows else np.zeros(index.offers.shape[1], bool)
    seeks = index.seeks[rows].sum(axis=0) if rows else np.zeros(index.seeks.shape[1])
    return profile, offers.astype(np.float32), seeks, len(rows)


def _cosine(a: np.ndarray, b: np.ndarray) -> float:
    norm = float(np.linalg.norm(a) * np.linalg.norm(b))
    return float(a @ b) / norm if norm else 0.0


def holds_data(index: MatchIndex, code: str) -> bool:
    """Whether S3 priorities are recorded on the region itself, or actors inside it."""
    return bool(index.regions[code].priority_themes) or any(
        located.startswith(code) for located in index.region_codes
    )


def ranking_region(index: MatchIndex, code: str) -> str:
    """The region whose partners answer for `code`: itself when it holds priorities or
    actors, else the nearest region containing it that does. (A NUTS-3 county inherits its
    NUTS-2 region's priorities and has no actors of its own: ranked at its own level, every
    county of that region would look alike and offer nothing.)"""
    current = code
    while not holds_data(index, current):
        parent = current[:-1]
        if len(parent) < 3 or parent not in index.regions:
            return code
        current = parent
    return current


def ranking_note(index: MatchIndex, code: str, ranked: str, lang: str = "en") -> str | None:
    """Why `code`'s partners are another region's, or why it has none to compare."""
    say = PHRASES[language(lang)]
    asked, used = region_name(index, code, lang), region_name(index, ranked, lang)
    if ranked != code:
        level = index.regions[ranked].level
        return say["ranked_as"].format(asked, code, used, ranked, level)
    if not holds_data(index, code):
        return say["empty"].format(asked, code)
    return None


def partner_regions(
    index: MatchIndex, code: str, limit: int = 10, lang: str = "en"
) -> list[RegionMatch]:
    """Regions at the same NUTS level whose priorities and actors complement `code`'s;
    never one with no actors and no priority in common (it has nothing to offer).
    Reasons are worded in `lang`."""
    say = PHRASES[language(lang)]
    me = index.regions[code]
    mine, my_offers, my_seeks, _ = _profile(index, code)
    theme_names = list(index.theme_columns)
    theme_count = len(theme_names)
    relatedness = index.relatedness[:theme_count, :theme_count]
    out = []
    for other in index.regions.values():
        if other.level != me.level or other.code == code:
            continue
        theirs, their_offers, their_seeks, n_actors = _profile(index, other.code)
        if not theirs.any():
            continue
        shared = _cosine(mine, theirs)
        sought = my_seeks.sum()
        complementarity = float((my_seeks > 0) @ their_offers) / max(
            float((my_seeks > 0).sum()), 1.0
        )
        if their_seeks.sum() > 0:
            back = float((their_seeks > 0) @ my_offers) / float((their_seeks > 0).sum())
            complementarity = (complementarity + back) / 2 if sought else back
        own = mine > 0
        only_theirs = np.flatnonzero((theirs > 0) & ~own)
        related = 0.0
        best_pair = None
        if own.any() and len(only_theirs):
            pulls = relatedness[np.ix_(np.flatnonzero(own), only_theirs)]
            related = float(pulls.max(axis=0).mean())
            k, t = np.unravel_index(np.argmax(pulls), pulls.shape)
            if pulls[k, t] > 0:
                best_pair = (theme_names[only_theirs[t]], theme_names[np.flatnonzero(own)[k]])
        score = (
            REGION_WEIGHTS["shared"] * shared
            + REGION_WEIGHTS["complementarity"] * complementarity
            + REGION_WEIGHTS["related"] * related
        )
        both = sorted(index.priority_themes(code) & index.priority_themes(other.code))
        if n_actors == 0 and not both:
            continue
        reasons = []
        if both:
            themes = [theme_label(index, t, lang) for t in both]
            reasons.append(say["both"].format(label_list(themes, lang=lang)))
        gives = [
            slug
            for k, slug in enumerate(index.capability_columns)
            if my_seeks[k] > 0 and their_offers[k] > 0
        ]
        if gives:
            names = label_list([capability_label(index, s, lang) for s in gives], lang=lang)
            reasons.append(say["offer"].format(names, region_name(index, code, lang)))
        if best_pair:
            strong, yours = (label_list([theme_label(index, t, lang)]) for t in best_pair)
            reasons.append(say["strong"].format(strong, yours))
        reasons.append(say["actors_one" if n_actors == 1 else "actors_many"].format(n_actors))
        out.append(
            RegionMatch(
                code=other.code,
                score=round(score, 4),
                components={
                    "shared_priorities": round(shared, 4),
                    "complementarity": round(complementarity, 4),
                    "related": round(related, 4),
                },
                reasons=reasons,
            )
        )
    out.sort(key=lambda r: (-r.score, r.code))
    return out[:limit]
