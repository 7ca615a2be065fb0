"""content/consistency.yml → SetApart: an editor's word that a quotation the analysis
grouped is not the same utterance (said on another occasion, say), which no reading of
the words alone can know; and the groups once those quotations are set apart. The file
is optional.

    set_apart:
      - group: and-this-time-when-our-partnership-b92cae   # its id, the anchor on /consistency/
        source: 003_23741e95d5d05c55                        # the seed whose quotation is apart
        reason: Said in Brussels a week earlier, not in Norway.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import replace
from typing import Mapping, Sequence

from .consistency import (Passage, PassagePair, QuoteGroup, SetApartQuotation, agreed_speaker,
                          divergence_order, group_figures, most_divergent, relinked)
from .diffing import word_keys
from .errors import Position, Problem, error, warning
from .paths import OUTSIDE, leads_outside
from .model import SetApart
from .schema import Field, closest, read_record
from .yamlfile import load_yaml

FILE_NAME = "consistency.yml"
FILE_FIELDS = [Field("set_apart", "list")]
ENTRY_FIELDS = [Field("group", "text", True), Field("source", "text", True),
                Field("reason", "text", True)]


def load_set_apart(content_dir: str, shown_dir: str) -> tuple[tuple[SetApart, ...], list[Problem]]:
    path = os.path.join(content_dir, FILE_NAME)
    if not os.path.exists(path):
        return (), []
    shown = os.path.join(shown_dir, FILE_NAME)
    if leads_outside(path, os.path.dirname(os.path.abspath(content_dir))):
        return (), [error(Position(shown), OUTSIDE)]
    if not os.path.isfile(path):
        return (), [error(Position(shown), f"{FILE_NAME} must be a file")]
    if _holds_nothing(path):
        return (), []  # emptied, or only comments: nothing set apart
    document, problems = load_yaml(path, shown)
    if document is None:
        return (), problems
    record = read_record(document, (), FILE_FIELDS, problems, FILE_NAME)
    if record is None:
        return (), problems
    found: list[SetApart] = []
    seen: dict[tuple[str, str], int] = {}
    for index, _ in enumerate(record.get("set_apart", [])):
        item = read_record(document, ("set_apart", index), ENTRY_FIELDS, problems,
                           "an entry of set_apart")
        # Kept without its reason (that is an error already), so its source is checked too.
        if item is None or None in (item.get("group"), item.get("source")):
            continue
        key = (item.get("group"), item.get("source"))
        if key in seen:
            problems.append(error(item.at("source"), f"entry {seen[key] + 1} already sets "
                                                     "this source apart from this group"))
            continue
        seen[key] = index
        found.append(SetApart(*key, item.get("reason") or "", item.at("group"),
                              item.at("source")))
    return tuple(found), problems


def _holds_nothing(path: str) -> bool:
    try:
        with open(path, encoding="utf-8-sig") as handle:
            return all(not line.strip() or line.lstrip().startswith("#") for line in handle)
    except (OSError, UnicodeDecodeError):
        return False  # load_yaml says what is wrong with it


def apply_set_apart(groups: Sequence[QuoteGroup], decisions: Sequence[SetApart],
                    published: Mapping[str, dt.date | None] | None = None
                    ) -> tuple[tuple[QuoteGroup, ...], list[Problem]]:
    """The groups with each decision's source taken out of its group; a group left with
    fewer than two sources is no longer listed. A decision naming no group the analysis
    made (the seeds changed?), or a source the group does not quote, is a warning."""
    if not decisions:
        return tuple(groups), []
    current: list[QuoteGroup | None] = list(groups)
    index_of: dict[str, int] = {}
    for index, group in enumerate(groups):
        for group_id in (group.id, *group.other_ids):
            index_of.setdefault(group_id, index)
    problems = []
    taken: dict[int, set[str]] = {}  # group → the sources set apart from it so far
    for decision in decisions:
        index = index_of.get(decision.group)
        group = current[index] if index is not None else None
        if index is not None and decision.source in taken.get(index, set()):
            continue  # set apart already, by this id or another the group has had
        if index is not None and group is None:
            taken.setdefault(index, set()).add(decision.source)
            continue  # earlier entries left the group with one source: it is gone
        if group is None:
            near = closest(decision.group, [g.id for g in current if g is not None], cutoff=80)
            hint = f"; did you mean {near}?" if near else ""
            problems.append(warning(decision.origin, f"no quotation group '{decision.group}' "
                                                     f"on /consistency/{hint}"))
        elif decision.source not in {v.source for v in group.variants}:
            quoted = ", ".join(sorted({v.source for v in group.variants}))
            problems.append(warning(decision.origin, f"group '{decision.group}' has no "
                                                     f"quotation from '{decision.source}' "
                                                     f"(it quotes {quoted})"))
        else:
            current[index] = _without(group, decision, published or {})
            taken.setdefault(index, set()).add(decision.source)
    kept = [group for group in current if group is not None]
    return tuple(sorted(kept, key=divergence_order)), problems


def _without(group: QuoteGroup, decision: SetApart, published) -> QuoteGroup | None:
    """The group without the source's variants, and without those that only they linked
    to the rest; None when fewer than two sources remain. The speaker is agreed again
    from the variants left, and the one set apart's from its own."""
    pairs = [pair for pair in group.pairs
             if decision.source not in (pair.left.source, pair.right.source)]
    remaining = [v for v in group.variants if v.source != decision.source]
    variants = _linked(remaining, pairs)
    if len(variants) < len(remaining):  # the report set apart linked some of them
        variants, pairs = _relinked(group, remaining)
    if len({variant.source for variant in variants}) < 2:
        return None
    kept = {(v.source, v.start) for v in variants}
    pairs = [pair for pair in pairs if (pair.left.source, pair.left.start) in kept]
    # The figures compared again: with a source gone, those left may all agree.
    disagreements = group_figures(variants, [word_keys(v.text) for v in variants], {},
                                  published)
    speaking, apart_speaker = _speakers_apart(group, variants, decision.source)
    piece = SetApartQuotation(decision.source, decision.reason, apart_speaker)
    return replace(group, classification=most_divergent(pairs), variants=tuple(variants),
                   pairs=tuple(pairs), figure_disagreements=disagreements, **speaking,
                   set_apart=group.set_apart + (piece,))


def _relinked(group: QuoteGroup, remaining: list[Passage]
              ) -> tuple[list[Passage], list[PassagePair]]:
    """The remaining variants grouped again without the links through the report set
    apart, by whom their own reports name (nobody, for a group made by hand)."""
    said_by = dict(zip(((v.source, v.start) for v in group.variants), group.attributions))
    variants, pairs = relinked(remaining, [said_by.get((v.source, v.start))
                                           for v in remaining])
    return list(variants), list(pairs)


def _speakers_apart(group: QuoteGroup, variants: list[Passage], source: str
                    ) -> tuple[dict, str | None]:
    """The group's speaker fields agreed again from `variants`, those left, by the rule the
    grouping agreed them with; and the speaker the variants of `source` agree on. A group
    made without attributions (by hand) keeps its speaker, and the piece has none."""
    if len(group.attributions) != len(group.variants):
        return {}, None
    said_by = {(v.source, v.start): said for v, said in zip(group.variants, group.attributions)}
    left = tuple(said_by[(v.source, v.start)] for v in variants)
    apart = [said for v, said in zip(group.variants, group.attributions) if v.source == source]
    speaker, speaker_type = agreed_speaker(left)
    return ({"speaker": speaker, "speaker_type": speaker_type, "attributions": left},
            agreed_speaker(apart)[0])


def _linked(variants: list[Passage], pairs: list[PassagePair]) -> list[Passage]:
    """The variants still linked, by the remaining comparisons, to the one most linked
    (in the order of `variants`): the group the others are of."""
    neighbours: dict[tuple[str, int], set] = {(v.source, v.start): set() for v in variants}
    for pair in pairs:
        left, right = (pair.left.source, pair.left.start), (pair.right.source, pair.right.start)
        neighbours[left].add(right)
        neighbours[right].add(left)
    best: set = set()
    for variant in variants:
        start = (variant.source, variant.start)
        if start in best:
            continue
        reached, frontier = {start}, [start]
        while frontier:
            for other in neighbours[frontier.pop()] - reached:
                reached.add(other)
                frontier.append(other)
        if len({source for source, _ in reached}) > len({source for source, _ in best}):
            best = reached
    return [variant for variant in variants if (variant.source, variant.start) in best]
