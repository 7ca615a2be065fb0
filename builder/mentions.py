"""Where an article mentions people: names, titles and pronouns, with their spans.

Attribution needs every mention in thousands of articles, so this reads an article in a
few fast passes instead of trying a large pattern at every character: runs of
capitalised words (names), the few title words found by plain substring search ("the
US president", "his defence secretary"), and the pronouns he, she and him. What decides
whether a mention is a person is left to the roster (builder.people).
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .text import lower_in_place

# Latin, Greek and Cyrillic capitals: names in European news copy start with one.
_UPPER = "".join(sorted({chr(c) for c in range(0x41, 0x530) if chr(c).isupper()}))
_SP = r"[^\S\n]"  # a space that is not a line break: names never run over one

# Honorifics and titles American copy abbreviates with a full stop: "Mr. Reyes",
# "Sen. Tom Reyes", "Gov. Ellen Marsh". The stop ends neither a name nor a sentence.
ABBREVIATED = ("Mr", "Mrs", "Ms", "Dr", "Prof", "Rev", "Sen", "Rep", "Gov", "Gen", "Lt",
               "Col", "Capt", "Sgt", "Cllr", "Cr")
HONORIFICS = frozenset((
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Sir", "Dame", "Lord", "Lady", "Baroness",
    "Baron", "Prof", "Professor", "Rev", "Cllr", "Cr")
    + tuple(f"{word}." for word in ABBREVIATED))
# Letters after a name, which are not part of it: "Rosalind Okonjo-Barr KC".
POSTNOMINALS = ("KC", "QC", "MP", "MEP", "MSP", "TD", "OBE", "CBE", "MBE", "KBE", "DBE",
                "Jr", "Sr", "PhD")
# What an honorific or a title says of who holds it, for "he" and "she".
MALE, FEMALE = "male", "female"
GENDERED = {
    "Mr": MALE, "Mr.": MALE, "Sir": MALE, "Lord": MALE, "Baron": MALE,
    "Mrs": FEMALE, "Mrs.": FEMALE, "Ms": FEMALE, "Ms.": FEMALE, "Miss": FEMALE,
    "Dame": FEMALE, "Lady": FEMALE, "Baroness": FEMALE,
    "spokesman": MALE, "congressman": MALE, "chairman": MALE, "king": MALE, "prince": MALE,
    "spokeswoman": FEMALE, "congresswoman": FEMALE, "chairwoman": FEMALE, "queen": FEMALE,
    "princess": FEMALE,
    # Descriptors (DESCRIPTORS, below).
    **dict.fromkeys(("Grandad", "Granddad", "Grandpa", "Grandfather", "Dad", "Father",
                     "Widower", "Businessman"), MALE),
    **dict.fromkeys(("Grandma", "Granny", "Gran", "Nan", "Nana", "Grandmother", "Mum",
                     "Mom", "Mother", "Widow", "Businesswoman", "Landlady", "Actress",
                     "Sister"), FEMALE),
}
# Words that describe a person, written before the name with a capital as a title is
# ('Grandad Dennis Pollard', 'Pensioner Jo Bell', 'Mum-of-two Amy Hart'): not part of it.
DESCRIPTORS = frozenset("""
Grandad Granddad Grandpa Grandfather Grandma Granny Gran Nan Nana Grandmother Mum Mom
Dad Mother Father Widow Widower Sister Pensioner Student Nurse Teacher Headteacher
Driver Farmer Shopkeeper Businessman Businesswoman Campaigner Activist Volunteer Resident
Patient Paramedic Midwife Carer Builder Landlord Landlady Owner Survivor Veteran Worker
Engineer Scientist Researcher Economist Lawyer Solicitor Barrister Author Writer Singer
Actor Actress Comedian Presenter Chef Entrepreneur Sergeant Constable Firefighter
Soldier Pilot
""".split())
_PARENT_OF = re.compile(r"([A-Z][a-z]+)-of-[a-z]+$")  # 'Mum-of-two', 'Father-of-three'


def is_descriptor(word: str) -> bool:
    return word in DESCRIPTORS or (
        (parent := _PARENT_OF.match(word)) is not None and parent.group(1) in DESCRIPTORS)


def gender_of(word: str) -> str | None:
    """What an honorific, title or descriptor says of who it is ('Ms', 'spokesman',
    'Mum-of-two')."""
    parent = _PARENT_OF.match(word)
    if parent is not None:
        word = parent.group(1)
    return GENDERED.get(word) or GENDERED.get(word.lower())


# Capitalised words that start sentences or stand before names but are not names.
_NOT_NAMES = frozenset("""
The A An And But Or Nor So Yet If When While Whilst As At In On Of For From To With By
After Before During Since Until Despite Although Though Because It Its This That These
Those There Here He She They We I You His Her Their Our My Your Him Them Us Asked
Speaking Responding Pointing According Following However Meanwhile Both Neither Either
Each Every All Some Many Most No Not What Who Why How Where Which Also Then Now Today
Yesterday Last Next One Two Monday Tuesday Wednesday Thursday Friday Saturday Sunday
January February March April May June July August September October November December
Read Support Former New Later Earlier Afterwards Again Still Instead Separately Finally
Once Soon Indeed Even Only Just Recently Previously Elsewhere Outside Inside Under Over
Among Amid Against Without Within Across Through Like Unlike Besides Thus Therefore
Otherwise Perhaps Yes Tonight Overnight Moments Minutes Hours Days Weeks Months Years
Shortly Eventually Initially Originally Ultimately Nonetheless Nevertheless Similarly
Likewise Moreover Furthermore Addressing Challenged Pressed Questioned
""".split()) | frozenset(POSTNOMINALS)
DETERMINERS = frozenset(("the", "his", "her", "their", "its", "our"))
RELATIVE_DETERMINERS = frozenset(("his", "her", "their", "its", "our"))
# Modifiers that say when someone held a title, not which title it is.
TIME_MODIFIERS = frozenset((
    "former", "new", "then", "outgoing", "incoming", "acting", "interim", "current",
    "late", "newly", "ex"))
TITLE_MODIFIERS = TIME_MODIFIERS | frozenset((
    "defence", "defense", "foreign", "home", "prime", "deputy", "vice", "shadow",
    "cabinet", "health", "finance", "justice", "interior", "trade", "culture",
    "education", "energy", "environment", "transport", "business", "economy",
    "opposition", "party", "conservative", "labour", "tory", "liberal", "democratic",
    "republican", "democrat", "democrats", "first", "chief", "junior", "senior", "armed",
    "forces", "veterans", "security", "treasury", "press", "state", "political",
    "economics", "diplomatic", "international", "regional", "water"))
TITLE_HEADS = (
    "president", "minister", "secretary", "chancellor", "counterpart", "leader",
    "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "mayor",
    "governor", "senator", "premier", "king", "queen", "prince", "princess", "pope",
    "treasurer", "councillor", "councilor", "editor", "correspondent", "chairman",
    "chairwoman", "director", "commissioner", "congressman", "congresswoman", "adviser",
    "advisor", "commander", "admiral", "judge", "prosecutor", "captain", "skipper",
    "coach", "manager", "detective", "inspector", "executive", "boss", "chief",
    "striker", "midfielder", "defender", "goalkeeper", "winger", "referee", "pundit",
    "professor")
_TITLE_WORDS = TITLE_MODIFIERS | frozenset(TITLE_HEADS)
# Demonyms mean the same as the country's name in a title: "Ukrainian President".
COUNTRIES = {
    "us": "us", "u.s.": "us", "american": "us", "america": "us", "uk": "uk",
    "british": "uk", "britain": "uk", "eu": "eu", "european": "eu", "europe": "eu",
    "un": "un", "ukrainian": "ukraine", "russian": "russia", "norwegian": "norway",
    "french": "france", "german": "germany", "chinese": "china", "polish": "poland",
    "italian": "italy", "spanish": "spain", "canadian": "canada", "australian": "australia",
    "japanese": "japan", "indian": "india", "iranian": "iran", "israeli": "israel",
    "turkish": "turkey", "swedish": "sweden", "finnish": "finland", "danish": "denmark",
    "dutch": "netherlands", "belgian": "belgium", "irish": "ireland",
    "scottish": "scotland", "welsh": "wales", "saudi": "saudi arabia",
}
RELATIVE = "relative"  # "his defence secretary": someone's, not the reader's

_CAPITALISED = rf"(?:(?:{'|'.join(ABBREVIATED)})\.|[{re.escape(_UPPER)}][\w\-’']*)"
# The lookahead lets the search skip to the next capital instead of trying every
# abbreviation at every position: a tenth of the corpus's reading time.
_RUN = re.compile(
    rf"(?=[{re.escape(_UPPER)}]){_CAPITALISED}(?:{_SP}+(?:(?:de|da|van|von|der|den|bin|al|"
    rf"la|le|du|del|di|dos|das|ter|ten){_SP}+){{0,2}}{_CAPITALISED})*")
_SPACE = re.compile(r"\s")
_PRONOUN = re.compile(r"[HhSs]h?[ei]m?\b")
_PRONOUNS = frozenset(("he", "she", "him", "He", "She", "Him"))
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ian|ean|ish|ese|ch|an|i)$")


class Mention(NamedTuple):
    start: int
    end: int
    kind: str                                   # "name" | "title" | "pronoun"
    name: str | None                            # as written, without honorific or title
    title: tuple[str | None, str] | None        # (qualifier, title): ("us", "president")
    possessive: bool                            # "Mr Trump’s assertion"
    honoured: bool                              # an honorific or title stands before it


class _Title(NamedTuple):
    start: int
    end: int
    title: tuple[str | None, str]
    determiner: str | None


def find_mentions(text: str) -> tuple[Mention, ...]:
    runs = [(m.start(), m.end()) for m in _RUN.finditer(text)]
    titles = _titles(text)
    mentions = _named(text, runs, titles)
    mentions.extend(_pronouns(text))
    mentions.extend(_ages(text))
    mentions.sort()
    return tuple(_with_appositions(text, mentions))


# --- titles -----------------------------------------------------------------------------

# 'chief' heads 'Police chief Tom Barr' but only modifies 'chief executive'.
# The first-letter lookahead lets the search skip most positions at once.
_HEAD = re.compile(r"\b(?=[" + "".join(sorted({head[0] for head in TITLE_HEADS})) + r"])(?:"
                   + "|".join(sorted(TITLE_HEADS, key=len, reverse=True)) + r")\b")
_HEAD_NEXT = re.compile(r"[^\S\n]+(?:" + "|".join(TITLE_HEADS) + r")\b")


def _titles(text: str) -> list[_Title]:
    lower = lower_in_place(text)
    found = []
    for match in _HEAD.finditer(lower):  # one pass in C for every head
        head, end = match.group(), match.end()
        if not (head in TITLE_MODIFIERS and _HEAD_NEXT.match(lower, end)):
            found.append(_title_at(text, lower, match.start(), end))
    found.sort()
    return found


def _title_at(text: str, lower: str, head_start: int, head_end: int) -> _Title:
    head = lower[head_start:head_end]
    if lower.startswith(" of state", head_end):
        head_end += len(" of state")
        head += " of state"
    if lower.startswith("-elect", head_end):  # 'president-elect': not the office yet
        head_end += len("-elect")
        head += "-elect"
    modifiers: list[str] = []
    start = head_start
    if (joined := _joined_before(lower, head_start)) is not None:
        start, prefix = joined  # 'ex-president', 'vice-president'
        modifiers.append(prefix)
    words = _words_before(text, start)
    qualifier = determiner = None
    while words and words[-1][0].lower() in TITLE_MODIFIERS:
        word, start = words.pop()
        modifiers.insert(0, word.lower())
    if words and _qualifier(words[-1][0]) is not None:
        word, start = words.pop()
        qualifier = _qualifier(word)
        while words and words[-1][0].lower() in TIME_MODIFIERS:
            start = words.pop()[1]
    elif organisation := _organisation(words):
        qualifier, start = organisation
    if words and words[-1][0].lower() in DETERMINERS:
        word, start = words.pop()
        determiner = word.lower()
    phrase = " ".join([m for m in modifiers if m not in TIME_MODIFIERS] + [head])
    if determiner in RELATIVE_DETERMINERS:
        qualifier = RELATIVE
    return _Title(start, head_end, (qualifier, phrase), determiner)


def _joined_before(lower: str, head_start: int) -> tuple[int, str] | None:
    """A word joined to the title by a hyphen ('ex-', 'then-', 'vice-'): where it
    starts, and the word."""
    if head_start < 2 or lower[head_start - 1] != "-":
        return None
    start = head_start - 1
    while start > 0 and lower[start - 1].isalpha():
        start -= 1
    return (start, lower[start:head_start - 1]) if start < head_start - 1 else None


def _organisation(words: list[tuple[str, int]]) -> tuple[str, int] | None:
    """'the Kremlin spokesman', 'a White House spokesman': up to three capitalised words
    naming whose the title is, taken (off `words`) only when a determiner stands before
    them, as one before a name never does."""
    count = 0
    while (count < min(3, len(words) - 1) and words[-1 - count][0][:1].isupper()
           and words[-1 - count][0].isalpha()
           and words[-1 - count][0].lower() not in DETERMINERS):
        count += 1
    if not count or words[-1 - count][0].lower() not in DETERMINERS:
        return None
    taken = [words.pop() for _ in range(count)][::-1]
    return " ".join(word.lower() for word, _ in taken), taken[0][1]


def _words_before(text: str, position: int, count: int = 5) -> list[tuple[str, int]]:
    """Up to `count` words before `position` on its line, each with where it starts."""
    line_start = text.rfind("\n", 0, position) + 1
    window_start = max(line_start, position - 60)
    words = []
    end = position
    for word in reversed(text[window_start:position].split(" ")[:-1]):
        start = end - len(word) - 1
        opens_aside = word.startswith("(")
        if opens_aside:  # "(Russian President": the aside starts here
            word, start = word[1:], start + 1
        if not word or not _is_word(word):
            break
        words.append((word, start))
        end = start
        if len(words) == count or opens_aside:
            break
    words.reverse()
    return words


def _is_word(word: str) -> bool:
    return word.replace("’", "").replace("'", "").replace(".", "").replace("-", "").isalpha()


def _qualifier(word: str) -> str | None:
    bare = word
    for ending in ("’s", "'s"):
        if bare.endswith(ending):
            bare = bare[:-2]
            break
    if bare.lower() in COUNTRIES and (bare[0].isupper()):
        return COUNTRIES[bare.lower()]
    if bare != word and bare[:1].isupper():
        return bare.lower()  # "Russia’s foreign minister"
    if _DEMONYM.match(bare):
        return bare.lower()
    return None


# --- names ------------------------------------------------------------------------------

def _named(text: str, runs: list[tuple[int, int]], titles: list[_Title]) -> list[Mention]:
    """Names from the capitalised runs; a title right before a name is that name's."""
    mentions: list[Mention] = []
    title_at_end = {t.end: t for t in titles}
    covered = _coverage(titles)
    used_titles: set[int] = set()
    for run_start, run_end in runs:
        word = text[run_start:run_end]
        if not _SPACE.search(word):
            # Most runs are one word (a sentence opener, a place, a surname): kept short.
            if _not_a_name(word) or (covered and _inside(run_start, covered)):
                continue
            name, possessive = _bare(word)
            title = (_title_before(text, run_start, title_at_end)
                     if title_at_end and text[run_end:run_end + 1] != ")" else None)
            if title is not None:
                used_titles.add(title.start)
                mentions.append(Mention(title.start, run_end, "name", name, title.title,
                                        possessive, True))
            elif name:
                mentions.append(Mention(run_start, run_end, "name", name, None, possessive,
                                        False))
            continue
        for first, start, end, honoured in _name_spans(text, run_start, run_end, covered):
            # "(Russian President Vladimir) Putin": a name cut by a bracket is not whole.
            cut = text[end:end + 1] == ")"
            title = None if cut else _title_before(text, first, title_at_end)
            name, possessive = _bare(text[start:end])
            if not name:
                continue
            if title is not None:
                used_titles.add(title.start)
                mentions.append(Mention(title.start, end, "name", name, title.title,
                                        possessive, True))
            else:
                mentions.append(Mention(first, end, "name", name, None, possessive, honoured))
    for title in titles:
        if title.start not in used_titles and title.determiner is not None:
            mentions.append(Mention(title.start, title.end, "title", None, title.title,
                                    text[title.end:title.end + 2] in ("’s", "'s"), True))
    return mentions


def _coverage(titles: list[_Title]) -> list[tuple[int, int]]:
    return [(t.start, t.end) for t in titles]


def _name_spans(text: str, run_start: int, run_end: int, covered):
    """The names inside one capitalised run: stretches of words that are not titles,
    honorifics or sentence openers. Yields (mention start, name start, end, honoured);
    the mention starts at an honorific right before the name ('Mr Healey')."""
    position = run_start
    name_start = honorific = None
    honoured = False
    last_end = run_start
    for word in text[run_start:run_end].split():
        start = text.find(word, position)
        end = start + len(word)
        position = end
        # A descriptor only opens a run and stands before a name: 'Adam Driver' is one.
        is_honorific = word in HONORIFICS or (
            start == run_start and end < run_end and is_descriptor(word))
        if is_honorific or _not_a_name(word) or _inside(start, covered):
            if name_start is not None:
                yield (honorific if honorific is not None else name_start), name_start, \
                    last_end, honoured
                name_start = None
            honorific = start if is_honorific else None
            honoured = is_honorific or _inside(start, covered)
            continue
        if name_start is None:
            name_start = start
        last_end = end
        if end < run_end and word.endswith(("’s", "'s")):
            # "Unison's Siobhan Kerr": whose she is, not part of her name.
            yield (honorific if honorific is not None else name_start), name_start, end, \
                honoured
            name_start = honorific = None
            honoured = False
    if name_start is not None:
        yield (honorific if honorific is not None else name_start), name_start, last_end, \
            honoured


def may_be_named(word: str) -> bool:
    """A capitalised word that may be (part of) a name: not a sentence opener, honorific,
    title word or the like ('Coorabin' may; 'Meanwhile', 'Tuesday', 'Mr' may not)."""
    return word[:1].isupper() and not _not_a_name(word)


def _not_a_name(word: str) -> bool:
    if "’" in word or "'" in word:
        word = word.split("’")[0].split("'")[0]
    return (word in _NOT_NAMES or word in HONORIFICS or word.lower() in _TITLE_WORDS
            or "-" in word and _titled_compound(word))


def _titled_compound(word: str) -> bool:
    """'Ex-President', 'Then-Minister', 'President-Elect': a title, not a name."""
    return all(part in _TITLE_WORDS or part == "elect" for part in word.lower().split("-"))


def _inside(position: int, spans) -> bool:
    for start, end in spans:
        if start <= position < end:
            return True
    return False


def _title_before(text: str, start: int, title_at_end: dict[int, _Title]) -> _Title | None:
    """The title just before a name or its honorific ('US President Donald Trump',
    'Prime Minister Sir Keir Starmer')."""
    gap_start = start
    while gap_start > 0 and text[gap_start - 1] in " \u00a0\t":
        gap_start -= 1
    return title_at_end.get(gap_start) if gap_start < start else None


def _bare(name: str) -> tuple[str, bool]:
    """The name without possessive or trailing quote mark, and whether it was possessive."""
    if "’" not in name and "'" not in name and " " not in name:
        return name, False
    name = " ".join(name.split())
    for ending in ("’s", "'s"):
        if name.endswith(ending):
            return name[:-2], True
    if name.endswith(("’", "'")):
        return name[:-1], name[-2:-1] == "s"
    return name, False


# 'the 45-year-old said': a description that stands for whoever the corpus gives that age.
AGE_DESCRIPTION = re.compile(
    r"\b[Tt]he[^\S\n]+(\d{1,3})-year-old(?:[^\S\n]+(?:man|woman|mother|father|"
    r"grandmother|grandfather))?\b(?![-\w])")


def age_title(age: str) -> tuple[None, str]:
    return None, f"{int(age)}-year-old"


def is_age_title(title: tuple[str | None, str]) -> bool:
    return title[1].endswith("-year-old")


def _ages(text: str) -> list[Mention]:
    if "-year-old" not in text:  # most articles: no need to look for 'the' everywhere
        return []
    return [Mention(m.start(), m.end(), "title", None, age_title(m.group(1)), False, False)
            for m in AGE_DESCRIPTION.finditer(text)]


def _pronouns(text: str) -> list[Mention]:
    found = []
    for match in _PRONOUN.finditer(text):
        word = match.group()
        start = match.start()
        if word in _PRONOUNS and (start == 0 or not text[start - 1].isalnum()):
            found.append(Mention(start, match.end(), "pronoun", None, None, False, False))
    return found


_APPOSITION_ENDS = frozenset((",", ".", ";", ":", "!", "?", "\n", ""))


def _with_appositions(text: str, mentions: list[Mention]):
    """'Pete Hegseth, the new US Defence Secretary,' and 'His defence secretary, Pete
    Hegseth,': the title and the name are one mention."""
    merged: list[Mention] = []
    for mention in mentions:
        previous = merged[-1] if merged else None
        if previous is not None and _apposed(text, previous, mention):
            named, titled = (previous, mention) if previous.kind == "name" else (mention, previous)
            merged[-1] = Mention(previous.start, mention.end, "name", named.name,
                                 titled.title, named.possessive, True)
            continue
        merged.append(mention)
    return merged


def _apposed(text: str, first: Mention, second: Mention) -> bool:
    kinds = {first.kind, second.kind}
    if kinds != {"name", "title"} or text[first.end:second.start].strip() != ",":
        return False
    named = first if first.kind == "name" else second
    # Closed by a comma, or by the end of the clause: '…,” said the mayor, Jane Smith.'
    return named.title is None and text[second.end:second.end + 1] in _APPOSITION_ENDS
