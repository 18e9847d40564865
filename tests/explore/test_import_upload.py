"""The explorer's upload: the spreadsheet import for integrator and admin keys, dry run
first, all or nothing."""

import base64
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.transfer import spreadsheet
from tests.conftest import ADMIN, make_settings

WORKBOOK = Path(__file__).parents[2] / "seed_data" / "example_data.xlsx"


@pytest.fixture
def client(database_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(make_settings(database_url))) as test_client:
        yield test_client


def _body(name: str, data: bytes, dry_run: bool) -> dict[str, Any]:
    return {
        "files": [{"name": name, "content": base64.b64encode(data).decode()}],
        "dry_run": dry_run,
    }


def _counts(client: TestClient) -> tuple[int, int]:
    clusters = client.get("/api/v1/clusters?limit=1").json()["total"]
    platforms = client.get("/api/v1/rdi-platforms?limit=1").json()["total"]
    return clusters, platforms


def test_a_dry_run_then_the_import(client: TestClient) -> None:
    data = WORKBOOK.read_bytes()
    checked = client.post("/explore/import", headers=ADMIN, json=_body("ex.xlsx", data, True))
    assert checked.status_code == 200, checked.text
    assert checked.json()["dry_run"] is True
    assert checked.json()["report"]["clusters"] == {"created": 25, "updated": 0, "unchanged": 0}
    assert _counts(client) == (0, 0)  # nothing written

    done = client.post("/explore/import", headers=ADMIN, json=_body("ex.xlsx", data, False))
    assert done.status_code == 200, done.text
    assert _counts(client) == (25, 19)
    again = client.post("/explore/import", headers=ADMIN, json=_body("ex.xlsx", data, True))
    assert again.json()["report"]["rdi_platforms"] == {"created": 0, "updated": 0, "unchanged": 19}


def test_bad_cells_are_a_problem_naming_each_cell(client: TestClient) -> None:
    doc = {"clusters": [{"name": "A", "region_code": "SE99", "members": {"smes": "many"}}]}
    data = spreadsheet.write_xlsx(doc)
    answer = client.post("/explore/import", headers=ADMIN, json=_body("bad.xlsx", data, False))
    assert answer.status_code == 422
    assert answer.headers["content-type"] == "application/problem+json"
    fields = {e["field"] for e in answer.json()["errors"]}
    assert fields == {"clusters/2/region_code", "clusters/2/members.smes"}
    assert _counts(client) == (0, 0)


def test_only_integrator_and_admin_keys_import(client: TestClient) -> None:
    body = _body("ex.xlsx", WORKBOOK.read_bytes(), True)
    assert client.post("/explore/import", json=body).status_code == 401
    editor = client.post(
        "/api/v1/keys", headers=ADMIN, json={"role": "editor", "scope": "SE2"}
    ).json()["key"]
    refused = client.post(
        "/explore/import", headers={"Authorization": f"Bearer {editor}"}, json=body
    )
    assert refused.status_code == 403
    integrator = client.post("/api/v1/keys", headers=ADMIN, json={"role": "integrator"}).json()
    allowed = client.post(
        "/explore/import", headers={"Authorization": f"Bearer {integrator['key']}"}, json=body
    )
    assert allowed.status_code == 200


def test_content_that_is_not_base64_is_named(client: TestClient) -> None:
    body = {"files": [{"name": "x.xlsx", "content": "not base64!"}]}
    answer = client.post("/explore/import", headers=ADMIN, json=body)
    assert answer.status_code == 422
    assert [e["field"] for e in answer.json()["errors"]] == ["files.0.content"]


def test_the_upload_page_renders(client: TestClient) -> None:
    page = client.get("/explore/import?lang=sv")
    assert page.status_code == 200
    assert "Importera ett kalkylark" in page.text and 'type="file"' in page.text
