"""Input a fuzzer or an attacker sends: each is a clear 4xx problem naming the field, never a
500, on both databases."""

import base64
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.regions import service as region_service
from tests.conftest import ADMIN, make_settings
from tests.factories import create_actor, put_region


def fields(response) -> list[str]:  # type: ignore[no-untyped-def]
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    return [e["field"] for e in response.json()["errors"]]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/clusters/9223372036854775808",
        "/api/v1/clusters/2147483648",
        "/api/v1/rdi-platforms/0",
        "/api/v1/calls/99999999999",
        "/api/v1/consortia/-1",
        "/api/v1/matching/candidates?actor_id=2147483648",
        "/api/v1/clusters?offset=1000000000000000000000000000000",
        "/api/v1/consortia?call_id=9223372036854775808",
    ],
)
def test_numbers_beyond_what_the_database_holds_are_422(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 422


def test_a_cursor_beyond_64_bits_is_422(client: TestClient) -> None:
    cursor = base64.urlsafe_b64encode(f"seq:{2**70}".encode()).decode().rstrip("=")
    assert fields(client.get("/api/v1/changes", params={"since": cursor})) == ["since"]


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("/api/v1/clusters?q=%00", "q"),
        ("/api/v1/clusters?q=a%ED%A0%80b", "q"),  # an encoded lone surrogate
        ("/api/v1/regions/SE%00", "path"),
        ("/api/v1/regions?theme=food&country=S%00", "country"),
    ],
)
def test_nul_and_surrogates_in_the_url_are_422(client: TestClient, path: str, field: str) -> None:
    assert fields(client.get(path)) == [field]


def test_nul_and_surrogates_in_a_body_name_every_field(client: TestClient) -> None:
    put_region(client, "SE22")
    body = (
        '{"name": "a\\u0000b", "region_code": "SE22", "description": "x\\ud800y",'
        ' "technologies": ["ok", "bad\\u0000"]}'
    )
    response = client.post(
        "/api/v1/clusters",
        content=body.encode(),
        headers={**ADMIN, "Content-Type": "application/json"},
    )
    assert fields(response) == ["name", "description", "technologies.1"]
    assert client.get("/api/v1/clusters").json()["total"] == 0  # nothing half-written


def test_escaped_backslashes_and_paired_surrogates_are_text(client: TestClient) -> None:
    put_region(client, "SE22")
    body = '{"name": "C:\\\\u0000 \\ud83d\\ude00", "region_code": "SE22"}'
    response = client.post(
        "/api/v1/clusters",
        content=body.encode(),
        headers={**ADMIN, "Content-Type": "application/json"},
    )
    assert response.status_code == 201, response.text
    assert response.json()["name"] == "C:\\u0000 \N{GRINNING FACE}"


def test_naive_and_aware_times_compare(client: TestClient) -> None:
    call = client.post(
        "/api/v1/calls",
        json={
            "name": "Mixed",
            "opens_at": "2027-01-01T00:00:00",
            "closes_at": "2027-02-01T00:00:00+01:00",
        },
        headers=ADMIN,
    )
    assert call.status_code == 201, call.text
    assert call.json()["opens_at"].startswith("2027-01-01T00:00:00")
    assert call.json()["opens_at"].endswith(("Z", "+00:00"))
    backwards = client.post(
        "/api/v1/calls",
        json={"name": "Backwards", "opens_at": "2027-03-01T00:00:00", "closes_at": "2027-02-01Z"},
        headers=ADMIN,
    )
    assert backwards.status_code == 422


def test_booleans_are_not_numbers(client: TestClient) -> None:
    assert fields(
        client.post("/api/v1/matching/consortia", json={"region_level": False, "theme": "food"})
    ) == ["region_level"]
    actor = create_actor(client, region_code="SE22") if put_region(client, "SE22") else None
    assert actor is not None
    check = client.post("/api/v1/calls", json={"name": "C"}, headers=ADMIN).json()
    assert fields(
        client.post(
            f"/api/v1/calls/{check['id']}/eligibility",
            json={"member_ids": [actor["id"]], "eu_funding": False},
        )
    ) == ["eu_funding"]
    assert fields(
        client.post("/api/v1/matching/consortia/score", json={"member_ids": [True, 2]})
    ) == ["member_ids.0"]


@pytest.fixture
def small_client(database_url: str) -> Iterator[TestClient]:
    app = create_app(make_settings(database_url, max_body_bytes=2048, sync_max_body_bytes=8192))
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def test_bodies_over_the_limit_are_413_before_parsing(small_client: TestClient) -> None:
    big = {"name": "x", "region_code": "SE22", "description": "d" * 4000}
    response = small_client.post("/api/v1/clusters", json=big, headers=ADMIN)
    assert response.status_code == 413
    assert response.headers["content-type"].startswith("application/problem+json")
    # /sync takes larger batches.
    priority = {"title": "Food", "description": "d" * 3000}
    batch = {"items": [{"code": "SE22", "s3_priorities": [priority]}]}
    assert small_client.post("/api/v1/sync/regions", json=batch, headers=ADMIN).status_code == 200


def test_an_unexpected_error_is_problem_json_with_the_request_id(
    small_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(region_service, "list_regions", broken)
    response = small_client.get("/api/v1/regions", headers={"X-Request-ID": "trace-me"})
    assert response.status_code == 500
    assert response.json()["status"] == 500
    assert response.headers["x-request-id"] == "trace-me"


def test_method_not_allowed_says_what_is(client: TestClient) -> None:
    response = client.delete("/api/v1/regions")
    assert response.status_code == 405
    assert "GET" in response.headers["allow"]


def test_the_access_log_escapes_control_characters(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("INFO", logger="clustermatch.access"):
        client.get("/api/v1/regions/SE%0AINFO forged line")
    lines = [r.getMessage() for r in caplog.records if r.name == "clustermatch.access"]
    assert lines and all("\n" not in line for line in lines)
    assert "\\n" in lines[-1]


def test_a_keyless_write_is_401_before_its_body_is_read(client: TestClient) -> None:
    malformed = client.post(
        "/api/v1/clusters", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert malformed.status_code == 401
    assert malformed.headers["www-authenticate"] == "Bearer"
    # Reads posted as bodies need no key; their bad bodies are 422.
    assert client.post("/api/v1/matching/consortia", content=b"{not json").status_code == 422
    assert client.post("/api/v1/calls/1/eligibility", content=b"{").status_code == 422


def test_every_operation_documents_the_errors_any_request_may_meet(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path, operations in spec["paths"].items():
        if not path.startswith("/api/v1/"):
            continue
        for method, operation in operations.items():
            assert {"500", "503"} <= set(operation["responses"]), (method, path)


def test_a_body_that_is_not_utf8_is_422(client: TestClient) -> None:
    response = client.post(
        "/api/v1/themes",
        content=b'{"slug": "\xff"}',
        headers={**ADMIN, "Content-Type": "application/json"},
    )
    assert fields(response) == ["body"]


@pytest.mark.parametrize("header", ["", "3", '"3', 'W/3, "4"'])
def test_a_malformed_if_match_is_422(client: TestClient, header: str) -> None:
    put_region(client, "SE22")
    actor = create_actor(client, region_code="SE22")
    response = client.patch(
        f"/api/v1/clusters/{actor['id']}",
        json={"name": "X"},
        headers={**ADMIN, "If-Match": header},
    )
    assert fields(response) == ["If-Match"]


@pytest.mark.parametrize("when", [0, -31, "0", "1700000000", 1.5])
def test_times_are_iso_text_not_epoch_numbers(client: TestClient, when: object) -> None:
    response = client.post("/api/v1/calls", json={"name": "C", "closes_at": when}, headers=ADMIN)
    assert fields(response) == ["closes_at"]


def test_member_counts_are_whole_numbers(client: TestClient) -> None:
    put_region(client, "SE22")
    for members in ({"smes": True}, {"public_bodies": 2.0}, {"smes": "3"}):
        response = client.post(
            "/api/v1/clusters",
            json={"name": "X", "region_code": "SE22", "members": members},
            headers=ADMIN,
        )
        assert fields(response) == [f"members.{next(iter(members))}"]


def test_method_not_allowed_lists_every_method_of_the_path(client: TestClient) -> None:
    response = client.request("OPTIONS", "/api/v1/clusters/1")
    assert response.status_code == 405
    assert set(response.headers["allow"].split(", ")) == {"GET", "HEAD", "PUT", "PATCH", "DELETE"}
    posted = client.post("/api/v1/regions/SE22", headers=ADMIN)
    assert posted.headers["allow"] == "DELETE, GET, HEAD, PUT"


def _post_raw(client: TestClient, body: bytes, content_type: str | None) -> list[dict[str, str]]:
    headers = {**ADMIN, **({"Content-Type": content_type} if content_type else {})}
    response = client.post("/api/v1/clusters", content=body, headers=headers)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    return response.json()["errors"]


def test_malformed_json_says_where_it_broke(client: TestClient) -> None:
    errors = _post_raw(client, b'{"name": "A",\n  "region_code": SE22}', "application/json")
    assert errors == [
        {
            "field": "body",
            "message": "the body is not valid JSON: expecting value at line 2, column 18 "
            "(character 32)",
        }
    ]


@pytest.mark.parametrize("content_type", [None, "text/plain"])
def test_a_body_without_the_json_content_type_says_what_is_expected(
    client: TestClient, content_type: str | None
) -> None:
    errors = _post_raw(client, b'{"name": "A", "region_code": "SE22"}', content_type)
    assert errors == [
        {
            "field": "body",
            "message": "a JSON object is expected, sent with Content-Type: application/json",
        }
    ]


def test_a_json_array_is_not_an_object(client: TestClient) -> None:
    errors = _post_raw(client, b'["name"]', "application/json")
    assert [e["field"] for e in errors] == ["body"]
    assert "a JSON object is expected" in errors[0]["message"]


def test_messages_say_what_is_wrong_in_plain_words(client: TestClient) -> None:
    put_region(client, "SE22")
    body = {
        "name": "",
        "region_code": 22,
        "description": None,
        "themes": "food",
        "offers": ["testbed", "Not A Slug"],
        "technologies": [""],
        "members": {"smes": 1.5, "large_companies": -1, "research_orgs": "many"},
        "website": "ftp://example.org",
        "nace_codes": ["10"] * 51,
    }
    response = client.post("/api/v1/clusters", json=body, headers=ADMIN)
    errors = {e["field"]: e["message"] for e in response.json()["errors"]}
    assert errors == {
        "name": "must not be empty",
        "region_code": "must be text",
        "description": "may not be null",
        "themes": "must be a list",
        "offers.1": "a slug is needed: lower-case letters and digits joined by hyphens, "
        "e.g. life-science",
        "technologies.0": "must not be empty",
        "members.smes": "must be a whole number",
        "members.large_companies": "must be at least 0",
        "members.research_orgs": "must be a whole number",
        "website": "a web address starting with http:// or https:// is needed",
        "nace_codes": "must hold at most 50 items",
    }
    kind = client.post(
        "/api/v1/sync/actors", json={"items": [{"kind": "club", "external_id": "x"}]}, headers=ADMIN
    )
    assert kind.json()["errors"] == [
        {"field": "items.0.kind", "message": "must be one of 'cluster' or 'rdi_platform'"}
    ]


def test_parameter_messages_are_plain_words(client: TestClient) -> None:
    def errors(response) -> dict[str, str]:  # type: ignore[no-untyped-def]
        assert response.status_code == 422, response.text
        return {e["field"]: e["message"] for e in response.json()["errors"]}

    assert errors(client.get("/api/v1/clusters?limit=0&offset=x")) == {
        "limit": "must be at least 1",
        "offset": "must be a whole number",
    }
    assert errors(client.get("/api/v1/matching/candidates?actor_id=1&kind=club")) == {
        "kind": "must be one of 'cluster' or 'rdi_platform'"
    }
    assert errors(client.get("/api/v1/changes?since=not%20a%20cursor")) == {
        "since": "a cursor is needed, as a page's next_cursor gives it"
    }
    assert errors(client.get("/api/v1/clusters?nace=ab")) == {
        "nace": "a NACE code or prefix is needed: a section letter (C), a division (26), "
        "a group (26.1) or a class (26.11)"
    }
    put_region(client, "SE22")
    actor = create_actor(client)
    stale = client.patch(
        f"/api/v1/clusters/{actor['id']}", json={}, headers={**ADMIN, "If-Match": "3"}
    )
    assert errors(stale) == {
        "If-Match": 'entity tags in quotes are needed, e.g. "3" or W/"3", or *'
    }
