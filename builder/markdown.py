"""Editors' Markdown → HTML: raw HTML off, links limited to safe schemes."""
from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from markdown_it import MarkdownIt

from .schema import closest

SAFE_SCHEMES = {"http", "https", "mailto"}


def _is_safe_link(url: str) -> bool:
    # Browsers ignore tabs, newlines and leading spaces in schemes ("java\tscript:"), so we do too.
    compact = "".join(url.split()).lower()
    scheme = urlsplit(compact).scheme
    return scheme in SAFE_SCHEMES or (scheme == "" and not compact.startswith("//"))


# '[text](target)', as an editor writes a link; a target in <angle brackets> may hold spaces.
_LINK = re.compile(r"\]\(\s*(<[^>\n]*>|[^)\s]+)")


def link_targets(text: str | None) -> list[tuple[int, str]]:
    """(offset, target) of each link the text writes: '[text](target)'."""
    return [(link.start(1), link.group(1).strip("<>")) for link in _LINK.finditer(text or "")]


def unsafe_links(text: str | None) -> list[tuple[int, str]]:
    """(offset, message) for each link the renderer will refuse, leaving its Markdown
    on the page as plain text: an editor should hear of it, not find it published."""
    found = []
    for offset, target in link_targets(text):
        if _is_safe_link(target):
            continue
        scheme = urlsplit("".join(target.split()).lower()).scheme
        # A slip of a letter or two ('htp', 'mailt'), not another scheme ('ftp').
        guess = closest(scheme, ["https", "http", "mailto"], cutoff=80) if scheme else None
        fixed = guess + target.strip()[len(scheme):] if guess else ""
        hint = f" — did you mean '{fixed[:60]}'?" if guess else ""
        found.append((offset, f"link to '{target[:60]}' would be shown as plain text: "
                              f"links go to http, https, mailto or a path on this site{hint}"))
    return found


def make_renderer() -> MarkdownIt:
    renderer = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    renderer.validateLink = _is_safe_link
    renderer.add_render_rule("link_open", _resolved("href"))
    renderer.add_render_rule("image", _resolved("src"))
    return renderer


def _resolved(attribute: str):
    """A render rule that resolves a relative address against env["at"], the address
    of the page the text was written for: a claim's summary or correction is shown on
    other pages too (/corrections/, the feed), where '../../about/' would lead elsewhere."""
    def render(self, tokens, index, options, env):
        token = tokens[index]
        target = token.attrGet(attribute)
        if env.get("at") and isinstance(target, str) and not urlsplit(target).scheme:
            token.attrSet(attribute, urljoin(env["at"], target))
        if token.type == "image":
            return self.image(tokens, index, options, env)
        return self.renderToken(tokens, index, options, env)
    return render


class Markdown:
    """A renderer that renders each text once: per build, or for a preview server's life
    (the HTML of a text depends on the text alone). Not shared between threads."""

    def __init__(self):
        self._renderer = make_renderer()
        # Pages, feed, CSV and share cards each want the same summary; parse it once.
        self._done: dict[tuple[str, str, str], str] = {}
        self._before: dict[tuple[str, str, str], str] = {}  # the previous build's

    def next_build(self) -> None:
        """Keeps what the last build rendered and forgets what it did not ask for, so
        that a preview server's memory does not grow with every save of a summary."""
        self._before, self._done = self._done, {}

    def block(self, text: str | None, at: str = "") -> str:
        """`at`: the address of the page the text was written for, if relative links
        in it are to lead to the same places from other pages."""
        return self._once("block", text, self._renderer.render, at)

    def inline(self, text: str | None, at: str = "") -> str:
        return self._once("inline", text, self._renderer.renderInline, at)

    def plain(self, text: str | None) -> str:
        """The words of Markdown without its markup: for meta descriptions and feed summaries."""
        return self._once("plain", text, self._plain)

    def _once(self, kind: str, text: str | None, render, at: str = "") -> str:
        if not text:
            return ""
        key = (kind, text, at)
        done = self._done.get(key)
        if done is None:
            done = self._before.get(key)
            if done is None:
                done = render(text, {"at": at}) if at else render(text)
            self._done[key] = done
        return done

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
