"""Per-actor features, computed once per actor version and assembled into matrices."""

from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import HashingVectorizer

from app.matching.acronyms import abbreviations_of, acronyms_in, spelled_as_written
from app.matching.concepts import (
    STRONG,
    ConceptReader,
    Reading,
    Term,
    concept_stems,
    technology_grams,
    technology_key,
    telling_parts,
    words,
)
from app.matching.profiles import ActorProfile, Vocabulary
from app.matching.wordings import CAPABILITY_WORDINGS, THEME_WORDINGS, with_wordings


def stem_words(text: str) -> list[str]:
    """The words of a text as stems, the same in Swedish and English where the languages
    share a stem ("textiles"/"textil") or the glossary knows the word ("återvinning" is
    "recycl")."""
    return [s for w in words(text) if len(w) > 1 for s in concept_stems(w)]


# Word stems, hashed: no fitted vocabulary, so new and changed actors are added without a
# refit, and a row costs a few dozen entries, so a query against 100,000 actors stays cheap.
TEXT_HASHER = HashingVectorizer(
    analyzer=stem_words,
    n_features=2**20,
    alternate_sign=False,
    norm=None,
    dtype=np.float32,
)

# A NACE code also counts partly at its coarser levels: class 26.11 shares group 26.1,
# division 26 and section C with its neighbours, with falling weight.
NACE_LEVEL_WEIGHTS = {1: 0.25, 2: 0.5, 3: 0.75, 4: 1.0}
# A technology also counts as its letter 4-grams (see technology_grams), which together
# weigh this much: a near spelling or the other language's word relates, less than the
# same word does.
GRAM_WEIGHT = 0.7
# A technology also counts as its words' stems, which together weigh this much: two
# phrasings of one technology mostly share words ("digital twins", "digital twin
# platforms"); generic words ("systems") are left out, and the IDF keeps a common one from
# counting much.
WORD_WEIGHT = 2.0
# With themes stated in the profile, a theme read from the text counts only when the text
# names it at least twice in whole words: one passing word does not outweigh the profile.
EXTRA_THEME_EVIDENCE = 2 * STRONG


@dataclass(frozen=True)
class ActorFeatures:
    profile: ActorProfile
    themes: frozenset[str]  # stated or read from the description
    offers: frozenset[str]
    seeks: frozenset[str]
    inferred_themes: frozenset[str]  # read from text only (for explanations)
    nace_weights: dict[str, float]
    technologies: frozenset[str]  # technology keys, stated or read after a focus cue
    technology_labels: dict[str, str]  # key -> the phrase as the actor wrote it
    concepts: dict[str, float]  # each concept's weight: theme:, nace:, tech:, gram:, word:
    text_indices: np.ndarray
    text_counts: np.ndarray


def reader_for(vocabulary: Vocabulary) -> ConceptReader:
    names = {
        slug: (vocabulary.theme_labels.get(slug, ""), vocabulary.theme_labels_sv.get(slug, ""))
        for slug in vocabulary.theme_phrases
    }
    themes, capabilities = vocabulary.theme_phrases, vocabulary.capability_phrases
    return ConceptReader(
        [Term(slug, p) for slug, p in with_wordings(themes, THEME_WORDINGS).items()],
        [Term(slug, p) for slug, p in with_wordings(capabilities, CAPABILITY_WORDINGS).items()],
        [Term(slug, tuple(n for n in labels if n)) for slug, labels in names.items()],
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


def themes_of(profile: ActorProfile, reading: Reading) -> frozenset[str]:
    """Stated themes, plus the themes the text clearly names.

    Without stated themes, the themes named in whole words count (or, when there are none,
    the best prefix-only ones); with stated themes, only those named twice or more.
    """
    evidence = reading.theme_evidence
    if profile.themes:
        return profile.themes | {t for t, e in evidence.items() if e >= EXTRA_THEME_EVIDENCE}
    strong = {t for t, e in evidence.items() if e >= STRONG}
    if strong or not evidence:
        return frozenset(strong)
    top = max(evidence.values())
    return frozenset(t for t, e in evidence.items() if e == top)


def capabilities_of(
    profile: ActorProfile, reading: Reading
) -> tuple[frozenset[str], frozenset[str]]:
    """What it offers and seeks: as stated when the profile states any, else as read.

    A description mentions capabilities in passing ("a research institute"); mixing them
    into stated ones would let one word outweigh what the profile says.
    """
    if states_capabilities(profile):
        return profile.offers, profile.seeks
    return reading.offers, reading.seeks


def states_capabilities(profile: ActorProfile) -> bool:
    """Whether the profile states its capabilities (then none are read from its text)."""
    return bool(profile.offers or profile.seeks)


# A phrase a text merely mentions may be a word of no weight ("In return we bring ..."):
# as a technology it weighs half, so that such a word costs a true partner little.
MENTION_WEIGHT = 0.5


def technologies_of(profile: ActorProfile, reading: Reading) -> tuple[dict[str, str], float]:
    """Stated technologies when the profile names any (as for capabilities), else the
    focus phrases read from the description, else the phrases it mentions outside any
    cue (see app.matching.mentions); with the weight they carry."""
    stated = stated_technologies(profile)
    if stated:
        return stated, 1.0
    read, weight = (
        (reading.technologies, 1.0) if reading.technologies else (reading.mentions, MENTION_WEIGHT)
    )
    text = f"{profile.name}. {profile.description}"
    return {k: spelled_as_written(v, text) for k, v in read.items()}, weight


def stated_technologies(profile: ActorProfile) -> dict[str, str]:
    """The profile's technologies that name something (key -> as written)."""
    return {technology_key(t): t.strip() for t in profile.technologies if technology_key(t)}


def acronyms_of(profile: ActorProfile) -> frozenset[str]:
    return acronyms_in(" ".join([profile.description, *profile.technologies]))


def theme_weights(
    profile: ActorProfile, reading: Reading, themes: frozenset[str]
) -> dict[str, float]:
    """Each theme's weight as a concept. A stated profile's themes count whole; a theme read
    from a text counts by how often the text names it beside its best-named theme, so a
    sector named once in passing does not pull the actor as far as its main subject."""
    if profile.themes:
        return dict.fromkeys(themes, 1.0)
    evidence = reading.theme_evidence
    top = max((evidence.get(t, 0.0) for t in themes), default=0.0)
    return {t: evidence.get(t, 0.0) / top if top else 1.0 for t in themes}


def concept_weights(
    themes: dict[str, float],
    nace: dict[str, float],
    technologies: frozenset[str],
    technology_weight: float = 1.0,
    abbreviated: dict[str, float] | None = None,
) -> dict[str, float]:
    concepts = {f"theme:{t}": w for t, w in themes.items()}
    concepts |= {f"nace:{k}": w for k, w in nace.items()}
    concepts |= {f"abbr:{a}": w * technology_weight for a, w in (abbreviated or {}).items()}
    grams: dict[str, float] = {}
    stems: dict[str, float] = {}
    for key in technologies:
        concepts[f"tech:{key}"] = technology_weight
        for gram in technology_grams(key):
            grams[gram] = grams.get(gram, 0.0) + 1.0
        for stem in telling_parts(key):
            stems[stem] = stems.get(stem, 0.0) + 1.0
    concepts |= _spread("gram", grams, GRAM_WEIGHT * technology_weight)
    concepts |= _spread("word", stems, WORD_WEIGHT * technology_weight)
    return concepts


def _spread(prefix: str, counts: dict[str, float], weight: float) -> dict[str, float]:
    """Parts of an actor's technologies as concepts whose vector length is `weight`."""
    norm = sum(c * c for c in counts.values()) ** 0.5 or 1.0
    return {f"{prefix}:{part}": weight * c / norm for part, c in counts.items()}


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
    readings = [reader.read(f"{p.name}. {p.description}", p.name) for p in profiles]
    themes = [themes_of(p, r) for p, r in zip(profiles, readings, strict=True)]
    texts = [expanded_text(p, t, vocabulary) for p, t in zip(profiles, themes, strict=True)]
    counts = TEXT_HASHER.transform(texts).tocsr() if texts else None
    out = []
    for row, (profile, reading, actor_themes) in enumerate(
        zip(profiles, readings, themes, strict=True)
    ):
        assert counts is not None
        start, end = counts.indptr[row], counts.indptr[row + 1]
        nace = nace_prefix_weights(profile.nace_codes, section_of)
        technologies, technology_weight = technologies_of(profile, reading)
        abbreviated = abbreviations_of(technologies.values(), acronyms_of(profile))
        offers, seeks = capabilities_of(profile, reading)
        out.append(
            ActorFeatures(
                profile=profile,
                themes=actor_themes,
                offers=offers,
                seeks=seeks,
                inferred_themes=actor_themes - profile.themes,
                nace_weights=nace,
                technologies=frozenset(technologies),
                technology_labels=technologies,
                concepts=concept_weights(
                    theme_weights(profile, reading, actor_themes),
                    nace,
                    frozenset(technologies),
                    technology_weight,
                    abbreviated,
                ),
                text_indices=counts.indices[start:end].copy(),
                text_counts=counts.data[start:end].copy(),
            )
        )
    return out
