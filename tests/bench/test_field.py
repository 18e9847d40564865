"""The `field` generator plants what its description promises: its language mix and
share of text-only profiles, technologies written in the actor's language both in the
profile and in the text, lookalikes beside every consortium, real NACE codes. (The rules
every generator meets are checked for it too, in test_quality.)"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.reference import nace
from bench.populations import HELD_OUT, TUNING, field
from bench.populations.field_words import TECHNOLOGIES, Technology
from bench.populations.model import Population

BY_CANONICAL: dict[str, Technology] = {
    tech.canonical: tech for techs in TECHNOLOGIES.values() for tech in techs
}


@pytest.fixture(scope="module")
def population() -> Population:
    return field.generate(2, 27, 300)


def test_field_is_a_tuning_generator() -> None:
    assert field.NAME in TUNING
    assert field.NAME not in HELD_OUT


def test_language_mix_and_text_only_share(population: Population) -> None:
    actors = population.actors
    swedish = sum(a.language == "sv" for a in actors) / len(actors)
    text_only = sum(a.text_only for a in actors) / len(actors)
    assert 0.33 <= swedish <= 0.47
    assert 0.28 <= text_only <= 0.42
    # Every role is shown text-only sometimes, not only the noise.
    assert {a.role for a in actors if a.text_only} == {"member", "twin", "off_theme", "noise"}


def test_the_profile_names_the_technology_in_the_actors_language(
    population: Population,
) -> None:
    with_technology = [a for a in population.actors if a.focus]
    assert len(with_technology) > 0.7 * len(population.actors)
    for actor in with_technology:
        tech = BY_CANONICAL[actor.focus]
        assert actor.technologies == {tech.forms(actor.language)[0]}, actor
    swedish = [a for a in with_technology if a.language == "sv"]
    assert any(a.technologies != {a.focus} for a in swedish)


def test_the_description_names_the_technology_in_its_own_language(
    population: Population,
) -> None:
    for actor in population.actors:
        if not actor.focus:
            continue
        tech = BY_CANONICAL[actor.focus]
        text = actor.description.lower()
        assert any(form.lower() in text for form in tech.forms(actor.language)), actor


def test_every_consortium_has_lookalikes(population: Population) -> None:
    for consortium in population.consortia:
        lookalikes = [
            a
            for a in population.actors
            if a.role == "noise"
            and a.focus == consortium.technology
            and consortium.theme in a.themes
        ]
        assert lookalikes, consortium


def test_descriptions_are_varied(population: Population) -> None:
    descriptions = [a.description for a in population.actors]
    assert len(set(descriptions)) == len(descriptions)
    openings = {" ".join(d.split()[:2]) for d in descriptions}
    assert len(openings) >= 60


def test_nace_codes_are_real(population: Population) -> None:
    codes = set().union(*(a.nace_codes for a in population.actors))
    assert codes
    assert [c for c in codes if nace.problem_with(c)] == []


def test_the_same_seed_words_the_same_descriptions_in_another_process() -> None:
    """A set's order changes between processes; the wording must not depend on it."""
    script = (
        "from bench.populations import field; "
        "print(repr([a.description for a in field.generate(5, 6, 20).actors]))"
    )
    root = Path(__file__).resolve().parents[2]
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            cwd=root,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
        ).stdout
        for seed in (1, 2, 3)
    }
    assert len(outputs) == 1
