"""Open data: the same facts the pages show, for aggregators and researchers."""
from __future__ import annotations

import json
from collections import defaultdict

from .dates import iso
from .model import AnchoredQuote, Content


def to_json(value, levels: int = 2) -> bytes:
    """Laid out `levels` deep ({"claims": [...]}: two), each record below on a line of its
    own: easy to read and to diff, and every record is encoded by json's C encoder (any
    `indent` makes json fall back to its Python one, seconds for 10,000 claims)."""
    return (_laid_out(value, levels, "") + "\n").encode("utf-8")


def _laid_out(value, levels: int, indent: str) -> str:
    if levels == 0 or not isinstance(value, (dict, list)) or not value:
        return json.dumps(value, ensure_ascii=False)
    inner = indent + "  "
    if isinstance(value, dict):
        items = [f"{inner}{json.dumps(key, ensure_ascii=False)}: "
                 f"{_laid_out(item, levels - 1, inner)}" for key, item in value.items()]
        return "{\n" + ",\n".join(items) + f"\n{indent}}}"
    items = [inner + _laid_out(item, levels - 1, inner) for item in value]
    return "[\n" + ",\n".join(items) + f"\n{indent}]"


def claims_document(content: Content, anchored: tuple[AnchoredQuote, ...]) -> dict:
    sources = {source.stem: source for source in content.sources}
    verdicts = {verdict.id: verdict for verdict in content.config.verdicts}
    anchors = defaultdict(dict)
    for quote in anchored:
        anchors[quote.claim_id][quote.index] = quote
    ordered = sorted(content.claims, key=lambda claim: (claim.date, claim.id), reverse=True)
    return {"claims": [_claim(claim, anchors[claim.id], sources, verdicts, content.config)
                       for claim in ordered]}


def _claim(claim, anchors, sources, verdicts, config) -> dict:
    verdict = verdicts[claim.verdict]
    return {
        "id": claim.id,
        "url": f"{config.base_url}claims/{claim.id}/",
        "former_ids": list(claim.former_ids),
        "claim": claim.claim,
        "claimant": claim.claimant,
        "claimant_type": claim.claimant_type,
        "date": iso(claim.date),
        "verdict": claim.verdict,
        "verdict_label": verdict.label,
        "rating": verdict.rating,
        "summary": claim.summary,
        "consistency": claim.consistency,
        "tags": list(claim.tags),
        "published": iso(claim.published),
        "updated": iso(claim.updated),
        "corrections": [{"date": iso(c.date), "text": c.text} for c in claim.corrections],
        "appearances": [_appearance(appearance, anchors[index], sources)
                        for index, appearance in enumerate(claim.appearances)],
    }


def _appearance(appearance, quote: AnchoredQuote, sources) -> dict:
    text = sources[quote.source].text
    return {
        "source": quote.source,
        "outlet": sources[quote.source].outlet,
        "quote": text[quote.span.start:quote.span.end],
        "start": quote.span.start,
        "end": quote.span.end,
        "match": quote.match,
        "note": appearance.note,
    }
