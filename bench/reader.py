"""The engine's text reader against a labelled set of Swedish and English sentences
(bench/reader_set.jsonl): precision and recall of themes, capabilities offered,
capabilities sought and technologies / focus phrases, per language.

    python -m bench.reader [--misses 10]
"""

import argparse
import json
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

from bench.populations.engine import TextReading, read

READER_SET = Path(__file__).with_name("reader_set.jsonl")
LABELLED = ("themes", "offers", "seeks", "technologies")  # the fields of the set
FIELDS = (*LABELLED, "technologies_used")
# A field scored against another field's labels, and how the table names it.
STATED_AS = {"technologies_used": "technologies"}
SHOWN_AS = {"technologies_used": "tech+mentions"}
PHRASES = frozenset({"technologies", "technologies_used"})


def load_reader_set(path: Path = READER_SET) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def normalised(phrase: str) -> str:
    return " ".join(re.findall(r"[0-9a-zåäöéü]+", phrase.lower()))


def _same_word(a: str, b: str) -> bool:
    """Equal, a plural ("bed", "beds"), or inflections of one stem of at least five letters
    ("biobank", "biobanker", "biobanking"; not "bank" in "biobank")."""
    short, long = sorted((a, b), key=len)
    return long in (short, f"{short}s", f"{short}es") or (
        len(short) >= 5 and long.startswith(short)
    )


def _within(inner: list[str], outer: list[str]) -> bool:
    return any(
        all(_same_word(w, outer[start + k]) for k, w in enumerate(inner))
        for start in range(len(outer) - len(inner) + 1)
    )


def phrase_match(found: str, stated: str) -> bool:
    """A technology read counts when it is the stated phrase, up to inflection, or one
    holds the other whole-word ("biobanking" for "biobanking and precision diagnostics"
    counts; "bank" for "biobank" does not)."""
    a, b = normalised(found).split(), normalised(stated).split()
    return bool(a and b) and (_within(a, b) or _within(b, a))


@dataclass
class Counts:
    true_positive: int = 0
    found: int = 0
    stated: int = 0

    def add(self, found: Collection[str], stated: Collection[str], phrases: bool) -> None:
        if phrases:
            hits = sum(any(phrase_match(f, s) for f in found) for s in stated)
            # A read phrase is right when it matches some stated one.
            right = sum(any(phrase_match(f, s) for s in stated) for f in found)
            self.true_positive += min(hits, right)
        else:
            self.true_positive += len(set(found) & set(stated))
        self.found += len(found)
        self.stated += len(stated)

    @property
    def precision(self) -> float:
        return self.true_positive / self.found if self.found else float("nan")

    @property
    def recall(self) -> float:
        return self.true_positive / self.stated if self.stated else float("nan")


Reader = Callable[[str], TextReading]
Mistakes = list[tuple[dict, TextReading]]  # type: ignore[type-arg]


def score(
    sentences: Iterable[dict],  # type: ignore[type-arg]
    reader: Reader = read,
) -> tuple[dict[tuple[str, str], Counts], set[str], Mistakes]:
    """Counts per (field, language) and for "all" languages; the fields the reader does
    not read at all; the sentences with any mistake."""
    counts: dict[tuple[str, str], Counts] = defaultdict(Counts)
    unread: set[str] = set()
    wrong = []
    for sentence in sentences:
        reading = reader(sentence["text"])
        mistaken = False
        for field in FIELDS:
            found = getattr(reading, field)
            if found is None:
                unread.add(field)
                found = frozenset()
            stated = sentence[STATED_AS.get(field, field)]
            for language in (sentence["lang"], "all"):
                counts[field, language].add(found, stated, phrases=field in PHRASES)
            if field in STATED_AS:
                continue  # a second view of a field already checked
            mistaken |= (
                {normalised(f) for f in found} != {normalised(s) for s in stated}
                if field in PHRASES
                else set(found) != set(stated)
            )
        if mistaken:
            wrong.append((sentence, reading))
    return counts, unread, wrong


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", type=int, default=0, help="print this many mistakes")
    args = parser.parse_args(argv)
    sentences = load_reader_set()
    counts, unread, wrong = score(sentences)
    languages = sorted({s["lang"] for s in sentences})
    print(f"reader set: {len(sentences)} sentences ({', '.join(languages)})")
    print(f"  {'field':<14}{'lang':<6}{'stated':>7}{'read':>6}{'precision':>11}{'recall':>8}")
    for field in FIELDS:
        for language in ("all", *languages):
            c = counts[field, language]
            note = "  (not read by the engine)" if field in unread else ""
            precision = f"{c.precision:.3f}" if c.found else "-"  # nothing read
            print(
                f"  {SHOWN_AS.get(field, field):<14}{language:<6}{c.stated:>7}{c.found:>6}"
                f"{precision:>11}{c.recall:>8.3f}{note}"
            )
    print(f"sentences read without a mistake: {len(sentences) - len(wrong)} of {len(sentences)}")
    for sentence, reading in wrong[: args.misses]:
        print(f"\n  [{sentence['lang']}] {sentence['text']}")
        for field in FIELDS:
            found = sorted(getattr(reading, field) or [])
            stated = sorted(sentence[STATED_AS.get(field, field)])
            print(f"    {field:<13} stated {stated}  read {found}")


if __name__ == "__main__":
    main()
