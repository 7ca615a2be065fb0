"""Turns of a transcript: what each speaker says, line by line, without quotation marks.

Broadcasters publish interviews as 'Tom Ashdown: Chancellor, good morning.' ¶ 'Helen
Marwood: Good morning, Tom.' Each turn is that person's own words, as direct as any
quotation, and the record the other outlets quote from: comparing them is the point.
A report is a transcript only where several lines begin with a name and a colon and at
least two people take turns, so that a lone 'Photo: Reuters' or 'Marwood: no tax rises'
in a headline is no turn. A label that is a surname alone goes by the full name another
label gives it ('Marwood' after 'Helen Marwood'), and a party or role in brackets after
the name is no part of it ('Marcus Feldane (Liberal):', 'Helen Marwood (presenter):').

'Q: …' ¶ 'A: …' (or 'Question:' and 'Answer:') name nobody: the answers are read only
where the line before them names the one person who answers ('… interview with Helen
Marwood', 'Ms Sørensen answered questions from The Ledger'), and the questions then as
words nobody is named for. Otherwise the lines are left alone, as guessing would be
worse than not reading them.
"""
from __future__ import annotations

import re
from typing import NamedTuple, Sequence

from .mentions import Mention, find_mentions
from .people import Roster, canonical_name, could_be_a_person, is_person, read_roster

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

_QA_LINE = re.compile(r"\n(?P<label>Q|A|Question|Answer):[^\S\n]+(?=\S)")
_QUESTIONS = frozenset(("Q", "Question"))
# What says, in the line before the answers, that the person named there answers:
# 'interview with Helen Marwood', 'Tom Ashdown interviewed Helen Marwood' before the
# name; 'Ms Sørensen answered questions', 'Marwood was asked' after it.
_ANSWERS_NEXT = re.compile(
    r"(?:\b(?:interview|conversation|spoke|speaking|talked|talking|sat[^\S\n]+down|"
    r"questions?)[^\S\n]+(?:with|to|for)|\binterviewed)[^\S\n]+$")
_ANSWERS_BEFORE = re.compile(
    r"[^\S\n]+(?:answered|answers|fielded|faced|took|was[^\S\n]+(?:interviewed|asked|"
    r"questioned))\b")
# 'Ms Sørensen and Mr Anand-Lowe answered': either may be the one answering.
_LISTED = re.compile(r"[^\S\n]*(?:,|,?[^\S\n]*and|&)[^\S\n]*")


class Turn(NamedTuple):
    start: int    # the first character of what is said
    end: int      # the end of its line, trailing white space left out
    speaker: str | None  # the fullest name the labels give; None for an unnamed asker


def transcript_turns(text: str, mentions: tuple[Mention, ...] | None = None,
                     rosters: Sequence[Roster] = ()) -> list[Turn]:
    """Every turn, in order; none unless the report reads as a transcript. `mentions`
    and `rosters` (the article's own first) name who answers 'Q:' and 'A:' lines, and
    are read from the text when not given."""
    return sorted(_named_turns(text) + _answered_turns(text, mentions, rosters))


def _named_turns(text: str) -> list[Turn]:
    found = [(m.group("label"), m.end(), _line_end(text, m.end()))
             for m in _TURN.finditer(text) if m.group("label").split()[0] not in _NOT_SPEAKERS]
    names = _full_names({label for label, _, _ in found})
    if len(found) < TURNS or len(set(names.values())) < SPEAKERS:
        return []
    # 'Jenny Tolhurst: “The shire found out …”' is a quotation in marks, read as one.
    return [Turn(start, end, names[label]) for label, start, end in found
            if end > start and not text.startswith(_OPENING_MARKS, start)]


def _answered_turns(text: str, mentions: tuple[Mention, ...] | None,
                    rosters: Sequence[Roster]) -> list[Turn]:
    """The 'Q:' and 'A:' lines of each run of them whose line before names who answers."""
    turns = []
    for run in _qa_runs(text):
        if {label in _QUESTIONS for label, _, _ in run} != {True, False}:
            continue  # questions without answers, or answers without questions
        if mentions is None:
            mentions = find_mentions(text)
            rosters = rosters or (read_roster(text, mentions),)
        answerer = _answerer(text, _line_before(text, run[0][2]), mentions, rosters)
        if answerer is not None:
            turns += [Turn(start, _line_end(text, start),
                           None if label in _QUESTIONS else answerer)
                      for label, start, _ in run if not text.startswith(_OPENING_MARKS, start)]
    return turns


def _qa_runs(text: str) -> list[list[tuple[str, int, int]]]:
    """The 'Q:'/'A:' lines, (label, start of what is said, start of the line), in runs
    of lines with nothing but blank lines between them."""
    runs: list[list[tuple[str, int, int]]] = []
    for found in _QA_LINE.finditer(text):
        line = found.start() + 1
        if runs and not text[_line_end(text, runs[-1][-1][1]):line].strip():
            runs[-1].append((found.group("label"), found.end(), line))
        else:
            runs.append([(found.group("label"), found.end(), line)])
    return runs


def _line_before(text: str, line_start: int) -> tuple[int, int]:
    """The last line with any text before `line_start`: (start, end)."""
    end = len(text[:line_start].rstrip())
    return text.rfind("\n", 0, end) + 1, end


def _answerer(text: str, line: tuple[int, int], mentions: tuple[Mention, ...],
              rosters: Sequence[Roster]) -> str | None:
    """The one person the line says answers; None if it names none, or several."""
    start, end = line
    # 'interview with Helen Marwood': a full name the cue is about needs no more to be a
    # person's; a surname alone, one the rosters know.
    named = [m for m in mentions if start <= m.start and m.end <= end and m.kind == "name"
             and (is_person(m, *rosters) or could_be_a_person(m))]
    people = {canonical_name(m.name, *rosters) for m in named
              if _answers(text, m, start) and not _listed(text, m, named)}
    return people.pop() if len(people) == 1 else None


def _answers(text: str, mention: Mention, line_start: int) -> bool:
    return (_ANSWERS_NEXT.search(text, line_start, mention.start) is not None
            or _ANSWERS_BEFORE.match(text, mention.end) is not None)


def _listed(text: str, mention: Mention, named: list[Mention]) -> bool:
    """Named in a list with another person ('Ms Sørensen and Mr Anand-Lowe')."""
    return any(_LISTED.fullmatch(text, *sorted((mention.end, other.start)))
               or _LISTED.fullmatch(text, *sorted((other.end, mention.start)))
               for other in named if other is not mention)


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
