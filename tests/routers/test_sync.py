from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.conftest import ADMIN
from tests.factories import put_region


def key(client: TestClient, role: str, scope: str | None = None) -> dict[str, str]:
    created = client.post("/api/v1/keys", json={"role": role, "scope": scope}, headers=ADMIN)
    return {"Authorization": f"Bearer {created.json()['key']}"}


def actors(n: int, **overrides: Any) -> list[dict[str, Any]]:
    return [
        {
            "kind": "cluster" if i % 2 == 0 else "rdi_platform",
            "external_id": f"s3p-{i}",
            "name": f"Actor {i}",
            "region_code": "SE22",
            "themes": ["food"],
            **overrides,
        }
        for i in range(n)
    ]


@pytest.fixture
def integrator(client: TestClient) -> dict[str, str]:
    put_region(client, "SE22")
    return key(client, "integrator")


def test_batch_upserts_and_repeating_it_changes_nothing(
    client: TestClient, integrator: dict[str, str]
) -> None:
    batch = {"items": actors(4)}
    first = client.post("/api/v1/sync/actors", json=batch, headers=integrator)
    assert first.status_code == 200
    body = first.json()
    assert (body["created"], body["updated"], body["unchanged"]) == (4, 0, 0)
    assert [i["key"] for i in body["items"]] == [
        "cluster:s3p-0",
        "rdi_platform:s3p-1",
        "cluster:s3p-2",
        "rdi_platform:s3p-3",
    ]
    again = client.post("/api/v1/sync/actors", json=batch, headers=integrator).json()
    assert [i["outcome"] for i in again["items"]] == ["unchanged"] * 4
    clusters = client.get("/api/v1/clusters").json()["items"]
    assert {c["version"] for c in clusters} == {1}

    changed = actors(4)
    changed[2]["description"] = "Nu med testbädd"
    result = client.post("/api/v1/sync/actors", json={"items": changed}, headers=integrator).json()
    assert [i["outcome"] for i in result["items"]] == [
        "unchanged",
        "unchanged",
        "updated",
        "unchanged",
    ]


def test_one_bad_record_writes_nothing_and_every_bad_record_is_named(
    client: TestClient, integrator: dict[str, str]
) -> None:
    batch = actors(5)
    batch[1]["nace_codes"] = ["62.01"]
    batch[3]["region_code"] = "SE99"
    del batch[4]["external_id"]
    response = client.post("/api/v1/sync/actors", json={"items": batch}, headers=integrator)
    assert response.status_code == 422
    fields = {e["field"] for e in response.json()["errors"]}
    assert fields == {"items.1.nace_codes.0", "items.3.region_code", "items.4.external_id"}
    assert client.get("/api/v1/clusters").json()["total"] == 0

    stored_checks = actors(3)
    stored_checks[0]["themes"] = ["knitting"]
    stored_checks[2]["region_code"] = "SE33"
    stored_checks.append(dict(stored_checks[1]))
    response = client.post("/api/v1/sync/actors", json={"items": stored_checks}, headers=integrator)
    fields = {e["field"] for e in response.json()["errors"]}
    assert fields == {"items.0.themes.0", "items.2.region_code", "items.3.external_id"}
    assert client.get("/api/v1/rdi-platforms").json()["total"] == 0


def test_batches_are_limited_and_need_the_right_role(
    client: TestClient, integrator: dict[str, str]
) -> None:
    too_big = client.post("/api/v1/sync/actors", json={"items": actors(1001)}, headers=integrator)
    assert too_big.status_code == 422
    assert too_big.json()["errors"][0]["field"] == "items"
    editor = key(client, "editor", "SE2")
    assert (
        client.post("/api/v1/sync/actors", json={"items": actors(1)}, headers=editor).status_code
        == 403
    )
    assert client.post("/api/v1/sync/actors", json={"items": actors(1)}).status_code == 401
    assert (
        client.post("/api/v1/sync/actors", json={"items": actors(1)}, headers=ADMIN).status_code
        == 200
    )


def test_region_sync(client: TestClient, integrator: dict[str, str]) -> None:
    items = [
        {
            "code": "SE23",
            "name": "West Sweden",
            "s3_priorities": [{"title": "Textiles", "themes": ["textiles"]}],
        },
        {"code": "SE22"},
    ]
    result = client.post("/api/v1/sync/regions", json={"items": items}, headers=integrator).json()
    assert [i["outcome"] for i in result["items"]] == ["created", "unchanged"]
    assert client.get("/api/v1/regions/SE23").json()["s3_priorities"][0]["themes"] == ["textiles"]
    bad = client.post(
        "/api/v1/sync/regions",
        json={"items": [{"code": "SE99"}, {"code": "SE23"}, {"code": "SE23"}]},
        headers=integrator,
    )
    assert {e["field"] for e in bad.json()["errors"]} == {"items.0.code", "items.2.code"}
    repeated = client.post(
        "/api/v1/sync/regions",
        json={"items": [{"code": "SE23"}, {"code": "SE23"}]},
        headers=integrator,
    )
    assert repeated.json()["errors"] == [{"field": "items.1.code", "message": "repeats items.0"}]


SE23_PROFILE = {
    "code": "SE23",
    "name": "West Sweden",
    "local_name": "Västsverige",
    "s3_platform_member": True,
    "s3_priorities": [
        {"title": "Textiles", "themes": ["textiles"], "nace_codes": ["13"]},
        {"title": "Offshore", "themes": ["offshore"]},
    ],
}


def test_a_region_record_keeps_what_it_leaves_out(
    client: TestClient, integrator: dict[str, str]
) -> None:
    sync = "/api/v1/sync/regions"
    assert client.post(sync, json={"items": [SE23_PROFILE]}, headers=integrator).status_code == 200
    stored = client.get("/api/v1/regions/SE23").json()

    # The README's example: a name alone changes nothing else.
    renamed = {"items": [{"code": "SE23", "name": "West Sweden"}]}
    result = client.post(sync, json=renamed, headers=integrator).json()
    assert result["items"][0]["outcome"] == "unchanged"
    assert client.get("/api/v1/regions/SE23").json() == stored

    local = {"items": [{"code": "SE23", "local_name": "Västra Sverige"}]}
    assert client.post(sync, json=local, headers=integrator).json()["updated"] == 1
    after = client.get("/api/v1/regions/SE23").json()
    assert after["local_name"] == "Västra Sverige"
    assert after["version"] == stored["version"] + 1
    assert (after["s3_priorities"], after["s3_platform_member"]) == (
        stored["s3_priorities"],
        True,
    )

    cleared = {"items": [{"code": "SE23", "local_name": None, "s3_priorities": []}]}
    assert client.post(sync, json=cleared, headers=integrator).json()["updated"] == 1
    after = client.get("/api/v1/regions/SE23").json()
    assert (after["local_name"], after["s3_priorities"]) == (None, [])
    assert (after["name"], after["s3_platform_member"]) == ("West Sweden", True)

    unset = {"items": [{"code": "SE23", "name": None, "s3_platform_member": None}]}
    client.post(sync, json=unset, headers=integrator)
    after = client.get("/api/v1/regions/SE23").json()
    assert (after["name"], after["s3_platform_member"]) == ("Västsverige", False)  # NUTS label


def test_an_actor_record_keeps_what_it_leaves_out(
    client: TestClient, integrator: dict[str, str]
) -> None:
    sync = "/api/v1/sync/actors"
    full = {
        **actors(1)[0],
        "description": "Livsmedel",
        "offers": ["testbed"],
        "seeks": ["research"],
        "nace_codes": ["10"],
        "members": {"smes": 12, "large_companies": 2, "research_orgs": 1, "public_bodies": 0},
        "website": "https://food.example.org",
    }
    assert client.post(sync, json={"items": [full]}, headers=integrator).json()["created"] == 1
    stored = client.get("/api/v1/clusters").json()["items"][0]

    key_only = {"kind": "cluster", "external_id": "s3p-0"}
    repeat = client.post(sync, json={"items": [key_only]}, headers=integrator).json()
    assert repeat["items"][0]["outcome"] == "unchanged"
    assert client.get(f"/api/v1/clusters/{stored['id']}").json() == stored

    change = {**key_only, "seeks": ["design"], "website": None, "themes": []}
    assert client.post(sync, json={"items": [change]}, headers=integrator).json()["updated"] == 1
    after = client.get(f"/api/v1/clusters/{stored['id']}").json()
    assert (after["seeks"], after["website"], after["themes"]) == (["design"], None, [])
    for kept in ("name", "description", "offers", "nace_codes", "members", "region_code"):
        assert after[kept] == stored[kept], kept
    assert after["version"] == stored["version"] + 1

    again = client.post(sync, json={"items": [change]}, headers=integrator).json()
    assert again["unchanged"] == 1
    assert client.get(f"/api/v1/clusters/{stored['id']}").json()["version"] == after["version"]


def test_a_new_actor_needs_a_name_and_a_region_and_these_cannot_be_cleared(
    client: TestClient, integrator: dict[str, str]
) -> None:
    sync = "/api/v1/sync/actors"
    client.post(sync, json={"items": actors(1)}, headers=integrator)
    batch = [
        {"kind": "cluster", "external_id": "s3p-0", "themes": ["food"]},  # stored: fine
        {"kind": "cluster", "external_id": "new-1", "name": "New"},
        {"kind": "cluster", "external_id": "s3p-0", "name": None},
    ]
    response = client.post(sync, json={"items": batch}, headers=integrator)
    errors = {e["field"]: e["message"] for e in response.json()["errors"]}
    assert set(errors) == {"items.1.region_code", "items.2.name", "items.2.external_id"}
    assert errors["items.2.name"] == "may not be null"
    assert client.get("/api/v1/clusters").json()["items"][0]["name"] == "Actor 0"


def test_every_bad_field_of_every_item_is_named(
    client: TestClient, integrator: dict[str, str]
) -> None:
    batch = actors(3)
    batch[0]["region_code"] = "SE99"  # not NUTS: found while parsing
    batch[1]["themes"] = ["nonsense"]  # found against the stored vocabulary
    batch[2]["offers"] = ["magic", "testbed"]
    batch[2]["nace_codes"] = ["99.99"]
    response = client.post("/api/v1/sync/actors", json={"items": batch}, headers=integrator)
    assert response.status_code == 422
    assert {e["field"] for e in response.json()["errors"]} == {
        "items.0.region_code",
        "items.1.themes.0",
        "items.2.offers.0",
        "items.2.nace_codes.0",
    }
    regions = [
        {"code": "SE99"},
        {"code": "SE23", "s3_priorities": [{"title": "T", "themes": ["nonsense"]}]},
        {"code": "SE21", "s3_priorities": [{"title": "", "themes": ["food", "knitting"]}]},
    ]
    response = client.post("/api/v1/sync/regions", json={"items": regions}, headers=integrator)
    assert {e["field"] for e in response.json()["errors"]} == {
        "items.0.code",
        "items.1.s3_priorities.0.themes.0",
        "items.2.s3_priorities.0.title",
        "items.2.s3_priorities.0.themes.1",
    }
    assert client.get("/api/v1/regions/SE23").status_code == 404


def test_a_repeated_actor_names_the_item_it_repeats(
    client: TestClient, integrator: dict[str, str]
) -> None:
    batch = actors(3)
    batch.append(dict(batch[1]))
    response = client.post("/api/v1/sync/actors", json={"items": batch}, headers=integrator)
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "items.3.external_id", "message": "repeats items.1"}
    ]


def test_a_region_priority_on_an_unknown_theme_is_named(
    client: TestClient, integrator: dict[str, str]
) -> None:
    items = [{"code": "SE23", "s3_priorities": [{"title": "Knits", "themes": ["knitting"]}]}]
    response = client.post("/api/v1/sync/regions", json={"items": items}, headers=integrator)
    assert response.status_code == 422, response.text
    assert [e["field"] for e in response.json()["errors"]] == ["items.0.s3_priorities.0.themes.0"]
    assert client.get("/api/v1/regions/SE23").status_code == 404


def test_the_actors_of_a_batch_are_stamped_with_one_time_per_kind(
    client: TestClient, integrator: dict[str, str]
) -> None:
    created = client.post("/api/v1/sync/actors", json={"items": actors(4)}, headers=integrator)
    assert created.status_code == 200, created.text
    stored = [
        *client.get("/api/v1/clusters").json()["items"],
        *client.get("/api/v1/rdi-platforms").json()["items"],
    ]
    assert len(stored) == 4
    assert len({(a["kind"], a["created_at"], a["updated_at"]) for a in stored}) == 2
    assert {a["created_at"] == a["updated_at"] for a in stored} == {True}
    assert {a["version"] for a in stored} == {1}
    renamed = [dict(a, name=f"Renamed {i}") for i, a in enumerate(actors(4))]
    assert (
        client.post("/api/v1/sync/actors", json={"items": renamed}, headers=integrator).json()[
            "updated"
        ]
        == 4
    )
    again = [
        *client.get("/api/v1/clusters").json()["items"],
        *client.get("/api/v1/rdi-platforms").json()["items"],
    ]
    assert len({(a["kind"], a["updated_at"]) for a in again}) == 2
    assert {a["version"] for a in again} == {2}
