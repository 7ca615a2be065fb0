"""`make serve` as an editor uses it: a real server in a subprocess on a free loopback port,
real HTTP and WebSocket clients, real edits to a copy of a site. Every wait is bounded and
every server is stopped in a finally."""
from __future__ import annotations

import asyncio
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from tornado.websocket import websocket_connect

from builder.preview import Published, answer, site_file
from conftest import PROJECT, copy_site, edit, run_builder

PROBLEM_LINE = re.compile(r"^(?P<path>[^:\n]+\.yml):(?P<line>\d+):(?P<column>\d+): (?P<message>.+)$",
                          re.MULTILINE)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """`python -m builder serve` in a subprocess, with its output collected as it comes."""

    def __init__(self, site: Path, cwd: Path, *extra: str, started=None):
        self.port = free_port()
        self.lines: list[str] = []
        self.errors: list[str] = []
        environment = dict(os.environ, PYTHONPATH=str(PROJECT), PYTHONUNBUFFERED="1")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "builder", "serve", "--site", str(site),
             "--port", str(self.port), *extra],
            cwd=cwd, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            preexec_fn=started)
        for stream, into in ((self.process.stdout, self.lines), (self.process.stderr, self.errors)):
            threading.Thread(target=lambda s=stream, i=into: i.extend(s), daemon=True).start()
        self.wait_for(lambda: any("Serving the preview at" in line for line in self.lines),
                      30, "the server to start")

    def wait_for(self, condition, seconds: float, what: str):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            result = condition()
            if result:
                return result
            assert self.process.poll() is None, f"server exited: {self.output()}"
            time.sleep(0.02)
        raise AssertionError(f"timed out after {seconds} s waiting for {what}; {self.output()}")

    def output(self) -> str:
        return "stdout:\n" + "".join(self.lines) + "\nstderr:\n" + "".join(self.errors)

    def url(self) -> str:
        line = next(line for line in self.lines if "Serving the preview at" in line)
        return re.search(r"http://\S+", line).group(0)

    def get(self, path: str, host: str = "127.0.0.1") -> tuple[int, dict, bytes]:
        connection = http.client.HTTPConnection(host, self.port, timeout=10)
        try:
            connection.request("GET", path)   # sent exactly as written: no normalising
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()

    def page(self, path: str) -> BeautifulSoup:
        status, _, body = self.get(path)
        assert status == 200, (path, status)
        return BeautifulSoup(body, "html.parser")

    def stop(self, how: int = signal.SIGTERM) -> int:
        if self.process.poll() is None:
            self.process.send_signal(how)
        try:
            return self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
            raise


@pytest.fixture
def site(tmp_path) -> Path:
    return copy_site("serve-basic", tmp_path)


@pytest.fixture
def server(site, tmp_path):
    running = Server(site, tmp_path)
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="module")
def unedited(tmp_path_factory):
    """One server for the tests that only read: (server, site)."""
    folder = tmp_path_factory.mktemp("unedited")
    site = copy_site("serve-basic", folder)
    (folder / "secret.txt").write_text("SECRET", encoding="utf-8")
    running = Server(site, folder)
    try:
        yield running, site
    finally:
        running.stop()


def overlay_problems(page: BeautifulSoup) -> list[str]:
    shown = page.find(id="preview-errors")
    return shown.pre.get_text().splitlines() if shown else []


# Serving under the base path, as GitHub Pages does

def test_the_site_is_served_under_its_base_path_and_the_root_redirects_there(unedited):
    server, _ = unedited
    assert server.url() == f"http://127.0.0.1:{server.port}/repo/"
    status, headers, _ = server.get("/")
    assert (status, headers["Location"]) == (302, "/repo/")
    assert server.get("/repo")[1]["Location"] == "/repo/"
    home = server.page("/repo/")
    assert home.h1.get_text() == "Preview test desk"
    assert server.get("/repo/claims/bridge-cost")[1]["Location"] == "/repo/claims/bridge-cost/"
    status, headers, body = server.get("/repo/static/style.css")
    assert status == 200 and headers["Content-Type"].startswith("text/css") and b"<script" not in body
    link = home.select_one(".claim-link")["href"]
    assert link.startswith("/repo/claims/") and server.get(link)[0] == 200


def test_missing_paths_get_the_sites_404_page_with_status_404(unedited):
    server, _ = unedited
    for path in ("/repo/no-such-page/", "/repo/claims/nope/", "/elsewhere/", "/repo/x.html"):
        status, headers, body = server.get(path)
        assert status == 404, path
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        assert BeautifulSoup(body, "html.parser").h1.get_text() == "Page not found"


TRAVERSALS = [
    "/repo/../site.yml", "/repo/%2e%2e/site.yml", "/repo/%2E%2E/%2e%2e/secret.txt",
    "/repo/..%2fsite.yml", "/repo/claims/..%2F..%2F..%2Fsecret.txt", "/repo/%2e%2e%2fsite.yml",
    "/repo/..%5c..%5csecret.txt", "/repo/static/../../site.yml", "//etc/passwd",
    "/repo/./index.html", "/repo/%00", "/repo/%ff%fe", "/repo/claims/bridge-cost/%2e%2e/",
    "/../../secret.txt", "/repo/static/%2e%2e/%2e%2e/content/claims/bridge-cost.yml",
    "/repo/%252e%252e/site.yml", "/repo/.%2e/.%2e/secret.txt",
]


def test_nothing_outside_the_built_site_is_served(unedited):
    server, _ = unedited
    for path in TRAVERSALS:
        status, _, body = server.get(path)
        assert status == 404, path
        assert b"SECRET" not in body and b"title: Preview" not in body and b"verdict:" not in body


def test_only_loopback_is_listened_on_by_default(unedited):
    server, _ = unedited
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.2", server.port), timeout=2).close()
    assert server.get("/repo/")[0] == 200


def test_the_livereload_script_is_in_served_pages_and_not_in_the_built_site(unedited, tmp_path):
    server, site = unedited
    for path in ("/repo/", "/repo/claims/bridge-cost/", "/repo/missing/"):
        assert server.get(path)[2].count(b'<script data-preview="livereload">') == 1, path
    out = tmp_path / "_site"
    result = run_builder("build", "--site", str(site), "--out", str(out))
    assert result.returncode == 0, result.stderr
    built = [page.read_bytes() for page in out.rglob("*.html")]
    assert built and not any(b"livereload" in page or b"preview-errors" in page for page in built)
    injected = re.compile(rb'<script data-preview="livereload">.*?</script>\n', re.DOTALL)
    for path, file in (("/repo/", "index.html"), ("/repo/sources/daily-bridge/",
                                                  "sources/daily-bridge/index.html")):
        served = injected.sub(b"", server.get(path)[2])
        assert served == (out / file).read_bytes(), f"{path} is not served as built"
    assert server.get("/repo/data/claims.json")[2] == (out / "data/claims.json").read_bytes()


# Live reload

def generation_of(page: BeautifulSoup) -> str:
    script = page.find("script", attrs={"data-preview": "livereload"}).string
    return re.search(r"var generation='([^']*)'", script).group(1)


async def wait_for_reload(server: Server, generation: str, save, seconds: float) -> float:
    """Connect as an open tab would, save, and time the reload the server sends."""
    socket_ = await websocket_connect(
        f"ws://127.0.0.1:{server.port}/livereload?generation={generation}")
    try:
        await asyncio.sleep(0.05)   # let the server register the tab before the save
        saved = time.monotonic()
        save()
        message = await asyncio.wait_for(socket_.read_message(), seconds)
        assert json.loads(message)["command"] == "reload"
        return time.monotonic() - saved
    finally:
        socket_.close()


def test_a_saved_claim_reloads_open_tabs_within_a_second_on_the_shipped_site(tmp_path):
    site = copy_site("shipped", tmp_path)
    claim_file = sorted((site / "content/claims").rglob("*.yml"))[0]
    base_url = yaml.safe_load((site / "site.yml").read_text(encoding="utf-8"))["base_url"]
    url = f"{urlsplit(base_url).path.rstrip('/')}/claims/{claim_file.stem}/"
    claim = yaml.safe_load(claim_file.read_text(encoding="utf-8"))
    claim["summary"] = "Freshly edited reasoning. " + claim["summary"]
    server = Server(site, tmp_path)
    try:
        before = server.page(url)
        assert "Freshly edited reasoning." not in before.get_text()

        def save():
            claim_file.write_text(yaml.safe_dump(claim, allow_unicode=True), encoding="utf-8")
        latency = asyncio.run(wait_for_reload(server, generation_of(before), save, 1.0))
        print(f"reload sent {latency:.3f} s after the save")
        after = server.page(url)
        assert "Freshly edited reasoning." in after.select_one(".summary").get_text()
        # The reload can reach the tab before the server's summary line reaches our reader.
        server.wait_for(lambda: any(line.startswith("Built after") for line in server.lines),
                        5, "the rebuild summary")
        built = [line for line in server.lines if line.startswith("Built after")]
        rendered, pages = map(int, re.search(r"(\d+) of (\d+) pages re-rendered", built[-1]).groups())
        assert 0 < rendered < pages / 2, built[-1]
    finally:
        assert server.stop() == 0


def test_a_tab_served_just_before_a_rebuild_reloads_when_it_connects(server, site):
    stale = generation_of(server.page("/repo/"))
    edit(site / "content/claims/wettest-day.yml", "Last week brought", "Last week saw")
    server.wait_for(lambda: b"Last week saw" in server.get("/repo/")[2], 5, "the rebuild")

    async def connect_late() -> str:
        socket_ = await websocket_connect(f"ws://127.0.0.1:{server.port}/livereload?generation={stale}")
        try:
            return await asyncio.wait_for(socket_.read_message(), 2)
        finally:
            socket_.close()
    assert json.loads(asyncio.run(connect_late()))["command"] == "reload"


def test_a_burst_of_saves_is_rebuilt_once(server, site):
    claims = site / "content/claims"
    template = (claims / "wettest-day.yml").read_text(encoding="utf-8")
    for number in range(6):
        (claims / f"burst-{number}.yml").write_text(
            template.replace("claim: Last week", f"claim: ({number}) Last week"), encoding="utf-8")
        time.sleep(0.02)
    server.wait_for(lambda: server.get("/repo/claims/burst-5/")[0] == 200, 5, "the rebuild")
    time.sleep(1)
    assert len([line for line in server.lines if line.startswith("Built after")]) == 1, server.output()


# Errors: shown, never fatal, and gone once fixed

BROKEN_EDITS = [
    # (file, old, new, what the error must say, line, column)
    ("content/claims/bridge-cost.yml", "verdict: mixed", "verdict: mixd",
     "unknown verdict 'mixd'", 4, 10),
    ("content/claims/bridge-cost.yml", "claimant: The mayor", "claimant: The mayor: again",
     "invalid YAML", 2, 20),
    ("content/claims/bridge-cost.yml", "quote: cost less than any bridge",
     "quote: cost far less than any bridge", "quote not found in source 'daily-bridge'", 10, 12),
]


@pytest.mark.parametrize("file, old, new, message, line, column", BROKEN_EDITS)
def test_a_broken_edit_shows_its_errors_over_the_last_good_build_until_fixed(
        server, site, file, old, new, message, line, column):
    url = "/repo/claims/bridge-cost/"
    good = server.page(url)
    edit(site / file, old, new)
    broken = server.wait_for(lambda: overlay_problems(server.page(url)) and server.page(url),
                             5, "the errors to be shown")
    problems = overlay_problems(broken)
    assert len(problems) == 1, problems
    found = PROBLEM_LINE.match(problems[0])
    assert found, problems[0]
    assert found["path"].replace(os.sep, "/").endswith(file)
    assert (int(found["line"]), int(found["column"])) == (line, column)
    assert message in found["message"]
    assert broken.select_one(".claim-text").get_text() == good.select_one(".claim-text").get_text()
    for other in ("/repo/", "/repo/missing/"):
        assert "preview-errors" in server.get(other)[2].decode("utf-8")
    assert any(message in line for line in server.errors)

    edit(site / file, new, old.replace("The mayor", "The town's mayor"))
    recovered = server.wait_for(lambda: not overlay_problems(server.page(url)) and server.page(url),
                                5, "the site to recover")
    assert recovered.select_one(".claim-text").get_text() == good.select_one(".claim-text").get_text()
    assert server.process.poll() is None


def warnings_shown(page: BeautifulSoup) -> tuple[str, list[str]] | None:
    """The warnings panel's heading and lines, or None when the page has none."""
    shown = page.find(id="preview-warnings")
    return (shown.p.get_text(), shown.pre.get_text().splitlines()) if shown else None


def test_warnings_are_shown_in_the_page_below_it_and_go_when_mended(server, site):
    """In the page, where the editor looks, not only in the terminal; at its foot and in
    amber, as the page above is up to date; and with the errors when a save has both."""
    url = "/repo/claims/bridge-cost/"
    assert warnings_shown(server.page(url)) is None
    claim = site / "content/claims/bridge-cost.yml"
    edit(claim, "so only part of the comparison", "so only [part](../no-such-claim/) of it")
    page = server.wait_for(lambda: (lambda p: p if warnings_shown(p) else None)(
        server.page(url)), 5, "the warnings to be shown")
    assert warnings_shown(page) == (
        "The latest save built, with 1 warning: the page is up to date; these are worth a "
        "look before publishing.",
        ["serve-basic/content/claims/bridge-cost.yml:7:18: warning: link to '../no-such-claim/' "
         "leads to no page of this site (/repo/claims/no-such-claim/)"])
    panel = page.find(id="preview-warnings")
    assert panel["role"] == "status" and "bottom:0" in panel["style"]
    assert page.find(id="preview-errors") is None
    assert "of it" in page.select_one(".summary").get_text()  # the page is the new build

    edit(claim, "verdict: mixed", "verdict: mixd")
    broken = server.wait_for(lambda: (lambda p: p if overlay_problems(p) else None)(
        server.page(url)), 5, "the errors to be shown")
    assert broken.find(id="preview-errors").p.get_text().startswith(
        "The latest save has 1 error and 1 warning. ")
    assert [line.split(": ", 2)[:2] for line in overlay_problems(broken)] == [
        ["serve-basic/content/claims/bridge-cost.yml:4:10", "unknown verdict 'mixd' — did you "
         "mean 'mixed'? (known in site.yml"],
        ["serve-basic/content/claims/bridge-cost.yml:7:18", "warning"]]
    assert warnings_shown(broken) is None   # listed in the overlay, once

    edit(claim, "verdict: mixd", "verdict: mixed")
    edit(claim, "[part](../no-such-claim/)", "part")
    server.wait_for(lambda: not warnings_shown(server.page(url)) and not overlay_problems(
        server.page(url)), 5, "the warnings to go")


def test_errors_are_shown_as_text_never_as_markup(server, site):
    edit(site / "content/claims/bridge-cost.yml", "verdict: mixed", "verdict: <img src=x onerror=alert(1)>")
    status, _, body = server.wait_for(
        lambda: (lambda r: r if b"preview-errors" in r[2] else None)(server.get("/repo/")), 5,
        "the errors to be shown")
    page = BeautifulSoup(body, "html.parser")
    assert page.find(id="preview-errors").find("img") is None
    assert "<img src=x onerror=alert(1)>" in page.find(id="preview-errors").get_text()


def test_a_site_broken_from_the_start_shows_an_error_page_and_recovers(site, tmp_path):
    claim = site / "content/claims/wettest-day.yml"
    edit(claim, "verdict: correct", "verdict: corect")
    server = Server(site, tmp_path)
    try:
        # The address the site will have: the error page answers there as anywhere.
        assert server.url() == f"http://127.0.0.1:{server.port}/repo/"
        status, _, body = server.get("/anything/")
        assert status == 500
        problems = overlay_problems(BeautifulSoup(body, "html.parser"))
        assert len(problems) == 1 and "unknown verdict 'corect'" in problems[0]
        edit(claim, "verdict: corect", "verdict: correct")
        server.wait_for(lambda: server.get("/")[0] == 302, 5, "the site to recover")
        assert server.page("/repo/claims/wettest-day/").select_one(".claim-text")
    finally:
        server.stop()


def test_a_template_error_is_shown_at_its_line_and_fixing_it_recovers(server, site):
    (site / "templates").mkdir()
    source = (PROJECT / "templates/source.html").read_text(encoding="utf-8")
    (site / "templates/source.html").write_text(source.replace("{% endblock %}", "{% endblok %}"),
                                                encoding="utf-8")
    page = server.wait_for(lambda: (lambda p: p if overlay_problems(p) else None)(
        server.page("/repo/")), 5, "the template error to be shown")
    problem = overlay_problems(page)[0]
    assert re.match(r"\S*templates/source\.html:\d+:1: template error: ", problem), problem
    (site / "templates/source.html").unlink()
    server.wait_for(lambda: not overlay_problems(server.page("/repo/")), 5, "the site to recover")


# Stopping

@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM])
def test_ctrl_c_stops_the_server_cleanly_leaving_nothing_behind(site, tmp_path, how):
    before = sorted(path.relative_to(tmp_path) for path in tmp_path.rglob("*"))
    server = Server(site, tmp_path)
    assert server.get("/repo/")[0] == 200
    assert server.stop(how) == 0
    server.wait_for(lambda: "Stopped the preview server." in server.lines[-1], 5, "its last word")
    assert not any("Traceback" in line for line in server.errors), server.output()
    assert sorted(path.relative_to(tmp_path) for path in tmp_path.rglob("*")) == before


def test_a_server_started_as_a_background_job_still_stops_on_sigint(site, tmp_path):
    """A shell starts `make serve &` with SIGINT ignored; a script's `kill -INT` is still
    a request to stop."""
    server = Server(site, tmp_path,
                    started=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    assert server.stop(signal.SIGINT) == 0
    server.wait_for(lambda: "Stopped the preview server." in server.lines[-1], 5, "its last word")


def test_a_port_in_use_is_a_plain_error(site, tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_builder("serve", "--site", str(site), "--port", str(port), timeout=60)
    assert result.returncode == 2
    assert f"cannot serve on 127.0.0.1 port {port}" in result.stderr
    assert "Traceback" not in result.stderr
    assert "Built" not in result.stdout  # said before a build it would have wasted


# The routing rules, without a server

PUBLISHED = Published({"index.html": b"<html><body>home</body></html>",
                       "claims/x/index.html": b"<body>x</body>", "404.html": b"<body>404</body>",
                       "static/style.css": b"body{}"}, "/repo/", (), "g-1")


@pytest.mark.parametrize("path, expected", [
    ("/repo/", "index.html"), ("/repo/claims/x/", "claims/x/index.html"),
    ("/repo/static/style.css", "static/style.css"), ("/repo/caf%C3%A9/", "café/index.html"),
    ("/repo/%2e%2e/x", None), ("/repo/a/../b", None), ("/other/", None), ("/repo/a%5cb", None),
])
def test_request_paths_name_site_files_or_nothing(path, expected):
    assert site_file(path, "/repo/") == expected


def test_an_encoded_slash_never_joins_two_names():
    assert site_file("/repo/claims%2Fx/", "/repo/") is None


def test_the_overlay_escapes_what_it_shows():
    published = Published(PUBLISHED.files, "/repo/", ("a.yml:1:1: <b>&amp;</b>",), "g-2")
    body = answer("/repo/", published).body.decode("utf-8")
    assert "a.yml:1:1: &lt;b&gt;&amp;amp;&lt;/b&gt;" in body and "<b>" not in body
    assert answer("/repo/static/style.css", published).body == b"body{}"
    warned = Published(PUBLISHED.files, "/repo/", (), "g-3", (),
                       ("a.yml:1:1: warning: <b>&amp;</b>",))
    body = answer("/repo/", warned).body.decode("utf-8")
    assert "a.yml:1:1: warning: &lt;b&gt;&amp;amp;&lt;/b&gt;" in body and "<b>" not in body


# In a real browser: the tab itself reloads, shows the overlay, and recovers

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.mark.browser
def test_an_open_tab_follows_edits_breakage_and_recovery_by_itself(server, site):
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    playwright = pytest.importorskip("playwright.sync_api")
    claim = site / "content/claims/bridge-cost.yml"
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            tab = browser.new_page()
            tab.goto(server.url() + "claims/bridge-cost/")
            tab.wait_for_function("() => document.querySelector('.claim-text') !== null")
            time.sleep(0.3)   # the tab's live-reload socket connects
            saved = time.monotonic()
            edit(claim, "The bridge cost less", "The new bridge cost less")
            tab.wait_for_function(
                "() => document.querySelector('.claim-text').textContent.startsWith('The new')",
                timeout=1000)
            print(f"tab showed the edit {time.monotonic() - saved:.3f} s after the save")
            edit(claim, "verdict: mixed", "verdict: mixd")
            tab.wait_for_selector("#preview-errors", timeout=5000)
            assert "unknown verdict 'mixd'" in tab.inner_text("#preview-errors")
            assert tab.inner_text(".claim-text").startswith("The new bridge")
            edit(claim, "verdict: mixd", "verdict: mixed")
            tab.wait_for_selector("#preview-errors", state="detached", timeout=5000)
        finally:
            browser.close()


def test_a_warning_that_comes_back_is_told_again_and_a_file_saved_often_is_one_change(capsys):
    from builder.serve import Outcome, report
    before, warned = Published({}, "/", (), "0"), set()
    with_warning = Outcome({}, "/", warnings=("a.yml:6:20: warning: link to '/x/'",), pages=1)
    without = Outcome({}, "/", pages=1)
    for outcome in (with_warning, without, with_warning):
        report(outcome, ("content/claims/a.yml",) * 3, before, warned)
    told = capsys.readouterr()
    assert told.err.count("a.yml:6:20: warning: link to '/x/'") == 2
    assert told.out.count("Built after content/claims/a.yml changed") == 3
    assert "more changed" not in told.out


@pytest.mark.parametrize("template, says", [
    (b"{% if %}broken", "templates/unused.html:1:1: template error"),
    (b"<p>caf\xe9</p>", "templates/unused.html:1:7: template is not UTF-8 text"),
])
def test_the_preview_reports_a_broken_template_as_check_does_even_one_no_page_uses(
        tmp_path, template, says):
    from builder.serve import SiteBuilder
    site = copy_site("basic", tmp_path)
    (site / "templates").mkdir()
    builder = SiteBuilder(str(site))
    assert builder.build().files is not None
    (site / "templates/unused.html").write_bytes(template)
    failed = builder.build()
    assert failed.files is None and any(says in problem for problem in failed.problems), failed
    (site / "templates/unused.html").unlink()
    assert builder.build().files is not None  # mended: the preview recovers


def test_the_watcher_sees_claims_in_a_folder_linked_in_and_ends_a_link_loop(tmp_path):
    from builder.watch import Watcher
    site = copy_site("minimal", tmp_path)
    shared = site / "shared-claims"
    shared.mkdir()
    (site / "content/claims/shared").symlink_to(shared)
    (shared / "loop").symlink_to(site / "content")  # back up: read once
    watcher = Watcher([str(site / "content")])
    (shared / "new-claim.yml").write_text("claim: x\n", encoding="utf-8")
    assert watcher.changes() == [str(site / "content/claims/shared/new-claim.yml")]
    (site / "content/claims/shared").unlink()
    assert str(site / "content/claims/shared/new-claim.yml") in watcher.changes()


def test_tabs_open_under_the_old_base_path_are_sent_to_the_new_one_when_base_url_changes(
        capsys):
    from builder.serve import Outcome, PreviewServer, SiteBuilder
    preview = PreviewServer(SiteBuilder("."))
    preview.address = "http://127.0.0.1:8000"
    page = {"claims/x/index.html": b"<p>x</p>"}
    preview.publish(Outcome(page, "/factcheck/", pages=1))
    preview.publish(Outcome(page, "/checked/", pages=1))
    assert "base_url changed: the preview is now at http://127.0.0.1:8000/checked/" in \
        capsys.readouterr().out
    moved = answer("/factcheck/claims/x/", preview.current)
    assert (moved.status, dict(moved.headers)["Location"]) == (302, "/checked/claims/x/")
    assert answer("/checked/claims/x/", preview.current).status == 200
    preview.publish(Outcome(page, "/factcheck/", pages=1))  # and back again
    assert answer("/checked/claims/x/", preview.current).status == 302
    assert answer("/factcheck/claims/x/", preview.current).status == 200
    preview.publish(Outcome(page, "/", pages=1))  # a custom domain: the new base is shorter
    moved = answer("/factcheck/claims/x/", preview.current)
    assert (moved.status, dict(moved.headers)["Location"]) == (302, "/claims/x/")


def test_the_preview_makes_the_search_index_when_the_search_page_asks_for_it(server, site):
    page = server.page("/repo/search/")
    assert page.select_one("script[src='/repo/pagefind/pagefind-ui.js']")
    status, _, body = server.get("/repo/pagefind/pagefind-entry.json")
    assert status == 200, body
    (language,) = json.loads(body)["languages"].values()
    claims = len(list((site / "content/claims").glob("*.yml")))
    assert language["page_count"] >= claims + len(list((site / "seeds").glob("*.txt")))
    status, headers, script = server.get("/repo/pagefind/pagefind-ui.js")
    assert status == 200 and b"PagefindUI" in script
    assert headers["Content-Type"].split(";")[0] in ("application/javascript", "text/javascript")
    # A save makes a new build, whose index is made again, of its pages, when asked for.
    claim = next((site / "content/claims").glob("*.yml"))
    claim.write_text(claim.read_text(encoding="utf-8").replace(
        "claim: ", "claim: Zanzibarian ", 1), encoding="utf-8")
    server.wait_for(lambda: _index_hash(server) not in (None, language["hash"]), 20,
                    "a new index with the edited claim")


def _index_hash(server) -> str | None:
    status, _, body = server.get("/repo/pagefind/pagefind-entry.json")
    return next(iter(json.loads(body)["languages"].values()))["hash"] if status == 200 else None


def test_pages_are_answered_while_the_search_index_is_being_made(monkeypatch):
    """Making the index takes seconds on a large site: meanwhile the preview still answers
    every other request (here, with an indexer made to take two seconds)."""
    import asyncio
    import tornado.httpserver
    import tornado.netutil
    from builder import search, serve

    def slow_index(root, shown, language):
        time.sleep(2)
        return []
    monkeypatch.setattr(search, "index_site", slow_index)
    preview = serve.PreviewServer(builder=None)
    preview.current = Published(search.IndexedOnDemand(
        {"index.html": b"<p>home</p>"}, "en", lambda problem: None), "/", (), "one")
    sockets = tornado.netutil.bind_sockets(0, address="127.0.0.1")
    port = sockets[0].getsockname()[1]
    loop = asyncio.new_event_loop()

    def run() -> None:
        asyncio.set_event_loop(loop)
        tornado.httpserver.HTTPServer(serve.make_application(preview)).add_sockets(sockets)
        loop.run_forever()
    threading.Thread(target=run, daemon=True).start()

    def fetch(path: str) -> tuple[int, float]:
        began = time.perf_counter()
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            connection.request("GET", path)
            status = connection.getresponse().status
        finally:
            connection.close()
        return status, time.perf_counter() - began

    try:
        indexing: list[tuple[int, float]] = []
        asking = threading.Thread(target=lambda: indexing.append(fetch("/pagefind/pagefind.js")))
        asking.start()
        time.sleep(0.3)  # the index is being made now
        status, seconds = fetch("/")
        assert (status, seconds < 1) == (200, True), seconds
        asking.join()
        assert indexing[0][1] >= 1.9  # it was indeed being made all that time
    finally:
        loop.call_soon_threadsafe(loop.stop)
