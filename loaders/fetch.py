"""Fetch a web page or feed over HTTP(S): address check, redirects, deadline, size cap, type.

Nothing here reads the network until :func:`fetch` is called; errors name the
URL as given. Redirects are followed here, one hop at a time, so every hop is
checked like the first: http or https only, and (unless private addresses are
allowed, see :mod:`loaders.addresses`) public addresses only. The connection
goes to the addresses that were checked. ``timeout`` bounds the whole fetch
(every hop, headers and body), not each read, so a server that drips a byte
at a time is cut off.
"""

from __future__ import annotations

import contextlib
import http.client
import re
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlunsplit

from graph.errors import InputError
from loaders.addresses import Networks, Resolved, resolve, split_url

DEFAULT_TIMEOUT = 20.0
MAX_REDIRECTS = 10
USER_AGENT = "sourcetrace/0.1 (+https://pypi.org/project/sourcetrace/)"
ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,"
    "application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"
)
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_UNSAFE = re.compile(r"[^\x21-\x7e]")  # what a request line cannot carry as it is

#: Content type -> what the page is read as.
KINDS: dict[str, str] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/plain": "text",
    "application/json": "json",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/jsonlines": "jsonl",
    "text/csv": "csv",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Fetched:
    """A fetched body with what we know about it."""

    url: str  # as asked for
    final_url: str  # after redirects
    content_type: str  # media type, lower case, no parameters
    charset: str | None
    data: bytes

    @property
    def kind(self) -> str:
        """How to read it: ``html``, ``feed``, ``xml``, ``text``, ``json``, ``jsonl``, ``csv``.

        >>> Fetched(url="u", final_url="u", content_type="text/html", charset=None, data=b"").kind
        'html'
        """
        return KINDS.get(self.content_type, "")


def is_url(item: str) -> bool:
    """Whether an input names a web address (http or https).

    >>> is_url("https://example.org/a"), is_url("HTTP://example.org"), is_url("news/a.txt")
    (True, True, False)
    """
    return item.lower().startswith(("http://", "https://"))


class _Connection(http.client.HTTPConnection):
    """An HTTP(S) connection to addresses checked beforehand (never re-resolved)."""

    def __init__(
        self, host: str, port: int, addresses: Resolved, tls: ssl.SSLContext | None, timeout: float
    ) -> None:
        super().__init__(host, port, timeout=timeout)
        self.addresses = addresses
        self.tls = tls
        self.raw: socket.socket | None = None

    def connect(self) -> None:
        error: OSError = OSError("no address to connect to")
        for family, sockaddr in self.addresses:
            sock = socket.socket(family, socket.SOCK_STREAM)
            self.raw = sock
            sock.settimeout(self.timeout)
            try:
                sock.connect(sockaddr)
            except OSError as e:
                sock.close()
                error = e
                continue
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self.sock = self.tls.wrap_socket(sock, server_hostname=self.host) if self.tls else sock
            return
        raise error

    def cut(self) -> None:
        """Stop whatever this connection is waiting for (called from the deadline timer)."""
        if self.raw is not None:
            with contextlib.suppress(OSError):
                self.raw.shutdown(socket.SHUT_RDWR)


@dataclass(slots=True)
class _Hop:
    status: int
    reason: str
    headers: http.client.HTTPMessage
    data: bytes


def fetch(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int,
    allow_private: bool | Networks = False,
) -> Fetched:
    """GET ``url`` (redirects followed and checked) and return its body.

    Raises InputError naming ``url`` when it (or a redirect) is not http(s) or
    points at a non-public address (unless ``allow_private`` is True or holds
    a network with the address, see :mod:`loaders.addresses`), when the server
    is unreachable, answers with an HTTP error, takes longer than ``timeout``
    seconds in all, sends a content type sourcetrace cannot read, or a body
    larger than ``max_bytes``.
    """
    deadline = time.monotonic() + timeout
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        hop = _get(url, current, deadline, timeout, max_bytes, allow_private)
        if hop.status in _REDIRECTS and hop.headers.get("Location"):
            target = urljoin(current, hop.headers["Location"].strip())
            try:
                split_url(target, url)
            except InputError as e:
                raise InputError(url, f"redirect to {target!r} refused: {e.reason}") from e
            current = target
            continue
        if not 200 <= hop.status < 300:
            raise InputError(url, f"HTTP error {hop.status} {hop.reason}")
        return Fetched(
            url=url,
            final_url=current,
            content_type=hop.headers.get_content_type().lower(),
            charset=hop.headers.get_content_charset(),
            data=hop.data,
        )
    raise InputError(url, f"HTTP error {hop.status}: too many redirects (over {MAX_REDIRECTS})")


def _resolve_by(
    deadline: float, timeout: float, host: str, port: int, allow: bool | Networks, url: str
) -> Resolved:
    """:func:`~loaders.addresses.resolve` in a thread, given up at the deadline (a
    name lookup cannot be interrupted, so a slow resolver is left to finish alone)."""
    box: list[Resolved | InputError] = []

    def run() -> None:
        try:
            box.append(resolve(host, port, allow_private=allow, where=url))
        except InputError as e:
            box.append(e)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(max(0.0, deadline - time.monotonic()))
    if not box:
        raise InputError(url, f"timed out after {timeout:g} s (looking up {host!r})")
    if isinstance(box[0], InputError):
        raise box[0]
    return box[0]


def _get(
    url: str,
    current: str,
    deadline: float,
    timeout: float,
    max_bytes: int,
    allow_private: bool | Networks,
) -> _Hop:
    """One request to ``current``; errors name ``url`` (the URL the user gave)."""
    parts = split_url(current, url)
    host = parts.hostname or ""
    tls = parts.scheme.lower() == "https"
    port = parts.port or (443 if tls else 80)
    shown = current if current == url else f"{current} (redirected from {url})"
    try:
        addresses = _resolve_by(deadline, timeout, host, port, allow_private, url)
    except InputError as e:
        if current == url:
            raise
        raise InputError(url, f"redirect to {current!r}: {e.reason}") from e
    left = deadline - time.monotonic()
    if left <= 0:
        raise InputError(url, f"timed out after {timeout:g} s")
    conn = _Connection(host, port, addresses, ssl.create_default_context() if tls else None, left)
    timer = threading.Timer(left, conn.cut)
    timer.daemon = True
    timer.start()
    connected = False
    try:
        conn.connect()
        connected = True
        path = urlunsplit(("", "", parts.path or "/", parts.query, ""))
        path = _UNSAFE.sub(
            lambda m: quote(m.group()), path
        )  # "/café story" -> "/caf%C3%A9%20story"
        conn.request("GET", path, headers={"User-Agent": USER_AGENT, "Accept": ACCEPT})
        response = conn.getresponse()
        headers = response.headers
        data = b""
        if 200 <= response.status < 300:
            content_type = headers.get_content_type().lower()
            if content_type not in KINDS:
                raise InputError(url, f"unsupported content type {content_type!r}")
            length = headers.get("Content-Length", "").strip()
            if length.isdigit() and int(length) > max_bytes:
                raise InputError(url, f"too big ({length} bytes; the limit is {max_bytes})")
            data = response.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise InputError(url, f"too big (over the limit of {max_bytes} bytes)")
        if time.monotonic() >= deadline:
            raise InputError(url, f"timed out after {timeout:g} s")
        return _Hop(status=response.status, reason=response.reason, headers=headers, data=data)
    except InputError:
        raise
    except (OSError, http.client.HTTPException, ValueError) as e:
        if time.monotonic() >= deadline or isinstance(e, TimeoutError):
            raise InputError(url, f"timed out after {timeout:g} s") from e
        if isinstance(e, ssl.SSLError | ssl.CertificateError):
            raise InputError(url, f"TLS error from {shown}: {e}") from e
        if not connected:
            raise InputError(url, f"cannot reach the server ({e})") from e
        raise InputError(url, f"cannot fetch {shown}: {e}") from e
    finally:
        timer.cancel()
        conn.close()
