"""Pure test data for the matching package: the seeded vocabularies, and indexes built
straight from profiles, with no database."""

from functools import lru_cache

from app.matching.features import compute_features, reader_for
from app.matching.index import MatchIndex
from app.matching.profiles import ActorProfile, RegionProfile, Vocabulary
from app.reference import nace
from seed_data import load


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    def phrases(term: dict) -> tuple[str, ...]:  # type: ignore[type-arg]
        return (term["label_en"], term["label_sv"], *term["synonyms_en"], *term["synonyms_sv"])

    themes, capabilities = load("themes.json"), load("capabilities.json")
    return Vocabulary(
        theme_labels={t["slug"]: t["label_en"] for t in themes},
        capability_labels={c["slug"]: c["label_en"] for c in capabilities},
        theme_phrases={t["slug"]: phrases(t) for t in themes},
        capability_phrases={c["slug"]: phrases(c) for c in capabilities},
        theme_labels_sv={t["slug"]: t["label_sv"] for t in themes},
        capability_labels_sv={c["slug"]: c["label_sv"] for c in capabilities},
    )


def actor(actor_id: int, region: str, kind: str = "cluster", **fields: object) -> ActorProfile:
    sets = {k: frozenset(v) for k, v in fields.items() if isinstance(v, list | set | tuple)}
    rest = {k: v for k, v in fields.items() if k not in sets}
    return ActorProfile(
        id=actor_id,
        kind=kind,
        name=str(rest.pop("name", f"Actor {actor_id}")),
        region_code=region,
        description=str(rest.pop("description", "")),
        **sets,  # type: ignore[arg-type]
    )


def region(code: str, name: str | None = None, themes: tuple[str, ...] = ()) -> RegionProfile:
    return RegionProfile(
        code=code, name=name or code, level=len(code) - 2, priority_themes=frozenset(themes)
    )


def build_index(actors: list[ActorProfile], regions: list[RegionProfile] = ()) -> MatchIndex:  # type: ignore[assignment]
    vocab = vocabulary()
    features = compute_features(actors, vocab, reader_for(vocab), nace.section_of_divisions())
    return MatchIndex(vocabulary=vocab, regions={r.code: r for r in regions}, features=features)
