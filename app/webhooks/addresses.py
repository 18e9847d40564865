"""Which receivers may be called: no loopback, link-local, private or otherwise internal
address unless the server allows it, checked on every address the host name resolves to
(so a public name pointing inside the network is refused too). Checked when a subscription
is saved, and again on every connection the dispatcher opens (see transport.py)."""

import ipaddress
import socket
from collections.abc import Callable
from urllib.parse import urlsplit

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
# Host name and port to addresses; DNS by default, replaced where a test plays DNS.
Resolver = Callable[[str, int], list[Address]]


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


def resolve(host: str, port: int) -> list[Address]:
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise RefusedAddress(f"the host '{host}' does not resolve") from exc
    found = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
    return list(dict.fromkeys(found))  # one per address, in the resolver's order


def checked_addresses(
    host: str, port: int, *, allow_private: bool, resolver: Resolver = resolve
) -> list[Address]:
    """The addresses `host` resolves to, once; RefusedAddress if any is internal (unless
    allowed), since a caller picking among them must not be able to pick that one."""
    host = host.strip("[]")
    try:
        found = [ipaddress.ip_address(host)]
    except ValueError:
        found = resolver(host, port)
    if not found:
        raise RefusedAddress(f"the host '{host}' does not resolve")
    if not allow_private:
        for address in found:
            if _internal(address):
                raise RefusedAddress(
                    f"'{host}' is or resolves to {address}, an internal address; receivers "
                    "must be public (CLUSTERMATCH_WEBHOOKS_ALLOW_PRIVATE=true lifts this)"
                )
    return found


def check_receiver(url: str, *, allow_private: bool, resolver: Resolver = resolve) -> None:
    """Raise RefusedAddress if the URL's host is (or resolves to) an internal address."""
    if allow_private:
        return
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    checked_addresses(parts.hostname or "", port, allow_private=False, resolver=resolver)
