"""Cross-references between site.yml, seeds and claims: every id must name something."""
from __future__ import annotations

import dataclasses
import re
from collections import defaultdict

from . import links
from .errors import Problem, error, warning
from .model import Appearance, Claim, Content
from .schema import brief, closest, id_rule, is_device_name, is_valid_id
from .text import normalise_quote
from .urls import slugify

CLAIM_REVIEW_TEXT_LIMIT = 75  # Google's ClaimReview guideline: keep claimReviewed short


def validate(content: Content, unloaded: frozenset[str] = frozenset()) -> list[Problem]:
    """`unloaded`: seeds present but broken, whose own errors are already reported."""
    # A clash between two claims is told at the later one: drafts come last, so that a
    # draft clashing with a published claim is the one told (where it is a warning, as
    # for every draft's problem) and never stops a build of claims that do not clash.
    content = dataclasses.replace(content, claims=tuple(
        sorted(content.claims, key=lambda claim: bool(claim.draft))))
    problems: list[Problem] = []
    problems += _source_outlets(content)
    problems += _claim_references(content, unloaded)
    problems += _set_apart_sources(content, unloaded)
    problems += _tag_slugs(content)
    problems += _former_ids(content)
    problems += _copied_claims(content)
    problems += [problem for claim in content.claims for problem in _seeds_quoted_twice(claim)]
    problems += links.plain_text_link_problems(content)
    return problems


def _copied_claims(content: Content) -> list[Problem]:
    """A claim file copied from another and not yet made its own: the same claim text or
    summary, quoting a passage the other quotes. Claims that only quote one passage (two
    claims made in one sentence) or only read alike (a claim repeated on another
    occasion, from other reports) are not copies."""
    quoting: dict[tuple[str, str], list] = defaultdict(list)
    problems = []
    for claim in content.claims:
        told = {claim.id}  # a claim named twice is an error already
        for appearance in claim.appearances:
            if appearance.source is None or appearance.quote is None:
                continue
            passage = (appearance.source, " ".join(normalise_quote(appearance.quote).split()))
            for other in quoting[passage]:
                alike = _alike(claim, other)
                if other.id not in told and alike:
                    told.add(other.id)
                    problems.append(_copy_problem(claim, other, alike, appearance.source))
            quoting[passage].append(claim)
    return problems


def _seeds_quoted_twice(claim: Claim) -> list[Problem]:
    """Two appearances from one seed: the claim page compares reports, and one report
    with itself tells readers nothing. Almost surely a slip (a stem copied from the line
    above), so a warning at the second, naming the first."""
    first_of: dict[str, tuple[int, Appearance]] = {}
    problems = []
    for number, appearance in enumerate(claim.appearances, 1):
        if appearance.source is None or appearance.quote is None:
            continue  # in error already
        first = first_of.setdefault(appearance.source, (number, appearance))
        if first[1] is not appearance:
            problems.append(_quoted_again(appearance, number, *first))
    return problems


def _quoted_again(appearance: Appearance, number: int, first_number: int,
                  first: Appearance) -> Problem:
    where = appearance.source_at or appearance.origin
    first_at = f"line {(first.source_at or first.origin).line}"
    if _same_passage(appearance.quote, first.quote):
        return warning(where, f"appearance {number} repeats appearance {first_number} "
                              f"({first_at}), the same passage of '{appearance.source}': "
                              "delete one of them")
    return warning(where, f"appearance {number} quotes '{appearance.source}' again, as "
                          f"appearance {first_number} does ({first_at}): the claim page "
                          "compares reports with one another, not a report with itself; "
                          "give another seed's passage, or keep one appearance of this one "
                          "and quote more of it")


def _same_passage(quote: str, other: str) -> bool:
    """However typed, and with or without the quotation marks the report puts round it."""
    def bare(text: str) -> str:
        return " ".join(normalise_quote(text).split()).strip("\"' ")
    return bare(quote) == bare(other)


def _alike(claim: Claim, other: Claim) -> list[str]:
    """Which of the texts that make a claim what it is the two have the same."""
    return [name for name, mine, theirs in (("claim", claim.claim, other.claim),
                                            ("summary", claim.summary, other.summary))
            if mine and theirs and " ".join(mine.split()) == " ".join(theirs.split())]


def _copy_problem(claim: Claim, other: Claim, alike: list[str], source: str) -> Problem:
    where = claim.positions.get("claim", claim.origin)
    other_at = other.positions.get("claim", other.origin)
    # Which file is the copy, only the editor knows: the later one is told, of both.
    return warning(where, f"duplicates claim '{other.id}' ({other_at}), or that one this: "
                          f"the same {' and '.join(alike)}, quoting the same passage of "
                          f"'{source}'; make each its own claim, or delete one")


def _source_outlets(content: Content) -> list[Problem]:
    if content.config.outlets is None:
        return []  # site.yml's own errors say why; every outlet would seem unknown
    outlet_ids = [outlet.id for outlet in content.config.outlets]
    problems = []
    for source in content.sources:
        if source.outlet not in outlet_ids:
            problems.append(error(source.positions.get("outlet", source.origin),
                                  _unknown("outlet", source.outlet, outlet_ids, "site.yml outlets")))
    return problems


def _set_apart_sources(content: Content, unloaded: frozenset[str]) -> list[Problem]:
    stems = [source.stem for source in content.sources]
    return [error(decision.source_at, _unknown("source", decision.source, stems, "seeds/"))
            for decision in content.set_apart
            if decision.source not in stems and decision.source not in unloaded]


def _claim_references(content: Content, unloaded: frozenset[str]) -> list[Problem]:
    known_verdicts = content.config.verdicts is not None
    verdicts = {verdict.id: verdict for verdict in content.config.verdicts or ()}
    stems = [source.stem for source in content.sources]
    # A source left out is reported by reading the claim; a broken one, by reading it.
    answerable = set(stems) | unloaded | {None}
    problems = []
    for claim in content.claims:
        at = claim.positions.get
        if claim.verdict is None or not known_verdicts:
            pass  # in error already, or missing: their own problems say so
        elif claim.verdict not in verdicts:
            problems.append(error(at("verdict", claim.origin),
                                  _unknown("verdict", _by_label(claim.verdict, verdicts),
                                           list(verdicts), "site.yml", claim.verdict)))
        elif claim.claim is not None:
            problems += _claim_review_text(claim, verdicts[claim.verdict])
        for appearance in claim.appearances:
            if appearance.source not in answerable:
                problems.append(error(appearance.source_at or appearance.origin,
                                      _unknown("source", appearance.source, stems, "seeds/")))
    return problems


def _claim_review_text(claim, verdict) -> list[Problem]:
    where = claim.positions.get("claim", claim.origin)
    if _contains_words(claim.claim, verdict.label):
        return [error(where, f"the claim text contains the verdict label '{verdict.label}'; "
                             "state the claim, not the rating (ClaimReview guideline)")]
    if len(claim.claim) > CLAIM_REVIEW_TEXT_LIMIT:
        return [warning(where, f"claim text is {len(claim.claim)} characters; search engines "
                               f"show at most {CLAIM_REVIEW_TEXT_LIMIT}")]
    return []


def _contains_words(text: str, words: str) -> bool:
    """'Correct' is in "That is correct." but not in "incorrect": whole words, any case,
    punctuation and spacing around them ignored."""
    pattern = r"\s+".join(re.escape(word) for word in words.split())
    return re.search(rf"(?<!\w){pattern}(?!\w)", text, re.IGNORECASE) is not None


def _tag_slugs(content: Content) -> list[Problem]:
    first_spelling: dict[str, tuple[str, object]] = {}
    problems = []
    for claim in content.claims:
        for index, tag in enumerate(claim.tags):
            where = claim.positions.get(f"tags.{index}", claim.origin)
            slug, shown = slugify(tag), repr(brief(tag))
            if not slug:
                problems.append(error(where, f"tag {shown} has no letters or digits a URL can "
                                             "use (a-z, 0-9)"))
            elif is_device_name(slug):
                problems.append(error(where, f"tag {shown} would become /tags/{slug}/, a name "
                                             "Windows reserves; choose another tag"))
            elif tag in claim.tags[:index]:
                problems.append(error(where, f"tag {shown} is listed twice"))
            else:
                problems += _slug_clash(first_spelling, slug, tag, where)
    return problems


def _former_ids(content: Content) -> list[Problem]:
    """Each former id becomes an address that leads to its claim: it must be an id, no
    claim's id now (that address is that claim's page), and lead to one claim only."""
    current = {claim.id: claim for claim in content.claims}
    first_at: dict[str, tuple[str, object]] = {}  # former id → (claim id, where listed)
    problems = []
    for claim in content.claims:
        for number, former in enumerate(claim.former_ids):
            where = claim.positions.get(f"former_ids.{number}", claim.origin)
            problem = _former_id_problem(claim, former, current, first_at.get(former))
            if problem:
                problems.append(error(where, problem))
            else:
                first_at[former] = (claim.id, where)
    return problems


def _former_id_problem(claim: Claim, former: str, current: dict[str, Claim],
                       first: tuple[str, object] | None) -> str | None:
    if not is_valid_id(former):
        # An address written for the id: '/claims/old-id/'.
        suggested = slugify(former.strip().strip("/").removeprefix("claims/"))
        hint = f"; write the id alone: {suggested}" if is_valid_id(suggested) else ""
        return f"former id {id_rule(former)}{hint}"
    if former == claim.id:
        return (f"'{former}' is this claim's own id: former_ids lists the ids it had "
                "before it was renamed")
    if former in current:
        return (f"'{former}' is the id of claim {current[former].origin.path}, whose page "
                "is at that address: a former id must be one no claim has now")
    if first is not None:
        owner, listed = first
        return (f"'{former}' is listed twice, here and at {listed}" if owner == claim.id else
                f"'{former}' is a former id of claim '{owner}' too ({listed}): an old address "
                "can lead to one claim only")
    return None


def _slug_clash(first_spelling, slug, tag, where) -> list[Problem]:
    spelling, first_at = first_spelling.setdefault(slug, (tag, where))
    if spelling == tag:
        return []
    return [error(where, f"tag {brief(tag)!r} and tag {brief(spelling)!r} ({first_at}) both "
                         f"become /tags/{slug}/; spell them the same")]


def _unknown(kind: str, value: str, valid: list[str], where: str,
             written: str | None = None) -> str:
    """`value` is what to find a near miss for; `written`, if given, what the file says."""
    guess = value if value in valid else closest(value, valid)
    hint = f" — did you mean '{guess}'?" if guess else ""
    listed = ", ".join(valid) if len(valid) <= 12 else ", ".join(valid[:12]) + ", …"
    return f"unknown {kind} '{brief(written or value)}'{hint} (known in {where}: {listed})"


def _by_label(written: str, verdicts: dict) -> str:
    """A verdict written as its label ('Mostly correct'): its id, for the hint."""
    wanted = " ".join(str(written).split()).casefold()
    return next((verdict_id for verdict_id, verdict in verdicts.items()
                 if verdict.label.casefold() == wanted), written)
