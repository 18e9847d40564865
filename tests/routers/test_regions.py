from fastapi.testclient import TestClient

from tests.conftest import ADMIN
from tests.factories import create_actor, put_region

PRIORITY = {
    "title": "Food and packaging",
    "description": "Food innovation from farm to package.",
    "themes": ["food"],
    "nace_codes": ["10", "17.2"],
}


def test_put_creates_region_with_classification_fields(client: TestClient) -> None:
    response = client.put(
        "/api/v1/regions/se22",
        json={"local_name": "Sydsverige", "s3_priorities": [PRIORITY], "s3_platform_member": True},
        headers=ADMIN,
    )
    assert response.status_code == 201
    body = response.json()
    assert body["code"] == "SE22"
    assert body["name"] == "Sydsverige"  # the NUTS label, as no name was sent
    assert (body["country_code"], body["level"], body["parent_code"]) == ("SE", 2, "SE2")
    assert body["s3_priorities"] == [PRIORITY]
    assert body["version"] == 1
    assert response.headers["etag"] == '"1"'


def test_put_is_idempotent_and_replaces(client: TestClient) -> None:
    put_region(client, "SE22", name="South Sweden", s3_priorities=[PRIORITY])
    again = client.put(
        "/api/v1/regions/SE22",
        json={"name": "South Sweden", "s3_priorities": [PRIORITY]},
        headers=ADMIN,
    )
    assert again.status_code == 200
    assert again.json()["version"] == 1  # nothing changed, so no new version

    replaced = client.put(
        "/api/v1/regions/SE22", json={"name": "Skåne and Blekinge"}, headers=ADMIN
    )
    assert replaced.json()["version"] == 2
    assert replaced.json()["s3_priorities"] == []
    assert client.get("/api/v1/regions/SE22").json()["name"] == "Skåne and Blekinge"


def test_get_unknown_region_is_404_problem(client: TestClient) -> None:
    response = client.get("/api/v1/regions/SE23")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"] == "no region with code SE23"


def test_put_rejects_unknown_nuts_code_theme_and_nace(client: TestClient) -> None:
    bad_code = client.put("/api/v1/regions/SE99", json={}, headers=ADMIN)
    assert bad_code.status_code == 422
    assert bad_code.json()["errors"] == [
        {"field": "code", "message": "'SE99' is not a NUTS 2024 region code"}
    ]

    bad_priority = client.put(
        "/api/v1/regions/SE22",
        json={"s3_priorities": [{"title": "x", "themes": ["fishing"], "nace_codes": ["62.01"]}]},
        headers=ADMIN,
    )
    assert bad_priority.status_code == 422
    fields = {e["field"]: e["message"] for e in bad_priority.json()["errors"]}
    assert "s3_priorities.0.nace_codes.0" in fields
    assert "Rev. 2.1" in fields["s3_priorities.0.nace_codes.0"]
    assert client.get("/api/v1/regions/SE22").status_code == 404

    bad_theme = client.put(
        "/api/v1/regions/SE22",
        json={"s3_priorities": [{"title": "x", "themes": ["fishing"]}]},
        headers=ADMIN,
    )
    assert bad_theme.json()["errors"] == [
        {
            "field": "s3_priorities.0.themes.0",
            "message": "unknown theme 'fishing'; see GET /api/v1/themes",
        }
    ]


def test_put_rejects_too_long_and_wrong_types(client: TestClient) -> None:
    response = client.put(
        "/api/v1/regions/SE22",
        json={"name": "x" * 201, "s3_platform_member": "perhaps"},
        headers=ADMIN,
    )
    assert response.status_code == 422
    fields = {e["field"] for e in response.json()["errors"]}
    assert fields == {"name", "s3_platform_member"}


def test_list_filters_and_pagination(client: TestClient) -> None:
    put_region(client, "SE22", s3_priorities=[PRIORITY])
    put_region(client, "SE23", s3_priorities=[{**PRIORITY, "themes": ["textiles"]}])
    put_region(client, "SE224")
    put_region(client, "DK01")

    everything = client.get("/api/v1/regions").json()
    assert [r["code"] for r in everything["items"]] == ["DK01", "SE22", "SE224", "SE23"]
    assert (everything["total"], everything["limit"], everything["offset"]) == (4, 50, 0)

    swedish_nuts2 = client.get("/api/v1/regions", params={"country": "se", "level": 2}).json()
    assert [r["code"] for r in swedish_nuts2["items"]] == ["SE22", "SE23"]

    food = client.get("/api/v1/regions", params={"theme": "food"}).json()
    assert [r["code"] for r in food["items"]] == ["SE22"]

    page = client.get("/api/v1/regions", params={"limit": 2, "offset": 2}).json()
    assert [r["code"] for r in page["items"]] == ["SE224", "SE23"]
    assert page["total"] == 4


def test_list_rejects_limit_out_of_range(client: TestClient) -> None:
    response = client.get("/api/v1/regions", params={"limit": 201})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "limit"


def test_delete_conflicts_while_actors_reference_region(client: TestClient) -> None:
    put_region(client, "SE22")
    actor = create_actor(client, region_code="SE22")
    conflict = client.delete("/api/v1/regions/SE22", headers=ADMIN)
    assert conflict.status_code == 409
    assert "referenced by 1 actor" in conflict.json()["detail"]

    client.delete(f"/api/v1/clusters/{actor['id']}", headers=ADMIN)
    assert client.delete("/api/v1/regions/SE22", headers=ADMIN).status_code == 204
    assert client.get("/api/v1/regions/SE22").status_code == 404


def test_etag_and_conditional_requests(client: TestClient) -> None:
    put_region(client, "SE22")
    first = client.get("/api/v1/regions/SE22")
    assert first.headers["etag"] == '"1"'
    assert client.get("/api/v1/regions/SE22", headers={"If-None-Match": '"1"'}).status_code == 304

    stale = client.put(
        "/api/v1/regions/SE22", json={"name": "Changed"}, headers={**ADMIN, "If-Match": '"7"'}
    )
    assert stale.status_code == 412
    assert client.get("/api/v1/regions/SE22").json()["name"] == "Sydsverige"

    fresh = client.put(
        "/api/v1/regions/SE22", json={"name": "Changed"}, headers={**ADMIN, "If-Match": '"1"'}
    )
    assert fresh.status_code == 200
    assert fresh.headers["etag"] == '"2"'
    assert (
        client.delete("/api/v1/regions/SE22", headers={**ADMIN, "If-Match": '"1"'}).status_code
        == 412
    )
    assert client.get("/api/v1/regions/SE22").status_code == 200


def test_every_bad_field_of_a_region_in_one_answer(client: TestClient) -> None:
    body = {
        "name": "",
        "s3_platform_member": "maybe",
        "s3_priorities": [
            {"title": "Food", "themes": ["food", "nonsense"], "nace_codes": ["10"]},
            {"title": "ICT", "themes": ["knitting"], "nace_codes": ["62.01"]},
        ],
    }
    response = client.put("/api/v1/regions/SE23", json=body, headers=ADMIN)
    assert response.status_code == 422
    fields = {e["field"] for e in response.json()["errors"]}
    assert fields == {
        "name",
        "s3_platform_member",
        "s3_priorities.0.themes.1",
        "s3_priorities.1.themes.0",
        "s3_priorities.1.nace_codes.0",
    }
    assert client.get("/api/v1/regions/SE23").status_code == 404


def test_an_unknown_region_filter_value_is_422_naming_the_parameter(client: TestClient) -> None:
    put_region(client, "SE23", s3_priorities=[PRIORITY])
    response = client.get("/api/v1/regions?theme=nonsense&country=XX")
    assert response.status_code == 422
    assert {e["field"] for e in response.json()["errors"]} == {"theme", "country"}
    assert client.get("/api/v1/regions?theme=aerospace").json()["total"] == 0
    assert client.get("/api/v1/regions?country=dk").json()["total"] == 0
    assert client.get("/api/v1/regions?country=se&theme=food").json()["total"] == 1
