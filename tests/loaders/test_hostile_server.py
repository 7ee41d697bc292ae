"""A hostile HTTP server on 127.0.0.1: slow drips, redirects out of http(s), internal addresses."""

from __future__ import annotations

import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from graph.errors import InputError
from graph.model import Article
from loaders.addresses import ALLOW_PRIVATE_ENV, blocked_reason
from loaders.read import ReadOptions, read_inputs

if TYPE_CHECKING:  # the fixture's class, for annotations only
    from conftest import LocalServer

STORY = "The harbour master said the north quay would reopen on Friday."


def _only_error(url: str, options: ReadOptions | None = None) -> InputError:
    [error] = list(read_inputs([url], options))
    assert isinstance(error, InputError), error
    assert error.where == url
    return error


def test_body_dripped_one_byte_at_a_time_is_cut_off_by_the_whole_download_deadline(
    server: LocalServer,
) -> None:
    # Each byte comes well within the timeout: only a deadline for the whole
    # download (not one per read) stops this.
    url = server.add("/drip.txt", STORY, content_type="text/plain", drip=0.25)
    began = time.monotonic()
    error = _only_error(url, ReadOptions(timeout=1.0))
    took = time.monotonic() - began
    assert error.reason == "timed out after 1 s"
    assert took < 2.5, took


def test_name_lookup_that_hangs_is_cut_off_by_the_deadline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        time.sleep(3)  # a resolver that does not answer in time
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", slow)
    began = time.monotonic()
    error = _only_error("http://quay.example/story", ReadOptions(timeout=0.5))
    assert error.reason == "timed out after 0.5 s (looking up 'quay.example')"
    assert time.monotonic() - began < 2


@pytest.fixture
def header_dripper() -> Iterator[str]:
    """A raw server that sends its status line, then one header byte every 0.25 s."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        conn, _ = listener.accept()
        with conn:
            conn.recv(65536)
            conn.sendall(b"HTTP/1.1 200 OK\r\n")
            for byte in b"X-Padding: " + b"a" * 200:
                if stop.is_set():
                    return
                try:
                    conn.sendall(bytes([byte]))
                except OSError:
                    return
                time.sleep(0.25)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/story"
    finally:
        stop.set()
        listener.close()
        thread.join(timeout=5)


def test_headers_dripped_one_byte_at_a_time_are_cut_off_by_the_deadline(
    header_dripper: str,
) -> None:
    began = time.monotonic()
    error = _only_error(header_dripper, ReadOptions(timeout=1.0, allow_private_urls=True))
    assert error.reason == "timed out after 1 s"
    assert time.monotonic() - began < 2.5


@pytest.mark.parametrize(
    ("target", "scheme"),
    [
        ("ftp://files.example/story.txt", "ftp"),
        ("file:///etc/hostname", "file"),
        ("gopher://old.example/1", "gopher"),
        ("data:text/plain,planted", "data"),
    ],
)
def test_redirect_out_of_http_is_refused_and_not_followed(
    server: LocalServer, target: str, scheme: str
) -> None:
    url = server.add("/jump", status=302, location=target)
    error = _only_error(url)
    assert error.reason == (
        f"redirect to {target!r} refused: unsupported URL scheme {scheme!r} (only http and https)"
    )
    assert server.hits == ["/jump"]


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "127.0.0.2",
        "localhost",
        "[::1]",
        "10.0.0.1",
        "192.168.1.1",
        "172.16.0.5",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "[::ffff:127.0.0.1]",
        "[fe80::1]",
        "224.0.0.1",
        "2130706433",  # 127.0.0.1 written as one number
    ],
)
def test_guard_refuses_internal_addresses_without_connecting(
    server: LocalServer, monkeypatch: pytest.MonkeyPatch, host: str
) -> None:
    monkeypatch.delenv(ALLOW_PRIVATE_ENV)  # the guard as it is by default
    server.add("/story.txt", STORY, content_type="text/plain")
    url = f"http://{host}:{server.port}/story.txt"
    began = time.monotonic()
    error = _only_error(url)
    assert error.reason.startswith("refused: "), error.reason
    assert " is a" in error.reason and ALLOW_PRIVATE_ENV in error.reason
    assert time.monotonic() - began < 1.0  # refused before any connection attempt
    assert server.hits == []


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.2:{port}/story.txt",
        "http://[::1]:{port}/story.txt",
        "http://10.1.2.3/admin",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::ffff:10.0.0.1]/",
    ],
)
def test_redirect_to_an_internal_address_is_refused_while_the_guard_is_on(
    server: LocalServer, monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    # Only the test server's own address is trusted: every other internal
    # address stays refused, also when a redirect points there.
    monkeypatch.setenv(ALLOW_PRIVATE_ENV, "127.0.0.1/32")
    server.add("/story.txt", STORY, content_type="text/plain")
    location = target.format(port=server.port)
    url = server.add("/jump", status=307, location=location)
    error = _only_error(url)
    assert error.reason.startswith(f"redirect to {location!r}: refused: "), error.reason
    assert server.hits == ["/jump"]


def test_allowed_network_is_fetched_and_redirects_within_it_followed(
    server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ALLOW_PRIVATE_ENV, "127.0.0.0/8")
    server.add("/story.txt", STORY, content_type="text/plain")
    url = server.add("/jump", status=301, location="/story.txt")
    [article] = list(read_inputs([url]))
    assert isinstance(article, Article) and article.text == STORY


def test_bad_allow_private_setting_is_one_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ALLOW_PRIVATE_ENV, "maybe")
    [error] = list(read_inputs(["https://example.org/a"]))
    assert isinstance(error, InputError) and error.where == ALLOW_PRIVATE_ENV


def test_feed_links_to_internal_pages_are_not_fetched_while_the_guard_is_on(
    server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ALLOW_PRIVATE_ENV, "127.0.0.1/32")
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Quay Wire</title>'
        "<item><title>A</title><link>http://169.254.169.254/latest/meta-data/</link>"
        "<description>Pilots said the fog lifted over the quay.</description></item>"
        "</channel></rss>"
    )
    url = server.add("/feed.rss", feed, content_type="application/rss+xml")
    error, article = list(read_inputs([url], ReadOptions(fetch_linked=True)))
    assert isinstance(error, InputError) and "refused: 169.254.169.254" in error.reason
    assert isinstance(article, Article) and article.text.startswith("Pilots said")


@pytest.mark.parametrize(
    ("address", "why"),
    [
        ("8.8.8.8", None),
        ("2001:4860:4860::8888", None),
        ("127.0.0.1", "a loopback address"),
        ("::1", "a loopback address"),
        ("10.9.8.7", "a private address"),
        ("fd00::1", "a private address"),
        ("169.254.1.1", "a link-local address"),
        ("ff02::1", "a multicast address"),
        ("100.64.0.1", "a non-public address"),
        ("::ffff:10.0.0.1", "a private address"),
        ("2002:7f00:1::", "a loopback address"),  # 6to4 around 127.0.0.1
        ("240.0.0.1", "a reserved address"),
    ],
)
def test_every_kind_of_internal_address_is_named(address: str, why: str | None) -> None:
    assert blocked_reason(address) == why


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """An HTTPS server on 127.0.0.1 with a self-signed certificate for that address."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = STORY.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    httpd.socket = ctx.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{httpd.server_address[1]}/story.txt", cert
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def test_https_is_fetched_from_the_checked_address_with_its_certificate_verified(
    tls_server: tuple[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, cert = tls_server
    options = ReadOptions(allow_private_urls=True, timeout=5)
    error = _only_error(url, options)
    assert error.reason.startswith(f"TLS error from {url}: ")
    assert "CERTIFICATE_VERIFY_FAILED" in error.reason
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # now the certificate is trusted
    [article] = list(read_inputs([url], options))
    assert isinstance(article, Article) and article.text == STORY
