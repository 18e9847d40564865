"""An HTTP transport that checks the address it connects to, not only the name in the URL.

A receiver's host name is resolved once per new connection, every address it resolves to
is checked, and the connection is made to one of those checked addresses. A name that
pointed to a public address when the subscription was made but points inside the network
now (DNS rebinding) is refused, and no second lookup can hand the socket a different
address than the one checked. TLS still verifies the certificate against the URL's name.
"""

from collections.abc import Iterable

import httpcore
import httpx

from app.webhooks import addresses

Resolver = addresses.Resolver


class _CheckedBackend(httpcore.SyncBackend):
    def __init__(self, resolver: Resolver, allow_private: bool) -> None:
        self._resolver = resolver
        self._allow_private = allow_private

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        checked = addresses.checked_addresses(
            host, port, allow_private=self._allow_private, resolver=self._resolver
        )
        failure: Exception | None = None
        for address in checked:  # as socket.create_connection does: the first that answers
            try:
                return super().connect_tcp(
                    str(address), port, timeout, local_address, socket_options
                )
            except httpcore.ConnectError as exc:
                failure = exc
        raise failure or httpcore.ConnectError(f"no address for '{host}'")


class CheckedTransport(httpx.HTTPTransport):
    """httpx's own transport over a connection pool whose connections go through the
    check above. Proxies from the environment are not used: a receiver is called directly
    (a proxy would connect to an address nobody checked)."""

    def __init__(self, *, resolver: Resolver, allow_private: bool) -> None:
        super().__init__(trust_env=False)
        # The pool httpx builds for itself, with the one difference of the network backend.
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=100,
            max_keepalive_connections=20,
            keepalive_expiry=5.0,
            network_backend=_CheckedBackend(resolver, allow_private),
        )
