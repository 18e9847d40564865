from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app import migrate
from app.main import create_app
from tests.conftest import make_settings


def test_health_and_readiness(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {"status": "ok"}
    assert client.get("/api/v1/healthz").json() == {"status": "ok"}


def test_readyz_reports_unmigrated_database(database_url: str, engine: Engine) -> None:
    migrate.downgrade(database_url, "base")
    try:
        with TestClient(create_app(make_settings(database_url))) as client:
            response = client.get("/readyz")
        assert response.status_code == 503
        assert response.json()["detail"] == "migrations are not at head"
    finally:
        migrate.upgrade(database_url)


def test_readyz_reports_unreachable_database() -> None:
    settings = make_settings("postgresql+psycopg://nobody@127.0.0.1:1/none")
    with TestClient(create_app(settings)) as client:
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"


def test_request_id_is_echoed_or_made(client: TestClient) -> None:
    assert (
        client.get("/healthz", headers={"X-Request-ID": "abc-123"}).headers["x-request-id"]
        == "abc-123"
    )
    made = client.get("/healthz").headers["x-request-id"]
    assert len(made) == 32


def test_metrics_count_requests_by_route(client: TestClient) -> None:
    client.get("/api/v1/regions/SE22")
    client.get("/api/v1/regions/SE23")
    text = client.get("/metrics").text
    assert (
        "clustermatch_http_requests_total"
        '{method="GET",route="/api/v1/regions/{code}",status="404"} 2.0' in text
    )
    assert "clustermatch_http_request_duration_seconds_bucket" in text


def test_docs_are_served_without_a_cdn(client: TestClient) -> None:
    page = client.get("/docs").text
    assert "/static/swagger-ui/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower()
    assert client.get("/static/swagger-ui/swagger-ui-bundle.js").status_code == 200


def test_openapi_documents_every_route_with_errors_and_examples(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path, operations in spec["paths"].items():
        if not path.startswith("/api/v1"):
            continue
        for method, operation in operations.items():
            statuses = set(operation["responses"])
            assert statuses & {"200", "201", "202", "204"}, (method, path)  # 202: queued
            if method != "get" or path.startswith("/api/v1/keys"):
                assert "401" in statuses, (method, path)
    schemas = spec["components"]["schemas"]
    assert schemas["ActorCreate"].get("examples")
    assert schemas["RegionPut"].get("examples")


def test_unknown_route_is_problem_json(client: TestClient) -> None:
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


def test_cors_origins_are_configurable(database_url: str) -> None:
    settings = make_settings(database_url, cors_origins="https://s3.example.eu")
    with TestClient(create_app(settings)) as client:
        response = client.get("/healthz", headers={"Origin": "https://s3.example.eu"})
    assert response.headers["access-control-allow-origin"] == "https://s3.example.eu"
