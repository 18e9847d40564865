"""The change feed's cursor: opaque to clients, but exact — every position round-trips,
anything the feed did not give out is a 422 on `since`, and a page holds at most `limit`."""

import base64

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.changes.service import MAX_SEQ, decode_cursor, encode_cursor, read
from app.errors import InvalidPayload
from tests.factories import put_region


def raw(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


@pytest.mark.parametrize("seq", [0, 1, 2, 9, 10, 99, 1000, 12345, 10**9, 10**15 + 7, MAX_SEQ])
def test_every_position_round_trips_without_padding(seq: int) -> None:
    cursor = encode_cursor(seq)
    assert "=" not in cursor
    assert decode_cursor(cursor) == seq


def test_no_cursor_is_the_start() -> None:
    assert decode_cursor(None) == 0
    assert decode_cursor("") == 0


@pytest.mark.parametrize(
    "cursor",
    [
        raw("seq:"),
        raw("seq:-1"),
        raw("seq:1.5"),
        raw("seq:abc"),
        raw("foo:12"),  # a number under another prefix
        raw("12"),
        raw(f"seq:{MAX_SEQ + 1}"),  # beyond the BIGINT column
        "!!!",  # not base64
        raw("seq:1")[:-1] + "A" * 5,  # not a whole base64 text
        base64.urlsafe_b64encode(b"\xff\xfe").decode(),  # not UTF-8
    ],
)
def test_anything_else_is_invalid_on_since(cursor: str) -> None:
    with pytest.raises(InvalidPayload) as raised:
        decode_cursor(cursor)
    assert [(e.field, e.message) for e in raised.value.errors] == [
        ("since", "not a cursor this feed gave out")
    ]


def test_a_page_holds_at_most_limit_and_resumes_after_it(
    client: TestClient, session: Session
) -> None:
    for code in ("SE11", "SE12", "SE21", "SE22", "SE23"):
        put_region(client, code)
    everything = read(session, None, 10_000).items
    assert [c.id for c in everything] == ["SE11", "SE12", "SE21", "SE22", "SE23"]
    first = read(session, None, 2)
    assert first.items == everything[:2]
    rest = read(session, first.next_cursor, 10_000)
    assert rest.items == everything[2:]
    assert read(session, rest.next_cursor, 10).items == []
