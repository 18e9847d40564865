import pytest

from app.core.languages import preferred_language


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, "en"),
        ("", "en"),
        ("sv", "sv"),
        ("sv-SE,sv;q=0.9,en;q=0.8", "sv"),
        ("en-GB,en;q=0.9,sv;q=0.8", "en"),
        ("de, sv;q=0.5", "sv"),
        ("sv;q=0", "en"),  # q=0: not Swedish
        ("sv;q=0, en", "en"),
        ("en;q=0.2, sv;q=0.7", "sv"),
        ("fr", "en"),
        ("sv;q=bad", "en"),
    ],
)
def test_the_callers_weighed_choice(header: str | None, expected: str) -> None:
    assert preferred_language(header) == expected
