"""How consistently outlets report what was said.

Two questions: for one claim, how do its appearances in different outlets compare; and
across the corpus, which quotations are the same utterance, and does every outlet quote
it alike. Quotations are compared a paragraph at a time, because outlets split and join
a speaker's paragraphs differently. A short quotation is compared with the part of the
longer one it matches, and the punctuation at either end of a quotation is the quoting
sentence's, not the speaker's, so it is not a difference.
"""
from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import unicodedata
from collections import Counter
from contextlib import nullcontext
from dataclasses import dataclass
from sys import intern
from typing import Mapping, NamedTuple, Sequence

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from . import urls
from .diffing import (DIVERGENCE, IDENTICAL, PUNCTUATION, WORDING, DiffOp, diff_bounded,
                      spaced_form, spelled_out, word_bounds, word_keys)
from .gcpause import HelperFailed, Partner, collector_paused, helper
from .figures import (BOTH_MAY_BE_RIGHT, Figure, FigureDisagreement, compare_figures,
                      extract_figures)
from .grouping import Clustering, Unit, cluster_units, content_words
from .quotations import Quotation, unify_speakers
from .quotemarks import paragraph_segments


@dataclass(frozen=True)
class Passage:
    source: str
    outlet: str
    text: str   # exactly the source's text[start:end]
    start: int
    end: int


@dataclass(frozen=True)
class PassagePair:
    left: Passage
    right: Passage
    classification: str            # "identical" | "punctuation" | "wording"
    diff: tuple[DiffOp, ...]
    # The shorter passage was compared with the part of the longer one it matches; the
    # diff then covers that part only.
    partial: bool

    @property
    def reworded(self) -> bool:
        """The two say it in different words, too few shared to compare word by word:
        the diff is one replacement of the whole."""
        return len(self.diff) == 1 and self.diff[0].kind == "replaced"


@dataclass(frozen=True)
class PassageComparison:
    passages: tuple[Passage, ...]
    classification: str           # the most divergent pair's ("identical" if no pair)
    pairs: tuple[PassagePair, ...]
    figures: tuple[tuple[Figure, ...], ...]  # per passage; offsets are in the source
    figure_disagreements: tuple[FigureDisagreement, ...]  # passages keyed by label()


class Attribution(NamedTuple):
    """Who one report names as the speaker of a quotation: a person, a body
    (`organisation`), or nobody (None)."""

    speaker: str | None
    organisation: bool


class SetApartQuotation(NamedTuple):
    """A report's quotation an editor set apart from a group (content/consistency.yml),
    with why, and whom that report's variants name as the speaker (None: nobody)."""

    source: str
    reason: str
    speaker: str | None = None


@dataclass(frozen=True)
class QuoteGroup:
    id: str                      # stable across builds: slug of its words + hash
    speaker: str | None
    classification: str          # the most divergent pair's
    variants: tuple[Passage, ...]  # one per quoted paragraph, by source then position
    pairs: tuple[PassagePair, ...]  # the matches that put the variants in one group
    figure_disagreements: tuple[FigureDisagreement, ...]  # passages keyed by source
    # The ids earlier builds may have given it, while a shorter variant was its fullest:
    # kept so that a link to one of them still finds the group.
    other_ids: tuple[str, ...]
    # "person", "organization" (a body: 'the Treasury said') or None with no speaker;
    # spelt as schema.org and claims.json's claimant_type spell it.
    speaker_type: str | None = None
    # Each quotation an editor set apart (content/consistency.yml).
    set_apart: tuple[SetApartQuotation, ...] = ()
    # Whom each variant's report names, in the order of `variants`: what the speaker is
    # agreed from, kept so that it can be agreed again without a variant set apart.
    attributions: tuple[Attribution, ...] = ()


class _Said:
    """A passage's words, prepared once for every comparison it takes part in (an
    internal helper: the parts only some comparisons need are worked out on demand)."""

    __slots__ = ("text", "keys", "_form", "_bounds", "_joined")

    def __init__(self, text: str, keys: tuple[str, ...] | None = None):
        self.text = text
        self.keys = word_keys(text) if keys is None else keys
        self._form: str | None = None
        self._bounds: tuple[list[int], list[int]] | None = None
        self._joined: str | None = None

    @property
    def joined(self) -> str:
        """The keys as one string, each with a space either side."""
        if self._joined is None:
            self._joined = " " + " ".join(self.keys) + " "
        return self._joined

    @property
    def form(self) -> str:
        """The text without the punctuation at either end, and its white space as in
        `spaced_form`."""
        if self._form is None:
            self._form = _edge_trimmed(self.text)
        return self._form

    def prepared(self) -> _Said:
        """With every part worked out now, ahead of the comparisons."""
        self._word_bounds()
        self.form, self.joined  # noqa: B018  (computed and kept)
        return self

    @property
    def starts(self) -> list[int]:
        """Where each word starts."""
        return self._word_bounds()[0]

    def _word_bounds(self) -> tuple[list[int], list[int]]:
        if self._bounds is None:
            self._bounds = word_bounds(self.text)
        return self._bounds

    def window(self, first: int, last: int) -> str:
        """The text of words first..last-1."""
        starts, ends = self._word_bounds()
        return self.text[starts[first]:ends[last - 1]]

    def window_starts(self, first: int, last: int) -> list[int]:
        """Where each word of `window(first, last)` starts in it."""
        starts = self._word_bounds()[0]
        begin = starts[first]
        return [start - begin for start in starts[first:last]]


PARTIAL = 0.8  # a passage with fewer words than this share of the other is partial
EDGE_SLACK = 3  # words either side of a rough alignment where its true edges may lie


def _edge_trimmed(text: str) -> str:
    form = spaced_form(text)
    start, end = 0, len(form)
    while start < end and not form[start].isalnum():
        start += 1
    while end > start and not form[end - 1].isalnum():
        end -= 1
    return form[start:end]


def label(passage: Passage) -> str:
    """How a passage is named in figure comparisons: 'source@start'."""
    return f"{passage.source}@{passage.start}"


# --- one claim's appearances ------------------------------------------------------------

def compare_passages(passages: Sequence[Passage],
                     published: Mapping[str, dt.date | None] | None = None
                     ) -> PassageComparison:
    """Every pair of a claim's appearances from different reports compared, and the
    figures they state; with `published` (source → the day its report was published),
    relative dates are set on the calendar from each report's day."""
    passages = tuple(passages)
    said = [_Said(_spoken(p.text)) for p in passages]
    # Two passages of one report say nothing of how reports differ: never a pair (the
    # claim's file gets a warning that it quotes one seed twice).
    pairs = tuple(_pair(passages[i], said[i], passages[j], said[j])
                  for i in range(len(passages)) for j in range(i + 1, len(passages))
                  if passages[i].source != passages[j].source)
    figures = tuple(_figures_in_source(p) for p in passages)
    disagreements = compare_figures({label(p): f for p, f in zip(passages, figures)},
                                    {label(p): (published or {}).get(p.source) for p in passages})
    return PassageComparison(passages, most_divergent(pairs), pairs, figures, disagreements)


def _spoken(text: str) -> str:
    """A passage over several paragraphs, read as one: line breaks and the marks that
    reopen a quotation on each paragraph are not words."""
    return " ".join(text[a:b] for a, b in paragraph_segments(text, 0, len(text)))


def _figures_in_source(passage: Passage) -> tuple[Figure, ...]:
    return tuple(Figure(f.kind, f.value, f.text, passage.start + f.start,
                        passage.start + f.end) for f in extract_figures(passage.text))


def most_divergent(pairs: Sequence[PassagePair]) -> str:
    return max((pair.classification for pair in pairs), key=DIVERGENCE.__getitem__,
               default=IDENTICAL)


def _pair(left: Passage, left_said: _Said, right: Passage, right_said: _Said) -> PassagePair:
    classification, diff, partial = _compare(left_said, right_said)
    return PassagePair(left, right, classification, diff, partial)


def _compare(a: _Said, b: _Said) -> tuple[str, tuple[DiffOp, ...], bool]:
    if a.keys == b.keys:
        same = IDENTICAL if a.text == b.text or a.form == b.form else PUNCTUATION
        return same, (DiffOp("same", a.text, b.text),), False
    a_is_short = len(a.keys) <= len(b.keys)
    short, long = (a, b) if a_is_short else (b, a)
    at = _contiguous(short, long)
    if at is not None:
        window = long.window(at, at + len(short.keys))
        same = IDENTICAL if short.form == _edge_trimmed(window) else PUNCTUATION
        left, right = (a.text, window) if a_is_short else (window, b.text)
        return same, (DiffOp("same", left, right),), True
    if _reworded(short.keys, long.keys):
        return WORDING, (DiffOp("replaced", a.text, b.text),), False
    first, last = (_aligned(short.keys, long.keys) if len(short.keys) < PARTIAL * len(long.keys)
                   else (0, 0))
    # A stretch holding few of the short passage's words is a chance likeness ('the US
    # president said'), not the part it quotes: then the two are compared whole.
    if last > first and not _reworded(short.keys, long.keys[first:last]):
        window, window_keys = long.window(first, last), long.keys[first:last]
        window_starts = long.window_starts(first, last)
        if a_is_short:
            return WORDING, diff_bounded(a.text, a.keys, a.starts,
                                         window, window_keys, window_starts), True
        return WORDING, diff_bounded(window, window_keys, window_starts,
                                     b.text, b.keys, b.starts), True
    return WORDING, diff_bounded(a.text, a.keys, a.starts, b.text, b.keys, b.starts), False


SHARED_TO_COMPARE = 0.5  # of the shorter passage's content words, for a word-by-word diff


def _reworded(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Too few of the shorter passage's content words in the longer one for a word diff
    to mean anything: a claim's appearances may be reporters' own sentences, each put its
    own way, and marking all but 'the' and 'Mr' as different would tell a reader nothing."""
    wanted = set(content_words(short))
    return bool(wanted) and len(wanted.intersection(long)) < SHARED_TO_COMPARE * len(wanted)


def _in_step(before, after) -> bool:
    """Two runs of shared words with about as many words between them on either side."""
    return abs((after.src_start - before.src_end) - (after.dest_start - before.dest_end)) <= 2


def _contiguous(short: _Said, long: _Said) -> int | None:
    """Where the short run of words starts inside the long one, if it does."""
    found = long.joined.find(short.joined)
    return None if found < 0 or not short.keys else long.joined.count(" ", 0, found + 1) - 1


def _aligned(short: tuple[str, ...], long: tuple[str, ...]) -> tuple[int, int]:
    """The stretch of the long passage's words the short one best lines up with: found
    roughly by letters, then set word by word, so that its edges are the words that
    answer the short passage's first and last (a letter-level match may start a word
    early or late where the passages differ at an edge)."""
    long_text = " ".join(long)
    found = fuzz.partial_ratio_alignment(" ".join(short), long_text)
    if found is None or found.dest_end <= found.dest_start:
        return 0, len(long)
    first = long_text.count(" ", 0, found.dest_start)
    last = long_text.count(" ", 0, found.dest_end - 1) + 1
    low, high = max(0, first - EDGE_SLACK), min(len(long), last + EDGE_SLACK)
    matched = [op for op in Indel.opcodes(short, long[low:high]) if op.tag == "equal"]
    if not matched:
        return first, last
    # From the longest run of shared words outwards, runs that keep in step with it; a
    # word matched out of step ("the" three words off) is chance, not an edge.
    core = max(range(len(matched)), key=lambda n: matched[n].src_end - matched[n].src_start)
    head = tail = core
    while head > 0 and _in_step(matched[head - 1], matched[head]):
        head -= 1
    while tail < len(matched) - 1 and _in_step(matched[tail], matched[tail + 1]):
        tail += 1
    # Words of the short passage before its first match (after its last) answer as many
    # words of the long one there...
    start = low + max(0, matched[head].dest_start - matched[head].src_start)
    end = low + min(high - low, matched[tail].dest_end + len(short) - matched[tail].src_end)
    # ...unless a run of its words out of step ends it: the long one says the rest in
    # fewer words, or in another order ("a relative reduction of 23 per cent sounds
    # dramatic" against "a 23% relative reduction sounds dramatic, but ...").
    last = matched[-1]
    if tail < len(matched) - 1 and last.src_end == len(short) and _a_run(last):
        end = min(end, low + last.dest_end)
    first = matched[0]
    if head > 0 and first.src_start == 0 and _a_run(first):
        start = max(start, low + first.dest_start)
    return start, max(end, start + 1)


def _a_run(match) -> bool:
    """Two words or more: not a single word matched by chance."""
    return match.src_end - match.src_start >= 2


# --- quotations across the corpus -------------------------------------------------------

class _Variant(NamedTuple):
    passage: Passage
    speaker: str | None
    organisation: bool  # the speaker is a body: it never keeps two quotations apart


def group_quotations(quotations: Sequence[Quotation], outlet_of: Mapping[str, str],
                     published: Mapping[str, dt.date | None] | None = None
                     ) -> tuple[QuoteGroup, ...]:
    """Quotations that are the same utterance in two or more sources, most divergent
    first, then by id. `published`: source → the day its report was published, from
    which its relative dates are counted."""
    with collector_paused():
        return _group_quotations(quotations, outlet_of, published or {})


# A helper process costs a fork and some pickling: worth it for this many passages.
PARALLEL_FROM = 1500
# The share of the groups' comparisons the helper takes: it has read every passage's
# figures and words while this process clustered, and this process still assembles
# every group.
HELPER_SHARE = 0.7
HELPER_PARTS = 6  # it sends its share in parts, for this process to unpack meanwhile


def _group_quotations(quotations: Sequence[Quotation], outlet_of: Mapping[str, str],
                      published: Mapping[str, dt.date | None]) -> tuple[QuoteGroup, ...]:
    quotations = unify_speakers(quotations)
    variants: list[_Variant] = []
    text_of: list[int] = []   # variant → its text's index in `texts`
    index: dict[str, int] = {}  # outlets often quote word for word: each text read once
    for quotation in quotations:
        source, speaker, text = quotation.source, quotation.speaker, quotation.text
        organisation = quotation.organisation
        outlet = outlet_of.get(source, source)
        if "\n" not in text:  # as `paragraphs`, without an object per part
            parts: Sequence[tuple[int, int, str]] = ((quotation.start, quotation.end, text),)
        else:
            parts = [(quotation.start + a, quotation.start + b, text[a:b])
                     for a, b in paragraph_segments(text, 0, len(text))]
        for start, end, part in parts:
            variants.append(_Variant(Passage(source, outlet, part, start, end), speaker,
                                     organisation))
            found = index.get(part)
            if found is None:
                found = index[part] = len(index)
            text_of.append(found)
    texts = list(index)
    half = len(texts) // 2

    def work(partner: Partner) -> None:
        """The helper: the second half of the texts' words; while the parent clusters,
        every text's figures, what comparing it takes and the ids its wordings would
        give a group; then most of the groups' comparisons. (It never clusters, so it
        needs the passages' words, not the rest of their units.)"""
        theirs = [word_keys(text) for text in texts[half:]]
        partner.send([" ".join(found) for found in theirs])
        keys = [word_keys(text) for text in texts[:half]] + theirs
        keys_of = [keys[n] for n in text_of]
        ids = _wording_ids(keys_of, _unit_speakers(variants))
        figures = {text: extract_figures(text) for text in texts}
        said = {text: _Said(text, found).prepared() for text, found in zip(texts, keys)}
        partner.send(({n: tuple((f.kind, f.value, f.text, f.start, f.end) for f in found)
                       for n, found in enumerate(figures.values()) if found}, ids))
        plans = partner.receive()
        step = max(1, len(plans) // HELPER_PARTS)
        for start in range(0, len(plans), step):
            partner.send([_compact(_group_work(variants, keys_of, said, figures, plan,
                                               published))
                          for plan in plans[start:start + step]])

    with helper(work) if len(variants) >= PARALLEL_FROM else nullcontext() as partner:
        keys = [word_keys(text) for text in texts[:half]]
        if partner is not None:
            try:
                keys += [tuple(map(intern, joined.split(" "))) if joined else ()
                         for joined in partner.receive()]
            except HelperFailed:
                partner = None
        if len(keys) < len(texts):
            keys += [word_keys(text) for text in texts[half:]]
        units = _units(variants, text_of, keys, texts)
        clustering = cluster_units(units)
        groups = _build_groups(variants, units, clustering, texts, partner, published)
    return tuple(sorted(groups, key=divergence_order))


def divergence_order(group: QuoteGroup) -> tuple:
    """Most divergent first: by classification, then groups whose outlets disagree on a
    figure before those that differ only in words, then by id."""
    disagrees = any(d.kind not in BOTH_MAY_BE_RIGHT for d in group.figure_disagreements)
    return -DIVERGENCE[group.classification], not disagrees, group.id


def _units(variants: list[_Variant], text_of: list[int], keys: list[tuple[str, ...]],
           texts: list[str]) -> list[Unit]:
    read = [(found, content_words(found), spelled_out(text, found))
            for text, found in zip(texts, keys)]
    return [Unit(variant.passage.source, speaker, *read[n])
            for variant, speaker, n in zip(variants, _unit_speakers(variants), text_of)]


def _unit_speakers(variants: list[_Variant]) -> list[str | None]:
    """Whom each variant's unit names as its speaker: neither a body nor a surname two
    people share keeps a quotation apart from others."""
    apart = _vague_surnames({v.speaker for v in variants if v.speaker and not v.organisation})
    return [None if variant.organisation or variant.speaker in apart else variant.speaker
            for variant in variants]


def _vague_surnames(speakers: set[str]) -> frozenset[str]:
    """Surnames standing alone that two full names among the speakers end in: 'Brennock'
    may be Ailsa Brennock or Lachlan Brennock, so it is no reason to keep a quotation
    from either's group (the words decide, and the group's speaker is the one most
    variants name)."""
    ends = Counter(name.rsplit(" ", 1)[1] for name in speakers if " " in name)
    return frozenset(name for name in speakers if " " not in name and ends[name] >= 2)


class _Plan(NamedTuple):
    """One group's work: its members in order, and the pairs of them to compare."""

    members: list[int]
    ends: list[tuple[int, int]]


def _build_groups(variants: list[_Variant], units: list[Unit], clustering: Clustering,
                  texts: list[str], partner: Partner | None,
                  published: Mapping[str, dt.date | None]) -> list[QuoteGroup]:
    member_of = {}
    for n, group in enumerate(clustering.groups):
        for i in group:
            member_of[i] = n
    links_of: dict[int, list] = {}
    for link in clustering.links:
        links_of.setdefault(member_of[link.left], []).append(link)
    # Where each grouped variant sits, (source, start): the order of everything below.
    where = {i: (variants[i].passage.source, variants[i].passage.start) for i in member_of}
    ordered = sorted(range(len(clustering.groups)),
                     key=lambda n: min(map(where.__getitem__, clustering.groups[n])))
    plans = [_Plan(sorted(clustering.groups[n], key=where.__getitem__),
                   _pair_ends(variants, where, links_of.get(n, ()))) for n in ordered]
    cut = _mine(plans) if partner is not None else len(plans)
    figures: dict[str, tuple[Figure, ...]] = {}  # by text, for the whole run
    keys_of = [unit.keys for unit in units]
    ids: list[str] | None = None  # each variant's wording id, from the helper if there is one
    if partner is not None:
        try:
            compact, ids = partner.receive()
            partner.send(plans[cut:])
        except HelperFailed:
            partner = None
        else:  # every text's figures: those not sent have none
            figures = dict.fromkeys(texts, ())
            for n, found in compact.items():
                figures[texts[n]] = tuple(Figure(*f) for f in found)
    if ids is None:
        ids = _wording_ids(keys_of, [unit.speaker for unit in units])
    said: dict[str, _Said] = {}  # by text: a passage quoted word for word is read once
    done = [_group_work(variants, keys_of, said, figures, plan, published)
            for plan in plans[:cut]]
    # What needs no comparison, while the helper finishes its share.
    taken: set[str] = set()
    heads = [(urls.unique(_group_id(keys_of, ids, members), taken),
              *agreed_speaker([variants[i] for i in members]),
              tuple(variants[i].passage for i in members), {ids[i] for i in members},
              tuple(Attribution(variants[i].speaker, variants[i].organisation)
                    for i in members))
             for members, _ in plans]
    theirs = plans[cut:]
    if partner is not None:
        try:  # the helper sends its share in parts, to be unpacked as the rest comes
            while len(done) < len(plans):
                part = partner.receive()
                offset = len(done) - cut
                done += [_expanded(variants, plan, found)
                         for plan, found in zip(theirs[offset:offset + len(part)], part)]
        except HelperFailed:
            pass
    done += [_group_work(variants, keys_of, said, figures, plan, published)
             for plan in plans[len(done):]]
    return [QuoteGroup(group_id, speaker, most_divergent(pairs), passages, pairs,
                       disagreements, tuple(sorted(others - {group_id})), speaker_type,
                       attributions=attributions)
            for (group_id, speaker, speaker_type, passages, others, attributions),
            (pairs, disagreements) in zip(heads, done)]


def _mine(plans: list[_Plan]) -> int:
    """How many of the plans this process takes, the helper taking the rest."""
    work = [len(plan.ends) + 1 for plan in plans]
    total, reached = sum(work), 0
    for index, amount in enumerate(work):
        reached += amount
        if reached >= (1 - HELPER_SHARE) * total:
            return index + 1
    return len(plans)


def _pair_ends(variants, where, links) -> list[tuple[int, int]]:
    """The pairs the links make, across sources, each once, in the order of the
    passages: (left source, left start, right source, right start)."""
    ends: dict[tuple[int, int], None] = {}  # in link order, for ties in the sort below
    for link in links:
        a, b = link.left, link.right
        if where[b] < where[a]:
            a, b = b, a
        if variants[a].passage.source != variants[b].passage.source:
            ends[a, b] = None
    return sorted(ends, key=lambda ends: (where[ends[0]], where[ends[1]]))


def _group_work(variants, keys_of, said, figures, plan: _Plan, published
                ) -> tuple[tuple[PassagePair, ...], tuple[FigureDisagreement, ...]]:
    """One group's pairs compared, and the figures its sources disagree on. `keys_of`:
    each variant's words."""
    pairs = []
    for a, b in plan.ends:
        left, right = variants[a].passage, variants[b].passage
        left_said, right_said = said.get(left.text), said.get(right.text)
        if left_said is None:
            left_said = said[left.text] = _Said(left.text, keys_of[a])
        if right_said is None:
            right_said = said[right.text] = _Said(right.text, keys_of[b])
        pairs.append(_pair(left, left_said, right, right_said))
    members = plan.members
    return tuple(pairs), group_figures([variants[i].passage for i in members],
                                        [keys_of[i] for i in members], figures, published)


def _compact(work):
    """A group's work as the helper sends it: plain tuples, no passages, and None for
    the usual diff, both passages' whole texts the same words."""
    pairs, disagreements = work
    return ([(pair.classification,
              None if len(pair.diff) == 1 and pair.diff[0] == DiffOp(
                  "same", pair.left.text, pair.right.text)
              else [(op.kind, op.left, op.right) for op in pair.diff],
              pair.partial) for pair in pairs], disagreements)


def _expanded(variants, plan: _Plan, compact):
    """`_compact` undone, with this process's passages."""
    pairs, disagreements = compact
    expanded = []
    for (a, b), (classification, diff, partial) in zip(plan.ends, pairs):
        left, right = variants[a].passage, variants[b].passage
        expanded.append(PassagePair(
            left, right, classification,
            (DiffOp("same", left.text, right.text),) if diff is None
            else tuple(DiffOp(*op) for op in diff), partial))
    return tuple(expanded), disagreements


def relinked(passages: Sequence[Passage], attributions: Sequence[Attribution | None]
             ) -> tuple[tuple[Passage, ...], tuple[PassagePair, ...]]:
    """Some of a group's passages grouped again by themselves, as the corpus's were: the
    part quoted by the most sources, and the comparisons that link it (none, and no
    passage, when no two sources are still one utterance). For a group whose links ran
    through a quotation an editor set apart: the others may still say the same."""
    variants = [_Variant(passage, *(said or (None, False)))
                for passage, said in zip(passages, attributions)]
    texts = [passage.text for passage in passages]
    units = _units(variants, list(range(len(texts))), [word_keys(t) for t in texts], texts)
    clustering = cluster_units(units)
    if not clustering.groups:
        return (), ()
    fullest = max(clustering.groups, key=lambda members: (
        len({passages[i].source for i in members}), -min(members)))
    where = {i: (passages[i].source, passages[i].start) for i in fullest}
    links = [link for link in clustering.links if link.left in where]
    ends = _pair_ends(variants, where, links)
    pairs, _ = _group_work(variants, [unit.keys for unit in units], {}, {},
                           _Plan(sorted(fullest), ends), {})
    return tuple(passages[i] for i in sorted(fullest)), pairs


def agreed_speaker(members: Sequence[Attribution | _Variant]) -> tuple[str | None, str | None]:
    """Who the variants say speaks, and whether a person or a body: the person most of
    them name; where none names a person, the body most of them name."""
    person = _most_named([v.speaker for v in members
                          if v.speaker is not None and not v.organisation])
    if person is not None:
        return person, "person"
    body = _most_named([v.speaker for v in members if v.speaker is not None])
    return body, None if body is None else "organization"


def _most_named(named: list[str]) -> str | None:
    if named and named.count(named[0]) == len(named):
        return named[0]  # the usual case: all who are named agree
    counted = Counter(named)
    if not counted:
        return None
    return min(counted, key=lambda s: (-counted[s], s))


def _group_id(keys_of: list[tuple[str, ...]], ids: list[str], members: list[int]) -> str:
    """The wording id (`_wording_id`) of its fullest variant: the first, by source and
    start, of those with the most words."""
    most = max(len(keys_of[i]) for i in members)
    return ids[next(i for i in members if len(keys_of[i]) == most)]


def _wording_ids(keys_of: list[tuple[str, ...]], speakers: list[str | None]) -> list[str]:
    """The id each variant would give its group as the fullest: a group's id, and the
    ids earlier builds may have given it (a new source with a fuller variant changes the
    id; the old one is among these). Each wording is hashed once."""
    known: dict[tuple[tuple[str, ...], str | None], str] = {}
    ids = []
    for wording in zip(keys_of, speakers):
        found = known.get(wording)
        if found is None:
            found = known[wording] = _wording_id(*wording)
        ids.append(found)
    return ids


def _wording_id(keys: tuple[str, ...], speaker: str | None) -> str:
    """Slug of the first words, and a hash of all of them and the person speaking them
    (a body is left out, as ids were made before bodies were read): the same utterance
    gets the same id in every build."""
    slug = "-".join(filter(None, (_ascii(k) for k in keys[:6]))) or "quote"
    digest = hashlib.sha1(("\n".join(keys) + "\0" + (speaker or "")).encode()).hexdigest()[:6]
    return f"{slug}-{digest}"


def _ascii(word: str) -> str:
    if word.isascii():
        return word
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()


def group_figures(passages: list[Passage], keys: list[tuple[str, ...]],
                   known: dict[str, tuple[Figure, ...]],
                   published: Mapping[str, dt.date | None]) -> tuple[FigureDisagreement, ...]:
    """Figures compared source by source: the paragraphs one source quotes are one
    statement together, and a source never disagrees with itself. Passages with the
    same words state the same figures, so a group quoted alike needs no reading;
    `known` keeps what each distinct text states, for the whole run."""
    if len(set(keys)) < 2:
        return ()
    stated = []
    for passage in passages:
        found = known.get(passage.text)
        if found is None:
            found = known[passage.text] = extract_figures(passage.text)
        stated.append(found)
    if len({passage.source for passage, found in zip(passages, stated) if found}) < 2:
        return ()
    by_source: dict[str, list[Figure]] = {}
    for passage, found in zip(passages, stated):
        by_source.setdefault(passage.source, []).extend(
            Figure(f.kind, f.value, f.text, passage.start + f.start, passage.start + f.end)
            for f in found)
    return compare_figures(by_source, published)


# --- what the groups say about claims and outlets ---------------------------------------

def link_claims(groups: Sequence[QuoteGroup],
                claim_spans: Mapping[str, Sequence[tuple[str, int, int]]]
                ) -> dict[str, tuple[str, ...]]:
    """Each group's id → the claims (sorted ids) with an appearance overlapping one of
    its variants. Every group is a key, with () when no claim touches it."""
    by_source: dict[str, list[tuple[int, int, str]]] = {}
    for claim_id, spans in claim_spans.items():
        for source, start, end in spans:
            by_source.setdefault(source, []).append((start, end, claim_id))
    for spans in by_source.values():
        spans.sort()
    linked = {}
    for group in groups:
        found = set()
        for variant in group.variants:
            found.update(_overlapping(by_source.get(variant.source, []), variant))
        linked[group.id] = tuple(sorted(found))
    return linked


def _overlapping(spans: list[tuple[int, int, str]], passage: Passage):
    # Appearances starting before the passage ends; check each actually reaches into it.
    last = bisect.bisect_left(spans, (passage.end,))
    return (claim for start, end, claim in spans[:last] if end > passage.start)


def outlet_record(groups: Sequence[QuoteGroup]) -> dict[str, dict[str, int]]:
    """For each outlet, how many of its quoted paragraphs match another outlet's
    verbatim, only in punctuation, or differ in wording. Each paragraph counts once, by
    its closest match in another outlet among the matches that grouped it; a match that
    compared only part of it (another outlet quoting a few of its words) counts only
    where no match compared all of it, as a fragment quoted alike says nothing of the
    rest of the paragraph."""
    best: dict[tuple[str, str, int], tuple[tuple[bool, int], str, str]] = {}
    for group in groups:
        for pair in group.pairs:
            if pair.left.outlet == pair.right.outlet:
                continue
            for passage, other in ((pair.left, pair.right), (pair.right, pair.left)):
                in_part = pair.partial and len(passage.text) > len(other.text)
                rank = (in_part, DIVERGENCE[pair.classification])
                key = (passage.source, passage.outlet, passage.start)
                current = best.get(key)
                if current is None or rank < current[0]:
                    best[key] = (rank, passage.outlet, pair.classification)
    record: dict[str, dict[str, int]] = {}
    for _, outlet, classification in best.values():
        counts = record.setdefault(outlet, {IDENTICAL: 0, PUNCTUATION: 0, WORDING: 0})
        counts[classification] += 1
    return dict(sorted(record.items()))
