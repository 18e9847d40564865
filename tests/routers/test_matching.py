from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.seed import seed_call_presets, seed_example_data
from tests.conftest import ADMIN, make_settings, with_session
from tests.factories import create_actor, put_region

FOOD = {"title": "Food", "themes": ["food"]}


def _world(client: TestClient) -> dict[str, int]:
    """Three food actors in three regions that complete each other, and two traps."""
    put_region(client, "SE22", name="Sydsverige", s3_priorities=[FOOD])
    put_region(client, "SE23", name="Västsverige", s3_priorities=[FOOD])
    put_region(client, "SE11", name="Stockholm")
    ids = {
        "cluster": create_actor(
            client,
            name="Food cluster",
            region_code="SE22",
            themes=["food"],
            offers=["sme-network"],
            seeks=["testbed", "research"],
        )["id"],
        "lab": create_actor(
            client,
            "rdi_platform",
            name="Food lab",
            region_code="SE23",
            themes=["food"],
            offers=["testbed", "research"],
            seeks=["sme-network"],
        )["id"],
        "design": create_actor(
            client,
            "rdi_platform",
            name="Packaging design studio",
            region_code="SE11",
            themes=[],
            offers=[],
            seeks=[],
            nace_codes=[],
            description="Vi erbjuder design och prototyper för livsmedelsförpackningar.",
        )["id"],
        "twin": create_actor(
            client,
            name="Food twin",
            region_code="SE23",
            themes=["food"],
            offers=["sme-network"],
            seeks=["testbed", "research"],
        )["id"],
        "ict": create_actor(
            client,
            "rdi_platform",
            name="ICT lab",
            region_code="SE11",
            themes=["ict"],
            nace_codes=["62.10"],
            offers=["testbed", "research"],
            seeks=[],
            description="Testbed for software.",
        )["id"],
    }
    return ids


def test_candidates_rank_the_complement_first_with_reasons(client: TestClient) -> None:
    ids = _world(client)
    response = client.get("/api/v1/matching/candidates", params={"actor_id": ids["cluster"]})
    assert response.status_code == 200
    body = response.json()
    assert body["actor_id"] == ids["cluster"]
    ranked = [c["actor"]["id"] for c in body["candidates"]]
    assert ranked[0] == ids["lab"]
    assert ids["cluster"] not in ranked
    first = body["candidates"][0]
    assert first["actor"] == {
        "id": ids["lab"],
        "kind": "rdi_platform",
        "name": "Food lab",
        "region_code": "SE23",
    }
    assert set(first["components"]) == {"thematic", "complementarity", "regional"}
    assert "It offers research and testbed, which you seek" in first["reasons"]
    assert "Sydsverige and Västsverige both list food among their S3 priorities" in first["reasons"]
    scores = [c["score"] for c in body["candidates"]]
    assert scores == sorted(scores, reverse=True)


def test_the_profile_shows_what_is_stated_and_what_is_read_from_the_description(
    client: TestClient,
) -> None:
    ids = _world(client)
    get = client.get
    read = get("/api/v1/matching/profile", params={"actor_id": ids["design"]}).json()
    assert read["actor"]["name"] == "Packaging design studio"
    assert [(o["key"], o["source"]) for o in read["offers"]] == [
        ("design", "read"),
        ("prototyping", "read"),
    ]
    assert [(t["key"], t["source"]) for t in read["themes"]] == [("food", "read")]
    assert read["seeks"] == []
    stated = get("/api/v1/matching/profile", params={"actor_id": ids["cluster"]}).json()
    assert [(o["key"], o["label"], o["source"]) for o in stated["seeks"]] == [
        ("research", "Research", "stated"),
        ("testbed", "Testbed", "stated"),
    ]
    swedish = get(
        "/api/v1/matching/profile",
        params={"actor_id": ids["cluster"]},
        headers={"Accept-Language": "sv"},
    ).json()
    assert [t["label"] for t in swedish["themes"]] == ["Livsmedel"]
    missing = get("/api/v1/matching/profile", params={"actor_id": 10**6})
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("application/problem+json")


def test_reasons_follow_accept_language_and_report_both_directions(client: TestClient) -> None:
    ids = _world(client)
    url = "/api/v1/matching/candidates"
    swedish = client.get(
        url, params={"actor_id": ids["cluster"]}, headers={"Accept-Language": "sv-SE,sv;q=0.9"}
    ).json()["candidates"][0]
    assert swedish["actor"]["id"] == ids["lab"]
    assert swedish["reasons"][0].startswith("Båda arbetar med livsmedel")
    assert "Den erbjuder forskning och testbädd, som ni söker" in swedish["reasons"]
    assert swedish["directions"] == {"it_offers_what_you_seek": 1.0, "it_seeks_what_you_offer": 1.0}
    english = client.get(
        url, params={"actor_id": ids["cluster"]}, headers={"Accept-Language": "en, sv;q=0.5"}
    ).json()["candidates"][0]
    assert english["reasons"][0].startswith("Both work on food")
    proposal = client.post(
        "/api/v1/matching/consortia",
        json={"seed_actor_ids": [ids["cluster"]], "min_members": 3, "max_members": 3},
        headers={"Accept-Language": "sv"},
    ).json()["consortia"][0]
    assert proposal["reasons"][0] == "Alla medlemmar arbetar med livsmedel"
    scored = client.post(
        "/api/v1/matching/consortia/score",
        json={"member_ids": [ids["cluster"], ids["lab"], ids["design"]]},
        headers={"Accept-Language": "sv"},
    ).json()
    assert any(r.startswith("Medlemmarna kommer från 3 regioner") for r in scored["reasons"])


def test_candidate_filters(client: TestClient) -> None:
    ids = _world(client)
    url = "/api/v1/matching/candidates"
    platforms = client.get(url, params={"actor_id": ids["cluster"], "kind": "rdi_platform"}).json()
    assert {c["actor"]["kind"] for c in platforms["candidates"]} == {"rdi_platform"}
    ict = client.get(url, params={"actor_id": ids["cluster"], "theme": "ict"}).json()
    assert [c["actor"]["id"] for c in ict["candidates"]] == [ids["ict"]]
    one = client.get(url, params={"actor_id": ids["cluster"], "limit": 1}).json()
    assert len(one["candidates"]) == 1


def test_consortium_proposal_meets_constraints(client: TestClient) -> None:
    ids = _world(client)
    response = client.post(
        "/api/v1/matching/consortia", json={"seed_actor_ids": [ids["cluster"]], "theme": "food"}
    )
    assert response.status_code == 200
    consortia = response.json()["consortia"]
    best = consortia[0]
    members = {m["id"] for m in best["members"]}
    assert members == {ids["cluster"], ids["lab"], ids["design"]}
    assert best["regions"] == ["SE11", "SE22", "SE23"]
    assert best["themes"][0] == "food"
    assert set(best["components"]) == {
        "coherence",
        "coverage",
        "complementarity",
        "diversity",
        "redundancy",
    }
    assert "All members work on food" in best["reasons"]
    for consortium in consortia:
        assert ids["cluster"] in {m["id"] for m in consortium["members"]}
        assert 3 <= len(consortium["members"]) <= 5
        assert len(consortium["regions"]) >= 2


def test_impossible_request_names_the_constraint(client: TestClient) -> None:
    ids = _world(client)
    response = client.post("/api/v1/matching/consortia", json={"theme": "ict", "min_members": 3})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "min_members"
    too_many_regions = client.post(
        "/api/v1/matching/consortia", json={"theme": "food", "min_regions": 4}
    )
    assert too_many_regions.status_code == 422
    assert too_many_regions.json()["errors"][0]["field"] == "min_regions"
    assert "only 3 region" in too_many_regions.json()["detail"]
    seeds = client.post(
        "/api/v1/matching/consortia",
        json={
            "seed_actor_ids": [ids["cluster"], ids["lab"], ids["twin"]],
            "max_members": 2,
            "min_members": 2,
        },
    )
    assert seeds.json()["errors"][0]["field"] == "max_members"


def test_score_a_hand_picked_consortium(client: TestClient) -> None:
    ids = _world(client)
    good = client.post(
        "/api/v1/matching/consortia/score",
        json={"member_ids": [ids["cluster"], ids["lab"], ids["design"]]},
    )
    assert good.status_code == 200
    assert good.json()["violations"] == []
    same_region = client.post(
        "/api/v1/matching/consortia/score",
        json={"member_ids": [ids["lab"], ids["twin"]], "kinds": ["rdi_platform"]},
    ).json()
    broken = {v["rule"] for v in same_region["violations"]}
    assert broken == {"min_members", "min_regions", "eligible_kinds"}
    assert same_region["score"] < good.json()["score"]


def test_partner_regions(client: TestClient) -> None:
    _world(client)
    response = client.get("/api/v1/matching/regions", params={"region_code": "SE22"})
    assert response.status_code == 200
    partners = response.json()["partners"]
    assert partners[0]["region"] == {"code": "SE23", "name": "Västsverige", "level": 2}
    assert "Both prioritise food" in partners[0]["reasons"]
    assert "SE22" not in [p["region"]["code"] for p in partners]


def test_partner_region_reasons_follow_accept_language(client: TestClient) -> None:
    ids = _world(client)
    put_region(client, "SE224")  # a county with nothing of its own
    url = "/api/v1/matching/regions"
    sv = {"Accept-Language": "sv-SE,sv;q=0.9"}
    swedish = client.get(url, params={"region_code": "SE22"}, headers=sv).json()["partners"]
    assert swedish[0]["region"]["code"] == "SE23"
    assert swedish[0]["reasons"] == [
        "Båda prioriterar livsmedel",
        "Regionens aktörer erbjuder forskning och testbädd, som aktörer i Sydsverige söker",
        "2 registrerade aktörer där",
    ]
    english = client.get(url, params={"region_code": "SE22"}).json()["partners"]
    assert english[0]["reasons"] == [
        "Both prioritise food",
        "Its actors offer research and testbed, which actors in Sydsverige seek",
        "2 actors registered there",
    ]
    assert [p["score"] for p in english] == [p["score"] for p in swedish]  # words only
    county = client.get(url, params={"region_code": "SE224"}, headers=sv).json()
    assert county["note"].startswith("Skåne län (SE224) har inga egna aktörer")
    assert "rangordnas som för Sydsverige (SE22)" in county["note"]
    scored = client.post(
        "/api/v1/matching/consortia/score",
        json={"member_ids": [ids["cluster"], ids["lab"]], "min_members": 3},
        headers=sv,
    ).json()
    assert scored["violations"] == [
        {"rule": "min_members", "detail": "2 medlemmar; minst 3 behövs"}
    ]


@pytest.mark.parametrize(
    ("method", "url", "payload", "status", "field"),
    [
        ("get", "/api/v1/matching/candidates", {"actor_id": 999}, 404, None),
        ("get", "/api/v1/matching/candidates", {"actor_id": 1, "limit": 0}, 422, "limit"),
        ("get", "/api/v1/matching/candidates", {"actor_id": 1, "theme": "knitting"}, 422, "theme"),
        ("get", "/api/v1/matching/candidates", {}, 422, "actor_id"),
        (
            "post",
            "/api/v1/matching/consortia",
            {"min_members": 5, "max_members": 3},
            422,
            "min_members",
        ),
        ("post", "/api/v1/matching/consortia", {"theme": "knitting"}, 422, "theme"),
        ("post", "/api/v1/matching/consortia", {"seed_actor_ids": [999]}, 422, "seed_actor_ids.0"),
        ("post", "/api/v1/matching/consortia", {"limit": 50}, 422, "limit"),
        ("post", "/api/v1/matching/consortia", {"call_id": 7}, 422, "call_id"),
        ("post", "/api/v1/matching/consortia/score", {"member_ids": [1]}, 422, "member_ids"),
        (
            "post",
            "/api/v1/matching/consortia/score",
            {"member_ids": [1, 1, 2]},
            422,
            "member_ids.1",
        ),
        ("get", "/api/v1/matching/regions", {"region_code": "SE33"}, 404, None),
        ("get", "/api/v1/matching/regions", {"region_code": "XX"}, 422, "region_code"),
        ("get", "/api/v1/matching/candidates", {"actor_id": 1, "theme": "nonsense"}, 422, "theme"),
    ],
)
def test_bad_requests_are_clear_problems(
    client: TestClient,
    method: str,
    url: str,
    payload: dict,
    status: int,
    field: str | None,  # type: ignore[type-arg]
) -> None:
    _world(client)
    if method == "get":
        response = client.get(url, params=payload)
    else:
        response = client.post(url, json=payload)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    if field:
        assert response.json()["errors"][0]["field"] == field


def test_a_write_is_reflected_in_the_next_match(client: TestClient) -> None:
    ids = _world(client)
    url = "/api/v1/matching/candidates"
    before = client.get(url, params={"actor_id": ids["cluster"]}).json()
    assert before["candidates"][0]["actor"]["id"] == ids["lab"]
    client.patch(
        f"/api/v1/rdi-platforms/{ids['lab']}",
        json={"themes": ["textiles"], "description": "Textile lab", "name": "Textile lab"},
        headers=ADMIN,
    )
    client.delete(f"/api/v1/rdi-platforms/{ids['ict']}", headers=ADMIN)
    after = client.get(url, params={"actor_id": ids["cluster"]}).json()
    ranked = [c["actor"]["id"] for c in after["candidates"]]
    assert ids["ict"] not in ranked
    lab = next(c for c in after["candidates"] if c["actor"]["id"] == ids["lab"])
    assert lab["score"] < before["candidates"][0]["score"]
    assert "Both work on food" not in lab["reasons"]


@pytest.fixture
def second_client(database_url: str) -> Iterator[TestClient]:
    """Another API process on the same database."""
    with TestClient(create_app(make_settings(database_url))) as other:
        yield other


def test_two_instances_on_one_database_stay_consistent(
    client: TestClient, second_client: TestClient
) -> None:
    ids = _world(client)
    url = "/api/v1/matching/candidates"
    assert second_client.get(url, params={"actor_id": ids["cluster"]}).json()["candidates"]
    new = create_actor(
        client,
        "rdi_platform",
        name="Second food lab",
        region_code="SE11",
        themes=["food"],
        offers=["testbed", "research"],
        seeks=["sme-network"],
    )
    seen = second_client.get(url, params={"actor_id": ids["cluster"], "limit": 10}).json()
    assert new["id"] in [c["actor"]["id"] for c in seen["candidates"]]


def test_seeded_example_data_matches(database_url: str, client: TestClient) -> None:
    with_session(database_url, seed_example_data)
    clusters = client.get(
        "/api/v1/clusters", params={"q": "Life Science Cluster Gothenburg"}
    ).json()
    actor_id = clusters["items"][0]["id"]
    body = client.get(
        "/api/v1/matching/candidates", params={"actor_id": actor_id, "limit": 3}
    ).json()
    assert body["candidates"][0]["components"]["thematic"] > 0.3
    proposal = client.post("/api/v1/matching/consortia", json={"theme": "textiles", "limit": 2})
    assert proposal.status_code == 200
    assert all(c["themes"][0] == "textiles" for c in proposal.json()["consortia"])


def test_a_county_is_ranked_as_the_nuts2_region_holding_its_actors(client: TestClient) -> None:
    _world(client)
    for county in ("SE224", "SE231", "SE232"):  # Skåne, Halland, Västra Götaland
        put_region(client, county)
    answer = client.get("/api/v1/matching/regions", params={"region_code": "SE224"}).json()
    assert answer["region_code"] == "SE224"
    assert answer["ranked_as"] == {"code": "SE22", "name": "Sydsverige", "level": 2}
    assert "ranked as Sydsverige (SE22)" in answer["note"]
    codes = [p["region"]["code"] for p in answer["partners"]]
    assert codes[0] == "SE23"
    assert all(len(code) == 4 for code in codes), codes  # no county with nothing in it
    assert "SE22" not in codes
    as_its_region = client.get("/api/v1/matching/regions", params={"region_code": "SE22"}).json()
    assert answer["partners"] == as_its_region["partners"]
    assert as_its_region["ranked_as"]["code"] == "SE22" and as_its_region["note"] is None


def test_no_partner_region_without_actors_or_a_shared_priority(client: TestClient) -> None:
    _world(client)
    ict = {"title": "ICT", "themes": ["ict"]}
    put_region(client, "SE12", name="Östra Mellansverige", s3_priorities=[ict])
    put_region(client, "SE21", name="Småland med öarna", s3_priorities=[FOOD])
    partners = client.get("/api/v1/matching/regions", params={"region_code": "SE22"}).json()[
        "partners"
    ]
    by_code = {p["region"]["code"]: p for p in partners}
    assert "SE12" not in by_code  # no actors, and nothing SE22 prioritises
    assert "SE21" in by_code  # no actors, but food in common
    assert "0 actors registered there" in by_code["SE21"]["reasons"]
    assert all(
        "0 actors registered there" not in p["reasons"]
        or any(r.startswith("Both prioritise") for r in p["reasons"])
        for p in partners
    )


def _nordic_food(client: TestClient, database_url: str) -> list[int]:
    """Three food actors in three countries, and the call presets (call 2 counts countries)."""
    with_session(database_url, seed_call_presets)
    for code in ("SE22", "DK01", "FI1B"):
        put_region(client, code)
    return [
        create_actor(
            client, kind, name=name, region_code=region, themes=["food"], offers=offers, seeks=seeks
        )["id"]
        for name, region, kind, offers, seeks in [
            ("Skåne food cluster", "SE22", "cluster", ["sme-network"], ["testbed"]),
            ("Copenhagen food lab", "DK01", "rdi_platform", ["testbed"], ["research"]),
            ("Helsinki food research", "FI1B", "rdi_platform", ["research"], ["sme-network"]),
        ]
    ]


def test_proposals_for_a_country_counting_call_report_countries(
    client: TestClient, database_url: str
) -> None:
    _nordic_food(client, database_url)
    horizon = client.get("/api/v1/calls/2").json()
    assert (horizon["min_countries"], horizon["region_level"]) == (3, 0)
    response = client.post(
        "/api/v1/matching/consortia",
        json={"call_id": 2, "theme": "food", "min_members": 3, "max_members": 3},
    )
    assert response.status_code == 200, response.text
    proposal = response.json()["consortia"][0]
    assert proposal["regions"] == ["DK", "FI", "SE"]
    assert "Members come from 3 countries: DK, FI and SE" in proposal["reasons"]
    assert not any("region" in reason for reason in proposal["reasons"][:2])
    assert proposal["eligibility"]["eligible"] is True


def test_a_country_counting_call_that_cannot_be_met_is_blamed(
    client: TestClient, database_url: str
) -> None:
    _world(client)  # Swedish actors only
    with_session(database_url, seed_call_presets)
    response = client.post("/api/v1/matching/consortia", json={"theme": "food", "call_id": 2})
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {
            "field": "call_id",
            "message": "eligible actors on food are in only 1 country; 3 are needed",
        }
    ]


def test_a_score_with_a_call_checks_the_call_rules(client: TestClient, database_url: str) -> None:
    nordic = _nordic_food(client, database_url)
    url = "/api/v1/matching/consortia/score"
    three_countries = client.post(url, json={"member_ids": nordic, "call_id": 2}).json()
    assert three_countries["eligibility"]["call_id"] == 2
    assert three_countries["eligibility"]["eligible"] is True
    two = client.post(url, json={"member_ids": nordic[:2], "call_id": 2, "min_members": 2})
    assert two.status_code == 200, two.text
    # The request's own rules hold; the call's (three countries) do not.
    assert two.json()["violations"] == []
    eligibility = two.json()["eligibility"]
    assert eligibility["eligible"] is False
    assert {v["rule"] for v in eligibility["violations"]} >= {"min_countries"}
    swedish = client.post(
        url,
        json={"member_ids": nordic[:2], "call_id": 2, "min_members": 2},
        headers={"Accept-Language": "sv"},
    ).json()["eligibility"]["violations"]
    assert [v["rule"] for v in swedish] == [v["rule"] for v in eligibility["violations"]]
    assert swedish != eligibility["violations"]  # worded in Swedish
    missing = client.post(url, json={"member_ids": nordic, "call_id": 99999})
    assert missing.status_code == 422
    assert missing.json()["errors"] == [{"field": "call_id", "message": "no call with id 99999"}]
    assert client.post(url, json={"member_ids": nordic}).json()["eligibility"] is None


def test_a_score_counts_regions_at_the_requested_level(client: TestClient) -> None:
    ids = _world(client)
    scored = client.post(
        "/api/v1/matching/consortia/score",
        json={"member_ids": [ids["cluster"], ids["lab"], ids["design"]], "region_level": 1},
    ).json()
    assert scored["regions"] == ["SE1", "SE2"]
    assert any(r.startswith("Members come from 2 regions") for r in scored["reasons"])
