"""The direct quotations of an article, with their exact spans and, where the article
says so, who speaks them.

A span is always the inside of the marks: `text[start:end] == quotation.text`. A British
quotation over several paragraphs is one quotation, from its first inner character to
its last, line breaks and continuing marks included; `paragraphs` cuts it back into the
parts each paragraph holds.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable, Mapping

from .attribution import attribute
from .gcpause import collector_paused
from .mentions import find_mentions
from .people import Roster, merge_rosters, read_roster, unify_names
from .quotemarks import find_quote_spans, paragraph_segments


@dataclass(frozen=True)
class Quotation:
    source: str
    start: int
    end: int
    text: str
    speaker: str | None


@dataclass(frozen=True)
class QuotedParagraph:
    """The part of a quotation inside one paragraph: `text[start:end]` of its source."""

    start: int
    end: int
    text: str


def extract_quotations(stem: str, text: str, roster: Roster | None = None
                       ) -> tuple[Quotation, ...]:
    """Every direct quotation of one article. Pass the roster of the whole corpus
    (`corpus_roster`) so that a title alone ('the US president') or a surname alone can
    be resolved with what other articles say; without it only this article counts."""
    return _extract(stem, text, roster, None)


def _extract(stem, text, roster, read) -> tuple[Quotation, ...]:
    mentions, own = read if read is not None else (None, None)
    spans = find_quote_spans(text)
    speakers = attribute(text, spans, roster, mentions, own)
    return tuple(Quotation(stem, span.start, span.end, text[span.start:span.end], speaker)
                 for span, speaker in zip(spans, speakers))


def corpus_roster(texts: Iterable[str]) -> Roster:
    return merge_rosters(read_roster(text) for text in texts)


def extract_corpus(texts: Mapping[str, str]) -> tuple[Quotation, ...]:
    """The quotations of every article (stem → text), speakers named alike across them."""
    with collector_paused():
        return _extract_corpus(texts)


def _extract_corpus(texts: Mapping[str, str]) -> tuple[Quotation, ...]:
    read = {}
    for stem, text in texts.items():
        mentions = find_mentions(text)
        read[stem] = (mentions, read_roster(text, mentions))
    roster = merge_rosters(own for _, own in read.values())
    quotations = [q for stem, text in texts.items()
                  for q in _extract(stem, text, roster, read[stem])]
    return unify_speakers(quotations)


def unify_speakers(quotations: Iterable[Quotation]) -> tuple[Quotation, ...]:
    """One name per person across sources: 'Healey' becomes 'John Healey' when that is the
    only fuller name among the speakers that ends so."""
    quotations = tuple(quotations)
    names = unify_names(q.speaker for q in quotations if q.speaker)
    return tuple(q if q.speaker is None or names[q.speaker] == q.speaker
                 else replace(q, speaker=names[q.speaker]) for q in quotations)


def paragraphs(quotation: Quotation) -> tuple[QuotedParagraph, ...]:
    if "\n" not in quotation.text:
        return (QuotedParagraph(quotation.start, quotation.end, quotation.text),)
    return tuple(QuotedParagraph(quotation.start + a, quotation.start + b, quotation.text[a:b])
                 for a, b in paragraph_segments(quotation.text, 0, len(quotation.text)))


def spoken_text(quotation: Quotation) -> str:
    """The words spoken, without the line breaks and marks that continue a quotation."""
    return " ".join(part.text for part in paragraphs(quotation))
