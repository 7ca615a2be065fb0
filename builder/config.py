"""site.yml → SiteConfig. Strict: unknown keys are errors, every problem is positioned."""
from __future__ import annotations

import os
import re
from dataclasses import replace

from .errors import Position, Problem, error, errors_in, warning
from .paths import OUTSIDE, leads_outside
from .model import Outlet, Publisher, SiteConfig, Verdict
from .schema import Field, base_url_problem, id_rule, is_valid_id, read_record
from .yamlfile import load_yaml

SITE_FIELDS = [
    Field("title", "text", True), Field("description", "text", True),
    Field("base_url", "url", True), Field("language", "text", True),
    Field("publisher", "mapping", True), Field("outlets", "mapping", True),
    Field("verdicts", "list", True), Field("funding", "text"), Field("contact", "text"),
    Field("feed_entries", "count"), Field("search", "boolean"),
]
FEED_ENTRIES = 50  # what feed readers fetch over and over: the recent changes, not the archive
PUBLISHER_FIELDS = [Field("name", "text", True), Field("url", "url", True)]
OUTLET_FIELDS = [Field("name", "text", True), Field("url", "url")]
VERDICT_FIELDS = [Field("id", "id", True), Field("label", "text", True),
                  Field("description", "text", True), Field("rated", "boolean")]


def load_config(site_dir: str, shown_dir: str,
                base_url_override: str | None = None) -> tuple[SiteConfig | None, list[Problem]]:
    shown = os.path.join(shown_dir, "site.yml")
    if not os.path.isfile(os.path.join(site_dir, "site.yml")):
        return None, [error(Position(shown), "site.yml is missing: the site folder needs one "
                                             "(title, base_url, outlets, verdicts …) beside "
                                             "content/ and seeds/")]
    if leads_outside(os.path.join(site_dir, "site.yml"), site_dir):
        return None, [error(Position(shown), OUTSIDE)]
    document, problems = load_yaml(os.path.join(site_dir, "site.yml"), shown)
    if document is None:
        return None, problems
    site = read_record(document, (), SITE_FIELDS, problems, "site.yml")
    if site is None:
        return None, problems
    publisher = _publisher(site, problems)
    outlets = _outlets(site, problems)
    verdicts = _verdicts(site, problems)
    base_url = _base_url(base_url_override, site, problems)
    problems += _language_problems(site)
    return SiteConfig(
        title=site.get("title"), description=site.get("description"), base_url=base_url,
        language=site.get("language"), publisher=publisher, outlets=outlets, verdicts=verdicts,
        funding=site.get("funding"), contact=site.get("contact"),
        feed_entries=site.get("feed_entries", FEED_ENTRIES), search=site.get("search", True),
        complete=not errors_in(problems),
    ), problems


def unread_config() -> SiteConfig:
    """In place of a site.yml that cannot be read (missing, not YAML, not a mapping): one
    holding none of its keys, incomplete, its own errors saying why."""
    return SiteConfig(title=None, description=None, base_url=None, language=None,
                      publisher=None, outlets=None, verdicts=None, complete=False)


# BCP 47's shape, as <html lang> wants it: 'en', 'en-GB', 'pt-BR', 'zh-Hant'.
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def _language_problems(site) -> list[Problem]:
    language = site.get("language")
    if language is None or _LANGUAGE_TAG.fullmatch(language):
        return []
    return [warning(site.at("language"), f"'language' is '{language}', which browsers, screen "
                                         "readers and search engines cannot read: write a "
                                         "language tag such as en-GB or en")]


def _base_url(override, site, problems) -> str | None:
    if override is not None:
        problem = base_url_problem(override)
        if problem:  # the command line checks this first; a caller of build() may not
            problems.append(error(Position("--base-url"), f"base URL {problem}"))
            return None
        return override.strip().rstrip("/") + "/"
    url = site.get("base_url")
    if url is not None and ("?" in url or "#" in url):
        site.report("base_url", "'base_url' must not contain a query or fragment")
    return url.rstrip("/") + "/" if url else None


def _publisher(site, problems) -> Publisher | None:
    if site.get("publisher") is None:
        return None
    record = read_record(site.document, ("publisher",), PUBLISHER_FIELDS, problems, "publisher")
    return Publisher(record.get("name"), record.get("url")) if record else None


def _outlets(site, problems) -> tuple[Outlet, ...] | None:
    """The outlets; None if some outlet's id cannot be read (or 'outlets' itself)."""
    if site.get("outlets") is None:
        return None
    outlets = []
    for outlet_id in site.get("outlets"):
        keypath = ("outlets", outlet_id)
        if not isinstance(outlet_id, str) or not is_valid_id(outlet_id):
            problems.append(error(site.document.key_at(*keypath), f"outlet id {id_rule(str(outlet_id))}"))
            continue
        record = read_record(site.document, keypath, OUTLET_FIELDS, problems, f"outlet '{outlet_id}'")
        if record:
            outlets.append(Outlet(outlet_id, record.get("name"), record.get("url")))
    if site.get("outlets") == {}:
        site.report("outlets", "'outlets' must name at least one outlet")
    return tuple(outlets) if len(outlets) == len(site.get("outlets")) else None


def _verdicts(site, problems) -> tuple[Verdict, ...] | None:
    """The verdicts; None if some verdict's id cannot be read (or 'verdicts' itself)."""
    if site.get("verdicts") is None:
        return None
    verdicts: list[Verdict] = []
    seen: dict[str, int] = {}
    unread = False
    for index, _ in enumerate(site.get("verdicts")):
        record = read_record(site.document, ("verdicts", index), VERDICT_FIELDS, problems,
                             "a verdict")
        if record is None or record.get("id") is None:
            unread = True
            continue
        verdict_id = record.get("id")
        if verdict_id in seen:
            record.report("id", f"duplicate verdict id '{verdict_id}' "
                                f"(first at line {site.document.at('verdicts', seen[verdict_id]).line})")
            continue
        seen[verdict_id] = index
        verdicts.append(Verdict(verdict_id, record.get("label", verdict_id),
                                record.get("description", ""), len(verdicts) + 1,
                                rating=0 if record.get("rated", True) else None))
    if site.get("verdicts") == []:
        site.report("verdicts", "'verdicts' must list at least one verdict, best first")
    return None if unread else _rated(verdicts)


def _rated(verdicts: list[Verdict]) -> tuple[Verdict, ...]:
    """Ratings for the verdicts that are rated, in order: the best the highest, the worst 1."""
    scale = sum(verdict.rating is not None for verdict in verdicts)
    rated, next_rating = [], scale
    for verdict in verdicts:
        if verdict.rating is None:
            rated.append(replace(verdict, scale=scale))
        else:
            rated.append(replace(verdict, rating=next_rating, scale=scale))
            next_rating -= 1
    return tuple(rated)
