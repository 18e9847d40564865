"""The Swedish example data and the seeded vocabularies, shipped with the package."""

import json
from functools import lru_cache
from importlib.resources import files
from typing import Any


@lru_cache(maxsize=8)
def load(name: str) -> Any:
    """One of the JSON files of this folder, parsed (e.g. `load("themes.json")`)."""
    return json.loads(files(__name__).joinpath(name).read_text(encoding="utf-8"))
