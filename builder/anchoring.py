"""Quote → exact span of its source.

Matching ignores typographic differences only (quotes, dashes, ellipsis, white space), so
an editor may type straight quotes for a seed's curly ones; anything else is a different
passage, reported with the closest one the seed has.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cached_property
from typing import Iterable

from rapidfuzz import fuzz

from .errors import Problem, error, warning
from .model import AnchoredQuote, Claim, Source, Span
from .text import normalise_quote, normalise_typography


@dataclass(frozen=True)
class Located:
    span: Span
    match: str  # "exact" | "normalized"
    occurrences: int


@dataclass(frozen=True)
class ClosestPassage:
    text: str
    line: int
    similarity: float  # 0–100


class SearchableText:
    """A source text with its normalised form computed once, on first need."""

    def __init__(self, text: str):
        self.text = text

    @cached_property
    def normalised(self):
        return normalise_typography(self.text)

    def locate(self, quote: str) -> Located | None:
        wanted = quote.strip()
        if not wanted:
            return None
        start = self.text.find(wanted)
        if start >= 0:
            return Located(Span(start, start + len(wanted)), "exact", self.text.count(wanted))
        needle = normalise_quote(wanted)
        found = self.normalised.text.find(needle) if needle else -1
        while found >= 0:
            start, end = self.normalised.original_span(found, found + len(needle))
            # A match must cover whole original characters: '.' is not a third of '…'.
            if normalise_quote(self.text[start:end]) == needle:
                return Located(Span(start, end), "normalized", self.normalised.text.count(needle))
            found = self.normalised.text.find(needle, found + 1)
        return None

    def in_other_capitals(self, quote: str) -> str | None:
        """The article's words where the quote matches them but for letter case."""
        needle = normalise_quote(quote.strip()).lower()
        haystack = self.normalised.text.lower()
        if not needle or len(haystack) != len(self.normalised.text):
            return None  # lowering changed lengths: positions would not map back
        found = haystack.find(needle)
        if found < 0:
            return None
        start, end = self.normalised.original_span(found, found + len(needle))
        return self.text[start:end]

    def closest(self, quote: str) -> ClosestPassage:
        needle = normalise_quote(quote)
        haystack = self.normalised.text
        alignment = fuzz.partial_ratio_alignment(needle, haystack)
        start, end = self.normalised.original_span(alignment.dest_start, alignment.dest_end)
        start, end = _whole_words(self.text, start, end)
        return ClosestPassage(self.text[start:end], self.text.count("\n", 0, start) + 1,
                              alignment.score)


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a fuzzy window so it neither starts nor ends inside a word."""
    while 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and end > 0 and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end


def anchor_quotes(claims: Iterable[Claim], sources: dict[str, Source],
                  searchable: dict[str, SearchableText] | None = None
                  ) -> tuple[tuple[AnchoredQuote, ...], list[Problem]]:
    searchable = searchable if searchable is not None else {}
    anchored: list[AnchoredQuote] = []
    problems: list[Problem] = []
    for claim in claims:
        for index, appearance in enumerate(claim.appearances):
            if appearance.source not in sources or appearance.quote is None:
                continue  # reported by validation, or by reading the claim
            text = searchable.setdefault(appearance.source,
                                         SearchableText(sources[appearance.source].text))
            located = text.locate(appearance.quote)
            if located is None:
                problems.append(_not_found(appearance, text, sources, searchable))
                continue
            anchored.append(AnchoredQuote(claim.id, index, appearance.source, located.span,
                                          located.match))
            problems += _doubtful(appearance, text.text, located)
            problems += _in_boilerplate(appearance, sources[appearance.source], located.span)
    return tuple(anchored), problems


def _in_boilerplate(appearance, source: Source, span: Span) -> list[Problem]:
    """A quote the sidecar marks as boilerplate: readers find it folded away as 'not part
    of the report', which the claim says it is."""
    if not any(b.start < span.end and span.start < b.end for b in source.boilerplate):
        return []
    return [warning(appearance.origin, f"quote lies in a passage {source.stem}.yml marks as "
                                       f"boilerplate, which readers see folded away as not "
                                       f"part of the report")]


def _doubtful(appearance, text: str, located: Located) -> list[Problem]:
    """Quotes that anchor, but perhaps not where the editor meant: cut mid-word, or
    found more than once (the first is used)."""
    start, end = located.span.start, located.span.end
    line = text.count("\n", 0, start) + 1
    found = []
    cut = [word for word, inside in ((_word_at(text, start), _inside_word(text, start)),
                                    (_word_at(text, end - 1), _inside_word(text, end)))
           if inside]
    if cut:
        found.append(warning(appearance.origin, (
            f"quote cuts the word{'s' if len(set(cut)) > 1 else ''} "
            f"{' and '.join(f'“{word}”' for word in dict.fromkeys(cut))} (line {line} of "
            f"the seed): quote whole words")))
    if located.occurrences > 1:
        found.append(warning(appearance.origin, (
            f"quote occurs {located.occurrences} times in source '{appearance.source}'; the "
            f"first, on line {line} of the seed, is used: quote more words to pick another")))
    return found


def _inside_word(text: str, at: int) -> bool:
    return 0 < at < len(text) and text[at - 1].isalnum() and text[at].isalnum()


def _word_at(text: str, at: int) -> str:
    start, end = _whole_words(text, at, at + 1)
    return text[start:end]


def _not_found(appearance, text: SearchableText, sources: dict[str, Source],
               searchable: dict[str, SearchableText]) -> Problem:
    """Why the quote is not in its source, as precisely as can be told: another source has
    it, its capitals differ, it holds a character the article does not, or else the
    closest passage there is."""
    prefix = f"quote not found in source '{appearance.source}'"
    elsewhere = [stem for stem in sources if stem != appearance.source
                 and searchable.setdefault(stem, SearchableText(sources[stem].text))
                 .locate(appearance.quote) is not None]
    if elsewhere:
        return error(appearance.origin, f"{prefix}, but word for word in "
                                        f"{_listed(elsewhere)}: is the source wrong?")
    capitals = text.in_other_capitals(appearance.quote)
    if capitals is not None:
        return error(appearance.origin, f"{prefix}: the article has it with other capitals: "
                                        f"“{capitals}”")
    odd = _characters_not_in(appearance.quote, text.text)
    if odd:
        return error(appearance.origin, f"{prefix}: the quote has {odd}, which the article "
                                        "does not: type it again from the article")
    closest = text.closest(appearance.quote)
    shown = " ".join(closest.text.split()).strip("\"'“”‘’ ")
    if len(shown) > 160:
        shown = shown[:157] + "…"
    return error(appearance.origin,
                 f"{prefix}; the closest passage "
                 f"({closest.similarity:.0f}% similar, line {closest.line} of the seed) is: "
                 f"“{shown}”")


def _listed(stems: list[str]) -> str:
    named = [f"'{stem}'" for stem in stems[:3]]
    more = f" and {len(stems) - 3} more" if len(stems) > 3 else ""
    return ("source " if len(stems) == 1 else "sources ") + ", ".join(named) + more


def _characters_not_in(quote: str, text: str) -> str:
    """The quote's invisible characters and those the article never uses, named: a
    zero-width space or a modifier-letter apostrophe looks like nothing, or like '’'."""
    normalised = normalise_quote(text)
    odd = dict.fromkeys(c for c in quote if unicodedata.category(c) in ("Cf", "Co", "Cn")
                        or (not c.isascii() and c not in text
                            and normalise_quote(c) not in normalised))
    return " and ".join(f"U+{ord(c):04X} ({unicodedata.name(c, 'unnamed character')}"
                        f"{'' if unicodedata.category(c).startswith('C') else f' “{c}”'}, "
                        f"column {quote.index(c) + 1} of the quote)" for c in odd)
