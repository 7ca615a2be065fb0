"""The consistency stage of the pipeline: how outlets quote and report the same thing.

Per claim, its appearances compared pair by pair; across the corpus, every quotation
grouped with the same utterance in other sources; and the links between the two.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from .consistency import (Passage, PassageComparison, QuoteGroup, compare_passages,
                          group_quotations, link_claims, outlet_record)
from .descriptions import DescribedPerson, describe_people
from .people import people_named
from .groupstore import GroupStore
from .errors import Problem
from .model import AnchoredQuote, Content, Source, Span
from .quotations import extract_corpus_described
from .setapart import apply_set_apart
from .viewmemo import Same, ViewMemo


@dataclass(frozen=True)
class Analysis:
    comparisons: Mapping[str, PassageComparison]      # claim id → its appearances compared
    groups: tuple[QuoteGroup, ...]                     # most divergent first
    claims_of_group: Mapping[str, tuple[str, ...]]     # group id → claim ids covering it
    outlet_records: Mapping[str, Mapping[str, int]]    # outlet → classification → count
    problems: tuple[Problem, ...] = ()                 # editors' decisions that fit no group
    people: tuple[DescribedPerson, ...] = ()           # how outlets describe each person
    named: Mapping[str, "Named"] = field(default_factory=dict)  # claim id → whom it names


@dataclass(frozen=True)
class Named:
    """The people a claim names, by the names the corpus gives them."""
    in_claim: tuple[str, ...]     # in its own words: 'Trump said Ukraine started the war'
    in_passages: tuple[str, ...]  # in the passages it quotes, and not in its own words
    # Its claimant, a person, by the name the corpus gives them ('Healey' is 'John
    # Healey'); None where that is not one person the corpus names.
    claimant: str | None = None


@dataclass(frozen=True)
class CorpusFindings:
    """What the analysis finds in the sources alone, whatever the claims say."""

    groups: tuple[QuoteGroup, ...]
    people: tuple[DescribedPerson, ...]
    # surname → the full names the corpus gives people of that surname: whom a surname
    # alone in a claim stands for, and whether it is anyone's for sure
    full_names: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


class CorpusMemo:
    """The corpus findings (quotation groups, descriptions of people) of the latest build,
    kept by a digest of the sources they were found in. They depend on the sources alone,
    so a build that changed only claims, pages or templates (most of an editor's saves)
    takes them from here instead of reading the whole corpus again. Lives as long as a
    preview server, or one build; one build at a time. With a store, findings not in
    memory are looked for on disk, and findings made anew are saved there for later builds."""

    def __init__(self, store: GroupStore | None = None):
        self._store = store
        self._digest: bytes | None = None
        self._findings = CorpusFindings((), ())
        self.reused = False  # whether the latest build took its findings from here or the store
        # Each claim's appearances compared, by the passages and dates compared: the same
        # object while they stand, as the views made of it are kept by its identity.
        self.comparisons = ViewMemo()
        # Whom each claim names, by its words, its passages and the corpus's names: reading
        # every claim's names again on each save was a third of a warm analysis.
        self.named = ViewMemo()

    def findings(self, sources: Sequence[Source]) -> CorpusFindings:
        digest = corpus_digest(sources)
        self.reused = digest == self._digest
        if self.reused:
            return self._findings
        stored = self._store.load(digest) if self._store is not None else None
        if not isinstance(stored, CorpusFindings):
            stored = None
        self.reused = stored is not None
        if stored is None:
            stored = corpus_findings(sources)
            if self._store is not None:
                self._store.save(digest, stored)
        self._findings, self._digest = stored, digest
        return stored

    def groups(self, sources: Sequence[Source]) -> tuple[QuoteGroup, ...]:
        return self.findings(sources).groups


def corpus_digest(sources: Sequence[Source]) -> bytes:
    """Everything the quotation groups are a function of: each source's stem, outlet,
    date (relative dates are counted from it), text and boilerplate spans, in order."""
    digest = hashlib.sha256()
    for source in sources:
        spans = ",".join(f"{span.start}-{span.end}" for span in source.boilerplate)
        for part in (source.stem, source.outlet, str(source.published), spans, source.text):
            encoded = part.encode("utf-8", "surrogatepass")
            digest.update(len(encoded).to_bytes(8, "big") + encoded)
    return digest.digest()


def quotation_groups(sources: Sequence[Source]) -> tuple[QuoteGroup, ...]:
    """Every quotation in the sources (but those in boilerplate), grouped across them."""
    return corpus_findings(sources).groups


def corpus_findings(sources: Sequence[Source]) -> CorpusFindings:
    """The quotation groups, and how outlets describe people: one reading of the corpus
    (boilerplate left out) gives both."""
    by_stem = {source.stem: source for source in sources}
    texts = {stem: s.text for stem, s in by_stem.items()}
    quotations, described, roster = extract_corpus_described(texts)
    quotations = [q for q in quotations
                  if not _in_boilerplate(q.start, q.end, by_stem[q.source].boilerplate)]
    described = {stem: [d for d in found
                        if not _in_boilerplate(d[1], d[2], by_stem[stem].boilerplate)]
                 for stem, found in described.items()}
    outlet_of = {stem: s.outlet for stem, s in by_stem.items()}
    groups = group_quotations(quotations, outlet_of,
                              {stem: s.published for stem, s in by_stem.items()})
    return CorpusFindings(groups, describe_people(described, texts, outlet_of),
                          roster.full_names)


def analyse(content: Content, anchored: tuple[AnchoredQuote, ...],
            memo: CorpusMemo | None = None) -> Analysis:
    """With a memo (the preview server keeps one), groups of unchanged sources are reused."""
    sources = {source.stem: source for source in content.sources}
    quotes_of = defaultdict(list)
    for quote in anchored:
        quotes_of[quote.claim_id].append(quote)
    published = {source.stem: source.published for source in content.sources}
    kept = memo.comparisons if memo is not None else ViewMemo()
    comparisons = {claim_id: _compared([_passage(q, sources) for q in quotes], published, kept)
                   for claim_id, quotes in quotes_of.items()
                   if len({q.source for q in quotes}) >= 2}
    kept.done()
    findings = (memo.findings(content.sources) if memo is not None
                else corpus_findings(content.sources))
    groups, people = findings.groups, findings.people
    # After the memo: the groups depend on the seeds alone, the editors' decisions not.
    groups, problems = apply_set_apart(groups, content.set_apart, published)
    claim_spans = {claim_id: [(q.source, q.span.start, q.span.end) for q in quotes]
                   for claim_id, quotes in quotes_of.items()}
    return Analysis(dict(sorted(comparisons.items())), groups, link_claims(groups, claim_spans),
                    outlet_record(groups), tuple(problems), people,
                    _named_in_claims(content, quotes_of, sources, findings.full_names,
                                     memo.named if memo is not None else ViewMemo()))


def _named_in_claims(content: Content, quotes_of, sources, full_names, kept: ViewMemo
                     ) -> dict:
    """Whom each claim names, in its own words or in the passages it quotes (a claim of
    reporters' that Trump said something): besides its claimant, the people whose
    descriptions a reader of the claim may want to weigh."""
    named = {}
    for claim in content.claims:
        passages = tuple(sources[q.source].text[q.span.start:q.span.end]
                         for q in sorted(quotes_of.get(claim.id, ()), key=lambda q: q.index))
        claimant = claim.claimant if claim.claimant_type == "person" else None
        named[claim.id] = kept.made(
            ("named", claim.claim or "", passages, claimant, Same(full_names)),
            lambda claim=claim, passages=passages, claimant=claimant: _named(
                claim.claim or "", passages, claimant, full_names))
    kept.done()
    return named


def _named(claim_text: str, passages: tuple[str, ...], claimant: str | None,
           full_names) -> Named:
    in_claim = people_named(claim_text, full_names)
    in_passages = [name for text in passages for name in people_named(text, full_names)
                   if name not in in_claim]
    as_named = people_named(claimant, full_names) if claimant else ()
    return Named(in_claim, tuple(dict.fromkeys(in_passages)),
                 as_named[0] if len(as_named) == 1 else None)


def _compared(passages: list[Passage], published, kept: ViewMemo) -> PassageComparison:
    # The dates' types too: a month alone equals its first day, and is compared otherwise.
    dates = tuple((published.get(p.source), type(published.get(p.source))) for p in passages)
    return kept.made(("compared", tuple(passages), dates),
                     lambda: compare_passages(passages, published))


def _passage(quote: AnchoredQuote, sources) -> Passage:
    source = sources[quote.source]
    return Passage(quote.source, source.outlet, source.text[quote.span.start:quote.span.end],
                   quote.span.start, quote.span.end)


def _in_boilerplate(start: int, end: int, boilerplate: tuple[Span, ...]) -> bool:
    """Pull-quotes and appeals repeat or advertise; they are not the outlet's report."""
    return any(span.start <= start and end <= span.end for span in boilerplate)
