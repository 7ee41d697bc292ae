"""Which web addresses sourcetrace agrees to fetch: the URL half of the input-safety layer.

Only ``http`` and ``https`` are fetched. Unless private addresses are allowed
(``allow_private=True``, ``$SOURCETRACE_ALLOW_PRIVATE_URLS=1`` or the CLI's
``--allow-private-urls``), every address a host name resolves to must be a
public one: loopback, private, link-local, carrier-grade NAT, multicast,
reserved and unspecified addresses are refused, also when they hide inside an
IPv6 address (``::ffff:127.0.0.1``, 6to4, Teredo). :func:`resolve` returns the
addresses it checked, and :mod:`loaders.fetch` connects to exactly those, so a
name cannot resolve to a public address for the check and a private one for
the connection.

>>> blocked_reason("127.0.0.1"), blocked_reason("10.1.2.3"), blocked_reason("169.254.169.254")
('a loopback address', 'a private address', 'a link-local address')
>>> blocked_reason("::ffff:192.168.0.1"), blocked_reason("93.184.215.14") is None
('a private address', True)
"""

from __future__ import annotations

import ipaddress
import os
import socket
from urllib.parse import SplitResult, urlsplit

from graph.errors import InputError

ALLOW_PRIVATE_ENV = "SOURCETRACE_ALLOW_PRIVATE_URLS"
SCHEMES = ("http", "https")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
#: (family, socket address) pairs that a checked host name resolved to.
Resolved = list[tuple[socket.AddressFamily, tuple[str, int] | tuple[str, int, int, int]]]


def private_allowed_by_env() -> bool:
    """Whether ``$SOURCETRACE_ALLOW_PRIVATE_URLS`` opts in to private addresses
    (``1``, ``true``, ``yes`` or ``on``; off by default)."""
    return os.environ.get(ALLOW_PRIVATE_ENV, "").strip().lower() in ("1", "true", "yes", "on")


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
        (ip.is_private, "a private address"),
        (ip.is_reserved, "a reserved address"),
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


def resolve(host: str, port: int, *, allow_private: bool, where: str) -> Resolved:
    """Every address ``host`` resolves to, each checked; InputError when the name
    does not resolve or (unless ``allow_private``) any address is not public."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as e:
        raise InputError(where, f"cannot reach the server (cannot resolve {host!r}: {e})") from e
    out: Resolved = []
    for family, _, _, _, sockaddr in infos:
        if family not in (socket.AF_INET, socket.AF_INET6):
            continue
        if not allow_private:
            why = blocked_reason(str(sockaddr[0]))
            if why is not None:
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
