"""POST /matching/feedback and GET /matching/model over HTTP."""

import pytest
from fastapi.testclient import TestClient

from app.db import make_engine
from app.matching_service import learning
from app.tracking import session_factory
from tests.conftest import ADMIN
from tests.factories import api_key, create_actor, put_region

FEEDBACK = "/api/v1/matching/feedback"
MODEL = "/api/v1/matching/model"


@pytest.fixture
def ids(client: TestClient) -> dict[str, int]:
    for code in ("SE22", "SE23", "SE11"):
        put_region(client, code)
    return {
        "south": create_actor(client, name="Food cluster", region_code="SE22")["id"],
        "west": create_actor(client, "rdi_platform", name="Food lab", region_code="SE23")["id"],
        "east": create_actor(client, "rdi_platform", name="Food school", region_code="SE11")["id"],
    }


def _labels(client: TestClient) -> dict:  # type: ignore[type-arg]
    response = client.get(MODEL)
    assert response.status_code == 200
    return response.json()["labels"]


def test_a_verdict_is_stored_with_its_key_and_a_repeat_replaces_it(
    client: TestClient, ids: dict[str, int]
) -> None:
    body = {"actor_id": ids["south"], "candidate_id": ids["west"], "verdict": "relevant"}
    first = client.post(FEEDBACK, json=body, headers=ADMIN)
    assert first.status_code == 201, first.text
    assert first.json()["replaced"] is False
    assert first.json()["key_id"] is None  # the admin token

    integrator = api_key(client, "integrator")
    theirs = client.post(FEEDBACK, json=body, headers=integrator)
    assert theirs.status_code == 201  # another key's verdict on the same pair is its own
    assert isinstance(theirs.json()["key_id"], int)

    again = client.post(FEEDBACK, json={**body, "verdict": "partnered"}, headers=ADMIN)
    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"]
    assert (again.json()["replaced"], again.json()["previous_verdict"]) == (True, "relevant")
    labels = _labels(client)
    assert labels["by_source"] == {"feedback": 2, "consortium": 0}
    assert labels["by_verdict"]["partnered"] == 1
    assert labels["by_verdict"]["relevant"] == 1


def test_bad_feedback_names_every_bad_field(client: TestClient, ids: dict[str, int]) -> None:
    missing = client.post(
        FEEDBACK,
        json={"actor_id": 98765, "candidate_id": 98766, "verdict": "relevant"},
        headers=ADMIN,
    )
    assert missing.status_code == 422
    assert missing.headers["content-type"].startswith("application/problem+json")
    assert {e["field"] for e in missing.json()["errors"]} == {"actor_id", "candidate_id"}

    same = client.post(
        FEEDBACK,
        json={"actor_id": ids["south"], "candidate_id": ids["south"], "verdict": "maybe"},
        headers=ADMIN,
    )
    assert same.status_code == 422
    assert [e["field"] for e in same.json()["errors"]] == ["candidate_id", "verdict"]
    assert "differ" in same.json()["errors"][0]["message"]

    unknown = client.post(
        FEEDBACK,
        json={"actor_id": ids["south"], "candidate_id": ids["west"], "verdict": "great"},
        headers=ADMIN,
    )
    assert unknown.status_code == 422
    assert [e["field"] for e in unknown.json()["errors"]] == ["verdict"]

    shapeless = client.post(FEEDBACK, json={"actor_id": "5", "candidate_id": True}, headers=ADMIN)
    assert shapeless.status_code == 422
    assert {e["field"] for e in shapeless.json()["errors"]} == {
        "actor_id",
        "candidate_id",
        "verdict",
    }
    assert _labels(client)["total"] == 0  # nothing half-written


def test_feedback_needs_a_writer_key(client: TestClient, ids: dict[str, int]) -> None:
    body = {"actor_id": ids["south"], "candidate_id": ids["west"], "verdict": "relevant"}
    assert client.post(FEEDBACK, json=body).status_code == 401
    assert client.post(FEEDBACK, json=body, headers=api_key(client, "reader")).status_code == 403
    assert _labels(client)["total"] == 0


def test_editors_give_feedback_only_for_actors_in_their_scope(
    client: TestClient, ids: dict[str, int]
) -> None:
    editor = api_key(client, "editor", "SE2")
    inside = {"actor_id": ids["south"], "candidate_id": ids["east"], "verdict": "not_relevant"}
    assert client.post(FEEDBACK, json=inside, headers=editor).status_code == 201
    # The candidate may be anywhere; the actor asking must be the editor's.
    outside = {"actor_id": ids["east"], "candidate_id": ids["south"], "verdict": "relevant"}
    forbidden = client.post(FEEDBACK, json=outside, headers=editor)
    assert forbidden.status_code == 403
    assert "SE11" in forbidden.json()["detail"]
    assert _labels(client)["by_verdict"] == {
        "relevant": 0,
        "not_relevant": 1,
        "contacted": 0,
        "partnered": 0,
        "funded": 0,
        "rejected": 0,
    }


def test_verdicts_alone_change_no_ranking(client: TestClient, ids: dict[str, int]) -> None:
    def ranked() -> list[tuple[int, float]]:
        response = client.get("/api/v1/matching/candidates", params={"actor_id": ids["south"]})
        return [(c["actor"]["id"], c["score"]) for c in response.json()["candidates"]]

    before = ranked()
    for verdict, candidate in (("not_relevant", "west"), ("partnered", "east")):
        body = {"actor_id": ids["south"], "candidate_id": ids[candidate], "verdict": verdict}
        assert client.post(FEEDBACK, json=body, headers=ADMIN).status_code == 201
    assert ranked() == before


def test_the_model_before_any_fit_is_the_defaults(client: TestClient) -> None:
    response = client.get(MODEL)
    assert response.status_code == 200
    body = response.json()
    assert body["source"] == "default"
    assert body["weights"] == body["default_weights"]
    assert set(body["weights"]) == {"thematic", "complementarity", "regional"}
    assert sum(body["weights"].values()) == pytest.approx(1.0)
    assert (body["fitted_weights"], body["evaluation"], body["fitted_at"]) == (None, None, None)
    assert body["labels"]["total"] == 0


def test_the_model_after_a_fit_shows_what_it_read_and_why(
    client: TestClient, ids: dict[str, int], database_url: str
) -> None:
    for candidate, verdict in (("west", "relevant"), ("east", "not_relevant")):
        body = {"actor_id": ids["south"], "candidate_id": ids[candidate], "verdict": verdict}
        assert client.post(FEEDBACK, json=body, headers=ADMIN).status_code == 201
    saved = client.post(
        "/api/v1/consortia",
        json={"name": "Food", "member_ids": list(ids.values())},
        headers=ADMIN,
    ).json()
    for status in ("submitted", "rejected"):
        url = f"/api/v1/consortia/{saved['id']}"
        assert client.patch(url, json={"status": status}, headers=ADMIN).status_code == 200

    engine = make_engine(database_url)
    try:
        learning.fit(session_factory(engine))
    finally:
        engine.dispose()
    body = client.get(MODEL).json()
    assert body["source"] == "default"  # 8 labels are far too few to fit on
    assert "too few labels" in body["reason"]
    assert body["fitted_at"] is not None
    assert body["labels"] == body["labels_at_fit"]
    assert body["labels"]["total"] == 8
    assert (body["labels"]["positive"], body["labels"]["negative"]) == (1, 7)
    assert body["labels"]["by_source"] == {"feedback": 2, "consortium": 6}
    assert body["labels"]["by_verdict"]["rejected"] == 6
