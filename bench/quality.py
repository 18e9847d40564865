"""Matching quality on synthetic populations with planted consortia.

For every generator (see bench/populations), with structured and with text-only
profiles, per description language: pair recall@5, NDCG@10, MRR, the share of queries
where a redundant twin outranks every true partner, consortium hit@5 and the validity of
every proposal; beside a naive TF-IDF baseline and an ablation of each score component.
"engine by pair" splits the structured view's recall@5 by how many of the two actors of a
pair show a stated profile ("both", "one", "none": the others show their text alone).

    python -m bench.quality [--quick] [--seed 1] [--consortia 27] [--noise 300]
                            [--generator NAME ...] [--http]
"""

import argparse
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from bench.baseline import MutualFitRanker, TfidfRanker, ranked
from bench.common import machine
from bench.metrics import (
    consortium_hit,
    hits_at,
    ndcg_at,
    reciprocal_rank,
    twin_above_partners,
)
from bench.populations import GENERATORS, HELD_OUT, TUNING
from bench.populations.engine import COMPONENTS, InProcessEngine, served, without
from bench.populations.model import Population, nuts2

DEPTH = 50  # how deep a ranking is read (NDCG@10 and MRR need no more)
MIN_MEMBERS, MAX_MEMBERS, MIN_REGIONS = 3, 4, 2
TARGETS = (
    "targets on held-out generators: recall@5 >= 0.95 structured, >= 0.80 text-only; "
    "hit@5 >= 0.90 / 0.70; twin <= 0.02; recall@5 >= baseline + 0.4"
)

Ranker = Callable[[int, int], list[int]]


class Engine(Protocol):
    def rank(self, actor_id: int, depth: int) -> list[int]: ...

    def propose(
        self, seed_id: int, *, min_members: int, max_members: int, min_regions: int, limit: int
    ) -> list[tuple[int, ...]]: ...


@dataclass
class Tally:
    """Sums over queries, split by the query's language ("all" holds every query)."""

    sums: dict[str, dict[str, float]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(float))
    )

    def add(self, language: str, **values: float) -> None:
        for key in (language, "all"):
            for name, value in values.items():
                self.sums[key][name] += value

    def merge(self, other: "Tally") -> None:
        for key, values in other.sums.items():
            for name, value in values.items():
                self.sums[key][name] += value

    def row(self, language: str) -> dict[str, float]:
        s = self.sums.get(language, {})
        out: dict[str, float] = {}
        if s.get("partners"):
            out["recall@5"] = s["hits"] / s["partners"]
        if s.get("queries"):
            out["ndcg@10"] = s["ndcg"] / s["queries"]
            out["mrr"] = s["rr"] / s["queries"]
            out["twin"] = s["twin"] / s["queries"]
        if s.get("seeds"):
            out["hit@5"] = s["hit"] / s["seeds"]
        if s.get("proposals"):
            out["valid"] = s["valid"] / s["proposals"]
        return out


def rank_pairs(population: Population, rank: Ranker, tally: Tally) -> None:
    for consortium in population.consortia:
        for query in consortium.member_ids:
            partners = population.partners_of(query)
            ranking = rank(query, DEPTH)
            tally.add(
                population.by_id[query].language,
                queries=1,
                partners=len(partners),
                hits=hits_at(ranking, partners, 5),
                ndcg=ndcg_at(ranking, partners, 10),
                rr=reciprocal_rank(ranking, partners),
                twin=twin_above_partners(ranking, population.twins_of(query), partners),
            )


# Pairs by how many of the two show a stated profile (the rest show their text alone).
STATED = {2: "both", 1: "one", 0: "none"}


def rank_pairs_by_profile(population: Population, rank: Ranker, tally: Tally) -> None:
    """Recall@5 per pair, split by how many of the two show a stated profile."""
    for consortium in population.consortia:
        for query in consortium.member_ids:
            top = set(rank(query, 5))
            for partner in population.partners_of(query):
                stated = sum(not population.by_id[a].text_only for a in (query, partner))
                tally.sums[STATED[stated]]["partners"] += 1
                tally.sums[STATED[stated]]["hits"] += partner in top


def proposal_problems(population: Population, seed: int, members: tuple[int, ...]) -> list[str]:
    """The request's constraints, checked here rather than by the engine's own rules."""
    problems = []
    if not MIN_MEMBERS <= len(set(members)) == len(members) <= MAX_MEMBERS:
        problems.append("size")
    if seed not in members:
        problems.append("seed missing")
    if any(m not in population.by_id for m in members):
        problems.append("unknown member")
    elif len({nuts2(population.by_id[m].region_code) for m in members}) < MIN_REGIONS:
        problems.append("regions")
    return problems


def rank_consortia(
    population: Population, engine: Engine, tally: Tally, every_member: bool
) -> None:
    for consortium in population.consortia:
        seeds = consortium.member_ids if every_member else consortium.member_ids[:1]
        for seed in seeds:
            proposals = engine.propose(
                seed,
                min_members=MIN_MEMBERS,
                max_members=MAX_MEMBERS,
                min_regions=MIN_REGIONS,
                limit=5,
            )
            tally.add(
                population.by_id[seed].language,
                seeds=1,
                hit=consortium_hit(proposals, consortium.member_ids),
                proposals=len(proposals),
                valid=sum(not proposal_problems(population, seed, p) for p in proposals),
            )


def ablated(engine: InProcessEngine, switched_off: str) -> Ranker:
    def rank(actor_id: int, depth: int) -> list[int]:
        parts = engine.parts(actor_id)
        return ranked(parts.ids, without(parts, switched_off), parts.eligible, depth)

    return rank


def evaluate(population: Population, every_member: bool, http: bool = False) -> dict[str, Tally]:
    """Tallies per "ranker|profiles", e.g. "engine|structured"."""
    out: dict[str, Tally] = defaultdict(Tally)
    baseline = TfidfRanker(population)  # reads text only: the same in both modes
    rank_pairs(population, baseline.rank, out["tf-idf baseline|any"])
    for mode, shown in (("structured", population), ("text", population.text_only())):
        if mode == "structured":
            rank_pairs(shown, MutualFitRanker(shown).rank, out["mutual-fit ref.|structured"])
        engine = InProcessEngine(shown)
        rank_pairs(shown, engine.rank, out[f"engine|{mode}"])
        if mode == "structured":
            rank_pairs_by_profile(shown, engine.rank, out["engine by pair|structured"])
        rank_consortia(shown, engine, out[f"engine|{mode}"], every_member)
        for component in COMPONENTS:
            rank_pairs(shown, ablated(engine, component), out[f"- {component}|{mode}"])
        if http:
            with served(shown) as remote:
                rank_pairs(shown, remote.rank, out[f"engine over http|{mode}"])
                rank_consortia(shown, remote, out[f"engine over http|{mode}"], every_member)
    return out


COLUMNS = ("recall@5", "ndcg@10", "mrr", "twin", "hit@5", "valid")


def print_table(title: str, tallies: dict[str, Tally], languages: Iterable[str]) -> None:
    print(f"\n{title}")
    print(f"  {'ranker':<20}{'profiles':<12}{'lang':<5}" + "".join(f"{c:>9}" for c in COLUMNS))
    for key, tally in tallies.items():
        ranker, mode = key.split("|")
        for language in STATED.values() if ranker == "engine by pair" else languages:
            row = tally.row(language)
            if not row:
                continue
            cells = "".join(f"{row[c]:9.3f}" if c in row else f"{'':>9}" for c in COLUMNS)
            print(f"  {ranker:<20}{mode:<12}{language:<5}{cells}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--consortia", type=int, help="planted consortia per generator")
    parser.add_argument("--noise", type=int, help="noise actors per generator")
    parser.add_argument("--generator", action="append", choices=sorted(GENERATORS))
    parser.add_argument(
        "--quick", action="store_true", help="smaller populations, one seed per consortium"
    )
    parser.add_argument(
        "--http",
        action="store_true",
        help="also ask a live server (SQLite, one worker) through the public API",
    )
    args = parser.parse_args(argv)
    consortia = args.consortia or (12 if args.quick else 27)
    noise = args.noise if args.noise is not None else (130 if args.quick else 300)
    names = args.generator or [*TUNING, *HELD_OUT]
    started = time.perf_counter()
    print(f"matching quality, seed {args.seed}, {consortia} consortia + {noise} noise actors")
    print(f"machine: {machine()}")
    held_out: dict[str, Tally] = defaultdict(Tally)
    for name in names:
        population = GENERATORS[name](args.seed, consortia, noise)
        tallies = evaluate(population, every_member=not args.quick, http=args.http)
        split = "tuning" if name in TUNING else "held out"
        print_table(
            f"{name} ({split}, {len(population.actors)} actors)", tallies, ("all", "en", "sv")
        )
        if name not in TUNING:
            for key, tally in tallies.items():
                held_out[key].merge(tally)
    if any(name not in TUNING for name in names):
        print_table("all held-out generators, pooled", held_out, ("all",))
        baseline = held_out["tf-idf baseline|any"].row("all")["recall@5"]
        gaps = ", ".join(
            f"{held_out[f'engine|{mode}'].row('all')['recall@5'] - baseline:+.3f} {mode}"
            for mode in ("structured", "text")
        )
        print(f"\nheld out, engine recall@5 minus the baseline's: {gaps}")
    print(f"\n{TARGETS}")
    print(f"ran in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
