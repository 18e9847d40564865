"""Acronyms and the phrases they abbreviate: one actor writes "RPM", another "remote
patient monitoring", a third "ATMP" for "advanced therapy medicinal products". Both sides
get the same abbreviation concept ("abbr:rpm"), so the two meet without a list of
acronyms: the acronym by its letters, the phrase by its words' initials.
"""

import re
from collections.abc import Iterable

# Two or more capitals in a short word: "RPM", "V2G", "PEDs", "IoT" (not "CubeSats").
_ACRONYM = re.compile(r"\b(?=[0-9a-z]*[A-Z][0-9a-z]*[A-Z])[A-Za-z0-9]{2,6}\b")
# Digits that stand for a word in an acronym ("V2G" is "vehicle-to-grid", "B2B").
_DIGIT_WORDS = str.maketrans({"2": "t", "4": "f"})
# Words an acronym leaves out.
_SKIPPED = frozenset({"a", "an", "the", "and", "och", "en", "ett"})
_WORD = re.compile(r"[0-9a-zåäöéüæø]+")
# Initials are read from phrases of three words or more: two-word ones ("smart grids",
# "solar glass") would meet by chance too often.
MIN_LETTERS, MAX_LETTERS = 3, 6
INITIALS_WEIGHT = 0.3


def acronyms_in(text: str) -> frozenset[str]:
    """The acronyms a text writes, in lower case, a plural "s" dropped ("PEDs" is "ped")."""
    out = set()
    for found in _ACRONYM.findall(text):
        if found.endswith("s") and found[:-1].isupper():
            found = found[:-1]
        out.add(found.lower().translate(_DIGIT_WORDS))
    return frozenset(out)


def abbreviations(phrase: str, acronyms: frozenset[str]) -> dict[str, float]:
    """What a technology phrase abbreviates to, with a weight: any acronym it is written as
    or contains (1), and its words' initials (INITIALS_WEIGHT: most phrases are never
    abbreviated, and an unmatched concept dilutes the ones that do match)."""
    parts = [w for w in _WORD.findall(phrase.lower()) if w not in _SKIPPED]
    out = {}
    initials = "".join(w[0] for w in parts)
    if len(parts) >= 3 and len(initials) <= MAX_LETTERS:
        out[initials] = INITIALS_WEIGHT
    for word in parts:
        word = word.translate(_DIGIT_WORDS)
        if word in acronyms and len(word) >= MIN_LETTERS:
            out[word] = 1.0
    return out


def abbreviations_of(phrases: Iterable[str], acronyms: frozenset[str]) -> dict[str, float]:
    """Every abbreviation of an actor's technology phrases, at its strongest weight."""
    out: dict[str, float] = {}
    for phrase in phrases:
        for abbreviation, weight in abbreviations(phrase, acronyms).items():
            out[abbreviation] = max(out.get(abbreviation, 0.0), weight)
    return out
