"""What the preview server answers for a request path: pure functions of the path and the
build being served, so every rule (base path, 404 page, traversal, injected script and
error overlay) is tested without a server.

The live-reload script and the panels of errors or warnings are added to served HTML
only; the built site never contains them.
"""
from __future__ import annotations

import html
import mimetypes
from dataclasses import dataclass
from typing import Mapping
from urllib.parse import unquote

from .errors import counted

TYPES = {
    ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8", ".json": "application/json; charset=utf-8",
    ".xml": "application/xml; charset=utf-8", ".atom": "application/atom+xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8", ".csv": "text/csv; charset=utf-8",
    ".svg": "image/svg+xml", ".webmanifest": "application/manifest+json",
}


@dataclass(frozen=True)
class Published:
    """The build being served: the last good files, and the latest build's errors."""

    files: Mapping[str, bytes] | None   # None until a build succeeds
    base_path: str                      # "/repo/": where GitHub Pages serves the site
    problems: tuple[str, ...]           # empty when the latest build succeeded
    generation: str                     # changes whenever what is served changes
    # Base paths served before base_url changed: open tabs there are sent to the new one.
    earlier_bases: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()      # the latest build's, when it succeeded


@dataclass(frozen=True)
class Response:
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes


def answer(raw_path: str, published: Published) -> Response:
    """The response to a GET of raw_path (percent-encoded, as sent, without the query)."""
    if published.files is None:
        return _html(500, ERROR_PAGE, published)
    base = published.base_path
    if raw_path in ("/", base.rstrip("/")) and base != raw_path:
        return _redirect(base)
    name = site_file(raw_path, base)
    if name is not None and name in published.files:
        return _file(200, name, published)
    if name is not None and name + "/index.html" in published.files:
        return _redirect(raw_path + "/")   # as GitHub Pages does for a folder without its /
    # A tab left open under the base path served before base_url changed.
    moved = next((old for old in published.earlier_bases
                  if old != base and raw_path.startswith(old)), None)
    if moved is not None and site_file(base + raw_path[len(moved):], base) in published.files:
        return _redirect(base + raw_path[len(moved):])
    if "404.html" in published.files:
        return _file(404, "404.html", published)
    return _html(404, b"<!doctype html><title>Not found</title><h1>Not found</h1>", published)


def site_file(raw_path: str, base_path: str) -> str | None:
    """The built file a path names ('claims/x/index.html'), or None when it names none.

    Each segment is decoded on its own, so an encoded slash or dot-dot (%2f, %2e%2e) stays
    part of one name and can never climb out of the site; decoded dot segments, back-
    slashes and NUL are refused outright."""
    if not raw_path.startswith(base_path):
        return None
    segments = raw_path[len(base_path):].split("/")
    try:
        names = [unquote(segment, errors="strict") for segment in segments]
    except UnicodeDecodeError:
        return None
    if any(name in (".", "..") or any(c in name for c in "/\\\0") for name in names):
        return None
    if names[-1] == "":
        names[-1] = "index.html"
    return "/".join(names)


def _file(status: int, name: str, published: Published) -> Response:
    body = published.files[name]
    content_type = content_type_of(name)
    if content_type.startswith("text/html"):
        body = inject(body, published)
    return Response(status, _headers(content_type), body)


def content_type_of(name: str) -> str:
    extension = "." + name.rsplit(".", 1)[-1].lower() if "." in name.rsplit("/", 1)[-1] else ""
    return TYPES.get(extension) or mimetypes.guess_type(name)[0] or "application/octet-stream"


def _html(status: int, body: bytes, published: Published) -> Response:
    return Response(status, _headers(TYPES[".html"]), inject(body, published))


def _redirect(location: str) -> Response:
    return Response(302, (("Location", location), ("Cache-Control", "no-store")), b"")


def _headers(content_type: str) -> tuple[tuple[str, str], ...]:
    return (("Content-Type", content_type), ("Cache-Control", "no-store"),
            ("X-Content-Type-Options", "nosniff"))


def inject(page: bytes, published: Published) -> bytes:
    """The page with the error overlay (when the latest build failed) or the warnings
    panel (when it succeeded with warnings), and the live-reload script, added just
    before </body>."""
    if published.problems:
        panel = overlay(published.problems, published.files is not None)
    else:
        panel = warnings_panel(published.warnings) if published.warnings else ""
    added = panel + reload_script(published.generation)
    at = page.rfind(b"</body>")
    at = len(page) if at < 0 else at
    return page[:at] + added.encode("utf-8") + page[at:]


def reload_script(generation: str) -> str:
    # Tells the server which build the page shows, so a build that lands between serving
    # the page and connecting still reloads it; reconnects if the server restarts.
    return (
        '<script data-preview="livereload">/* make serve only: never in the built site */'
        "(function(){var generation=" + _js_string(generation) + ";"
        "function connect(){var socket=new WebSocket((location.protocol==='https:'?'wss://'"
        ":'ws://')+location.host+'/livereload?generation='+encodeURIComponent(generation));"
        "socket.onmessage=function(event){var message=JSON.parse(event.data);"
        "if(message.command==='reload'){location.reload();}};"
        "socket.onclose=function(){setTimeout(connect,1000);};}connect();})();</script>\n")


def _js_string(text: str) -> str:
    return "'" + "".join(c if c.isalnum() or c == "-" else "" for c in text) + "'"


def overlay(problems: tuple[str, ...], showing_last_good_build: bool) -> str:
    errors = sum(1 for problem in problems if ": warning: " not in problem)
    warnings = len(problems) - errors
    warned = f" and {counted(warnings, 'warning')}" if warnings else ""
    showing = ("This is the last good build; the page updates by itself once they are fixed."
               if showing_last_good_build else
               "Nothing has built yet; this page updates by itself once they are fixed.")
    listed = "\n".join(html.escape(problem) for problem in problems)
    return (
        '<div id="preview-errors" role="alert" style="position:fixed;top:0;left:0;right:0;'
        "z-index:2147483647;max-height:60vh;overflow:auto;margin:0;padding:1rem 1.25rem;"
        "background:#fff4f4;color:#5c0000;border-bottom:4px solid #b00020;"
        'box-shadow:0 4px 16px rgba(0,0,0,.3);font:15px/1.45 system-ui,sans-serif">'
        '<button type="button" onclick="this.parentNode.remove()" style="float:right">Hide'
        "</button>"
        f'<p style="margin:0 0 .5rem;font-weight:bold">The latest save has '
        f"{counted(errors, 'error')}{warned}. {showing}</p>"
        '<pre style="margin:0;white-space:pre-wrap;font:13px/1.5 ui-monospace,monospace">'
        f"{listed}</pre></div>\n")


def warnings_panel(warnings: tuple[str, ...]) -> str:
    """The warnings of a build that worked: at the foot of the page and in amber, as the
    page above is up to date and whole, unlike under the error overlay; but in the page,
    where the editor is looking, and not only in a terminal they may not see."""
    listed = "\n".join(html.escape(warning) for warning in warnings)
    return (
        '<div id="preview-warnings" role="status" style="position:fixed;bottom:0;left:0;'
        "right:0;z-index:2147483646;max-height:35vh;overflow:auto;margin:0;"
        "padding:.75rem 1.25rem;background:#fffbe6;color:#3b2f00;"
        "border-top:3px solid #d4a200;box-shadow:0 -2px 10px rgba(0,0,0,.15);"
        'font:14px/1.45 system-ui,sans-serif">'
        '<button type="button" onclick="this.parentNode.remove()" style="float:right">Hide'
        "</button>"
        f'<p style="margin:0 0 .5rem;font-weight:bold">The latest save built, with '
        f"{counted(len(warnings), 'warning')}: the page is up to date; these are worth a "
        "look before publishing.</p>"
        '<pre style="margin:0;white-space:pre-wrap;font:13px/1.5 ui-monospace,monospace">'
        f"{listed}</pre></div>\n")


# What every path shows, under the errors, while no build has succeeded yet.
ERROR_PAGE = (b"<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
              b"<title>Build failed \xc2\xb7 preview</title></head>"
              b"<body><h1>The site could not be built</h1></body></html>\n")
