"""The explorer over a freshly seeded database, and its pages read as text."""

import re
from collections.abc import Iterator
from html import unescape

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.seed import seed_example_data
from tests.conftest import make_settings, with_session


@pytest.fixture
def explorer(database_url: str) -> Iterator[TestClient]:
    with_session(database_url, seed_example_data)
    with TestClient(create_app(make_settings(database_url))) as client:
        yield client


def page_text(html: str) -> str:
    """What a reader sees: tags dropped, entities decoded, white space collapsed."""
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))
