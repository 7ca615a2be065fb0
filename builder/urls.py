"""Where each page lives. Knows URL paths, never the file system."""
from __future__ import annotations

import re
import unicodedata

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
                      "data", "static", "page"))


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
