"""Links in editors' Markdown that would not work, as warnings at the text holding them.

Two kinds: a link the renderer refuses and shows as plain text ('javascript:…', a
misspelt 'htp://'), found when the content is checked; and a link to a claim, a tag or
a page that does not exist ('../no-such-claim/', '/factcheck/tags/typo/'), found against
the files the build made, after rendering, as in other site generators. Either way the
page still builds. Links elsewhere on the web are not followed (a build needs no network).
"""
from __future__ import annotations

from typing import Iterable, Mapping
from urllib.parse import unquote, urljoin, urlsplit

from . import urls
from .errors import Position, Problem, warning
from .markdown import link_targets, unsafe_links
from .model import Content


def unsafe_link_problems(content: Content) -> list[Problem]:
    return [warning(where(text, offset), message)
            for _, where, text in _texts(content)
            for offset, message in unsafe_links(text)]


def broken_links(content: Content, files: Mapping[str, bytes]) -> list[Problem]:
    base_url = content.config.base_url
    base_path = content.config.base_path
    problems = []
    for page_path, where, text in _texts(content):
        for offset, target in link_targets(text):
            path = _site_path(target, base_url + page_path, base_url, base_path)
            if path is not None and not _exists(path, files):
                problems.append(warning(where(text, offset),
                                        f"link to '{target[:80]}' leads to no page of this "
                                        f"site ({base_path}{path})"))
    return problems


def _texts(content: Content) -> Iterable[tuple[str, object, str]]:
    """(page path, how to place an offset in the text, text) of every editor's text."""
    for claim in content.claims:
        page = urls.claim(claim.id)
        fields = [(claim.positions.get("summary"), claim.summary),
                  (claim.positions.get("consistency"), claim.consistency)]
        fields += [(appearance.note_at, appearance.note) for appearance in claim.appearances]
        fields += [(correction.origin, correction.text) for correction in claim.corrections]
        for position, text in fields:
            if text:
                yield page, _at_field(position or claim.origin), text
    for content_page in content.pages:
        yield (urls.page(content_page.slug),
               _at_line(Position(content_page.origin.path, content_page.body_line)),
               content_page.body)


def _at_field(position: Position):
    return lambda text, offset: position


def _at_line(origin: Position):
    """A page body's links placed at their own line; `origin.line` is the body's first."""
    def place(text: str, offset: int) -> Position:
        line_start = text.rfind("\n", 0, offset) + 1
        return Position(origin.path, origin.line + text.count("\n", 0, offset),
                        offset - line_start + 1)
    return place


def _site_path(target: str, page_url: str, base_url: str, base_path: str) -> str | None:
    """The site-relative path a link leads to, or None when it leaves the site or only
    moves within the page ('#top'), or is mail."""
    if target.startswith(("#", "mailto:")) or not target.strip():
        return None
    resolved = urljoin(page_url, target)
    if not resolved.startswith(base_url):
        parts = urlsplit(resolved)
        if parts.netloc != urlsplit(base_url).netloc or not parts.path.startswith(base_path):
            return None  # elsewhere on the web
        return unquote(parts.path[len(base_path):])
    return unquote(urlsplit(resolved[len(base_url):]).path)


def _exists(path: str, files: Mapping[str, bytes]) -> bool:
    return (urls.output_file(path) in files or path in files
            or (not path.endswith("/") and urls.output_file(path + "/") in files))
