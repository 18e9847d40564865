"""What the matching package is fed: plain records, built by the service layer."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ActorProfile:
    id: int
    kind: str  # "cluster" | "rdi_platform"
    name: str
    region_code: str
    description: str = ""
    themes: frozenset[str] = frozenset()
    nace_codes: frozenset[str] = frozenset()
    technologies: frozenset[str] = frozenset()
    offers: frozenset[str] = frozenset()
    seeks: frozenset[str] = frozenset()
    version: int = 0


@dataclass(frozen=True)
class RegionProfile:
    code: str
    name: str
    level: int
    priority_themes: frozenset[str] = frozenset()
    priority_nace: frozenset[str] = frozenset()
    local_name: str | None = None  # the name in the region's own language (Swedish here)


@dataclass(frozen=True)
class Vocabulary:
    """Slugs with their English label and every phrase that names them."""

    theme_labels: dict[str, str] = field(default_factory=dict)
    capability_labels: dict[str, str] = field(default_factory=dict)
    theme_phrases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    capability_phrases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Swedish labels, for reasons given in Swedish (English where one is missing).
    theme_labels_sv: dict[str, str] = field(default_factory=dict)
    capability_labels_sv: dict[str, str] = field(default_factory=dict)
