"""Links in editors' Markdown that would not work, as warnings at the text holding them.

Two kinds: a link the renderer refuses and shows as plain text ('javascript:…', a
misspelt 'htp://', a '[text][label]' with no '[label]: address'), found when the content
is checked; and a link to a claim, a tag or a page that does not exist ('../no-such-claim/',
'/factcheck/tags/typo/'), found against the files the build made, after rendering, as in
other site generators. Either way the page still builds. Links elsewhere on the web are not
followed (a build needs no network).
"""
from __future__ import annotations

import html
import json
import re
from typing import Iterable, Mapping
from urllib.parse import unquote, urljoin, urlsplit

from . import comparison_views, urls
from .errors import Position, Problem, TextPlace, warning
from .markdown import link_targets, undefined_references, unsafe_links
from .model import Content
from .schema import closest


def plain_text_link_problems(content: Content) -> list[Problem]:
    """Links that readers would see as the Markdown the editor typed."""
    return [warning(where(text, offset), message)
            for _, where, text, inline in _texts(content)
            for offset, message in (unsafe_links(text, inline)
                                    + undefined_references(text, inline))]


def broken_links(content: Content, files: Mapping[str, bytes],
                 unbuilt: frozenset[str] = frozenset()) -> list[Problem]:
    """`unbuilt`: site paths of pages that content in error would make once mended: a link
    to one leads somewhere, to any '#part'."""
    base_url = content.config.base_url
    base_path = content.config.base_path
    site = _BuiltSite(files, base_path, unbuilt)
    problems = []
    for page_path, where, text, inline in _texts(content):
        for offset, target in link_targets(text, inline):
            found = _site_path(target, base_url + page_path, base_url, base_path)
            if found is None:
                problems += _outside_base_path(target, site, where(text, offset))
                continue
            path, fragment = found
            if not site.has(path):
                problems.append(warning(where(text, offset), f"link to '{target[:80]}' leads "
                                        f"to no page of this site ({base_path}{path})"
                                        + site.suggestion(target, path)))
            elif fragment and not site.has_anchor(path, fragment):
                problems.append(warning(where(text, offset), f"link to '{target[:80]}' leads "
                                        f"to no '#{fragment[:60]}' on {base_path}{path}"))
    return problems


def _outside_base_path(target: str, site: "_BuiltSite", at) -> list[Problem]:
    """'/methodology/' on a site published under /check/ leads off the site: a warning
    where the site has that page under its base path, the link the editor meant."""
    path = urlsplit(target).path
    if (site.base_path == "/" or not path.startswith("/") or path.startswith("//")
            or not site.has(unquote(path[1:]))):
        return []
    return [warning(at, f"link to '{target[:80]}' leads outside the site, which is published "
                        f"under {site.base_path}: write '{site.base_path}{target[1:80]}', or "
                        f"a link relative to this page")]


class _BuiltSite:
    """What the build wrote, asked about by the site paths that links lead to."""

    def __init__(self, files: Mapping[str, bytes], base_path: str,
                 unbuilt: frozenset[str] = frozenset()):
        self.files = files
        self.base_path = base_path
        self.unbuilt = frozenset(urls.output_file(path) for path in unbuilt)
        self._anchors: dict[str, frozenset[str]] = {}
        self._pages: list[str] | None = None
        self._addresses: dict | None = None

    def has(self, path: str) -> bool:
        return self._file(path) is not None

    def _file(self, path: str) -> str | None:
        """The file a path serves: a page ('claims/x/'), a file ('feed.xml'), or a folder's
        page without its slash ('claims/x'), as GitHub Pages serves them."""
        names = [urls.output_file(path), path]
        if not path.endswith("/"):
            names.append(urls.output_file(path + "/"))
        return next((name for name in names if name in self.files or name in self.unbuilt),
                    None)

    def has_anchor(self, path: str, fragment: str) -> bool:
        """Whether the page has an element with this id; on /consistency/, a group that
        its script finds on another page, or by an id it had before, counts too."""
        name = self._file(path)
        if name not in self.files:
            return True  # a page not built for an error: its ids are not known yet
        if name not in self._anchors:
            body = self.files[name].decode("utf-8", "replace") if name.endswith(".html") else ""
            self._anchors[name] = frozenset(html.unescape(found)
                                            for found in _ID.findall(body))
        if fragment in self._anchors[name]:
            return True
        listing = path == "consistency/" or path.startswith("consistency/page/")
        return listing and fragment in self._group_addresses()

    def _group_addresses(self) -> dict:
        """Read once a build: every group's id, and the ids it had before."""
        if self._addresses is None:
            try:
                self._addresses = json.loads(
                    self.files.get(comparison_views.GROUP_ADDRESSES_PATH, b"{}"))
            except ValueError:
                self._addresses = {}
        return self._addresses

    def suggestion(self, target: str, path: str) -> str:
        """' — did you mean …?' with the page whose path is nearest, written as the editor
        wrote the link where only one part of it differs (a misspelt claim id or tag)."""
        if self._pages is None:
            self._pages = sorted(name[:-len("index.html")] for name in self.files
                                 if name.endswith("index.html"))
        near = closest(path.rstrip("/") + "/", self._pages, cutoff=80)
        if near is None:
            return ""
        wrong, right = path.strip("/").split("/"), near.strip("/").split("/")
        changed = [(a, b) for a, b in zip(wrong, right) if a != b]
        address, mark, rest = target.partition("#")
        if len(wrong) == len(right) and len(changed) == 1 and changed[0][0] in address:
            before, _, after = address.rpartition(changed[0][0])
            return f" — did you mean '{before}{changed[0][1]}{after}{mark}{rest}'?"
        return f" — did you mean '{self.base_path}{near}'?"


_ID = re.compile(r"""\sid=["']([^"']+)["']""")


def _texts(content: Content) -> Iterable[tuple[str, object, str, bool]]:
    """(page path, how to place an offset in the text, text, whether it is shown as one
    paragraph) of every editor's text."""
    for claim in content.claims:
        page = urls.claim(claim.id)
        fields = [(claim.text_places.get("summary"), claim.summary, False),
                  (claim.text_places.get("consistency"), claim.consistency, False)]
        fields += [(appearance.note_at, appearance.note, True)
                   for appearance in claim.appearances]
        fields += [(correction.origin, correction.text, True) for correction in claim.corrections]
        for place, text, inline in fields:
            if text:
                yield page, (place or TextPlace(claim.origin)).at, text, inline
    for content_page in content.pages:
        # A page's body is its file's lines from body_line on, as a literal block's are.
        body = TextPlace(Position(content_page.origin.path, content_page.body_line - 1), indent=0)
        yield urls.page(content_page.slug), body.at, content_page.body, False


def _site_path(target: str, page_url: str, base_url: str, base_path: str
               ) -> tuple[str, str] | None:
    """The site-relative path a link leads to and the fragment it names ('' for none),
    or None when it leaves the site, or is mail."""
    if target.startswith("mailto:") or not target.strip():
        return None
    resolved = urljoin(page_url, target)
    parts = urlsplit(resolved)
    fragment = unquote(parts.fragment)
    if not resolved.startswith(base_url):
        if parts.netloc != urlsplit(base_url).netloc or not parts.path.startswith(base_path):
            return None  # elsewhere on the web
        return unquote(parts.path[len(base_path):]), fragment
    return unquote(urlsplit(resolved[len(base_url):]).path), fragment
