"""Per-actor features, computed once per actor version and assembled into matrices."""

from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import HashingVectorizer

from app.matching.concepts import ConceptReader, Term
from app.matching.profiles import ActorProfile, Vocabulary

# Character n-grams within words carry meaning across inflections and across Swedish
# and English spellings of the same stems ("textil"/"textile", "bioenergi"/"bioenergy").
# Hashing needs no fitted vocabulary, so new and changed actors are added without a refit.
TEXT_HASHER = HashingVectorizer(
    analyzer="char_wb",
    ngram_range=(3, 5),
    n_features=2**20,
    alternate_sign=False,
    norm=None,
    dtype=np.float32,
)

# A NACE code also counts partly at its coarser levels: class 26.11 shares group 26.1,
# division 26 and section C with its neighbours, with falling weight.
NACE_LEVEL_WEIGHTS = {1: 0.25, 2: 0.5, 3: 0.75, 4: 1.0}


@dataclass(frozen=True)
class ActorFeatures:
    profile: ActorProfile
    themes: frozenset[str]  # stated or read from the description
    offers: frozenset[str]
    seeks: frozenset[str]
    inferred_themes: frozenset[str]  # read from text only (for explanations)
    nace_weights: dict[str, float]
    technologies: frozenset[str]
    text_indices: np.ndarray
    text_counts: np.ndarray


def reader_for(vocabulary: Vocabulary) -> ConceptReader:
    return ConceptReader(
        [Term(slug, phrases) for slug, phrases in vocabulary.theme_phrases.items()],
        [Term(slug, phrases) for slug, phrases in vocabulary.capability_phrases.items()],
    )


def nace_prefix_weights(codes: frozenset[str], section_of: dict[str, str]) -> dict[str, float]:
    weights: dict[str, float] = {}
    for code in codes:
        for prefix, level in _prefixes(code, section_of):
            weights[prefix] = max(weights.get(prefix, 0.0), NACE_LEVEL_WEIGHTS[level])
    return weights


def _prefixes(code: str, section_of: dict[str, str]) -> list[tuple[str, int]]:
    if code.isalpha():
        return [(code, 1)]
    division = code[:2]
    out = [(division, 2)]
    if section_of.get(division):
        out.append((section_of[division], 1))
    if len(code) >= 4:
        out.append((code[:4], 3))
    if len(code) >= 5:
        out.append((code, 4))
    return out


def expanded_text(profile: ActorProfile, themes: frozenset[str], vocabulary: Vocabulary) -> str:
    """Name, description and technologies, plus the English label of every theme, so that
    descriptions in Swedish and in English share words when they share a theme."""
    labels = " ".join(vocabulary.theme_labels.get(t, t) for t in sorted(themes))
    return " ".join([profile.name, profile.description, *sorted(profile.technologies), labels])


def compute_features(
    profiles: list[ActorProfile],
    vocabulary: Vocabulary,
    reader: ConceptReader,
    section_of: dict[str, str],
) -> list[ActorFeatures]:
    readings = [reader.read(f"{p.name}. {p.description}") for p in profiles]
    themes = [p.themes | r.themes for p, r in zip(profiles, readings, strict=True)]
    texts = [expanded_text(p, t, vocabulary) for p, t in zip(profiles, themes, strict=True)]
    counts = TEXT_HASHER.transform(texts).tocsr() if texts else None
    out = []
    for row, (profile, reading, actor_themes) in enumerate(
        zip(profiles, readings, themes, strict=True)
    ):
        assert counts is not None
        start, end = counts.indptr[row], counts.indptr[row + 1]
        out.append(
            ActorFeatures(
                profile=profile,
                themes=actor_themes,
                offers=profile.offers | reading.offers,
                seeks=profile.seeks | reading.seeks,
                inferred_themes=reading.themes - profile.themes,
                nace_weights=nace_prefix_weights(profile.nace_codes, section_of),
                technologies=frozenset(t.strip().lower() for t in profile.technologies),
                text_indices=counts.indices[start:end].copy(),
                text_counts=counts.data[start:end].copy(),
            )
        )
    return out
