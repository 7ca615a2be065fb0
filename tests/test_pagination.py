"""Long lists come a page at a time, and every item is on exactly one page that links on."""
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from builder.gcpause import can_fork
from builder.pagination import page_path, paginate, titled
from conftest import copy_site, read_html, run_builder

BASE = "/check/"  # the minimal site's base path
CLAIMS = 120
QUOTED = 45  # sentences both seeds quote alike: one group each


def test_a_list_is_cut_into_pages_that_link_to_their_neighbours():
    pages = paginate("tags/x/", list(range(120)), 50, "/b/")
    assert [path for path, _, _ in pages] == ["tags/x/", "tags/x/page/2/", "tags/x/page/3/"]
    assert [list(items) for _, items, _ in pages] == [
        list(range(50)), list(range(50, 100)), list(range(100, 120))]
    first, second, last = (pager for _, _, pager in pages)
    assert (first.previous, first.next) == (None, "/b/tags/x/page/2/")
    assert (second.previous, second.next) == ("/b/tags/x/", "/b/tags/x/page/3/")
    assert (last.previous, last.next) == ("/b/tags/x/page/2/", None)
    assert (last.first_item, last.last_item, last.total_items) == (101, 120, 120)
    assert [link.current for link in second.links] == [False, True, False]


def test_far_pages_are_reached_through_the_first_the_last_and_the_near_ones():
    pager = paginate("", list(range(1000)), 50, "/")[9][2]
    assert [link.number if link else None for link in pager.links] == [
        1, None, 8, 9, 10, 11, 12, None, 20]
    assert pager.links[4].url == "/page/10/" and pager.links[4].current


def test_an_empty_list_is_one_empty_page_without_links():
    [(path, items, pager)] = paginate("tags/x/", [], 50, "/")
    assert (path, list(items), pager.several) == ("tags/x/", [], False)


def test_later_pages_have_titles_of_their_own():
    pagers = [pager for _, _, pager in paginate("x/", list(range(3)), 1, "/")]
    assert [titled("Tag: x", p) for p in pagers] == [
        "Tag: x", "Tag: x (page 2 of 3)", "Tag: x (page 3 of 3)"]
    assert page_path("", 2) == "page/2/"


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    """The minimal site with many claims, and many quotations two outlets share."""
    root = tmp_path_factory.mktemp("many")
    site = copy_site("minimal", root)
    shared = "".join(f"Speaker Number{n} said: “Statement {n} about the harbour bridge "
                     f"number {n} stands.”\n" for n in range(QUOTED))
    for stem in ("alpha", "beta"):
        seed = site / f"seeds/{stem}.txt"
        seed.write_text(seed.read_text(encoding="utf-8") + "\n" + shared, encoding="utf-8")
    for n in range(CLAIMS):
        (site / f"content/claims/many-{n:03d}.yml").write_text(
            f"claim: Statement {n} was made\nclaimant: Speaker Number{n % QUOTED}\n"
            f"date: 2024-01-{1 + n % 28:02d}\nverdict: correct\nsummary: Generated.\n"
            f"appearances:\n" + "".join(
                f"  - source: {stem}\n    quote: Statement {n % QUOTED} about the harbour "
                f"bridge\n" for stem in ("alpha", "beta")) + "tags: [many]\n", encoding="utf-8")
    target = root / "_site"
    result = run_builder("build", "--site", str(site), "--out", str(target))
    assert result.returncode == 0, result.stderr
    return target


def followed(out: Path, first: str) -> list:
    """Each page of a list, from its first, by its rel=next links."""
    pages, path = [], first
    while path is not None:
        page = read_html(out, path)
        pages.append(page)
        following = page.select_one(".pager a[rel=next]")
        path = urlsplit(following["href"]).path.removeprefix(BASE) if following else None
        assert len(pages) < 50
    return pages


def claim_links(page) -> list[str]:
    return [a["href"] for a in page.select(".claims .claim-link")]


def test_every_claim_is_on_exactly_one_home_page_newest_first(out):
    pages = followed(out, "")
    assert len(pages) == 3  # 123 claims, 50 a page
    listed = [href for page in pages for href in claim_links(page)]
    assert len(listed) == len(set(listed)) == CLAIMS + 3
    assert pages[1].title.get_text().startswith("All claims (page 2 of 3)")
    assert pages[1].select_one(".pager [aria-current=page]").get_text() == "2"
    dates = [time["datetime"] for page in pages for time in page.select(".claims time")]
    assert dates == sorted(dates, reverse=True)


def test_tag_and_verdict_listings_are_paginated_too(out):
    tagged = [href for page in followed(out, "tags/many/") for href in claim_links(page)]
    assert len(tagged) == len(set(tagged)) == CLAIMS
    correct = [href for page in followed(out, "verdicts/correct/") for href in claim_links(page)]
    assert len(correct) == len(set(correct)) == CLAIMS + 2


def test_every_group_is_on_one_consistency_page_and_its_links_find_it(out):
    pages = followed(out, "consistency/")
    assert len(pages) == 3  # 45 groups, 20 a page
    ids = [group["id"] for page in pages for group in page.select("article.group")]
    assert len(ids) == len(set(ids)) == QUOTED
    # Links to a group, from its speaker's page and from claims, reach the page it is on.
    speaker = read_html(out, "consistency/speakers/speaker-number44/")
    [link] = speaker.select(".group-list a")
    path, anchor = urlsplit(link["href"]).path.removeprefix(BASE), urlsplit(link["href"]).fragment
    assert read_html(out, path).find(id=anchor).name == "article"
    claim = read_html(out, "claims/many-044/")
    hrefs = [a["href"] for a in claim.find_all("a", href=True) if "/consistency/" in a["href"]
             and "#" in a["href"]]
    assert hrefs and all(read_html(out, urlsplit(h).path.removeprefix(BASE))
                         .find(id=urlsplit(h).fragment) for h in hrefs)
    # With more than one page, the in-page filter would mislead: browsing replaces it.
    assert pages[0].select_one("form.filters") is None
    assert pages[0].select_one("details.browse a[href$='/consistency/speakers/speaker-number0/']")


def test_a_large_site_renders_on_two_cores_to_the_same_bytes(out, tmp_path, monkeypatch):
    """The pages a forked helper renders are byte for byte those one process renders."""
    from builder import render
    from builder.build import BuildOptions, build

    if not can_fork():
        pytest.skip("needs fork and a second core")
    site = out.parent / "minimal"
    monkeypatch.setattr(render, "PARALLEL_FROM", 10)
    build(BuildOptions(str(site), str(tmp_path / "shared")))
    monkeypatch.setenv("BUILDER_NO_FORK", "1")
    build(BuildOptions(str(site), str(tmp_path / "alone")))
    shared, alone = tree(tmp_path / "shared"), tree(tmp_path / "alone")
    assert len(shared) > 150 and shared == alone == tree(out)


def test_the_helper_renders_every_other_page_and_its_failure_loses_none():
    from builder.render import Page, render_pages

    if not can_fork():
        pytest.skip("needs fork and a second core")
    pages = [Page(f"p{n}/", "page.html", f"page {n}") for n in range(400)]
    parent = os.getpid()
    where = render_pages(pages, lambda page: b"here" if os.getpid() == parent else b"helper")
    assert where[0::2] == [b"here"] * 200 and where[1::2] == [b"helper"] * 200

    def fails_in_the_helper(page):
        if os.getpid() != parent:
            raise RuntimeError("the helper breaks")
        return page.title.encode()
    assert render_pages(pages, fails_in_the_helper) == [p.title.encode() for p in pages]


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_the_feed_holds_the_latest_fifty_not_the_archive(out):
    import feedparser

    feed = feedparser.parse((out / "feed.xml").read_bytes())
    assert not feed.bozo and len(feed.entries) == 50


def test_an_outlet_page_shows_its_newest_claims_and_links_to_them_all(out):
    page = read_html(out, "outlets/daily/")
    newest = claim_links(page)
    link = page.find("a", string=lambda text: text and text.startswith("All ")
                     and text.endswith("claims found in its articles"))
    assert link is not None and link["href"] == f"{BASE}outlets/daily/claims/"
    every = [href for listing in followed(out, "outlets/daily/claims/")
             for href in claim_links(listing)]
    assert len(newest) == 10 and newest == every[:10]
    assert len(every) == len(set(every)) == int(link.get_text().split()[1]) == CLAIMS + 1


def group_anchors(page) -> list[str]:
    return [urlsplit(a["href"]).fragment for a in page.select(".group-list a")]


def test_an_outlet_page_shows_its_most_divergent_quotations_and_links_to_them_all(out):
    page = read_html(out, "outlets/daily/")
    link = page.find("a", string=lambda text: text and text.startswith("All ")
                     and "quotations" in text)
    assert link is not None and link["href"] == f"{BASE}outlets/daily/quotations/"
    listings = followed(out, "outlets/daily/quotations/")
    assert len(listings) == 3  # 45 groups, 20 a page
    assert listings[1].title.get_text().startswith("Quotations in The Daily Example (page 2 of 3)")
    every = [anchor for listing in listings for anchor in group_anchors(listing)]
    # Every group both seeds quote has the outlet, in the order of /consistency/.
    in_order = [group["id"] for listing in followed(out, "consistency/")
                for group in listing.select("article.group")]
    assert every == in_order and int(link.get_text().split()[1]) == QUOTED
    assert group_anchors(page) == every[:10]
    first = listings[2].select_one(".group-list a")["href"]
    path, anchor = urlsplit(first).path.removeprefix(BASE), urlsplit(first).fragment
    assert read_html(out, path).find(id=anchor).name == "article"


def test_an_outlet_page_shows_its_newest_articles_and_links_to_them_all(tmp_path):
    site = copy_site("minimal", tmp_path)
    for n in range(60):  # with the site's own, 61 articles from The Daily Example
        dated = f"2024-{1 + n % 12:02d}-{1 + n // 12:02d}" if n % 10 else "unknown"
        (site / f"seeds/extra-{n:02d}.txt").write_text(f"Report number {n}.\n", encoding="utf-8")
        (site / f"seeds/extra-{n:02d}.yml").write_text(
            f"outlet: daily\nheadline: Report {n}\npublished: {dated}\n", encoding="utf-8")
    out = tmp_path / "_site"
    result = run_builder("build", "--site", str(site), "--out", str(out))
    assert result.returncode == 0, result.stderr
    page = read_html(out, "outlets/daily/")
    link = page.find("a", string="All 61 articles")
    assert link is not None and link["href"] == f"{BASE}outlets/daily/articles/"
    listings = followed(out, "outlets/daily/articles/")
    assert len(listings) == 2  # 50 a page
    every = [a.get_text() for listing in listings for a in listing.select(".article-list a")]
    assert len(every) == len(set(every)) == 61
    shown = [a.get_text() for a in page.select("#articles ~ .article-list a")]
    assert shown == every[:10]
    # Newest first: the site's own article (2025) leads, the six undated ones come last.
    dates = [li.select_one(".meta").get_text() for listing in listings
             for li in listing.select(".article-list li")]
    assert every[0] == "Harbour bridge to close for repairs"
    assert dates[-6:] == ["(date unknown)"] * 6 and "(date unknown)" not in dates[:-6]
    assert every[1:3] == ["Report 59", "Report 47"]  # 2024-12-05, then 2024-12-04
