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
    assert {e["field"] for e in bad.json()["errors"]} == {"items.0.code"}
    repeated = client.post(
        "/api/v1/sync/regions",
        json={"items": [{"code": "SE23"}, {"code": "SE23"}]},
        headers=integrator,
    )
    assert repeated.json()["errors"] == [{"field": "items.1.code", "message": "repeats items.0"}]
