"""Reading themes and capabilities out of free text, in Swedish and English.

Each vocabulary term is matched by its labels, synonyms and slug. Phrase words of five
letters or more match as prefixes, so inflected and compound Swedish forms are found
("testbädd" in "testbäddar", "livsmedel" in "livsmedelskluster"); shorter words must
match whole ("mat" is not "material").
"""

import re
from dataclasses import dataclass, field

_WORD = re.compile(r"[0-9a-zåäöéüæø]+")
_SENTENCE = re.compile(r"[.;!?\n]+")
PREFIX_MIN = 5

# Words after which, in the same sentence, capabilities are sought rather than offered.
# "söker partner som erbjuder X" seeks X: once a seek cue is seen, the rest is sought.
SEEK_CUES = (
    ("söker",),
    ("söka",),
    ("behöver",),
    ("efterfrågar",),
    ("saknar",),
    ("vill", "hitta"),
    ("seek",),
    ("seeks",),
    ("seeking",),
    ("looking", "for"),
    ("need",),
    ("needs",),
    ("want",),
    ("wants",),
    ("lack",),
    ("lacks",),
)


@dataclass(frozen=True)
class Term:
    slug: str
    phrases: tuple[str, ...]  # labels and synonyms, any language


@dataclass(frozen=True)
class Reading:
    themes: frozenset[str] = frozenset()
    offers: frozenset[str] = frozenset()
    seeks: frozenset[str] = frozenset()


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


@dataclass
class ConceptReader:
    themes: list[Term]
    capabilities: list[Term]
    _theme_index: "_PhraseIndex" = field(init=False)
    _capability_index: "_PhraseIndex" = field(init=False)

    def __post_init__(self) -> None:
        self._theme_index = _PhraseIndex(self.themes)
        self._capability_index = _PhraseIndex(self.capabilities)

    def read(self, text: str) -> Reading:
        if not text.strip():
            return Reading()
        themes: set[str] = set()
        offers: set[str] = set()
        seeks: set[str] = set()
        for sentence in _SENTENCE.split(text):
            tokens = words(sentence)
            if not tokens:
                continue
            themes |= {slug for slug, _ in self._theme_index.find(tokens)}
            seek_from = _first_cue(tokens)
            for slug, position in self._capability_index.find(tokens):
                (seeks if position >= seek_from else offers).add(slug)
        return Reading(frozenset(themes), frozenset(offers), frozenset(seeks))


class _PhraseIndex:
    """Phrases keyed by their first word (whole) or its first letters (prefix words),
    so each token of a text is checked against a handful of phrases, not all."""

    def __init__(self, terms: list[Term]) -> None:
        self._whole: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        self._prefix: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for term in terms:
            for phrase in {term.slug.replace("-", " "), *term.phrases}:
                pattern = tuple(words(phrase))
                if not pattern:
                    continue
                first = pattern[0]
                if len(first) >= PREFIX_MIN:
                    self._prefix.setdefault(first[:PREFIX_MIN], []).append((term.slug, pattern))
                else:
                    self._whole.setdefault(first, []).append((term.slug, pattern))

    def find(self, tokens: list[str]) -> list[tuple[str, int]]:
        """(slug, position) of every phrase occurrence in the token list."""
        hits = []
        for start, token in enumerate(tokens):
            candidates = self._whole.get(token, []) + self._prefix.get(token[:PREFIX_MIN], [])
            for slug, pattern in candidates:
                window = tokens[start : start + len(pattern)]
                if len(window) == len(pattern) and all(
                    _token_matches(p, t) for p, t in zip(pattern, window, strict=True)
                ):
                    hits.append((slug, start))
        return hits


def _token_matches(pattern: str, token: str) -> bool:
    return token == pattern or (len(pattern) >= PREFIX_MIN and token.startswith(pattern))


def _first_cue(tokens: list[str]) -> int:
    """Position of the first seek cue in the sentence, or past its end."""
    for start in range(len(tokens)):
        for cue in SEEK_CUES:
            if tuple(tokens[start : start + len(cue)]) == cue:
                return start
    return len(tokens)
