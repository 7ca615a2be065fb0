"""Open data beside /data/claims.json: a spreadsheet-friendly CSV and every ClaimReview.

docs/data.md documents every field; keep it in step.
"""
from __future__ import annotations

import csv
import io

from . import urls
from .data import to_json
from .dates import iso
from .markdown import Markdown
from .model import Claim, Content

CSV_COLUMNS = ("id", "url", "claim", "claimant", "date", "verdict", "verdict_label", "rating",
               "best_rating", "worst_rating", "summary", "tags", "published", "updated",
               "corrections", "sources", "outlets", "source_urls")
# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = " | "


def ordered(claims) -> list[Claim]:
    """The order of /data/claims.json: newest claim first."""
    return sorted(claims, key=lambda claim: (claim.date, claim.id), reverse=True)


def claimreview_json(content: Content, reviews: dict[str, dict]) -> bytes:
    """Every ClaimReview object, exactly as embedded in the claim pages."""
    return to_json([reviews[claim.id] for claim in ordered(content.claims) if claim.id in reviews],
                   levels=1)


def claims_csv(content: Content, markdown: Markdown) -> bytes:
    """UTF-8 with a byte order mark and CRLF rows: what spreadsheets open correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    names = _Names(content)
    for claim in ordered(content.claims):
        writer.writerow([neutralise(cell) for cell in _row(claim, content, names, markdown)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def neutralise(cell):
    """Text a spreadsheet would run as a formula, made inert by a leading apostrophe."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


class _Names:
    """Look-ups made once per file, not once per row: rows × sources would be quadratic."""

    def __init__(self, content: Content):
        self.verdicts = {verdict.id: verdict for verdict in content.config.verdicts}
        self.sources = {source.stem: source for source in content.sources}
        self.outlets = {outlet.id: outlet.name for outlet in content.config.outlets}


def _row(claim: Claim, content: Content, names: _Names, markdown: Markdown) -> list:
    config = content.config
    verdict = names.verdicts[claim.verdict]
    sources, outlets = names.sources, names.outlets
    stems = list(dict.fromkeys(a.source for a in claim.appearances if a.source in sources))
    rating = ((verdict.rating, verdict.scale, 1) if verdict.rating is not None
              else ("", "", ""))
    return [
        claim.id, config.base_url + urls.claim(claim.id), claim.claim, claim.claimant,
        iso(claim.date), claim.verdict, verdict.label, *rating,
        markdown.plain(claim.summary), _joined(claim.tags),
        iso(claim.published) or "", iso(claim.updated) or "",
        _joined(f"{iso(c.date)}: {markdown.plain(c.text)}" for c in claim.corrections),
        _joined(stems),
        _joined(dict.fromkeys(outlets.get(sources[s].outlet, sources[s].outlet) for s in stems)),
        _source_urls([sources[s].url for s in stems]),
    ]


def _source_urls(known: list[str | None]) -> str:
    """One entry per source, empty where its URL is unknown, so the nth URL is the nth
    source's; empty altogether when none is known."""
    return _joined(url or "" for url in known) if any(known) else ""


def _joined(items) -> str:
    return LIST_SEPARATOR.join(items)
