"""Which quoted passages are the same utterance, found without comparing every pair.

Passages with the same words are one utterance outright. The others are indexed by a
few trigrams of their content words; a passage is compared only with those sharing one
(trigrams in very many passages are no evidence), a candidate pair counts only when the
shorter passage really lies in the longer one, and a pair already known to be one
utterance is not compared again. So the cost grows with the number of passages, not with
its square.

Short passages are where false matches hide, so they may join a group but never bridge
two: a fragment ("Nato’s front line") joins the one utterance it lies in, and stays on
its own when it lies in several. A fragment an outlet put in its own order ("a relative
reduction of 23 per cent" for "a 23% relative reduction") shares no trigram; it joins the
quotation of its named speaker that says all its content words close together, if no
trigram placed it anywhere.

Each group keeps the links that made it, one fewer than its passages (a spanning tree):
those are the comparisons worth showing, and every passage takes part in one.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import chain, filterfalse, repeat
from operator import lshift, or_
from typing import Callable, NamedTuple, Sequence

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

# Function words, and the words '%' is written as: they carry no evidence that two
# passages are the same utterance.
STOP_WORDS = frozenset("""
a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each
even ever few for from further had has have having he her here hers herself him himself
his how i if in into is it its itself just me more most my myself no nor not now of off
on once only or other our ours ourselves out over own same she should so some such than
that the their theirs them themselves then there these they this those through to too
under until up very was we were what when where which while who whom why will with would
you your yours yourself yourselves us may might must shall cannot dont doesnt didnt isnt
arent wasnt werent wont wouldnt couldnt shouldnt cant im ive id youre weve theyre its
thats theres hes shes lets weve youve theyve ill youll well whats whos s t ve re ll d m
per cent percent
""".split())

CONTAINED = 0.6         # share of the shorter passage's trigrams the longer must hold
FUZZY_FLOOR = 0.2       # below this share, not even worth a fuzzy look
FUZZY_SCORE = 85        # rapidfuzz partial_ratio that makes a near-containment count
SUBSTANTIAL = 6         # content words from which a passage may bridge groups
INDEXED = 3             # content words from which a passage is indexed by trigrams
STOP_SHINGLE = 100      # a trigram in more passages than this is no evidence
SKETCH = 8              # trigrams a unit is indexed and looked up by
# A passage with a stretch left out: the share of its content words the other must say in
# order, with one stretch of at most ELIDED_GAP content words between them.
ELIDED = 0.9
ELIDED_GAP = 40
# Content words two substantial passages must say alike, in order (as a share of both),
# to be one utterance reworded.
REWORDED = 0.7
# Trigrams two passages must share to be one utterance whatever their lengths: a
# paragraph of one outlet may straddle two of another's, holding half of each.
LONG_RUN = 6


# Units and links are made by the ten thousand: named tuples, immutable like the
# dataclasses elsewhere, are several times cheaper to create.
class Unit(NamedTuple):
    """One quoted paragraph, as grouping sees it."""

    source: str
    speaker: str | None
    keys: tuple[str, ...]     # its words, compared without case or punctuation
    content: tuple[str, ...]  # its words that are not function words, in order
    spoken: tuple[str, ...]   # its keys with contractions spelled out ("we’re": we, are)


class Link(NamedTuple):
    """Two units found to be (part of) the same utterance."""

    left: int
    right: int
    overlap: float  # share of the shorter one's trigrams the longer holds; 1.0 if equal


@dataclass(frozen=True)
class Clustering:
    groups: tuple[tuple[int, ...], ...]  # unit indices; only groups from 2+ sources
    links: tuple[Link, ...]              # the links that joined those groups


# A number in words is the same content word as in digits: 'ten years' and '10 years' share
# their trigrams, so that the words around a number, not its spelling, decide a group.
_NUMERALS = {word: str(value) for value, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
_NUMERALS.update({word: str(10 * tens) for tens, word in enumerate(
    "thirty forty fifty sixty seventy eighty ninety".split(), start=3)})


# A time named one way or another ('on Friday', 'on 10 October', 'yesterday'): outlets
# date what was said from their own day of publishing, so the time is one content word,
# whichever way it is written, and the words around it decide a group. (Whether the times
# agree is for the figures to tell.)
WHEN = "<when>"
_DAY_NAMES = frozenset("""
monday tuesday wednesday thursday friday saturday sunday yesterday today tonight tomorrow
""".split())
_MONTHS = frozenset("""
january february march april may june july august september october november december
""".split())
# 'may' and 'march' are months only beside a day of the month ('10 May', 'March 3rd').
_ALSO_WORDS = frozenset(("may", "march"))
_DAYS_OF_MONTH = frozenset([str(day) for day in range(1, 32)]
                           + [f"{day}{ending}" for day in range(1, 32)
                              for ending in ("st", "nd", "rd", "th")])
_DATING = _DAY_NAMES | _MONTHS


def content_words(keys: tuple[str, ...]) -> tuple[str, ...]:
    """The keys that are not function words, in order, numbers in digits and a time
    written any way as WHEN."""
    if not _DATING.isdisjoint(keys):
        keys = _days_as_one(keys)
    content = list(filterfalse(STOP_WORDS.__contains__, keys))
    return tuple(map(_NUMERALS.get, content, content))  # both in C, as this runs per unit


def _days_as_one(keys: tuple[str, ...]) -> tuple[str, ...]:
    """A weekday, or a month with the day of the month beside it, as one WHEN; a month
    alone ('in October') too."""
    found: list[str] = []
    index = 0
    while index < len(keys):
        key = keys[index]
        after = keys[index + 1] if index + 1 < len(keys) else ""
        before = found[-1] if found else ""
        if key in _DAY_NAMES:
            found.append(WHEN)
        elif key in _MONTHS and (key not in _ALSO_WORDS or after in _DAYS_OF_MONTH
                                 or before in _DAYS_OF_MONTH):
            if before in _DAYS_OF_MONTH:  # '10 October': the day is part of it
                found.pop()
            elif after in _DAYS_OF_MONTH:  # 'October 10'
                index += 1
            found.append(WHEN)
        else:
            found.append(key)
        index += 1
    return tuple(found)


class _Forest:
    """Union-find over unit indices; local to one clustering."""

    def __init__(self, size: int):
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)  # the smaller index leads: deterministic


def cluster_units(units: Sequence[Unit]) -> Clustering:
    forest = _Forest(len(units))
    tree: list[Link] = []
    members = _same_words(units, forest, tree)
    fragment_links = _similar(units, members, forest, tree)
    fragment_links += _short_in_order(units, members)
    fragment_links += _reordered(units, members, fragment_links)
    _attach_fragments(units, forest, fragment_links, tree)
    return _clustering(units, forest, tree)


def _same_words(units: Sequence[Unit], forest: _Forest, tree: list[Link]
                ) -> dict[int, list[int]]:
    """Join units with the same words, contractions spelled out ("we’re" and "we are").
    Returns each such set by its representative (its first unit), for the index: one
    entry per wording, however often it is quoted.

    Units whose speakers conflict stay apart; an unattributed one joins the attributed
    ones only when they all agree on who spoke."""
    by_keys: dict[tuple[str, ...], list[int]] = {}
    for i, unit in enumerate(units):
        if unit.keys:
            by_keys.setdefault(unit.spoken, []).append(i)
    sets = {}
    for same in by_keys.values():
        for subset in _by_speaker(units, same):
            first = subset[0]
            for other in subset[1:]:
                forest.union(first, other)
                tree.append(Link(first, other, 1.0))
            sets[first] = subset
    return sets


def _across_sources(units: Sequence[Unit], members: dict[int, list[int]], r: int, c: int
                    ) -> tuple[int, int] | None:
    """A unit of each set, from two different sources; None if both sets are quoted by
    one and the same source only (an article does not confirm itself)."""
    for a in members[r]:
        for b in members[c]:
            if units[a].source != units[b].source:
                return (a, b) if a < b else (b, a)
    return None


def _by_speaker(units: Sequence[Unit], members: list[int]) -> list[list[int]]:
    speakers = sorted({units[i].speaker for i in members} - {None})
    if len(speakers) <= 1:
        return [members]
    return ([[i for i in members if units[i].speaker == s] for s in speakers]
            + [[i] for i in members if units[i].speaker is None])


def _similar(units: Sequence[Unit], members: dict[int, list[int]], forest: _Forest,
             tree: list[Link]) -> list[Link]:
    """Join substantial units that share enough trigrams of content words; return the
    links that involve a fragment, for _attach_fragments to weigh.

    Each unit is indexed by a sketch: the trigrams starting at its SKETCH alphabetically
    smallest words, so near-identical units share sketch entries (as in MinHash) while
    the index stays a few entries per unit. A fragment may share none of a longer
    unit's sketch, so units are also indexed by every trigram they share with some
    fragment, and fragments look up all of theirs: a fragment inside a longer unit is
    always found."""
    indexed = [r for r in members if len(units[r].content) >= INDEXED]
    trigrams = dict(zip(indexed, _numbered_trigrams([units[r].content for r in indexed])))
    shingles = {r: frozenset(found) for r, found in trigrams.items()}
    substantial = {r for r in indexed if len(units[r].content) >= SUBSTANTIAL}
    in_fragments = frozenset().union(*(shingles[r] for r in indexed if r not in substantial))
    postings: dict[int, list[int]] = {}
    queries: dict[int, frozenset[int]] = {}
    for r in indexed:
        own = shingles[r]
        if r in substantial:
            # A unit with no more trigrams than a sketch holds is its own sketch.
            query = queries[r] = (own if len(trigrams[r]) <= SKETCH
                                  else _sketch(units[r].content, trigrams[r]))
            keys = own & in_fragments | query if in_fragments else query
        else:
            keys = queries[r] = own
        for shingle in keys:
            found = postings.get(shingle)
            if found is None:
                postings[shingle] = [r]
            else:
                found.append(r)
    # Only entries that can name another unit and are not too common to mean anything.
    evidence = {shingle: found for shingle, found in postings.items()
                if 1 < len(found) <= STOP_SHINGLE}
    compared: set[int] = set()
    fragment_links = []
    size = len(units)
    find = forest.find
    for r in indexed:
        lists = [evidence[shingle] for shingle in queries[r] if shingle in evidence]
        if not lists:
            continue
        candidates = set(lists[0]).union(*lists[1:]) if len(lists) > 1 else lists[0]
        r_substantial = r in substantial
        r_shingles = shingles[r]
        r_speaker = units[r].speaker
        r_source = units[members[r][0]].source
        for c in sorted(candidates):
            if c == r:
                continue
            pair = r * size + c if r < c else c * size + r
            if pair in compared:
                continue
            both = r_substantial and c in substantial
            if both and find(r) == find(c):
                continue
            compared.add(pair)
            # _across_sources and _overlap, their usual case inline.
            first = members[c][0]
            if units[first].source != r_source:
                ends = (members[r][0], first) if members[r][0] < first else (first, members[r][0])
            else:
                ends = _across_sources(units, members, r, c)
                if ends is None:
                    continue
            c_speaker = units[c].speaker
            if r_speaker is not None and c_speaker is not None and r_speaker != c_speaker:
                continue
            c_shingles = shingles[c]
            shared = len(r_shingles & c_shingles)
            overlap = shared / min(len(r_shingles), len(c_shingles))
            if overlap < CONTAINED and shared < LONG_RUN and (
                    overlap < FUZZY_FLOOR or not _nearly_in(units[r].keys, units[c].keys)
                    and not _elided_from(units[r].content, units[c].content)
                    and not _alike_in_order(units[r].content, units[c].content)):
                continue
            link = Link(ends[0], ends[1], overlap)
            if both:
                forest.union(r, c)
                tree.append(link)
            else:
                fragment_links.append(link)
    return fragment_links


def _numbered_trigrams(contents: list[tuple[str, ...]]) -> list[list[int]]:
    """Each word sequence's trigrams as ints, equal exactly when the trigrams are: sets
    and indexes of ints hash and compare far faster than of tuples of words. Worked
    out for all sequences at once, so that the loops run in C."""
    ids: dict[str, int] = dict.fromkeys(chain.from_iterable(contents))  # type: ignore
    ids = dict(zip(ids, range(len(ids))))
    bits = max(1, len(ids).bit_length())
    flat = list(map(ids.__getitem__, chain.from_iterable(contents)))
    # Position k's trigram (meaningless where it straddles two sequences, never used).
    numbers = list(map(or_, map(or_, map(lshift, flat, repeat(2 * bits)),
                                map(lshift, flat[1:], repeat(bits))), flat[2:]))
    found, offset = [], 0
    for words in contents:
        found.append(numbers[offset:offset + len(words) - 2])
        offset += len(words)
    return found


def _sketch(words: tuple[str, ...], trigrams: list) -> frozenset:
    starts = sorted(range(len(trigrams)), key=words.__getitem__)[:SKETCH]
    return frozenset(map(trigrams.__getitem__, starts))


def _nearly_in(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """The shorter run of words lies in the longer one, give or take a few letters."""
    short, long = sorted((a, b), key=len)
    return bool(fuzz.partial_ratio(" ".join(short), " ".join(long), score_cutoff=FUZZY_SCORE))


def _alike_in_order(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two runs of content words of about one length that say most of the same words in
    the same order, a few changed ("I don’t read the papers. Five months ago …" against
    "I don’t read the newspapers. Four months ago …"): too many changes for shared
    trigrams to show it, too few for two different remarks."""
    return (min(len(a), len(b)) >= SUBSTANTIAL
            and Indel.normalized_similarity(a, b, score_cutoff=REWORDED) > 0)


def _elided_from(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """The shorter run of content words is the longer one's, in order and close together,
    with a stretch left out ("We stand with Ukraine … Our support will never waver"):
    the words either side of the cut make trigrams the longer run does not have."""
    short, long = sorted((a, b), key=len)
    shared = [op for op in Indel.opcodes(short, long) if op.tag == "equal"]
    said = sum(op.src_end - op.src_start for op in shared)
    if not shared or said < ELIDED * len(short):
        return False
    # Between runs of shared words, the longer says about as many words as the shorter
    # (a word changed) except at one cut.
    cuts = [after.dest_start - before.dest_end for before, after in zip(shared, shared[1:])
            if (after.dest_start - before.dest_end) - (after.src_start - before.src_end) > 1]
    return len(cuts) <= 1 and sum(cuts) <= ELIDED_GAP


def _short_in_order(units: Sequence[Unit], members: dict[int, list[int]]) -> list[Link]:
    """A short quotation ("should never have started") with too few words for trigrams
    joins a longer one by the same named speaker that says its content words in order,
    close together ("You should have never started it")."""
    shorts = [r for r in members if units[r].speaker is not None and len(units[r].content) == 2]
    return _said_by_their_speaker(units, members, shorts, _in_order)


def _in_order(wanted: tuple[str, ...], words: tuple[str, ...], slack: int = 2) -> bool:
    if len(words) <= len(wanted):
        return False
    for start, word in enumerate(words):
        if word != wanted[0]:
            continue
        position, ok = start, True
        for next_word in wanted[1:]:
            window = words[position + 1:position + 2 + slack]
            if next_word not in window:
                ok = False
                break
            position += 1 + window.index(next_word)
        if ok:
            return True
    return False


def _reordered(units: Sequence[Unit], members: dict[int, list[int]], found: list[Link]
               ) -> list[Link]:
    """A fragment that nothing else joined ("A relative reduction of 23 per cent sounds
    dramatic") joins a longer quotation by the same named speaker that says all its
    content words close together in another order ("A 23% relative reduction sounds
    dramatic"): an outlet rewording the part it quotes shares no trigram with the others.
    Only a fragment with no other link is looked at, so that a fragment placed by its
    trigrams is never given a second, vaguer target that would keep it on its own."""
    linked = {i for link in found for i in link[:2]}
    fragments = [r for r in members if units[r].speaker is not None
                 and INDEXED <= len(set(units[r].content)) and len(units[r].content) < SUBSTANTIAL
                 and not linked.intersection(members[r])]
    return _said_by_their_speaker(units, members, fragments, _close_together)


def _said_by_their_speaker(units: Sequence[Unit], members: dict[int, list[int]],
                           wanting: list[int], says: Callable[[tuple, tuple], bool]
                           ) -> list[Link]:
    """Each wanting unit linked to its named speaker's units from other sources whose
    content words `says` its own, looked up by the rarest of its words."""
    by_word = _by_speaker_and_word(units, members, wanting)
    links = []
    for r in wanting:
        unit = units[r]
        rarest = min((by_word[(unit.speaker, w)] for w in unit.content), key=len)
        if len(rarest) > STOP_SHINGLE:
            continue
        for c in rarest:
            if c == r or not says(unit.content, units[c].content):
                continue
            ends = _across_sources(units, members, r, c)
            if ends is not None:
                links.append(Link(ends[0], ends[1], 0.0))
    return links


def _by_speaker_and_word(units: Sequence[Unit], members: dict[int, list[int]],
                         wanting: list[int]) -> dict[tuple[str, str], list[int]]:
    """(speaker, word) → the units of that speaker saying the word, for the words the
    `wanting` units say."""
    wanted: dict[str, set[str]] = {}
    for r in wanting:
        wanted.setdefault(units[r].speaker, set()).update(units[r].content)
    by_word: dict[tuple[str, str], list[int]] = {}
    for r in members:
        speaker, content = units[r][1], units[r][3]
        words = wanted.get(speaker) if speaker is not None else None
        if words:
            for word in words.intersection(content):
                by_word.setdefault((speaker, word), []).append(r)
    return by_word


def _close_together(wanted: tuple[str, ...], words: tuple[str, ...], slack: int = 2) -> bool:
    """All the wanted words, in any order, within a run of `words` at most `slack` words
    longer than they are; `words` must be the longer (a unit no longer than the fragment
    is another fragment, not what it is part of)."""
    if len(words) <= len(wanted):
        return False
    width, each = len(wanted) + slack, frozenset(wanted)
    for start, word in enumerate(words):
        if word in each and each.issubset(words[start:start + width]):
            return True
    return False


def _attach_fragments(units: Sequence[Unit], forest: _Forest, links: list[Link],
                      tree: list[Link]) -> None:
    """Fragments join each other, then the single substantial group they lie in, if
    there is just one, by their strongest link to it."""
    substantial = {i for link in links for i in link[:2]
                   if len(units[i].content) >= SUBSTANTIAL}
    find = forest.find
    for link in links:
        left, right = link.left, link.right
        if left not in substantial and right not in substantial:
            if find(left) != find(right):
                forest.union(left, right)
                tree.append(link)
    best: dict[tuple[int, int], Link] = {}
    for link in links:
        left, right = link.left, link.right
        if (left in substantial) == (right in substantial):
            continue
        fragment, other = (right, left) if left in substantial else (left, right)
        key = (find(fragment), find(other))
        known = best.get(key)
        if known is None or link.overlap > known.overlap:
            best[key] = link
    targets: dict[int, list[int]] = {}
    for fragment_root, other_root in best:
        targets.setdefault(fragment_root, []).append(other_root)
    for fragment_root, roots in sorted(targets.items()):
        if len(roots) == 1:
            forest.union(fragment_root, roots[0])
            tree.append(best[(fragment_root, roots[0])])


def _clustering(units: Sequence[Unit], forest: _Forest, tree: list[Link]) -> Clustering:
    members: dict[int, list[int]] = {}
    for i in range(len(units)):
        if units[i].keys:
            members.setdefault(forest.find(i), []).append(i)
    groups = tuple(tuple(group) for group in members.values()
                   if len({units[i].source for i in group}) >= 2)
    kept = {i for group in groups for i in group}
    return Clustering(groups, tuple(link for link in tree if link.left in kept))
