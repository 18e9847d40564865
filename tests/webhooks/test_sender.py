"""The address check at delivery time: a receiver's name is resolved once per connection,
every address checked, and the connection made to a checked address (DNS is played by a
resolver the test gives the dispatcher)."""

import ipaddress
import ssl
from typing import Any

import trustme
from fastapi.testclient import TestClient

from app.webhooks.addresses import Address
from app.webhooks.sender import Outgoing, Result, Sender
from app.webhooks.signing import new_secret
from tests.conftest import ADMIN
from tests.factories import put_region
from tests.webhooks.conftest import DispatcherMaker, drain, subscribe
from tests.webhooks.receiver import Receiver

HOOKS = "/api/v1/webhooks"
NAME = "hooks.integrator.test"  # reserved: no real DNS answers for it


class PlayedDns:
    """Answers for NAME from a script, and notes every lookup."""

    def __init__(self, *answers: list[str]) -> None:
        self._answers = list(answers)
        self.lookups: list[str] = []

    def __call__(self, host: str, _port: int) -> list[Address]:
        self.lookups.append(host)
        answer = self._answers.pop(0) if len(self._answers) > 1 else self._answers[0]
        return [ipaddress.ip_address(a) for a in answer]


def attempts(client: TestClient, hook_id: int) -> list[dict[str, Any]]:
    log = client.get(f"{HOOKS}/{hook_id}/deliveries", headers=ADMIN).json()["items"]
    return [a for delivery in reversed(log) for a in delivery["attempts"]]


def test_a_name_that_now_resolves_inside_is_refused_when_sent(
    client: TestClient, make_dispatcher: DispatcherMaker
) -> None:
    """Subscribed while allowed (or while the name pointed outside); at delivery time the
    name answers a public and a loopback address: refused, and nothing is called."""
    with Receiver() as receiver:
        hook = subscribe(client, f"http://{NAME}:{receiver.port}/hook")
        put_region(client, "SE22")
        dns = PlayedDns(["93.184.215.14", "127.0.0.1"])
        dispatcher = make_dispatcher(resolver=dns, webhooks_allow_private=False)
        drain(dispatcher, lambda: bool(attempts(client, hook["id"])))
    assert receiver.calls == []
    first = attempts(client, hook["id"])[0]
    assert first["outcome"] == "refused"
    assert "127.0.0.1" in first["response_excerpt"] and NAME in first["response_excerpt"]
    assert dns.lookups == [NAME]


def test_the_connection_goes_to_the_address_resolved(
    client: TestClient, make_dispatcher: DispatcherMaker
) -> None:
    """The dispatcher connects where its one lookup said (the name itself resolves nowhere),
    keeps that connection for the next deliveries, and still names the host it calls."""
    with Receiver() as receiver:
        hook = subscribe(client, f"http://{NAME}:{receiver.port}/hook")
        for code in ("SE22", "SE23", "SE21"):
            put_region(client, code)
        dns = PlayedDns(["127.0.0.1"], ["10.9.9.9"])  # a second lookup would get elsewhere
        dispatcher = make_dispatcher(resolver=dns)
        drain(dispatcher, lambda: len(receiver.accepted()) == 3)
    assert [c.item["id"] for c in receiver.accepted()] == ["SE22", "SE23", "SE21"]
    assert {c.headers["host"] for c in receiver.calls} == {f"{NAME}:{receiver.port}"}
    assert dns.lookups == [NAME]
    assert {a["outcome"] for a in attempts(client, hook["id"])} == {"success"}


def tls_receiver(ca: trustme.CA, name: str) -> Receiver:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(name).configure_cert(context)
    return Receiver(tls=context)


def sent_once(receiver: Receiver, trust: ssl.SSLContext) -> Result:
    sender = Sender(timeout_s=5, allow_private=True, resolver=PlayedDns(["127.0.0.1"]), trust=trust)
    item = Outgoing(1, "msg_1_1", {"op": "ping"}, manual=True, attempt_count=0)
    try:
        return sender.send(f"https://{NAME}:{receiver.port}/hook", [new_secret()], item)
    finally:
        sender.close()


def test_https_to_the_checked_address_verifies_the_certificate_of_the_name() -> None:
    """Connected to the address the lookup gave, TLS still names the host: its certificate
    is accepted, and one issued for another name is not."""
    ca = trustme.CA()
    trust = ssl.create_default_context()
    ca.configure_trust(trust)
    with tls_receiver(ca, NAME) as receiver:
        result = sent_once(receiver, trust)
    assert result.outcome == "success", result.excerpt
    assert receiver.calls[0].headers["host"] == f"{NAME}:{receiver.port}"
    with tls_receiver(ca, "someone-else.test") as impostor:
        refused = sent_once(impostor, trust)
    assert refused.outcome == "connection_error"
    assert "certificate" in refused.excerpt.lower() and impostor.calls == []
