"""The direct quotations of an article, with their exact spans and, where the article
says so, who speaks them.

A span is always the inside of the marks: `text[start:end] == quotation.text`. A British
quotation over several paragraphs is one quotation, from its first inner character to
its last, line breaks and continuing marks included; `paragraphs` cuts it back into the
parts each paragraph holds.
"""
from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass, replace
from typing import Iterable, Mapping

from .attribution import attribute
from .descriptions import Found, described_in
from .gcpause import HelperFailed, Partner, collector_paused, helper
from .mentions import find_mentions
from .people import Roster, merge_rosters, read_roster, unify_names
from .quotemarks import find_quote_spans, paragraph_segments
from .transcripts import Turn, transcript_turns


@dataclass(frozen=True)
class Quotation:
    source: str
    start: int
    end: int
    text: str
    speaker: str | None
    # The speaker is a body ('the Treasury said'): shown like a person, but never taken
    # as a reason to keep two quotations apart, as a body may speak through a person.
    organisation: bool = False


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
    return tuple(Quotation(stem, start, end, text[start:end], speaker, organisation)
                 for start, end, speaker, organisation in _found(text, roster, read))


def _found(text: str, roster: Roster | None, read
           ) -> list[tuple[int, int, str | None, bool]]:
    """(start, end, speaker, organisation) of each quotation: compact, for sending
    between processes."""
    mentions, own = read if read is not None else _read(text)
    spans = find_quote_spans(text)
    speakers = attribute(text, spans, roster, mentions, own)
    found = [(span.start, span.end, None, False) if speaker is None
             else (span.start, span.end, speaker.name, speaker.organisation)
             for span, speaker in zip(spans, speakers)]
    turns = transcript_turns(text, mentions, (own,) if roster is None else (own, roster))
    return _with_turns(found, turns) if turns else found


def _with_turns(found: list[tuple[int, int, str | None, bool]], turns: list[Turn]
                ) -> list[tuple[int, int, str | None, bool]]:
    """A transcript's turns as quotations, in place of the quotations inside them (words
    a speaker quotes are not their own)."""
    inside = [(turn.start, turn.end) for turn in turns]
    kept = [quotation for quotation in found
            if not any(start <= quotation[0] < end for start, end in inside)]
    return sorted(kept + [(turn.start, turn.end, turn.speaker, False) for turn in turns])


def _read(text: str) -> tuple:
    """What one article says about people: its mentions and its own roster."""
    mentions = find_mentions(text)
    return mentions, read_roster(text, mentions)


def corpus_roster(texts: Iterable[str]) -> Roster:
    return merge_rosters(read_roster(text) for text in texts)


# A helper process costs a fork and some pickling: worth it for a corpus this large.
PARALLEL_FROM = 100  # articles
MINE = 0.47  # the share of the text this process reads, the helper reading the rest


def extract_corpus(texts: Mapping[str, str]) -> tuple[Quotation, ...]:
    """The quotations of every article (stem → text), speakers named alike across them."""
    return extract_corpus_described(texts)[0]


def extract_corpus_described(texts: Mapping[str, str]
                             ) -> tuple[tuple[Quotation, ...], dict[str, list[Found]], Roster]:
    """extract_corpus, and by stem how each article describes the people it names
    (descriptions.described_in): read from the same mentions, at almost no extra cost;
    and the corpus roster they were read with, which tells later stages the names the
    corpus gives each person."""
    with collector_paused():
        return _extract_corpus(texts)


def _found_described(text: str, roster: Roster, read) -> tuple[list, list[Found]]:
    mentions, own = read
    return _found(text, roster, read), described_in(text, mentions, own, roster)


def _extract_corpus(texts: Mapping[str, str]
                    ) -> tuple[tuple[Quotation, ...], dict[str, list[Found]], Roster]:
    """Two passes: every article's mentions and own roster, merged into the corpus
    roster; then every article's quotations, attributed with it. A large corpus is cut
    in two, and a forked helper does both passes for the second part, sending back its
    rosters and then (start, end, speaker) per quotation, with its descriptions."""
    items = list(texts.items())
    cut = _halfway(items) if len(items) >= PARALLEL_FROM else len(items)
    mine, theirs = items[:cut], items[cut:]

    def work(partner: Partner) -> None:
        read = [_read(text) for _, text in theirs]
        partner.send([own for _, own in read])
        roster = partner.receive()
        partner.send([_found_described(text, roster, r) for (_, text), r in zip(theirs, read)])

    their_read = their_rosters = their_found = None
    with helper(work) if theirs else nullcontext() as partner:
        read = [_read(text) for _, text in mine]
        if partner is not None:
            try:
                their_rosters = partner.receive()
            except HelperFailed:
                partner = None
        if their_rosters is None:
            their_read = [_read(text) for _, text in theirs]
            their_rosters = [own for _, own in their_read]
        roster = merge_rosters([own for _, own in read] + their_rosters)
        if partner is not None:
            try:
                partner.send(roster)
            except HelperFailed:
                partner = None
        my_found = [_found_described(text, roster, r) for (_, text), r in zip(mine, read)]
        quotations = _quotations(mine, [quoted for quoted, _ in my_found])
        if partner is not None:
            try:
                their_found = partner.receive()
            except HelperFailed:
                pass
    if their_found is None:  # no helper, or it failed: its part is done here
        if their_read is None:
            their_read = [_read(text) for _, text in theirs]
        their_found = [_found_described(text, roster, r)
                       for (_, text), r in zip(theirs, their_read)]
    quotations += _quotations(theirs, [quoted for quoted, _ in their_found])
    described = {stem: found for (stem, _), (_, found) in zip(items, my_found + their_found)}
    return unify_speakers(quotations), described, roster


def _quotations(items: list[tuple[str, str]], found) -> list[Quotation]:
    return [Quotation(stem, start, end, text[start:end], speaker, organisation)
            for (stem, text), spans in zip(items, found)
            for start, end, speaker, organisation in spans]


def _halfway(items: list[tuple[str, str]]) -> int:
    """Where to cut the articles so that this process, which also merges the rosters
    and makes every Quotation, finishes about when the helper does."""
    total = sum(len(text) for _, text in items)
    reached = 0
    for index, (_, text) in enumerate(items):
        reached += len(text)
        if reached >= MINE * total:
            return index + 1
    return len(items)


def unify_speakers(quotations: Iterable[Quotation]) -> tuple[Quotation, ...]:
    """One name per person across sources: 'Healey' becomes 'John Healey' when that is the
    only fuller name among the speakers that ends so."""
    quotations = tuple(quotations)
    names = unify_names(q.speaker for q in quotations if q.speaker and not q.organisation)
    return tuple(q if q.speaker is None or q.organisation or names[q.speaker] == q.speaker
                 else replace(q, speaker=names[q.speaker]) for q in quotations)


def paragraphs(quotation: Quotation) -> tuple[QuotedParagraph, ...]:
    if "\n" not in quotation.text:
        return (QuotedParagraph(quotation.start, quotation.end, quotation.text),)
    return tuple(QuotedParagraph(quotation.start + a, quotation.start + b, quotation.text[a:b])
                 for a, b in paragraph_segments(quotation.text, 0, len(quotation.text)))


def spoken_text(quotation: Quotation) -> str:
    """The words spoken, without the line breaks and marks that continue a quotation."""
    return " ".join(part.text for part in paragraphs(quotation))
