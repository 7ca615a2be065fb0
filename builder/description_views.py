"""How outlets describe people, made ready for three kinds of page: the people page (each
person, every outlet's words), an outlet's page (its words against the others', where they
disagree) and a claim's page (a note on each person it concerns whom outlets disagree on).
Every description is linked to where its report says it."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

from . import urls
from .descriptions import (AGE, FORMER, DescribedPerson, Description, Disagreement,
                           is_age)
from .analysis import Named
from .model import Content
from .views import Link

PEOPLE_PATH = "consistency/people/"
PEOPLE_DATA_PATH = "data/people.json"


@dataclass(frozen=True)
class OutletWords:
    outlet: Link
    words: tuple[Link, ...]   # each distinct description, linked to its first spot


@dataclass(frozen=True)
class PersonView:
    name: str
    anchor: str
    disagreements: tuple[str, ...]   # each told as a sentence
    outlets: tuple[OutletWords, ...]


@dataclass(frozen=True)
class DisagreementNote:
    """What a claim's page tells of how outlets describe someone it concerns (who made
    the claim, or whom it names): the disagreements, and where the people page has the rest."""
    name: str
    disagreements: tuple[str, ...]
    url: str
    anchor: str     # its heading's id on the claim's page
    why: str = ""   # why the note is there, where it is not the claimant: 'The claim names …'


def claim_notes(claims, people: tuple[PersonView, ...], base_path: str,
                named: Mapping[str, Named] = {}) -> dict[str, tuple[DisagreementNote, ...]]:
    """By claim id, a note on each person it concerns whom outlets describe in ways that
    disagree: its claimant, then those the claim names, then those its quoted passages
    name (`named`: by claim id); each person once."""
    disputed = {same_person_key(person.name): person for person in people
                if person.disagreements}
    notes = {}
    for claim in claims:
        found = named.get(claim.id, Named((), ()))
        whys = {same_person_key(found.claimant or claim.claimant): ""}
        for names, why in ((found.in_claim, "The claim names {}."),
                           (found.in_passages, "The passages it quotes name {}.")):
            for name in names:
                whys.setdefault(same_person_key(name), why)
        notes[claim.id] = tuple(_note(disputed[key], base_path, why.format(disputed[key].name))
                                for key, why in whys.items() if key in disputed)
    return notes


def _note(person: PersonView, base_path: str, why: str) -> DisagreementNote:
    return DisagreementNote(person.name, person.disagreements,
                            f"{base_path}{PEOPLE_PATH}#{person.anchor}",
                            f"described-{person.anchor}", why)


def same_person_key(name: str) -> str:
    """'Donald  Trump' as an editor may type a claimant, and 'donald trump', alike."""
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class _Linker:
    """Links to an outlet's page and to the exact words of a description in its report."""
    base_path: str
    outlet_names: Mapping[str, str]
    texts: Mapping[str, str]

    @classmethod
    def of(cls, content: Content, base_path: str) -> "_Linker":
        return cls(base_path, {outlet.id: outlet.name for outlet in content.config.outlets},
                   {source.stem: source.text for source in content.sources})

    def outlet(self, outlet_id: str) -> Link:
        return Link(self.base_path + urls.outlet(outlet_id),
                    self.outlet_names.get(outlet_id, outlet_id))

    def spot(self, description: Description, exact: bool = False) -> Link:
        """`exact`: shown as the report's words, for quoting ('45', not 'aged 45')."""
        shown = (f"aged {description.text}" if is_age(description) and not exact
                 else description.text)
        fragment = urls.text_fragment(self.texts[description.source], description.start,
                                      description.end)
        return Link(f"{self.base_path}{urls.source(description.source)}#{fragment}", shown)


def people_views(content: Content, people: tuple[DescribedPerson, ...], base_path: str
                 ) -> tuple[PersonView, ...]:
    linker = _Linker.of(content, base_path)
    anchors = unique_anchors([person.key for person in people])
    return tuple(PersonView(person.name, anchor,
                            tuple(_told(person.name, d, linker.outlet_names)
                                  for d in person.disagreements),
                            _by_outlet(person.outlets, person.descriptions, linker))
                 for person, anchor in zip(people, anchors))


def unique_anchors(keys: list[str]) -> list[str]:
    """Each key made unique on the page: 'Zoë Ball' and 'Zoe Ball' both slug to one."""
    taken: set[str] = set()
    return [urls.unique(key or "person", taken) for key in keys]


def _by_outlet(outlets: Sequence[str], descriptions: Sequence[Description], linker: _Linker,
               exact: bool = False) -> tuple[OutletWords, ...]:
    """Each outlet's distinct words among the descriptions, linked to their first spot."""
    return tuple(OutletWords(linker.outlet(outlet_id),
                             _words([d for d in descriptions if d.outlet == outlet_id], linker,
                                    exact))
                 for outlet_id in outlets)


def _words(descriptions: Sequence[Description], linker: _Linker, exact: bool = False
           ) -> tuple[Link, ...]:
    seen: dict[str, Description] = {}
    for description in descriptions:
        seen.setdefault(" ".join(description.text.lower().split()), description)
    return tuple(linker.spot(d, exact) for d in seen.values())


def _told(name: str, disagreement: Disagreement, outlet_names: dict[str, str]) -> str:
    """The disagreement in a sentence, each side with its outlets and their words."""
    def said(descriptions) -> tuple[str, bool]:
        by_outlet: dict[str, dict[str, str]] = {}
        for d in descriptions:
            words = by_outlet.setdefault(outlet_names.get(d.outlet, d.outlet), {})
            words.setdefault(" ".join(d.text.lower().split()), d.text)
        told = _listed([f"{outlet} (“{'”, “'.join(words.values())}”)"
                        for outlet, words in sorted(by_outlet.items())])
        return told, len(by_outlet) == 1

    office, sides = disagreement.office, disagreement.sides
    if disagreement.kind == FORMER:
        (former, one_former), (serving, one_serving) = said(sides[0]), said(sides[1])
        return (f"{former} call{'s' if one_former else ''} {name} a former {office}; "
                f"{serving} describe{'s' if one_serving else ''} {name} as the serving "
                f"{office}.")
    told = "; ".join(said(side)[0] for side in sides)
    if disagreement.kind == AGE:
        apart = _year_apart(disagreement)
        return f"Outlets give {name} different ages: {told}.{' ' + apart if apart else ''}"
    return f"Outlets give {name}’s office of {office} as different countries’: {told}."


def _year_apart(disagreement: Disagreement) -> str:
    """Ages a year apart may both be right: what a reader should weigh before the outlets'."""
    if disagreement.kind != AGE:
        return ""
    years = sorted(int(side[0].text) for side in disagreement.sides)
    return ("A year apart: a birthday between the reports could explain it."
            if years[-1] - years[0] == 1 else "")


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


@dataclass(frozen=True)
class Stance:
    """Other outlets taking one side of a disagreement, each with its words."""
    told: str                         # 'Three other outlets describe Donald Trump as …'
    outlets: tuple[OutletWords, ...]


@dataclass(frozen=True)
class OutletStand:
    """One disagreement about a person, as one outlet stands in it."""
    told: str                    # 'It calls Donald Trump a former president'
    words: tuple[Link, ...]      # its words, each linked to where its report has them
    others: tuple[Stance, ...]   # what the other outlets say, those against it first
    aside: str = ""              # what may reconcile the sides: 'A year apart: …'


@dataclass(frozen=True)
class DisputedPerson:
    name: str
    url: str                         # their entry on the people page
    stands: tuple[OutletStand, ...]  # one a disagreement about them


@dataclass(frozen=True)
class OutletDescriptions:
    """What an outlet's page tells of how it describes the people other outlets describe
    too: where they disagree, its words against theirs; the rest only named."""
    disputed: tuple[DisputedPerson, ...]
    undisputed: tuple[Link, ...]   # people it describes in no way another outlet contradicts
    people_page: str


def outlet_descriptions(content: Content, people: tuple[DescribedPerson, ...],
                        views: tuple[PersonView, ...], base_path: str
                        ) -> dict[str, OutletDescriptions]:
    """By outlet id, every outlet's record; none where no one is described by two outlets
    (there is no people page to compare with)."""
    if not people:
        return {}
    linker = _Linker.of(content, base_path)
    disputed: dict[str, list[DisputedPerson]] = {o.id: [] for o in content.config.outlets}
    undisputed: dict[str, list[Link]] = {o.id: [] for o in content.config.outlets}
    for person, view in zip(people, views):
        url = f"{base_path}{PEOPLE_PATH}#{view.anchor}"
        for outlet_id in person.outlets:
            if person.disagreements:
                disputed.setdefault(outlet_id, []).append(DisputedPerson(
                    person.name, url, tuple(_stand(person, d, outlet_id, linker)
                                            for d in person.disagreements)))
            else:
                undisputed.setdefault(outlet_id, []).append(Link(url, person.name))
    return {outlet_id: OutletDescriptions(tuple(disputed[outlet_id]),
                                          tuple(undisputed.get(outlet_id, ())),
                                          base_path + PEOPLE_PATH)
            for outlet_id in disputed}


def _stand(person: DescribedPerson, disagreement: Disagreement, outlet_id: str,
           linker: _Linker) -> OutletStand:
    sides = disagreement.sides
    mine = [i for i, side in enumerate(sides) if any(d.outlet == outlet_id for d in side)]
    if mine:
        told = "It " + ", and also ".join(_says(disagreement, i, person.name, one=True)
                                          for i in mine)
        words = [d for i in mine for d in sides[i] if d.outlet == outlet_id]
    else:
        told = f"It takes no side on {_question(disagreement, person.name)}"
        words = [d for d in person.descriptions if d.outlet == outlet_id]
    others = []
    for i in sorted(range(len(sides)), key=lambda i: i in mine):  # those against it first
        theirs = [d for d in sides[i] if d.outlet != outlet_id]
        outlets = sorted({d.outlet for d in theirs},
                         key=lambda o: (linker.outlet(o).text, o))
        if outlets:
            says = _says(disagreement, i, person.name, one=len(outlets) == 1)
            others.append(Stance(
                f"{_other_outlets(len(outlets))} {'also ' if i in mine else ''}{says}",
                _by_outlet(outlets, theirs, linker, exact=True)))
    return OutletStand(told, _words(words, linker, exact=True), tuple(others),
                       _year_apart(disagreement))


def _says(disagreement: Disagreement, side: int, name: str, one: bool) -> str:
    """What outlets on one side say of the person: 'call Donald Trump a former president'
    ('calls', for one outlet)."""
    s = "s" if one else ""
    office, first = disagreement.office, disagreement.sides[side][0]
    if disagreement.kind == FORMER:
        return (f"call{s} {name} a former {office}" if side == 0
                else f"describe{s} {name} as the serving {office}")
    if disagreement.kind == AGE:
        return f"give{s} {name}’s age as {first.text}"
    return f"give{s} {name}’s office of {office} as {_country(first.qualifier)}’s"


def _question(disagreement: Disagreement, name: str) -> str:
    if disagreement.kind == FORMER:
        return f"whether {name} is a former {disagreement.office}"
    if disagreement.kind == AGE:
        return f"{name}’s age"
    return f"whose office of {disagreement.office} {name} holds"


def _country(code: str | None) -> str:
    """'us' → 'the US', 'russia' → 'Russia': a country code as a sentence names it."""
    code = code or ""
    return f"the {code.upper()}" if len(code) <= 2 else code.title()


_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten")


def _other_outlets(count: int) -> str:
    number = _NUMBERS[count] if count < len(_NUMBERS) else str(count)
    return f"{number.capitalize()} other outlet{'s' if count != 1 else ''}"


def people_document(people: tuple[DescribedPerson, ...]) -> dict:
    """/data/people.json: each person two or more outlets describe, with exact spans."""
    def spans(descriptions) -> list[dict]:
        return [{"source": d.source, "outlet": d.outlet, "text": d.text, "start": d.start,
                 "end": d.end, "office": d.office, "former": d.former} for d in descriptions]

    return {"people": [{
        "name": person.name, "descriptions": spans(person.descriptions),
        "disagreements": [{"kind": d.kind, "office": d.office,
                           "sides": [spans(side) for side in d.sides]}
                          for d in person.disagreements],
    } for person in people]}
