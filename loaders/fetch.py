"""Fetch a web page or feed over HTTP(S) with urllib: timeout, size cap, type check.

Nothing here reads the network until :func:`fetch` is called; errors name the URL.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message

from graph.errors import InputError

DEFAULT_TIMEOUT = 20.0
USER_AGENT = "sourcetrace/0.1 (+https://pypi.org/project/sourcetrace/)"

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


def fetch(url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int) -> Fetched:
    """GET ``url`` (redirects followed) and return its body.

    Raises InputError naming ``url`` when the server is unreachable or slow,
    answers with an HTTP error, sends a content type sourcetrace cannot read,
    or a body larger than ``max_bytes``.
    """
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
            "application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            headers: Message = response.headers
            content_type = headers.get_content_type().lower()
            if content_type not in KINDS:
                raise InputError(url, f"unsupported content type {content_type!r}")
            length = headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise InputError(url, f"too big ({length} bytes; the limit is {max_bytes})")
            data = response.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise InputError(url, f"too big (over the limit of {max_bytes} bytes)")
            return Fetched(
                url=url,
                final_url=response.geturl(),
                content_type=content_type,
                charset=headers.get_content_charset(),
                data=data,
            )
    except urllib.error.HTTPError as e:
        raise InputError(url, f"HTTP error {e.code} {e.reason}") from e
    except urllib.error.URLError as e:
        reason = e.reason
        if isinstance(reason, TimeoutError):
            raise InputError(url, f"timed out after {timeout:g} s") from e
        raise InputError(url, f"cannot reach the server ({reason})") from e
    except TimeoutError as e:
        raise InputError(url, f"timed out after {timeout:g} s") from e
    except (OSError, ValueError) as e:  # connection reset, bad URL, incomplete read
        raise InputError(url, f"cannot fetch: {e}") from e
