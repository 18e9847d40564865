"""The versioned write every write path goes through, and If-Match."""

from dataclasses import dataclass, field
from datetime import UTC, datetime

import pytest

from app.core.versioning import Outcome, apply_changes, check_if_match, etag, etag_set
from app.errors import PreconditionFailed

EARLIER = datetime(2026, 1, 1, tzinfo=UTC)


@dataclass
class Row:
    name: str = "a"
    tags: list[str] = field(default_factory=list)
    version: int = 1
    updated_at: datetime = EARLIER


def test_writing_what_is_stored_keeps_the_version() -> None:
    row = Row(name="a", tags=["x"])
    assert apply_changes(row, {"name": "a", "tags": ["x"]}) is Outcome.unchanged
    assert (row.version, row.updated_at) == (1, EARLIER)
    assert apply_changes(row, {}) is Outcome.unchanged


def test_a_change_sets_every_value_and_bumps_once() -> None:
    row = Row()
    now = datetime(2026, 2, 2, tzinfo=UTC)
    assert apply_changes(row, {"name": "a", "tags": ["y"]}, now) is Outcome.updated
    assert (row.name, row.tags, row.version, row.updated_at) == ("a", ["y"], 2, now)
    assert apply_changes(row, {"name": "b"}) is Outcome.updated
    assert row.version == 3 and row.updated_at > now


@pytest.mark.parametrize("header", [None, '"4"', 'W/"4"', '"3", "4"', "*", ' "9" , "4" '])
def test_if_match_that_names_the_stored_version_passes(header: str | None) -> None:
    check_if_match(header, 4)


@pytest.mark.parametrize("header", ['"3"', 'W/"5"', '"3", "5"', "4", ""])
def test_stale_if_match_is_412(header: str) -> None:
    with pytest.raises(PreconditionFailed):
        check_if_match(header, 4)


def test_if_match_on_nothing_stored_is_412_even_with_a_star() -> None:
    with pytest.raises(PreconditionFailed):
        check_if_match("*", None)
    check_if_match(None, None)


def test_etags_are_quoted_versions() -> None:
    assert etag(7) == '"7"'
    assert etag_set('W/"1", "2",') == {'"1"', '"2"'}
