"""Editors' Markdown → HTML: raw HTML off, links limited to safe schemes."""
from __future__ import annotations

from urllib.parse import urlsplit

from markdown_it import MarkdownIt

SAFE_SCHEMES = {"http", "https", "mailto"}


def _is_safe_link(url: str) -> bool:
    # Browsers ignore tabs, newlines and leading spaces in schemes ("java\tscript:"), so we do too.
    compact = "".join(url.split()).lower()
    scheme = urlsplit(compact).scheme
    return scheme in SAFE_SCHEMES or (scheme == "" and not compact.startswith("//"))


def make_renderer() -> MarkdownIt:
    renderer = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    renderer.validateLink = _is_safe_link
    return renderer


class Markdown:
    """A renderer that renders each text once: per build, or for a preview server's life
    (the HTML of a text depends on the text alone). Not shared between threads."""

    def __init__(self):
        self._renderer = make_renderer()
        # Pages, feed, CSV and share cards each want the same summary; parse it once.
        self._done: dict[tuple[str, str], str] = {}

    def block(self, text: str | None) -> str:
        return self._once("block", text, self._renderer.render)

    def inline(self, text: str | None) -> str:
        return self._once("inline", text, self._renderer.renderInline)

    def plain(self, text: str | None) -> str:
        """The words of Markdown without its markup: for meta descriptions and feed summaries."""
        return self._once("plain", text, self._plain)

    def _once(self, kind: str, text: str | None, render) -> str:
        if not text:
            return ""
        key = (kind, text)
        if key not in self._done:
            self._done[key] = render(text)
        return self._done[key]

    def _plain(self, text: str) -> str:
        words: list[str] = []
        for token in self._renderer.parse(text):
            if token.type in ("fence", "code_block"):
                words.append(token.content)
            for child in token.children or ():
                words.append(child.content if child.type in ("text", "code_inline") else
                             " " if child.type in ("softbreak", "hardbreak") else "")
            words.append(" " if token.type.endswith("_close") else "")
        return " ".join("".join(words).split())


def shorten(text: str, limit: int) -> str:
    """At most limit characters, cut between words, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit - 1]
    return cut.rstrip(" ,;:.–—-") + "…"
