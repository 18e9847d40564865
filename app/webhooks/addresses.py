"""Which receivers may be called: no loopback, link-local, private or otherwise internal
address unless the server allows it, checked on every address the host name resolves to
(so a public name pointing inside the network is refused too)."""

import ipaddress
import socket
from urllib.parse import urlsplit


class RefusedAddress(ValueError):
    pass


def _internal(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    )


def resolve(host: str, port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise RefusedAddress(f"the host '{host}' does not resolve") from exc
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]


def check_receiver(url: str, *, allow_private: bool) -> None:
    """Raise RefusedAddress if the URL's host is (or resolves to) an internal address."""
    if allow_private:
        return
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    for address in resolve(host, port):
        if _internal(address):
            raise RefusedAddress(
                f"'{host}' is or resolves to {address}, an internal address; "
                "receivers must be public (CLUSTERMATCH_WEBHOOKS_ALLOW_PRIVATE=true lifts this)"
            )
