"""One HTTP GET that keeps one deadline for the whole exchange and follows only safe redirects.

urllib's socket time-out bounds each read, so a server that sends a byte before it runs out (in
the status line, the headers, an endless stream of ``100 Continue``, a chunk-size line or the
body) could hold a request open for ever. Here every read first sets the socket's time-out to
what is left of one deadline, and fails once it has passed; connecting and the TLS handshake get
what is left too, and a redirect goes on against the same deadline. A redirect is followed only
to https on the same host (so never from https to http, to another scheme or to another host);
any other raises Refused, naming where it pointed. urllib still picks proxies from the usual
variables and verifies certificates. Imported only when a request is made.
"""

from __future__ import annotations

import functools
import http.client
import io
import time
import urllib.request
from urllib.parse import urljoin, urlsplit


class Refused(Exception):
    """A redirect that is not followed."""

    def __init__(self, code: int, target: str, reason: str) -> None:
        super().__init__(f"HTTP {code} redirects to {target}: {reason}")
        self.code, self.target, self.reason = code, target, reason


def opener(deadline: float) -> urllib.request.OpenerDirector:
    """A urllib opener whose every connection, read and redirect keeps ``deadline`` (monotonic)."""
    return urllib.request.build_opener(_HTTPHandler(deadline), _HTTPSHandler(deadline), _Redirects())


def refusal(source: str, target: str) -> str | None:
    """Why a redirect from ``source`` to ``target`` is not followed; None when it is (https, same host)."""
    try:
        before, after = urlsplit(source), urlsplit(target)
        after.port  # noqa: B018  (reading it checks the port)
    except ValueError:
        return "that is not an address"
    if after.scheme != "https":
        return "never from https to http" if before.scheme == "https" else "not an https address"
    if after.hostname != before.hostname:
        return "another host"
    if after.username is not None:
        return "it carries credentials"
    return None


def remaining(deadline: float) -> float:
    """Seconds left before ``deadline``; a TimeoutError once it has passed."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError("the deadline has passed")
    return left


class _Reader(io.RawIOBase):
    """The socket read against the deadline: each read may wait only for what is left of it."""

    def __init__(self, sock, deadline: float) -> None:
        super().__init__()
        self._sock, self._raw, self._deadline = sock, sock.makefile("rb", buffering=0), deadline

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        self._sock.settimeout(remaining(self._deadline))
        return self._raw.readinto(buffer)

    def close(self) -> None:
        self._raw.close()
        super().close()


class _Response(http.client.HTTPResponse):
    """A response whose status line, headers and body are all read through a _Reader."""

    def __init__(self, sock, *args, deadline: float, **kwargs) -> None:
        super().__init__(sock, *args, **kwargs)
        self.fp.close()
        self.fp = io.BufferedReader(_Reader(sock, deadline))


class _Deadline(http.client.HTTPConnection):
    """A connection that connects (and tunnels through a proxy) within what is left of ``deadline``."""

    deadline: float

    def connect(self) -> None:
        self.response_class = functools.partial(_Response, deadline=self.deadline)  # type: ignore[assignment]
        self.timeout = remaining(self.deadline)
        super().connect()
        self.sock.settimeout(remaining(self.deadline))  # also bounds an https handshake as a whole


class _HTTP(_Deadline):
    pass


class _HTTPS(http.client.HTTPSConnection, _HTTP):
    """TLS wraps the socket after _Deadline.connect, so the handshake gets only what is left."""


def _bound(cls: type, deadline: float):
    def make(*args, **kwargs):
        connection = cls(*args, **kwargs)
        connection.deadline = deadline
        return connection
    return make


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: float) -> None:
        super().__init__()
        self.deadline = deadline

    def http_open(self, req):
        return self.do_open(_bound(_HTTP, self.deadline), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: float) -> None:
        super().__init__()
        self.deadline = deadline

    def https_open(self, req):
        return self.do_open(_bound(_HTTPS, self.deadline), req,
                            context=self._context)  # type: ignore[attr-defined]  # urllib's own context


class _Redirects(urllib.request.HTTPRedirectHandler):
    """urllib's redirects, but only those ``refusal`` allows; any other raises Refused."""

    def http_error_302(self, req, fp, code, msg, headers):
        location = headers.get("location") or headers.get("uri")
        if location:
            target = urljoin(req.full_url, location)
            reason = refusal(req.full_url, target)
            if reason:
                fp.close()
                raise Refused(code, target, reason)
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302
