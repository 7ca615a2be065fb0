"""The built site served under a sub-path, as GitHub Pages serves a project site, and crawled:
every link, stylesheet, script and image of every page must resolve there."""
from __future__ import annotations

import http.client
import http.server
import mimetypes
import re
import threading
import xml.etree.ElementTree as ET
from collections import deque
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

import pytest
from bs4 import BeautifulSoup

from conftest import PROJECT, SITES
from publishing import build

REPO = "fact-check-repo"
PUBLIC = f"https://someone.github.io/{REPO}/"
MISSING = f"/{REPO}/no/such/page/at/any/depth/"
TEXT_DIRECTIVE = ":~:text="  # a text fragment: the browser scrolls to these words


class PagesHandler(http.server.BaseHTTPRequestHandler):
    """GitHub Pages' behaviour that links depend on: /<repo>/ maps to the site folder, a
    folder serves its index.html, a folder without its slash redirects, and anything
    missing gets the site's 404.html with status 404."""

    root: Path
    prefix = f"/{REPO}/"

    def do_GET(self):
        path = unquote(urlsplit(self.path).path)
        if not path.startswith(self.prefix):
            return self._send(404, b"outside the site", "text/plain")
        target = (self.root / path[len(self.prefix):]).resolve()
        if self.root not in (target, *target.parents):
            return self._send(404, b"outside the site", "text/plain")
        if target.is_dir():
            if not path.endswith("/"):
                return self._send(301, b"", "text/plain", {"Location": path + "/"})
            target = target / "index.html"
        if target.is_file():
            kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            return self._send(200, target.read_bytes(), kind)
        return self._send(404, (self.root / "404.html").read_bytes(), "text/html")

    def _send(self, status, body, kind, headers=None):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *arguments):  # keep test output for failures
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A function: serve a built site folder on 127.0.0.1 and return the local base URL."""
    servers = []

    def serve(site: Path) -> str:
        handler = type("Handler", (PagesHandler,), {"root": site.resolve()})
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/{REPO}/"

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()


def fetch(url: str) -> tuple[int, str, bytes]:
    """One GET, redirects not followed: a link that needs one is a link to fix."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""))
        response = connection.getresponse()
        return response.status, response.getheader("Content-Type", ""), response.read()
    finally:
        connection.close()


REFERENCES = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"),
              ("source", "src"), ("iframe", "src"), ("form", "action"))


def references(html: bytes) -> tuple[list[str], tuple[set[str], str]]:
    """Every URL a page refers to; and the ids it offers as fragment targets, with its
    text, which a text fragment (#:~:text=…) must be found in."""
    soup = BeautifulSoup(html, "html.parser")
    found = [tag[attribute] for name, attribute in REFERENCES
             for tag in soup.find_all(name) if tag.has_attr(attribute)]
    for tag in soup.find_all(["img", "source"], srcset=True):
        found += [candidate.split()[0] for candidate in tag["srcset"].split(",") if candidate.strip()]
    found += [meta["content"] for meta in soup.find_all("meta", property=["og:url", "og:image"])]
    targets = {tag["id"] for tag in soup.find_all(id=True)}
    targets |= {tag["name"] for tag in soup.find_all("a", attrs={"name": True})}
    return found, (targets, " ".join(soup.get_text(" ").split()))


def reaches(fragment: str, targets: set[str], text: str) -> bool:
    if fragment.startswith(TEXT_DIRECTIVE):
        return re.search(directive_pattern(fragment[len(TEXT_DIRECTIVE):]), text,
                         re.IGNORECASE) is not None
    return fragment in targets


def directive_pattern(directive: str) -> str:
    """'prefix-,words,-suffix' (prefix and suffix optional) as a browser matches it: the
    parts in order with only white space between them, in any case."""
    parts = [" ".join(unquote(part).split()) for part in directive.split(",")]
    if parts[0].endswith("-") and len(parts) > 1:
        parts[0] = parts[0][:-1]
    if parts[-1].startswith("-") and len(parts) > 1:
        parts[-1] = parts[-1][1:]
    return r"\s*".join(re.escape(part) for part in parts)


def xml_references(body: bytes) -> list[str]:
    """The URLs of the feed (link href) and the sitemap (loc)."""
    root = ET.fromstring(body)
    return [element.get("href") or element.text for element in root.iter()
            if element.tag.endswith("}link") or element.tag.endswith("}loc")]


def well_formed_external(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme == "mailto":
        return "@" in parts.path and not any(c.isspace() for c in url)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and \
        not any(c.isspace() for c in url)


def crawl(local: str, public: str) -> dict:
    """Follow everything on the site from its home page; report what is broken."""
    def localise(url: str) -> str:
        return local + url[len(public):] if url.startswith(public) else url

    origin = "{0.scheme}://{0.netloc}".format(urlsplit(local))
    queue = deque([(local, 200), (origin + MISSING, 404), (local + "sitemap.xml", 200),
                   (local + "feed.xml", 200), (local + "robots.txt", 200)])
    seen, ids, broken, external, wanted_fragments = set(), {}, [], set(), []
    while queue:
        url, expected = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        status, kind, body = fetch(url)
        if status != expected:
            broken.append((url, status))
            continue
        if kind.startswith("text/html"):
            found, ids[url] = references(body)
        elif kind in ("application/xml", "text/xml") or url.endswith(".xml"):
            found = xml_references(body)
        else:
            continue
        for reference in found:
            absolute = localise(urljoin(url, reference))
            if not absolute.startswith(origin + "/"):
                external.add(absolute)
                continue
            parts = urlsplit(absolute)
            page = urlunsplit(parts._replace(fragment=""))
            if parts.fragment:
                wanted_fragments.append((url, page, parts.fragment))
            queue.append((page, 200))
    missing_targets = [(source, page, fragment) for source, page, fragment in wanted_fragments
                       if page in ids and not reaches(fragment, *ids[page])]
    return {"pages": seen, "broken": broken, "missing_targets": missing_targets,
            "malformed_external": sorted(u for u in external if not well_formed_external(u))}


def _assert_nothing_broken(report):
    assert report["broken"] == []
    assert report["missing_targets"] == []
    assert report["malformed_external"] == []


def test_fixture_site_under_a_sub_path_has_no_broken_link(tmp_path, served):
    out = build(SITES / "publish", tmp_path / "_site", "--base-url", PUBLIC)
    local = served(out)
    report = crawl(local, PUBLIC)
    _assert_nothing_broken(report)
    html_files = {f.relative_to(out).as_posix().removesuffix("index.html")
                  for f in out.rglob("*.html")} - {"404.html"}
    assert {local + path for path in html_files} <= report["pages"]
    for asset in ("static/style.css", "data/claims.json", "data/claims.csv",
                  "data/claimreview.json", "corrections/"):
        assert local + asset in report["pages"]


def test_the_404_page_works_at_any_depth(tmp_path, served):
    out = build(SITES / "publish", tmp_path / "_site", "--base-url", PUBLIC)
    local = served(out)
    origin = local.removesuffix(f"/{REPO}/")
    status, _, body = fetch(origin + MISSING)
    assert status == 404
    found, _ = references(body)
    assert f"/{REPO}/static/style.css" in found
    for reference in found:
        target = urljoin(origin + MISSING, reference)
        if target.startswith(origin) and not reference.startswith("#"):
            assert fetch(target.split("#")[0])[0] == 200, reference


def test_the_shipped_site_under_a_sub_path_has_no_broken_link(tmp_path, served):
    out = build(PROJECT, tmp_path / "_site", "--base-url", PUBLIC)
    _assert_nothing_broken(crawl(served(out), PUBLIC))


def test_the_crawler_notices_a_broken_link(tmp_path, served):
    out = build(SITES / "publish", tmp_path / "_site", "--base-url", PUBLIC)
    about = out / "about/index.html"
    about.write_text(about.read_text(encoding="utf-8").replace(
        "</main>", '<a href="/static/style.css">root-relative</a><a href="#nowhere">x</a>'
                   '<a href="https://exa mple.org/">bad</a><p>Words here</p>'
                   '<a href="#:~:text=Words%20here">found</a>'
                   '<a href="#:~:text=Words%20elsewhere">lost</a></main>'), encoding="utf-8")
    local = served(out)
    report = crawl(local, PUBLIC)
    origin = local.removesuffix(f"/{REPO}/")
    assert (origin + "/static/style.css", 404) in report["broken"]
    assert (local + "about/", local + "about/", "nowhere") in report["missing_targets"]
    assert [fragment for *_, fragment in report["missing_targets"]
            if fragment.startswith(TEXT_DIRECTIVE)] == [":~:text=Words%20elsewhere"]
    assert report["malformed_external"] == ["https://exa mple.org/"]
