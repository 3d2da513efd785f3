"""trkmono labels against a real HTTP server on loopback, and proof that no other command uses the network.

The server answers DailyMed's documented version-history format for fictional set ids; the fixture
monographs in tests/fixtures/labels record those set ids and versions. Also validate's checks of the
label records (set id, version, neither version nor revision date).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import FIXTURES, REPO

LABELS = FIXTURES / "labels"
ALPHA_NEW = "aaaaaaaa-1111-4111-8111-000000000001"
"""Alphra's label: alphatinib records version 4 (10 claims), betatinib's co-pack reference too (2 claims)."""
ALPHA_OLD = "aaaaaaaa-1111-4111-8111-000000000002"
"""The first sponsor's Alphra label: alphatinib records version 2 (2 claims)."""
BETA = "bbbbbbbb-2222-4222-8222-000000000003"
"""Betra's label: betatinib records the set id but no version."""
NO_PROXY = {"NO_PROXY": "*", "no_proxy": "*"}
"""Loopback requests go straight to the test server even where a proxy is configured."""
HISTORY_PATH = re.compile(r"^(?P<prefix>.*)/services/v2/spls/(?P<set_id>[^/]+)/history\.json$")


def history_json(set_id: str, versions: list[tuple[int, str]]) -> bytes:
    """The documented answer, newest version first."""
    return json.dumps({
        "data": {"spl": {"title": f"FICTIONAL LABEL {set_id}", "setid": set_id},
                 "history": [{"spl_version": v, "published_date": d} for v, d in versions]},
        "metadata": {"db_published_date": "Nov 28, 2026 05:41:50PM EST", "elements_per_page": 100,
                     "next_page_url": "null", "total_elements": len(versions), "total_pages": 1,
                     "current_page": 1, "previous_page": "null", "previous_page_url": "null",
                     "next_page": "null"},
    }).encode()


class FakeDailyMed:
    """A loopback HTTP server that answers history requests as the test sets it up and counts them."""

    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self.requests: list[str] = []
        self.histories: dict[str, list[tuple[int, str]]] = {}
        self.reply: tuple[int, bytes] | None = None
        """When set, every request gets this status and body instead of a history."""
        self.trickle = False
        """When set, every request gets a body one byte at a time, a byte every 0.1 s."""
        self.location: str | None = None
        """When set, every request is redirected there (HTTP 302); '{path}' in it becomes the path asked."""
        self.authorizations: list[str | None] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path = urlsplit(self.path).path  # also the absolute form a proxied request uses
                fake.requests.append(path)
                fake.authorizations.append(self.headers.get("Authorization"))
                if fake.trickle:
                    return self._trickle()
                if fake.location:
                    return self._redirect()
                status, body = fake.answer(path)
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _trickle(self) -> None:
                self.send_response(200)
                self.send_header("Content-Length", "1000")
                self.end_headers()
                try:
                    for _ in range(1000):
                        self.wfile.write(b" ")
                        self.wfile.flush()
                        time.sleep(0.1)
                except OSError:  # the client gave up, as it should
                    pass

            def _redirect(self) -> None:
                self.send_response(302)
                self.send_header("Location", fake.location.replace("{path}", urlsplit(self.path).path))
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        if tls:
            self.server.socket = tls.wrap_socket(self.server.socket, server_side=True)
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.server.server_address[1]}"

    def answer(self, path: str) -> tuple[int, bytes]:
        if self.reply is not None:
            return self.reply
        found = HISTORY_PATH.match(path)
        if found and found["set_id"] in self.histories:
            return 200, history_json(found["set_id"], self.histories[found["set_id"]])
        return 404, b'{"error": "not found"}'


@contextmanager
def serving(fake: FakeDailyMed) -> Iterator[FakeDailyMed]:
    thread = threading.Thread(target=fake.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield fake
    fake.server.shutdown()
    fake.server.server_close()


@pytest.fixture
def dailymed():
    with serving(FakeDailyMed()) as fake:
        yield fake


@pytest.fixture
def labels(cli, dailymed):
    """Run `trkmono labels` against the fake service with the fixture monographs (or another folder)."""
    def run(*args: str, folder: Path = LABELS, env: dict[str, str] | None = None):
        return cli("labels", "--data-dir", str(folder), "--dailymed-url", dailymed.url, *args,
                   env={**NO_PROXY, **(env or {})})
    return run


@pytest.fixture
def alpha_only(tmp_path: Path) -> Path:
    """A folder with alphatinib alone: two labels, versions 4 and 2 recorded."""
    shutil.copy(LABELS / "alphatinib.yaml", tmp_path)
    return tmp_path


def serve_current(dailymed: FakeDailyMed) -> None:
    dailymed.histories = {ALPHA_NEW: [(4, "Mar 15, 2024"), (3, "Jan 02, 2023")],
                          ALPHA_OLD: [(2, "May 02, 2019"), (1, "Dec 06, 2018")],
                          BETA: [(7, "Jun 30, 2025"), (6, "Jan 10, 2024")]}


def test_every_label_current_exits_0_with_what_rests_on_each(labels, dailymed, alpha_only):
    serve_current(dailymed)
    result = labels(folder=alpha_only)
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert f"alphatinib · SPL set id {ALPHA_NEW}" in out
    assert f"FICTIONAL LABEL {ALPHA_NEW}" in out
    assert "CURRENT" in out and "NEWER" not in out
    assert "Recorded: version 4 · DailyMed's newest: version 4, published 2024-03-15" in out
    assert "Cited by alphatinib as 'alpha-label' (version 4): 10 claim(s)" in out
    assert "Cited by alphatinib as 'alpha-old-label' (version 2): 2 claim(s)" in out
    assert "2 label(s): 2 current." in out
    assert "not medical advice" in out
    assert result.stderr == ""
    assert sorted(dailymed.requests) == [f"/services/v2/spls/{ALPHA_NEW}/history.json",
                                         f"/services/v2/spls/{ALPHA_OLD}/history.json"]


def test_newer_version_exits_1_and_says_which_label_moved_on(labels, dailymed):
    serve_current(dailymed)
    dailymed.histories[ALPHA_NEW] = [(5, "Apr 10, 2025"), (4, "Mar 15, 2024")]
    result = labels()
    assert result.exit_code == 1
    out = " ".join(result.stdout.split())
    assert f"alphatinib, betatinib · SPL set id {ALPHA_NEW}" in out
    assert "NEWER VERSION DailyMed lists version 5" in out
    assert "Recorded: version 4 · DailyMed's newest: version 5, published 2025-04-10" in out
    assert "Cited by betatinib as 'alphra-copack-label' (version 4): 2 claim(s)" in out
    assert "NO VERSION RECORDED" in out and "record it as spl_version" in out
    assert "Recorded: no version · DailyMed's newest: version 7, published 2025-06-30" in out
    assert result.stderr == ("trkmono: labels to review: 3 label(s): 1 with a newer version, "
                             "1 recording no version, 1 current\n")
    assert len(dailymed.requests) == 3, "one request a label, however many monographs cite it"


def test_labels_has_the_shape_of_every_read_command_markdown_included(labels, dailymed, alpha_only):
    serve_current(dailymed)
    result = labels("--format", "markdown", folder=alpha_only)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# US labels compared with DailyMed")
    assert f"- **alphatinib** · SPL set id `{ALPHA_NEW}`\n" in result.stdout
    assert "Recorded: version 4 · DailyMed's newest: version 4, published 2024-03-15" in result.stdout
    assert "not medical advice" in result.stdout.splitlines()[-1]


def test_markdown_says_what_the_terminal_says_of_each_label(labels, dailymed, alpha_only):
    """One document for both: the status explained and the claims resting on the label, on a page too."""
    serve_current(dailymed)
    page = labels("--format", "markdown", folder=alpha_only).stdout
    text = " ".join(labels(folder=alpha_only).stdout.split())
    for said in ("**CURRENT** every reference to it records DailyMed's newest version.",
                 "Cited by alphatinib as 'alpha-label' (version 4): 10 claim(s)"):
        assert said in page and said.replace("**", "") in text


def test_json_carries_the_same_in_the_envelope(labels, dailymed):
    serve_current(dailymed)
    dailymed.histories[ALPHA_NEW] = [(5, "Apr 10, 2025"), (4, "Mar 15, 2024")]
    result = labels("--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["kind"] == "labels" and data["format_version"] == 1 and "notice" in data
    assert data["service"] == dailymed.url
    by_id = {label["set_id"]: label for label in data["labels"]}
    assert by_id[ALPHA_NEW] == {
        "set_id": ALPHA_NEW, "drugs": ["alphatinib", "betatinib"], "title": f"FICTIONAL LABEL {ALPHA_NEW}",
        "status": "newer", "recorded_versions": [4], "baseline_version": None, "current_version": 5, "published": "2025-04-10",
        "address": f"{dailymed.url}/services/v2/spls/{ALPHA_NEW}/history.json",
        "cited_by": [{"drug": "alphatinib", "reference": "alpha-label", "recorded_version": 4, "claims": 10},
                     {"drug": "betatinib", "reference": "alphra-copack-label", "recorded_version": 4,
                      "claims": 2}]}
    assert by_id[ALPHA_OLD]["status"] == "current"
    assert by_id[BETA]["status"] == "unrecorded" and by_id[BETA]["recorded_versions"] == [None]
    assert data["summary"] == {"newer": 1, "unlisted": 0, "unrecorded": 1, "current": 1}
    assert labels("--format", "json").stdout == result.stdout


def test_a_recorded_version_above_the_newest_listed_exits_1(labels, dailymed, alpha_only):
    serve_current(dailymed)
    dailymed.histories[ALPHA_NEW] = [(3, "Jan 02, 2023")]
    result = labels("--json", folder=alpha_only)
    assert result.exit_code == 1
    assert [label["status"] for label in json.loads(result.stdout)["labels"]] == ["unlisted", "current"]
    assert "CHECK RECORD" in labels(folder=alpha_only).stdout


def test_a_mirror_with_a_path_is_asked_below_its_path(labels, dailymed, alpha_only, cli):
    serve_current(dailymed)
    result = cli("labels", "--data-dir", str(alpha_only), "--quiet",
                 env={**NO_PROXY, "TRKMONO_DAILYMED_URL": dailymed.url + "/mirror/dailymed/"})
    assert result.exit_code == 0, result.output
    assert f"/mirror/dailymed/services/v2/spls/{ALPHA_NEW}/history.json" in dailymed.requests


def test_a_library_without_us_label_records_asks_nothing(labels, dailymed, tmp_path):
    text = (LABELS / "alphatinib.yaml").read_text(encoding="utf-8")
    (tmp_path / "alphatinib.yaml").write_text(re.sub(r"\n    spl_set_id: .*", "", text), encoding="utf-8")
    result = labels(folder=tmp_path)
    assert result.exit_code == 0
    assert "nothing to check" in result.stdout
    assert dailymed.requests == []


@pytest.mark.parametrize(("status", "body", "reason"), [
    (500, b"<html>Internal Server Error</html>", "HTTP 500 Internal Server Error"),
    (404, b'{"error": "not found"}', "HTTP 404 Not Found (no label with this set id there?)"),
    (200, b"<html>maintenance</html>", "the answer is not JSON"),
    (200, b'{"data": {"spl": {}}, "metadata": {}}', "no version history"),
    (200, b'{"data": {"history": []}}', "no version history"),
    (200, b'{"data": {"history": [{"spl_version": 0, "published_date": "May 02, 2019"}]}}',
     "no positive spl_version"),
    (200, b'{"data": {"history": [{"spl_version": 3, "published_date": "2019-05-02"}]}}',
     "is not a date like 'May 02, 2019'"),
    (200, b" " * (1024 * 1024 + 1), "larger than 1024 KiB"),
])
def test_an_unusable_answer_exits_3_naming_the_address_and_the_reason(labels, dailymed, alpha_only,
                                                                       status, body, reason):
    dailymed.reply = (status, body)
    result = labels(folder=alpha_only)
    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr.startswith(f"trkmono: DailyMed at {dailymed.url}/services/v2/spls/")
    assert reason in result.stderr
    assert "Traceback" not in result.output


def test_service_failure_with_json_is_an_error_envelope(labels, dailymed, alpha_only):
    dailymed.reply = (500, b"")
    result = labels("--json", folder=alpha_only)
    assert result.exit_code == 3
    error = json.loads(result.stdout)["error"]
    assert error["exit_code"] == 3 and error["type"] == "ServiceError" and "HTTP 500" in error["message"]


@pytest.fixture
def silent_server():
    """A port that accepts connections (the kernel completes them) and never answers."""
    server = socket.create_server(("127.0.0.1", 0))
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
    server.close()


@pytest.mark.slow
def test_a_server_that_never_answers_times_out_and_exits_3(cli, silent_server, alpha_only):
    result = cli("labels", "--data-dir", str(alpha_only), "--dailymed-url", silent_server,
                 env={**NO_PROXY, "TRKMONO_DAILYMED_TIMEOUT": "0.5"})
    assert result.exit_code == 3
    assert f"DailyMed at {silent_server}/services/v2/spls/" in result.stderr
    assert "no complete answer within 0.5 s" in result.stderr


@pytest.mark.slow
def test_a_server_that_trickles_cannot_outlast_the_time_out(labels, dailymed, alpha_only):
    dailymed.trickle = True
    result = labels("--timeout", "0.5", folder=alpha_only)
    assert result.exit_code == 3
    assert "no complete answer within 0.5 s" in result.stderr


def test_nothing_listening_exits_3(cli, alpha_only):
    with socket.create_server(("127.0.0.1", 0)) as probe:
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}"
    result = cli("labels", "--data-dir", str(alpha_only), "--dailymed-url", closed, env=NO_PROXY)
    assert result.exit_code == 3
    assert f"DailyMed at {closed}/services/v2/spls/{ALPHA_NEW}/history.json: connection refused" in result.stderr


@pytest.mark.parametrize("address", ["dailymed.nlm.nih.gov", "ftp://dailymed.nlm.nih.gov", "http://",
                                     "http://host:port", "https://host/dm?x=1", "https://host/ dm"])
def test_a_malformed_address_is_a_usage_error(cli, dailymed, alpha_only, address):
    for result in (cli("labels", "--data-dir", str(alpha_only), "--dailymed-url", address),
                   cli("labels", "--data-dir", str(alpha_only), env={"TRKMONO_DAILYMED_URL": address})):
        assert result.exit_code == 2
        assert "the DailyMed address" in result.stderr and "TRKMONO_DAILYMED_URL" in result.stderr
    assert dailymed.requests == []


@pytest.mark.parametrize("value", ["0", "-1", "soon"])
def test_an_impossible_time_out_is_a_usage_error(cli, alpha_only, value):
    assert cli("labels", "--data-dir", str(alpha_only), "--timeout", value).exit_code == 2
    assert cli("labels", "--data-dir", str(alpha_only), env={"TRKMONO_DAILYMED_TIMEOUT": value}).exit_code == 2


def test_help_names_the_default_service_and_has_an_example(cli):
    out = " ".join(cli("labels", "--help").stdout.split())
    assert "https://dailymed.nlm.nih.gov/dailymed" in out
    assert "TRKMONO_DAILYMED_URL" in out and "TRKMONO_DAILYMED_TIMEOUT" in out
    assert "Example: trkmono labels" in out


@pytest.mark.slow
def test_no_other_command_makes_a_request(dailymed):
    """show, list, compare and validate run with the service and every proxy variable pointing at the
    counting server: it receives nothing. labels, run the same way, reaches it (the counter works)."""
    serve_current(dailymed)
    env = {key: value for key, value in os.environ.items() if "proxy" not in key.lower()}
    env.update({"TRKMONO_DAILYMED_URL": dailymed.url, "TRKMONO_DATA_DIR": str(LABELS), "NO_COLOR": "1",
                **{name: dailymed.url for name in ("http_proxy", "https_proxy", "all_proxy",
                                                   "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY")}})

    def trkmono(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "trkmono", *args], env=env, cwd=REPO,
                              capture_output=True, text=True)

    for args in (["show", "alphatinib"], ["list"], ["compare", "alphatinib", "betatinib"],
                 ["validate"], ["validate", str(LABELS)], ["show", "betatinib", "--json"]):
        done = trkmono(*args)
        assert done.returncode == 0, (args, done.stderr)
    assert dailymed.requests == []
    assert trkmono("labels").returncode == 1
    assert len(dailymed.requests) == 3


HOSTILE_FOR = 4.0
"""How long a hostile server keeps a connection going: a client that waits on each byte runs that long."""
MARGIN = 1.5
"""Seconds beyond --timeout a run may take (starting the command, a shared machine)."""


def forever(*pieces: bytes) -> Iterator[bytes]:
    """The pieces once each, then the last one again and again."""
    yield from pieces
    while True:
        yield pieces[-1]


HOSTILE = {
    "drips the status line and headers": lambda: forever(*(bytes([b]) for b in b"HTTP/1.1 200 OK\r\nX-Slow: "),
                                                         b"a"),
    "streams 100 Continue": lambda: forever(b"HTTP/1.1 100 Continue\r\n\r\n"),
    "never ends a chunk-size line": lambda: forever(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", b"0"),
    "drips an FTP greeting": lambda: forever(b"2", b"2", b"0", b"-", b"x"),
}


@pytest.fixture
def hostile():
    """A loopback port whose every connection gets the pieces of ``hostile.script()``, one every
    0.05 s, for HOSTILE_FOR seconds at most (whatever it was asked), then a hang-up."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.05)
    stop = threading.Event()

    class Hostile:
        url = f"127.0.0.1:{server.getsockname()[1]}"
        script = None

    def talk(conn: socket.socket) -> None:
        ends = time.monotonic() + HOSTILE_FOR
        with conn:
            for piece in Hostile.script():
                if stop.is_set() or time.monotonic() > ends:
                    return
                try:
                    conn.sendall(piece)
                except OSError:  # the client gave up, as it should
                    return
                time.sleep(0.05)

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            threading.Thread(target=talk, args=(conn,), daemon=True).start()

    threading.Thread(target=serve, daemon=True).start()
    yield Hostile
    stop.set()
    server.close()


@pytest.mark.parametrize("behaviour", HOSTILE)
def test_a_server_that_keeps_sending_cannot_outlast_the_time_out(labels, dailymed, hostile, alpha_only,
                                                                   cli, behaviour):
    """Each byte comes well within the time-out, so only one deadline for the whole exchange ends it;
    the FTP server is reached only by a redirect to another scheme, which is not followed."""
    hostile.script = HOSTILE[behaviour]
    if "FTP" in behaviour:
        dailymed.location = f"ftp://{hostile.url}/history.json"
        run = lambda: labels("--timeout", "0.5", folder=alpha_only)  # noqa: E731
    else:
        run = lambda: cli("labels", "--data-dir", str(alpha_only), "--dailymed-url",  # noqa: E731
                          f"http://{hostile.url}", "--timeout", "0.5", env=NO_PROXY)
    started = time.monotonic()
    result = run()
    assert time.monotonic() - started < 0.5 + MARGIN, result.stderr
    assert result.exit_code == 3 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("trkmono: DailyMed at ")
    assert "internal error" not in result.stderr


@pytest.mark.parametrize(("location", "reason"), [
    ("http://localhost:{port}/elsewhere", "not an https address"),
    ("https://localhost:{port}/elsewhere", "another host"),
    ("/moved/history.json", "not an https address"),
    ("gopher://127.0.0.1:{port}/", "not an https address"),
])
def test_a_redirect_is_followed_only_to_https_on_the_same_host(labels, dailymed, alpha_only, location, reason):
    serve_current(dailymed)
    target = location.format(port=dailymed.url.rsplit(":", 1)[1])
    dailymed.location = target
    result = labels(folder=alpha_only)
    assert result.exit_code == 3 and result.stdout == ""
    shown = target if "://" in target else dailymed.url + target
    assert f"HTTP 302 redirects to {shown}, not followed ({reason};" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert len(dailymed.requests) == 1, "the redirect is not followed"


@pytest.fixture(scope="session")
def certificate(tmp_path_factory) -> Path:
    """A self-signed certificate for 127.0.0.1 (its key beside it), made with the openssl tool."""
    if not shutil.which("openssl"):
        pytest.skip("the openssl tool is needed to make a certificate for a loopback https server")
    folder = tmp_path_factory.mktemp("tls")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem"),
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True)
    return folder


@pytest.fixture
def secure_dailymed(certificate):
    """The fake service over https on loopback; runs trust its certificate through SSL_CERT_FILE."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certificate / "cert.pem", certificate / "key.pem")
    with serving(FakeDailyMed(context)) as fake:
        yield fake


def test_https_redirects_on_the_same_host_are_followed_never_to_http(cli, dailymed, secure_dailymed,
                                                                     certificate, alpha_only):
    def labels(url: str):
        return cli("labels", "--data-dir", str(alpha_only), "--dailymed-url", url,
                   env={**NO_PROXY, "SSL_CERT_FILE": str(certificate / "cert.pem")})

    serve_current(secure_dailymed)
    assert labels(secure_dailymed.url).exit_code == 0, "the certificate is trusted"
    dailymed.location = secure_dailymed.url + "/mirror{path}"
    upgraded = labels(dailymed.url)
    assert upgraded.exit_code == 0, upgraded.stderr
    assert f"/mirror/services/v2/spls/{ALPHA_NEW}/history.json" in secure_dailymed.requests
    secure_dailymed.location = dailymed.url + "/dailymed"
    result = labels(secure_dailymed.url)
    assert result.exit_code == 3
    assert f"HTTP 302 redirects to {dailymed.url}/dailymed, not followed (never from https to http;" in result.stderr
    assert all(not path.startswith("/dailymed") for path in dailymed.requests)


def nested(depth: int) -> str:
    """A JSON list this deep (the answer as a whole may then be too deep to read, or only the value to show)."""
    return "[" * depth + "3" + "]" * depth


@pytest.mark.parametrize(("entry", "reason"), [
    ('{"spl_version": "\\u00b3", "published_date": "May 02, 2019"}', "no positive spl_version"),
    ('{"spl_version": "\\u0663", "published_date": "May 02, 2019"}', "no positive spl_version"),
    ('{"spl_version": "' + "1" * 5000 + '", "published_date": "May 02, 2019"}', "no positive spl_version"),
    ('{"spl_version": ' + "1" * 5000 + ', "published_date": "May 02, 2019"}', "no positive spl_version"),
    ('{"spl_version": 1e999, "published_date": "May 02, 2019"}', "no positive spl_version"),
    # whether json refuses 974 levels depends on the Python and the stack ('nested too deeply'); where
    # it reads them, the value is refused for what it is: either way one line and exit 3
    ('{"spl_version": ' + nested(974) + ', "published_date": "May 02, 2019"}',
     ("nested too deeply", "no positive spl_version")),
    ('{"spl_version": 3, "published_date": ' + nested(974) + '}', ("nested too deeply", "is not a date like")),
    ('{"spl_version": 3, "published_date": "May \\u0660\\u0662, 2019"}', "is not a date like"),
])
def test_a_version_or_date_read_strictly_is_a_service_fault_in_one_line(labels, dailymed, alpha_only,
                                                                          entry, reason):
    dailymed.reply = (200, ('{"data": {"history": [' + entry + "]}}").encode())
    result = labels(folder=alpha_only)
    assert result.exit_code == 3, result.output
    reasons = reason if isinstance(reason, tuple) else (reason,)
    assert len(result.stderr.splitlines()) == 1 and any(r in result.stderr for r in reasons)
    assert len(result.stderr) < 400


def test_credentials_in_the_address_are_sent_never_shown(labels, dailymed, alpha_only, cli):
    serve_current(dailymed)
    secret = dailymed.url.replace("http://", "http://curator:s3cret@")
    result = cli("labels", "--data-dir", str(alpha_only), "--dailymed-url", secret, "--json", env=NO_PROXY)
    assert result.exit_code == 0, result.stderr
    assert "s3cret" not in result.output and "curator" not in result.output
    assert json.loads(result.stdout)["service"] == dailymed.url.replace("http://", "http://***@")
    assert set(dailymed.authorizations) == {"Basic Y3VyYXRvcjpzM2NyZXQ="}  # curator:s3cret
    dailymed.reply = (500, b"")
    failed = cli("labels", "--data-dir", str(alpha_only), "--dailymed-url", secret, env=NO_PROXY)
    assert failed.exit_code == 3 and "s3cret" not in failed.stderr and "http://***@127.0.0.1" in failed.stderr
    bad = cli("labels", "--data-dir", str(alpha_only), "--dailymed-url", secret + "/a b", env=NO_PROXY)
    assert bad.exit_code == 2 and "s3cret" not in bad.stderr


@pytest.mark.parametrize("address", ["https://d\u0430ilymed.nlm.nih.gov/dailymed", "https://bücher.example/dm",
                                     "http://127.0.0.1/d\u00e9"])
def test_a_non_ascii_address_is_a_usage_error_that_says_so(cli, alpha_only, address):
    result = cli("labels", "--data-dir", str(alpha_only), "--dailymed-url", address, env=NO_PROXY)
    assert result.exit_code == 2
    assert "not ASCII" in result.stderr and "xn--" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def with_reference(text: str, replacement: str) -> str:
    """alphatinib with its first label's set id and version lines replaced."""
    old = f"    spl_set_id: {ALPHA_NEW}\n    spl_version: 4\n"
    assert old in text
    return text.replace(old, replacement)


@pytest.mark.parametrize(("lines", "message"), [
    ("    spl_set_id: AAAAAAAA-1111-4111-8111-000000000001\n    spl_version: 4\n", "spl_set_id"),
    ("    spl_set_id: aaaaaaaa-1111-4111-8111\n    spl_version: 4\n", "spl_set_id"),
    ("    spl_set_id: setid-of-alphra\n    spl_version: 4\n", "spl_set_id"),
    (f"    spl_set_id: {ALPHA_NEW}\n    spl_version: 0\n", "spl_version"),
    (f"    spl_set_id: {ALPHA_NEW}\n    spl_version: -3\n", "spl_version"),
    (f"    spl_set_id: {ALPHA_NEW}\n    spl_version: \"4\"\n", "spl_version"),
])
def test_validate_refuses_a_malformed_set_id_or_version(cli, write, lines, message):
    path = write(with_reference((LABELS / "alphatinib.yaml").read_text(encoding="utf-8"), lines), "alphatinib.yaml")
    result = cli("validate", str(path))
    assert result.exit_code == 1
    errors = [line for line in result.stdout.splitlines() if ": error: " in line]
    assert len(errors) == 1 and message in errors[0] and "(schema)" in errors[0], result.stdout


def test_validate_warns_on_a_label_with_neither_version_nor_revision_date(cli, write):
    text = with_reference((LABELS / "alphatinib.yaml").read_text(encoding="utf-8"), "")
    path = write(text.replace('    revision_date: "2024-03"\n', "", 1), "alphatinib.yaml")
    result = cli("validate", str(path))
    assert result.exit_code == 0
    assert "warning: label 'alpha-label' records neither spl_version nor revision_date" in result.stdout
    assert "(label-version)" in result.stdout
    assert cli("validate", "--strict", str(path)).exit_code == 1


def test_the_fixture_records_are_valid(cli):
    result = cli("validate", str(LABELS))
    assert result.exit_code == 0 and result.stdout == "", result.stdout



IBTROZI = "51ac8e52-3269-4102-8dc8-dba22d82128c"
"""The US label of taletrectinib (a shipped monograph records it on a reproduction of the label)."""


@pytest.fixture
def taletrectinib_only(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    shutil.copy(REPO / "data" / "monographs" / "taletrectinib.yaml", folder)
    return folder


def test_update_records_a_baseline_so_the_next_run_is_current(labels, dailymed, taletrectinib_only, tmp_path):
    dailymed.histories = {IBTROZI: [(2, "Sep 01, 2025"), (1, "Jun 11, 2025")]}
    baseline = tmp_path / "label-baseline.json"
    first = labels("--baseline", str(baseline), folder=taletrectinib_only)
    assert first.exit_code == 1, "no version recorded yet: the label needs a curator"
    assert "NO VERSION RECORDED" in first.stdout
    updated = labels("--baseline", str(baseline), "--update", folder=taletrectinib_only)
    assert updated.exit_code == 0, updated.output
    assert f"recorded 1 label version(s) as read in {baseline}" in updated.stderr
    recorded = json.loads(baseline.read_text(encoding="utf-8"))["labels"]
    assert recorded[IBTROZI]["version"] == 2 and recorded[IBTROZI]["published"] == "2025-09-01"
    again = labels("--baseline", str(baseline), "--json", folder=taletrectinib_only)
    assert again.exit_code == 0
    (label,) = json.loads(again.stdout)["labels"]
    assert label["status"] == "current" and label["baseline_version"] == 2 and label["drugs"] == ["taletrectinib"]
    out = " ".join(labels("--baseline", str(baseline), folder=taletrectinib_only).stdout.split())
    assert "Baseline: version 2 read by a curator" in out and "1 label(s): 1 current." in out
    dailymed.histories[IBTROZI] = [(3, "Jan 05, 2026"), (2, "Sep 01, 2025")]
    assert labels("--baseline", str(baseline), folder=taletrectinib_only).exit_code == 1, "newer than the baseline"


def test_update_needs_a_baseline_file_and_a_bad_one_is_refused(labels, dailymed, taletrectinib_only, tmp_path):
    dailymed.histories = {IBTROZI: [(2, "Sep 01, 2025")]}
    result = labels("--update", folder=taletrectinib_only)
    assert result.exit_code == 2 and "--update needs --baseline FILE" in result.stderr
    broken = tmp_path / "broken.json"
    broken.write_text("[1, 2", encoding="utf-8")
    result = labels("--baseline", str(broken), folder=taletrectinib_only)
    assert result.exit_code == 2 and "not a label baseline" in result.stderr
    assert "Traceback" not in result.output
