from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.seed import seed_call_presets
from tests.conftest import ADMIN, with_session
from tests.factories import create_actor, put_region

ERDF, HORIZON, S3 = 1, 2, 3


@pytest.fixture
def world(client: TestClient, database_url: str) -> dict[str, int]:
    with_session(database_url, seed_call_presets)
    for code in ("SE22", "SE23", "SE11", "SE12", "DK01", "FI1B"):
        put_region(client, code)

    def make(
        name: str, region: str, kind: str = "cluster", themes: tuple[str, ...] = ("food",)
    ) -> int:
        return create_actor(
            client, kind, name=name, region_code=region, themes=list(themes), description=""
        )["id"]

    return {
        "skane": make("Skåne food", "SE22"),
        "vgr": make("Västra Götaland food lab", "SE23", "rdi_platform"),
        "sthlm": make("Stockholm food", "SE11"),
        "sthlm2": make("Stockholm food lab", "SE11", "rdi_platform"),
        "sthlm3": make("Stockholm food school", "SE11", "rdi_platform"),
        "uppsala_ict": make("Uppsala ICT", "SE12", themes=("ict",)),
        "dk": make("Danish food", "DK01"),
        "fi": make("Finnish food", "FI1B", "rdi_platform"),
    }


def check(
    client: TestClient, call_id: int, members: list[int], eu: int | None = None
) -> dict[str, Any]:
    body: dict[str, Any] = {"member_ids": members}
    if eu is not None:
        body["eu_funding"] = eu
    response = client.post(f"/api/v1/calls/{call_id}/eligibility", json=body)
    assert response.status_code == 200, response.text
    return response.json()


def rules(result: dict[str, Any]) -> set[str]:
    return {v["rule"] for v in result["violations"]}


def test_presets_are_seeded_with_their_sources(client: TestClient, world: dict[str, int]) -> None:
    calls = client.get("/api/v1/calls").json()["items"]
    assert [c["id"] for c in calls] == [ERDF, HORIZON, S3]
    erdf = calls[0]
    assert (erdf["min_members"], erdf["min_regions"], erdf["region_level"]) == (3, 2, 2)
    assert (erdf["funding_min"], erdf["funding_max"], erdf["cofunding_rate"]) == (
        200000,
        600000,
        0.5,
    )
    assert erdf["eligible_countries"] == ["SE"]
    assert all(c["source"] for c in calls)
    assert (calls[1]["min_countries"], calls[2]["min_regions"], calls[2]["min_countries"]) == (
        3,
        3,
        3,
    )


def test_erdf_call_eligible_consortium_and_budget(
    client: TestClient, world: dict[str, int]
) -> None:
    result = check(client, ERDF, [world["skane"], world["vgr"], world["sthlm"]], 400_000)
    assert result == {
        "call_id": ERDF,
        "eligible": True,
        "violations": [],
        "budget": {"eu_funding": 400000, "cofunding_required": 400000, "total": 800000},
    }


def test_erdf_call_every_rule(client: TestClient, world: dict[str, int]) -> None:
    w = world
    assert rules(check(client, ERDF, [w["skane"], w["vgr"]], 400_000)) == {"min_members"}
    assert rules(check(client, ERDF, [w["sthlm"], w["sthlm2"], w["sthlm3"]])) == {"min_regions"}
    assert rules(check(client, ERDF, [w["skane"], w["vgr"], w["dk"]])) == {"eligible_countries"}
    assert rules(check(client, ERDF, [w["skane"], w["vgr"], w["uppsala_ict"]])) == {"themes"}
    assert rules(check(client, ERDF, [w["skane"], w["vgr"], w["sthlm"]], 100_000)) == {
        "funding_min"
    }
    assert rules(check(client, ERDF, [w["skane"], w["vgr"], w["sthlm"]], 700_000)) == {
        "funding_max"
    }
    # Several rules at once: all of them are listed.
    everything = check(client, ERDF, [w["dk"], w["uppsala_ict"]], 700_000)
    assert rules(everything) == {"min_members", "eligible_countries", "themes", "funding_max"}


def test_region_rules_count_at_the_calls_level(client: TestClient, world: dict[str, int]) -> None:
    w = world
    # Two members in Stockholm and one in Skåne: two NUTS-2 regions, enough for ERDF...
    assert rules(check(client, ERDF, [w["sthlm"], w["sthlm2"], w["skane"]])) == set()
    # ...but not for the S3 partnership's three regions, nor its three countries.
    assert rules(check(client, S3, [w["sthlm"], w["sthlm2"], w["skane"]])) == {
        "min_regions",
        "min_countries",
    }
    assert rules(check(client, S3, [w["skane"], w["dk"], w["fi"]])) == set()


def test_horizon_needs_three_countries(client: TestClient, world: dict[str, int]) -> None:
    w = world
    assert rules(check(client, HORIZON, [w["skane"], w["vgr"], w["sthlm"]])) == {"min_countries"}
    assert rules(check(client, HORIZON, [w["skane"], w["dk"], w["fi"]])) == set()
    assert rules(check(client, HORIZON, [w["skane"], w["dk"]])) == {"min_members", "min_countries"}
    assert check(client, HORIZON, [w["skane"], w["dk"], w["fi"]], 500_000)["budget"] == {
        "eu_funding": 500000,
        "cofunding_required": 0,
        "total": 500000,
    }


def test_closed_and_not_yet_open_calls_are_violations(
    client: TestClient, world: dict[str, int]
) -> None:
    now = datetime.now(UTC)
    closed = client.post(
        "/api/v1/calls",
        json={
            "name": "Closed",
            "min_members": 1,
            "closes_at": (now - timedelta(days=1)).isoformat(),
        },
        headers=ADMIN,
    ).json()
    future = client.post(
        "/api/v1/calls",
        json={
            "name": "Future",
            "min_members": 1,
            "opens_at": (now + timedelta(days=9)).isoformat(),
        },
        headers=ADMIN,
    ).json()
    assert rules(check(client, closed["id"], [world["skane"]])) == {"closes_at"}
    assert rules(check(client, future["id"], [world["skane"]])) == {"opens_at"}
    proposal = client.post("/api/v1/matching/consortia", json={"call_id": closed["id"]})
    assert proposal.status_code == 422
    assert proposal.json()["errors"][0]["field"] == "call_id"


def test_call_crud_and_validation(client: TestClient, world: dict[str, int]) -> None:
    body = {"name": "Food call", "themes": ["food"], "min_members": 3, "max_members": 4}
    assert client.post("/api/v1/calls", json=body).status_code == 401
    created = client.post("/api/v1/calls", json=body, headers=ADMIN)
    assert created.status_code == 201
    call = created.json()
    assert client.get(f"/api/v1/calls/{call['id']}").json() == call
    replaced = client.put(
        f"/api/v1/calls/{call['id']}",
        json={**body, "max_members": 5},
        headers={**ADMIN, "If-Match": '"1"'},
    )
    assert replaced.json()["version"] == 2
    bad = client.post(
        "/api/v1/calls",
        json={"name": "Bad", "themes": ["knitting"], "min_members": 4, "max_members": 2},
        headers=ADMIN,
    )
    assert bad.status_code == 422
    bad_theme = client.post(
        "/api/v1/calls", json={"name": "Bad", "themes": ["knitting"]}, headers=ADMIN
    )
    assert bad_theme.json()["errors"][0]["field"] == "themes.0"
    assert client.delete(f"/api/v1/calls/{call['id']}", headers=ADMIN).status_code == 204
    assert client.get(f"/api/v1/calls/{call['id']}").status_code == 404
    assert client.post("/api/v1/calls/99/eligibility", json={"member_ids": [1]}).status_code == 404
    unknown = client.post(f"/api/v1/calls/{ERDF}/eligibility", json={"member_ids": [999]})
    assert unknown.json()["errors"][0]["field"] == "member_ids.0"


def test_proposals_for_a_call_are_all_eligible(client: TestClient, world: dict[str, int]) -> None:
    response = client.post("/api/v1/matching/consortia", json={"call_id": ERDF, "limit": 5})
    assert response.status_code == 200
    consortia = response.json()["consortia"]
    assert consortia
    for consortium in consortia:
        assert consortium["eligibility"]["eligible"] is True
        assert consortium["eligibility"]["violations"] == []
        ids = [m["id"] for m in consortium["members"]]
        assert world["dk"] not in ids and world["fi"] not in ids  # outside Sweden
        assert rules(check(client, ERDF, ids)) == set()
    horizon = client.post("/api/v1/matching/consortia", json={"call_id": HORIZON, "theme": "food"})
    assert horizon.status_code == 200
    for consortium in horizon.json()["consortia"]:
        assert len({m["region_code"][:2] for m in consortium["members"]}) >= 3


@pytest.mark.parametrize("method", ["post", "put"])
def test_every_bad_field_of_a_call_in_one_answer(client: TestClient, method: str) -> None:
    stored = client.post("/api/v1/calls", json={"name": "Food call"}, headers=ADMIN).json()
    path = "/api/v1/calls" + ("" if method == "post" else f"/{stored['id']}")
    body = {
        "name": "",
        "themes": ["food", "nonsense"],
        "min_members": 4,
        "max_members": 3,
        "funding_min": 600000,
        "funding_max": 200000,
        "opens_at": "2027-03-01T00:00:00Z",
        "closes_at": "2027-02-01T00:00:00Z",
        "eligible_countries": ["SE", "XX"],
        "eligible_region_codes": ["SE2", "SE9"],
        "cofunding_rate": 1.5,
    }
    response = getattr(client, method)(path, json=body, headers=ADMIN)
    assert response.status_code == 422
    errors = {e["field"]: e["message"] for e in response.json()["errors"]}
    assert errors == {
        "name": "must not be empty",
        "themes.1": "unknown theme 'nonsense'; see GET /api/v1/themes",
        "max_members": "max_members is smaller than min_members (4)",
        "funding_max": "funding_max is smaller than funding_min (600000)",
        "closes_at": "closes_at is before opens_at (2027-03-01T00:00:00+00:00)",
        "eligible_countries.1": "'XX' is not a country of the NUTS 2024 classification",
        "eligible_region_codes.1": "no NUTS 2024 region code starts with 'SE9'",
        "cofunding_rate": "must be less than 1.0",
    }
    assert client.get(f"/api/v1/calls/{stored['id']}").json() == stored


def test_a_range_with_a_bad_lower_end_names_only_that_end(client: TestClient) -> None:
    body = {"name": "C", "min_members": 0, "max_members": 3}
    response = client.post("/api/v1/calls", json=body, headers=ADMIN)
    assert [e["field"] for e in response.json()["errors"]] == ["min_members"]


def test_eligibility_details_follow_accept_language(
    client: TestClient, world: dict[str, int]
) -> None:
    w = world
    body = {"member_ids": [w["dk"], w["uppsala_ict"]], "eu_funding": 700_000}
    url = f"/api/v1/calls/{ERDF}/eligibility"
    swedish = client.post(url, json=body, headers={"Accept-Language": "sv-SE,sv;q=0.9"}).json()
    assert swedish["violations"] == [
        {"rule": "min_members", "detail": "2 medlemmar; minst 3 behövs"},
        {
            "rule": "eligible_countries",
            "detail": "Danish food finns i DK, som inte är ett stödberättigat land",
        },
        {"rule": "themes", "detail": "medlemmarna har inget gemensamt tema"},
        {"rule": "funding_max", "detail": "EUR 700 000 är över högsta beloppet EUR 600 000"},
    ]
    english = client.post(url, json=body, headers={"Accept-Language": "en, sv;q=0.5"}).json()
    # The same rules, in the same order; only the words differ.
    assert [v["rule"] for v in english["violations"]] == [v["rule"] for v in swedish["violations"]]
    assert english["violations"][0]["detail"] == "2 members; at least 3 are needed"
    assert english["violations"][3]["detail"] == "EUR 700,000 is above the maximum of EUR 600,000"
    assert english == client.post(url, json=body).json()  # no header: English
    spread = client.post(
        url,
        json={"member_ids": [w["sthlm"], w["sthlm2"], w["sthlm3"]], "eu_funding": 100_000},
        headers={"Accept-Language": "sv"},
    ).json()
    assert [v["detail"] for v in spread["violations"]] == [
        "medlemmarna kommer från 1 region (NUTS 2); minst 2 behövs",
        "EUR 100 000 är under lägsta beloppet EUR 200 000",
    ]


def test_a_calls_themes_are_named_by_their_labels_in_each_language(
    client: TestClient, world: dict[str, int]
) -> None:
    call = client.post(
        "/api/v1/calls", json={"name": "Digital", "themes": ["ict", "energy"]}, headers=ADMIN
    ).json()
    members = {"member_ids": [world["skane"], world["vgr"], world["sthlm"]]}
    url = f"/api/v1/calls/{call['id']}/eligibility"
    swedish = client.post(url, json=members, headers={"Accept-Language": "sv"}).json()
    assert swedish["violations"] == [
        {
            "rule": "themes",
            "detail": "medlemmarna har inget gemensamt tema bland energi, IKT och digitalisering",
        }
    ]
    english = client.post(url, json=members).json()
    assert english["violations"] == [
        {
            "rule": "themes",
            "detail": "the members share no theme among energy, ICT and digitalisation",
        }
    ]
