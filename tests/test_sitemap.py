"""sitemap.xml parsed as XML against the pages actually written; robots.txt pointing at it."""
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import SITES, read_html
from publishing import SITE_URL, build

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    return build(SITES / "publish", tmp_path_factory.mktemp("publish") / "_site")


def html_page_urls(out: Path, site_url: str) -> list[str]:
    """Every page a reader can reach, from the files written (the 404 page is no page, and
    the search page shows nothing until a reader types)."""
    found = []
    for file in sorted(out.rglob("*.html")):
        relative = file.relative_to(out).as_posix()
        if relative in ("404.html", "search/index.html"):
            continue
        found.append(site_url + relative.removesuffix("index.html"))
    return sorted(found)


def sitemap_locs(out: Path) -> list[str]:
    root = ET.parse(out / "sitemap.xml").getroot()
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    return [loc.text for loc in root.findall("s:url/s:loc", NS)]


def test_the_sitemap_lists_every_html_page_exactly_once(out):
    locs = sitemap_locs(out)
    assert len(locs) == len(set(locs))
    assert sorted(locs) == html_page_urls(out, SITE_URL)
    assert SITE_URL + "corrections/" in locs and SITE_URL + "404.html" not in locs
    assert SITE_URL + "search/" not in locs


def test_sitemap_urls_are_the_pages_canonical_urls(out):
    for loc in sitemap_locs(out):
        page = read_html(out, loc.removeprefix(SITE_URL))
        assert page.find("link", rel="canonical")["href"] == loc


def test_claim_pages_carry_their_last_change_from_the_content(out):
    root = ET.parse(out / "sitemap.xml").getroot()
    lastmod = {url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
               for url in root.findall("s:url", NS)}
    assert lastmod[SITE_URL + "claims/budget-doubled/"] == "2025-03-10"
    assert lastmod[SITE_URL + "claims/six-weeks/"] == "2025-03-05"
    assert lastmod[SITE_URL] == "2025-03-10"
    assert lastmod[SITE_URL + "about/"] is None  # no date the content can vouch for


def test_robots_txt_points_at_the_sitemap(out):
    lines = (out / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in lines
    assert f"Sitemap: {SITE_URL}sitemap.xml" in lines


def test_the_shipped_sitemap_lists_every_page_once(shipped_build):
    root_url = read_html(shipped_build, "").find("link", rel="canonical")["href"]
    locs = sitemap_locs(shipped_build)
    assert sorted(locs) == html_page_urls(shipped_build, root_url)
    assert len(locs) == len(set(locs))
