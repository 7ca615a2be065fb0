"""What the people page shows: how each outlet describes each person, told in words,
with every description linked to where its report says it."""
from __future__ import annotations

from dataclasses import dataclass

from . import urls
from .descriptions import (AGE, FORMER, DescribedPerson, Description, Disagreement,
                           is_age)
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
    """What a page about one person's words (a claim of theirs) tells of how outlets
    describe them: the disagreements, and where the people page has the rest."""
    name: str
    disagreements: tuple[str, ...]
    url: str


def claimant_notes(people: tuple[PersonView, ...], base_path: str) -> dict:
    """By same_person_key of a claimant: the note a claim of theirs shows (else none)."""
    return {same_person_key(person.name): DisagreementNote(
                person.name, person.disagreements, f"{base_path}{PEOPLE_PATH}#{person.anchor}")
            for person in people if person.disagreements}


def same_person_key(name: str) -> str:
    """'Donald  Trump' as an editor may type a claimant, and 'donald trump', alike."""
    return " ".join(name.split()).casefold()


def people_views(content: Content, people: tuple[DescribedPerson, ...], base_path: str
                 ) -> tuple[PersonView, ...]:
    outlet_names = {outlet.id: outlet.name for outlet in content.config.outlets}
    texts = {source.stem: source.text for source in content.sources}

    def outlet(outlet_id: str) -> Link:
        return Link(base_path + urls.outlet(outlet_id), outlet_names.get(outlet_id, outlet_id))

    def spot(description: Description) -> Link:
        shown = f"aged {description.text}" if is_age(description) else description.text
        fragment = urls.text_fragment(texts[description.source], description.start,
                                      description.end)
        return Link(f"{base_path}{urls.source(description.source)}#{fragment}", shown)

    anchors = unique_anchors([person.key for person in people])
    return tuple(PersonView(person.name, anchor,
                            tuple(_told(person.name, d, outlet_names)
                                  for d in person.disagreements),
                            _by_outlet(person, outlet, spot))
                 for person, anchor in zip(people, anchors))


def unique_anchors(keys: list[str]) -> list[str]:
    """Each key made unique on the page: 'Zoë Ball' and 'Zoe Ball' both slug to one."""
    taken: set[str] = set()
    return [urls.unique(key or "person", taken) for key in keys]


def _by_outlet(person: DescribedPerson, outlet, spot) -> tuple[OutletWords, ...]:
    rows = []
    for outlet_id in person.outlets:
        seen: dict[str, Description] = {}
        for description in person.descriptions:
            if description.outlet == outlet_id:
                seen.setdefault(" ".join(description.text.lower().split()), description)
        rows.append(OutletWords(outlet(outlet_id), tuple(spot(d) for d in seen.values())))
    return tuple(rows)


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
        years = sorted(int(side[0].text) for side in sides)
        apart = (" A year apart: a birthday between the reports could explain it."
                 if years[-1] - years[0] == 1 else "")
        return f"Outlets give {name} different ages: {told}.{apart}"
    return f"Outlets give {name}’s office of {office} as different countries’: {told}."


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


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
