"""Ready data for the consistency parts of pages: word diffs as marked segments, figure
disagreements as sentences, groups with their links and filters."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace
from typing import Mapping

from . import urls
from .analysis import Analysis
from .consistency import Passage, PassagePair, QuoteGroup, label
from .figures import BOTH_MAY_BE_RIGHT, FigureDisagreement
from .model import Content, Span
from .pagination import page_of, page_path
from .passages import Highlight
from .text import normalise_typography
from .viewmemo import Same, ViewMemo
from .views import Link

GROUPS_PER_PAGE = 20  # each group shows its comparisons in full: a page stays light on a phone
CLASSIFICATION_TEXT = {
    "identical": "Identical: the same words and punctuation",
    "punctuation": "Differs only in punctuation, letter case or typography",
    "wording": "Differs in wording",
}
FIGURE_KINDS = {
    "number": "numbers", "amount": "amounts", "percent": "shares (percentages, fractions)",
    "year": "years", "date": "dates", "relative": "relative dates",
    "ordinal": "places in an order (the 88th minute, 14th in the league)",
    "dating": "how the fact is dated (one gives a fixed date where another dates it only "
              "from the day of its report; both may be right)",
    "calendar": "dates (each relative one counted from the day its report was published)",
    "day": "which day it was (each report counts from the day it was written, so both may "
           "be right)",
}


@dataclass(frozen=True)
class Segment:
    text: str
    changed: bool  # words this side has that the other lacks or words differently
    # Where the other side has words this one lacks: the text is empty, and the page
    # shows a mark at the spot.
    gap: bool = False
    # What the other side has in place of this stretch ("" where it has nothing), or the
    # words it has at a gap; as printed, white space and all. White space split off a
    # changed stretch has none: the stretch's own holds it.
    other: str = ""
    # What happened here, said with the outlets' names (see `explained`): a sentence
    # for the mark's tooltip, and the words a screen reader hears before and after it.
    explanation: str = ""
    heard_before: str = ""
    heard_after: str = ""


# What a screen reader says for marks that alone make a difference.
MARK_NAMES = {",": "comma", ".": "full stop", ";": "semicolon", ":": "colon",
              "!": "exclamation mark", "?": "question mark", "…": "ellipsis",
              "-": "hyphen", "–": "dash", "—": "dash", "'": "apostrophe", "’": "apostrophe",
              "‘": "quotation mark", "“": "quotation mark", "”": "quotation mark",
              '"': "quotation mark", "(": "bracket", ")": "bracket", "[": "bracket",
              "]": "bracket", "/": "slash"}


def _mark_names(text: str) -> list[str]:
    """['comma'] for ',', ['dash', 'comma'] for '– ,': the marks of a stretch with no
    word in it, by name; none for a stretch with a word, or a mark with no name here."""
    marks = [MARK_NAMES.get(ch) for ch in text.replace("...", "…") if not ch.isspace()]
    if not marks or any(ch.isalnum() for ch in text) or None in marks:
        return []
    return marks


def as_heard(text: str) -> str:
    """A stretch as a sentence can name it: '“needs”', or 'a comma' for marks alone,
    which many screen readers skip ('a dash and a comma' for '– ,')."""
    names = [("an " if name[0] in "aeiou" else "a ") + name for name in _mark_names(text)]
    if names:
        return " and ".join(filter(None, (", ".join(names[:-1]), names[-1])))
    return f"“{' '.join(_balanced(text).split())}”"


# Brackets and quotation marks that pair, by the mark that opens. A straight double
# quote closes itself; a ’ is an apostrophe unless a ‘ is open (see `_unpaired`).
_CLOSING = {"(": ")", "[": "]", "{": "}", "“": "”", "‘": "’", "«": "»", '"': '"'}
_OPENING = {closing: opening for opening, closing in _CLOSING.items()}


def _balanced(fragment: str) -> str:
    """A fragment as it can be quoted back, its brackets and quotation marks paired: a
    stretch cut from a longer text may hold one whose partner it left out. One at an edge,
    before the first word or after the last, is dropped ('(the States' reads 'the
    States'); one among the words gets its partner, so that no word is lost ('the (United
    States' reads 'the (United States)'). Marks alone are left as they are: `as_heard`
    names them."""
    words = [n for n, char in enumerate(fragment) if char.isalnum()]
    if not words:
        return fragment
    first, last = words[0], words[-1] + 1
    added: dict[int, str] = {}  # partners, by the character they go before
    dropped = set()
    for at, partner_at in sorted(_unpaired(fragment), reverse=True):  # inner ones first
        if first <= at < last:
            where = min(max(partner_at, first), last)
            added[where] = added.get(where, "") + (_CLOSING[fragment[at]] if partner_at > at
                                                   else _OPENING[fragment[at]])
        else:
            dropped.add(at)
    kept = (added.get(n, "") + ("" if n in dropped else char) for n, char in enumerate(fragment))
    return ("".join(kept) + added.get(len(fragment), "")).strip()


def _unpaired(text: str) -> list[tuple[int, int]]:
    """Each bracket or quotation mark the text opens and does not close, or closes and
    did not open, with where its partner would go: before the mark that closes what
    it is inside, at the end, or at the start."""
    open_now: list[int] = []
    found: list[tuple[int, int]] = []
    for n, char in enumerate(text):
        opening = _OPENING.get(char)
        if char == "’" and _inside_word(text, n):  # we’re: an apostrophe
            continue
        if opening is not None and any(text[at] == opening for at in open_now):
            while text[open_now[-1]] != opening:  # opened within what this closes
                found.append((open_now.pop(), n))
            open_now.pop()
        elif char in _CLOSING:
            open_now.append(n)
        elif opening is not None and char != "’":  # a ’ with no ‘ open: an apostrophe
            found.append((n, 0))
    return found + [(at, len(text)) for at in open_now]


def _inside_word(text: str, at: int) -> bool:
    return 0 < at < len(text) - 1 and text[at - 1].isalnum() and text[at + 1].isalnum()


def explained(segment: Segment, this: str, other: str) -> Segment:
    """A changed segment of the version in `this` outlet, compared with the one in
    `other`, told in words: what only this version has, what it has in place of the
    other's words, or, at a gap, what the other has that this lacks. As a screen reader
    reads the page, the words before a stretch say what it is and an end closes it;
    where the stretch sounds no different from the other's (marks alone, which readers
    skip, or letter case and typography), the words before say it all."""
    if not segment.changed:
        return segment
    theirs = " ".join(segment.other.split())
    if segment.gap:
        return _told(segment, f"not in {this}: {other} has {as_heard(theirs)} here")
    mine = as_heard(segment.text)
    unheard = bool(_mark_names(segment.text))
    if not theirs:
        return _told(segment, f"only in {this}, not in {other}",
                     f"only in {this}: {mine}" if unheard else f"only in {this}:", not unheard)
    alike = _heard_alike(segment.text, theirs)
    if alike:  # quoted as printed: named, both would sound the same
        text, theirs = _balanced_apart(" ".join(segment.text.split()), theirs)
        return _told(segment, f"{this} has “{text}” where {other} has “{theirs}”: a "
                              f"difference of {alike}")
    sentence = f"{this} has {mine} where {other} has {as_heard(theirs)}"
    if unheard:
        return _told(segment, sentence)
    return _told(segment, sentence, f"where {other} has {as_heard(theirs)}, {this} has:", True)


def _balanced_apart(mine: str, theirs: str) -> tuple[str, str]:
    """Two stretches that differ in typography, balanced as `_balanced` does, unless that
    would make them alike: the difference may be in the very marks it drops."""
    balanced = _balanced(mine), _balanced(theirs)
    return balanced if balanced[0] != balanced[1] else (mine, theirs)


def _heard_alike(mine: str, theirs: str) -> str:
    """'letter case', 'typography' or both, for two stretches a screen reader would say
    alike ('We’re' and 'we're', '…' and '...'); empty for stretches that differ in more."""
    typeset = normalise_typography(mine).text, normalise_typography(theirs).text
    if typeset[0].casefold() != typeset[1].casefold():
        return ""
    return " and ".join(kind for kind, differs in (
        ("letter case", typeset[0] != typeset[1]),
        ("typography", mine.casefold() != theirs.casefold())) if differs)


def _told(segment: Segment, sentence: str, before: str = "", closed: bool = False) -> Segment:
    """The segment with its sentence as the tooltip, and as what a screen reader hears
    before it unless `before` says otherwise; `closed` stretches end with a word."""
    return replace(segment, explanation=sentence[0].upper() + sentence[1:],
                   heard_before=f"[{before or sentence}]", heard_after="[end]" if closed else "")


def version_names(this: str, other: str) -> tuple[str, str]:
    """How a pair's two versions are named in what their marks say: by outlet, unless
    both are one outlet's (two of its articles)."""
    return (this, other) if this != other else ("this version", "the other version")


@dataclass(frozen=True)
class Side:
    outlet: Link
    source: Link
    spot_url: str
    segments: tuple[Segment, ...]
    outlet_id: str  # for filtering by outlet
    # Its outlet's name, and with the headline where the claim quotes two of the outlet's
    # articles: "The Courier" twice would read as an outlet compared with itself.
    name: str = ""
    spot_text: str = "in the article"


@dataclass(frozen=True)
class PairView:
    left: Side
    right: Side
    classification: str
    classification_text: str
    partial: bool
    reworded: bool  # different words throughout: shown side by side, not marked


@dataclass(frozen=True)
class FigureFlag:
    what: str                               # "how the fact is dated …"
    statements: tuple[tuple[str, str], ...]  # (outlet name, the figure as written)
    # Figures that cannot both be right; a fixed date against a relative one ("2024",
    # "in the last year") is a difference in how the fact is dated, and both may be.
    conflict: bool


@dataclass(frozen=True)
class ComparisonView:
    classification: str
    classification_text: str
    pairs: tuple[PairView, ...]
    figures: tuple[tuple[str, tuple[str, ...]], ...]   # (outlet name, figures as written)
    flags: tuple[FigureFlag, ...]
    groups: tuple[Link, ...]                           # corpus-wide groups this claim covers


@dataclass(frozen=True)
class GroupView:
    id: str
    speaker: str
    classification: str
    classification_text: str
    outlets: tuple[str, ...]                 # outlet ids, for filtering
    variants: tuple[Side, ...]
    pairs: tuple[PairView, ...]
    flags: tuple[FigureFlag, ...]
    claims: tuple[Link, ...]
    url: str
    opening: str                             # the first words, to recognise it by
    # (outlet, article), the editor's reason, and whom that article credits the words to
    # where not the group's speaker (None otherwise), for each quotation set apart from it
    set_apart: tuple[tuple[Link, Link, str, str | None], ...] = ()


@dataclass(frozen=True)
class SpeakerView:
    name: str
    key: str                        # in the URL: unique among the speakers
    url: str
    groups: tuple[GroupView, ...]   # most divergent first, as on /consistency/


@dataclass(frozen=True)
class OutletRecord:
    identical: int
    punctuation: int
    wording: int

    @property
    def total(self) -> int:
        return self.identical + self.punctuation + self.wording


@dataclass(frozen=True)
class ConsistencyViews:
    comparisons: Mapping[str, ComparisonView]
    groups: tuple[GroupView, ...]
    speakers: tuple[SpeakerView, ...]  # by name
    outlets: tuple[Link, ...]            # url holds the outlet id, for the filter
    records: Mapping[str, OutletRecord]


class MarkedPairs:
    """Each compared pair's text with its differences marked and explained, kept between
    builds by a preview server: that depends on the pair and its outlets' names alone,
    and the pairs stand as long as the seeds do, so a save that changes a claim marks
    none of the corpus's thousands again. Holds the latest build's pairs only."""

    def __init__(self):
        self._kept: dict[tuple[PassagePair, str, str], tuple] = {}
        self._used: dict[tuple[PassagePair, str, str], tuple] = {}

    def of(self, pair: PassagePair, left_name: str, right_name: str
           ) -> tuple[tuple[Segment, ...], tuple[Segment, ...]]:
        key = (pair, left_name, right_name)
        found = (self._used.get(key) or self._kept.get(key)
                 or explained_segments(pair, left_name, right_name))
        self._used[key] = found
        return found

    def done(self) -> None:
        """The build is over: what it did not use goes."""
        self._kept, self._used = self._used, {}


def explained_segments(pair: PassagePair, left_name: str, right_name: str
                       ) -> tuple[tuple[Segment, ...], tuple[Segment, ...]]:
    """Both sides of a pair marked, each mark told in words naming the versions."""
    left, right = _segments(pair)
    return (tuple(explained(segment, left_name, right_name) for segment in left),
            tuple(explained(segment, right_name, left_name) for segment in right))


class _Namer:
    """Outlet and article names and links for passages, from the loaded content."""

    def __init__(self, content: Content, base_path: str, marked: MarkedPairs | None = None):
        self.marked = marked
        self.base = base_path
        self.sources = {source.stem: source for source in content.sources}
        self.outlets = {outlet.id: outlet.name for outlet in content.config.outlets}
        self.claims = {claim.id: claim.claim for claim in content.claims}

    def outlet(self, outlet_id: str) -> Link:
        return Link(self.base + urls.outlet(outlet_id), self.outlets.get(outlet_id, outlet_id))

    def side(self, passage: Passage, segments: tuple[Segment, ...], anchor: str,
             by_article: frozenset[str] = frozenset()) -> Side:
        """`by_article`: the seeds to name by headline too, not by their outlet alone."""
        source = self.sources[passage.source]
        page = self.base + urls.source(passage.source)
        spot_text = f"in “{source.headline}”" if passage.source in by_article else "in the article"
        return Side(self.outlet(passage.outlet), Link(page, source.headline),
                    f"{page}#{anchor}", segments, passage.outlet,
                    self.passage_name(passage, by_article), spot_text)

    def passage_name(self, passage: Passage, by_article: frozenset[str] = frozenset()) -> str:
        outlet = self.outlets.get(passage.outlet, passage.outlet)
        if passage.source not in by_article:
            return outlet
        return f"{outlet}, “{self.sources[passage.source].headline}”"

    def article(self, stem: str) -> tuple[Link, Link]:
        """(its outlet, itself) for a seed."""
        source = self.sources[stem]
        return self.outlet(source.outlet), Link(self.base + urls.source(stem), source.headline)

    def claim(self, claim_id: str) -> Link:
        return Link(self.base + urls.claim(claim_id), self.claims.get(claim_id, claim_id))


def consistency_views(content: Content, analysis: Analysis, base_path: str,
                      anchors: Mapping[tuple[str, int], str],
                      marked: MarkedPairs | None = None,
                      views: ViewMemo | None = None) -> ConsistencyViews:
    """`anchors` maps (source, start) of a passage to the id it carries on its source page;
    with `marked` (a preview server keeps one), pairs marked in an earlier build are not
    marked again; with `views` (the preview's too), nor are unchanged groups' views made."""
    namer = _Namer(content, base_path, marked)
    views = ViewMemo() if views is None else views
    groups = tuple(_kept_group_view(group, analysis.claims_of_group.get(group.id, ()), namer,
                                    anchors, page_of(index, GROUPS_PER_PAGE), views)
                   for index, group in enumerate(analysis.groups))
    groups_of_claim: dict[str, list[Link]] = {}
    for view in groups:
        for claim in view.claims:
            groups_of_claim.setdefault(claim.url, []).append(Link(view.url, _group_title(view)))
    comparisons = {claim_id: _kept_comparison_view(
                       comparison, namer, anchors,
                       groups_of_claim.get(namer.claim(claim_id).url, []), views)
                   for claim_id, comparison in analysis.comparisons.items()}
    outlet_ids = sorted({outlet for view in groups for outlet in view.outlets})
    if marked is not None:
        marked.done()
    return ConsistencyViews(
        comparisons=comparisons, groups=groups,
        speakers=_speakers(groups, base_path, views),
        outlets=tuple(Link(outlet_id, namer.outlets.get(outlet_id, outlet_id))
                      for outlet_id in outlet_ids),
        records={outlet: OutletRecord(counts.get("identical", 0), counts.get("punctuation", 0),
                                      counts.get("wording", 0))
                 for outlet, counts in analysis.outlet_records.items()})


def _speakers(groups: tuple[GroupView, ...], base_path: str, views: ViewMemo
              ) -> tuple[SpeakerView, ...]:
    """Each speaker's groups. Kept while its groups' views are: every page of /consistency/
    lists every speaker, and a speaker's view made anew would be keyed anew, with all the
    groups in it, at every preview build."""
    by_name: dict[str, list[GroupView]] = {}
    for view in groups:
        by_name.setdefault(view.speaker, []).append(view)
    taken: set[str] = set()
    speakers = []
    for name in sorted(by_name):
        key = urls.unique(urls.slugify(name) or "speaker", taken)
        url, theirs = base_path + urls.speaker(key), tuple(by_name[name])
        speakers.append(views.made(
            ("speaker", name, key, url, tuple(map(Same, theirs))),
            lambda name=name, key=key, url=url, theirs=theirs: SpeakerView(name, key, url,
                                                                           theirs)))
    return tuple(speakers)


def _group_title(view: GroupView) -> str:
    return f"{view.speaker}: “{view.opening}”"


def _opening(text: str, words: int = 10) -> str:
    found = text.split()
    if len(found) > words:
        return " ".join(found[:words]) + "…"
    return " ".join(found).rstrip(",;:–—-").rstrip()  # the quoting sentence's, not theirs


def _kept_comparison_view(comparison, namer, anchors, groups, views: ViewMemo
                          ) -> ComparisonView:
    """The comparison's view as the last build made it, if nothing it shows has changed:
    the comparison is the analysis's kept object, compared by identity."""
    passages = [*comparison.passages,
                *(p for pair in comparison.pairs for p in (pair.left, pair.right))]
    stems = sorted({p.source for p in passages})
    articles = tuple((stem, namer.sources[stem].headline) for stem in stems)
    outlets = sorted({p.outlet for p in passages})
    key = ("comparison", Same(comparison), namer.base, articles,
           tuple((outlet, namer.outlets.get(outlet)) for outlet in outlets),
           tuple(anchors.get((p.source, p.start)) for p in passages), tuple(groups))
    return views.made(key, lambda: _comparison_view(comparison, namer, anchors, groups))


def _comparison_view(comparison, namer, anchors, groups) -> ComparisonView:
    by_article = _outlets_quoted_twice(comparison.passages)
    by_label = {label(p): namer.passage_name(p, by_article) for p in comparison.passages}
    return ComparisonView(
        classification=comparison.classification,
        classification_text=CLASSIFICATION_TEXT[comparison.classification],
        pairs=tuple(_pair_view(pair, namer, anchors, by_article) for pair in comparison.pairs),
        figures=tuple((by_label[label(p)], tuple(f.text for f in figures))
                      for p, figures in zip(comparison.passages, comparison.figures) if figures),
        flags=tuple(_flag(d, by_label) for d in comparison.figure_disagreements),
        groups=tuple(groups))


def _outlets_quoted_twice(passages: tuple[Passage, ...]) -> frozenset[str]:
    """The seeds of a claim's passages whose outlet has another article among them: an
    editor may quote two of one outlet's reports, and readers must tell them apart."""
    articles_of: dict[str, set[str]] = {}
    for passage in passages:
        articles_of.setdefault(passage.outlet, set()).add(passage.source)
    return frozenset(source for sources in articles_of.values() if len(sources) > 1
                     for source in sources)


def _kept_group_view(group: QuoteGroup, claim_ids, namer, anchors, page: int,
                     views: ViewMemo) -> GroupView:
    """The group's view as the last build made it, if nothing it shows has changed."""
    passages = [*group.variants, *(p for pair in group.pairs for p in (pair.left, pair.right))]
    stems = sorted({p.source for p in passages} | {piece.source for piece in group.set_apart})
    articles = tuple((stem, namer.sources[stem].headline, namer.sources[stem].outlet)
                     for stem in stems)
    outlets = sorted({p.outlet for p in passages} | {outlet for _, _, outlet in articles})
    # Everything _group_view reads through the namer and the anchors, for this group.
    key = ("group", Same(group), page, namer.base, articles,
           tuple((outlet, namer.outlets.get(outlet)) for outlet in outlets),
           tuple(anchors.get((p.source, p.start)) for p in passages),
           tuple((claim_id, namer.claims.get(claim_id)) for claim_id in claim_ids))
    return views.made(key, lambda: _group_view(group, claim_ids, namer, anchors, page))


def _group_view(group: QuoteGroup, claim_ids, namer, anchors, page: int) -> GroupView:
    speaker = group.speaker or "Unattributed"
    by_source = {p.source: namer.outlets.get(p.outlet, p.outlet) for p in group.variants}
    return GroupView(
        id=group.id, speaker=speaker,
        classification=group.classification,
        classification_text=CLASSIFICATION_TEXT[group.classification],
        outlets=tuple(sorted({p.outlet for p in group.variants})),
        variants=tuple(namer.side(p, (Segment(p.text, False),), _anchor(p, anchors))
                       for p in group.variants),
        pairs=_distinct(tuple(_pair_view(pair, namer, anchors) for pair in group.pairs)),
        flags=tuple(_flag(d, by_source) for d in group.figure_disagreements),
        claims=tuple(namer.claim(claim_id) for claim_id in claim_ids),
        url=f"{namer.base}{page_path(urls.page('consistency'), page)}#{group.id}",
        opening=_opening(_fullest(group.variants).text),
        set_apart=tuple((*namer.article(piece.source), piece.reason,
                         piece.speaker if piece.speaker != group.speaker else None)
                        for piece in group.set_apart))


def _distinct(pairs: tuple[PairView, ...]) -> tuple[PairView, ...]:
    """Pairs that would read the same shown once: a fragment compared with another
    outlet's fragment and with the same words inside its longer paragraph."""
    seen = set()
    kept = []
    for pair in pairs:
        shown = tuple((side.outlet.text, side.segments) for side in (pair.left, pair.right))
        if shown not in seen:
            seen.add(shown)
            kept.append(pair)
    return tuple(kept)


def _fullest(passages: tuple[Passage, ...]) -> Passage:
    """The first of the passages with the most words: a group is known by its fullest
    version, as its id is, not by a fragment that happens to come first."""
    most = max(len(p.text.split()) for p in passages)
    return next(p for p in passages if len(p.text.split()) == most)


def _anchor(passage: Passage, anchors) -> str:
    return anchors.get((passage.source, passage.start), "")


def _pair_view(pair: PassagePair, namer, anchors,
               by_article: frozenset[str] = frozenset()) -> PairView:
    left_name, right_name = version_names(namer.outlet(pair.left.outlet).text,
                                          namer.outlet(pair.right.outlet).text)
    left, right = (namer.marked.of(pair, left_name, right_name) if namer.marked is not None
                   else explained_segments(pair, left_name, right_name))
    return PairView(namer.side(pair.left, left, _anchor(pair.left, anchors), by_article),
                    namer.side(pair.right, right, _anchor(pair.right, anchors), by_article),
                    pair.classification, CLASSIFICATION_TEXT[pair.classification], pair.partial,
                    pair.reworded)


# Words (with their inner apostrophes), single marks, and runs of white space.
_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]|\s+")


def _segments(pair: PassagePair) -> tuple[tuple[Segment, ...], tuple[Segment, ...]]:
    """Each side's text, with what differs marked: words one side lacks or words
    differently, and within words that agree, marks, letter case and typography that
    differ ('then,' against 'then'). Not a mark at either end, which is the quoting
    sentence's; nothing at all for passages put in their own words."""
    if pair.reworded:
        return (Segment(pair.left.text, False),), (Segment(pair.right.text, False),)
    left: list[Segment] = []
    right: list[Segment] = []
    last = len(pair.diff) - 1
    for index, op in enumerate(pair.diff):
        if op.kind != "same":
            left += _changed(op.left, op.right)
            right += _changed(op.right, op.left)
        elif op.left == op.right:
            left.append(Segment(op.left, False, other=op.right))
            right.append(Segment(op.right, False, other=op.left))
        else:
            fine_left, fine_right = _fine_segments(op.left, op.right, index == 0, index == last)
            left += fine_left
            right += fine_right
    return tuple(_bridged(_merged(left))), tuple(_bridged(_merged(right)))


def _changed(text: str, other: str) -> list[Segment]:
    """What one side has where the other differs; a gap where it has nothing."""
    if not text:
        return [Segment("", True, gap=True, other=other)]
    tokens = _TOKEN.findall(text)
    return _stretch(tokens, other, [False] * len(tokens))


def _stretch(tokens: list[str], other: str, fixed: list[bool]) -> list[Segment]:
    """Tokens that differ from the other side's `other`, marked as one from the first to
    the last that shows: the white space around them, and marks `fixed` at the passage's
    ends (the quoting sentence's), stay unmarked."""
    shown = [n for n, token in enumerate(tokens) if not token.isspace() and not fixed[n]]
    if not shown:
        return [Segment("".join(tokens), False, other=other)]
    first, last = shown[0], shown[-1] + 1
    return [Segment("".join(tokens[:first]), False),
            Segment("".join(tokens[first:last]), True, other=other),
            Segment("".join(tokens[last:]), False)]


def _fine_segments(left: str, right: str, at_start: bool, at_end: bool
                   ) -> tuple[list[Segment], list[Segment]]:
    """Two runs of the same words: what differs in them is marked. The words pair up
    one to one, and so do the marks between them ('Europe, alongside' against 'Europe
    – alongside,': the comma and the dash differ, 'alongside' does not)."""
    left_parts, right_parts = _word_gaps(left), _word_gaps(right)
    if len(left_parts) != len(right_parts):  # words spelled out differently: token by token
        return _token_segments(left, right, at_start, at_end)
    last = len(left_parts) - 1
    left_marked: list[Segment] = []
    right_marked: list[Segment] = []
    for index, (mine, theirs) in enumerate(zip(left_parts, right_parts)):
        edge = (index == 0 and at_start) or (index == last and at_end)
        same = edge or mine == theirs or _visible(mine) == _visible(theirs)
        left_marked += _stretch(mine, "".join(theirs), [same] * len(mine))
        right_marked += _stretch(theirs, "".join(mine), [same] * len(theirs))
    return _merged(left_marked), _merged(right_marked)


def _word_gaps(text: str) -> list[list[str]]:
    """The text's tokens as [gap, word, gap, word, …, gap]: a gap is the marks and
    spaces between two words (maybe none), a word one token."""
    parts: list[list[str]] = [[]]
    for token in _TOKEN.findall(text):
        if _is_word(token):
            parts += [[token], []]
        else:
            parts[-1].append(token)
    return parts


def _is_word(token: str) -> bool:
    return token[0].isalnum() or token[0] == "_"


def _visible(tokens: list[str]) -> str:
    return "".join(token for token in tokens if not token.isspace())


def _token_segments(left: str, right: str, at_start: bool, at_end: bool
                    ) -> tuple[list[Segment], list[Segment]]:
    """Token by token, where the words do not pair up one to one."""
    left_tokens, right_tokens = _TOKEN.findall(left), _TOKEN.findall(right)
    matcher = difflib.SequenceMatcher(None, left_tokens, right_tokens, autojunk=False)
    left_fixed = _fixed_at_ends(left_tokens, at_start, at_end)
    right_fixed = _fixed_at_ends(right_tokens, at_start, at_end)
    left_marked: list[Segment] = []
    right_marked: list[Segment] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        mine, theirs = left_tokens[i1:i2], right_tokens[j1:j2]
        left_marked += _stretch(mine, "".join(theirs),
                                [True] * len(mine) if tag == "equal" else left_fixed[i1:i2])
        right_marked += _stretch(theirs, "".join(mine),
                                 [True] * len(theirs) if tag == "equal" else right_fixed[j1:j2])
    return _merged(left_marked), _merged(right_marked)


def _fixed_at_ends(tokens: list[str], at_start: bool, at_end: bool) -> list[bool]:
    """True for the marks before the passage's first word and after its last: never
    marked, as they are the quoting sentence's."""
    words = [n for n, token in enumerate(tokens) if _is_word(token)]
    first, last = (words[0], words[-1]) if words else (len(tokens), -1)
    return [(at_start and n < first) or (at_end and n > last) for n in range(len(tokens))]


def _merged(segments: list[Segment]) -> list[Segment]:
    """Neighbouring segments alike joined: one mark a difference, not one a token, and
    what the other side has in their place joined too. A gap stays on its own, as the
    page shows it apart."""
    merged: list[Segment] = []
    for segment in segments:
        if not segment.text and not segment.gap:
            continue
        if (merged and merged[-1].changed == segment.changed
                and not merged[-1].gap and not segment.gap):
            merged[-1] = Segment(merged[-1].text + segment.text, segment.changed,
                                 other=merged[-1].other + segment.other)
        else:
            merged.append(segment)
    return merged


def _bridged(segments: list[Segment]) -> list[Segment]:
    """Differences apart only by white space, or none, made one: 'We must' against 'we
    should' is one mark with one explanation, not a letter case and a word each read
    out in full; a gap beside a difference joins it too."""
    bridged: list[Segment] = []
    for segment in segments:
        if segment.changed and bridged and bridged[-1].changed:  # a gap, beside a difference
            bridged += _across(bridged.pop(), Segment("", False), segment)
        elif (segment.changed and len(bridged) > 1 and bridged[-2].changed
              and bridged[-1].text.isspace()):
            space = bridged.pop()
            bridged += _across(bridged.pop(), space, segment)
        elif bridged and not bridged[-1].changed and not segment.changed:
            bridged[-1] = replace(segment, text=bridged[-1].text + segment.text,
                                  other=bridged[-1].other + segment.other)
        else:
            bridged.append(segment)
    return [segment for segment in bridged if segment.text or segment.gap]


def _across(first: Segment, space: Segment, second: Segment) -> list[Segment]:
    """Two differences and the white space between them as one. A gap has no text, so
    the other side's words at it join its neighbour's, and the white space stays apart."""
    # White space split off a difference has no other side of its own: the other
    # side's white space there is in the difference's, so the others join as they are.
    other = first.other + space.other + second.other
    if first.gap and second.gap:
        return [replace(first, other=other), space]
    if first.gap:
        return [space, replace(second, other=other)]
    if second.gap:
        return [replace(first, other=other), space]
    return [Segment(first.text + space.text + second.text, True, other=other)]


def _flag(disagreement: FigureDisagreement, names: Mapping[str, str]) -> FigureFlag:
    return FigureFlag(FIGURE_KINDS.get(disagreement.kind, disagreement.kind),
                      tuple((names.get(s.passage, s.passage), s.figure.text)
                            for s in disagreement.statements),
                      disagreement.kind not in BOTH_MAY_BE_RIGHT)


def passage_anchors(analysis: Analysis, anchored) -> dict[tuple[str, int], str]:
    """The id on its source page for every compared passage, by (source, start): a checked
    quote keeps its own id; a grouped quotation that starts elsewhere gets one of its own."""
    anchors = {}
    for quote in sorted(anchored, key=lambda q: (q.source, q.span.start, q.claim_id, q.index)):
        anchors.setdefault((quote.source, quote.span.start), urls.quote_anchor(quote.claim_id,
                                                                               quote.index))
    for group in analysis.groups:
        for index, passage in enumerate(group.variants):
            anchors.setdefault((passage.source, passage.start), f"g-{group.id}-{index + 1}")
    return anchors


def quotation_highlights(views: ConsistencyViews, analysis: Analysis,
                         anchors: Mapping[tuple[str, int], str]) -> dict[str, list[Highlight]]:
    """By source: each grouped quotation, linked to its group, with an id where it needs one."""
    found: dict[str, list[Highlight]] = {}
    for group, view in zip(analysis.groups, views.groups):
        for passage in group.variants:
            anchor = anchors[(passage.source, passage.start)]
            found.setdefault(passage.source, []).append(Highlight(
                Span(passage.start, passage.end), anchor if anchor.startswith("g-") else "",
                view.url, f"Compare how outlets quote this ({view.classification_text.lower()})",
                "quotation"))
    return found


GROUP_ADDRESSES_PATH = "consistency/addresses.json"


def group_addresses(analysis: Analysis, views: ConsistencyViews) -> dict[str, str]:
    """Where each group is, by its id and by the ids earlier builds may have given it:
    consistency.js follows a link whose group is not on the page it opened, because
    the groups moved to another page or the id changed. A current id is never taken
    over by another group's earlier one."""
    found = {group.id: view.url for group, view in zip(analysis.groups, views.groups)}
    for group, view in zip(analysis.groups, views.groups):
        for other in group.other_ids:
            found.setdefault(other, view.url)
    return dict(sorted(found.items()))


def consistency_document(analysis: Analysis) -> dict:
    """/data/consistency.json: groups quoted by two or more sources, with exact spans."""
    return {"groups": [{
        "id": group.id, "speaker": group.speaker, "speaker_type": group.speaker_type,
        "classification": group.classification,
        "variants": [{"source": p.source, "outlet": p.outlet, "text": p.text,
                      "start": p.start, "end": p.end} for p in group.variants],
        "claims": list(analysis.claims_of_group.get(group.id, ())),
        "other_ids": list(group.other_ids),
        "set_apart": [{"source": piece.source, "reason": piece.reason}
                      for piece in group.set_apart],
    } for group in analysis.groups]}
