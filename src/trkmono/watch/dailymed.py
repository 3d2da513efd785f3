"""DailyMed's SPL version-history service: which versions of a US label exist, newest first.

``history(base, set_id, timeout)`` asks ``GET {base}/services/v2/spls/{SETID}/history.json`` with
the standard library's urllib (no extra dependency for one GET a label; it honours the usual proxy
variables), through ``transport``: one deadline for the whole exchange, redirects followed only to
https on the same host. It reads the documented JSON strictly: ``data.history`` is a list of
``spl_version`` (a positive integer, or one written in ASCII digits) and ``published_date`` ("Mon
DD, YYYY"). Every failure - a malformed set id, nothing listening, an HTTP error, a redirect not
followed, no complete answer within the time-out, an answer that is not that JSON or has no
history - is a ServiceError (exit 3) naming the address (credentials in it shown as ``***``) and
the reason. urllib (and socket) are imported only when a request is made, so no other command loads them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from urllib.parse import unquote, urlsplit, urlunsplit
from dataclasses import dataclass
from typing import Any

from trkmono import __version__
from trkmono.errors import ServiceError, UsageError, printable

DEFAULT_BASE = "https://dailymed.nlm.nih.gov/dailymed"
BASE_ENV = "TRKMONO_DAILYMED_URL"
DEFAULT_TIMEOUT = 10.0
"""Seconds a request may take, from connecting to the last byte of the answer."""
TIMEOUT_ENV = "TRKMONO_DAILYMED_TIMEOUT"
MAX_BYTES = 1024 * 1024
"""Largest answer read; a version history is a few kilobytes."""
MAX_VERSION = 999_999_999
"""Largest spl_version believed; a label has had a few dozen at most."""

SET_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_VERSION = re.compile(r"[1-9][0-9]{0,8}")
_DATE = re.compile(r"([A-Z][a-z]{2}) ([0-9]{1,2}), ([0-9]{4})")
_CREDENTIALS = re.compile(r"(?<=://)[^/?#]*@")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Version:
    """One published version of a label."""

    number: int
    published: str
    """The publication date as YYYY-MM-DD."""


@dataclass(frozen=True)
class History:
    """A label's versions as the service lists them, newest first (never empty)."""

    set_id: str
    address: str
    title: str | None
    versions: list[Version]

    @property
    def newest(self) -> Version:
        """The label's current version."""
        return self.versions[0]


def base_address(text: str) -> str:
    """The service's base address without a trailing slash; anything but an http(s) address with a
    host is a usage error (exit 2)."""
    where = f"the DailyMed address '{printable(shown_address(text))}' (--dailymed-url or {BASE_ENV})"
    if any(c.isspace() or not c.isprintable() for c in text):
        raise UsageError(f"{where} contains spaces or control characters")
    if not text.isascii():
        raise UsageError(f"{where} contains characters that are not ASCII: give the host name in its "
                         "ASCII form (xn--...) and percent-encode the path")
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018  (reading it checks the port)
    except ValueError as exc:
        raise UsageError(f"{where} is not an address: {exc}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(f"{where} must be an http:// or https:// address with a host, e.g. {DEFAULT_BASE}")
    if parts.query or parts.fragment:
        raise UsageError(f"{where} must not carry a query or a fragment")
    return text.rstrip("/")


def shown_address(address: str) -> str:
    """The address as it may be shown: credentials in it (``user:password@``) become ``***@``."""
    return _CREDENTIALS.sub("***@", address, count=1)


def history_address(base: str, set_id: str) -> str:
    """Where the version history of one label is asked for."""
    return f"{base}/services/v2/spls/{set_id}/history.json"


def history(base: str, set_id: str, timeout: float = DEFAULT_TIMEOUT) -> History:
    """The label's versions, newest first; a ServiceError when they cannot be had."""
    address = history_address(base, set_id)
    if not SET_ID.match(set_id):
        raise _failure(address, f"'{set_id}' is not an SPL set id (a lower-case UUID)")
    return parse(_get(address, timeout), set_id, address)


def _get(address: str, timeout: float) -> bytes:
    """The body of a successful GET, the whole exchange (redirects included) within ``timeout`` seconds."""
    import http.client
    import urllib.error

    from trkmono.watch import transport
    deadline = time.monotonic() + timeout
    try:
        with transport.opener(deadline).open(_request(address), timeout=timeout) as response:
            return _read(response, address)
    except transport.Refused as exc:
        raise _failure(address, f"HTTP {exc.code} redirects to {printable(shown_address(exc.target))}, "
                                f"not followed ({exc.reason}; redirects are followed only to https "
                                "on the same host)") from None
    except urllib.error.HTTPError as exc:
        exc.close()
        hint = " (no label with this set id there?)" if exc.code == 404 else ""
        raise _failure(address, f"HTTP {exc.code} {exc.reason}{hint}") from None
    except urllib.error.URLError as exc:
        raise _failure(address, _reason(exc.reason, timeout)) from None
    except OSError as exc:
        raise _failure(address, _reason(exc, timeout)) from None
    except (http.client.HTTPException, ValueError) as exc:
        raise _failure(address, f"the answer broke off or is not HTTP ({type(exc).__name__})") from None


def _request(address: str):
    """The GET for an address; credentials in it are sent as HTTP Basic authentication."""
    import urllib.request
    headers = {"Accept": "application/json", "User-Agent": f"trkmono/{__version__}"}
    parts = urlsplit(address)
    if parts.username is not None:
        user_password = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
        import base64
        headers["Authorization"] = "Basic " + base64.b64encode(user_password.encode()).decode("ascii")
        address = urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))
    return urllib.request.Request(address, headers=headers)


def _read(response, address: str) -> bytes:
    """The whole body, piece by piece (the transport keeps the deadline of every read)."""
    body = bytearray()
    while piece := response.read1(64 * 1024):
        body += piece
        if len(body) > MAX_BYTES:
            raise _failure(address, f"the answer is larger than {MAX_BYTES // 1024} KiB")
    return bytes(body)


def _reason(reason: object, timeout: float) -> str:
    """Why a connection failed, in words."""
    if isinstance(reason, TimeoutError):
        return f"no complete answer within {timeout:g} s"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused (nothing is listening there)"
    import socket
    if isinstance(reason, socket.gaierror):
        return f"the host name could not be resolved ({reason.strerror or reason})"
    if isinstance(reason, OSError):
        return reason.strerror or str(reason) or type(reason).__name__
    return str(reason)


def parse(body: bytes, set_id: str, address: str) -> History:
    """The documented history JSON to a History; anything else is a ServiceError."""
    try:
        document = json.loads(body, parse_int=_json_int)
    except ValueError:
        raise _failure(address, "the answer is not JSON") from None
    except RecursionError:
        raise _failure(address, "the answer is nested too deeply to read") from None
    data: Any = document.get("data") if isinstance(document, dict) else None
    entries = data.get("history") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise _failure(address, "the answer holds no version history (data.history is missing or empty)")
    spl = data.get("spl") if isinstance(data.get("spl"), dict) else {}
    answered = spl.get("setid")
    if isinstance(answered, str) and answered.lower() != set_id:
        raise _failure(address, f"the answer is about set id '{answered}', not '{set_id}'")
    title = spl.get("title") if isinstance(spl.get("title"), str) else None
    versions = sorted((_version(entry, address) for entry in entries), key=lambda v: v.number, reverse=True)
    return History(set_id, shown_address(address), printable(title) if title else None, versions)


def _json_int(digits: str) -> int | str:
    """A JSON integer; one too long to be a version stays text (Python refuses ints of 4,300 digits)."""
    return int(digits) if len(digits) <= 18 else digits


def _version(entry: Any, address: str) -> Version:
    """One history entry; its version is an integer from 1 to MAX_VERSION, or one in ASCII digits."""
    number = entry.get("spl_version") if isinstance(entry, dict) else None
    if isinstance(number, str) and _VERSION.fullmatch(number):
        number = int(number)
    if type(number) is not int or not 1 <= number <= MAX_VERSION:
        raise _failure(address, f"a history entry has no positive spl_version: {_shown(entry)}")
    return Version(number, _iso_date(entry.get("published_date"), address))


def _iso_date(text: object, address: str) -> str:
    """'May 02, 2019' -> '2019-05-02' (month names in English whatever the locale)."""
    found = _DATE.fullmatch(text) if isinstance(text, str) else None
    try:
        if found is None:
            raise ValueError
        return dt.date(int(found[3]), _MONTHS.index(found[1]) + 1, int(found[2])).isoformat()
    except ValueError:
        raise _failure(address, f"published_date {_shown(text)} is not a date like 'May 02, 2019'") from None


def _shown(value: object) -> str:
    """A value of the answer as JSON, at most 80 characters, whatever its depth or size."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (RecursionError, ValueError):
        text = f"a {type(value).__name__} nested too deeply to show"
    return text if len(text) <= 80 else text[:77] + "..."


def _failure(address: str, reason: str) -> ServiceError:
    return ServiceError(f"DailyMed at {shown_address(address)}: {reason}")
