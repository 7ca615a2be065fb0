"""Where a span sits in its article: its sentence, its paragraph blocks, its highlights."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Span

_SENTENCE_END = re.compile(r"[.!?…][”’\"')\]]*\s+")


@dataclass(frozen=True)
class InSentence:
    before: str
    passage: str
    after: str


def in_sentence(text: str, span: Span) -> InSentence:
    """The quoted passage with the rest of the sentence(s) it stands in, within its paragraph."""
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    line_end = len(text) if line_end < 0 else line_end
    start = line_start
    for match in _SENTENCE_END.finditer(text, line_start, span.start):
        start = match.end()
    found = _SENTENCE_END.search(text, span.end, line_end)
    end = found.end() if found else line_end
    return InSentence(text[start:span.start].lstrip(), text[span.start:span.end],
                      text[span.end:end].rstrip())


@dataclass(frozen=True)
class Highlight:
    span: Span
    anchor: str       # the element id readers land on ("" when another id marks the spot)
    target_url: str   # where the highlight links (its claim, or its quotation group)
    label: str        # what it links to, for the title and screen readers
    kind: str = "claim"  # "claim": a checked quote; "quotation": quoted by other outlets too


@dataclass(frozen=True)
class Piece:
    text: str
    anchors: tuple[str, ...]      # ids that start at this piece
    claim: Highlight | None       # the checked quote covering it, if any
    quotation: Highlight | None   # the grouped quotation covering it, if any
    # The ids of the spots whose passage covers this piece: a reader who follows a link
    # to one sees all of its passage outlined, not only its first piece.
    within: tuple[str, ...] = ()
    # Checked quotes ending here that no piece links to, as another claim's quote covers
    # all of them: linked after the piece, so every claim is reachable from the text.
    also: tuple[Highlight, ...] = ()

    @property
    def wordless(self) -> bool:
        """Only marks or spaces ('“', '.'): no link of its own, which would read as
        'link, left double quotation mark' and be too small to tap."""
        return not _has_words(self.text)


@dataclass(frozen=True)
class Block:
    kind: str  # "story" | "heading" (a subheading in the report) | "boilerplate"
    pieces: tuple[Piece, ...]


def article_blocks(text: str, boilerplate: tuple[Span, ...],
                   highlights: tuple[Highlight, ...], headline: str = "") -> tuple[Block, ...]:
    """The article as paragraphs (one a line), boilerplate passages as blocks of their own,
    and highlights cut into pieces wherever any span starts or ends. `headline`: the
    page's own, which the report's first line, if it is the same, does not repeat as a
    heading."""
    cuts = {0, len(text)}
    for span in boilerplate:
        cuts.update((span.start, span.end))
    for highlight in highlights:
        cuts.update((highlight.span.start, highlight.span.end))
    cuts.update(match.start() for match in re.finditer(r"\n", text))
    cuts.update(match.end() for match in re.finditer(r"\n", text))
    ordered = sorted(cuts)
    # Where a highlight has no id of its own, the id already at its start marks it.
    spot_at: dict[int, str] = {}
    for highlight in highlights:
        if highlight.anchor:
            spot_at.setdefault(highlight.span.start, highlight.anchor)
    pieces = list(zip(ordered, ordered[1:]))
    starting: dict[int, list[Highlight]] = {}
    for highlight in highlights:
        starting.setdefault(highlight.span.start, []).append(highlight)
    covering_of = _covering(pieces, starting, {id(h): n for n, h in enumerate(highlights)})
    # A piece of marks only carries no link (Piece.wordless): it links no claim.
    linked = {id(_first(covering, "claim")) for (start, end), covering in zip(pieces, covering_of)
              if _has_words(text[start:end])}
    blocks: list[Block] = []
    current_kind, current = None, []
    for (start, end), covering in zip(pieces, covering_of):
        piece_text = text[start:end]
        kind = "boilerplate" if _inside(start, end, boilerplate) else "story"
        if "\n" in piece_text or kind != current_kind:
            _flush(blocks, current_kind, current)
            current_kind, current = kind, []
        if "\n" in piece_text:
            current_kind = None
            continue
        anchors = tuple(h.anchor for h in starting.get(start, ()) if h.anchor)
        spots = dict.fromkeys(h.anchor or spot_at.get(h.span.start, "") for h in covering)
        within = tuple(spot for spot in spots if spot)
        also = tuple(h for h in covering if h.kind == "claim" and h.span.end == end
                     and id(h) not in linked)
        current.append(Piece(piece_text, anchors, _first(covering, "claim"),
                             _first(covering, "quotation"), within, also))
    _flush(blocks, current_kind, current)
    return _with_headings(blocks, headline)


# A subheading: a short line that ends without a sentence's closing punctuation
# ("Balancing diplomacy and defence", "‘One country illegally invaded another’").
_HEADING_WORDS = 14
HEADING_LENGTH = 100  # characters
_SENTENCE_CLOSE = re.compile(r"[.!?…:;,\-–—][”’\"')\]]*\s*$")
_BYLINE = re.compile(r"By [A-Z]")


def _with_headings(blocks: list[Block], headline: str = "") -> tuple[Block, ...]:
    """Story lines that read as subheadings become headings, so that readers (and
    screen readers, by heading) can find their way through a long report. Only before
    more of the story: a short closing line is more often a credit ("Additional
    reporting by Anna Berg") than a heading over nothing."""
    last_story = max((n for n, block in enumerate(blocks) if block.kind == "story"), default=-1)
    return tuple(Block("heading", block.pieces)
                 if n < last_story and block.kind == "story" and reads_as_heading(_text_of(block))
                 and not (n == 0 and _text_of(block).strip() == headline.strip())
                 else block for n, block in enumerate(blocks))


def _text_of(block: Block) -> str:
    return "".join(piece.text for piece in block.pieces)


def reads_as_heading(line: str) -> bool:
    """A headline or subheading: short, and without a sentence's closing punctuation."""
    line = line.strip()
    return (0 < len(line) <= HEADING_LENGTH and len(line.split()) <= _HEADING_WORDS
            and _has_words(line) and not line[0].islower() and not _BYLINE.match(line)
            and not _SENTENCE_CLOSE.search(line))


def _has_words(text: str) -> bool:
    return any(character.isalnum() for character in text)


def _covering(pieces, starting, order) -> list[list[Highlight]]:
    """The highlights over each piece, in the order they were given: one sweep, as every
    highlight starts and ends where pieces do (a scan of all of them for every piece
    made long articles slow)."""
    active: list[Highlight] = []
    found = []
    for start, _ in pieces:
        active = [h for h in active if h.span.end > start] + starting.get(start, [])
        found.append(sorted(active, key=lambda h: order[id(h)]) if len(active) > 1 else active)
    return found


def _first(highlights, kind: str) -> Highlight | None:
    return next((h for h in highlights if h.kind == kind), None)


def _inside(start: int, end: int, spans: tuple[Span, ...]) -> bool:
    return any(span.start <= start and end <= span.end for span in spans)


def _flush(blocks, kind, pieces) -> None:
    if kind and any(piece.text.strip() for piece in pieces):
        blocks.append(Block(kind, tuple(pieces)))
