"""Static search: the build indexes claims, articles and the editors' pages with Pagefind,
and the search page finds them in a real browser, under the site's base path."""
from __future__ import annotations

import json
import shutil

import pytest

import builder.search as search
from builder.build import BuildOptions, build
from conftest import PROJECT, copy_site, in_a_real_browser, read_html

RESULT = ".pagefind-ui__result"


def _indexed(site) -> set[str]:
    return {str(page.relative_to(site)) for page in site.rglob("*.html")
            if "data-pagefind-body" in page.read_text(encoding="utf-8")}


def test_the_index_holds_claims_articles_and_pages_and_no_listing(shipped_build):
    indexed = _indexed(shipped_build)
    claims = {f"claims/{path.stem}/index.html"
              for path in (PROJECT / "content/claims").glob("*.yml")}
    sources = {f"sources/{path.stem}/index.html" for path in (PROJECT / "seeds").glob("*.txt")}
    assert claims | sources <= indexed
    assert {"about/index.html", "methodology/index.html"} <= indexed
    assert not {"index.html", "consistency/index.html", "search/index.html"} & indexed
    entry = json.loads((shipped_build / "pagefind/pagefind-entry.json").read_text())
    (language,) = entry["languages"].values()
    assert language["page_count"] == len(indexed)


def test_every_page_links_to_the_search_page(shipped_build):
    for path in ("", "claims/maximum-pressure-on-putin/", "consistency/"):
        links = read_html(shipped_build, path).select("nav[aria-label=Site] a")
        assert "Search" in [link.get_text() for link in links]
    assert read_html(shipped_build, "search/").select_one("h1").get_text() == "Search"


@pytest.fixture(scope="module")
def site_in_chromium(shipped_build, tmp_path_factory):
    with in_a_real_browser(shipped_build, tmp_path_factory.mktemp("search")) as served:
        yield served


TITLE = ".pagefind-ui__result-inner > .pagefind-ui__result-title .pagefind-ui__result-link"


def _results(page) -> list[tuple[str, str]]:
    """Each result's link and title (not its sections'), once every result has loaded
    (Pagefind shows a placeholder until a page's text has come)."""
    page.wait_for_function(
        f"document.querySelectorAll('{RESULT}').length > 0 && "
        f"document.querySelectorAll('{RESULT}').length === "
        f"document.querySelectorAll('{TITLE}').length", timeout=15000)
    return [(link.get_attribute("href"), link.inner_text())
            for link in page.query_selector_all(TITLE)]


def test_a_search_from_a_link_finds_the_claim_under_the_base_path(site_in_chromium):
    browser, root = site_in_chromium
    page = browser.new_page()
    page.goto(root + "search/?q=Barents")
    results = _results(page)
    assert ("/factcheck/claims/no-british-ships-in-barents-sea-since-2022/",
            "British ships have not entered the Barents Sea since 2022 — rated Mostly correct"
            ) in results
    page.click(f"{RESULT} .pagefind-ui__result-link >> nth=0")
    page.wait_for_url("**/claims/**")
    assert results[0][1].startswith(page.inner_text("h1") + " — rated ")
    page.close()


def test_typing_a_search_shows_each_claims_verdict_and_each_articles_outlet(site_in_chromium):
    browser, root = site_in_chromium
    page = browser.new_page()
    page.goto(root + "search/")
    page.fill("input.pagefind-ui__search-input", "started")
    page.wait_for_selector(f"{RESULT} >> text=Ukraine started the war — rated Incorrect")
    titles = [title for _, title in _results(page)]
    assert "Trump said Ukraine started the war — rated Correct" in titles
    assert any(title.endswith("(The Independent)") for title in titles)
    assert page.query_selector_all(".pagefind-ui__result-tag") == []  # not said twice
    page.close()


def test_an_articles_result_shows_its_text_not_its_labels_or_the_claims_listed_under_it(
        site_in_chromium):
    """The outlet is in the title; the excerpt is the report's own words, and the claims
    it lists are results of their own, not a section of the article's."""
    browser, root = site_in_chromium
    page = browser.new_page()
    page.goto(root + "search/?q=Healey")
    results = _results(page)
    articles = [title for href, title in results if "/sources/" in href]
    assert articles and all(title.endswith(")") for title in articles), articles
    excerpts = page.locator(f"{RESULT} .pagefind-ui__result-excerpt").all_inner_texts()
    assert excerpts and not [e for e in excerpts if "Outlet" in e or "Published" in e]
    sections = page.locator(f"{RESULT} .pagefind-ui__result-nested .pagefind-ui__result-link")
    assert "Claims checked in this article" not in sections.all_inner_texts()
    page.close()


@pytest.mark.parametrize("verdict", ["Misleading", "Unverifiable", "Mixed"])
def test_a_verdict_searched_for_finds_the_claims_so_rated_not_every_claim_on_the_scale(
        site_in_chromium, verdict):
    """Every claim page shows the whole rating scale and what its verdict means: that is
    not what the claim says, and is left out of the index."""
    browser, root = site_in_chromium
    page = browser.new_page()
    page.goto(root + f"search/?q={verdict.lower()}")
    claims = [title for href, title in _results(page) if "/claims/" in href]
    assert claims and all(title.endswith(f" — rated {verdict}") for title in claims), claims
    page.close()


def test_without_an_index_the_search_page_says_search_is_unavailable(site_in_chromium):
    browser, root = site_in_chromium
    page = browser.new_page()
    page.route("**/pagefind/**", lambda route: route.abort())
    page.goto(root + "search/")
    notice = page.locator(".search-unavailable")
    notice.wait_for(state="visible")
    assert "Search is not available on this copy of the site" in notice.inner_text()
    page.close()


def test_a_missing_pagefind_is_a_warning_and_the_site_is_still_written(tmp_path, monkeypatch):
    import pagefind_bin

    def missing():
        raise FileNotFoundError("no pagefind binary")
    monkeypatch.setattr(pagefind_bin, "get_executable", missing)
    site = copy_site("basic", tmp_path)
    out = tmp_path / "out"
    report = build(BuildOptions(str(site), str(out)))
    (problem,) = [p for p in report.warnings if "search" in p.message]
    assert problem.is_warning and str(problem.position).startswith(str(out / "pagefind"))
    assert "no pagefind binary" in problem.message
    assert (out / "search/index.html").is_file() and not (out / "pagefind").exists()


def test_a_failing_pagefind_is_a_warning_with_what_it_said(tmp_path, monkeypatch):
    import pagefind_bin
    failing = tmp_path / "pagefind"
    failing.write_text("#!/bin/sh\necho 'Error: could not read the site' >&2\nexit 3\n")
    failing.chmod(0o755)
    monkeypatch.setattr(pagefind_bin, "get_executable", lambda: failing)
    out = tmp_path / "out"
    report = build(BuildOptions(str(copy_site("basic", tmp_path)), str(out)))
    messages = [p.message for p in report.warnings if "search" in p.message]
    assert messages == ["no search index was made, so the search page will say search is "
                        "unavailable: Error: could not read the site"]
    assert (out / "index.html").is_file()


def test_the_index_is_counted_among_the_files_written(tmp_path):
    out = tmp_path / "out"
    report = build(BuildOptions(str(copy_site("basic", tmp_path)), str(out)))
    assert report.files == sum(1 for path in out.rglob("*") if path.is_file())
    assert search.files_in_index(str(out)) > 0
    assert any(stage == "index for search" for stage, _ in report.stages)


def test_a_site_can_do_without_search(tmp_path):
    site = copy_site("basic", tmp_path)
    with (site / "site.yml").open("a", encoding="utf-8") as config:
        config.write("search: false\n")
    out = tmp_path / "out"
    report = build(BuildOptions(str(site), str(out)))
    assert not (out / "search").exists() and not (out / "pagefind").exists()
    assert "Search" not in [link.get_text() for link in read_html(out, "").select("nav a")]
    assert all(stage != "index for search" for stage, _ in report.stages)
