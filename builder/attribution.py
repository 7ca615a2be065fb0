"""Who speaks each quotation, where the article says so.

The rules follow how news copy attributes speech, tightest first:

1. a possessive speech noun governing the quote: Mr Trump’s assertion that Ukraine “…”;
2. an attribution right after it: “…,” the US president said / “…”, said Mr Healey /
   “…,” the mayor, Jane Smith, said / “…,” according to Ms Smith;
3. a lead-in ending with a colon: Mr Healey told reporters on Wednesday: “…”;
4. the subject of a speech verb in the lead-in sentence: John Healey urged allies to “…”,
   or whom it is credited to: According to Jane Smith, “…”;
5. the second half of a quote split by its attribution: “…,” Mr Healey said. “…”;
6. a paragraph that is nothing but a quoted sentence continues the previous paragraph's
   speaker: the person who speaks in its last sentence, or who speaks its quotation
   when it too is nothing but one. (Headlines end without a full stop and are left out.)

A pronoun is resolved to the person named before it in its sentence, or else in the
sentence before, when only one person (or only one speaking person) is named there. Words
inside other quotations never attribute anything. Whatever stays ambiguous is None.

Where rules 2 to 4 find no person at all, a body the text plainly credits speaks
('“…,” the Treasury said', 'The Treasury said the levy “…”': see `organisations`).
'It' speaking ('It added: “…”', '“…,” it said') is the one body that speaks in its
sentence or the one before, where nothing else named there could be 'it'; otherwise
nobody, and never a person the sentence names.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import NamedTuple, Sequence

from .mentions import (ABBREVIATED, FEMALE, GENDERED, MALE, Mention, find_mentions, gender_of,
                       is_age_title)
from .organisations import (another_thing_could_speak, it_leads_in, it_speaks_after,
                            speaking_after, speaking_in_lead_in)
from .people import (PASSIVE_SPEECH, SPEECH_NOUNS, SPEECH_VERBS, Roster, canonical_name,
                     credited, is_person, read_roster, reports_after, resolve_title,
                     signs_quotation, speaks_after, speaks_after_apposition)
from .quotemarks import QuoteSpan

_UNKNOWN = "\0someone"  # a person is meant, but the text does not say who


class Speaker(NamedTuple):
    name: str            # a person's canonical full name where known, or a body's name
    organisation: bool   # a body ('the Treasury said'), where no person is named


# Patterns start with a plain character class, so the engine can skip ahead to them.
# (After a line break no closing mark: a paragraph may open with a straight one.)
_BOUNDARY = re.compile(r"[.!?…\n](?:(?<=\n)\n*|[”’\"'»)\]]*[^\S\n]*\n*)")
_ABBREVIATIONS = frozenset(ABBREVIATED) | {"St"}
_ASIDES = re.compile(
    r",[^\S\n]+(?:who|which|whose|whom)\b[^,.;:!?“”\n]*,"
    r"|[–—][^\S\n][^–—.!?\n“”]*?[^\S\n][–—]"
    r"|\([^()\n]*\)")
_SPEECH_VERB = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, SPEECH_VERBS), key=len, reverse=True)) + r")\b")
_NOUN_GOVERNS_QUOTE = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:" + "|".join(SPEECH_NOUNS) + r")(?:\s+that\b[^,;:.!?]*?)?\s*:?\s*$")
# The verb before the name, maybe with the name's role ('said lead researcher …').
_VERB_FIRST = re.compile(r"\s*[,;]?\s*(?:" + _SPEECH_VERB.pattern
                         + r"|(?P<according>according\s+to))\s+(?P<role>.*)$", re.S)
_ONLY_PUNCTUATION = re.compile(r"\s*[,;]?\s*$")
# Words the quotation belongs to, said by others than the sentence's subject, unless
# the subject's own ("his claim that …").
_OTHERS_WORDS = re.compile(
    r"\b(?<!his )(?<!her )(?<!its )(?<!their )(?:claims?|allegations?|accusations?|"
    r"suggestions?|charges?|reports?)\s+(?:by\s+[^,.;:“”\n]{1,40}\s+)?that\b")
# "Lachlan Brennock, chairman of the council,": a gendered title set off after a name.
_DESCRIBED = re.compile(
    r",[^\S\n]+(?:[\w’'\-]+[^\S\n]+){0,3}?"
    r"(chairman|chairwoman|spokesman|spokeswoman|congressman|congresswoman)\b")
_ORGANISATION = re.compile(r"(?:[A-Z][\w’'\-]*[^\S\n]+){1,3}$")
# Verbs that go on from what was said before: their subject is most likely its speaker.
_GOES_ON = re.compile(r"\s+(?:also\s+|then\s+|later\s+)?(?:added|continued|went\s+on)\b")
# Words between a subject and its speech verb ('has also said', 'strongly denied').
_BEFORE_VERB = frozenset(("has", "have", "had", "also", "later", "then", "long", "once",
                          "again", "both", "all", "still", "just", "already", "never"))
_DETERMINERS = frozenset(("the", "a", "an", "her", "his", "its", "their", "our", "my",
                          "this", "that", "these", "those"))
_OPENERS = frozenset(("although", "though", "but", "and", "while", "whereas", "as"))
_NOT_NOUNS = frozenset(("who", "which", "that", "he", "she", "i", "you", "we", "it"))
_PREPOSITIONS = frozenset(("in", "on", "at", "of", "for", "from", "with", "by", "near",
                           "to", "into", "across", "along", "after", "before", "outside"))
_OBJECT = re.compile(
    r"(?i)\b(?:with|to|of|from|about|by|at|for|against|alongside|on|under|near|than|like|"
    r"into|over|towards?|between|among|amid|after|before|beside|accused|urged|criticised|"
    r"told|tells|telling)\s+$")
_TERMINAL = ".,!?;:"
ATTRIBUTION_WORDS = 4  # words after "Whitfield asked" in a sentence that only attributes
_PRONOUN_GENDER = {"he": MALE, "him": MALE, "she": FEMALE}


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
    genders: dict[str, str] = field(default_factory=dict)  # canonical name → MALE | FEMALE
    # 'Ms Brennock' and 'Mr Brennock' where two Brennocks are named: (surname, gender) →
    # which of them.
    by_honorific: dict[tuple[str, str], str] = field(default_factory=dict)


def attribute(text: str, spans: Sequence[QuoteSpan], corpus: Roster | None = None,
              mentions: tuple[Mention, ...] | None = None, own: Roster | None = None
              ) -> tuple[Speaker | None, ...]:
    """The speaker of each span, or None. `mentions` and `own` (the article's own
    roster) may be passed when already read."""
    mentions = find_mentions(text) if mentions is None else mentions
    own = read_roster(text, mentions) if own is None else own
    article = _read(text, spans, mentions, (own, corpus) if corpus is not None else (own,))
    speakers: list[Speaker | None] = []
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
    article = _Article(text, masked, spans, mentions, [m.start for m in mentions], usable,
                       boundaries, sorted(s.opener for s in spans), rosters,
                       frozenset(names.values()), names=names,
                       genders=_genders(text, mentions, names))
    for person, gender in _corpus_genders(names.values(), rosters[1:]).items():
        article.genders.setdefault(person, gender)
    article.by_honorific = _shared_surnames(article, rosters[0])
    # 'Ms Brennock' beside 'Mr Brennock': each honorific also tells that one's gender.
    for (_, gender), person in article.by_honorific.items():
        article.genders.setdefault(person, gender)
    return article


def _genders(text: str, mentions: tuple[Mention, ...], names: dict[str, str]) -> dict[str, str]:
    """Who the article calls Mr or Ms, spokesman or spokeswoman: a pronoun of the other
    gender never stands for them. A person called both is left out."""
    pairs = []
    for mention in mentions:
        person = names.get(mention.name) if mention.kind == "name" else None
        if person is not None:
            pairs += [(person, gender) for gender in _honoured_as(text, mention)]
    return _one_gender_each(pairs)


def _corpus_genders(people, corpus: Sequence[Roster]) -> dict[str, str]:
    """What other articles' honorifics say of the people this one names ('Mr Ashdown'
    beside 'Tom Ashdown' in the wire copy, 'Ashdown' alone on the live page)."""
    return {person: gender for person in people for roster in corpus
            if (gender := roster.genders.get(person))}


def _one_gender_each(pairs: list[tuple[str, str]]) -> dict[str, str]:
    """(person, gender) pairs → each person's gender, leaving out anyone given both."""
    found: dict[str, set[str]] = {}
    for person, gender in pairs:
        found.setdefault(person, set()).add(gender)
    return {person: genders.pop() for person, genders in found.items() if len(genders) == 1}


def _honoured_as(text: str, mention: Mention) -> set[str]:
    """The genders a name mention's honorific or title gives ('Ms', 'spokesman')."""
    if not mention.honoured:
        return set()
    words = text[mention.start:mention.end].split(maxsplit=1)[:1]
    if mention.title is not None:
        words.append(mention.title[1].rsplit(" ", 1)[-1])
    return {gender for word in words
            if (gender := gender_of(word)) is not None}


def _shared_surnames(article: _Article, own: Roster) -> dict[tuple[str, str], str]:
    """Two people of one surname in an article, 'Ms Brennock' and 'Mr Brennock': each
    honorific names the one whose gender the article gives, or whom the other's rules
    out. Without a gender for either, the surname stays a surname."""
    wanted: dict[str, set[str]] = {}  # a surname alone → the genders it is honoured with
    for mention in article.mentions:
        # Most names are no surname two full names share: that lookup comes first.
        if (mention.kind == "name" and len(own.full_names.get(mention.name, ())) == 2
                and article.names.get(mention.name) == mention.name):
            genders = _honoured_as(article.text, mention)
            if len(genders) == 1:
                wanted.setdefault(mention.name, set()).update(genders)
    if not wanted:
        return {}
    known = {**_described_genders(article), **article.genders}
    found = {}
    for surname, genders in wanted.items():
        for gender in genders:
            one = _of_gender(own.full_names[surname], gender, known)
            if one is not None:
                found[(surname, gender)] = one
    return found


def _of_gender(people: Sequence[str], gender: str, known: dict[str, str]) -> str | None:
    """The one of two people who can be of that gender, given the genders known."""
    fitting = [person for person in people if known.get(person) == gender or (
        person not in known and all(known.get(other) not in (None, gender)
                                    for other in people if other != person))]
    return fitting[0] if len(fitting) == 1 else None


def _described_genders(article: _Article) -> dict[str, str]:
    """Genders the article gives in passing, dropped for anyone given both."""
    return _one_gender_each(_described(article) + _pronounced(article))


def _described(article: _Article) -> list[tuple[str, str]]:
    """'Lachlan Brennock, chairman of the council,': a gendered title set off after."""
    found = []
    for mention in article.mentions:
        person = article.names.get(mention.name) if mention.kind == "name" else None
        described = _DESCRIBED.match(article.masked, mention.end) if person else None
        if described:
            found.append((person, GENDERED[described.group(1)]))
    return found


def _pronounced(article: _Article) -> list[tuple[str, str]]:
    """'Ailsa Brennock … a budget she said was never realistic': the one person a
    sentence names before 'he' or 'she' (a title without a name counts as someone)."""
    found = []
    for k, mention in enumerate(article.mentions):
        gender = _PRONOUN_GENDER.get(article.text[mention.start:mention.end].lower())
        if mention.kind != "pronoun" or gender is None or not article.usable[k]:
            continue
        first = bisect.bisect_left(article.starts, _sentence_start(article, mention.start))
        named = {article.names.get(m.name) if m.kind == "name" else "" for m in
                 article.mentions[first:k] if m.kind != "pronoun"} - {None}
        person = named.pop() if len(named) == 1 else ""
        if " " in person:
            found.append((person, gender))
    return found


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
    space, or a line break. 'Mr. Healey': the full stop ends a title, not a sentence, and
    neither does a question mark before '…?” asked Mr Reyes': sentences start in capitals."""
    found = match.group()
    if "\n" in found:
        return True
    if match.end() < len(text) and (not found[-1:].isspace() or text[match.end()].islower()):
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


def _speaker(article: _Article, index: int, earlier: list[Speaker | None],
             by_rule_2: list[bool]) -> tuple[Speaker | None, bool]:
    span = article.spans[index]
    after = _said_after(article, span)
    if after is not None:
        return _named(after), True
    signed = _signed(article, span)
    if signed is not None:
        return _named(signed), True
    body = _body_after(article, span)
    if body is not None:
        return body, True
    it = _it_after(article, span)
    if it is not None:
        return _body_it_means(article, it, earlier), True
    for rule in (_possessive_noun, _colon_lead_in):
        found = rule(article, span)
        if found is not None:
            return _named(found), False
    it = _it_leading_in(article, span)
    if it is not None:  # 'It added that Mr Lee had “…”': the words are not Mr Lee's
        return _body_it_means(article, it, earlier), False
    found = _lead_in_subject(article, span)
    if found is not None:
        return _named(found), False
    body = _body_leading_in(article, span)
    if body is not None:
        return body, False
    if _continues_split_quote(article, index, by_rule_2):
        return earlier[index - 1], False
    if _stands_alone(article, span):
        return _previous_paragraph_speaker(article, index, earlier), False
    return None, False


def _named(identity: str | None) -> Speaker | None:
    return None if identity in (None, _UNKNOWN) else Speaker(identity, False)


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
    end = _clause_end(article, span.closer + 1, span.closer)
    clause = article.masked[span.closer + 1:end]
    question = not clause.strip() and article.text[span.end - 1:span.end] in ("?", "!")
    if question:
        # “Who read those reports?” Whitfield asked. The mark ends the quotation, and
        # the attribution is a sentence of its own.
        end = _clause_end(article, end, span.closer)
    elif clause.rstrip().endswith(":"):
        return None  # it introduces the next quotation instead
    for j in _between(article, span.closer + 1, end):
        mention = article.mentions[j]
        before = article.masked[span.closer + 1:mention.start]
        if mention.title is not None:  # "Kremlin spokesman Dmitry Peskov": whose title
            before = _ORGANISATION.sub("", before)
        verb_first = _VERB_FIRST.fullmatch(before)
        if verb_first and verb_first.group("role") and (verb_first.group("according")
                                                        or not _role_only(verb_first["role"])):
            verb_first = None
        if verb_first and verb_first.group("according") and not credited(article.masked,
                                                                         mention):
            return None  # "according to Jane Smith's lawyers": not hers
        if verb_first or ((_ONLY_PUNCTUATION.fullmatch(before) or _role_only(before))
                          and _speaks(article, j)):
            if question and len(article.masked[mention.end:end].split()) > ATTRIBUTION_WORDS:
                return None  # “Why?” Mr Healey said the answer was simple: not his question
            return _identity(article, j) or None
        return None
    return None


def _signed(article: _Article, span: QuoteSpan) -> str | None:
    """'“It was chaos.” – Ann Lee': the name after a dash that signs the quotation."""
    j = bisect.bisect_left(article.starts, span.closer + 1)
    if (j < len(article.mentions) and article.mentions[j].start - span.closer <= 8
            and signs_quotation(article.text, article.mentions[j])):
        return _identity(article, j)
    return None


_ROLE_WORD = re.compile(r"[a-z][a-z\-]*(?:’s|'s)?")
# Lower-case words that are no part of a role ('“…,” and Reyes said'; 'said that Reyes').
_NOT_ROLE = frozenset(SPEECH_VERBS) | frozenset("""
that and but or nor as when while if because so then to of in on at with by for from after
before since until though although whereas who which where he she it they we i you his
her its their our this these those there here not also now later earlier again once yet
a an""".split())
ROLE_WORDS = 4  # at most, as in 'the trial’s chief investigator'


def _role_only(between: str) -> bool:
    """', lead researcher ', ', the trial’s chief investigator, ': a role in lower case,
    and nothing else, between a quotation (or its verb) and the name of who holds it."""
    words = between.replace(",", " ").split()
    if words[:1] == ["the"]:
        words = words[1:]
    return 0 < len(words) <= ROLE_WORDS and all(
        _ROLE_WORD.fullmatch(word) and word not in _NOT_ROLE for word in words)


def _colon_lead_in(article: _Article, span: QuoteSpan) -> str | None:
    colon = span.opener - 1
    while colon >= 0 and article.masked[colon].isspace():
        colon -= 1
    if colon < 0 or article.masked[colon] != ":":
        return None
    start = _sentence_start(article, colon)
    if PASSIVE_SPEECH.search(article.masked, start, colon) or _BODY_SAYS.search(
            article.masked, start, colon):
        return None  # 'Okoro was told by Barr:', '…, but the club said:': not the one named
    # 'On Okoro: “…”' in a live blog names the topic, not the speaker.
    candidates = [j for j in _between(article, start, colon)
                  if not article.mentions[j].possessive and not _is_object(article, j)]
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
    speaking = _identities(article, [j for j in candidates if _speaks(article, j)
                                     or credited(article.masked, article.mentions[j])])
    if _OTHERS_WORDS.search(article.masked, start, span.opener):
        return None  # "rejecting Opposition claims that she had “…”": not her words
    if len(speaking) == 1:
        return speaking.pop()
    if speaking or not _SPEECH_VERB.search(article.masked, start, span.opener):
        return None
    if (_common_noun_speaks(article.masked, start, span.opener)
            or _someone_unknown_speaks(article, start, span.opener)
            or PASSIVE_SPEECH.search(article.masked, start, span.opener)):
        return None  # "…, although her department said she would “…”": not hers
    subjects = _identities(article, [j for j in candidates if not _is_object(article, j)])
    return subjects.pop() if len(subjects) == 1 else None


def _someone_unknown_speaks(article: _Article, start: int, end: int) -> bool:
    """A pronoun with no one it can stand for speaks ('Okoro, he said, had been “…”'):
    the words are that unknown speaker's, not those of the person the sentence names."""
    first = bisect.bisect_left(article.starts, start)
    last = bisect.bisect_left(article.starts, end)
    return any(article.mentions[j].kind == "pronoun" and article.usable[j]
               and _identity(article, j) in (None, _UNKNOWN) and _speaks(article, j)
               for j in range(first, last))


def _common_noun_speaks(text: str, start: int, end: int) -> bool:
    """A speech verb whose subject is a common noun ('her department said', 'Officials
    said'): someone other than the people the sentence names speaks. A noun after a
    preposition ('in Kirkenes on the border said') is no subject."""
    for verb in _SPEECH_VERB.finditer(text, start, end):
        words = text[start:verb.start()].split()
        while words and (words[-1] in _BEFORE_VERB or words[-1].endswith("ly")):
            words.pop()
        if not words or not words[-1].isalpha():
            continue
        noun, before = words[-1], words[-2] if len(words) > 1 else ""
        if noun.lower() in _NOT_NOUNS:
            continue  # 'Mr Whitfield, who has long argued': the person's own verb
        if before.lower() in _DETERMINERS:
            earlier = words[-3].lower() if len(words) > 2 else ""
            if earlier not in _PREPOSITIONS:
                return True
        elif not before or before.endswith(",") or before.lower() in _OPENERS:
            return True  # 'Officials said', '…, although officials said'
    return False


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
                                earlier: list[Speaker | None]) -> Speaker | None:
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
    speaking = {_named(who) for who in _identities(
        article, [j for j in _between(article, start, end) if _speaks(article, j)])}
    # "“…,” said Ibáñez, speaking through an interpreter.": who speaks the quotations
    # of that sentence speaks in it too.
    before = index - 1
    while before >= 0 and article.spans[before].opener >= start:
        speaking.add(earlier[before])
        before -= 1
    speaking.discard(None)
    return speaking.pop() if len(speaking) == 1 else None


def _paragraph_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end < 0 else end


def _body_after(article: _Article, span: QuoteSpan) -> Speaker | None:
    """'“…,” the Treasury said': a body credited where no person is."""
    end = _clause_end(article, span.closer + 1, span.closer)
    name = speaking_after(article.masked, span.closer + 1, end,
                          lambda word: _proper(article, word), lambda name: _person(article, name))
    return None if name is None else Speaker(name, True)


def _body_leading_in(article: _Article, span: QuoteSpan) -> Speaker | None:
    """'The Treasury said the levy “…”': a body opening the sentence, where no person is."""
    start = _sentence_start(article, span.opener)
    if _OTHERS_WORDS.search(article.masked, start, span.opener):
        return None
    name = speaking_in_lead_in(article.masked, start, span.opener,
                               lambda word: _proper(article, word),
                               lambda name: _person(article, name))
    return None if name is None else Speaker(name, True)


def _it_after(article: _Article, span: QuoteSpan) -> int | None:
    """Where 'it' is in '“…,” it said'; None if the quotation is not credited so."""
    end = _clause_end(article, span.closer + 1, span.closer)
    return it_speaks_after(article.masked, span.closer + 1, end)


def _it_leading_in(article: _Article, span: QuoteSpan) -> int | None:
    """Where 'it' is in 'It added: “…”' or 'It said the levy “…”'; else None."""
    start = _sentence_start(article, span.opener)
    if _OTHERS_WORDS.search(article.masked, start, span.opener):
        return None
    return it_leads_in(article.masked, start, span.opener)


def _body_it_means(article: _Article, it: int, earlier: list[Speaker | None]
                   ) -> Speaker | None:
    """The body 'it' at `it` stands for: the one body that speaks in its sentence or the
    sentence before, where nothing else named there could be 'it' (another body, a place,
    'the council', 'the report'). A person cannot be 'it', so may be named there too."""
    own = _sentence_start(article, it)
    start = _sentence_start(article, own - 1) if own > 0 else own
    bodies = {speaker.name for span, speaker in zip(article.spans, earlier)
              if speaker is not None and speaker.organisation and start <= span.opener < it}
    bodies.update(filter(None, (_body_opening(article, sentence)
                                for sentence in (start, own) if sentence < it)))
    if len(bodies) != 1:
        return None
    body = bodies.pop()
    if another_thing_could_speak(article.masked, start, it, body) or _other_names(
            article, (start, it), body):
        return None
    return Speaker(body, True)


def _body_opening(article: _Article, start: int) -> str | None:
    """The body that is the subject of a speech verb opening the sentence at `start`
    ('The Treasury said the plan was sound.'), quotation or not."""
    following = bisect.bisect_right(article.boundaries, start)
    end = (article.boundaries[following] if following < len(article.boundaries)
           else len(article.masked))
    return speaking_in_lead_in(article.masked, start, end,
                               lambda word: _proper(article, word),
                               lambda name: _person(article, name))


def _other_names(article: _Article, window: tuple[int, int], body: str) -> bool:
    """A capitalised name in the window, outside quotations, that is neither a person nor
    part of the body's name (its initials included): 'Nato', 'Brussels', 'Officials'."""
    words = set(body.split()) | {"".join(word[0] for word in body.split() if word[0].isupper())}
    first = bisect.bisect_left(article.starts, window[0])
    last = bisect.bisect_left(article.starts, window[1])
    return any(article.usable[k] and article.mentions[k].kind == "name"
               and _identity(article, k) is None
               and not set(article.mentions[k].name.split()) <= words
               for k in range(first, last))


def _proper(article: _Article, word: str) -> bool:
    """The article writes the word with a capital where no sentence starts."""
    return any(not _opens_sentence(article, found.start())
               for found in re.finditer(rf"\b{re.escape(word)}\b", article.masked))


def _opens_sentence(article: _Article, position: int) -> bool:
    return _sentence_start(article, position) == position or not article.masked[
        _sentence_start(article, position):position].strip(" \t“‘\"'")


def _person(article: _Article, name: str) -> bool:
    """A name that ends in a surname a roster knows people by."""
    surname = name.rsplit(None, 1)[-1]
    return any(surname in roster.surnames for roster in article.rosters)


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
    """Mention j is the subject of a speech verb, alone or as 'the mayor, Jane Smith,'."""
    mention = article.mentions[j]
    return (speaks_after(article.masked, mention)
            or speaks_after_apposition(article.masked, mention))


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
        found = resolve_title(mention.title, article.mentioned, *article.rosters)
        # An age no one is given ('The 45-year-old Portuguese') is as if not there.
        if found is None and not is_age_title(mention.title):
            found = _description_stands_for(article, j, depth)
    else:
        found = article.names.get(mention.name)  # None: not a person
        if found == mention.name and article.by_honorific:
            for gender in _honoured_as(article.text, mention):
                found = article.by_honorific.get((mention.name, gender), found)
    if depth == 0 or mention.kind != "pronoun":
        article.identities[j] = found
    return found


def _description_stands_for(article: _Article, j: int, depth: int) -> str:
    """Who a description no one in the corpus goes by stands for, where it goes on from
    the last speaker ('…, the cabinet minister added: “…”' after Mr Healey's words): as a
    pronoun does, the person named just before it, but only where that person alone is
    named there, and speaks. A description that says or tells ('The ambassador told
    reporters') may bring in someone new: _UNKNOWN."""
    mention = article.mentions[j]
    if (not article.text.startswith(("the ", "The "), mention.start)
            or not _GOES_ON.match(article.masked, mention.end)
            or any(roster.titles.get(mention.title[1]) for roster in article.rosters)):
        return _UNKNOWN
    return _antecedent(article, j, depth, speaking=True)


SENTENCES_BACK = 3  # how far back a pronoun looks for the sentence that names someone


def _antecedent(article: _Article, j: int, depth: int, speaking: bool = False) -> str:
    """The person a pronoun stands for: the one named before it in its sentence, or else
    in the nearest sentence before that names anyone (sentences that are all quotation
    name nobody). Several people there who could be meant: _UNKNOWN, never a guess.
    `speaking`: only the one person named there, and only if they speak there."""
    if depth > 3:
        return _UNKNOWN
    mention = article.mentions[j]
    gender = _PRONOUN_GENDER.get(article.text[mention.start:mention.end].lower())
    end = mention.start
    start = _sentence_start(article, end)
    if _parenthetical_tag(article, j):
        end = start  # 'Okoro, he said, had been “…”': the one he speaks of is not he
    own_sentence = True
    for _ in range(SENTENCES_BACK + 1):
        if start < end:
            found = _one_person(article, (start, end), depth, gender, speaking)
            if found is not None:
                if (not own_sentence and found != _UNKNOWN and start > 0
                        and _only_as_possessor(article, (start, end), found)):
                    return _unless_another_before(article, start, depth, gender, found)
                return found
        if start == 0:
            break
        start, end = _sentence_start(article, start - 1), start
        own_sentence = False
    return _UNKNOWN


def _only_as_possessor(article: _Article, window: tuple[int, int], person: str) -> bool:
    """The sentence names the person only as someone's ('backed Prof Salvesen’s work,
    when she was …'): it may be about them without their being its subject."""
    first = bisect.bisect_left(article.starts, window[0])
    last = bisect.bisect_left(article.starts, window[1])
    named = [article.mentions[k].possessive for k in range(first, last)
             if article.mentions[k].kind != "pronoun" and article.usable[k]
             and _identity(article, k) == person]
    return bool(named) and all(named)


def _unless_another_before(article: _Article, start: int, depth: int, gender: str | None,
                           found: str) -> str:
    """'“…,” said Caroline Redfern.' ¶ 'The charity backed Prof Salvesen’s work.' ¶
    '“…,” she said.': the one spoken of, or the one who spoke before? Either may be
    meant, so neither is taken, unless the sentence before names nobody else."""
    before = _one_person(article, (_sentence_start(article, start - 1), start), depth, gender)
    return found if before in (None, found) else _UNKNOWN


# '…, but the club said:' right before the colon: a common noun speaks.
_BODY_SAYS = re.compile(r"\b(?:the|a|an|his|her|its|their|our)\s+[a-z]+\s+(?:also\s+)?(?:"
                        + "|".join(sorted(map(re.escape, SPEECH_VERBS), key=len, reverse=True))
                        + r")\s*$")
_TAG_AFTER = re.compile(r"[^\S\n]+(?:also[^\S\n]+)?(?:said|says|added|argued|insisted|"
                        r"claimed|believes|thinks|suggested)[^\S\n]*,")


def _parenthetical_tag(article: _Article, j: int) -> bool:
    """Pronoun j is the subject of a speech tag set off by commas right after a name:
    'Okoro, he said, had been' (not 'the plan, he said, was')."""
    mention = article.mentions[j]
    before = article.mentions[j - 1] if j > 0 else None
    return (before is not None and before.kind == "name"
            and article.masked[before.end:mention.start].strip() == ","
            and _TAG_AFTER.match(article.masked, mention.end) is not None)


def _one_person(article: _Article, window: tuple[int, int], depth: int,
                gender: str | None, speaking: bool = False) -> str | None:
    """The one person named in the window who can be of that gender; _UNKNOWN when
    several can, None when nobody is named. `speaking`: the one person named, who must
    speak there."""
    first = bisect.bisect_left(article.starts, window[0])
    last = bisect.bisect_left(article.starts, window[1])
    named: dict[str, int] = {}  # who → where they are first named
    reporters: dict[str, int] = {}  # who reports speech here → where their verb ends
    for k in range(first, last):
        mention = article.mentions[k]
        if not article.usable[k]:
            continue
        who = (_identity(article, k, depth + 1) if mention.kind == "pronoun"
               else _identity(article, k))
        if who is None:
            continue
        named.setdefault(who, mention.start)
        if mention.possessive:
            continue  # 'backed Prof Salvesen’s work': she may be meant, but reports nothing
        verb_end = reports_after(article.masked, mention)
        if verb_end is None and speaking and _speaks(article, k):
            verb_end = mention.end  # 'described Mr Trump’s comments as “…”' speaks too
        if verb_end is not None:
            reporters.setdefault(who, verb_end)
    if not named:
        return None
    if speaking:
        return next(iter(named)) if len(named) == 1 and reporters else _UNKNOWN
    fitting = [who for who in named if article.genders.get(who) in (None, gender)]
    if len(fitting) == 1:
        return fitting[0]
    # "Mr Zelensky said Mr Trump is living in…": whoever else is named is named in what
    # the one speaker said.
    speakers = [who for who in fitting if who in reporters]
    if len(speakers) == 1 and all(named[who] >= reporters[speakers[0]]
                                  for who in fitting if who != speakers[0]):
        return speakers[0]
    return _UNKNOWN


def _sentence_start(article: _Article, position: int) -> int:
    return article.boundaries[bisect.bisect_right(article.boundaries, position) - 1]


def _clause_end(article: _Article, position: int, closer: int) -> int:
    """Where the words after a closing mark (from `position`) stop being about this
    quotation: the end of the sentence, the paragraph, or the next quotation."""
    ends = [len(article.masked)]
    boundary = bisect.bisect_right(article.boundaries, position)
    if boundary < len(article.boundaries):
        ends.append(article.boundaries[boundary])
    newline = article.masked.find("\n", closer)
    if newline >= 0:
        ends.append(newline)
    following = bisect.bisect_right(article.openers, closer)
    if following < len(article.openers):
        ends.append(article.openers[following])
    return min(ends)
