"""The consistency stage of the pipeline: how outlets quote and report the same thing.

Per claim, its appearances compared pair by pair; across the corpus, every quotation
grouped with the same utterance in other sources; and the links between the two.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Mapping

from .consistency import (Passage, PassageComparison, QuoteGroup, compare_passages,
                          group_quotations, link_claims, outlet_record)
from .model import AnchoredQuote, Content, Span
from .quotations import Quotation, extract_corpus


@dataclass(frozen=True)
class Analysis:
    comparisons: Mapping[str, PassageComparison]      # claim id → its appearances compared
    groups: tuple[QuoteGroup, ...]                     # most divergent first
    claims_of_group: Mapping[str, tuple[str, ...]]     # group id → claim ids covering it
    outlet_records: Mapping[str, Mapping[str, int]]    # outlet → classification → count


def analyse(content: Content, anchored: tuple[AnchoredQuote, ...]) -> Analysis:
    sources = {source.stem: source for source in content.sources}
    outlet_of = {stem: source.outlet for stem, source in sources.items()}
    quotes_of = defaultdict(list)
    for quote in anchored:
        quotes_of[quote.claim_id].append(quote)
    comparisons = {claim_id: compare_passages([_passage(q, sources) for q in quotes])
                   for claim_id, quotes in quotes_of.items()
                   if len({q.source for q in quotes}) >= 2}
    quotations = [q for q in extract_corpus({stem: s.text for stem, s in sources.items()})
                  if not _in_boilerplate(q, sources[q.source].boilerplate)]
    groups = group_quotations(quotations, outlet_of)
    claim_spans = {claim_id: [(q.source, q.span.start, q.span.end) for q in quotes]
                   for claim_id, quotes in quotes_of.items()}
    return Analysis(dict(sorted(comparisons.items())), groups, link_claims(groups, claim_spans),
                    outlet_record(groups))


def _passage(quote: AnchoredQuote, sources) -> Passage:
    source = sources[quote.source]
    return Passage(quote.source, source.outlet, source.text[quote.span.start:quote.span.end],
                   quote.span.start, quote.span.end)


def _in_boilerplate(quotation: Quotation, boilerplate: tuple[Span, ...]) -> bool:
    """Pull-quotes and appeals repeat or advertise; they are not the outlet's report."""
    return any(span.start <= quotation.start and quotation.end <= span.end for span in boilerplate)
