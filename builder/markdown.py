"""Editors' Markdown → HTML: raw HTML off, links limited to safe schemes."""
from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from markdown_it import MarkdownIt
from markdown_it.common.utils import normalizeReference

from .schema import closest

SAFE_SCHEMES = {"http", "https", "mailto"}


def _is_safe_link(url: str) -> bool:
    # Browsers ignore tabs, newlines and leading spaces in schemes ("java\tscript:"), so we do too.
    compact = "".join(url.split()).lower()
    scheme = urlsplit(compact).scheme
    return scheme in SAFE_SCHEMES or (scheme == "" and not compact.startswith("//"))


# '[text](target)', as an editor writes a link; a target in <angle brackets> may hold
# spaces, and one without, parentheses in pairs, as CommonMark reads it ('…/Foo_(bar)').
_LINK = re.compile(r"\]\(\s*(<[^>\n]*>|(?:[^()\s]|\([^()\s]*\))+)")


def link_targets(text: str | None, inline: bool = False) -> list[tuple[int, str]]:
    """(offset, target) of each link the text writes: '[text](target)', and each
    reference definition's '[label]: target', which '[text][label]' links use. `inline`:
    the text is shown as one paragraph (a note, a correction), which reads no definitions."""
    written = [(link.start(1), link.group(1).strip("<>")) for link in _LINK.finditer(text or "")]
    if inline:
        return written
    defined = [(offset, target) for _, offset, target in _References(text).definitions]
    return sorted(written + defined)


def undefined_references(text: str | None, inline: bool = False) -> list[tuple[int, str]]:
    """(offset, message) for each '[text][label]' or '[text][]' that no definition in the
    text gives an address: CommonMark shows it as typed, brackets and all. A bare '[text]'
    is not told of: in prose it is as often an aside ('[sic]', an editor's '[…]'). In a
    text shown as one paragraph, every named reference and definition is shown as typed."""
    references = _References(text, inline)
    if inline:
        return sorted(references.unread_in_one_paragraph())
    found = []
    for offset, written, label in references.undefined:
        guess = closest(label, references.labels, cutoff=80)
        hint = f" — did you mean '[{guess}]'?" if guess else ""
        found.append((offset, f"link '{written[:60]}' would be shown as plain text: no line "
                              f"'[{label[:40]}]: address' in this text defines it{hint}"))
    return found


# '[label]: address' (the address may start on the next line, and be in <angle brackets>).
_DEFINITION = re.compile(r"\[((?:[^\[\]\\]|\\.)+)\]:[ \t]*(?:\n[ \t>]*)?(<[^>\n]*>|\S+)")
# A link that names its reference: '[text][label]', or '[text][]' for a label like its text.
_NAMED_REFERENCE = re.compile(r"\[([^\[\]]+)\]\[([^\[\]]*)\]")


def _definition_reader() -> MarkdownIt:
    """A parser that keeps every reference definition, even one whose address the
    renderer refuses: that one is told of as an unsafe link, and the links using it are
    not told of again as undefined."""
    reader = MarkdownIt("commonmark", {"html": False})
    reader.validateLink = lambda url: True
    return reader


_READER = _definition_reader()


class _References:
    """A text's reference definitions (offset of each address, and the address) and the
    links naming a reference it does not define (offset, as written, label), found by
    CommonMark's own reading, so that none in a code block or span counts."""

    def __init__(self, text: str | None, inline: bool = False):
        self.definitions: list[tuple[str, int, str]] = []  # (label as written, offset, address)
        self.undefined: list[tuple[int, str, str]] = []
        # Only these marks make a definition or a named reference: most texts have neither.
        if not text or ("]:" not in text and "][" not in text):
            return
        env: dict = {}
        tokens = _READER.parse(text, env)
        starts = [0] + [at + 1 for at, char in enumerate(text) if char == "\n"]
        for label, definition in env.get("references", {}).items():
            self._define(text, _lines(starts, definition["map"], len(text)), label)
        if inline:  # as the renderer reads it: no definitions, one paragraph of every line
            tokens = _READER.parseInline(text, {})
        for token in tokens:
            if token.type == "inline" and "][" in token.content:
                lines = (0, len(text)) if inline else _lines(starts, token.map, len(text))
                self._find_undefined(text, lines, token)

    @property
    def labels(self) -> list[str]:
        return [label for label, _, _ in self.definitions]

    def unread_in_one_paragraph(self) -> list[tuple[int, str]]:
        why = ("a note or correction is shown as one paragraph, which reads no "
               "'[label]: address' lines")
        return ([(offset, f"link '{written[:60]}' would be shown as plain text: {why}; write "
                          f"'[text](address)'") for offset, written, _ in self.undefined]
                + [(offset, f"'[{label[:40]}]: {address[:60]}' would be shown as plain text: "
                            f"{why}; write '[text]({address[:60]})'")
                   for label, offset, address in self.definitions])

    def _define(self, text: str, lines: tuple[int, int], label: str) -> None:
        for found in _DEFINITION.finditer(text, *lines):
            if normalizeReference(found.group(1)) == label:
                self.definitions.append((found.group(1), found.start(2),
                                         found.group(2).strip("<>")))
                return

    def _find_undefined(self, text: str, lines: tuple[int, int], token) -> None:
        """Named references left as text are undefined; each is found in the lines of its
        paragraph. One not written there as it reads was written with escapes ('\\[a\\]'),
        to be shown as text: it is no link gone wrong."""
        cursor = lines[0]
        for child in token.children or ():
            if child.type != "text":
                continue
            for use in _NAMED_REFERENCE.finditer(child.content):
                written = use.group(0)
                at = text.find(written, cursor, lines[1])
                if at >= 0:
                    cursor = at + len(written)
                    self.undefined.append((at, written, use.group(2) or use.group(1)))


def _lines(starts: list[int], line_map, end: int) -> tuple[int, int]:
    """The offsets a token's lines [first, last) span in the text."""
    first, last = line_map
    return starts[first], starts[last] if last < len(starts) else end


def unsafe_links(text: str | None, inline: bool = False) -> list[tuple[int, str]]:
    """(offset, message) for each link the renderer will refuse, leaving its Markdown
    on the page as plain text: an editor should hear of it, not find it published."""
    found = []
    for offset, target in link_targets(text, inline):
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
