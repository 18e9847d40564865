"""The explorer's pages over the seeded example data: each view answers, in both
languages, from its URL alone; bad input is a 4xx page naming the field."""

import re
from importlib.resources import files

import pytest
from fastapi.testclient import TestClient

from tests.conftest import ADMIN
from tests.explore.conftest import page_text

VIEWS = [
    "/explore",
    "/explore?q=textil&theme=textiles",
    "/explore/actors/15",
    "/explore/partners?actor_id=15&other_regions_only=true",
    "/explore/consortia",
    "/explore/consortia?seed=15&call_id=1&eu_funding=400000",
    "/explore/consortium?member=15&member=28&member=26&call_id=1&eu_funding=400000",
    "/explore/regions?code=SE12",
    "/explore/saved",
]


@pytest.mark.parametrize("path", VIEWS)
def test_every_view_answers_from_its_url_with_no_outside_assets(
    explorer: TestClient, path: str
) -> None:
    response = explorer.get(path)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    html = response.text
    assert re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html) == [
        "/explore/static/explore.css",
        "/explore/static/explore.js",
    ]
    assert "<h1>" in html


def test_the_language_follows_lang_then_accept_language(explorer: TestClient) -> None:
    english = explorer.get("/explore")
    swedish = explorer.get("/explore", headers={"Accept-Language": "sv-SE,sv;q=0.9,en;q=0.5"})
    chosen = explorer.get("/explore?lang=en", headers={"Accept-Language": "sv"})
    assert '<html lang="en">' in english.text and "Find an actor" in english.text
    assert '<html lang="sv">' in swedish.text and "Hitta en aktör" in swedish.text
    assert '<html lang="en">' in chosen.text
    # Themes and capabilities are labelled in the page's language.
    assert ">Livsmedel</option>" in swedish.text and ">Testbädd</option>" in swedish.text
    assert ">Food</option>" in english.text
    # Links keep the language, so a shared link opens as it was seen.
    assert 'href="/explore/consortia?lang=sv"' in swedish.text


def test_search_filters_actors(explorer: TestClient) -> None:
    page = page_text(explorer.get("/explore?theme=textiles&kind=rdi_platform").text)
    everything = page_text(explorer.get("/explore").text)
    assert "44 found" in everything
    found = int(re.search(r"(\d+) found", page)[1])  # type: ignore[index]
    assert 0 < found < 44
    assert "Cluster ·" not in page  # only RDI platforms


def test_the_profile_shows_the_regions_s3_priorities(explorer: TestClient) -> None:
    page = page_text(explorer.get("/explore/actors/15").text)
    assert "Example Life Science Cluster Gothenburg" in page
    assert "The region's S3 priorities" in page
    region = explorer.get("/api/v1/regions/SE23").json()
    assert all(p["title"] in page for p in region["s3_priorities"])


def test_partners_show_each_component_and_the_reasons(explorer: TestClient) -> None:
    html = explorer.get("/explore/partners?actor_id=15&limit=3").text
    page = page_text(html)
    api = explorer.get("/api/v1/matching/candidates?actor_id=15&limit=3").json()
    assert html.count("<meter") == 3 * 3
    for candidate in api["candidates"]:
        assert candidate["actor"]["name"] in page
        for reason in candidate["reasons"]:
            assert reason in page


def test_a_call_proposal_lists_every_rule_and_the_budget(explorer: TestClient) -> None:
    html = explorer.get("/explore/consortia?seed=15&call_id=1&eu_funding=400000&limit=1").text
    page = page_text(html)
    assert "Meets every rule of the call" in page
    for shown in (
        "At least this many members: 3 min_members ✓ met",
        "At least this many regions: 2 min_regions ✓ met",
        "Members' countries: SE eligible_countries ✓ met",
        "EU funding at least: EUR 200 000 funding_min ✓ met",
        "Kinds of member: Cluster, RDI platform eligible_kinds ✓ met",
        "Opens: 2016-09-01 opens_at ✓ met",
    ):
        assert shown in page
    assert "EUR 400 000" in page and "EUR 800 000" in page  # 50 % co-funding
    assert "<svg" in html and 'class="link"' in html
    edit = re.search(r'href="(/explore/consortium\?[^"]+)"', html)
    assert edit and "call_id=1" in edit[1] and "eu_funding=400000" in edit[1]


def test_hand_picked_members_are_rescored_and_broken_rules_shown(explorer: TestClient) -> None:
    over = explorer.get("/explore/consortium?member=15&member=28&call_id=1&eu_funding=700000")
    page = page_text(over.text)
    assert over.status_code == 200
    assert "Breaks rules of the call" in page
    assert "At least this many members: 3 min_members ✗ broken" in page
    assert (
        "EU funding at most: EUR 600 000 funding_max ✗ broken: "
        "EUR 700,000 is above the maximum of EUR 600,000"
    ) in page
    # Adding a member from the page's own choices is one more `member` in the URL.
    assert re.search(r'<select id="add" name="member">.*?<option value="\d+">', over.text, re.S)


def test_bad_input_is_a_4xx_page_naming_the_field(explorer: TestClient) -> None:
    unknown = explorer.get("/explore/consortium?member=15&member=99999")
    assert unknown.status_code == 422
    assert "member_ids.1" in unknown.text and "no actor with id 99999" in unknown.text
    words = explorer.get("/explore/consortia?seed=abc")
    assert words.status_code == 422 and "seed_actor_ids" in words.text
    funding = explorer.get("/explore/consortia?call_id=1&eu_funding=lots")
    assert funding.status_code == 422 and "eu_funding" in funding.text
    impossible = explorer.get("/explore/consortia?go=true&min_regions=9&max_members=5")
    assert impossible.status_code == 422 and "min_regions" in impossible.text
    assert explorer.get("/explore/actors/99999").status_code == 404
    # Ids beyond what the database holds are refused before any query.
    assert explorer.get("/explore/actors/99999999999").status_code == 422
    huge_call = explorer.get("/explore/consortium?member=15&member=28&call_id=99999999999")
    assert huge_call.status_code == 422 and "call_id" in huge_call.text
    assert explorer.get("/explore/consortium?member=15&member=28&call_id=9").status_code == 404


def test_saved_consortia_and_their_status_moves(explorer: TestClient) -> None:
    saved = explorer.post(
        "/api/v1/consortia",
        headers=ADMIN,
        json={"name": "Life science testbeds", "call_id": 1, "member_ids": [15, 28, 26]},
    ).json()
    listing = page_text(explorer.get("/explore/saved?status=draft").text)
    assert "Life science testbeds" in listing
    one = explorer.get(f"/explore/saved/{saved['id']}?lang=sv").text
    assert 'data-status="submitted"' in one and "Flytta till inskickat" in one
    assert "Life science testbeds" not in page_text(
        explorer.get("/explore/saved?status=funded").text
    )


def test_the_region_table_counts_actors_and_marks_priorities(explorer: TestClient) -> None:
    html = explorer.get("/explore/regions?code=SE23").text
    partners = explorer.get("/api/v1/matching/regions?region_code=SE23&limit=10").json()
    assert all(p["region"]["name"] in html for p in partners["partners"])
    food = explorer.get("/api/v1/clusters?region=SE22&theme=food").json()["total"]
    food += explorer.get("/api/v1/rdi-platforms?region=SE22&theme=food").json()["total"]
    assert f'href="/explore?region=SE22&amp;theme=food&amp;lang=en">{food}</a>' in html


def test_templates_and_static_files_ship_in_the_package() -> None:
    package = files("app.explore")
    for name in ("templates/base.html", "static/explore.js", "static/explore.css"):
        assert package.joinpath(name).is_file()


def test_partners_come_from_other_regions_unless_the_box_is_unticked(
    explorer: TestClient,
) -> None:
    own_region = "· SE23"  # actor 15 is in SE23
    assert own_region not in page_text(explorer.get("/explore/partners?actor_id=15&limit=20").text)
    # An unticked box sends only the hidden "false"; a ticked one sends "true" after it.
    unticked = explorer.get("/explore/partners?actor_id=15&limit=20&other_regions_only=false")
    ticked = explorer.get(
        "/explore/partners?actor_id=15&limit=20&other_regions_only=false&other_regions_only=true"
    )
    assert own_region in page_text(unticked.text)
    assert own_region not in page_text(ticked.text)


def test_without_a_call_the_score_lists_the_rules_it_breaks(explorer: TestClient) -> None:
    one_region = page_text(
        explorer.get("/explore/consortium?member=15&member=14&min_regions=2").text
    )
    assert "Rules it breaks" in one_region and "min_regions" in one_region
    with_call = page_text(explorer.get("/explore/consortium?member=15&member=28&call_id=1").text)
    assert "Rules it breaks" not in with_call  # the call's table lists every rule instead


def test_reasons_follow_the_pages_language(explorer: TestClient) -> None:
    page = page_text(explorer.get("/explore/partners?actor_id=15&limit=3&lang=sv").text)
    swedish = explorer.get(
        "/api/v1/matching/candidates?actor_id=15&limit=3", headers={"Accept-Language": "sv"}
    ).json()
    english = explorer.get("/api/v1/matching/candidates?actor_id=15&limit=3").json()
    reasons_sv = [r for c in swedish["candidates"] for r in c["reasons"]]
    reasons_en = [r for c in english["candidates"] for r in c["reasons"]]
    assert reasons_sv != reasons_en
    assert all(r in page for r in reasons_sv)


def test_the_eligibility_panel_is_in_swedish(explorer: TestClient) -> None:
    url = "/explore/consortium?member=15&member=28&call_id=1&eu_funding=700000&lang=sv"
    page = page_text(explorer.get(url).text)
    assert "Bryter mot utlysningens regler" in page
    for shown in (
        "Minst så många medlemmar: 3 min_members ✗ bruten: 2 medlemmar; minst 3 behövs",
        "Typer av medlemmar: Kluster, FoI-plattform eligible_kinds ✓ uppfylld",
        "EU-stöd högst: EUR 600 000 funding_max ✗ bruten: "
        "EUR 700 000 är över högsta beloppet EUR 600 000",
    ):
        assert shown in page
    for english in ("members; at least", "is above the maximum", "RDI platform", "broken"):
        assert english not in page
    assert re.search(r"Poäng \d,\d\d", page)  # a decimal comma


def test_the_regions_page_is_in_swedish(explorer: TestClient) -> None:
    html = explorer.get("/explore/regions?code=SE23&lang=sv").text
    page = page_text(html)
    swedish = explorer.get(
        "/api/v1/matching/regions?region_code=SE23&limit=10", headers={"Accept-Language": "sv"}
    ).json()
    assert swedish["partners"] and all(r in page for p in swedish["partners"] for r in p["reasons"])
    assert "registrerade aktörer där" in page and "actors registered there" not in page
    # Regions by their Swedish names: South Sweden is Sydsverige, in lists and reasons.
    assert ">SE22 Sydsverige</option>" in html
    assert "som aktörer i Västsverige söker" in page
    assert "South Sweden" not in page and "West Sweden" not in page
    county = page_text(explorer.get("/explore/regions?code=SE224&lang=sv").text)
    assert "Skåne län (SE224) har inga egna aktörer" in county
    assert "rangordnas som för Sydsverige (SE22)" in county
