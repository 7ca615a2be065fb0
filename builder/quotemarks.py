"""Where the quotation marks of an article open and close.

Marks are read from their context, not only their shape: outlets mix straight and curly
quotes, use ’ for apostrophes and closing single quotes alike, and follow the British
convention for a quotation over several paragraphs (an opening mark on every paragraph,
one closing mark at the end). A quotation that never closes is dropped rather than
guessed at.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

OPEN, CLOSE, EITHER, WEAK_CLOSE = "open", "close", "either", "weak-close"

_DOUBLE_MARKS = "\"“”„‟«»"
_SINGLE_MARKS = "'‘’‚‛"
_MARK = re.compile(f"[{re.escape(_DOUBLE_MARKS + _SINGLE_MARKS)}]")
_OPENING_CONTEXT = "([{/–—-" + "“„‟«‘‚‛\"'"
_CLOSING_FOLLOWER = ".,;:!?)]}/–—-…" + "”»’\"'"


@dataclass(frozen=True)
class QuoteSpan:
    start: int   # first character inside the marks
    end: int     # one past the last character inside the marks
    opener: int  # index of the opening mark
    closer: int  # index of the (final) closing mark


class _Mark(NamedTuple):
    at: int
    role: str


def find_quote_spans(text: str) -> tuple[QuoteSpan, ...]:
    """Every quotation in the text, outermost only, in order of position."""
    double_marks, single_marks = _marks(text)
    double = _pair(text, double_marks)
    single = _pair(text, single_marks)
    kept_single = [s for s in single if not any(_overlaps(s, d) and not _contains(s, d)
                                                for d in double)]
    kept_double = [d for d in double if not any(_contains(s, d) for s in kept_single)]
    return tuple(sorted(kept_double + kept_single, key=lambda span: span.start))


def paragraph_segments(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The parts of a quotation span that sit in separate paragraphs, each without the
    line break and the opening mark that continues the quotation."""
    segments = []
    piece_start = start
    for match in re.finditer(r"\s*\n\s*", text[start:end]):
        segments.append((piece_start, start + match.start()))
        piece_start = start + match.end()
        if piece_start < end and text[piece_start] in _DOUBLE_MARKS + _SINGLE_MARKS:
            piece_start += 1
    segments.append((piece_start, end))
    return tuple(_trimmed(text, a, b) for a, b in segments if text[a:b].strip())


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _overlaps(a: QuoteSpan, b: QuoteSpan) -> bool:
    return a.opener <= b.closer and b.opener <= a.closer


def _contains(outer: QuoteSpan, inner: QuoteSpan) -> bool:
    return outer.opener < inner.opener and inner.closer < outer.closer


def _marks(text: str) -> tuple[list[_Mark], list[_Mark]]:
    """The double and the single quotation marks, each with its role."""
    double: list[_Mark] = []
    single: list[_Mark] = []
    for match in _MARK.finditer(text):
        at = match.start()
        role = _role(text, at)
        if role is not None:
            (double if text[at] in _DOUBLE_MARKS else single).append(_Mark(at, role))
    return double, single


def _role(text: str, at: int) -> str | None:
    mark = text[at]
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    opening = (before.isspace() or before in _OPENING_CONTEXT) and not after.isspace()
    closing = not before.isspace() and (after.isspace() or after in _CLOSING_FOLLOWER)
    if mark in "'’‘" and _is_apostrophe(text, at, before, after):
        return None
    if mark in "“‟":
        return CLOSE if closing and not opening else OPEN
    if mark in "”":
        return OPEN if opening and not closing else CLOSE
    if mark in "„«‚‛‘":
        return OPEN
    if mark == "»":
        return CLOSE
    if opening:
        return OPEN
    if closing:
        # "the Ukrainians’ fight": a plural possessive looks like a closing mark; trust it
        # only when nothing better closes the quotation.
        return WEAK_CLOSE if mark in "'’" and _plural_possessive(text, at) else CLOSE
    return EITHER if mark == '"' else None


def _is_apostrophe(text: str, at: int, before: str, after: str) -> bool:
    if before.isalnum() and after.isalpha():       # Nato’s, don’t
        return True
    return bool(re.match(r"['’]\d0s\b", text[at:at + 5]))  # ’90s


def _plural_possessive(text: str, at: int) -> bool:
    return text[at - 1:at] == "s" and bool(re.match(r"\s+[a-z]", text[at + 1:at + 3]))


def _pair(text: str, marks: list[_Mark]) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    opener: int | None = None
    paragraph_end = 0
    fallback: int | None = None
    for mark in marks:
        if opener is not None and mark.at > paragraph_end:
            if fallback is not None:
                _emit(text, spans, opener, fallback)
                opener = None
            elif mark.role in (OPEN, EITHER) and not text[paragraph_end:mark.at].strip():
                paragraph_end = _paragraph_end(text, mark.at)  # British continuation
                continue
            else:
                opener = None  # never closed: not a quotation we can vouch for
        if opener is None:
            if mark.role in (OPEN, EITHER):
                opener, fallback = mark.at, None
                paragraph_end = _paragraph_end(text, mark.at)
            continue
        if mark.role in (CLOSE, EITHER):
            _emit(text, spans, opener, mark.at)
            opener = None
        elif mark.role == WEAK_CLOSE:
            fallback = mark.at
        elif mark.role == OPEN:
            if fallback is not None:
                _emit(text, spans, opener, fallback)
            opener, fallback = mark.at, None  # an earlier mark left open was not a quote
    if opener is not None and fallback is not None:
        _emit(text, spans, opener, fallback)
    return spans


def _paragraph_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _emit(text: str, spans: list[QuoteSpan], opener: int, closer: int) -> None:
    start, end = _trimmed(text, opener + 1, closer)
    if any(ch.isalnum() for ch in text[start:end]):
        spans.append(QuoteSpan(start, end, opener, closer))
