"""Starting a claim file: `python -m builder new-claim <id> [--from <group id>]`.

/consistency/ marks the quotations no claim covers yet as candidates for a claim. Started
from one of them (its id is the group's anchor there), the new file already holds the
speaker and every passage exactly as each article prints it; what only an editor can say
(the claim, its date, the verdict and why) is left empty, so that `make check` and the
preview list it until it is written. An existing claim is never overwritten.
"""
from __future__ import annotations

import dataclasses
import difflib
import json
import os
import re
from typing import Iterable, Mapping, Sequence

import yaml

from .analysis import CorpusMemo
from .claims import claim_files, load_claims
from .consistency import Passage, QuoteGroup
from .errors import ContentError, display_path, errors_in
from .groupstore import GroupStore
from .schema import id_rule, is_valid_id
from .setapart import apply_set_apart, load_set_apart
from .sources import load_sources


class Refused(Exception):
    """The claim cannot be started as asked; the message says why."""


def new_claim(site_dir: str, claim_id: str, group_id: str | None = None,
              cache_dir: str | None = None) -> str:
    """Writes content/claims/<claim_id>.yml, from the quotation group `group_id` if given,
    and returns the path it wrote."""
    claims_dir = os.path.join(site_dir, "content", "claims")
    if not is_valid_id(claim_id):
        raise Refused(f"the claim id {id_rule(claim_id)}")
    for relative in claim_files(claims_dir):
        if os.path.splitext(os.path.basename(relative))[0] == claim_id:
            raise Refused(f"{display_path(os.path.join(claims_dir, relative))} already "
                          f"holds the claim {claim_id}")
    for claim in load_claims(claims_dir, display_path(claims_dir))[0]:
        if claim_id in claim.former_ids:
            raise Refused(f"{claim_id} is a former id of the claim {claim.id} "
                          f"({claim.origin.path}): its address leads there; choose another id")
    group, texts = _group(site_dir, group_id, cache_dir) if group_id is not None else (None, {})
    path = os.path.join(claims_dir, claim_id + ".yml")
    os.makedirs(claims_dir, exist_ok=True)
    with open(path, "x", encoding="utf-8") as handle:  # "x": never over a file made meanwhile
        handle.write(skeleton(group, texts))
    return path


def _group(site_dir: str, group_id: str, cache_dir: str | None
           ) -> tuple[QuoteGroup, dict[str, str]]:
    """The quotation group of that id among the site's seeds (only they are read), and
    the seeds' texts by stem."""
    seeds = os.path.join(site_dir, "seeds")
    sources, problems = load_sources(seeds, display_path(seeds))
    if errors_in(problems):
        raise ContentError(problems)
    texts = {source.stem: source.text for source in sources}
    memo = CorpusMemo(GroupStore(cache_dir) if cache_dir else None)
    # As on /consistency/: without the quotations editors set apart (their own file's
    # mistakes are for `make check` to report).
    decisions, _ = load_set_apart(os.path.join(site_dir, "content"), "content")
    found, _ = apply_set_apart(memo.groups(sources), decisions)
    groups = {group.id: group for group in found}
    if group_id in groups:
        return groups[group_id], texts
    # An id from an earlier build, before a fuller version of the quotation was added.
    for group in found:
        if group_id in group.other_ids:
            return group, texts
    near = difflib.get_close_matches(group_id, list(groups), n=3)
    hint = f"; did you mean {' or '.join(near)}?" if near else (
        "; the ids are the anchors of the groups on /consistency/")
    raise Refused(f"no quotation group {group_id} in the seeds{hint}")


def skeleton(group: QuoteGroup | None, texts: Mapping[str, str] = {}) -> str:
    """The new claim file: the group's speaker and passages, everything else to write.
    `texts`, the seeds' by stem, let a quotation an outlet splits into paragraphs be
    quoted whole."""
    lines = ["# Write what is empty; `make check` lists what is still missing.",
             # As Hugo's new content: unfinished, it can be committed without stopping a build.
             "draft: true   # make build leaves the claim out until you remove this line"]
    if group is not None:
        lines.insert(0, f"# Started from the quotation group {group.id} on /consistency/.")
    lines += ["claim:", f"claimant: {_quoted(group.speaker)}"
              if group is not None and group.speaker else "claimant:"]
    if group is not None and group.speaker_type == "organization":
        lines.append("claimant_type: organization")  # so ClaimReview names no Person
    lines += ["date:", "verdict:", "summary:", "appearances:"]
    if group is None:
        lines += ["  - source:", "    quote:"]
    else:
        quoted, left_out = claim_passages(group, texts)
        for passage in quoted:
            lines += _appearance(passage)
        lines += _left_out_note(left_out) + _lone_outlet_note(quoted)
    lines += OPTIONAL_KEYS
    if group is None or group.speaker_type != "organization":
        lines.insert(len(lines) - len(OPTIONAL_KEYS) + 1,
                     "# claimant_type: organization   # when the claimant is not a person")
    return "\n".join(lines) + "\n"


def claim_passages(group: QuoteGroup, texts: Mapping[str, str]
                   ) -> tuple[list[Passage], list[Passage]]:
    """The passages a claim started from the group quotes, one an outlet, so that its
    page compares outlets and never an outlet with itself: of each report its fullest
    passage (a headline's or a pull-quote's few words are in it), of each outlet its
    fullest report's. And the passages of the outlets' other reports, left out."""
    of_source = _fullest(_whole_quotations(group.variants, texts), "source")
    of_outlet = _fullest(of_source.values(), "outlet")
    quoted = [passage for passage in of_source.values() if of_outlet[passage.outlet] is passage]
    return quoted, [passage for passage in of_source.values() if passage not in quoted]


def _fullest(passages: Iterable[Passage], by: str) -> dict[str, Passage]:
    """The longest passage of each source or outlet (the first of equals), in order."""
    found: dict[str, Passage] = {}
    for passage in passages:
        held = found.get(getattr(passage, by))
        if held is None or len(passage.text) > len(held.text):
            found[getattr(passage, by)] = passage
    return found


# What lies between two paragraphs of one quotation: the break, with the closing mark of
# the one and the opening mark of the other, where the house style has them.
_PARAGRAPH_BREAK = re.compile(r"[\"”’']?[ \t]*\r?\n\s*[\"“‘']?")


def _whole_quotations(variants: Sequence[Passage], texts: Mapping[str, str]) -> list[Passage]:
    """The variants (by source, then position), with paragraphs of one quotation that
    follow each other joined into one passage: the group holds a paragraph a variant."""
    joined: list[Passage] = []
    for variant in variants:
        last = joined[-1] if joined else None
        text = texts.get(variant.source)
        if (last is not None and text is not None and last.source == variant.source
                and _PARAGRAPH_BREAK.fullmatch(text, last.end, variant.start)):
            joined[-1] = dataclasses.replace(last, text=text[last.start:variant.end],
                                             end=variant.end)
        else:
            joined.append(variant)
    return joined


def _appearance(passage: Passage) -> list[str]:
    return [f"  - source: {_as_text(passage.source)}", f"    quote: {_quoted(passage.text)}"]


def _left_out_note(left_out: list[Passage]) -> list[str]:
    if not left_out:
        return []
    lines = ["  # Other reports of an outlet quoted above, left out so that the claim page",
             "  # compares outlets, not an outlet with itself (swap one in to quote it instead):"]
    return lines + ["  #" + line[1:] for passage in left_out for line in _appearance(passage)]


def _lone_outlet_note(quoted: list[Passage]) -> list[str]:
    if len(quoted) != 1:
        return []
    return [f"  # Only {quoted[0].outlet} reports these words: the claim page will have no "
            "other outlet's version to compare."]


# Shown, commented out, so an editor sees every key there is without looking it up.
OPTIONAL_KEYS = [
    "# Optional (see docs/formats.md):",
    "# consistency: how the outlets' versions differ, and whether it matters",
    "# tags: [a topic, another]",
    "# published: YYYY-MM-DD   # when this review was first published",
    "# updated: YYYY-MM-DD",
    "# corrections:",
    "#   - date: YYYY-MM-DD",
    "#     text: what was corrected",
    "# former_ids: [old-id]   # after renaming this file: the ids it had, oldest first",
]


# Left as they are, YAML would read these as line breaks or refuse them outright.
_UNSAFE_IN_YAML = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def _as_text(stem: str) -> str:
    """A seed's stem as YAML will read it back as text: plain where it would, quoted
    where YAML would read a date, a number or a boolean ('2025-03-03', '1_000', 'no')."""
    return stem if yaml.safe_load(stem) == stem else _quoted(stem)


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar that reads back as exactly `text`: JSON's string syntax
    is one, with the few characters YAML treats otherwise escaped too."""
    return _UNSAFE_IN_YAML.sub(lambda found: f"\\u{ord(found.group()):04x}",
                               json.dumps(text, ensure_ascii=False))
