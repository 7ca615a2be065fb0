"""Who speaks each quotation, where the article says so.

The rules follow how news copy attributes speech, tightest first:

1. a possessive speech noun governing the quote: Mr Trump’s assertion that Ukraine “…”;
2. an attribution right after it: “…,” the US president said / “…”, said Mr Healey;
3. a lead-in ending with a colon: Mr Healey told reporters on Wednesday: “…”;
4. the subject of a speech verb in the lead-in sentence: John Healey urged allies to “…”;
5. the second half of a quote split by its attribution: “…,” Mr Healey said. “…”;
6. a paragraph that is nothing but a quoted sentence continues the previous paragraph's
   speaker: the person who speaks in its last sentence, or who speaks its quotation
   when it too is nothing but one. (Headlines end without a full stop and are left out.)

A pronoun is resolved to the person named before it in its sentence, or else in the
sentence before, when only one person (or only one speaking person) is named there. Words
inside other quotations never attribute anything. Whatever stays ambiguous is None.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Sequence

from .mentions import Mention, find_mentions
from .people import (SPEECH_NOUNS, SPEECH_VERBS, Roster, canonical_name, is_person,
                     read_roster, resolve_title, speaks_after)
from .quotemarks import QuoteSpan

_UNKNOWN = "\0someone"  # a person is meant, but the text does not say who

# Patterns start with a plain character class, so the engine can skip ahead to them.
_BOUNDARY = re.compile(r"[.!?…\n][”’\"'»)\]\n]*[^\S\n]*")
_ABBREVIATIONS = frozenset(("Mr", "Mrs", "Ms", "Dr", "St", "Sen", "Gen", "Rev", "Prof"))
_ASIDES = re.compile(
    r",[^\S\n]+(?:who|which|whose|whom)\b[^,.;:!?“”\n]*,"
    r"|[–—][^\S\n][^–—.!?\n“”]*?[^\S\n][–—]"
    r"|\([^()\n]*\)")
_SPEECH_VERB = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, SPEECH_VERBS), key=len, reverse=True)) + r")\b")
_NOUN_GOVERNS_QUOTE = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:" + "|".join(SPEECH_NOUNS) + r")(?:\s+that\b[^,;:.!?]*?)?\s*:?\s*$")
_VERB_FIRST = re.compile(r"\s*[,;]?\s*(?:" + _SPEECH_VERB.pattern + r")\s+$")
_ONLY_PUNCTUATION = re.compile(r"\s*[,;]?\s*$")
_OBJECT = re.compile(
    r"\b(?:with|to|of|from|about|by|at|for|against|alongside|on|under|near|than|like|"
    r"into|over|towards?|between|among|amid|after|before|beside|accused|urged|criticised"
    r")\s+$")
_TERMINAL = ".,!?;:"


@dataclass
class _Article:
    """One article read for attribution; the caches are local to one call."""

    text: str
    masked: str                    # quotation insides blanked: their words say nothing
    spans: Sequence[QuoteSpan]
    mentions: tuple[Mention, ...]
    starts: list[int]              # mention starts, for bisecting
    usable: list[bool]             # not inside a quotation or an aside
    boundaries: list[int]          # where sentences start
    openers: list[int]             # where each quotation opens
    rosters: tuple[Roster, ...]
    mentioned: frozenset[str]
    identities: dict[int, str | None] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # as written → canonical


def attribute(text: str, spans: Sequence[QuoteSpan], corpus: Roster | None = None,
              mentions: tuple[Mention, ...] | None = None, own: Roster | None = None
              ) -> tuple[str | None, ...]:
    """The speaker of each span (canonical full name where known), or None. `mentions`
    and `own` (the article's own roster) may be passed when already read."""
    mentions = find_mentions(text) if mentions is None else mentions
    own = read_roster(text, mentions) if own is None else own
    article = _read(text, spans, mentions, (own, corpus) if corpus is not None else (own,))
    speakers: list[str | None] = []
    by_rule_2: list[bool] = []
    for index in range(len(spans)):
        speaker, after = _speaker(article, index, speakers, by_rule_2)
        speakers.append(speaker)
        by_rule_2.append(after)
    return tuple(speakers)


def _read(text: str, spans: Sequence[QuoteSpan], mentions: tuple[Mention, ...],
          rosters: tuple[Roster, ...]) -> _Article:
    masked = _masked(text, spans)
    blocked = sorted([(m.start(), m.end()) for m in _ASIDES.finditer(masked)]
                     + [(s.start, s.end) for s in spans])
    usable = _outside(mentions, blocked)
    names: dict[str, str] = {}
    for m in mentions:
        if m.kind == "name" and m.name not in names and is_person(m, *rosters):
            names[m.name] = canonical_name(m.name, *rosters)
    boundaries = [0] + [m.end() for m in _BOUNDARY.finditer(masked) if _ends_sentence(masked, m)]
    return _Article(text, masked, spans, mentions, [m.start for m in mentions], usable,
                    boundaries, sorted(s.opener for s in spans), rosters,
                    frozenset(names.values()), names=names)


def _masked(text: str, spans: Sequence[QuoteSpan]) -> str:
    """Each quotation's inside as spaces, but for the punctuation that ends it, which
    still ends the sentence around it."""
    pieces, position = [], 0
    for span in spans:
        pieces.append(text[position:span.start])
        inner = text[span.start:span.end]
        keep = inner[-1] if inner and inner[-1] in _TERMINAL else ""
        pieces.append(" " * (len(inner) - len(keep)) + keep)
        position = span.end
    pieces.append(text[position:])
    return "".join(pieces)


def _ends_sentence(text: str, match: re.Match) -> bool:
    """A full stop, question or exclamation mark (and any closing marks) followed by a
    space, or a line break. 'Mr. Healey': the full stop ends a title, not a sentence."""
    found = match.group()
    if "\n" in found:
        return True
    if not found[-1:].isspace() and match.end() < len(text):
        return False
    return found[0] != "." or not _after_abbreviation(text, match.start())


def _after_abbreviation(text: str, dot: int) -> bool:
    """'Mr. Healey': the full stop ends a title, not a sentence."""
    word_start = dot
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    return text[word_start:dot] in _ABBREVIATIONS


def _outside(mentions: tuple[Mention, ...], blocked: list[tuple[int, int]]) -> list[bool]:
    """For each mention (in order), whether it starts outside every blocked range."""
    usable, k, reach = [], 0, -1
    for mention in mentions:
        while k < len(blocked) and blocked[k][0] <= mention.start:
            reach = max(reach, blocked[k][1])
            k += 1
        usable.append(mention.start >= reach)
    return usable


def _speaker(article: _Article, index: int, earlier: list[str | None],
             by_rule_2: list[bool]) -> tuple[str | None, bool]:
    span = article.spans[index]
    after = _said_after(article, span)
    if after is not None:
        return _named(after), True
    for rule in (_possessive_noun, _colon_lead_in, _lead_in_subject):
        found = rule(article, span)
        if found is not None:
            return _named(found), False
    if _continues_split_quote(article, index, by_rule_2):
        return earlier[index - 1], False
    if _stands_alone(article, span):
        return _named(_previous_paragraph_speaker(article, index, earlier)), False
    return None, False


def _named(identity: str | None) -> str | None:
    return None if identity in (None, _UNKNOWN) else identity


# --- the rules --------------------------------------------------------------------------

def _possessive_noun(article: _Article, span: QuoteSpan) -> str | None:
    start = _sentence_start(article, span.opener)
    for j in reversed(_between(article, start, span.opener)):
        mention = article.mentions[j]
        if mention.possessive and _NOUN_GOVERNS_QUOTE.match(
                article.masked, mention.end, span.opener):
            return _identity(article, j)
    return None


def _said_after(article: _Article, span: QuoteSpan) -> str | None:
    end = _clause_end(article, span)
    clause = article.masked[span.closer + 1:end]
    if clause.rstrip().endswith(":"):
        return None  # it introduces the next quotation instead
    for j in _between(article, span.closer + 1, end):
        mention = article.mentions[j]
        before = article.masked[span.closer + 1:mention.start]
        if _VERB_FIRST.fullmatch(before) or (
                _ONLY_PUNCTUATION.fullmatch(before) and speaks_after(article.masked, mention)):
            return _identity(article, j) or None
        return None
    return None


def _colon_lead_in(article: _Article, span: QuoteSpan) -> str | None:
    colon = span.opener - 1
    while colon >= 0 and article.masked[colon].isspace():
        colon -= 1
    if colon < 0 or article.masked[colon] != ":":
        return None
    start = _sentence_start(article, colon)
    candidates = [j for j in _between(article, start, colon)
                  if not article.mentions[j].possessive]
    speaking = _identities(article, [j for j in candidates if _speaks(article, j)])
    if len(speaking) == 1:
        return speaking.pop()
    if not candidates:
        return None
    subjects = _identities(article, [j for j in candidates if not _is_object(article, j)])
    return subjects.pop() if len(subjects) == 1 and not speaking else _UNKNOWN


def _lead_in_subject(article: _Article, span: QuoteSpan) -> str | None:
    start = _sentence_start(article, span.opener)
    candidates = [j for j in _between(article, start, span.opener)
                  if not article.mentions[j].possessive]
    speaking = _identities(article, [j for j in candidates if _speaks(article, j)])
    if len(speaking) == 1:
        return speaking.pop()
    if speaking or not _SPEECH_VERB.search(article.masked, start, span.opener):
        return None
    subjects = _identities(article, [j for j in candidates if not _is_object(article, j)])
    return subjects.pop() if len(subjects) == 1 else None


def _continues_split_quote(article: _Article, index: int, by_rule_2: list[bool]) -> bool:
    """“…,” Mr Healey stated. “…”: the attribution between serves both halves."""
    if index == 0 or not by_rule_2[index - 1]:
        return False
    previous, span = article.spans[index - 1], article.spans[index]
    between = article.masked[previous.closer + 1:span.opener]
    return "\n" not in between and _sentence_start(article, span.opener) > previous.closer


def _stands_alone(article: _Article, span: QuoteSpan) -> bool:
    masked = article.masked
    paragraph_start = masked.rfind("\n", 0, span.opener) + 1
    paragraph_end = _paragraph_end(masked, span.closer)
    inner_end = article.text[span.start:span.end].rstrip("”’\"' ")
    return (not masked[paragraph_start:span.opener].strip()
            and not masked[span.closer + 1:paragraph_end].strip(" .,;”’\"'")
            and inner_end[-1:] in ".!?…")


def _previous_paragraph_speaker(article: _Article, index: int,
                                earlier: list[str | None]) -> str | None:
    span = article.spans[index]
    end = article.masked.rfind("\n", 0, span.opener)
    while end > 0 and article.masked[end - 1].isspace():
        end -= 1
    if end <= 0:
        return None
    if index > 0 and article.spans[index - 1].closer >= end - 1 and _stands_alone(
            article, article.spans[index - 1]):
        return earlier[index - 1]
    start = _sentence_start(article, end - 1)
    speaking = _identities(article, [j for j in _between(article, start, end)
                                     if _speaks(article, j)])
    return speaking.pop() if len(speaking) == 1 else None


def _paragraph_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end < 0 else end


# --- mentions and who they are ----------------------------------------------------------

def _between(article: _Article, start: int, end: int) -> list[int]:
    first = bisect.bisect_left(article.starts, start)
    last = bisect.bisect_left(article.starts, end)
    return [j for j in range(first, last)
            if article.usable[j] and article.mentions[j].end <= end
            and _identity(article, j) is not None]


def _identities(article: _Article, indices: list[int]) -> set[str]:
    return {_identity(article, j) for j in indices} - {None}


def _speaks(article: _Article, j: int) -> bool:
    return speaks_after(article.masked, article.mentions[j])


def _is_object(article: _Article, j: int) -> bool:
    start = article.mentions[j].start
    return _OBJECT.search(article.masked, max(0, start - 16), start) is not None


def _identity(article: _Article, j: int, depth: int = 0) -> str | None:
    """Who mention j is: a name, _UNKNOWN for a person the text leaves unnamed, or None
    when it is not a person at all ('Norway', 'Nato')."""
    if j in article.identities:
        return article.identities[j]
    mention = article.mentions[j]
    if mention.kind == "pronoun":
        found = _antecedent(article, j, depth)
    elif mention.kind == "title":
        found = resolve_title(mention.title, article.mentioned, *article.rosters) or _UNKNOWN
    else:
        found = article.names.get(mention.name)  # None: not a person
    if depth == 0 or mention.kind != "pronoun":
        article.identities[j] = found
    return found


def _antecedent(article: _Article, j: int, depth: int) -> str:
    if depth > 3:
        return _UNKNOWN
    position = article.mentions[j].start
    start = _sentence_start(article, position)
    for window in ((start, position), (_sentence_start(article, start - 1), start)):
        if window[0] >= window[1]:
            continue
        found = _one_person(article, window, depth)
        if found is not None:
            return found
    return _UNKNOWN


def _one_person(article: _Article, window: tuple[int, int], depth: int) -> str | None:
    """The one person named in the window, or the one who speaks there; _UNKNOWN when
    several are named, None when nobody is."""
    first = bisect.bisect_left(article.starts, window[0])
    last = bisect.bisect_left(article.starts, window[1])
    named: dict[str, bool] = {}
    for k in range(first, last):
        mention = article.mentions[k]
        if not article.usable[k] or mention.possessive:
            continue
        who = (_identity(article, k, depth + 1) if mention.kind == "pronoun"
               else _identity(article, k))
        if who is not None:
            named[who] = named.get(who, False) or _speaks(article, k)
    if not named:
        return None
    if len(named) == 1:
        return next(iter(named))
    speaking = [who for who, speaks in named.items() if speaks]
    return speaking[0] if len(speaking) == 1 else _UNKNOWN


def _sentence_start(article: _Article, position: int) -> int:
    return article.boundaries[bisect.bisect_right(article.boundaries, position) - 1]


def _clause_end(article: _Article, span: QuoteSpan) -> int:
    """Where the words after a closing mark stop being about this quotation: the end of
    the sentence, the paragraph, or the next quotation."""
    ends = [len(article.masked)]
    boundary = bisect.bisect_right(article.boundaries, span.closer + 1)
    if boundary < len(article.boundaries):
        ends.append(article.boundaries[boundary])
    newline = article.masked.find("\n", span.closer)
    if newline >= 0:
        ends.append(newline)
    following = bisect.bisect_right(article.openers, span.closer)
    if following < len(article.openers):
        ends.append(article.openers[following])
    return min(ends)
