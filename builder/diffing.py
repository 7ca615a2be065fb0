"""Two renderings of one passage, compared the way a reader would.

Two renderings are identical when they have the same characters, white space aside (a
line break or a double space is layout, not what was printed). Punctuation, letter case
and typography (curly or straight quotes, kinds of dash, the ellipsis character) are a
lesser difference than words, which change what was said.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate
from sys import intern

from rapidfuzz.distance import Indel

IDENTICAL = "identical"
PUNCTUATION = "punctuation"
WORDING = "wording"
# How far apart two renderings are; the larger, the more a reader should be told.
DIVERGENCE = {IDENTICAL: 0, PUNCTUATION: 1, WORDING: 2}

# A word with any apostrophes inside it ("Nato’s", "could’ve"): one word, not two.
_WORD = re.compile(r"[^\W_]+(?:['’\u02bc][^\W_]+)*")
_APOSTROPHES = re.compile(r"['’\u02bc]")
# Split around the words, keeping them: [between, word, between, word, ..., between].
_WORD_SPLIT = re.compile(f"({_WORD.pattern})")


@dataclass(frozen=True)
class DiffOp:
    kind: str   # "same" | "removed" | "added" | "replaced"
    left: str   # the words as the left passage has them ("" when added)
    right: str  # the words as the right passage has them ("" when removed)


@dataclass(frozen=True)
class Word:
    key: str    # lower case, apostrophes dropped: what comparison sees
    start: int  # where the word starts in its text
    end: int


def words(text: str) -> tuple[Word, ...]:
    return tuple(Word(_key(match.group()), match.start(), match.end())
                 for match in _WORD.finditer(text))


def word_spans(text: str) -> list[tuple[int, int]]:
    """Where each of `words(text)` starts and ends."""
    starts, ends = word_bounds(text)
    return list(zip(starts, ends))


def word_bounds(text: str) -> tuple[list[int], list[int]]:
    """Where each of `words(text)` starts, and where each ends. (One split and running
    sums, all in C: a match object per word costs more than the regex does.)"""
    cuts = list(accumulate(map(len, _WORD_SPLIT.split(text))))
    return cuts[0:-1:2], cuts[1::2]


def word_keys(text: str) -> tuple[str, ...]:
    """The words as comparison sees them: no case, no apostrophes, no punctuation; one
    key for each of `words(text)`. (Folding case word by word is slow; folding the
    joined words never adds a space, so it cannot merge or split them.)"""
    found = _WORD.findall(text)
    if not found:
        return ()
    # Interned: a corpus says each word many times, and grouping compares and hashes
    # keys by the hundred thousand, faster (and in less memory) for one object a word.
    return tuple(map(intern, _APOSTROPHES.sub("", " ".join(found)).casefold().split(" ")))


# Contractions spelled out, so that "We’re not going anywhere" and "We are not going
# anywhere" say the same words. Only pronouns' "’s" is "is": a noun's is its possessive
# ("Nato’s"). "’s" is "has" and "’d" is "had" before a participle, else "is" and
# "would": a wrong reading leaves two quotations apart, it never joins two.
_WHOLE = {"wont": ("will", "not"), "cant": ("cannot",), "shant": ("shall", "not"),
          "lets": ("let", "us")}
_ENDINGS = (("nt", "not"), ("re", "are"), ("ve", "have"), ("ll", "will"), ("d", "would"),
            ("m", "am"))
# "He’s been", "she’d gone": "has" and "had" before these; "is" and "would" otherwise.
# (Only participles that are never passive: "it’s made of" is "it is made of".)
_HAS_BEFORE = frozenset(("been", "got", "gone", "had"))
_IS_AFTER = frozenset(("he", "she", "it", "that", "there", "what", "who", "here", "where",
                       "how", "this"))


def spelled_out(text: str, keys: tuple[str, ...]) -> tuple[str, ...]:
    """The keys of `text` (`word_keys(text)`) with its contractions spelled out; the keys
    themselves when it has none."""
    if _APOSTROPHES.search(text) is None:
        return keys
    spelled: list[str] = []
    following = keys[1:] + ("",)
    for word, key, after in zip(_WORD.findall(text), keys, following):
        spelled.extend(_spelled_word(word.casefold(), key, after))
    return tuple(map(intern, spelled))


def _spelled_word(word: str, key: str, after: str) -> tuple[str, ...]:
    mark = _APOSTROPHES.search(word)
    if mark is None:
        return (key,)
    head, tail = word[:mark.start()], word[mark.end():]
    if key in _WHOLE:
        return _WHOLE[key]
    if tail == "t" and head.endswith("n"):
        return head[:-1], "not"
    if tail == "s":
        if head not in _IS_AFTER:
            return (key,)
        return head, "has" if after in _HAS_BEFORE else "is"
    if tail == "d" and after in _HAS_BEFORE:
        return head, "had"
    for ending, spelled in _ENDINGS:
        if tail == ending:
            return head, spelled
    return (key,)


def _key(word: str) -> str:
    return _APOSTROPHES.sub("", word).casefold()


def spaced_form(text: str) -> str:
    """The text with each run of white space one space, and none at either end."""
    return " ".join(text.split())


def classify(a: str, b: str) -> str:
    """'identical' when only white space differs, 'punctuation' when only punctuation,
    letter case or typography does too, 'wording' when the words themselves differ."""
    if spaced_form(a) == spaced_form(b):
        return IDENTICAL
    if word_keys(a) == word_keys(b):
        return PUNCTUATION
    return WORDING


def word_diff(a: str, b: str) -> tuple[DiffOp, ...]:
    """Word-level differences, ignoring case and punctuation. Each op carries the words
    as written, with the punctuation and space that follow them, so joining the ops'
    `left` (or `right`) strings gives back `a` (or `b`) exactly."""
    return diff_keyed(a, word_keys(a), b, word_keys(b))


def diff_keyed(a: str, a_keys: tuple[str, ...], b: str, b_keys: tuple[str, ...]
               ) -> tuple[DiffOp, ...]:
    """word_diff for texts whose word_keys are already known."""
    return diff_bounded(a, a_keys, None, b, b_keys, None)


def diff_bounded(a: str, a_keys: tuple[str, ...], a_starts: list[int] | None,
                 b: str, b_keys: tuple[str, ...], b_starts: list[int] | None
                 ) -> tuple[DiffOp, ...]:
    """diff_keyed for texts whose word starts (`word_bounds(text)[0]`) may be known too;
    None where they are not."""
    if a_keys == b_keys:
        return (DiffOp("same", a, b),) if a or b else ()
    a_cuts, a_keys = _cuts(a, a_keys, a_starts)
    b_cuts, b_keys = _cuts(b, b_keys, b_starts)
    ops = []
    # rapidfuzz aligns in C++ (a longest common subsequence of words); thousands of
    # pairs are diffed per build, where difflib would dominate the run.
    for tag, i1, i2, j1, j2 in _merged(Indel.opcodes(a_keys, b_keys)):
        ops.append(DiffOp(_KINDS[tag], a[a_cuts[i1]:a_cuts[i2]], b[b_cuts[j1]:b_cuts[j2]]))
    return tuple(ops)


_KINDS = {"equal": "same", "delete": "removed", "insert": "added", "replace": "replaced"}


def _cuts(text: str, keys: tuple[str, ...], starts: list[int] | None = None
          ) -> tuple[list[int], tuple[str, ...]]:
    """Where each word's piece starts (a piece runs to the next word; text before the
    first word goes with it), and the end. A text without words is one piece."""
    if not keys:
        return ([0, len(text)], ("",)) if text else ([0], ())
    starts = word_bounds(text)[0] if starts is None else list(starts)
    starts[0] = 0
    starts.append(len(text))
    return starts, keys


def _merged(opcodes) -> list[tuple[str, int, int, int, int]]:
    """A deletion next to an insertion is one replacement, as a reader sees it."""
    merged: list[tuple[str, int, int, int, int]] = []
    for op in opcodes:
        tag, i1, i2, j1, j2 = op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end
        if merged and tag != "equal" and merged[-1][0] != "equal":
            _, p1, _, q1, _ = merged.pop()
            tag, i1, j1 = "replace", p1, q1
            if i1 == i2:
                tag = "insert"
            elif j1 == j2:
                tag = "delete"
        merged.append((tag, i1, i2, j1, j2))
    return merged
