"""What the engine works with for one actor: each theme, capability and technology, and
whether the profile states it or the engine read it from the description. A profile that
states no offers still offers what its description says, and users want to see that."""

from dataclasses import dataclass

from app.matching.explain import capability_label, theme_label
from app.matching.features import stated_technologies, states_capabilities
from app.matching.index import MatchIndex

STATED, READ = "stated", "read"


@dataclass(frozen=True)
class Item:
    key: str  # a vocabulary slug, or a technology's concept key
    label: str  # in the asked language; a technology as the actor wrote it
    source: str  # STATED or READ (from the description)


@dataclass(frozen=True)
class EngineView:
    themes: list[Item]
    offers: list[Item]
    seeks: list[Item]
    technologies: list[Item]


def engine_view(index: MatchIndex, i: int, lang: str = "en") -> EngineView:
    f = index.features[i]
    profile = f.profile
    capabilities_source = STATED if states_capabilities(profile) else READ
    technologies_source = STATED if stated_technologies(profile) else READ
    return EngineView(
        themes=[
            Item(t, theme_label(index, t, lang), STATED if t in profile.themes else READ)
            for t in sorted(f.themes)
        ],
        offers=[
            Item(c, capability_label(index, c, lang), capabilities_source) for c in sorted(f.offers)
        ],
        seeks=[
            Item(c, capability_label(index, c, lang), capabilities_source) for c in sorted(f.seeks)
        ],
        technologies=[
            Item(key, label, technologies_source)
            for key, label in sorted(f.technology_labels.items(), key=lambda kv: kv[1].lower())
        ],
    )
