"""The plain frozen values that flow from one stage of the pipeline to the next."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Mapping

from .errors import Position, TextPlace


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    url: str | None


@dataclass(frozen=True)
class Verdict:
    id: str
    label: str
    description: str
    rank: int  # its place in site.yml's list, 1 the best
    # ClaimReview's ratingValue: the best rated verdict has the highest, the worst 1. None
    # for a verdict that is no point on a true-to-false scale ("unverifiable").
    rating: int | None = None
    scale: int = 0  # how many verdicts are rated: ClaimReview's bestRating


@dataclass(frozen=True)
class Publisher:
    name: str
    url: str


@dataclass(frozen=True)
class SiteConfig:
    title: str
    description: str
    base_url: str  # always ends with "/"
    language: str
    publisher: Publisher
    outlets: tuple[Outlet, ...]    # None only in an incomplete config
    verdicts: tuple[Verdict, ...]  # None only in an incomplete config
    funding: str | None = None
    contact: str | None = None
    feed_entries: int = 50  # the newest changes the Atom feed carries
    search: bool = True  # a search page, on an index of the built pages (builder.search)
    # False when site.yml has errors: the config is then only read for the ids claims and
    # seeds refer to, so that their errors are reported in the same run. `outlets` or
    # `verdicts` is then None if not every id could be read.
    complete: bool = True

    @property
    def base_path(self) -> str:
        """The path part of base_url, e.g. "/repo/": every link on the site starts with it."""
        from urllib.parse import urlsplit
        return urlsplit(self.base_url).path or "/"


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Source:
    stem: str
    text: str
    outlet: str
    headline: str
    published: dt.date | None  # None: the article gives no date
    url: str | None
    author: str | None
    boilerplate: tuple[Span, ...]
    origin: Position
    positions: Mapping[str, Position] = field(default_factory=dict, compare=False, repr=False)
    # False when the sidecar lacks a headline or a readable date: its errors stop the
    # build, but its outlet and the quotes taken from it are still checked meanwhile.
    complete: bool = True


@dataclass(frozen=True)
class Appearance:
    source: str  # source or quote is None only in an incomplete claim (Claim.complete)
    quote: str
    note: str | None
    origin: Position  # where the quote is written in the claim file
    source_at: Position | None = None
    note_at: TextPlace | None = None


@dataclass(frozen=True)
class Correction:
    date: dt.date
    text: str
    origin: TextPlace | None = field(default=None, compare=False)  # where its text is


@dataclass(frozen=True)
class Claim:
    id: str
    claim: str
    claimant: str
    date: dt.date
    verdict: str
    summary: str
    appearances: tuple[Appearance, ...]
    consistency: str | None
    tags: tuple[str, ...]
    published: dt.date | None
    updated: dt.date | None
    corrections: tuple[Correction, ...]
    origin: Position
    # Where each field's value is written ("verdict", "tags.0", …), for later stages' errors.
    positions: Mapping[str, Position] = field(default_factory=dict, compare=False, repr=False)
    # False when the file has errors: the fields in error are None, the claim is checked
    # against the site (verdict, sources, quotes, tags) so every problem shows in one run,
    # and nothing is built from it.
    complete: bool = True
    claimant_type: str = "person"  # or "organization": what ClaimReview calls the author
    # Where the Markdown of "summary" and "consistency" is written, to point into it.
    text_places: Mapping[str, TextPlace] = field(default_factory=dict, compare=False,
                                                 repr=False)
    # Ids the claim was published under before it was renamed: their addresses lead here,
    # so that links and shares of the old address still find it.
    former_ids: tuple[str, ...] = ()
    # Not ready to publish: left out of a build (its problems told as warnings), shown in
    # the preview and by `build --drafts`, marked as a draft.
    draft: bool = False


@dataclass(frozen=True)
class ContentPage:
    slug: str
    title: str
    body: str  # Markdown
    origin: Position
    body_line: int = 1  # the file's line the body starts on
    description: str = ""  # for search results and link previews; "": the site's own


@dataclass(frozen=True)
class SetApart:
    """An editor's word that a source's quotation is not the utterance of a group the
    analysis made (said on another occasion, say): content/consistency.yml."""

    group: str     # a group id, or one it had in earlier builds
    source: str    # a seed stem
    reason: str    # shown to readers beside the group
    origin: Position  # of the group id
    source_at: Position


@dataclass(frozen=True)
class Content:
    """Everything the editors wrote, loaded and checked field by field."""

    config: SiteConfig
    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]
    pages: tuple[ContentPage, ...]
    set_apart: tuple[SetApart, ...] = ()


@dataclass(frozen=True)
class AnchoredQuote:
    """An appearance's quote located in its source: text[span.start:span.end]."""

    claim_id: str
    index: int  # position of the appearance in the claim file
    source: str
    span: Span
    match: str  # "exact" or "normalized"
