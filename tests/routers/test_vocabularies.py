from fastapi.testclient import TestClient

from tests.conftest import ADMIN

REQUIRED_THEMES = {
    "life-science",
    "health-care",
    "food",
    "offshore",
    "aerospace",
    "textiles",
    "ict",
    "bioeconomy",
    "advanced-manufacturing",
    "energy",
    "circular-economy",
    "urban-development",
}
REQUIRED_CAPABILITIES = {
    "research",
    "testbed",
    "prototyping",
    "manufacturing",
    "design",
    "market-access",
    "sme-network",
    "training",
    "financing",
    "regulatory",
    "data",
}
NEW_TERM = {
    "slug": "maritime-safety",
    "label_en": "Maritime safety",
    "label_sv": "Sjösäkerhet",
    "synonyms_en": ["sea rescue"],
    "synonyms_sv": ["sjöräddning"],
}


def test_seeded_vocabularies_are_bilingual(client: TestClient) -> None:
    themes = client.get("/api/v1/themes").json()
    capabilities = client.get("/api/v1/capabilities").json()
    assert {t["slug"] for t in themes} >= REQUIRED_THEMES
    assert {c["slug"] for c in capabilities} >= REQUIRED_CAPABILITIES
    for term in themes + capabilities:
        assert term["label_en"] and term["label_sv"]
        assert len(term["synonyms_en"]) >= 3 and len(term["synonyms_sv"]) >= 3
    food = next(t for t in themes if t["slug"] == "food")
    assert food["label_sv"] == "Livsmedel"
    assert "livsmedel" in food["synonyms_sv"]


def test_admin_adds_term_and_it_becomes_usable(client: TestClient) -> None:
    response = client.post("/api/v1/themes", json=NEW_TERM, headers=ADMIN)
    assert response.status_code == 201
    assert response.json() == NEW_TERM
    assert NEW_TERM in client.get("/api/v1/themes").json()
    region = client.put(
        "/api/v1/regions/SE23",
        json={"s3_priorities": [{"title": "Safety at sea", "themes": ["maritime-safety"]}]},
        headers=ADMIN,
    )
    assert region.status_code == 201
    # A theme slug is not a capability.
    assert all(c["slug"] != "maritime-safety" for c in client.get("/api/v1/capabilities").json())


def test_duplicate_term_conflicts_and_bad_term_is_422(client: TestClient) -> None:
    duplicate = client.post(
        "/api/v1/capabilities", json={**NEW_TERM, "slug": "testbed"}, headers=ADMIN
    )
    assert duplicate.status_code == 409
    bad = client.post("/api/v1/themes", json={"slug": "Bad Slug", "label_en": ""}, headers=ADMIN)
    assert bad.status_code == 422
    assert {e["field"] for e in bad.json()["errors"]} == {"slug", "label_en", "label_sv"}


def test_only_admins_add_terms(client: TestClient) -> None:
    assert client.post("/api/v1/themes", json=NEW_TERM).status_code == 401
    key = client.post(
        "/api/v1/keys", json={"role": "editor", "scope": "SE2"}, headers=ADMIN
    ).json()["key"]
    forbidden = client.post(
        "/api/v1/themes", json=NEW_TERM, headers={"Authorization": f"Bearer {key}"}
    )
    assert forbidden.status_code == 403
