"""Where each page lives. Knows URL paths, never the file system."""
from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from .text import lower_in_place

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """'Royal Navy' → 'royal-navy'; accents folded, anything else becomes a hyphen."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NOT_SLUG.sub("-", folded.lower()).strip("-")[:80].strip("-")


def unique(candidate: str, taken: set[str]) -> str:
    """The candidate, or with '-2', '-3' … after it where an earlier one took it ('José'
    and 'Jose' slug alike); added to `taken`."""
    found, number = candidate, 1
    while found in taken:
        number += 1
        found = f"{candidate}-{number}"
    taken.add(found)
    return found


CONTEXT_WORDS = 4  # words of context a text fragment may take either side
_TOKEN = re.compile(r"\S+")


def text_fragment(text: str, start: int, end: int) -> str:
    """'#:~:text=…': the browser scrolls to the first match of these words and highlights
    it. Where text[start:end] occurs earlier in the text (a title in the headline before
    the one meant), the words right before it (or after it), on its line, are added as
    the directive's prefix (or suffix), as few as make this spot the first. Matching is
    taken as case-insensitive, as browsers do."""
    words, lower = text[start:end], lower_in_place(text)
    if lower.find(lower[start:end]) == start:
        return ":~:text=" + _directive_part(words)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = len(text) if text.find("\n", end) < 0 else text.find("\n", end)
    before = [m.start() for m in _TOKEN.finditer(text, line_start, start)]
    after = [m.end() for m in _TOKEN.finditer(text, end, line_end)]
    for count in range(1, CONTEXT_WORDS + 1):
        if count <= len(before):
            at = before[-count]
            if lower.find(lower[at:end]) == at:
                return (":~:text=" + _directive_part(text[at:start].rstrip()) + "-,"
                        + _directive_part(words))
        if count <= len(after):
            until = after[count - 1]
            if lower.find(lower[start:until]) == start:
                return (":~:text=" + _directive_part(words) + ",-"
                        + _directive_part(text[end:until].lstrip()))
    return ":~:text=" + _directive_part(words)  # no context on its line tells it apart


def _directive_part(words: str) -> str:
    # '-', '&' and ',' have meanings of their own in a text directive: all are encoded.
    return quote(words, safe="").replace("-", "%2D")


def home() -> str:
    return ""


def claim(claim_id: str) -> str:
    return f"claims/{claim_id}/"


def source(stem: str) -> str:
    return f"sources/{stem}/"


def outlet(outlet_id: str) -> str:
    return f"outlets/{outlet_id}/"


def outlet_claims(outlet_id: str) -> str:
    return f"outlets/{outlet_id}/claims/"


def outlet_articles(outlet_id: str) -> str:
    """Every article of the outlet, newest first, a page at a time."""
    return f"outlets/{outlet_id}/articles/"


def outlet_quotations(outlet_id: str) -> str:
    """Every quotation group the outlet takes part in, a page at a time."""
    return f"outlets/{outlet_id}/quotations/"


def tag(name: str) -> str:
    return f"tags/{slugify(name)}/"


def verdict(verdict_id: str) -> str:
    return f"verdicts/{verdict_id}/"


# The top-level folders the builder writes itself: a page of an editor's by one of these
# names would overwrite a section of the site. (content/pages/corrections.md is no clash:
# it introduces the list of corrections.)
SECTIONS = frozenset(("claims", "sources", "outlets", "tags", "verdicts", "consistency",
                      "data", "static", "page", "search", "pagefind"))
# Each section's own index page.
OUTLETS, SOURCES, TAGS, VERDICTS = "outlets/", "sources/", "tags/", "verdicts/"
SEARCH = "search/"
SEARCH_INDEX = "pagefind/"  # written by Pagefind (builder.search), not by the renderer


def page(slug: str) -> str:
    return f"{slug}/"


def speaker(key: str) -> str:
    """Where the quotation groups of one speaker are listed; `key` as comparison_views makes it."""
    return f"consistency/speakers/{key}/"


def quote_anchor(claim_id: str, index: int) -> str:
    return f"q-{claim_id}-{index + 1}"


def output_file(url_path: str) -> str:
    """The file a site-relative URL path is written to: 'claims/x/' → 'claims/x/index.html'."""
    return url_path + "index.html" if url_path == "" or url_path.endswith("/") else url_path
