"""Which web addresses sourcetrace agrees to fetch: the URL half of the input-safety layer.

Only ``http`` and ``https`` are fetched. Unless private addresses are
allowed (``allow_private=True``, ``$SOURCETRACE_ALLOW_PRIVATE_URLS=1`` or the
CLI's ``--allow-private-urls``; or only some networks, with
``$SOURCETRACE_ALLOW_PRIVATE_URLS=10.0.0.0/8,127.0.0.1``), every address a
host name resolves to must be a public one: loopback, private, link-local,
carrier-grade NAT, multicast, reserved and unspecified addresses are refused,
also inside an IPv6 address (``::ffff:127.0.0.1``, 6to4, Teredo).
:func:`resolve` returns the addresses it checked, and :mod:`loaders.fetch`
connects to exactly those, so a name cannot resolve to a public address for
the check and to a private one for the connection.

>>> blocked_reason("127.0.0.1"), blocked_reason("10.1.2.3"), blocked_reason("169.254.169.254")
('a loopback address', 'a private address', 'a link-local address')
>>> blocked_reason("::ffff:192.168.0.1"), blocked_reason("93.184.215.14") is None
('a private address', True)
"""

from __future__ import annotations

import ipaddress
import os
import socket
from typing import Any
from urllib.parse import SplitResult, urlsplit

from graph.errors import InputError

ALLOW_PRIVATE_ENV = "SOURCETRACE_ALLOW_PRIVATE_URLS"
SCHEMES = ("http", "https")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
#: Networks whose non-public addresses may be fetched all the same.
Networks = tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]
ANY_NETWORK: Networks = (ipaddress.ip_network("0.0.0.0/0"), ipaddress.ip_network("::/0"))
_YES = ("1", "true", "yes", "on", "all")
_NO = ("", "0", "false", "no", "off")
#: (family, socket address) pairs that a checked host name resolved to.
Resolved = list[tuple[socket.AddressFamily, tuple[Any, ...]]]


def private_allowed_by_env() -> Networks:
    """The networks ``$SOURCETRACE_ALLOW_PRIVATE_URLS`` opens: all for ``1`` (or
    ``true``, ``yes``, ``on``, ``all``), none when unset, else the comma-separated
    networks or addresses it lists. Anything else is an InputError."""
    raw = os.environ.get(ALLOW_PRIVATE_ENV, "").strip()
    if raw.lower() in _NO:
        return ()
    if raw.lower() in _YES:
        return ANY_NETWORK
    try:
        return tuple(ipaddress.ip_network(n.strip(), strict=False) for n in raw.split(","))
    except ValueError as e:
        raise InputError(
            ALLOW_PRIVATE_ENV, f"expected 1, 0 or a comma-separated list of networks: {e}"
        ) from e


def networks(allow: bool | Networks) -> Networks:
    """``allow`` as networks: True opens every network, False none.

    >>> networks(True) == ANY_NETWORK, networks(False)
    (True, ())
    """
    if isinstance(allow, bool):
        return ANY_NETWORK if allow else ()
    return allow


def blocked_reason(address: str) -> str | None:
    """Why ``address`` (an IP address) is not fetched by default, or None for a
    public address."""
    ip: IPAddress = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        inner = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if inner is not None:
            return blocked_reason(str(inner))
    checks = (
        (ip.is_unspecified, "an unspecified address"),
        (ip.is_loopback, "a loopback address"),
        (ip.is_link_local, "a link-local address"),
        (ip.is_multicast, "a multicast address"),
        (ip.is_reserved, "a reserved address"),
        (ip.is_private, "a private address"),
        (not ip.is_global, "a non-public address"),  # 100.64.0.0/10 and the like
    )
    return next((why for bad, why in checks if bad), None)


def split_url(url: str, where: str) -> SplitResult:
    """``url`` split, or InputError (naming ``where``) when it is not http(s) or has no host.

    >>> split_url("ftp://files.example/a", "u")
    Traceback (most recent call last):
    ...
    graph.errors.InputError: u: unsupported URL scheme 'ftp' (only http and https)
    """
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError as e:
        raise InputError(where, f"bad URL {url!r} ({e})") from e
    if parts.scheme.lower() not in SCHEMES:
        raise InputError(where, f"unsupported URL scheme {parts.scheme!r} (only http and https)")
    if not parts.hostname:
        raise InputError(where, f"bad URL {url!r} (no host name)")
    return parts


def resolve(host: str, port: int, *, allow_private: bool | Networks, where: str) -> Resolved:
    """Every address ``host`` resolves to, each checked; InputError when the name
    does not resolve or any address is not public (and not in ``allow_private``)."""
    allowed = networks(allow_private)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as e:
        raise InputError(where, f"cannot reach the server (cannot resolve {host!r}: {e})") from e
    out: Resolved = []
    for family, _, _, _, sockaddr in infos:
        if family not in (socket.AF_INET, socket.AF_INET6):
            continue
        if allowed != ANY_NETWORK:
            why = blocked_reason(str(sockaddr[0]))
            if why is not None and not _within(str(sockaddr[0]), allowed):
                shown = host if host == sockaddr[0] else f"{host} ({sockaddr[0]})"
                raise InputError(
                    where,
                    f"refused: {shown} is {why}; only public addresses are fetched "
                    f"unless {ALLOW_PRIVATE_ENV}=1 or --allow-private-urls is set",
                )
        if (family, sockaddr) not in out:
            out.append((family, sockaddr))
    if not out:
        raise InputError(where, f"cannot reach the server (no address for {host!r})")
    return out


def _within(address: str, allowed: Networks) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    mapped = ip.ipv4_mapped if isinstance(ip, ipaddress.IPv6Address) else None
    return any(ip in net or (mapped is not None and mapped in net) for net in allowed)
