"""ClaimReview (schema.org, JSON-LD): what fact-check aggregators read from each claim page.

Built as plain dicts from the checked content, so the page, /data/claimreview.json and the
rules below all see the very same object. Rules follow Google's ClaimReview guidelines;
the claim text rules (length, no verdict label) live in validate.py beside the others.
"""
from __future__ import annotations

import json
from urllib.parse import urlsplit

from . import urls
from .dates import iso
from .errors import Problem, error
from .model import Claim, Content, Outlet, Source, Verdict

SCHEMA = "https://schema.org"
# Inside <script>, "</script>" or "<!--" in a string would end or confuse the element; JSON
# allows any character to be written as \uXXXX, so these never appear literally.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                              "\u2028": "\\u2028", "\u2029": "\\u2029"})


def claim_reviews(content: Content) -> dict[str, dict]:
    """One ClaimReview per claim whose verdict is known, by claim id."""
    verdicts = {verdict.id: verdict for verdict in content.config.verdicts}
    sources = {source.stem: source for source in content.sources}
    # Keyed once here: looked up per claim, outlets would cost claims × outlets.
    outlets = {outlet.id: outlet for outlet in content.config.outlets}
    return {claim.id: claim_review(claim, content, sources, outlets)
            for claim in content.claims if claim.verdict in verdicts}


def claim_review(claim: Claim, content: Content, sources: dict[str, Source],
                 outlets: dict[str, Outlet]) -> dict:
    config = content.config
    verdict = next(v for v in config.verdicts if v.id == claim.verdict)
    review = {
        "@context": SCHEMA,
        "@type": "ClaimReview",
        "url": config.base_url + urls.claim(claim.id),
        "claimReviewed": claim.claim,
        "reviewRating": _rating(verdict),
        "author": _organisation(config.publisher.name, config.publisher.url),
        "itemReviewed": _item_reviewed(claim, content, sources, outlets),
    }
    if claim.published:
        review["datePublished"] = iso(claim.published)
    if claim.updated:
        review["dateModified"] = iso(claim.updated)
    return review


def _rating(verdict: Verdict) -> dict:
    """The verdict as a Rating: its label always, and its place on the scale when it has
    one. A verdict that is no point on the scale ("unverifiable") is given no number: a
    number would rank it with the worst."""
    if verdict.rating is None:
        return {"@type": "Rating", "alternateName": verdict.label}
    return {"@type": "Rating", "ratingValue": verdict.rating, "bestRating": verdict.scale,
            "worstRating": 1, "alternateName": verdict.label}


def _organisation(name: str, url: str | None) -> dict:
    found = {"@type": "Organization", "name": name}
    if url:
        found["url"] = url
    return found


def _item_reviewed(claim: Claim, content: Content, sources: dict[str, Source],
                   outlets: dict[str, Outlet]) -> dict:
    appearances = _appearances(claim, sources, outlets)
    item = {
        "@type": "Claim",
        "author": {"@type": "Organization" if claim.claimant_type == "organization"
                   else "Person", "name": claim.claimant},
        "datePublished": iso(claim.date),
        "appearance": [work for work, _ in appearances],
    }
    first = _first_appearance(appearances)
    if first is not None:
        item["firstAppearance"] = first
    return item


def _appearances(claim, sources, outlets) -> list[tuple[dict, Source]]:
    """Each source article once, in the order the claim file lists them."""
    seen, found = set(), []
    for appearance in claim.appearances:
        source = sources.get(appearance.source)
        if source is None or source.stem in seen:
            continue  # an unknown source is reported by validation
        seen.add(source.stem)
        found.append((_creative_work(source, outlets), source))
    return found


def _supplied(headline: str) -> bool:
    """'[Untitled report: …]': a description an editor supplied in square brackets, as
    citations do, for an article with no headline of its own: shown on pages, never
    passed to aggregators as the article's headline."""
    return headline.startswith("[") and headline.endswith("]")


def _creative_work(source: Source, outlets) -> dict:
    outlet = outlets.get(source.outlet)
    work = {"@type": "CreativeWork"}
    if not _supplied(source.headline):
        work["headline"] = source.headline
    if source.published:
        work["datePublished"] = iso(source.published)
    if source.url:
        work["url"] = source.url
    work["publisher"] = _organisation(outlet.name if outlet else source.outlet,
                                      outlet.url if outlet else None)
    return work


def _first_appearance(appearances) -> dict | None:
    """The earliest article, only when that is certain: a single one, or all of them dated.

    An undated article might be the earliest, so naming another would be a guess; among
    articles of the same day the claim file's order decides.
    """
    if len(appearances) == 1:
        return appearances[0][0]
    if not appearances or any(source.published is None for _, source in appearances):
        return None
    return min(appearances, key=lambda pair: pair[1].published)[0]


def review_problems(content: Content, reviews: dict[str, dict]) -> list[Problem]:
    """Every breach of the ClaimReview rules, at the claim file that causes it."""
    problems: list[Problem] = []
    for claim in content.claims:
        review = reviews.get(claim.id)
        if review is not None:
            problems += check_review(review, claim, content.config.base_url)
    return problems


def check_review(review: dict, claim: Claim, base_url: str) -> list[Problem]:
    at = claim.positions.get
    problems = [error(claim.origin, f"ClaimReview: {breach}")
                for breach in structural_breaches(review, base_url)]
    if claim.published and claim.published < claim.date:
        problems.append(error(at("published", claim.origin),
                              f"'published' ({iso(claim.published)}) is before the claim was "
                              f"made ('date': {iso(claim.date)}); a review cannot precede it"))
    return problems


def structural_breaches(review: dict, base_url: str) -> list[str]:
    """What an aggregator would reject in a built ClaimReview (guards the builder itself)."""
    breaches = [f"'{path}' is missing or empty" for path in _REQUIRED
                if _value(review, path) in (None, "", [], {})]
    rating = review.get("reviewRating") or {}
    values = [rating.get(name) for name in ("worstRating", "ratingValue", "bestRating")]
    if any(value is not None for value in values) and not all(
            isinstance(value, int) for value in values):
        breaches.append("'ratingValue', 'bestRating' and 'worstRating' go together, as whole "
                        "numbers, or not at all")
    elif all(isinstance(value, int) for value in values):
        worst, value, best = values
        if worst < 1:
            breaches.append(f"'worstRating' must be at least 1, not {worst}")
        if not worst <= value <= best:
            breaches.append(f"'ratingValue' {value} is outside {worst}–{best}")
    url = review.get("url") or ""
    if not (url.startswith(base_url) and urlsplit(url).scheme in ("http", "https")):
        breaches.append(f"'url' {url!r} is not an absolute URL on {base_url}")
    return breaches


_REQUIRED = ("claimReviewed", "url", "author.name", "reviewRating.alternateName", "itemReviewed.author.name",
             "itemReviewed.datePublished", "itemReviewed.appearance")


def _value(found, path: str):
    for key in path.split("."):
        found = found.get(key) if isinstance(found, dict) else None
    return found


def script_json(review: dict) -> str:
    """JSON-LD ready to sit between <script type="application/ld+json"> and </script>."""
    text = json.dumps(review, ensure_ascii=False)  # no indent: it keeps json's C encoder
    return text.translate(_SCRIPT_SAFE)


def review_json(reviews: dict[str, dict], claim_id: str) -> str:
    """A claim page's ClaimReview as a ready, script-safe string ("" with none)."""
    review = reviews.get(claim_id)
    return script_json(review) if review else ""
