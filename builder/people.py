"""Who is named in an article, and under which names and titles.

News copy names a person once in full ("Defence Secretary John Healey") and then by
surname, honorific or title alone ("Mr Healey", "Healey", "the Defence Secretary"). A
roster collects what a text (or a whole corpus) establishes: the full names, the titles
each person is given next to their name. References are resolved against it only when
exactly one person fits; otherwise they stay unresolved rather than guessed.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable, Mapping
from dataclasses import dataclass, field

from .mentions import (COUNTRIES, POSTNOMINALS, RELATIVE, Mention, age_title, gender_of,
                       find_mentions)
from .passages import HEADING_LENGTH, reads_as_heading


def _words(words: Iterable[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


SPEECH_VERBS = (
    "said", "says", "say", "saying", "told", "tells", "telling", "added", "adds", "adding",
    "wrote", "writes", "writing", "posted", "posts", "tweeted", "stated", "states",
    "warned", "warns", "warning", "cautioned", "cautions", "urged", "urges", "urging",
    "claimed", "claims", "claiming", "insisted", "insists", "insisting", "argued",
    "argues", "arguing", "asked", "asks", "noted", "notes", "noting", "described",
    "describes", "describing", "called", "calls", "accused", "accuse", "accuses",
    "accusing", "criticised", "criticized", "announced", "announces", "declared",
    "declares", "replied", "replies", "responded", "responds", "answered", "stressed",
    "stresses", "emphasised", "emphasized", "explained", "explains", "suggested",
    "suggests", "asserted", "asserts", "asserting", "acknowledged", "admitted",
    "admits", "conceded", "concedes", "remarked", "countered", "vowed", "vows",
    "promised", "promises", "pledged", "branded", "branding", "dismissed", "labelled",
    "praised", "blamed", "condemned", "confirmed", "confirms", "denied", "denies",
    "revealed", "recalled", "joked", "quipped", "mentioned", "underscored",
    "underlined", "observed", "commented", "complained", "maintained", "maintains",
    "reiterated", "repeated", "continued", "concluded", "boasted", "predicted",
    "demanded", "testified", "testifies", "added:", "tweets", "messaged", "wrote:",
    "announcing", "declaring", "retorted", "protested", "objected", "disagreed", "agreed",
    "interjected", "exclaimed", "shouted", "recounted", "clarified", "lamented", "mused")
SPEECH_NOUNS = (
    "assertion", "assertions", "suggestion", "suggestions", "claim", "claims", "remark",
    "remarks", "comment", "comments", "statement", "statements", "words", "warning",
    "description", "accusation", "accusations", "insistence", "call", "promise",
    "pledge", "demand", "message", "argument", "characterisation", "view", "verdict",
    "charge", "boast", "threat", "prediction", "question", "answer", "response", "post",
    "tweet")
_SPEECH_VERB = _words(SPEECH_VERBS)
_BRIDGE = (r"(?:,\s*)?(?:(?:has|have|had|was|is|were|also|then|later|previously|earlier|"
           r"again|repeatedly|notably|first|recently|once|would|will|did|does|just|"
           r"already|not|never|to|today|yesterday|publicly|reportedly)\s+){0,3}")
# What may stand between a name and its verb: an age or a description set off by commas
# ("Margaret Doyle, 74, a stroke survivor, said"; "Naomi Achterberg, head of research at
# the broker, said"; "Priya Natarajan, who led the inquiry, testified").
# A decimal point or a thousands comma ends no description ('which put £3.5 million in').
_APPOSITION = (r"(?:(?:,[^\S\n]*(?:\d{1,3}|[a-z][^,.;:!?“”\"\n]{0,80}"
               r"(?:(?<=\d)[.,](?=\d)[^,.;:!?“”\"\n]{0,60}){0,2})){1,2},)?")
# Letters after the name ("Rosalind Okonjo-Barr KC, prosecuting, told the jury"), an
# aside in brackets ("Ann Lee (pictured) said", "Tom Reyes (52) told"), and one in
# dashes ("Joaquín Ibáñez – the lad we signed in 2021 – told the court").
_AFTER_NAME = (rf"(?:[^\S\n]+(?:{'|'.join(POSTNOMINALS)})\b\.?)?"
               r"(?:[^\S\n]+\([^()\n“”]{1,40}\))?"
               r"(?:[^\S\n]+[–—][^–—\n“”]{1,120}?[–—](?=\s))?")
_SPEAKS_AFTER = re.compile(
    rf"{_AFTER_NAME}{_APPOSITION}\s+{_BRIDGE}(?:[a-z][\w’'\-]*\s+){{0,3}}?"
    rf"(?P<verb>{_SPEECH_VERB})\b")
_SPEAKS_RIGHT_AFTER = re.compile(rf"{_AFTER_NAME}{_APPOSITION}\s+{_BRIDGE}{_SPEECH_VERB}\b")
# 'John Healey: “…”': a name labelling the quotation that follows, as in a transcript.
_LABELS_QUOTE = re.compile(r":[^\S\n]*[“\"‘']")
# "…,” said Kyle Brandt': the name a speech verb introduces after a quotation.
# ('…,” said lead researcher Ingrid Salvesen': a role in lower case may come between.)
_SPEECH_VERB_BEFORE = re.compile(
    rf"[”\"’']\s*,?\s*{_SPEECH_VERB}\s+(?:[a-z][a-z\-]*\s+){{0,3}}$")


@dataclass(frozen=True)
class Roster:
    """What a text or corpus establishes about people: full names by surname, who has
    been given each title next to their name, and which surnames name people at all.
    (Plain mappings, never changed once made, so rosters can be sent between processes.)"""

    full_names: Mapping[str, tuple[str, ...]]  # surname → full names, fullest first
    titles: Mapping[str, Mapping[str | None, frozenset[str]]]  # title → qualifier → names
    surnames: frozenset[str]
    # full name → the gender an honorific gives it ('Mr Ashdown' beside 'Tom Ashdown'),
    # where only one is given: another outlet's 'she' cannot stand for him either.
    genders: Mapping[str, str] = field(default_factory=dict)


# Verbs that act on someone ("accused Mr Patel", "urged him"): the person named after
# one may well be who speaks next, unlike someone named in what was said.
DIRECTED_VERBS = frozenset((
    "accused", "accuse", "accuses", "accusing", "urged", "urges", "urging", "criticised",
    "criticized", "praised", "blamed", "condemned", "dismissed", "labelled", "branded",
    "branding", "called", "calls", "described", "describes", "describing", "asked", "asks",
    "answered", "responded", "responds", "replied", "replies", "countered"))


def speaks_after(text: str, mention: Mention) -> bool:
    """The mention is the subject of a speech verb: 'Mr Healey told', 'he also said'."""
    return _active(_SPEAKS_AFTER, text, mention.end) is not None


# 'Okoro was told by Barr', 'had been asked by': the subject of a speech verb in the
# passive listens.
PASSIVE_SPEECH = re.compile(
    r"\b(?:was|were|been|being|is|are|get|got)\s+(?:\w+\s+)?(?:" + "|".join(sorted(
        map(re.escape, (*SPEECH_VERBS, "informed", "reminded", "advised", "instructed")),
        key=len, reverse=True)) + r")\s+by\b")


def _active(pattern: re.Pattern, text: str, at: int) -> re.Match | None:
    """pattern's match at `at`, unless its speech verb is in the passive."""
    found = pattern.match(text, at)
    if found is None or PASSIVE_SPEECH.search(text, found.start(), found.end() + 4) is None:
        return found
    return None


def speaks_after_apposition(text: str, mention: Mention) -> bool:
    """A name set off by commas after what it names is the subject of a speech verb:
    'the mayor, Jane Smith, said', 'The chief executive of the trust, Dr Helen Marsh,
    said'."""
    return _set_off_then(text, mention, _SPEAKS_AFTER)


def _set_off_then(text: str, mention: Mention, pattern: re.Pattern) -> bool:
    """The name is set off by commas, and `pattern` matches after the second."""
    set_off = ("," in text[mention.start:mention.end]
               or text[max(0, mention.start - 2):mention.start].lstrip().startswith(","))
    return (set_off and text.startswith(",", mention.end)
            and _active(pattern, text, mention.end + 1) is not None)


def reports_after(text: str, mention: Mention) -> int | None:
    """Where the speech verb ends when the mention is the subject of one that reports
    what was said ('Mr Zelensky said Mr Trump is…'), not of one aimed at a person."""
    found = _active(_SPEAKS_AFTER, text, mention.end)
    if found is None or found.group("verb").rstrip(":") in DIRECTED_VERBS:
        return None
    return found.end()


# --- rosters ----------------------------------------------------------------------------

def read_roster(text: str, mentions: tuple[Mention, ...] | None = None) -> Roster:
    mentions = find_mentions(text) if mentions is None else mentions
    surnames = {_surname(m.name) for m in mentions if m.kind == "name" and (
        m.honoured or (" " in m.name and (_speaking_full_name(text, m)
                                          or credited(text, m) or signs_quotation(text, m)
                                          or _full_name_of_a_person(text, m))))}
    full: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.kind != "name" or " " not in mention.name:
            continue
        surname = _surname(mention.name)
        if (surname in surnames and mention.name not in full.get(surname, ())
                and not _in_heading(text, mention)):
            full.setdefault(surname, set()).add(mention.name)
    titled = [(m.title, m.name) for m in mentions if m.kind == "name" and m.title is not None]
    titled += [(age_title(age.group(1) or age.group(2)), m.name) for m in mentions
               if m.kind == "name" and " " in m.name and (age := _AGE.match(text, m.end))]
    # 'Professor Ingrid Salvesen' is who 'the professor' is.
    titled += [((None, "professor"), m.name) for m in mentions if m.kind == "name"
               and m.honoured and text.startswith(_PROFESSOR, m.start)]
    # Keyed by the one full name the article gives that surname: 'Mr Ashdown' here says
    # nothing of another article's Sarah Ashdown.
    honoured = [(next(iter(full[surname])), gender) for m in mentions
                if m.kind == "name" and m.honoured and m.title is None
                and (gender := gender_of(text[m.start:m.end].split(maxsplit=1)[0]))
                and len(full.get(surname := _surname(m.name), ())) == 1]
    return _roster(full, titled, surnames, honoured)


def _in_heading(text: str, mention: Mention) -> bool:
    """'Fuming Lomax blasts ref': a headline's adjective reads as a first name."""
    start = text.rfind("\n", 0, mention.start) + 1
    end = text.find("\n", mention.end)
    end = len(text) if end < 0 else end
    # Most lines are paragraphs, too long to be headings: no need to read them.
    return end - start <= HEADING_LENGTH + 2 and reads_as_heading(text[start:end])


_ACCORDING_TO = re.compile(r"\b[Aa]ccording\s+to[^\S\n]+$")
# What may follow the name: the end of the phrase, or the person's own words
# ('according to Natarajan’s written testimony'), not others' ('… Smith’s lawyers').
_CREDIT_ENDS = re.compile(
    r"[,.;:!?\n]|$|(?<=s)[^\S\n]+(?:[a-z]+[^\S\n]+)?(?:"
    + "|".join(SPEECH_NOUNS + ("testimony", "evidence", "account", "letter", "interview",
                               "speech", "report")) + r")\b")


# Words that end or run through the names of bodies, not people: 'Wandarra Shire
# Council said', 'Harcourt Lane Securities said', 'according to Muskingum County'.
ORGANISATION_WORDS = frozenset("""
Council Shire County City Department Ministry Office Agency Authority Commission Committee
Board Bureau Service Services Government Treasury Parliament Senate Congress Assembly
Cabinet Police Army Navy Command Party Union Federation Association Chamber Club
Trust Foundation Institute University College School Hospital Clinic Bank Fund
Securities Capital Partners Holdings Group Company Corporation Corp Inc Ltd Limited
Industries Systems Technologies Airlines Airways Motors Energy Water Media Network News
Press Times Herald Tribune Telegraph Guardian Journal Review Report Health
Therapeutics Pharmaceuticals
""".split())


def _names_a_body(name: str) -> bool:
    """'Wandarra Shire Council', 'Harcourt Lane Securities': a body, not a person."""
    return not ORGANISATION_WORDS.isdisjoint(name.split()[1:])


# '“It was chaos.” – Ann Lee', '“…” — Ann Lee, a nurse': a name that signs the quotation
# before it, alone at the end of its line or with a description after a comma.
_SIGNS_BEFORE = re.compile(r"[”\"][^\S\n]*[–—―-][^\S\n]*$")
_SIGNS_ENDS = re.compile(r"[^\S\n]*(?:[,(]|\n|$)")


def signs_quotation(text: str, mention: Mention) -> bool:
    return (mention.kind == "name" and not mention.possessive
            and _SIGNS_BEFORE.search(text, max(0, mention.start - 8), mention.start) is not None
            and _SIGNS_ENDS.match(text, mention.end) is not None
            and not _names_a_body(mention.name))


def credited(text: str, mention: Mention) -> bool:
    """'according to Jane Smith,': a name that speech is credited to, the whole of what
    'according to' governs ('according to Muskingum County records' credits records), or
    with her own words ('according to Smith’s testimony')."""
    return (_ACCORDING_TO.search(text, max(0, mention.start - 16), mention.start) is not None
            and _CREDIT_ENDS.match(text, mention.end) is not None
            and not (mention.name and _names_a_body(mention.name)))  # 'according to him


# The word before a name that makes it no speaker: 'of'/'for' run it on from a body's
# name, and whoever is 'told' or spoken 'to' listens ('told Mersland Sport: “…”').
_NOT_SPEAKER_AFTER = frozenset(("of", "for", "the", "and", "told", "tells", "telling", "tell",
                                "to"))


def _speaking_full_name(text: str, mention: Mention) -> bool:
    """'John Healey has urged', '…,” said John Healey', 'John Healey: “…”': a first name
    and a surname that speak. One capitalised word that speaks is as likely a country or
    an institution ('Russia warned'), and so is a name run on from 'of'/'for' ('Institute
    for Fiscal Studies have warned'), or one with a word that names a body ('Wandarra
    Shire Council said'). Whoever is told listens."""
    return (could_be_a_person(mention)
            and not _NOT_SPEAKER_AFTER.intersection(
                text[max(0, mention.start - 8):mention.start].split()[-1:])
            and (_active(_SPEAKS_RIGHT_AFTER, text, mention.end) is not None
                 or _set_off_then(text, mention, _SPEAKS_RIGHT_AFTER)  # 'her aide, Tom Lee, said'
                 or _LABELS_QUOTE.match(text, mention.end) is not None
                 or _SPEECH_VERB_BEFORE.search(text, max(0, mention.start - 50),
                                               mention.start) is not None))


# An age given after a name: 'Ann Lee, 45,', 'Ann Lee, aged 45,', 'Ann Lee (45)'; the
# age a later 'the 45-year-old' is.
_AGE_AFTER = r",[^\S\n]+(?:aged[^\S\n]+)?(\d{1,3}),|[^\S\n]+\((\d{1,3})\)"
_AGE = re.compile(_AGE_AFTER)


def age_after(text: str, mention: Mention) -> tuple[int, int] | None:
    """Where the age given right after a full name is ('Ann Lee, 45,' → the '45')."""
    if mention.kind != "name" or " " not in mention.name:
        return None
    found = _AGE.match(text, mention.end)
    if found is None:
        return None
    group = 1 if found.group(1) else 2
    return found.start(group), found.end(group)
# What is said only of people: an age or what only a person does ('Tom Reyes gave
# evidence', '… pleaded not guilty', '… was born in …', 'Ann Lee spoke at the rally').
_PERSON_AFTER = re.compile(
    _AGE_AFTER + r"|[^\S\n]+(?:testified|gave[^\S\n]+"
    r"evidence|pleaded|resigned|spoke|was[^\S\n]+(?:sentenced|born|jailed|arrested|charged|"
    r"convicted|acquitted|cross-examined))\b")
_PROFESSOR = ("Professor ", "Prof ", "Prof. ")


def _full_name_of_a_person(text: str, mention: Mention) -> bool:
    """A first name and a surname that the text gives an age or something only people
    do: a surname alone later ('Reyes said') is theirs."""
    return _PERSON_AFTER.match(text, mention.end) is not None and could_be_a_person(mention)


def could_be_a_person(mention: Mention) -> bool:
    """Two words or more, not led by a country ('Russian Navy'), without a word that names
    a body, and not in capitals ('NATO Command')."""
    tokens = mention.name.split()
    return (len(tokens) >= 2 and tokens[0].lower() not in COUNTRIES
            and not _names_a_body(mention.name)
            and not any(token.isupper() for token in tokens))


def merge_rosters(rosters: Iterable[Roster]) -> Roster:
    full: dict[str, set[str]] = {}
    titled: list[tuple[tuple[str | None, str], str]] = []
    surnames: set[str] = set()
    honoured: list[tuple[str, str]] = []
    for roster in rosters:
        surnames |= roster.surnames
        honoured += roster.genders.items()
        for surname, names in roster.full_names.items():
            full.setdefault(surname, set()).update(names)
        for head, holders in roster.titles.items():
            titled.extend(((qualifier, head), name)
                          for qualifier, names in holders.items() for name in names)
    return _roster(full, titled, surnames, honoured)


def _roster(full: dict[str, set[str]], titled, surnames, honoured=()) -> Roster:
    names = {surname: tuple(sorted(found, key=lambda n: (-len(n.split()), n)))
             for surname, found in sorted(full.items())}
    known = Roster(names, {}, frozenset(surnames))
    titles: dict[str, dict[str | None, set[str]]] = {}
    for (qualifier, head), name in titled:
        titles.setdefault(head, {}).setdefault(qualifier, set()).add(
            canonical_name(name, known))
    given: dict[str, set[str]] = {}
    for person, gender in honoured:
        given.setdefault(person, set()).add(gender)
    return Roster(names, {head: {q: frozenset(n) for q, n in holders.items()}
                          for head, holders in titles.items()}, frozenset(surnames),
                  {person: found.pop() for person, found in sorted(given.items())
                   if len(found) == 1})


def _surname(name: str) -> str:
    return name.rsplit(" ", 1)[-1]


def is_person(mention: Mention, *rosters: Roster) -> bool:
    if mention.kind != "name":
        return mention.kind == "title"
    if mention.honoured:
        return True
    surname = _surname(mention.name)
    for roster in rosters:
        if surname in roster.surnames:
            return True
    return False


def canonical_name(name: str, *rosters: Roster) -> str:
    """The fullest name the rosters know for this one ('Mr Healey' → 'John Healey'),
    trying each roster in turn; the name as given when none or several fit."""
    tokens = name.split()
    for roster in rosters:
        known = roster.full_names.get(tokens[-1])
        if not known:
            continue
        if len(known) == 1 and len(tokens) == 1:
            return known[0]  # the usual case: one full name for a surname alone
        # 'Van der Molen' opening a sentence is 'Henrik van der Molen'.
        wanted = [token.lower() for token in tokens]
        fits = [full for full in known
                if [token.lower() for token in full.split()[-len(tokens):]] == wanted]
        if not fits:
            continue
        longest = len(fits[0].split())
        best = [full for full in fits if len(full.split()) == longest]
        if len(best) == 1 and _compatible(best[0], fits):
            return best[0]
        return name
    return name


def people_named(text: str, full_names: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The names a short text (a claim, a quoted passage) gives people, each as the
    corpus's full names (`Roster.full_names`) make it: 'Trump' is 'Donald Trump' only where
    the corpus gives no other full name ending in Trump; 'Trump Tower' stays itself."""
    corpus = Roster(full_names, {}, frozenset())
    return tuple(dict.fromkeys(canonical_name(mention.name, corpus)
                               for mention in find_mentions(text)
                               if mention.kind == "name" and mention.name
                               and not _led_body(text, mention)))


# 'the Trump administration', 'the Starmer government': a name between 'the' and one of
# these is the name of a body the person leads, not of the person.
_LED_BODIES = frozenset("""
administration administrations government governments campaign campaigns presidency era
cabinet regime camp team foundation organisation organization family estate
""".split())
_NEXT_WORD = re.compile(r"[\s\u00a0]+([\w-]+)")


def _led_body(text: str, mention: Mention) -> bool:
    if text[max(0, mention.start - 4):mention.start].lower() != "the ":
        return False
    after = _NEXT_WORD.match(text, mention.end)
    return after is not None and after[1] in _LED_BODIES


def _compatible(best: str, fits: list[str]) -> bool:
    """Every shorter full name must be part of the best one ('Keir Starmer' of
    'Keir Rodney Starmer'), or the surname is shared by different people."""
    best_tokens = set(best.lower().split())
    return all(set(other.lower().split()) <= best_tokens for other in fits)


# Offices of their own, not a kind of the plain title: "the minister" is not the prime
# minister, "the president" not the vice president.
_OTHER_OFFICE = frozenset(("prime", "vice", "deputy", "shadow", "first"))


def resolve_title(title: tuple[str | None, str], mentioned: frozenset[str],
                  *rosters: Roster) -> str | None:
    """The one person mentioned in the text who holds this title, or None.

    'the US president' matches who was called 'US President …'; failing that, who was
    called plain 'President …' unless they are known as another country's president.
    An unqualified 'the president' matches anyone with that title, so it resolves only
    when the text mentions a single president; 'the minister' may also be the one health
    or defence minister it mentions.
    """
    qualifier, head = title
    if qualifier == RELATIVE:
        return None
    holders: dict[str | None, set[str]] = {}
    for roster in rosters:
        for q, names in roster.titles.get(head, {}).items():
            holders.setdefault(q, set()).update(names & mentioned)
    if qualifier is None and " " not in head:
        # "the minister" after "Health Minister Jane Okafor": the one minister there is;
        # and with a plain "minister" named too, either of them.
        for roster in rosters:
            for phrase, by_qualifier in roster.titles.items():
                if phrase.endswith(" " + head) and not _OTHER_OFFICE & set(phrase.split()):
                    for names in by_qualifier.values():
                        holders.setdefault(None, set()).update(names & mentioned)
    if qualifier is None:
        found = set().union(*holders.values())
    else:
        found = holders.get(qualifier, set())
        if not found:
            others = set().union(*(names for q, names in holders.items()
                                   if q not in (None, qualifier)))
            found = holders.get(None, set()) - others
    return next(iter(found)) if len(found) == 1 else None


def unify_names(names: Iterable[str]) -> Mapping[str, str]:
    """Across sources: each name → the fullest name among them that it is part of
    ('Healey' → 'John Healey'), when only one such fullest name exists; and one
    spelling for names that differ only in accents ('Sorensen' → 'Sørensen'), the one
    that has them."""
    spelling = _accented_spellings(set(names))
    distinct = sorted(set(spelling.values()), key=lambda n: (-len(n.split()), n))
    full: dict[str, set[str]] = {}
    for name in distinct:
        if " " in name:
            full.setdefault(_surname(name), set()).add(name)
    roster = _roster(full, [], set())
    return {name: canonical_name(spelling[name], roster) for name in spelling}


def _accented_spellings(names: set[str]) -> dict[str, str]:
    """Each name → itself with every word spelt as the most accented spelling of that
    word among the names ('Sorensen' → 'Sørensen' where 'Annika Sørensen' is one)."""
    by_letters: dict[str, list[str]] = {}
    for word in {word for name in names for word in name.split()}:
        by_letters.setdefault(_unaccented(word), []).append(word)
    spelt = {word: max(same, key=lambda w: (sum(not c.isascii() for c in w), w))
             for same in by_letters.values() for word in same}
    return {name: " ".join(spelt[word] for word in name.split()) for name in names}


# Letters that are not a base letter and an accent, spelt as English copy spells them.
_PLAIN_LETTERS = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "œ": "oe",
                                "Œ": "Oe", "ß": "ss", "ł": "l", "Ł": "L", "đ": "d",
                                "Đ": "D", "ð": "d", "þ": "th", "Þ": "Th"})


def _unaccented(name: str) -> str:
    if name.isascii():
        return name
    return "".join(c for c in unicodedata.normalize("NFKD", name.translate(_PLAIN_LETTERS))
                   if not unicodedata.combining(c))
