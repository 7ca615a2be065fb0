"""A claim marked `draft: true` is not published until the line goes: the preview (and
`build --drafts`) show it, marked as a draft, and a draft's problems never stop a build."""
import json
import re
from pathlib import Path

import feedparser
import pytest

from builder.serve import SiteBuilder
from conftest import copy_site, read_html, run_builder

DRAFT = "not-done"
TITLE = "Roe said the harbour work is not done"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The basic site with one claim made a draft, and a second draft only begun (as
    `make claim` starts one: every required value still empty)."""
    site = copy_site("basic", tmp_path_factory.mktemp("drafts"))
    claims = site / "content" / "claims"
    with open(claims / f"{DRAFT}.yml", "a", encoding="utf-8") as claim:
        claim.write("draft: true\n")
    (claims / "begun.yml").write_text("draft: true\nclaim:\nclaimant: Jane Roe\n",
                                      encoding="utf-8")
    return site


def _build(site: Path, out: Path, *flags: str):
    result = run_builder("build", "--site", str(site), "--out", str(out), *flags)
    assert result.returncode == 0, result.stderr
    return result


def _begun_warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "begun.yml" in line]


def test_a_build_publishes_no_draft_and_is_not_stopped_by_one(site, tmp_path):
    out = tmp_path / "_site"
    result = _build(site, out)
    assert re.search(r": 2 claims \(2 drafts left out: make serve shows drafts\), 2 sources, "
                     r"\d+ warnings? in", result.stdout), result.stdout
    begun = _begun_warnings(result.stderr)
    assert "begun.yml:2:1: warning: 'claim' is empty: give it a value (in a draft: not " \
           "published, so not stopping the build)" in "\n".join(begun)
    assert any("missing required key 'verdict'" in line for line in begun)
    assert all(": warning: " in line for line in begun)
    assert not (out / "claims" / DRAFT).exists() and not (out / "claims" / "begun").exists()
    published = [a.get_text() for a in read_html(out, "").select(".claim-link")]
    assert TITLE not in published and len(published) == 2
    assert DRAFT not in (out / "sitemap.xml").read_text(encoding="utf-8")
    data = json.loads((out / "data" / "claims.json").read_text(encoding="utf-8"))
    assert DRAFT not in {claim["id"] for claim in data["claims"]}
    assert TITLE not in {entry.title for entry in
                         feedparser.parse((out / "feed.xml").read_bytes()).entries}
    assert DRAFT not in (out / "data" / "claimreview.json").read_text(encoding="utf-8")
    # Its tag's page counts only what is published.
    assert [a.get_text() for a in read_html(out, "tags/harbour/").select(".claim-link")] == [
        "The harbour welcomed 40 ships in 2024"]


def test_check_tells_a_draft_s_problems_without_failing(site):
    result = run_builder("check", "--site", str(site))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: 2 claims (2 drafts left out), 2 sources")
    assert any("'claim' is empty" in line for line in _begun_warnings(result.stderr))


def test_build_drafts_shows_the_complete_draft_marked_as_one(site, tmp_path):
    out = tmp_path / "_site"
    result = _build(site, out, "--drafts")
    assert ": 3 claims (1 draft in error left out), 2 sources" in result.stdout
    assert all("(in a draft: left out until this is fixed)" in line
               for line in _begun_warnings(result.stderr))
    page = read_html(out, f"claims/{DRAFT}/")
    assert page.h1.get_text() == TITLE
    assert page.select_one(".draft-banner").get_text(" ", strip=True).startswith(
        "Draft. This claim is marked draft: true")
    card = next(li for li in read_html(out, "").select(".claim-card")
                if li.select_one(".claim-link").get_text() == TITLE)
    assert card.select_one(".draft-mark").get_text() == "Draft"
    assert not read_html(out, "claims/too-high/").select(".draft-banner, .draft-mark")


def test_the_preview_shows_drafts(site, tmp_path):
    outcome = SiteBuilder(str(site), str(tmp_path / "cache")).build()
    assert outcome.files is not None, outcome.problems
    page = outcome.files[f"claims/{DRAFT}/index.html"].decode("utf-8")
    assert 'class="draft-banner"' in page and TITLE in page
    assert "claims/begun/index.html" not in outcome.files
    assert any("begun.yml" in warning and "left out until this is fixed" in warning
               for warning in outcome.warnings)


def test_a_clash_with_a_draft_is_told_at_the_draft_and_never_stops_a_build(tmp_path):
    """A draft that sorts first, spelling a published claim's tag another way and listing
    another's former id: the published claims are as they were, so the problems are the
    draft's, told there as warnings."""
    site = copy_site("basic", tmp_path / "site")
    claims = site / "content" / "claims"
    with open(claims / "harbour-ships.yml", "a", encoding="utf-8") as claim:
        claim.write("former_ids: [harbour-visits]\n")
    (claims / "aaa-early.yml").write_text(
        (claims / "too-high.yml").read_text(encoding="utf-8").replace(
            "Critics called", "Early critics called")
        + "tags: [HARBOUR]\nformer_ids: [harbour-visits]\ndraft: true\n", encoding="utf-8")
    out = tmp_path / "_site"
    result = _build(site, out)
    told = [line for line in result.stderr.splitlines() if "HARBOUR" in line
            or "harbour-visits" in line]
    assert len(told) == 2 and all(line.startswith(str(claims / "aaa-early.yml"))
                                  and ": warning: " in line for line in told), result.stderr
    assert (out / "claims" / "harbour-visits" / "index.html").exists()
    # Shown, as the preview shows drafts, the draft is the one in error and left out.
    result = _build(site, tmp_path / "drafts", "--drafts")
    assert "(1 draft in error left out)" in result.stdout
    assert not (tmp_path / "drafts" / "claims" / "aaa-early").exists()
