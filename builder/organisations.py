"""Which organisation speaks a quotation, where the text names no person who does.

News copy credits statements to bodies as often as to people: 'The Treasury said the
levy “…”', '“…,” Unite said', 'A Treasury spokesperson said', 'In a statement, Veltmoor
said: “…”', 'Coorabin Water, in a statement: “…”'. A body is read only where it is plainly
the subject of the speech verb, at the start of its clause, and only where its name is
plainly a proper name: a capitalised word at the start of a sentence ('Experts said',
'Officials warned') proves nothing, so a name there counts only when the article also
writes it mid-sentence, or it ends in a word like 'Council' or 'Securities', or 'the'
stands before it. A pronoun ('It said') never stands for a body.

The functions read the article with its quotations blanked out (attribution's `masked`
text), so words inside quotations never attribute anything.
"""
from __future__ import annotations

import re
from typing import Callable

from .mentions import TITLE_HEADS
from .people import ORGANISATION_WORDS, SPEECH_VERBS

_GAP = r"[^\S\n]+"
_WORD = r"[A-Z][\w’'&\-]*"
# 'Department of Water and Environment', 'Harcourt Lane Securities', 'Unite'.
_NAME = rf"(?!(?:A|An|The)\b){_WORD}(?:{_GAP}(?:(?:of|and|for|the|&){_GAP}){{0,2}}{_WORD}){{0,5}}"
# 'The union Unite called', 'A spokesperson for the Save Larkspur group said'.
_KINDS = ("union", "council", "company", "firm", "group", "department", "ministry",
          "agency", "charity", "bank", "regulator", "party", "club", "authority",
          "watchdog", "trust", "board", "government", "campaign", "broker", "insurer")
_KIND = "(?:" + "|".join(_KINDS) + ")"
_SPOKES = r"(?:spokes(?:person|man|woman)|press[^\S\n]+office)"
_THE = rf"(?:[Tt]he{_GAP}(?:{_KIND}{_GAP})?)?"
_SUBJECT = (rf"(?:{_THE}(?P<name>{_NAME})(?:{_GAP}{_SPOKES})?"
            rf"|[Aa]n?{_GAP}(?P<owner>{_NAME}){_GAP}{_SPOKES}"
            rf"|[Aa]{_GAP}{_SPOKES}{_GAP}for{_GAP}(?:[Tt]he{_GAP})?(?P<for>{_NAME})"
            rf"(?:{_GAP}{_KIND})?)")
_VERB = "(?:" + "|".join(sorted((re.escape(v.rstrip(":")) for v in set(SPEECH_VERBS)),
                                key=len, reverse=True)) + r")\b"
_STATEMENT = rf"(?:,?{_GAP}in{_GAP}an?{_GAP}(?:statement|note|release|update)\b[^,:;\n]*,?)"
_BRIDGE = rf"(?:(?:has|have|had|also|later|earlier|again|previously){_GAP})?"
# A short opening phrase set off by a comma: 'In a statement, ', 'On Tuesday, '.
_OPENING = r"(?:[^,;:“”‘’\"\n]{1,40},[^\S\n]+)?"

_LEAD_IN = re.compile(rf"{_OPENING}{_SUBJECT}{_STATEMENT}?{_GAP}{_BRIDGE}{_VERB}")
_LABEL = re.compile(rf"{_OPENING}{_SUBJECT},?{_GAP}in{_GAP}a{_GAP}statement[^\S\n]*:[^\S\n]*$")
_AFTER = re.compile(rf"[^\S\n]*[,;]?[^\S\n]*(?:{_SUBJECT}{_STATEMENT}?{_GAP}{_BRIDGE}{_VERB}"
                    rf"|{_VERB}{_GAP}(?:[Tt]he{_GAP})?(?P<after>{_NAME})"
                    rf"(?=[^\S\n]*(?:[,.;:!?\n]|$|{_GAP}(?:in|on|at|yesterday|today)\b)))")
# Capitalised words that open sentences without naming anything.
_NOT_BODIES = frozenset("""
I He She It We They You This That These Those There Here But And Or So Yet Then Now
Also Both Each Some Many Most Others Several All Any No One Two Three Asked Speaking
Meanwhile However Later Earlier Critics Officials Experts Analysts Sources Residents
Campaigners Witnesses Protesters Doctors Nurses Staff Workers Members Ministers MPs
Police Fans Supporters Teachers Parents Locals Scientists Researchers Lawyers Prosecutors
""".split())

# Nationals, as sports and foreign news describe a person: 'the Portuguese said' (not
# 'American' or 'Swiss', which are airlines as often).
_NATIONALS = frozenset("""
Portuguese Brazilian Argentine Argentinian Spaniard Scot Swede Dane Finn Pole Turk Greek
Dutchman Frenchman Englishman Irishman Scotsman Welshman Cornishman Yorkshireman Italian
German Canadian Australian Mexican Colombian Nigerian Ghanaian Senegalese Japanese Chinese
Korean Russian Ukrainian Norwegian Croat Serb Belgian Austrian Uruguayan Chilean Egyptian
Moroccan
""".split())


def _describes_a_person(words: list[str]) -> bool:
    """'the Welshman said', 'the Portuguese added', 'the Chancellor said': one word that
    describes a person (a national or a title), not a body's name ('Goldman said', and
    'American said' of the airline, still are)."""
    return len(words) == 1 and (words[0] in _NATIONALS or words[0].lower() in TITLE_HEADS)


# Whether a name is written mid-sentence in the article (so is a proper name), and
# whether it is known as a person's: the caller answers both.
Known = Callable[[str], bool]


def speaking_after(text: str, start: int, end: int, proper: Known, person: Known
                   ) -> str | None:
    """The body credited right after a quotation: text[start:end] is the clause that
    follows its closing mark ('“…,” the Treasury said', '“…”, said Unite.')."""
    found = _AFTER.match(text, start, end)
    if found is None:
        return None
    # After a quotation a name never opens its sentence: something is always before it.
    return _accepted(found.group("after") or _subject(found), False, proper, person)


def speaking_in_lead_in(text: str, start: int, end: int, proper: Known, person: Known
                        ) -> str | None:
    """The body that is the subject of a speech verb opening the sentence text[start:end],
    which leads into a quotation ('The Treasury said the levy “…”'), or that labels it
    ('Coorabin Water, in a statement: “…”')."""
    found = _LEAD_IN.match(text, start, end) or _LABEL.match(text, start, end)
    if found is None:
        return None
    opens_sentence = found.group("name") is not None and found.start("name") == start
    return _accepted(_subject(found), opens_sentence, proper, person)


def _subject(found: re.Match) -> str:
    return found.group("name") or found.group("owner") or found.group("for")


def _accepted(name: str, opens_sentence: bool, proper: Known, person: Known) -> str | None:
    """The name, unless it is a person's, or a capitalised word opening a sentence that
    nothing else shows to be a name."""
    words = name.split()
    if words[0] in _NOT_BODIES or person(name) or _describes_a_person(words):
        return None
    if opens_sentence and not (words[-1] in ORGANISATION_WORDS or proper(words[0])):
        return None
    return " ".join(words)
