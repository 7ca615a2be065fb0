"""Turns of a transcript: what each speaker says, line by line, without quotation marks.

Broadcasters publish interviews as 'Tom Ashdown: Chancellor, good morning.' ¶ 'Helen
Marwood: Good morning, Tom.' Each turn is that person's own words, as direct as any
quotation, and the record the other outlets quote from: comparing them is the point.
A report is a transcript only where several lines begin with a name and a colon and at
least two people take turns, so that a lone 'Photo: Reuters' or 'Marwood: no tax rises'
in a headline is no turn. A label that is a surname alone goes by the full name another
label gives it ('Marwood' after 'Helen Marwood'), and a party or role in brackets after
the name is no part of it ('Marcus Feldane (Liberal):', 'Helen Marwood (presenter):').
"""
from __future__ import annotations

import re
from typing import NamedTuple

# A line opening with one to four capitalised words, maybe a party or role in brackets,
# and a colon: 'Helen Marwood: …', 'MARWOOD: …', 'Marcus Feldane (Liberal): …'. The
# leading line break lets the search skip to line starts at once. The first line, a
# report's headline ('Sunday Review: Marwood interview'), is never one.
_TURN = re.compile(r"\n(?P<label>[A-Z][\w’'.\-]*(?:[^\S\n][A-Z][\w’'.\-]*){0,3})"
                   r"(?:[^\S\n]+\([^()\n:]{1,40}\))?:[^\S\n]+(?=\S)")
# Labels that head a line of a report without naming who speaks.
_NOT_SPEAKERS = frozenset("""
Update Updated Photo Photos Picture Pictured Image Images Video Watch Listen Read Source
Sources Note Editor Correction Related More Credit Credits Location Date Time Warning
Breaking Live Exclusive Analysis Opinion Comment Background Context Key Verdict Claim
Fact Q A Question Answer Summary Timeline Statement Transcript Contact Email Tel Web
Follow Share See Also Topics Tags Category Caption The A An It This That
""".split())
_OPENING_MARKS = ("“", '"', "‘", "'", "«")
TURNS = 3     # lines from which a report is a transcript
SPEAKERS = 2  # people who must take turns in it


class Turn(NamedTuple):
    start: int    # the first character of what is said
    end: int      # the end of its line, trailing white space left out
    speaker: str  # the fullest name the transcript's labels give


def transcript_turns(text: str) -> list[Turn]:
    """Every turn, in order; none unless the report reads as a transcript."""
    found = [(m.group("label"), m.end(), _line_end(text, m.end()))
             for m in _TURN.finditer(text) if m.group("label").split()[0] not in _NOT_SPEAKERS]
    names = _full_names({label for label, _, _ in found})
    if len(found) < TURNS or len(set(names.values())) < SPEAKERS:
        return []
    # 'Jenny Tolhurst: “The shire found out …”' is a quotation in marks, read as one.
    return [Turn(start, end, names[label]) for label, start, end in found
            if end > start and not text.startswith(_OPENING_MARKS, start)]


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _full_names(labels: set[str]) -> dict[str, str]:
    """Each label → the longest label ending in the same surname, in the case names are
    written ('MARWOOD' → 'Marwood')."""
    readable = {label: _cased(label) for label in labels}
    by_surname: dict[str, str] = {}
    for name in readable.values():
        surname = name.rsplit(" ", 1)[-1]
        if len(name) > len(by_surname.get(surname, "")):
            by_surname[surname] = name
    return {label: by_surname[name.rsplit(" ", 1)[-1]] for label, name in readable.items()}


def _cased(label: str) -> str:
    return label.title() if label.isupper() and len(label) > 1 else label
