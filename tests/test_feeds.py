"""/feed.xml as a feed reader sees it (feedparser), not as text."""
import json
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from conftest import SITES, copy_site, read_html, run_builder
from publishing import SITE_URL, build


def parse(out: Path):
    feed = feedparser.parse((out / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    return build(SITES / "publish", tmp_path_factory.mktemp("publish") / "_site")


def test_the_feed_is_valid_atom_with_every_claim(out):
    feed = parse(out)
    assert feed.version == "atom10"
    assert feed.feed.title == "Publish & Check"
    assert feed.feed.link == SITE_URL
    assert [link.href for link in feed.feed.links if link.rel == "self"] == [SITE_URL + "feed.xml"]
    assert feed.feed.author_detail.name == "Fixture Fact Desk"
    claims = json.loads((out / "data/claims.json").read_text(encoding="utf-8"))["claims"]
    assert sorted(entry.link for entry in feed.entries) == sorted(c["url"] for c in claims)
    assert len({entry.id for entry in feed.entries}) == len(claims)


def test_entries_are_newest_change_first_and_the_feed_is_as_new_as_its_newest(out):
    feed = parse(out)
    assert [(entry.link.rsplit("/", 2)[1], entry.updated[:10]) for entry in feed.entries] == [
        ("budget-doubled", "2025-03-10"),   # its latest correction
        ("visitors", "2025-03-07"),
        ("six-weeks", "2025-03-05"),
    ]
    assert feed.feed.updated == feed.entries[0].updated


def test_entries_carry_the_verdict_and_summary(out):
    entry = next(e for e in parse(out).entries if e.link.endswith("/six-weeks/"))
    assert entry.title == "The bridge will close for six weeks at most"
    assert entry.published.startswith("2025-03-05")
    assert {tag.term for tag in entry.tags} == {"correct", "bridge", "transport"}
    assert entry.summary.startswith("Verdict: Correct. Both reports quote")
    assert "<strong>six-week</strong>" in entry.content[0].value


def test_corrected_and_updated_claims_are_marked(out):
    entry = next(e for e in parse(out).entries if e.link.endswith("/budget-doubled/"))
    assert entry.title.startswith("[Corrected] ")
    assert "corrected" in {tag.term for tag in entry.tags}
    assert "Corrected 10 March 2025: We wrongly named the Gazette" in entry.summary
    assert "Updated 9 March 2025." in entry.summary
    assert "An earlier version gave the budget" in entry.content[0].value
    others = [e for e in parse(out).entries if not e.link.endswith("/budget-doubled/")]
    assert not any(e.title.startswith("[Corrected]") for e in others)


def test_characters_xml_cannot_carry_do_not_break_the_feed(tmp_path):
    site = copy_site("publish", tmp_path)
    claim = site / "content/claims/visitors.yml"
    claim.write_text(claim.read_text(encoding="utf-8").replace(
        "summary: Only the critics give the figure, with no source.",
        'summary: "Only <b>critics</b> & \\x01 \\x1b figures ]]> here"'), encoding="utf-8")
    feed = parse(build(site, tmp_path / "_site"))
    entry = next(e for e in feed.entries if e.link.endswith("/visitors/"))
    assert "Only <b>critics</b> & \ufffd \ufffd figures ]]> here" in entry.summary


def test_an_empty_site_feed_is_dated_by_source_date_epoch_not_the_clock(tmp_path):
    site = copy_site("publish", tmp_path)
    for claim in (site / "content/claims").iterdir():
        claim.unlink()
    feed = parse(build(site, tmp_path / "a", SOURCE_DATE_EPOCH="1740787200"))
    assert feed.feed.updated == "2025-03-01T00:00:00Z" and feed.entries == []
    unset = parse(build(site, tmp_path / "b", SOURCE_DATE_EPOCH=None))
    assert unset.feed.updated == "1970-01-01T00:00:00Z"


def test_every_page_points_feed_readers_at_the_feed(out):
    for path in ("", "claims/six-weeks/", "corrections/"):
        link = read_html(out, path).find("link", rel="alternate", type="application/atom+xml")
        assert link["href"] == "/publish/feed.xml"


def test_the_shipped_feed_reads_cleanly_with_every_claim(shipped_build):
    feed = parse(shipped_build)
    claims = json.loads((shipped_build / "data/claims.json").read_text(encoding="utf-8"))["claims"]
    assert sorted(entry.link for entry in feed.entries) == sorted(c["url"] for c in claims)
    assert all(entry.updated_parsed for entry in feed.entries)  # month-only dates included


def test_the_feed_carries_only_the_latest_changes(tmp_path):
    site = copy_site("publish", tmp_path)
    config = site / "site.yml"
    config.write_text(config.read_text(encoding="utf-8") + "feed_entries: 2\n", encoding="utf-8")
    feed = parse(build(site, tmp_path / "_site"))
    assert [entry.link.rsplit("/", 2)[1] for entry in feed.entries] == ["budget-doubled",
                                                                        "visitors"]


@pytest.mark.parametrize("value", ["0", "-3", "many", "2.5", "true"])
def test_feed_entries_must_be_a_count(tmp_path, value):
    site = copy_site("publish", tmp_path)
    config = site / "site.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text + f"feed_entries: {value}\n", encoding="utf-8")
    result = run_builder("check", "--site", str(site))
    line = text.count("\n") + 1
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"site.yml:{line}:15: 'feed_entries' must be a whole number from 1 up" in result.stderr


def test_an_editors_relative_links_lead_where_they_do_on_the_claim_page_from_feed_and_corrections(
        tmp_path):
    site = copy_site("publish", tmp_path)
    claim = site / "content/claims/budget-doubled.yml"
    text = claim.read_text(encoding="utf-8")
    text = text.replace("the earlier spend is not.",
                        "the earlier spend is not ([how we check](../../about/#contact)).")
    text = text.replace("as the only source.", "as the only source ([see](../visitors/)).")
    claim.write_text(text, encoding="utf-8")
    out = build(site, tmp_path / "_site")
    entry = next(e for e in parse(out).entries if e.link.endswith("/budget-doubled/"))
    content = BeautifulSoup(entry.content[0].value, "html.parser")
    assert [a["href"] for a in content.find_all("a")] == [
        SITE_URL + "about/#contact", SITE_URL + "claims/visitors/"]
    page = read_html(out, "claims/budget-doubled/")
    on_page = {a.get_text(): a["href"] for a in page.select("main a")}
    assert on_page["how we check"] == "/publish/about/#contact" and on_page["see"] == "/publish/claims/visitors/"
    listed = read_html(out, "corrections/").select_one(".corrections-list")
    assert listed.find("a", string="see")["href"] == "/publish/claims/visitors/"


def _feed_at(out: Path, path: str):
    feed = feedparser.parse((out / path).read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_each_tag_and_verdict_has_a_feed_of_its_claims_that_its_listing_names(out):
    bridge = _feed_at(out, "tags/bridge/feed.xml")
    assert bridge.feed.title == "Tag: Bridge · Publish & Check"
    assert bridge.feed.link == SITE_URL + "tags/bridge/"
    assert [link.href for link in bridge.feed.links if link.rel == "self"] == [
        SITE_URL + "tags/bridge/feed.xml"]
    claims = json.loads((out / "data/claims.json").read_text(encoding="utf-8"))["claims"]
    tagged = [c["url"] for c in claims if "Bridge" in c["tags"]]
    assert len(tagged) == 2 and sorted(e.link for e in bridge.entries) == sorted(tagged)
    # Entries are those of the site's feed, ids and all.
    every = {entry.link: entry.id for entry in parse(out).entries}
    assert all(every[entry.link] == entry.id for entry in bridge.entries)
    rated = _feed_at(out, "verdicts/misleading/feed.xml")
    assert [e.link for e in rated.entries] == [c["url"] for c in claims
                                               if c["verdict"] == "misleading"]
    # A verdict no claim has: an empty feed, as new as the site's newest change.
    none = _feed_at(out, "verdicts/incorrect/feed.xml")
    assert none.entries == [] and none.feed.updated == parse(out).feed.updated
    listing = read_html(out, "tags/bridge/")
    assert [link["href"] for link in listing.find_all(
        "link", rel="alternate", type="application/atom+xml")] == [
        "/publish/feed.xml", "/publish/tags/bridge/feed.xml"]
    assert listing.select_one(".feed-link a")["href"] == "/publish/tags/bridge/feed.xml"
