"""Typographic normalisation with a map back to the original offsets.

Quotes are matched against seeds "ignoring typographic differences only": curly and
straight quotes, kinds of dash, the ellipsis character and runs of white space. The
normalised text keeps, for each of its characters, where it came from, so a match in
normalised text becomes an exact span of the untouched original.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_ONE_FOR_ONE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2015": "-", "\u2212": "-", "\ufe58": "-", "\ufe63": "-", "\uff0d": "-",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
})

# Runs of white space become one space; the ellipsis character becomes three dots.
_WIDENED = re.compile(r"\s+|\u2026")


@dataclass(frozen=True)
class NormalisedText:
    """`text` is the normalised form; `starts[i]`/`ends[i]` bound the original characters
    that normalised character i stands for."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that normalised text[start:end] came from."""
        if start >= end:  # an empty span: where it sits (the end, past the last character)
            if start < len(self.starts):
                return (self.starts[start],) * 2
            return (self.ends[-1] if self.ends else 0,) * 2
        return self.starts[start], self.ends[end - 1]


def normalise_typography(text: str) -> NormalisedText:
    translated = text.translate(_ONE_FOR_ONE)
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    for match in _WIDENED.finditer(translated):
        _copy_unchanged(translated, position, match.start(), pieces, starts, ends)
        if match.group() == "\u2026":
            pieces.append("...")
            starts.extend((match.start(),) * 3)
            ends.extend((match.end(),) * 3)
        else:
            pieces.append(" ")
            starts.append(match.start())
            ends.append(match.end())
        position = match.end()
    _copy_unchanged(translated, position, len(translated), pieces, starts, ends)
    return NormalisedText("".join(pieces), tuple(starts), tuple(ends))


def _copy_unchanged(text, start, end, pieces, starts, ends) -> None:
    pieces.append(text[start:end])
    starts.extend(range(start, end))
    ends.extend(range(start + 1, end + 1))


def normalise_quote(quote: str) -> str:
    """A quote as an editor typed it, in the form searched for (edges trimmed)."""
    return normalise_typography(quote).text.strip()


def lower_in_place(text: str) -> str:
    """The text in lower case, letter for letter, so that positions in it are positions
    in the text: a rare letter whose lower case is longer ('İ') is kept as it is."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
