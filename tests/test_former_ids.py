"""A renamed claim keeps its old address: `former_ids` lead readers, aggregators and
search engines from the old address to the claim's page."""
import json
import re
from pathlib import Path

import feedparser
import pytest

from conftest import copy_site, edit, in_a_real_browser, read_html, run_builder

OLD, NEW = "harbour-ships", "harbour-ships-2024"


@pytest.fixture(scope="module")
def renamed(tmp_path_factory) -> Path:
    """The basic site with a claim renamed, and another claim's summary still linking to
    its old address."""
    site = copy_site("basic", tmp_path_factory.mktemp("renamed"))
    claims = site / "content" / "claims"
    (claims / f"{OLD}.yml").rename(claims / f"{NEW}.yml")
    with open(claims / f"{NEW}.yml", "a", encoding="utf-8") as claim:
        claim.write(f"former_ids: [{OLD}]\n")
    edit(claims / "too-high.yml", "summary: ", f"summary: See [the count](../{OLD}/). ")
    return site


@pytest.fixture(scope="module")
def out(renamed) -> Path:
    target = renamed.parent / "_site"
    result = run_builder("build", "--site", str(renamed), "--out", str(target))
    assert result.returncode == 0, result.stderr
    # The link to the old address leads somewhere: no warning.
    assert ", 0 warnings in " in result.stdout, result.stdout + result.stderr
    return target


def test_the_old_address_leads_to_the_claim(out):
    page = read_html(out, f"claims/{OLD}/")
    refresh = page.find("meta", attrs={"http-equiv": "refresh"})
    assert refresh["content"] == f"0; url=/basic/claims/{NEW}/"
    assert page.find("link", rel="canonical")["href"] == \
        f"https://example.github.io/basic/claims/{NEW}/"
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    link = page.main.a
    assert (link["href"], link.get_text()) == (f"/basic/claims/{NEW}/",
                                               "The harbour welcomed 40 ships in 2024")
    # The claim itself is at its new address, under its new id.
    assert read_html(out, f"claims/{NEW}/").h1.get_text() == "The harbour welcomed 40 ships in 2024"


def test_search_engines_and_the_data_know_the_new_address_only_as_the_page(out):
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert f"/basic/claims/{NEW}/</loc>" in sitemap
    assert f"/claims/{OLD}/<" not in sitemap
    claims = {claim["id"]: claim for claim in
              json.loads((out / "data" / "claims.json").read_text(encoding="utf-8"))["claims"]}
    assert claims[NEW]["former_ids"] == [OLD]
    assert claims[NEW]["url"] == f"https://example.github.io/basic/claims/{NEW}/"
    assert claims["too-high"]["former_ids"] == []


def test_feed_readers_see_the_renamed_claim_as_the_entry_they_had(out):
    feed = feedparser.parse((out / "feed.xml").read_bytes())
    entry = next(e for e in feed.entries if e.title == "The harbour welcomed 40 ships in 2024")
    assert entry.id == f"https://example.github.io/basic/claims/{OLD}/"  # as first published
    assert entry.link == f"https://example.github.io/basic/claims/{NEW}/"
    others = [e.id for e in feed.entries if e is not entry]
    assert others and all(e.endswith(("/too-high/", "/not-done/")) for e in others)


def test_a_browser_lands_on_the_claim_with_the_anchor_kept(out, tmp_path):
    with in_a_real_browser(out, tmp_path, mount="basic") as (browser, root):
        page = browser.new_page()
        page.goto(f"{root}claims/{OLD}/#where")
        page.wait_for_url(re.compile(rf".*/claims/{NEW}/#where$"))
        assert page.locator("h1").inner_text() == "The harbour welcomed 40 ships in 2024"
        # Without JavaScript the refresh still leads there.
        still = browser.new_page(java_script_enabled=False)
        still.goto(f"{root}claims/{OLD}/")
        still.wait_for_url(re.compile(rf".*/claims/{NEW}/$"))
        assert still.locator("h1").inner_text() == "The harbour welcomed 40 ships in 2024"


def test_every_former_id_in_error_is_told_in_one_run(tmp_path):
    site = copy_site("basic", tmp_path)
    claims = site / "content" / "claims"
    with open(claims / f"{OLD}.yml", "a", encoding="utf-8") as claim:
        claim.write(f"former_ids:\n  - {OLD}\n  - too-high\n  - /claims/Old Count/\n"
                    "  - old-count\n  - old-count\n")
    with open(claims / "not-done.yml", "a", encoding="utf-8") as claim:
        claim.write("former_ids: [old-count]\n")
    result = run_builder("build", "--site", str(site), "--out", str(tmp_path / "_site"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    told = [line.split(": ", 1) for line in result.stderr.splitlines() if ": " in line]
    at = {where.rsplit("/", 1)[-1]: message for where, message in told}
    assert at[f"{OLD}.yml:17:5"].startswith(f"'{OLD}' is this claim's own id")
    assert at[f"{OLD}.yml:18:5"].startswith("'too-high' is the id of claim ")
    assert at[f"{OLD}.yml:19:5"].endswith("write the id alone: old-count")
    first = f"{OLD}.yml:20:5"
    assert first not in at
    assert at[f"{OLD}.yml:21:5"].startswith("'old-count' is listed twice, here and at ")
    assert at["not-done.yml:14:14"].startswith(f"'old-count' is a former id of claim '{OLD}' "
                                               f"too (") and first in at["not-done.yml:14:14"]
    assert len(told) == 5 and result.stderr.endswith("5 errors; nothing was written\n")
    assert not (tmp_path / "_site").exists()
