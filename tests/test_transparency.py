"""What the IFCN code asks to be visible: corrections, who publishes and funds the site, how
to reach them and report an error; and what a share card shows."""
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from builder.transparency import contact_link, report_error_url
from conftest import SITES, copy_site, read_html
from publishing import SITE_URL, build


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    return build(SITES / "publish", tmp_path_factory.mktemp("publish") / "_site")


def test_the_corrections_page_lists_every_correction_newest_first(out):
    page = read_html(out, "corrections/")
    items = page.select(".corrections-list .correction")
    assert [(item.time["datetime"], item.a["href"]) for item in items] == [
        ("2025-03-10", "/publish/claims/budget-doubled/"),
        ("2025-03-08", "/publish/claims/budget-doubled/"),
    ]
    assert items[0].em.get_text() == "Gazette"
    footer_links = {a.get_text(): a["href"] for a in read_html(out, "").select(".colophon a")}
    assert footer_links["Corrections"] == "/publish/corrections/"


def test_the_claim_page_shows_its_corrections(out):
    section = read_html(out, "claims/budget-doubled/").select_one("section.corrections")
    assert [time["datetime"] for time in section.find_all("time")] == ["2025-03-10", "2025-03-08"]


def test_every_claim_page_offers_a_way_to_report_an_error(out):
    for claim_id in ("budget-doubled", "six-weeks", "visitors"):
        link = read_html(out, f"claims/{claim_id}/").select_one(".report-error a")
        parts = urlsplit(link["href"])
        assert (parts.scheme, parts.path) == ("mailto", "errors@desk.example")
        assert parse_qs(parts.query)["subject"] == [f"Error report: {SITE_URL}claims/{claim_id}/"]


@pytest.mark.parametrize("contact, expected", [
    ("errors@desk.example", "mailto:errors@desk.example?subject=Error%20report%3A%20U"),
    ("mailto:errors@desk.example", "mailto:errors@desk.example?subject=Error%20report%3A%20U"),
    ("https://desk.example/contact", "https://desk.example/contact"),
    ("Desk, 1 Harbour Road", "https://desk.example/"),
    (None, "https://desk.example/"),
])
def test_the_report_link_falls_back_to_what_there_is(contact, expected):
    from builder.model import Publisher, SiteConfig
    config = SiteConfig("T", "D", "https://s.example/", "en", Publisher("Desk", "https://desk.example/"),
                        (), (), None, contact)
    assert report_error_url(config, "U") == expected


def test_about_shows_publisher_funding_and_contact(out):
    facts = read_html(out, "about/").select_one(".about-facts")
    shown = dict(zip([dt.get_text() for dt in facts.find_all("dt")],
                     [dd for dd in facts.find_all("dd")]))
    assert shown["Publisher"].a["href"] == "https://desk.example/"
    assert shown["Funding"].get_text() == "Funded by readers' donations; no advertising."
    assert shown["Contact"].a["href"] == "mailto:errors@desk.example"
    assert shown["Corrections"].a["href"] == "/publish/corrections/"


def test_contact_that_is_no_address_is_shown_as_text(tmp_path):
    site = copy_site("publish", tmp_path)
    config = site / "site.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "contact: errors@desk.example", "contact: Write to 1 Harbour Road").replace(
        "funding: Funded by readers' donations; no advertising.\n", ""), encoding="utf-8")
    facts = read_html(build(site, tmp_path / "_site"), "about/").select_one(".about-facts")
    assert [dt.get_text() for dt in facts.find_all("dt")] == ["Publisher", "Contact", "Corrections"]
    assert "Write to 1 Harbour Road" in facts.get_text()
    assert contact_link("Write to 1 Harbour Road") is None


def test_share_cards_carry_title_verdict_and_summary(out):
    page = read_html(out, "claims/six-weeks/")
    meta = {tag.get("property") or tag.get("name"): tag["content"]
            for tag in page.find_all("meta") if tag.has_attr("content")}
    assert meta["og:type"] == "article"
    assert meta["og:title"] == meta["twitter:title"] == "The bridge will close for six weeks at most"
    assert meta["og:description"] == meta["twitter:description"] == meta["description"] == \
        "Verdict: Correct. Both reports quote the councillor's six-week limit."
    assert meta["og:url"] == SITE_URL + "claims/six-weeks/"
    assert meta["twitter:card"] == "summary"
    assert meta["og:locale"] == "en_GB"  # the site's language, en-GB, as Open Graph writes it
    home = {tag.get("property"): tag["content"] for tag in read_html(out, "").find_all("meta")
            if tag.get("property")}
    assert (home["og:type"], home["og:title"]) == ("website", "Publish & Check")


@pytest.mark.parametrize("language, locale", [("en-GB", "en_GB"), ("fr", "fr"),
                                              ("sr-Latn-RS", "sr_RS"), ("EN-us", "en_US")])
def test_the_share_card_locale_is_the_language_and_region_of_the_site_s_language(
        language, locale):
    from builder.render import og_locale
    assert og_locale(language) == locale


def test_an_editors_corrections_page_introduces_the_list_instead_of_clashing(tmp_path):
    site = copy_site("publish", tmp_path)
    (site / "content/pages/corrections.md").write_text(
        "---\ntitle: Our corrections policy\n---\nWe correct **openly**.\n", encoding="utf-8")
    out = build(site, tmp_path / "_site")
    page = read_html(out, "corrections/")
    assert page.h1.get_text() == "Our corrections policy"
    assert page.select_one("article strong").get_text() == "openly"
    assert len(page.select(".corrections-list .correction")) == 2
