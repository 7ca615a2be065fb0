"""How each outlet describes the people its report names, and where outlets disagree.

Outlets describe one person differently: 'former US President Donald Trump' in one
report, 'President Donald Trump' and 'the US president' in others. A description is read
only where the text ties it to the person: a title right before the name or set beside
it ('Pete Hegseth, the new US Defence Secretary'), or a title alone ('the US president')
that the same report gives one person it names. Outlets disagree where one calls someone
a former holder of a title that another gives them as serving: a factual difference the
reader should see, whichever outlet is right.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Mapping, Sequence

from . import urls
from .mentions import (COUNTRIES, HONORIFICS, RELATIVE, Mention, age_title, is_age_title,
                       may_be_named)
from .people import Roster, age_after, canonical_name, resolve_title, unify_names

# Words saying that someone no longer holds the title ('then' says only when they held it).
FORMER_WORDS = frozenset(("former", "late", "ex", "erstwhile"))
_EDGES = " ,\u00a0\t"
_COUNTRY_CODES = frozenset(COUNTRIES.values())


@dataclass(frozen=True)
class Description:
    source: str
    outlet: str
    start: int          # text[start:end] of the source is `text`
    end: int
    text: str           # the words that describe, as written: 'former US President'
    office: str         # the title without words of time: 'president'
    qualifier: str | None  # whose title: 'us'; 'relative' for 'his counterpart'
    former: bool


# What outlets disagree on, about one person:
FORMER = "former"    # one calls them a former holder of an office another gives as serving
COUNTRY = "country"  # they give one office as different countries' ('US', 'Russian')
AGE = "age"          # they give different ages ('Ann Lee, 45,' and 'Ann Lee (46)')


@dataclass(frozen=True)
class Disagreement:
    """Outlets describing one person in ways that cannot all be true at once."""

    kind: str     # FORMER, COUNTRY or AGE
    office: str   # the office in question; for AGE, 'age'
    # Each side's descriptions: (former, serving) for FORMER; one side per country or
    # per age, in order, otherwise.
    sides: tuple[tuple[Description, ...], ...]


@dataclass(frozen=True)
class DescribedPerson:
    name: str
    key: str
    descriptions: tuple[Description, ...]   # by source, then position
    disagreements: tuple[Disagreement, ...]

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(sorted({description.outlet for description in self.descriptions}))


# (name, start, end, qualifier, office) of one description: compact, for sending between
# processes, as extraction finds these beside the quotations (quotations.extract_corpus).
Found = tuple[str, int, int, "str | None", str]


def describe_people(found: Mapping[str, Sequence[Found]], texts: Mapping[str, str],
                    outlet_of: Mapping[str, str]) -> tuple[DescribedPerson, ...]:
    """Everyone described by two or more outlets, those outlets disagree on first.
    `found`: by source stem, what `described_in` found in it."""
    fullest = unify_names(name for described in found.values() for name, *_ in described)
    by_person: dict[str, list[Description]] = defaultdict(list)
    for stem, described in found.items():
        for name, start, end, qualifier, office in described:
            by_person[fullest[name]].append(
                _description(stem, outlet_of[stem], texts[stem], start, end, qualifier, office))
    people = [_person(name, descriptions) for name, descriptions in by_person.items()
              if len({d.outlet for d in descriptions}) >= 2]
    return tuple(sorted(people, key=lambda p: (not p.disagreements, p.name)))


def described_in(text: str, mentions: Sequence[Mention], own: Roster, corpus: Roster
                 ) -> list[Found]:
    """The descriptions of people in one report, from its mentions and what its own roster
    and the corpus's establish about names and titles."""
    found = []
    named = mentioned = None
    for mention in mentions:
        age = age_after(text, mention)
        if age is not None:
            name = canonical_name(mention.name, own, corpus)
            found.append((name, *age, None, age_title(text[age[0]:age[1]])[1]))
        if mention.title is None or is_age_title(mention.title):
            continue
        if named is None:  # most reports of a large corpus describe no one: not worked out
            named = {m: canonical_name(m.name, own, corpus) for m in mentions
                     if m.kind == "name" and m.name}
            mentioned = frozenset(named.values())
        if mention.kind == "name":
            name, span = named.get(mention), _words_beside(text, mention)
        else:
            name = resolve_title(mention.title, mentioned, own, corpus)
            span = (mention.start, mention.end)
        if name and span:
            found.append((name, *span, *mention.title))
    return found


def _words_beside(text: str, mention: Mention) -> tuple[int, int] | None:
    """Where the words describing a named person are: before the name ('former US
    President Donald Trump') or after it ('Pete Hegseth, the new US Defence Secretary')."""
    written = text[mention.start:mention.end]
    at = written.find(mention.name)
    if at < 0:
        return None
    before = (mention.start, mention.start + at)
    after = (mention.start + at + len(mention.name), mention.end)
    if before[1] - before[0] >= after[1] - after[0]:
        start, end = _trimmed(text, _whose(text, before[0]), before[1])
    else:
        start, end = _trimmed(text, *after)
    words = text[start:end].split()
    while words and words[-1] in HONORIFICS:  # 'Prime Minister Sir': Sir is no description
        end = start + text[start:end].rstrip().rfind(words.pop())
        start, end = _trimmed(text, start, end)
    return (start, end) if start < end else None


def _whose(text: str, start: int, most: int = 3) -> int:
    """Where a title before a name starts with the body it belongs to: 'Coorabin Water
    chief executive', whose 'Coorabin' the title itself does not take in."""
    for _ in range(most):
        if start < 2 or text[start - 1] not in " \u00a0":
            break
        word_start = max(text.rfind(" ", 0, start - 1), text.rfind("\u00a0", 0, start - 1),
                         text.rfind("\n", 0, start - 1)) + 1
        word = text[word_start:start - 1]
        if not (word.isalpha() and may_be_named(word)) or (
                _opens_sentence(text, word_start) and not _proper(text, word)):
            break  # 'Fuming Kestrel Vale boss': a capital only as the sentence's first word
        start = word_start
    return start


def _opens_sentence(text: str, at: int) -> bool:
    before = text[:at].rstrip(" \u00a0“‘\"'")
    return not before or before[-1] in ".!?:\n"


def _proper(text: str, word: str) -> bool:
    """The report writes the word with a capital where no sentence starts (the first
    line, a headline, capitalises words of every kind)."""
    story = text.find("\n") + 1
    return any(not _opens_sentence(text, found.start())
               for found in re.finditer(rf"\b{re.escape(word)}\b", text)
               if found.start() >= story > 0)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in _EDGES or text.startswith(("’s", "'s"), start)):
        start += 2 if text.startswith(("’s", "'s"), start) else 1
    while end > start and text[end - 1] in _EDGES:
        end -= 1
    return start, end


def _description(stem: str, outlet: str, text: str, start: int, end: int,
                 qualifier: str | None, office: str) -> Description:
    words = {word.lower().strip("-") for word in text[start:end].replace("-", " - ").split()}
    return Description(stem, outlet, start, end, text[start:end], office, qualifier,
                       bool(words & FORMER_WORDS))


def is_age(description: Description) -> bool:
    return is_age_title((None, description.office))


def _person(name: str, descriptions: list[Description]) -> DescribedPerson:
    ordered = tuple(sorted(descriptions, key=lambda d: (d.source, d.start)))
    return DescribedPerson(name, urls.slugify(name), ordered, _disagreements(ordered))


def _disagreements(descriptions: Sequence[Description]) -> tuple[Disagreement, ...]:
    by_office: dict[str, list[Description]] = defaultdict(list)
    ages = []
    for description in descriptions:
        if is_age(description):
            ages.append(description)
        elif description.qualifier != RELATIVE:  # 'his counterpart': whose, not which
            by_office[description.office].append(description)
    found = []
    for office, held in sorted(by_office.items()):
        found += _former_or_serving(office, held) + _countries(office, held)
    return tuple(found + _ages(ages))


def _former_or_serving(office: str, held: list[Description]) -> list[Disagreement]:
    former = [d for d in held if d.former]
    serving = [d for d in held if not d.former
               and any(_same_office(d, f) and d.outlet != f.outlet for f in former)]
    if not serving:
        return []
    former = [f for f in former if any(_same_office(f, s) for s in serving)]
    return [Disagreement(FORMER, office, (tuple(former), tuple(serving)))]


def _countries(office: str, held: list[Description]) -> list[Disagreement]:
    """'US Defence Secretary' in one outlet, 'UK Defence Secretary' in another."""
    by_country: dict[str, list[Description]] = defaultdict(list)
    for description in held:
        if description.qualifier in _COUNTRY_CODES:
            by_country[description.qualifier].append(description)
    return _split(COUNTRY, office, by_country)


def _ages(ages: list[Description]) -> list[Disagreement]:
    by_age: dict[str, list[Description]] = defaultdict(list)
    for description in ages:
        by_age[description.office].append(description)
    return _split(AGE, AGE, by_age)


def _split(kind: str, office: str, sides: dict[str, list[Description]]) -> list[Disagreement]:
    """A disagreement where different outlets take different sides."""
    outlets = [{d.outlet for d in side} for side in sides.values()]
    if len(sides) < 2 or len(set().union(*outlets)) < 2:
        return []
    return [Disagreement(kind, office, tuple(tuple(sides[key]) for key in sorted(sides)))]


def _same_office(one: Description, other: Description) -> bool:
    """'US President' and plain 'President' may be one office; 'US' and 'Russian' not."""
    return None in (one.qualifier, other.qualifier) or one.qualifier == other.qualifier
