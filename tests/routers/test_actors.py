import pytest
from fastapi.testclient import TestClient

from tests.conftest import ADMIN
from tests.factories import actor_body, create_actor, put_region


def _regions(client: TestClient) -> None:
    for code in ("SE22", "SE23", "SE11"):
        put_region(client, code)


def test_create_and_read_cluster(client: TestClient) -> None:
    _regions(client)
    response = client.post("/api/v1/clusters", json=actor_body(external_id="s3p-1"), headers=ADMIN)
    assert response.status_code == 201
    created = response.json()
    assert created["kind"] == "cluster"
    assert created["version"] == 1
    assert response.headers["location"] == f"/api/v1/clusters/{created['id']}"
    read = client.get(f"/api/v1/clusters/{created['id']}")
    assert read.json() == created
    assert read.headers["etag"] == '"1"'
    for field, value in actor_body(external_id="s3p-1").items():
        assert created[field] == value


def test_only_name_and_region_are_required(client: TestClient) -> None:
    _regions(client)
    response = client.post(
        "/api/v1/rdi-platforms",
        json={
            "name": "Text-only platform",
            "region_code": "SE23",
            "description": "Vi erbjuder testbäddar.",
        },
        headers=ADMIN,
    )
    assert response.status_code == 201
    body = response.json()
    assert body["kind"] == "rdi_platform"
    assert body["themes"] == body["offers"] == body["seeks"] == []
    assert body["members"] == {
        "smes": 0,
        "large_companies": 0,
        "research_orgs": 0,
        "public_bodies": 0,
    }


def test_kind_is_set_by_route(client: TestClient) -> None:
    _regions(client)
    platform = create_actor(client, "rdi_platform")
    assert client.get(f"/api/v1/clusters/{platform['id']}").status_code == 404
    assert client.get(f"/api/v1/rdi-platforms/{platform['id']}").status_code == 200


def test_missing_fields_and_bad_values_are_named(client: TestClient) -> None:
    _regions(client)
    response = client.post(
        "/api/v1/clusters",
        json={
            "description": 5,
            "nace_codes": ["62.01", "26.11"],
            "website": "not a url",
            "members": {"smes": -1},
        },
        headers=ADMIN,
    )
    assert response.status_code == 422
    errors = {e["field"]: e["message"] for e in response.json()["errors"]}
    assert errors["name"] == "field required"
    assert errors["region_code"] == "field required"
    assert "description" in errors
    assert "nace_codes.0" in errors and "nace_codes.1" not in errors
    assert "website" in errors
    assert "members.smes" in errors


def test_vocabulary_and_region_checks(client: TestClient) -> None:
    _regions(client)
    response = client.post(
        "/api/v1/clusters",
        json=actor_body(
            region_code="SE33", themes=["food", "fishing"], offers=["magic"], seeks=["research"]
        ),
        headers=ADMIN,
    )
    assert response.status_code == 422
    errors = {e["field"]: e["message"] for e in response.json()["errors"]}
    assert errors == {
        "region_code": "region SE33 is not stored; create it with PUT /api/v1/regions/SE33",
        "themes.1": "unknown theme 'fishing'; see GET /api/v1/themes",
        "offers.0": "unknown capability 'magic'; see GET /api/v1/capabilities",
    }
    assert client.get("/api/v1/clusters").json()["total"] == 0


def test_unknown_nuts_code_and_slug_format(client: TestClient) -> None:
    response = client.post(
        "/api/v1/clusters", json=actor_body(region_code="XX1", themes=["Not A Slug"]), headers=ADMIN
    )
    errors = {e["field"] for e in response.json()["errors"]}
    assert errors == {"region_code", "themes.0"}


def test_text_too_long_is_rejected(client: TestClient) -> None:
    _regions(client)
    response = client.post("/api/v1/clusters", json=actor_body(name="n" * 201), headers=ADMIN)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "name"


def test_duplicate_external_id_conflicts_per_kind(client: TestClient) -> None:
    _regions(client)
    create_actor(client, external_id="abc")
    duplicate = client.post("/api/v1/clusters", json=actor_body(external_id="abc"), headers=ADMIN)
    assert duplicate.status_code == 409
    assert "external_id 'abc'" in duplicate.json()["detail"]
    # The same integrator key may name an RDI platform.
    create_actor(client, "rdi_platform", external_id="abc")


def test_put_replaces_and_patch_changes_only_what_is_sent(client: TestClient) -> None:
    _regions(client)
    actor = create_actor(client)
    url = f"/api/v1/clusters/{actor['id']}"

    patched = client.patch(url, json={"seeks": ["research", "design", "research"]}, headers=ADMIN)
    assert patched.status_code == 200
    assert patched.json()["seeks"] == ["research", "design"]
    assert patched.json()["offers"] == actor["offers"]
    assert patched.json()["version"] == 2

    same = client.patch(url, json={"seeks": ["research", "design"]}, headers=ADMIN)
    assert same.json()["version"] == 2

    replaced = client.put(url, json={"name": "Renamed", "region_code": "SE23"}, headers=ADMIN)
    body = replaced.json()
    assert (body["name"], body["region_code"], body["themes"], body["version"]) == (
        "Renamed",
        "SE23",
        [],
        3,
    )
    assert body["created_at"] == actor["created_at"]


def test_patch_rejects_null_for_required_field(client: TestClient) -> None:
    _regions(client)
    actor = create_actor(client)
    url = f"/api/v1/clusters/{actor['id']}"
    response = client.patch(
        url, json={"name": None, "members": None, "themes": None}, headers=ADMIN
    )
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["name", "themes", "members"]
    cleared = client.patch(url, json={"website": None}, headers=ADMIN)  # may be cleared
    assert cleared.status_code == 200 and cleared.json()["website"] is None


def test_stale_if_match_changes_nothing(client: TestClient) -> None:
    _regions(client)
    actor = create_actor(client)
    url = f"/api/v1/clusters/{actor['id']}"
    assert client.get(url, headers={"If-None-Match": '"1"'}).status_code == 304
    stale = {**ADMIN, "If-Match": '"9"'}
    assert client.patch(url, json={"name": "x"}, headers=stale).status_code == 412
    assert client.put(url, json=actor_body(name="x"), headers=stale).status_code == 412
    assert client.delete(url, headers=stale).status_code == 412
    assert client.get(url).json()["name"] == actor["name"]
    assert (
        client.patch(url, json={"name": "x"}, headers={**ADMIN, "If-Match": '"1"'}).status_code
        == 200
    )


def test_delete(client: TestClient) -> None:
    _regions(client)
    actor = create_actor(client)
    assert client.delete(f"/api/v1/clusters/{actor['id']}", headers=ADMIN).status_code == 204
    assert client.get(f"/api/v1/clusters/{actor['id']}").status_code == 404
    assert client.delete(f"/api/v1/clusters/{actor['id']}", headers=ADMIN).status_code == 404


def test_list_filters(client: TestClient) -> None:
    _regions(client)
    food = create_actor(
        client, name="Food Skåne", region_code="SE22", themes=["food"], nace_codes=["10.1"]
    )
    textile = create_actor(
        client,
        name="Textile Borås",
        region_code="SE23",
        themes=["textiles"],
        nace_codes=["13"],
        offers=["design"],
        seeks=["testbed"],
        description="Smarta textilier",
    )
    ict = create_actor(
        client,
        name="ICT Stockholm",
        region_code="SE11",
        themes=["ict"],
        nace_codes=["62.10"],
        offers=["data"],
        seeks=["financing"],
        description="Software",
    )
    create_actor(client, "rdi_platform", name="Food lab", region_code="SE22")

    def ids(**params: str) -> list[int]:
        return [a["id"] for a in client.get("/api/v1/clusters", params=params).json()["items"]]

    assert ids() == [food["id"], textile["id"], ict["id"]]
    assert ids(region="SE2") == [food["id"], textile["id"]]
    assert ids(region="se23") == [textile["id"]]
    assert ids(country="SE") == [food["id"], textile["id"], ict["id"]]
    assert ids(country="DK") == []
    assert ids(theme="textiles") == [textile["id"]]
    assert ids(nace="10") == [food["id"]]
    assert ids(nace="C") == [food["id"], textile["id"]]  # a section covers its divisions
    assert ids(nace="62") == [ict["id"]]
    assert ids(capability="testbed") == [food["id"], textile["id"]]  # offered or sought
    assert ids(capability="data") == [ict["id"]]
    assert ids(q="textilier") == [textile["id"]]
    assert ids(q="food skåne") == [food["id"]]
    page = client.get("/api/v1/clusters", params={"limit": 1, "offset": 1}).json()
    assert (page["total"], [a["id"] for a in page["items"]]) == (3, [textile["id"]])


def test_list_rejects_bad_filters(client: TestClient) -> None:
    for params in (
        {"theme": "Food!"},
        {"nace": "ABC"},
        {"limit": 0},
        {"offset": -1},
        {"country": "SWE"},
    ):
        response = client.get("/api/v1/clusters", params=params)
        assert response.status_code == 422, params
        assert response.json()["errors"][0]["field"] == next(iter(params))


@pytest.mark.parametrize("method", ["post", "put", "patch"])
def test_every_bad_field_is_named_in_one_answer(client: TestClient, method: str) -> None:
    """A value that fails parsing (SE99 is no NUTS code) does not hide one that fails
    against stored data (an unknown offer or theme)."""
    _regions(client)
    stored = client.post("/api/v1/clusters", json=actor_body(), headers=ADMIN).json()
    path = "/api/v1/clusters" + ("" if method == "post" else f"/{stored['id']}")
    body = actor_body(region_code="SE99", offers=["magic"], themes=["food", "nonsense"])
    response = getattr(client, method)(path, json=body, headers=ADMIN)
    assert response.status_code == 422
    errors = {e["field"]: e["message"] for e in response.json()["errors"]}
    assert errors == {
        "region_code": "'SE99' is not a NUTS 2024 region code",
        "offers.0": "unknown capability 'magic'; see GET /api/v1/capabilities",
        "themes.1": "unknown theme 'nonsense'; see GET /api/v1/themes",
    }
    assert client.get(f"/api/v1/clusters/{stored['id']}").json() == stored


@pytest.mark.parametrize("path", ["/api/v1/clusters", "/api/v1/rdi-platforms"])
def test_an_unknown_filter_value_is_422_naming_the_parameter(client: TestClient, path: str) -> None:
    _regions(client)
    create_actor(client, "cluster")
    create_actor(client, "rdi_platform")
    for query, field in (
        ("theme=nonsense", "theme"),
        ("capability=magic", "capability"),
        ("region=XX", "region"),
        ("country=XX", "country"),
        ("nace=99.99", "nace"),
    ):
        response = client.get(f"{path}?{query}")
        assert response.status_code == 422, query
        assert [e["field"] for e in response.json()["errors"]] == [field]
    every = client.get(f"{path}?theme=nonsense&capability=magic&region=XX&country=XX&nace=99.99")
    assert {e["field"] for e in every.json()["errors"]} == {
        "theme",
        "capability",
        "region",
        "country",
        "nace",
    }
    # Known but unused values answer an empty list.
    for query in ("theme=aerospace", "capability=financing", "region=DK0", "country=FI", "nace=01"):
        response = client.get(f"{path}?{query}")
        assert response.status_code == 200, query
        assert response.json()["total"] == 0, query
    assert client.get(f"{path}?region=se2&country=se&nace=10&theme=food").json()["total"] == 1
