"""/feed.xml: the claims as an Atom feed, newest change first.

Built with xml.etree so escaping is the XML library's job, not ours. Every date comes from
the content (or, for an empty site, from the fallback the caller passes), never the clock.
"""
from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from . import urls
from .dates import long_date
from .markdown import Markdown
from .model import Claim, Content

ATOM = "http://www.w3.org/2005/Atom"
FEED_PATH = "feed.xml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Characters XML 1.0 cannot carry at all (a YAML escape like "\x01" can produce them).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def changed(claim: Claim) -> dt.date:
    """When the claim's page last changed: an update, a correction, or its publication."""
    dates = [claim.published, claim.updated, *(c.date for c in claim.corrections)]
    return max((day for day in dates if day), default=claim.date)


def newest_first(claims) -> list[Claim]:
    return sorted(claims, key=lambda claim: (changed(claim), claim.date, claim.id), reverse=True)


def atom_feed(content: Content, markdown: Markdown, fallback: dt.date,
              part: FeedPart | None = None) -> bytes:
    """The whole site's feed, or with `part`, that of a tag's or a verdict's claims."""
    config = content.config
    claims = list(part.claims) if part else newest_first(content.claims)
    if not claims and part and content.claims:  # a verdict no claim has yet
        fallback = max(map(changed, content.claims))
    page = config.base_url + (part.page if part else "")
    feed = ET.Element("feed", {"xmlns": ATOM, XML_LANG: config.language})
    _text(feed, "id", page)
    _text(feed, "title", f"{part.title} · {config.title}" if part else config.title)
    _text(feed, "subtitle", part.subtitle if part else config.description)
    _text(feed, "updated", _stamp(changed(claims[0]) if claims else fallback))
    _link(feed, page + FEED_PATH, "self", "application/atom+xml")
    _link(feed, page, "alternate", "text/html")
    author = ET.SubElement(feed, "author")
    _text(author, "name", config.publisher.name)
    _text(author, "uri", config.publisher.url)
    verdicts = {verdict.id: verdict for verdict in config.verdicts}
    # Readers fetch the feed again and again: it carries the latest changes; the archive
    # is the site itself, and all of it is in /data/ for anyone who wants everything.
    for claim in claims[:config.feed_entries]:
        feed.append(_entry(claim, verdicts[claim.verdict], config.base_url, markdown))
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


@dataclass(frozen=True)
class FeedPart:
    """The claims of one listing (a tag's, a verdict's), for a feed of their own at
    <page>feed.xml."""

    page: str  # the listing's path: 'tags/harbour/'
    title: str
    subtitle: str
    claims: tuple[Claim, ...]  # newest change first, as many as a feed carries


def listing_feeds(content: Content) -> list[FeedPart]:
    """A feed for each tag and each verdict, as their listing pages have: a reader can
    follow one topic, or every claim rated false."""
    # Sorted once, and only as many as a feed carries kept: a large site has many tags.
    ordered, most = newest_first(content.claims), content.config.feed_entries
    by_tag: dict[str, tuple[str, list[Claim]]] = {}
    for claim in ordered:
        for tag in claim.tags:
            by_tag.setdefault(urls.slugify(tag), (tag, []))[1].append(claim)
    parts = [FeedPart(urls.tag(name), f"Tag: {name}", f"Claims tagged “{name}”",
                      tuple(claims[:most]))
             for name, claims in by_tag.values()]
    return parts + [FeedPart(urls.verdict(verdict.id), f"Verdict: {verdict.label}",
                             f"Claims rated {verdict.label}: {verdict.description}",
                             tuple([c for c in ordered if c.verdict == verdict.id][:most]))
                    for verdict in content.config.verdicts]


def _entry(claim: Claim, verdict, base_url: str, markdown: Markdown) -> ET.Element:
    url = base_url + urls.claim(claim.id)
    entry = ET.Element("entry")
    # An entry's id never changes (RFC 4287): a renamed claim keeps the address it was
    # first published at, so that feed readers do not show it again as new.
    _text(entry, "id", base_url + urls.claim(claim.former_ids[0]) if claim.former_ids else url)
    _text(entry, "title", ("[Corrected] " if claim.corrections else "") + claim.claim)
    _link(entry, url, "alternate", "text/html")
    if claim.published:
        _text(entry, "published", _stamp(claim.published))
    _text(entry, "updated", _stamp(changed(claim)))
    _category(entry, verdict.id, verdict.label, base_url + "verdicts/")
    if claim.corrections:
        _category(entry, "corrected", "Corrected", base_url + urls.page("corrections"))
    for tag in claim.tags:
        _category(entry, urls.slugify(tag), tag, base_url + "tags/")
    _text(entry, "summary", _summary(claim, verdict, markdown))
    _text(entry, "content", _content_html(claim, verdict, markdown, url)).set("type", "html")
    return entry


def _summary(claim: Claim, verdict, markdown: Markdown) -> str:
    notes = [f"Corrected {long_date(c.date)}: {markdown.plain(c.text)}" for c in claim.corrections]
    if claim.updated:
        notes.append(f"Updated {long_date(claim.updated)}.")
    return " ".join([f"Verdict: {verdict.label}.", markdown.plain(claim.summary), *notes])


def _content_html(claim: Claim, verdict, markdown: Markdown, url: str) -> str:
    """The entry as HTML (an escaped string inside the XML, as Atom's type="html" wants),
    its links absolute: a feed reader resolves relative ones against the feed's address,
    not the claim page's."""
    escape = _escape_html
    parts = [f"<p>Claim by {escape(claim.claimant)} on {long_date(claim.date)}. "
             f"Our verdict: <strong>{escape(verdict.label)}</strong>.</p>",
             markdown.block(claim.summary, url)]
    if claim.updated:
        parts.append(f"<p>Updated {long_date(claim.updated)}.</p>")
    if claim.corrections:
        items = "".join(f"<li>{long_date(c.date)}: {markdown.inline(c.text, url)}</li>"
                        for c in claim.corrections)
        parts.append(f"<p>Corrections:</p><ul>{items}</ul>")
    return "".join(parts)


def _escape_html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _text(parent: ET.Element, tag: str, value: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = _xml_safe(value)
    return element


def _category(parent: ET.Element, term: str, label: str, scheme: str) -> None:
    ET.SubElement(parent, "category", {"term": term, "label": _xml_safe(label), "scheme": scheme})


def _xml_safe(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _link(parent: ET.Element, href: str, rel: str, media_type: str) -> None:
    ET.SubElement(parent, "link", {"href": href, "rel": rel, "type": media_type})


def _stamp(day: dt.date) -> str:
    """RFC 3339, as Atom requires: the content gives days, so midnight UTC."""
    # A claim date known only to the month or year stands on its first day here.
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}T00:00:00Z"
