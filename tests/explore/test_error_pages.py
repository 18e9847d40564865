"""Under /explore every error is the explorer's own HTML page, in the page's language, with
the status the API would give, naming each bad field; the API keeps answering
problem+json. An empty optional number is its default."""

import re

import pytest
from fastapi.testclient import TestClient

from tests.explore.conftest import page_text


def _error_page(response: object, status: int) -> str:
    assert response.status_code == status, response.text  # type: ignore[attr-defined]
    headers = response.headers  # type: ignore[attr-defined]
    assert headers["content-type"].startswith("text/html"), response.text  # type: ignore[attr-defined]
    html: str = response.text  # type: ignore[attr-defined]
    assert 'class="error" role="alert"' in html
    assert 'href="/explore?lang=' in html  # navigation back
    return page_text(html)


# (url, status, the field named, its reason in Swedish)
SWEDISH_ERRORS = [
    (
        "/explore/consortia?lang=sv&go=true&min_members=abc",
        422,
        "min_members",
        "måste vara ett heltal",
    ),
    ("/explore/consortia?lang=sv&go=true&limit=0", 422, "limit", "måste vara minst 1"),
    ("/explore/partners?lang=sv&actor_id=15&limit=99", 422, "limit", "får vara högst 50"),
    ("/explore?lang=sv&q=" + "x" * 201, 422, "q", "får vara högst 200 tecken lång"),
    (
        "/explore/consortia?lang=sv&call_id=1&eu_funding=99999999999999999999999",
        422,
        "eu_funding",
        "är för stort",
    ),
    ("/explore/actors/0?lang=sv", 422, "actor_id", "måste vara minst 1"),
    ("/explore/actors/abc?lang=sv", 422, "actor_id", "måste vara ett heltal"),
    ("/explore/saved/abc?lang=sv", 422, "consortium_id", "måste vara ett heltal"),
    ("/explore/partners?lang=sv", 422, "actor_id", "måste anges"),
    ("/explore?lang=sv&q=%00", 422, "q", "får inte innehålla NUL-tecken"),
    ("/explore/saved?lang=sv&status=nope", 422, "status", "måste vara ett av draft"),
    ("/explore/actors/9999?lang=sv", 404, "", "ingen aktör med id 9999"),
    ("/explore/partners?lang=sv&actor_id=9999", 404, "", "ingen aktör med id 9999"),
    ("/explore/nope?lang=sv", 404, "", "Sidan finns inte"),
]


@pytest.mark.parametrize(("url", "status", "field", "reason"), SWEDISH_ERRORS)
def test_errors_on_pages_are_the_explorers_page_in_swedish(
    explorer: TestClient, url: str, status: int, field: str, reason: str
) -> None:
    page = _error_page(explorer.get(url), status)
    assert "Det gick inte" in page
    assert field in page and reason in page, page
    assert '<html lang="sv">' in explorer.get(url).text
    for english in ("must be", "field required", "no actor with id", "Not Found"):
        assert english not in page


def test_errors_follow_the_browsers_language_and_name_every_bad_field(
    explorer: TestClient,
) -> None:
    page = _error_page(
        explorer.get("/explore/consortia?go=true&min_members=x&limit=99&seed=abc"), 422
    )
    assert "That did not work" in page and "Check these fields" in page
    assert "min_members (At least members): must be a whole number" in page
    assert "limit (Proposals): must be at most 10" in page
    assert "seed_actor_ids" in page
    swedish = explorer.get("/explore/nope", headers={"Accept-Language": "sv"})
    assert "Sidan finns inte" in _error_page(swedish, 404)


def test_the_api_still_answers_problem_json(explorer: TestClient) -> None:
    for url, status in (
        ("/api/v1/clusters/0", 422),
        ("/api/v1/clusters/9999", 404),
        ("/api/v1/nope", 404),
        ("/api/v1/clusters?q=%00", 422),
        ("/api/v1/matching/candidates?actor_id=15&limit=", 422),
    ):
        response = explorer.get(url, headers={"Accept-Language": "sv"})
        assert response.status_code == status
        assert response.headers["content-type"] == "application/problem+json"
    # The explorer's upload is read by its script: it stays problem+json too.
    upload = explorer.post("/explore/import", json={"files": []}, headers={"Authorization": "x"})
    assert upload.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize(
    "url",
    [
        "/explore/partners?lang=sv&actor_id=15&limit=",
        "/explore/regions?code=SE12&limit=",
        "/explore/consortia?seed=15&min_members=&max_members=&min_regions=&limit=",
        "/explore/consortium?member=15&member=28&min_regions=&call_id=&eu_funding=",
    ],
)
def test_an_empty_number_field_is_its_default(explorer: TestClient, url: str) -> None:
    response = explorer.get(url)
    assert response.status_code == 200, response.text
    assert 'role="alert"' not in response.text


def test_the_forms_carry_the_servers_limits(explorer: TestClient) -> None:
    search = explorer.get("/explore").text
    assert re.search(r'<input id="q"[^>]*maxlength="200"', search)
    consortia = explorer.get("/explore/consortia").text
    for name, low, high in (
        ("min_members", 2, 12),
        ("max_members", 2, 12),
        ("min_regions", 1, 12),
        ("limit", 1, 10),
    ):
        assert re.search(
            rf'name="{name}" type="number" step="1" min="{low}" max="{high}"', consortia
        )
    assert re.search(r'<input id="eu_funding"[^>]*maxlength="40"', consortia)
    partners = explorer.get("/explore/partners?actor_id=15").text
    assert 'name="limit" type="number" step="1" min="1" max="50"' in partners
    saved = explorer.get("/explore/consortium?member=15&member=28").text
    assert re.search(r'<input id="save-c-name" name="name" required maxlength="200"', saved)


def test_a_domain_error_on_a_page_is_worded_in_its_language(explorer: TestClient) -> None:
    page = explorer.get("/explore/consortium?member=15&member=99999&lang=sv")
    assert page.status_code == 422
    text = page_text(page.text)
    assert "member_ids.1" in text and "ingen aktör med id 99999" in text
    theme = page_text(explorer.get("/explore/consortia?theme=nope&lang=sv").text)
    assert "okänt tema 'nope'" in theme and "see GET" not in theme
