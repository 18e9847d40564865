"""The one place the harness touches the matching engine: build an index from synthetic
actors, rank partners, propose consortia, read text. When the engine's API changes, only
this module changes."""

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from app.matching import index as index_module
from app.matching.bridges import with_bridges
from app.matching.consortia import Infeasible, propose_consortia
from app.matching.features import compute_features, reader_for, technologies_of
from app.matching.index import MatchIndex
from app.matching.partners import candidates
from app.matching.profiles import ActorProfile, RegionProfile, Vocabulary
from app.matching.rules import ConsortiumRules
from app.reference import nace, nuts
from bench.populations.model import Population, SyntheticActor
from seed_data import load

COMPONENTS = ("thematic", "complementarity", "regional")


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The seeded controlled vocabularies, as the service loads them from the database."""

    def phrases(term: dict) -> tuple[str, ...]:  # type: ignore[type-arg]
        return (term["label_en"], term["label_sv"], *term["synonyms_en"], *term["synonyms_sv"])

    themes, capabilities = load("themes.json"), load("capabilities.json")
    return Vocabulary(
        theme_labels={t["slug"]: t["label_en"] for t in themes},
        theme_labels_sv={t["slug"]: t["label_sv"] for t in themes},
        capability_labels={c["slug"]: c["label_en"] for c in capabilities},
        theme_phrases={t["slug"]: phrases(t) for t in themes},
        capability_phrases={c["slug"]: phrases(c) for c in capabilities},
    )


@lru_cache(maxsize=1)
def regions() -> dict[str, RegionProfile]:
    """Every Swedish NUTS region, with the seeded S3 priority themes where there are any."""
    priorities: dict[str, set[str]] = {}
    for region in load("example_data.json")["regions"]:
        for priority in region.get("s3_priorities", []):
            priorities.setdefault(region["code"], set()).update(priority.get("themes", []))
    return {
        r.code: RegionProfile(
            code=r.code,
            name=r.code,
            level=r.level,
            priority_themes=frozenset(priorities.get(r.code, ())),
        )
        for r in nuts.regions_of_country("SE")
    }


def profile_of(actor: SyntheticActor) -> ActorProfile:
    if actor.text_only:
        return ActorProfile(actor.id, actor.kind, actor.name, actor.region_code, actor.description)
    return ActorProfile(
        id=actor.id,
        kind=actor.kind,
        name=actor.name,
        region_code=actor.region_code,
        description=actor.description,
        themes=actor.themes,
        nace_codes=actor.nace_codes,
        technologies=actor.technologies,
        offers=actor.offers,
        seeks=actor.seeks,
    )


@dataclass
class ScoreParts:
    """Every actor's score components against one query, for re-ranking."""

    ids: np.ndarray
    eligible: np.ndarray  # another NUTS-2 region, not the query itself
    score: np.ndarray
    components: dict[str, np.ndarray]


class InProcessEngine:
    """The pure engine, called in this process."""

    def __init__(self, population: Population) -> None:
        vocab = vocabulary()
        features = compute_features(
            [profile_of(a) for a in population.actors],
            vocab,
            reader_for(vocab),
            nace.section_of_divisions(),
        )
        self.index = MatchIndex(vocabulary=vocab, regions=regions(), features=features)

    def rank(self, actor_id: int, depth: int) -> list[int]:
        """The engine's partner candidates (other NUTS-2 regions only), best first."""
        found = candidates(self.index, actor_id, limit=depth, other_regions_only=True)
        return [c.actor_id for c in found]

    def parts(self, actor_id: int) -> ScoreParts:
        i = self.index.position[actor_id]
        scores = self.index.pair_scores(i, 2)
        eligible = scores.other_region > 0
        eligible[i] = False
        scores = with_bridges(self.index, i, scores, eligible)
        return ScoreParts(
            ids=self.index.ids,
            eligible=eligible,
            score=scores.score,
            components={c: getattr(scores, c) for c in COMPONENTS},
        )

    def propose(
        self, seed_id: int, *, min_members: int, max_members: int, min_regions: int, limit: int
    ) -> list[tuple[int, ...]]:
        rules = ConsortiumRules(
            min_members=min_members,
            max_members=max_members,
            min_regions=min_regions,
            region_level=2,
        )
        try:
            found = propose_consortia(self.index, rules, seed_ids=(seed_id,), limit=limit)
        except Infeasible:
            return []
        return [c.member_ids for c in found]


def without(parts: ScoreParts, switched_off: str) -> np.ndarray:
    """The pair score with one component switched off. The engine has no switch for it,
    so this recombines the returned components the way the engine does (a weighted
    geometric mean), with that component's exponent set to zero."""
    exponents = getattr(index_module, "FINAL_EXPONENTS", dict.fromkeys(COMPONENTS, 1.0))
    floor = getattr(index_module, "FLOOR", 0.02)
    log_score = sum(
        exponents[c] * np.log(parts.components[c] + floor) for c in COMPONENTS if c != switched_off
    )
    return np.exp(log_score)


def recombined(parts: ScoreParts) -> np.ndarray:
    """All components recombined: checks that `without` reproduces the engine's ranking."""
    return without(parts, "")


@dataclass(frozen=True)
class TextReading:
    themes: frozenset[str]
    offers: frozenset[str]
    seeks: frozenset[str]
    technologies: frozenset[str] | None  # None: the engine's reader does not read them
    # What the engine takes as the technologies of a text-only actor: those read after a
    # focus cue, else the phrases the text mentions (app.matching.mentions).
    technologies_used: frozenset[str] | None = None


@lru_cache(maxsize=1)
def _reader():  # type: ignore[no-untyped-def]
    return reader_for(vocabulary())


def read(text: str) -> TextReading:
    reading = _reader().read(text)
    profile = ActorProfile(0, "cluster", "", "SE11", text)
    used, _ = technologies_of(profile, reading)
    return TextReading(
        themes=frozenset(reading.themes),
        offers=frozenset(reading.offers),
        seeks=frozenset(reading.seeks),
        # The phrases as written: the keys are the engine's own cross-language form.
        technologies=frozenset(reading.technologies.values()),
        technologies_used=frozenset(used.values()),
    )


def transfer_document(population: Population) -> dict:  # type: ignore[type-arg]
    """The population as a `clustermatch import` document: every Swedish NUTS region (the
    S3 priorities the in-process index gets) and the actors, keyed by their synthetic id."""
    region_rows = []
    for code, region in regions().items():
        row: dict = {"code": code}  # type: ignore[type-arg]
        if region.priority_themes:
            row["s3_priorities"] = [
                {"title": f"S3 priority {code}", "themes": sorted(region.priority_themes)}
            ]
        region_rows.append(row)
    doc: dict = {"regions": region_rows, "clusters": [], "rdi_platforms": []}  # type: ignore[type-arg]
    for actor in population.actors:
        profile = profile_of(actor)
        doc["clusters" if actor.kind == "cluster" else "rdi_platforms"].append(
            {
                "name": profile.name,
                "region_code": profile.region_code,
                "description": profile.description,
                "themes": sorted(profile.themes),
                "nace_codes": sorted(profile.nace_codes),
                "technologies": sorted(profile.technologies),
                "offers": sorted(profile.offers),
                "seeks": sorted(profile.seeks),
                "external_id": f"synthetic-{actor.id}",
            }
        )
    return doc


class HttpEngine:
    """The same questions through a live server's public API (see `bench.quality --http`)."""

    def __init__(self, client: Any) -> None:  # an httpx.Client on the server's base URL
        self.client = client
        self.to_server: dict[int, int] = {}
        for resource in ("clusters", "rdi-platforms"):
            offset = 0
            while True:
                page = client.get(
                    f"/api/v1/{resource}", params={"limit": 100, "offset": offset}
                ).json()
                for item in page["items"]:
                    synthetic = int(item["external_id"].removeprefix("synthetic-"))
                    self.to_server[synthetic] = item["id"]
                offset += len(page["items"])
                if not page["items"] or offset >= page["total"]:
                    break
        self.from_server = {v: k for k, v in self.to_server.items()}

    def rank(self, actor_id: int, depth: int) -> list[int]:
        response = self.client.get(
            "/api/v1/matching/candidates",
            params={
                "actor_id": self.to_server[actor_id],
                "limit": min(depth, 100),
                "other_regions_only": "true",
            },
        )
        response.raise_for_status()
        return [self.from_server[c["actor"]["id"]] for c in response.json()["candidates"]]

    def propose(
        self, seed_id: int, *, min_members: int, max_members: int, min_regions: int, limit: int
    ) -> list[tuple[int, ...]]:
        response = self.client.post(
            "/api/v1/matching/consortia",
            json={
                "seed_actor_ids": [self.to_server[seed_id]],
                "min_members": min_members,
                "max_members": max_members,
                "min_regions": min_regions,
                "region_level": 2,
                "limit": limit,
            },
        )
        if response.status_code == 422:
            return []
        response.raise_for_status()
        return [
            tuple(self.from_server[m["id"]] for m in c["members"])
            for c in response.json()["consortia"]
        ]


@contextmanager
def served(population: Population) -> Iterator[HttpEngine]:
    """A fresh SQLite database holding the population, and the project serving it."""
    import httpx

    from bench.common import cli, project_server, write_json

    workdir = Path(tempfile.mkdtemp())
    url = f"sqlite:///{workdir / 'quality.db'}"
    try:
        cli(["db", "upgrade"], url)
        cli(["import", str(write_json(workdir / "doc.json", transfer_document(population)))], url)
        with project_server(url) as base, httpx.Client(base_url=base, timeout=120) as client:
            yield HttpEngine(client)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
