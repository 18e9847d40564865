"""Acronyms and the phrases they abbreviate: one actor writes "RPM", another "remote
patient monitoring", a third "ATMP" for "advanced therapy medicinal products". Both sides
get the same abbreviation concept ("abbr:rpm"), so the two meet without a list of
acronyms: the acronym by its letters, the phrase by its words' initials.
"""

import re
from collections.abc import Iterable

# Two or more capitals in a short word: "RPM", "V2G", "PEDs", "IoT" (not "CubeSats").
_ACRONYM = re.compile(r"\b(?=[0-9a-z]*[A-Z][0-9a-z]*[A-Z])[A-Za-z0-9]{2,6}\b")
# A digit between letters that stands for a word ("V2G" is "vehicle-to-grid", "B2B");
# not a trailing one ("CO2").
_DIGIT_WORDS = {"2": "t", "4": "f"}
_INNER_DIGIT = re.compile(r"(?<=[a-z])[24](?=[a-z])")
# Three or more capitalised words in a row are a heading in capitals, not acronyms.
_CAPITALS_RUN = re.compile(r"\b[A-ZÅÄÖ]{2,}(?:\W+[A-ZÅÄÖ]{2,}){2,}\b")
# Words an acronym leaves out.
_SKIPPED = frozenset({"a", "an", "the", "and", "och", "en", "ett"})
_WORD = re.compile(r"[0-9a-zåäöéüæø]+")
MIN_LETTERS, MAX_LETTERS = 3, 6  # of an acronym, and of a phrase's initials
# Initials are read from phrases of three words or more: two-word ones ("smart grids",
# "solar glass") would meet by chance too often.
INITIALS_WEIGHT = 0.3


def acronyms_in(text: str) -> frozenset[str]:
    """The acronyms a text writes, in lower case, a plural "s" dropped ("PEDs" is "ped")."""
    out = set()
    for found in _ACRONYM.findall(_CAPITALS_RUN.sub(" ", text)):
        if found.endswith("s") and found[:-1].isupper():
            found = found[:-1]
        out.add(_as_letters(found.lower()))
    return frozenset(out)


def spelled_as_written(phrase: str, text: str) -> str:
    """A phrase the reader lower-cased, with the acronyms in it as `text` writes them
    ("rpm for elderly care" is "RPM for elderly care"), for showing it back to people."""
    written = {found.lower(): found for found in _ACRONYM.findall(_CAPITALS_RUN.sub(" ", text))}
    if not written:
        return phrase
    return " ".join(written.get(word, word) for word in phrase.split(" "))


def _as_letters(word: str) -> str:
    return _INNER_DIGIT.sub(lambda m: _DIGIT_WORDS[m.group(0)], word)


def abbreviations(phrase: str, acronyms: frozenset[str]) -> dict[str, float]:
    """What a technology phrase abbreviates to, with a weight: any acronym it is written as
    or contains (1), and its words' initials (INITIALS_WEIGHT: at full weight the initials
    made an exact wording count twice against a paraphrase, and two unrelated phrases with
    the same initials, "carbon capture and storage" and "cell culture systems", meet at
    its square only)."""
    parts = [w for w in _WORD.findall(phrase.lower()) if w not in _SKIPPED]
    out = {}
    initials = "".join(w[0] for w in parts)
    if len(parts) >= 3 and MIN_LETTERS <= len(initials) <= MAX_LETTERS:
        out[initials] = INITIALS_WEIGHT
    for word in map(_as_letters, parts):
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
