"""Signatures before and after a secret rotation, the send-time address guard, pings and
redeliveries."""

from fastapi.testclient import TestClient

from app.main import create_app
from app.webhooks.signing import new_secret
from tests.conftest import ADMIN, make_settings
from tests.factories import put_region
from tests.webhooks.conftest import DispatcherMaker, drain, subscribe
from tests.webhooks.receiver import Receiver

HOOKS = "/api/v1/webhooks"


def test_the_dispatcher_refuses_an_internal_address_at_send_time(
    client: TestClient, make_dispatcher: DispatcherMaker
) -> None:
    """Allowed when subscribed, not when sent (the setting changed, or DNS now points
    inside): the attempt is refused and nothing is called."""
    with Receiver() as receiver:
        hook = subscribe(client, receiver.url)
        put_region(client, "SE22")
        dispatcher = make_dispatcher(webhooks_allow_private=False)
        log = lambda: client.get(f"{HOOKS}/{hook['id']}/deliveries", headers=ADMIN).json()  # noqa: E731
        drain(dispatcher, lambda: log()["total"] == 1 and log()["items"][0]["attempt_count"] > 0)
    assert receiver.calls == []
    assert log()["items"][0]["attempts"][0]["outcome"] == "refused"


def test_rotation_keeps_the_old_secret_valid_for_the_grace_period(
    client: TestClient, database_url: str, make_dispatcher: DispatcherMaker
) -> None:
    with Receiver() as receiver:
        hook = subscribe(client, receiver.url)
        old = hook["secret"]
        rotated = client.post(f"{HOOKS}/{hook['id']}/rotate-secret", headers=ADMIN)
        assert rotated.status_code == 200
        new = rotated.json()["secret"]
        assert new != old and new.startswith("whsec_")
        put_region(client, "SE22")
        dispatcher = make_dispatcher()
        drain(dispatcher, lambda: len(receiver.calls) == 1)
        assert receiver.calls[0].verifies_with(new)
        assert receiver.calls[0].verifies_with(old)  # within the grace period
        assert not receiver.calls[0].verifies_with(new_secret())
        # A second rotation with no grace: only the newest secret signs.
        with TestClient(create_app(make_settings(database_url, webhooks_secret_grace_s=0))) as c:
            newest = c.post(f"{HOOKS}/{hook['id']}/rotate-secret", headers=ADMIN).json()["secret"]
        put_region(client, "SE23")
        drain(dispatcher, lambda: len(receiver.calls) == 2)
    assert receiver.calls[1].verifies_with(newest)
    assert not receiver.calls[1].verifies_with(new)
    assert not receiver.calls[1].verifies_with(old)


def test_ping_and_redeliver(client: TestClient, make_dispatcher: DispatcherMaker) -> None:
    with Receiver(lambda n: (500, 0.0) if n == 1 else (200, 0.0)) as receiver:
        hook = subscribe(client, receiver.url, active=False)
        ping = client.post(f"{HOOKS}/{hook['id']}/ping", headers=ADMIN)
        assert ping.status_code == 202
        dispatcher = make_dispatcher()
        drain(dispatcher, lambda: len(receiver.calls) == 1)  # sent although inactive
        assert receiver.calls[0].item["op"] == "ping"
        assert receiver.calls[0].verifies_with(hook["secret"])
        log = client.get(f"{HOOKS}/{hook['id']}/deliveries", headers=ADMIN).json()["items"]
        assert log[0]["status"] == "failed"  # a ping is sent once: the 500 is its answer
        assert log[0]["attempts"][0]["status_code"] == 500
        again = client.post(
            f"{HOOKS}/{hook['id']}/deliveries/{log[0]['id']}/redeliver", headers=ADMIN
        )
        assert again.status_code == 202
        assert again.json()["webhook_id"] == log[0]["webhook_id"]
        drain(dispatcher, lambda: len(receiver.calls) == 2)
    assert receiver.calls[1].webhook_id == receiver.calls[0].webhook_id
    assert receiver.calls[1].answered == 200
    missing = client.post(f"{HOOKS}/{hook['id']}/deliveries/999/redeliver", headers=ADMIN)
    assert missing.status_code == 404
