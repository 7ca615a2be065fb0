"""The part of a site with errors that can still be built. What a build would warn of
besides the errors (a link to no page, a set-apart entry that fits no group) is worked out
on it, so that an editor who fixes one error a run hears of the warnings in the same run,
not only once the site builds.
"""
from __future__ import annotations

import dataclasses
import os
from collections import Counter
from typing import Iterable

from . import urls
from .claims import CLAIM_EXTENSIONS, claim_files
from .errors import Problem, errors_in
from .model import AnchoredQuote, Claim, Content


def sound_part(content: Content, problems: Iterable[Problem],
               anchored: Iterable[AnchoredQuote], site_dir: str, unloaded: frozenset[str]
               ) -> tuple[Content, frozenset[str]]:
    """The content without its claims in error, and the site paths of the pages that what
    is in error would make once mended (a claim's, its tags', a seed's, a page's): a link
    to one of them leads somewhere, though this part has no such page. A claim quoting a
    seed that could not be read is left out too: every page takes each quote as found."""
    in_error = {problem.position.path for problem in errors_in(problems)}
    found = Counter(quote.claim_id for quote in anchored)
    left_out = [claim for claim in content.claims
                if not claim.complete or claim.origin.path in in_error
                or found[claim.id] != len(claim.appearances)]
    # Both files of an id given twice: which one is meant is for the editor to say.
    unsound_ids = {claim.id for claim in left_out}
    claims = tuple(claim for claim in content.claims if claim.id not in unsound_ids)
    stems = {source.stem for source in content.sources}
    # An entry naming no seed is an error already; a warning that no group has it would
    # only repeat it.
    set_apart = tuple(entry for entry in content.set_apart if entry.source in stems)
    sound = dataclasses.replace(content, claims=claims, set_apart=set_apart)
    return sound, _unbuilt_pages(site_dir, content, claims, left_out, unloaded)


def _unbuilt_pages(site_dir: str, content: Content, claims: tuple[Claim, ...],
                   left_out: list[Claim], unloaded: frozenset[str]) -> frozenset[str]:
    built = {claim.id for claim in claims}
    paths = {urls.claim(claim_id) for claim_id in _claim_ids(site_dir) - built}
    paths |= {urls.tag(tag) for claim in left_out for tag in claim.tags
              if isinstance(tag, str) and urls.slugify(tag)}
    paths |= {urls.source(stem) for stem in unloaded}
    pages = {page.slug for page in content.pages}
    paths |= {urls.page(slug) for slug in _page_slugs(site_dir) - pages}
    return frozenset(paths)


def _claim_ids(site_dir: str) -> set[str]:
    """The ids of the claim files on disk, those that could not be read too."""
    claims_dir = os.path.join(site_dir, "content", "claims")
    if not os.path.isdir(claims_dir):
        return set()
    names = (os.path.splitext(os.path.basename(path)) for path in claim_files(claims_dir))
    return {stem for stem, extension in names if extension.lower() in CLAIM_EXTENSIONS}


def _page_slugs(site_dir: str) -> set[str]:
    pages_dir = os.path.join(site_dir, "content", "pages")
    names = os.listdir(pages_dir) if os.path.isdir(pages_dir) else []
    return {name[:-len(".md")] for name in names if name.endswith(".md")}


def unsure_without(problems: list[Problem], unloaded: frozenset[str]) -> list[Problem]:
    """The set-apart warnings of quotation groups found without the seeds that could not
    be read: the group an entry names may be one such a seed is in. Each is told, saying
    so, rather than left out: a misspelt group id is as likely, and the editor is here."""
    if not unloaded:
        return problems
    names = ", ".join(f"'{stem}'" for stem in sorted(unloaded))
    unread = (f"seed {names} could not be read and may be in that group: check again once "
              "it is mended" if len(unloaded) == 1 else
              f"seeds {names} could not be read and may be in that group: check again once "
              "they are mended")
    return [dataclasses.replace(problem, message=f"{problem.message}; but {unread}")
            for problem in problems]
