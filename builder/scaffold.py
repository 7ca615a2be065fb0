"""Starting a claim file: `python -m builder new-claim <id> [--from <group id>]`.

/consistency/ marks the quotations no claim covers yet as candidates for a claim. Started
from one of them (its id is the group's anchor there), the new file already holds the
speaker and every passage exactly as each article prints it; what only an editor can say
(the claim, its date, the verdict and why) is left empty, so that `make check` and the
preview list it until it is written. An existing claim is never overwritten.
"""
from __future__ import annotations

import difflib
import json
import os
import re

import yaml

from .analysis import CorpusMemo
from .claims import claim_files
from .consistency import QuoteGroup
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
    group = _group(site_dir, group_id, cache_dir) if group_id is not None else None
    path = os.path.join(claims_dir, claim_id + ".yml")
    os.makedirs(claims_dir, exist_ok=True)
    with open(path, "x", encoding="utf-8") as handle:  # "x": never over a file made meanwhile
        handle.write(skeleton(group))
    return path


def _group(site_dir: str, group_id: str, cache_dir: str | None) -> QuoteGroup:
    """The quotation group of that id among the site's seeds (only they are read)."""
    seeds = os.path.join(site_dir, "seeds")
    sources, problems = load_sources(seeds, display_path(seeds))
    if errors_in(problems):
        raise ContentError(problems)
    memo = CorpusMemo(GroupStore(cache_dir) if cache_dir else None)
    # As on /consistency/: without the quotations editors set apart (their own file's
    # mistakes are for `make check` to report).
    decisions, _ = load_set_apart(os.path.join(site_dir, "content"), "content")
    found, _ = apply_set_apart(memo.groups(sources), decisions)
    groups = {group.id: group for group in found}
    if group_id in groups:
        return groups[group_id]
    # An id from an earlier build, before a fuller version of the quotation was added.
    for group in found:
        if group_id in group.other_ids:
            return group
    near = difflib.get_close_matches(group_id, list(groups), n=3)
    hint = f"; did you mean {' or '.join(near)}?" if near else (
        "; the ids are the anchors of the groups on /consistency/")
    raise Refused(f"no quotation group {group_id} in the seeds{hint}")


def skeleton(group: QuoteGroup | None) -> str:
    """The new claim file: the group's speaker and passages, everything else to write."""
    lines = ["# Write what is empty; `make check` lists what is still missing."]
    if group is not None:
        lines.insert(0, f"# Started from the quotation group {group.id} on /consistency/.")
    lines += ["claim:", f"claimant: {_quoted(group.speaker)}"
              if group is not None and group.speaker else "claimant:"]
    if group is not None and group.speaker_type == "organization":
        lines.append("claimant_type: organization")  # so ClaimReview names no Person
    lines += ["date:", "verdict:", "summary:", "appearances:"]
    for passage in group.variants if group is not None else ():
        lines += [f"  - source: {_as_text(passage.source)}", f"    quote: {_quoted(passage.text)}"]
    if group is None:
        lines += ["  - source:", "    quote:"]
    lines += OPTIONAL_KEYS
    if group is None or group.speaker_type != "organization":
        lines.insert(len(lines) - len(OPTIONAL_KEYS) + 1,
                     "# claimant_type: organization   # when the claimant is not a person")
    return "\n".join(lines) + "\n"


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
