"""The name search, in the explorer and in the API's `q` filter (the same service): every
word of the query anywhere in the name or the description, in any order and any case,
with Swedish and English place names alike. Runs on each database."""

import re
from html import unescape

import pytest
from fastapi.testclient import TestClient

GOTHENBURG = "Example Life Science Cluster Gothenburg"


def _names(explorer: TestClient, q: str) -> list[str]:
    html = explorer.get("/explore", params={"q": q}).text
    return [
        unescape(n) for n in re.findall(r'<h3><a href="/explore/actors/\d+[^"]*">([^<]+)</a>', html)
    ]


def _api_names(explorer: TestClient, q: str) -> list[str]:
    body = explorer.get("/api/v1/clusters", params={"q": q}).json()
    return [a["name"] for a in body["items"]]


@pytest.mark.parametrize(
    "q",
    [
        "Life Science Gothenburg",
        "gothenburg life",
        "Göteborg",
        "göteborg life science",
        "GÖTEBORG",
        "life science cluster gothenburg",
    ],
)
def test_every_word_matches_anywhere(explorer: TestClient, q: str) -> None:
    assert GOTHENBURG in _names(explorer, q)
    assert GOTHENBURG in _api_names(explorer, q)


def test_every_word_must_match(explorer: TestClient) -> None:
    assert _names(explorer, "Gothenburg textiles nowhere-word") == []
    both = _names(explorer, "Gothenburg")
    assert GOTHENBURG in both and "Example City Test Arena Gothenburg" in both
    assert _names(explorer, "Gothenburg arena") == ["Example City Test Arena Gothenburg"]
    # Non-ASCII letters in either case (SQLite's lower() folds only ASCII).
    assert "Example Food Processing Network Örebro" in _names(explorer, "örebro")
    assert "Example Food Processing Network Örebro" in _names(explorer, "ÖREBRO network")
    # LIKE's wildcards are text, not patterns.
    assert _names(explorer, "%") == [] and _names(explorer, "_") == []
