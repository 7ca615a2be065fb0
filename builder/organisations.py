"""Which organisation speaks a quotation, where the text names no person who does.

News copy credits statements to bodies as often as to people: 'The Treasury said the
levy “…”', '“…,” Unite said', 'A Treasury spokesperson said', 'In a statement, Veltmoor
said: “…”', 'Coorabin Water, in a statement: “…”'. A body is read only where it is plainly
the subject of the speech verb, at the start of its clause, and only where its name is
plainly a proper name: a capitalised word at the start of a sentence ('Experts said',
'Officials warned') proves nothing, so a name there counts only when the article also
writes it mid-sentence, or it ends in a word like 'Council' or 'Securities', or 'the'
stands before it. 'It said' or 'it added' stands for a body only where the sentence
before names no other thing it could mean (see `attribution`).

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
# 'the agency', 'a spokeswoman for the watchdog': a body named earlier, by its kind.
_OF_KIND = rf"[Tt]he{_GAP}(?P<kind>{_KIND})\b"
_SUBJECT = (rf"(?:{_THE}(?P<name>{_NAME})(?:{_GAP}{_SPOKES})?"
            rf"|[Aa]n?{_GAP}(?P<owner>{_NAME}){_GAP}{_SPOKES}"
            rf"|[Aa]{_GAP}{_SPOKES}{_GAP}for{_GAP}(?:[Tt]he{_GAP})?(?P<for>{_NAME})"
            rf"(?:{_GAP}{_KIND})?"
            rf"|(?:[Aa]{_GAP}{_SPOKES}{_GAP}for{_GAP})?{_OF_KIND})")
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
                    rf"|{_VERB}{_GAP}[Tt]he{_GAP}(?P<kind_after>{_KIND})\b"
                    rf"(?=[^\S\n]*(?:[,.;:!?\n]|$|{_GAP}(?:in|on|at|yesterday|today)\b)))")
# 'It added: “…”', 'In a statement, it said the levy …': 'it' the subject of a speech verb
# opening its sentence; and '“…,” it said' right after a quotation.
_IT_LEADS_IN = re.compile(rf"{_OPENING}(?P<it>It|it){_STATEMENT}?{_GAP}{_BRIDGE}{_VERB}")
_IT_AFTER = re.compile(rf"[^\S\n]*[,;]?[^\S\n]*(?P<it>it){_STATEMENT}?{_GAP}{_BRIDGE}{_VERB}")
# Things that 'say' as a body does ('the report said'): where one is named, 'it' may be it.
# Singular only, as 'it' is; 'in a statement' is how a body speaks, not another speaker.
_SAYING_THINGS = re.compile(
    r"\b(?:report|study|statement|document|letter|paper|survey|review|analysis|ruling|"
    r"judgment|judgement|filing|memo|email|guidance|website|bill|law|manifesto|strategy|"
    r"article|book|notice|note|release|assessment|audit|inquiry|investigation|poll|"
    r"forecast|update|submission|complaint|lawsuit|claim|warning)\b")
_HOW_A_BODY_SPEAKS = re.compile(rf"\b[Ii]n{_GAP}(?:an?|its|the){_GAP}(?:statement|note|release|"
                                rf"update|filing|submission)\b")
_KIND_NAMED = re.compile(_OF_KIND)

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
    kind = found.group("kind") or found.group("kind_after")
    if kind is not None:
        return _named_of_kind(text, kind, start)
    # After a quotation a name never opens its sentence: something is always before it.
    name = _accepted(found.group("after") or _subject(found), False, proper, person)
    return None if name is None else _in_full(text, name)


def speaking_in_lead_in(text: str, start: int, end: int, proper: Known, person: Known
                        ) -> str | None:
    """The body that is the subject of a speech verb opening the sentence text[start:end],
    which leads into a quotation ('The Treasury said the levy “…”'), or that labels it
    ('Coorabin Water, in a statement: “…”')."""
    found = _LEAD_IN.match(text, start, end) or _LABEL.match(text, start, end)
    if found is None:
        return None
    if found.group("kind") is not None:
        return _named_of_kind(text, found.group("kind"), start)
    opens_sentence = found.group("name") is not None and found.start("name") == start
    name = _accepted(_subject(found), opens_sentence, proper, person)
    if name is None:
        # 'Halverin said in a statement' opening a sentence is a name where the article
        # names Halverin Therapeutics.
        return _full_name(text, _subject(found)) if opens_sentence else None
    return _in_full(text, name)


# What a body is called by its kind ('the agency', 'the watchdog'): the words its name
# may end in. A kind not listed goes by its own word ('the council': '… Council').
_COMPANY = ("Company", "Corporation", "Corp", "Inc", "Ltd", "Limited", "Holdings", "Group",
            "Industries", "Technologies", "Systems", "Motors", "Airlines", "Airways",
            "Energy", "Therapeutics", "Pharmaceuticals", "Securities", "Partners", "Capital")
_REGULATOR = ("Agency", "Authority", "Commission", "Office", "Regulator")
_KIND_ENDS = {"company": _COMPANY, "firm": _COMPANY, "watchdog": _REGULATOR,
              "regulator": _REGULATOR}
_BODY = re.compile(rf"(?<![\w’'\-]){_NAME}")
_AND_THE = re.compile(rf"{_GAP}and{_GAP}the{_GAP}")


def _named_of_kind(text: str, kind: str, before: int) -> str | None:
    """The one body of this kind the article names before the quotation ('the Medicines
    Standards Agency (MSA)', then 'a spokeswoman for the agency'); None if it names none
    or several, as 'the company' may then be any of them."""
    ends = _KIND_ENDS.get(kind, (kind.capitalize(),))
    return _only({body for body in _bodies(text, before) if body.rsplit(" ", 1)[-1] in ends})


def _bodies(text: str, before: int) -> set[str]:
    """The names of bodies written in text[:before]: names ending in a word like 'Agency'
    or 'Holdings'. 'The Food Standards Agency and the Medicines Standards Agency' are two."""
    return {name for found in _BODY.finditer(text, 0, before)
            for name in _AND_THE.split(found.group())
            if name.rsplit(" ", 1)[-1] in ORGANISATION_WORDS}


def _in_full(text: str, name: str) -> str:
    """A body by the full name the article gives it: 'Veltmoor' for Veltmoor Leisure
    Group, 'MSA' for 'the Medicines Standards Agency (MSA)', so that one body goes by one
    name across a report and its group."""
    return _full_name(text, name) or name


def _full_name(text: str, name: str) -> str | None:
    """The one longer name of a body the article gives, that starts with this name or
    that these are the initials of; None if none or several."""
    spelt_out = re.search(rf"({_NAME})[^\S\n]+\({re.escape(name)}\)", text)
    if spelt_out is not None:
        return spelt_out.group(1)
    longer = set()
    for found in re.finditer(rf"(?<![\w’'\-]){re.escape(name)}(?:{_GAP}{_WORD})+", text):
        words = found.group().split()
        while len(words) > 1 and words[-1] not in ORGANISATION_WORDS:
            words.pop()
        if len(words) > 1:
            longer.add(" ".join(words))
    return _only(longer)


def _only(bodies: set[str]) -> str | None:
    """The one body these names are: a name read with the capitalised word that opens
    its sentence ('Makers Halverin Therapeutics want') is the body named without it."""
    distinct = {name for name in bodies
                if not any(name.endswith(" " + other) for other in bodies)}
    return distinct.pop() if len(distinct) == 1 else None


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


def it_leads_in(text: str, start: int, end: int) -> int | None:
    """Where 'it' is, when it is the subject of a speech verb opening the sentence
    text[start:end] ('It added: “…”'); else None."""
    found = _IT_LEADS_IN.match(text, start, end)
    return None if found is None else found.start("it")


def it_speaks_after(text: str, start: int, end: int) -> int | None:
    """Where 'it' is, when the clause text[start:end] after a quotation's closing mark
    credits it ('“…,” it said'); else None."""
    found = _IT_AFTER.match(text, start, end)
    return None if found is None else found.start("it")


def another_thing_could_speak(text: str, start: int, end: int, body: str) -> bool:
    """Whether text[start:end] names something other than `body` that 'it' could stand
    for: a body of a kind ('the council') that is not this one, or a thing that says
    ('the report'). 'The Treasury said the plan was sound. It added': the plan says
    nothing, so 'it' is the Treasury."""
    if len(_AND_THE.split(body)) > 1:
        return True  # 'The Treasury and the Bank of England said': two bodies
    window = _HOW_A_BODY_SPEAKS.sub(lambda found: " " * len(found.group()), text[start:end])
    if _SAYING_THINGS.search(window):
        return True
    return any(_named_of_kind(text, kind.group("kind"), start + kind.start()) != body
               for kind in _KIND_NAMED.finditer(window))
