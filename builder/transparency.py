"""What the IFCN code asks a fact-checker to show: who publishes and funds the site, how to
reach them, how to report an error, and every correction made."""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from .model import SiteConfig
from .views import Link

_EMAIL = re.compile(r"(?:mailto:)?([^@\s:/]+@[^@\s/]+\.[^@\s/]+)", re.IGNORECASE)
_WEB = re.compile(r"https?://\S+", re.IGNORECASE)


@dataclass(frozen=True)
class CorrectionEntry:
    date: str
    date_iso: str
    text_html: str
    claim: Link


@dataclass(frozen=True)
class AboutView:
    publisher: Link
    funding: str | None
    contact: Link | None      # an address or page readers can use
    contact_text: str | None  # contact details that are neither (a postal address, say)


def contact_link(contact: str | None) -> Link | None:
    if not contact:
        return None
    email = _EMAIL.fullmatch(contact.strip())
    if email:
        return Link("mailto:" + email.group(1), email.group(1))
    if _WEB.fullmatch(contact.strip()):
        return Link(contact.strip(), contact.strip())
    return None


def about_view(config: SiteConfig) -> AboutView:
    link = contact_link(config.contact)
    return AboutView(Link(config.publisher.url, config.publisher.name), config.funding,
                     link, None if link else config.contact)


def report_error_url(config: SiteConfig, claim_url: str) -> str:
    """A way to report an error on one claim: an e-mail naming its page, else a contact page."""
    link = contact_link(config.contact)
    if link and link.url.startswith("mailto:"):
        subject = quote(f"Error report: {claim_url}", safe="")
        return f"{link.url}?subject={subject}"
    return link.url if link else config.publisher.url


def claim_error_url(config: SiteConfig, claim_path: str) -> str:
    """report_error_url for the claim page at this site-relative path."""
    return report_error_url(config, config.base_url + claim_path)


def correction_entries(claim_views) -> tuple[CorrectionEntry, ...]:
    """Every correction on the site, newest first (same day: by claim id)."""
    entries = [CorrectionEntry(c.date, c.date_iso, c.text_html,
                               Link(view.summary.url, view.summary.claim))
               for view in claim_views for c in view.corrections]
    entries.sort(key=lambda entry: entry.claim.url)
    entries.sort(key=lambda entry: entry.date_iso, reverse=True)
    return tuple(entries)
