"""Ready data for templates: every link, label, date and fragment of HTML is made here,
so templates only lay it out."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from . import urls
from .dates import iso, long_date, said_when
from .markdown import Markdown
from .model import AnchoredQuote, Claim, Content, Source
from .passages import Block, Highlight, InSentence, article_blocks, in_sentence
from .viewmemo import Same, ViewMemo


@dataclass(frozen=True)
class Link:
    url: str
    text: str


@dataclass(frozen=True)
class VerdictView:
    id: str
    label: str
    description: str
    rating: int | None  # as ClaimReview's ratingValue; None: not on the scale
    scale: int          # how many verdicts are rated
    url: str

    @property
    def tone(self) -> int | str:
        """0 (best) to 4 (worst): the colour band, whatever the length of the scale;
        'neutral' for a verdict off the scale, which is neither good nor bad news."""
        if self.rating is None:
            return "neutral"
        return round((self.scale - self.rating) * 4 / max(self.scale - 1, 1))

    @property
    def place(self) -> str:
        if self.rating is None:
            return "not a point on our rating scale"
        # As in the open data and ClaimReview: the higher the rating, the better.
        return f"rated {self.rating} of {self.scale}, where {self.scale} is best"


@dataclass(frozen=True)
class ClaimSummary:
    id: str
    claim: str
    claimant: str
    date: str
    date_iso: str
    verdict: VerdictView
    url: str
    outlets: tuple[Link, ...]
    said_when: str
    draft: bool = False  # shown only in the preview, or by build --drafts


@dataclass(frozen=True)
class AppearanceView:
    source: Link
    outlet: Link
    published: str
    context: InSentence
    spot_url: str
    note_html: str
    match: str


@dataclass(frozen=True)
class CorrectionView:
    date: str
    date_iso: str
    text_html: str


@dataclass(frozen=True)
class ClaimView:
    summary: ClaimSummary
    summary_html: str
    appearances: tuple[AppearanceView, ...]
    consistency_html: str
    tags: tuple[Link, ...]
    published: str | None
    updated: str | None
    corrections: tuple[CorrectionView, ...]
    scale: tuple[VerdictView, ...]
    summary_text: str = ""  # the summary without markup: for share cards and feed readers
    extras: dict = field(default_factory=dict, compare=False)  # later stages' ready data


@dataclass(frozen=True)
class SourceView:
    stem: str
    headline: str
    url: str
    outlet_id: str
    outlet: Link
    published: str
    original_url: str | None
    author: str | None
    blocks: tuple[Block, ...]
    quoted_by: tuple[ClaimSummary, ...]

    @property
    def marks(self) -> tuple[bool, bool]:
        """Whether the text shows checked quotes, and quotations other outlets report:
        what the legend above it explains."""
        pieces = [piece for block in self.blocks for piece in block.pieces]
        return (any(piece.claim for piece in pieces),
                any(piece.quotation and not piece.claim for piece in pieces))


@dataclass(frozen=True)
class Catalogue:
    """The whole site's ready data, indexed once so every page is a look-up."""

    verdicts: tuple[VerdictView, ...]
    # Apart from the views, which every claim page shows: a count in them would make one
    # verdict's change a change to every page.
    verdict_counts: tuple[tuple[VerdictView, int], ...]
    claims: tuple[ClaimView, ...]              # newest first
    sources: tuple[SourceView, ...]
    claims_by_source: dict
    claims_by_outlet: dict
    claims_by_tag: dict                        # slug -> (name, claims)
    claims_by_verdict: dict
    sources_by_outlet: dict
    sources_newest_first: tuple[SourceView, ...] = ()  # undated last


def catalogue(content: Content, anchored: tuple[AnchoredQuote, ...], base_path: str,
              markdown: Markdown, quotations: Mapping[str, Sequence[Highlight]] = {},
              views: ViewMemo | None = None, extras: Mapping[str, dict] = {}) -> Catalogue:
    """`quotations`: by source stem, passages other outlets quote too, to mark on its page;
    with `views` (the preview's), unchanged views are not made again; `extras`: by claim
    id, what later stages show on its page (ClaimView.extras)."""
    views = ViewMemo() if views is None else views
    link = _linker(base_path)
    scale = _verdict_views(content, link)
    # One object while they stand: a kept claim view's key holds them by identity.
    verdicts = views.made(("scale", scale), lambda: scale)
    verdict_of = {view.id: view for view in verdicts}
    sources = {source.stem: source for source in content.sources}
    outlets = {outlet.id: outlet for outlet in content.config.outlets}
    anchors_of = defaultdict(list)
    for quote in anchored:
        anchors_of[quote.claim_id].append(quote)
    ordered = sorted(content.claims, key=lambda claim: (claim.date, claim.id), reverse=True)
    summaries = {claim.id: _summary(claim, verdict_of, sources, outlets, link, views)
                 for claim in ordered}
    claims = tuple(_kept_claim_view(claim, summaries[claim.id], anchors_of[claim.id], sources,
                                    outlets, verdicts, link, markdown, views,
                                    extras.get(claim.id, {}))
                   for claim in ordered)
    claims_by_source = defaultdict(dict)
    for quote in anchored:
        claims_by_source[quote.source][quote.claim_id] = summaries[quote.claim_id]
    claims_by_source = {stem: list(found.values()) for stem, found in claims_by_source.items()}
    anchors_by_source = defaultdict(list)
    for quote in anchored:
        anchors_by_source[quote.source].append(quote)
    source_views = tuple(_source_view(source, anchors_by_source[source.stem],
                                      quotations.get(source.stem, ()),
                                      claims_by_source, summaries, outlets, link, views)
                         for source in content.sources)
    newest = [view for _, view in sorted(zip(content.sources, source_views),
                                         key=_newest_article_first)]
    return Catalogue(
        verdicts=verdicts, verdict_counts=_verdict_counts(content, verdicts),
        claims=claims, sources=source_views,
        claims_by_source={stem: _newest_first(found) for stem, found in claims_by_source.items()},
        claims_by_outlet=_group_claims_by_outlet(claims_by_source, sources),
        claims_by_tag=_group_claims_by_tag(ordered, summaries),
        claims_by_verdict={view.id: tuple(summaries[c.id] for c in ordered if c.verdict == view.id)
                           for view in verdicts},
        sources_by_outlet=_group_sources_by_outlet(newest),
        sources_newest_first=tuple(newest),
    )


def _linker(base_path: str):
    def link(path: str) -> str:
        return base_path + path
    return link


def _verdict_views(content: Content, link) -> tuple[VerdictView, ...]:
    # Rated verdicts best first, then those off the scale, whatever order site.yml has.
    ordered = sorted(content.config.verdicts, key=lambda v: v.rating is None)
    return tuple(VerdictView(v.id, v.label, v.description, v.rating, v.scale,
                             link(urls.verdict(v.id))) for v in ordered)


def _verdict_counts(content: Content, verdicts: tuple[VerdictView, ...]
                    ) -> tuple[tuple[VerdictView, int], ...]:
    counts: dict[str, int] = defaultdict(int)
    for claim in content.claims:
        counts[claim.verdict] += 1
    return tuple((view, counts[view.id]) for view in verdicts)


def _outlet_link(outlet_id: str, outlets, link) -> Link:
    outlet = outlets.get(outlet_id)
    return Link(link(urls.outlet(outlet_id)), outlet.name if outlet else outlet_id)


def _summary(claim: Claim, verdict_of, sources, outlets, link, views: ViewMemo
             ) -> ClaimSummary:
    outlet_ids = sorted({sources[a.source].outlet for a in claim.appearances if a.source in sources})
    verdict, url = verdict_of[claim.verdict], link(urls.claim(claim.id))
    outlet_links = tuple(_outlet_link(o, outlets, link) for o in outlet_ids)
    # The date's type too: a month-only date equals its first day, and reads otherwise.
    key = ("summary", claim.id, claim.claim, claim.claimant, claim.date, type(claim.date),
           verdict, url, outlet_links, claim.draft)
    return views.made(key, lambda: ClaimSummary(
        claim.id, claim.claim, claim.claimant, long_date(claim.date), iso(claim.date),
        verdict, url, outlet_links, said_when(claim.date), claim.draft))


def _kept_claim_view(claim, summary, anchors, sources, outlets, verdicts, link, markdown,
                     views: ViewMemo, extras: dict) -> ClaimView:
    """The claim's view as the last build made it, if nothing it shows has changed. The
    claim, its summary, its seeds, the scale and its comparison are kept objects (the file
    memo's, or this memo's), compared by identity: one that is made anew is a change."""
    cited = [sources[quote.source] for quote in anchors]
    key = ("claim", Same(claim), Same(summary), tuple(anchors), tuple(map(Same, cited)),
           tuple(_outlet_link(source.outlet, outlets, link) for source in cited),
           Same(verdicts), tuple(sorted((name, Same(value) if name == "comparison" else value)
                                        for name, value in extras.items())))
    return views.made(key, lambda: _claim_view(claim, summary, anchors, sources, outlets,
                                               verdicts, link, markdown, extras))


def _claim_view(claim, summary, anchors, sources, outlets, verdicts, link, markdown,
                extras: dict | None = None) -> ClaimView:
    at = summary.url  # its corrections are shown on /corrections/ too, links and all
    appearances = []
    for quote in sorted(anchors, key=lambda q: q.index):
        source = sources[quote.source]
        appearance = claim.appearances[quote.index]
        appearances.append(AppearanceView(
            source=Link(link(urls.source(source.stem)), source.headline),
            outlet=_outlet_link(source.outlet, outlets, link),
            published=long_date(source.published),
            context=in_sentence(source.text, quote.span),
            spot_url=link(urls.source(source.stem)) + "#" + urls.quote_anchor(claim.id, quote.index),
            note_html=markdown.inline(appearance.note, at), match=quote.match))
    return ClaimView(
        summary=summary, summary_html=markdown.block(claim.summary, at),
        appearances=tuple(appearances), consistency_html=markdown.block(claim.consistency, at),
        tags=tuple(Link(link(urls.tag(tag)), tag) for tag in claim.tags),
        published=long_date(claim.published) if claim.published else None,
        updated=long_date(claim.updated) if claim.updated else None,
        corrections=tuple(CorrectionView(long_date(c.date), iso(c.date), markdown.inline(c.text, at))
                          for c in claim.corrections),
        scale=verdicts, summary_text=markdown.plain(claim.summary), extras=dict(extras or {}))


def _source_view(source: Source, anchors, quotations, claims_by_source, summaries, outlets,
                 link, views: ViewMemo) -> SourceView:
    highlights = tuple(Highlight(q.span, urls.quote_anchor(q.claim_id, q.index),
                                 summaries[q.claim_id].url, summaries[q.claim_id].claim)
                       for q in sorted(anchors, key=lambda q: (q.span.start, q.claim_id, q.index)))
    highlights += tuple(quotations)
    url, outlet = link(urls.source(source.stem)), _outlet_link(source.outlet, outlets, link)
    quoted_by = _newest_first(claims_by_source.get(source.stem, []))
    # Everything the view is made of: the source (each of its fields), what its text
    # marks, who quotes it (kept summaries: one object while they stand), and its and its
    # outlet's addresses and names.
    key = ("source", source, highlights, tuple(map(Same, quoted_by)), url, outlet)
    return views.made(key, lambda: SourceView(
        stem=source.stem, headline=source.headline, url=url,
        outlet_id=source.outlet, outlet=outlet, published=long_date(source.published),
        original_url=source.url, author=source.author,
        blocks=article_blocks(source.text, source.boilerplate, highlights, source.headline),
        quoted_by=quoted_by))


def _newest_first(summaries) -> tuple[ClaimSummary, ...]:
    return tuple(sorted(summaries, key=lambda s: (s.date_iso, s.id), reverse=True))


def _group_claims_by_outlet(claims_by_source, sources) -> dict:
    grouped = defaultdict(dict)
    for stem, summaries in claims_by_source.items():
        for summary in summaries:
            grouped[sources[stem].outlet][summary.id] = summary
    return {outlet: _newest_first(found.values()) for outlet, found in grouped.items()}


def _group_claims_by_tag(ordered, summaries) -> dict:
    grouped: dict = {}
    for claim in ordered:
        for tag in claim.tags:
            name, found = grouped.setdefault(urls.slugify(tag), (tag, []))
            found.append(summaries[claim.id])
    return {slug: (name, tuple(found)) for slug, (name, found) in sorted(grouped.items())}


def _group_sources_by_outlet(newest) -> dict:
    """Each outlet's articles, in the order given (newest first)."""
    grouped = defaultdict(list)
    for view in newest:
        grouped[view.outlet_id].append(view)
    return dict(grouped)


def _newest_article_first(pair) -> tuple:
    """Newest first; articles whose text gives no date last."""
    source = pair[0]
    undated = source.published is None
    return undated, 0 if undated else -source.published.toordinal(), source.stem
