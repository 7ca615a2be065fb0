"""content/claims/**/*.yml (or .yaml) → Claim. The file name is the claim's id."""
from __future__ import annotations

import datetime as dt
import os

from .errors import Position, Problem, error, warning
from .paths import files_within
from .filememo import FileMemo
from .model import Appearance, Claim, Correction
from .schema import Field, brief, closest, id_rule, is_valid_id, read_record
from .urls import slugify
from .yamlfile import load_yaml

CLAIM_FIELDS = [
    Field("claim", "text", True), Field("claimant", "text", True),
    Field("claimant_type", "text"), Field("date", "claim-date", True),
    Field("verdict", "text", True), Field("summary", "text", True),
    Field("appearances", "list", True), Field("consistency", "text"),
    Field("tags", "text-list"), Field("published", "date"), Field("updated", "date"),
    Field("corrections", "list"), Field("former_ids", "text-list"), Field("draft", "boolean"),
]
APPEARANCE_FIELDS = [Field("source", "text", True), Field("quote", "text", True),
                     Field("note", "text")]
CORRECTION_FIELDS = [Field("date", "date", True), Field("text", "text", True)]


def claim_files(claims_dir: str, unreadable: list[tuple[str, str]] | None = None) -> list[str]:
    """Every claim file below claims_dir, relative to it, in a file-system-independent
    order; folders linked in are followed within the site. A folder that cannot be read,
    or a link out of the site, is added to `unreadable` as (path, what to tell the editor)."""
    site_dir = os.path.dirname(os.path.dirname(os.path.abspath(claims_dir)))
    refused: list[tuple[str, str]] = []
    found = files_within(claims_dir, site_dir, refused, hidden=False)
    if unreadable is not None:
        unreadable += [(path, why.replace("this folder:", "this folder of claims:"))
                       for path, why in refused]
    return sorted(os.path.relpath(path, claims_dir) for path in found)


# In any case: 'x.YML' is what some systems and editors save, and no editor would take it
# for anything but YAML.
CLAIM_EXTENSIONS = (".yml", ".yaml")


def _editor_leftover(name: str) -> bool:
    """A backup or swap file an editor keeps beside the one open ('x.yml~', '.x.yml.swp',
    '#x.yml#'): no claim, and no news to the editor who saved it."""
    base = os.path.basename(name)
    return base.endswith(("~", ".swp", ".swo")) or (base.startswith("#") and base.endswith("#"))


def load_claims(claims_dir: str, shown_dir: str, memo: FileMemo | None = None
                ) -> tuple[tuple[Claim, ...], list[Problem]]:
    """With a memo (the preview server keeps one), unchanged files are not parsed again."""
    problems: list[Problem] = []
    claims: list[Claim] = []
    first_file_of: dict[str, str] = {}
    if os.path.lexists(claims_dir) and not os.path.isdir(claims_dir):
        problems.append(error(Position(shown_dir), "content/claims is not a folder (a file, or "
                                                   "a link to nothing): claims go in a folder"))
    elif not os.path.isdir(claims_dir):
        # Only a warning: git keeps no empty folders, so a new site may not have it yet.
        problems.append(warning(Position(shown_dir), "no content/claims/ folder: the site has "
                                                     "no claims yet"))
    unreadable: list[tuple[str, str]] = []
    relatives = claim_files(claims_dir, unreadable) if os.path.isdir(claims_dir) else []
    problems += [error(Position(os.path.normpath(os.path.join(
                           shown_dir, os.path.relpath(path, claims_dir)))),
                       why)
                 for path, why in unreadable]
    for relative in relatives:
        shown = os.path.join(shown_dir, relative)
        claim_id, extension = os.path.splitext(os.path.basename(relative))
        if extension.lower() not in CLAIM_EXTENSIONS:
            if not _editor_leftover(relative):
                problems.append(warning(Position(shown), "ignored: claim files end in .yml "
                                                         "or .yaml"))
            continue
        if not is_valid_id(claim_id):
            suggested = slugify(claim_id)
            hint = (f": rename it {suggested}{extension}"
                    if suggested and is_valid_id(suggested) else "")
            problems.append(error(Position(shown), f"claim file name {id_rule(claim_id)}{hint}"))
            continue
        claim = _claim_file(os.path.join(claims_dir, relative), shown, claim_id, problems, memo)
        if claim_id in first_file_of:
            # Kept so its own problems are reported too; the error stops the build anyway.
            problems.append(error(Position(shown), f"duplicate claim id '{claim_id}': "
                                                   f"{first_file_of[claim_id]} has the same name"))
        first_file_of.setdefault(claim_id, shown)
        if claim is not None:
            claims.append(claim)
    return tuple(claims), problems


def _claim_file(path: str, shown: str, claim_id: str, problems: list[Problem],
                memo: FileMemo | None) -> Claim | None:
    if memo is None:
        return load_claim(path, shown, claim_id, problems)

    def parse() -> tuple[Claim | None, tuple[Problem, ...]]:
        found: list[Problem] = []
        return load_claim(path, shown, claim_id, found), tuple(found)
    claim, found = memo.recall(("claim", shown, claim_id), (path,), parse)
    problems.extend(found)
    return claim


def load_claim(path: str, shown: str, claim_id: str, problems: list[Problem]) -> Claim | None:
    before = len(problems)  # a value YAML could not read (an impossible date) counts too
    document, yaml_problems = load_yaml(path, shown)
    problems.extend(yaml_problems)
    if document is None:
        return None
    record = read_record(document, (), CLAIM_FIELDS, problems, "a claim")
    if record is None:
        return None
    appearances = _appearances(record, problems)
    corrections = _corrections(record, problems)
    _check_review_dates(record)
    claimant_type = _claimant_type(record)
    return Claim(
        id=claim_id, claim=record.get("claim"), claimant=record.get("claimant"),
        date=record.get("date"), verdict=record.get("verdict"), summary=record.get("summary"),
        appearances=appearances, consistency=record.get("consistency"),
        tags=_listed(record, "tags"),
        published=record.get("published"),
        updated=record.get("updated"), corrections=corrections, origin=document.at(),
        positions=_positions(record),
        complete=not any(not problem.is_warning for problem in problems[before:]),
        claimant_type=claimant_type,
        text_places={name: document.text_at(name) for name in ("summary", "consistency")},
        former_ids=_listed(record, "former_ids"),
        draft=record.get("draft") is True,
    )


# Either spelling is an organisation; ClaimReview (schema.org) spells it with a z.
CLAIMANT_TYPES = {"person": "person", "organization": "organization",
                  "organisation": "organization"}


def _claimant_type(record) -> str:
    written = record.get("claimant_type", "person")
    found = CLAIMANT_TYPES.get(written)
    if found is None:
        guess = closest(written, list(CLAIMANT_TYPES))
        record.report("claimant_type", f"'claimant_type' is a person or an organization, not "
                                       f"'{brief(written)}'"
                                       + (f" — did you mean '{guess}'?" if guess else ""))
        return "person"
    return found


def _positions(record) -> dict:
    positions = {name: record.at(name) for name in ("claim", "verdict", "date", "claimant",
                                                    "published")}
    # Numbered as in Claim.tags (and former_ids), which leave out any item in error.
    for name in ("tags", "former_ids"):
        read = [index for index, item in enumerate(record.get(name, [])) if item is not None]
        positions.update({f"{name}.{number}": record.at(name, index)
                          for number, index in enumerate(read)})
    return positions


def _listed(record, name: str) -> tuple[str, ...]:
    """A list of text, without the items in error (each reported where it is)."""
    return tuple(item for item in record.get(name, []) if item is not None)


def _appearances(record, problems) -> tuple[Appearance, ...]:
    if record.values.get("appearances") == []:
        record.report("appearances", "'appearances' must list at least one source and quote")
    found = []
    listed: dict[tuple, int] = {}
    for index, _ in enumerate(record.get("appearances", [])):
        item = read_record(record.document, ("appearances", index), APPEARANCE_FIELDS, problems,
                           "an appearance")
        if item and item.get("source") and item.get("quote"):
            key = (item.get("source"), " ".join(item.get("quote").split()))
            if key in listed:
                problems.append(warning(item.at("quote"), f"the same source and quote as "
                                                          f"appearance {listed[key] + 1}"))
            listed.setdefault(key, index)
        # One with an error is kept for its other field: its source is still checked.
        if item and (item.get("source") or item.get("quote")):
            found.append(Appearance(item.get("source"), item.get("quote"), item.get("note"),
                                    item.at("quote"), item.at("source"), item.text_at("note")))
    return tuple(found)


def _corrections(record, problems) -> tuple[Correction, ...]:
    found = []
    for index, _ in enumerate(record.get("corrections", [])):
        item = read_record(record.document, ("corrections", index), CORRECTION_FIELDS, problems,
                           "a correction")
        if item and item.get("date") and item.get("text"):
            found.append(Correction(item.get("date"), item.get("text"), item.text_at("text")))
            problems += _correction_date_problems(record, item)
    return tuple(sorted(found, key=lambda correction: correction.date, reverse=True))


def _correction_date_problems(record, item) -> list[Problem]:
    """A correction corrects a review, which is of something already said."""
    dated, published, said = item.get("date"), record.get("published"), record.get("date")
    if published and dated < published:
        return [warning(item.at("date"), f"correction dated {dated}, before the review was "
                                         f"published ({published})")]
    # Compared as text, so that a claim dated only to the month ('2025-03') is after no
    # correction of that month.
    if said is not None and dated.isoformat()[:len(said.isoformat())] < said.isoformat():
        return [warning(item.at("date"), f"correction dated {dated}, before the claim was made "
                                         f"({said.isoformat()})")]
    return []


def _check_review_dates(record) -> None:
    published, updated = record.get("published"), record.get("updated")
    if published and updated and updated < published:
        record.report("updated", f"'updated' ({updated}) is before 'published' ({published})")
    said = record.get("date")
    # Compared as text, a date known only to the month or year is future only when all of
    # it is: '2031' and '2026-12' are after 2026-11-22, '2026-11' is not.
    if said is not None and said.isoformat() > dt.date.today().isoformat()[:len(said.isoformat())]:
        record.problems.append(warning(record.document.at("date"),
                                       f"the claim's date ({said.isoformat()}) is in the future: "
                                       "is the year right?"))
