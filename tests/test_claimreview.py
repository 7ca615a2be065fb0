"""ClaimReview as aggregators read it: extracted from the pages by extruct, not by regex."""
import csv
import json
import re
from pathlib import Path

import extruct
import pytest

from builder.claimreview import script_json, structural_breaches
from conftest import SITES, copy_site, read_html, run_builder

SITE_URL = "https://example.github.io/publish/"
CLAIM_IDS = ("budget-doubled", "six-weeks", "visitors")


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("publish") / "_site"
    result = run_builder("build", "--site", str(SITES / "publish"), "--out", str(target))
    assert result.returncode == 0, result.stderr
    return target


def claim_reviews_on(out: Path, url_path: str) -> list[dict]:
    html = (out / url_path / "index.html").read_text(encoding="utf-8")
    found = extruct.extract(html, base_url=SITE_URL + url_path, syntaxes=["json-ld"])["json-ld"]
    return [item for item in found if item.get("@type") == "ClaimReview"]


@pytest.mark.parametrize("claim_id", CLAIM_IDS)
def test_each_claim_page_has_exactly_one_claim_review_with_every_property(out, claim_id):
    reviews = claim_reviews_on(out, f"claims/{claim_id}/")
    assert len(reviews) == 1
    review = reviews[0]
    page = read_html(out, f"claims/{claim_id}/")
    assert review["@context"] == "https://schema.org"
    assert review["claimReviewed"] == page.h1.get_text()
    assert review["url"] == f"{SITE_URL}claims/{claim_id}/"
    assert review["url"] == page.find("link", rel="canonical")["href"]
    assert review["author"] == {"@type": "Organization", "name": "Fixture Fact Desk",
                                "url": "https://desk.example/"}
    rating = review["reviewRating"]
    assert rating["alternateName"] == page.select_one(".verdict-line .verdict").get_text()
    assert rating["worstRating"] >= 1
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    assert review["datePublished"]
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {"@type": "Person", "name": page.select_one(".claimant").get_text()}
    assert item["datePublished"] == page.select_one(".meta time")["datetime"]
    assert item["appearance"] and item["firstAppearance"] in item["appearance"]
    for work in item["appearance"]:
        assert work["headline"] and work["datePublished"] and work["publisher"]["name"]


def test_ratings_follow_the_scale_best_highest(out):
    ratings = {claim_id: claim_reviews_on(out, f"claims/{claim_id}/")[0]["reviewRating"]
               for claim_id in CLAIM_IDS}
    assert {c: (r["ratingValue"], r["bestRating"], r["worstRating"], r["alternateName"])
            for c, r in ratings.items()} == {
        "six-weeks": (4, 4, 1, "Correct"),
        "budget-doubled": (3, 4, 1, "Mostly correct"),
        "visitors": (2, 4, 1, "Misleading"),
    }


def test_appearances_name_each_article_once_and_the_first_is_the_earliest(out):
    item = claim_reviews_on(out, "claims/six-weeks/")[0]["itemReviewed"]
    assert [(w["headline"], w["datePublished"], w.get("url"), w["publisher"]["name"])
            for w in item["appearance"]] == [
        ("Ferries to run every half hour during bridge closure", "2025-03-04",
         "https://gazette.example/ferries", "The Harbour Gazette"),
        ("Bridge shuts for repairs <update>", "2025-03-03", None, "Courier <Evening> & Sons"),
    ]
    assert item["firstAppearance"]["datePublished"] == "2025-03-03"


def test_updated_claims_say_when(out):
    review = claim_reviews_on(out, "claims/budget-doubled/")[0]
    assert (review["datePublished"], review["dateModified"]) == ("2025-03-06", "2025-03-09")


def test_no_content_can_close_the_script_element(out):
    raw = (out / "claims/visitors/index.html").read_text(encoding="utf-8")
    script = raw.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in script and ">" not in script and "&" not in script
    assert "\\u003cEvening\\u003e \\u0026 Sons" in script


def test_hostile_text_stays_data(tmp_path):
    site = copy_site("publish", tmp_path)
    claim = site / "content/claims/visitors.yml"
    hostile = "</script><script>alert(1)</script><!-- & a \u2028 line"
    claim.write_text(claim.read_text(encoding="utf-8").replace(
        'claim: "10,000 visitors a week will stay away"', f"claim: {json.dumps(hostile)}"),
        encoding="utf-8")  # a JSON string is a YAML double-quoted one: \u2028 stays escaped
    out = tmp_path / "_site"
    result = run_builder("build", "--site", str(site), "--out", str(out))
    assert result.returncode == 0, result.stderr
    reviews = claim_reviews_on(out, "claims/visitors/")
    assert [review["claimReviewed"] for review in reviews] == [hostile]
    page = read_html(out, "claims/visitors/")
    assert [s.get("type") for s in page.find_all("script")] == ["application/ld+json"]


def test_script_json_is_json_that_round_trips():
    value = {"a": "</script>&<!--\u2028\u2029", "b": [1, "é"]}
    text = script_json(value)
    assert json.loads(text) == value
    assert not set("<>&\u2028\u2029") & set(text)


def test_a_built_review_an_aggregator_would_reject_is_named():
    base = "https://example.github.io/publish/"
    review = {"claimReviewed": "", "url": "https://elsewhere.example/x/",
              "author": {"name": "Desk"},
              "reviewRating": {"ratingValue": 5, "bestRating": 4, "worstRating": 0,
                               "alternateName": "Correct"},
              "itemReviewed": {"author": {"name": "A"}, "datePublished": "2025-01-01",
                               "appearance": []}}
    assert structural_breaches(review, base) == [
        "'claimReviewed' is missing or empty",
        "'itemReviewed.appearance' is missing or empty",
        "'worstRating' must be at least 1, not 0",
        "'ratingValue' 5 is outside 0–4",
        "'url' 'https://elsewhere.example/x/' is not an absolute URL on " + base,
    ]


def _edit(site: Path, name: str, old: str, new: str) -> None:
    path = site / "content/claims" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_review_dated_before_the_claim_is_an_error_at_its_line(tmp_path):
    site = copy_site("publish", tmp_path)
    _edit(site, "visitors.yml", "published: 2025-03-07", "published: 2025-03-01")
    result = run_builder("check", "--site", str(site))
    assert result.returncode == 1
    assert f"{site}/content/claims/visitors.yml:9:12: 'published' (2025-03-01) is before the " \
           "claim was made ('date': 2025-03-03); a review cannot precede it" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("claim_text", ["This budget is mostly correct.",
                                        "Mostly  Correct, says the council", "(Mostly correct)"])
def test_a_claim_stating_its_own_verdict_is_an_error(tmp_path, claim_text):
    site = copy_site("publish", tmp_path)
    _edit(site, "budget-doubled.yml",
          "claim: The repair budget is twice what was spent last time", f'claim: "{claim_text}"')
    result = run_builder("check", "--site", str(site))
    assert result.returncode == 1
    assert "budget-doubled.yml:1:8: the claim text contains the verdict label 'Mostly correct'" \
           in result.stderr


def test_a_verdict_word_inside_another_word_is_not_the_label(tmp_path):
    site = copy_site("publish", tmp_path)
    _edit(site, "six-weeks.yml", "claim: The bridge will close for six weeks at most",
          "claim: An incorrectly built bridge will close")
    result = run_builder("check", "--site", str(site))
    assert result.returncode == 0, result.stderr


def test_claimreview_json_holds_the_objects_the_pages_embed(out):
    published = json.loads((out / "data/claimreview.json").read_text(encoding="utf-8"))
    embedded = [claim_reviews_on(out, f"claims/{claim_id}/")[0]
                for claim_id in ("visitors", "budget-doubled", "six-weeks")]
    assert published == embedded


def test_the_shipped_site_has_one_claim_review_per_claim(shipped_build):
    claims = json.loads((shipped_build / "data/claims.json").read_text(encoding="utf-8"))["claims"]
    if not claims:
        pytest.skip("the shipped site has no claims yet")
    for claim in claims:
        reviews = claim_reviews_on(shipped_build, f"claims/{claim['id']}/")
        assert len(reviews) == 1, claim["id"]
        assert reviews[0]["reviewRating"]["alternateName"] == claim["verdict_label"]
        assert reviews[0]["itemReviewed"]["appearance"]


def test_a_verdict_off_the_scale_is_published_by_its_label_alone(tmp_path):
    site = copy_site("publish", tmp_path)
    config = site / "site.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - {id: misleading,",
        "  - {id: unverifiable, label: Unverifiable, description: Nothing settles it., "
        "rated: false}\n  - {id: misleading,"), encoding="utf-8")
    claim = site / "content/claims/six-weeks.yml"
    claim.write_text(claim.read_text(encoding="utf-8").replace(
        "verdict: correct", "verdict: unverifiable"), encoding="utf-8")
    out = tmp_path / "_site"
    result = run_builder("build", "--site", str(site), "--out", str(out))
    assert result.returncode == 0, result.stderr

    unrated = claim_reviews_on(out, "claims/six-weeks/")[0]["reviewRating"]
    assert unrated == {"@type": "Rating", "alternateName": "Unverifiable"}
    assert structural_breaches(claim_reviews_on(out, "claims/six-weeks/")[0], SITE_URL) == []
    # The rated verdicts keep a scale of their own, without a gap where it sits in site.yml.
    rated = claim_reviews_on(out, "claims/visitors/")[0]["reviewRating"]
    assert (rated["ratingValue"], rated["bestRating"], rated["worstRating"]) == (2, 4, 1)

    page = read_html(out, "claims/six-weeks/")
    assert page.select_one(".verdict-line .place").get_text() == "not a point on our rating scale"
    assert "tone-neutral" in page.select_one(".verdict-line .verdict")["class"]
    assert [li.get_text(strip=True) for li in page.select(".scale-compact li")] == [
        "Correct", "Mostly correct", "Misleading", "Incorrect", "Unverifiable"]
    # The scale, best first, is an ordered list; a verdict off it is not its last point.
    ordered, aside = page.select(".scale-compact")
    assert (ordered.name, aside.name, aside["aria-label"]) == ("ol", "ul", "Not on the scale")
    assert [li.get_text(strip=True) for li in aside.select("li")] == ["Unverifiable"]
    claims = json.loads((out / "data/claims.json").read_text(encoding="utf-8"))["claims"]
    assert {c["id"]: c["rating"] for c in claims} == {
        "six-weeks": None, "budget-doubled": 3, "visitors": 2}
    rows = list(csv.DictReader((out / "data/claims.csv").open(encoding="utf-8-sig", newline="")))
    six_weeks = next(row for row in rows if row["id"] == "six-weeks")
    assert (six_weeks["rating"], six_weeks["best_rating"], six_weeks["worst_rating"]) == ("", "", "")


def test_rated_must_be_true_or_false(tmp_path):
    site = copy_site("publish", tmp_path)
    config = site / "site.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "description: The reports contradict the claim.}",
        "description: The reports contradict the claim., rated: perhaps}"), encoding="utf-8")
    result = run_builder("check", "--site", str(site))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert re.search(r"site\.yml:16:\d+: .*'rated' must be true or false", result.stderr), \
        result.stderr


def test_the_shipped_site_names_claimants_by_type_and_invents_no_headline(shipped_build):
    """'Norwegian media' is an Organization, John Healey a Person; an article without a
    headline of its own (its sidecar describes it '[Untitled report: …]') is given to
    aggregators without one rather than with the editors' description."""
    claims = json.loads((shipped_build / "data/claims.json").read_text(encoding="utf-8"))["claims"]
    by_type = {claim["claimant"]: claim["claimant_type"] for claim in claims}
    assert by_type["Norwegian media"] == "organization" and by_type["John Healey"] == "person"
    for claim in claims:
        (review,) = claim_reviews_on(shipped_build, f"claims/{claim['id']}/")
        author = review["itemReviewed"]["author"]
        assert (author["@type"], author["name"]) == (
            {"person": "Person", "organization": "Organization"}[claim["claimant_type"]],
            claim["claimant"])
        for work in review["itemReviewed"]["appearance"]:
            assert not work.get("headline", "").startswith("["), work
    assert any("headline" in work for claim in claims for work in claim_reviews_on(
        shipped_build, f"claims/{claim['id']}/")[0]["itemReviewed"]["appearance"])
