"""/sitemap.xml (every HTML page once) and /robots.txt pointing at it."""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from . import urls
from .feeds import changed
from .model import Content

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
SITEMAP_PATH = "sitemap.xml"


def page_dates(content: Content) -> dict[str, dt.date]:
    """The pages whose last change the content tells: each claim, and the home page."""
    dates = {urls.claim(claim.id): changed(claim) for claim in content.claims}
    if dates:
        dates[urls.home()] = max(dates.values())
    return dates


def sitemap_xml(base_url: str, page_paths, dates: dict[str, dt.date]) -> bytes:
    urlset = ET.Element("urlset", {"xmlns": SITEMAP})
    for path in sorted(set(page_paths)):
        entry = ET.SubElement(urlset, "url")
        ET.SubElement(entry, "loc").text = base_url + path
        if path in dates:
            day = dates[path]
            ET.SubElement(entry, "lastmod").text = f"{day.year:04d}-{day.month:02d}-{day.day:02d}"
    ET.indent(urlset)
    return ET.tostring(urlset, encoding="utf-8", xml_declaration=True) + b"\n"


def robots_txt(base_url: str) -> bytes:
    # Crawlers read robots.txt only at a host's root: under a sub-path (a GitHub project
    # site) this file is inert, and the sitemap is found through search consoles instead.
    return (f"User-agent: *\nAllow: /\n\nSitemap: {base_url}{SITEMAP_PATH}\n").encode("utf-8")
