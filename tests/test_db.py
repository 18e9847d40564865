"""A request whose transaction cannot finish — its COMMIT fails, or the database connection
is lost half-way — is answered with a problem (5xx), leaves nothing behind (no row, no
change in the feed) and does not stop the next request from succeeding."""

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event, text
from sqlalchemy.exc import OperationalError

from app.db import is_sqlite, make_engine
from app.main import create_app
from tests.conftest import ADMIN, make_settings
from tests.factories import actor_body, put_region


def stored_clusters(database_url: str) -> tuple[int, int]:
    """(actor rows, cluster changes in the feed), read past the application."""
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            actors = connection.execute(text("SELECT count(*) FROM actor")).scalar_one()
            feed = connection.execute(
                text("SELECT count(*) FROM change_log WHERE entity = 'cluster'")
            ).scalar_one()
            return int(actors), int(feed)
    finally:
        engine.dispose()


@pytest.fixture
def client(database_url: str) -> Iterator[TestClient]:
    """A client that gets the 5xx answer rather than the server's exception."""
    app = create_app(make_settings(database_url))
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def fail_the_next_write_commit(engine: Engine, failure: Exception) -> None:
    """Make the COMMIT of the next transaction that writes the feed raise `failure`
    (read-only transactions before it, such as the key lookup, commit normally)."""
    armed: list[bool] = []

    def arm(_connection: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO CHANGE_LOG"):
            armed.append(True)

    def fail(_connection: Any) -> None:
        if armed:
            event.remove(engine, "after_cursor_execute", arm)
            event.remove(engine, "commit", fail)
            raise failure

    event.listen(engine, "after_cursor_execute", arm)
    event.listen(engine, "commit", fail)


def assert_problem(response: Any, status: int) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status and body["title"] and body["type"]


def assert_nothing_written_and_still_serving(client: TestClient, database_url: str) -> None:
    assert stored_clusters(database_url) == (0, 0)
    assert client.get("/api/v1/clusters").json()["total"] == 0
    created = client.post("/api/v1/clusters", json=actor_body(name="After"), headers=ADMIN)
    assert created.status_code == 201, created.text
    assert stored_clusters(database_url) == (1, 1)


@pytest.mark.parametrize(
    ("failure", "status"),
    [
        (RuntimeError("disk full"), 500),
        (OperationalError("COMMIT", {}, Exception("server closed the connection")), 503),
    ],
    ids=["unexpected", "database-error"],
)
def test_a_failed_commit_is_a_problem_and_writes_nothing(
    client: TestClient, database_url: str, failure: Exception, status: int
) -> None:
    put_region(client, "SE22")
    fail_the_next_write_commit(client.app.state.engine, failure)  # type: ignore[attr-defined]
    assert_problem(client.post("/api/v1/clusters", json=actor_body(), headers=ADMIN), status)
    assert_nothing_written_and_still_serving(client, database_url)


def test_a_connection_lost_mid_request_is_503_and_writes_nothing(
    client: TestClient, database_url: str
) -> None:
    """The connection goes away right after the actor's INSERT, before the feed row and
    the COMMIT. On PostgreSQL its backend is terminated from another connection. A SQLite
    file has no connection to lose: there the next statement fails as on an I/O error
    (closing the connection under SQLite's open cursor would keep its lock instead)."""
    put_region(client, "SE22")
    engine = client.app.state.engine  # type: ignore[attr-defined]
    lost: list[bool] = []

    def lose_connection(connection: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if lost or not statement.lstrip().upper().startswith("INSERT INTO ACTOR"):
            return
        lost.append(True)
        if is_sqlite(database_url):
            return
        pid = connection.connection.dbapi_connection.info.backend_pid
        other = make_engine(database_url)
        try:
            with other.connect() as admin:
                # Waits (up to 5 s) until the backend is gone, so the next statement fails.
                query = text("SELECT pg_terminate_backend(:pid, 5000)")
                assert admin.execute(query, {"pid": pid}).scalar_one()
        finally:
            other.dispose()

    def sqlite_io_error(_connection: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if lost and is_sqlite(database_url):
            event.remove(engine, "before_cursor_execute", sqlite_io_error)
            raise OperationalError(statement, {}, Exception("disk I/O error"))

    event.listen(engine, "after_cursor_execute", lose_connection)
    event.listen(engine, "before_cursor_execute", sqlite_io_error)
    try:
        response = client.post("/api/v1/clusters", json=actor_body(), headers=ADMIN)
    finally:
        event.remove(engine, "after_cursor_execute", lose_connection)
        if event.contains(engine, "before_cursor_execute", sqlite_io_error):
            event.remove(engine, "before_cursor_execute", sqlite_io_error)
    assert lost, "the request never inserted an actor"
    assert_problem(response, 503)  # the database is unreachable, not a bug: retry later
    assert response.headers["retry-after"]
    assert_nothing_written_and_still_serving(client, database_url)


def test_a_unique_key_taken_after_the_check_is_a_409_problem(
    client: TestClient, database_url: str
) -> None:
    """The race two writers with one external_id run, made certain: the same row is
    inserted just before the request's own INSERT (after its check found the key free),
    so the database's unique constraint, not the check, refuses it."""
    put_region(client, "SE22")
    engine = client.app.state.engine  # type: ignore[attr-defined]

    inserted: list[bool] = []

    def insert_twin_first(
        _connection: Any, cursor: Any, statement: str, params: Any, *_: Any
    ) -> None:
        if not inserted and statement.lstrip().upper().startswith("INSERT INTO ACTOR"):
            inserted.append(True)
            cursor.execute(statement, params)

    event.listen(engine, "before_cursor_execute", insert_twin_first)
    try:
        response = client.post(
            "/api/v1/clusters", json=actor_body(external_id="crm-42"), headers=ADMIN
        )
    finally:
        event.remove(engine, "before_cursor_execute", insert_twin_first)
    assert inserted, "the request never inserted an actor"
    assert_problem(response, 409)
    assert_nothing_written_and_still_serving(client, database_url)
