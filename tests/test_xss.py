"""Hostile content is inert: payloads placed in every field a site has come out as text in
every file the build writes, each file parsed as what it is (HTML as a browser parses it,
XML, JSON, CSV). The walk covers the whole output tree, so files added later are covered
too; a kind of file it cannot parse fails the test until a parser is added here."""
from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from builder import output, search
from builder.render import PROJECT_DIR
from conftest import copy_site, in_a_real_browser, run_builder

# Each payload carries "xss" so that any element or attribute it manages to create is
# recognisable; the formula ones lead a value, as a spreadsheet reads only the first cell
# character.
PAYLOADS = [
    '<script>alert("xss-1")</script>',
    '<img src=x onerror=alert("xss-2")>',
    '"><svg/onload=alert("xss-3")>',
    "'><xss-el xss-attr=1>",
    '</script><script>alert("xss-4")</script>',
    "<!--<script>xss-5",
    "</title></textarea></style><xss-el>",
    '<iframe src="javascript:alert(\'xss-6\')"></iframe>',
    '<a href="javascript:alert(1)" onclick="xss()">xss-7</a>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="//evil.example/"><form action="javascript:alert(1)"><button>xss-8',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert('xss-9')>",
    "{{ 7*191 }} {% if true %}xss-jinja{% endif %} {# xss #}",
    "]]> & &amp; &lt;script&gt; \u2028 \u2029",
]
MARKDOWN_PAYLOADS = [
    "[a](javascript:alert('xss-md-1')) [b](JaVaScRiPt:alert(1)) [c](java&#x09;script:x)",
    "[d](data:text/html;base64,PHNjcmlwdD4=) ![e](javascript:alert(1)) ![f](data:image/svg+xml,x)",
    "<javascript:alert('xss-md-2')> <DATA:text/html,x> [g][h]\n\n[h]: javascript:alert(1)",
    "[i](vbscript:msgbox) [j](&#106;avascript:alert(1)) [k]( javascript:x)",
    "<b onmouseover=alert('xss-md-3')>raw</b>",
]
FORMULAS = ['=HYPERLINK("http://evil.example","xss")', "+1+1 xss", "-2+3 xss", "@SUM(1) xss"]
TEXT = " ".join(PAYLOADS)
MARKDOWN = "\n\n".join(MARKDOWN_PAYLOADS + PAYLOADS)
SEED_PASSAGE = 'The mayor wrote "<script>alert(\'xss-seed\')</script>" on the board.'
URL = "https://example.org/a?b=1&c='onmouseover=alert(1)//"
UNSAFE_SCHEMES = ("javascript:", "data:", "vbscript:")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "cite", "background",
                  "srcset", "data", "xlink:href", "ping", "manifest", "icon"}
# What Markdown may produce, and what an HTML parser adds by itself.
MARKDOWN_ELEMENTS = {"p", "a", "em", "strong", "code", "pre", "ul", "ol", "li", "blockquote",
                     "h1", "h2", "h3", "h4", "h5", "h6", "hr", "br", "img"}
IMPLIED_ELEMENTS = {"html", "head", "body", "tbody"}


def _dump(path: Path, value) -> None:
    path.write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _hostile_site(tmp_path: Path) -> Path:
    site = copy_site("minimal", tmp_path)
    config = yaml.safe_load((site / "site.yml").read_text(encoding="utf-8"))
    config.update(title=FORMULAS[0] + " " + TEXT, description=FORMULAS[1] + " " + TEXT,
                  funding=TEXT, contact=TEXT, language='en" onload="xss')
    config["publisher"]["name"] = FORMULAS[2] + " " + TEXT
    for outlet in config["outlets"].values():
        outlet["name"] = FORMULAS[3] + " " + TEXT
    for verdict in config["verdicts"]:
        verdict["label"] = f"{verdict['label']} {PAYLOADS[0]} {PAYLOADS[3]}"
        verdict["description"] = TEXT
    _dump(site / "site.yml", config)

    seeds = site / "seeds"
    (seeds / "hostile.txt").write_text(f"{SEED_PASSAGE}\n{TEXT}\n", encoding="utf-8")
    _dump(seeds / "hostile.yml", {"outlet": "daily", "headline": FORMULAS[0] + " " + TEXT,
                                  "published": dt.date(2025, 3, 4), "url": URL,
                                  "author": FORMULAS[1] + " " + TEXT,
                                  "boilerplate": [PAYLOADS[1]]})
    claim = {
        "claim": FORMULAS[0] + " " + TEXT, "claimant": FORMULAS[1] + " " + TEXT,
        "date": dt.date(2025, 3, 4), "verdict": "misleading",
        "summary": FORMULAS[2] + " " + MARKDOWN,
        "appearances": [
            {"source": "hostile", "quote": "<script>alert('xss-seed')</script>",
             "note": FORMULAS[3] + " " + MARKDOWN},
            {"source": "hostile", "quote": PAYLOADS[2], "note": MARKDOWN_PAYLOADS[0]},
        ],
        "consistency": MARKDOWN,
        "tags": [*FORMULAS, *PAYLOADS],
        "published": dt.date(2025, 3, 5), "updated": dt.date(2025, 3, 6),
        "corrections": [{"date": dt.date(2025, 3, 6), "text": FORMULAS[0] + " " + MARKDOWN}],
    }
    _dump(site / "content" / "claims" / "hostile.yml", claim)
    pages = site / "content" / "pages"
    for name in ("about", "methodology", "corrections", "hostile-page"):
        front = yaml.safe_dump({"title": TEXT, "description": TEXT}, allow_unicode=True)
        (pages / f"{name}.md").write_text(f"---\n{front}---\n{MARKDOWN}\n", encoding="utf-8")
    return site


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory) -> Path:
    tmp_path = tmp_path_factory.mktemp("xss")
    site = _hostile_site(tmp_path)
    out = tmp_path / "_site"
    result = run_builder("build", "--site", str(site), "--out", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return out


def _template_elements() -> set[str]:
    names = set()
    for template in Path(PROJECT_DIR, "templates").glob("*.html"):
        names |= {name.lower() for name in
                  re.findall(r"<([a-zA-Z][a-zA-Z0-9-]*)", template.read_text(encoding="utf-8"))}
    return names


def _unsafe_url(value: str) -> bool:
    compact = re.sub(r"[\x00-\x20]", "", value).lower()
    return compact.startswith(UNSAFE_SCHEMES) or compact.startswith("//")


def _html_failures(markup: str, allowed: set[str], fragment: bool = False) -> list[str]:
    soup = BeautifulSoup(markup, "html5lib")
    failures = []
    for element in soup.find_all(True):
        name = element.name.lower()
        if name not in allowed or "xss" in name:
            failures.append(f"element <{name}> came from content")
        for attribute, value in element.attrs.items():
            values = value if isinstance(value, list) else [value]
            if attribute.startswith("on") or "xss" in attribute:
                failures.append(f"attribute {attribute}= on <{name}>")
            if attribute in URL_ATTRIBUTES and any(_unsafe_url(v) for v in values):
                failures.append(f"unsafe URL {values} in <{name} {attribute}>")
            if attribute == "http-equiv" and "refresh" in str(value).lower():
                failures.append("a meta refresh")
        if name == "script":
            failures += _script_failures(element, fragment)
    return failures


def _script_failures(script, fragment: bool) -> list[str]:
    if fragment:
        return ["a <script> inside a fragment of content"]
    if script.get("type") == "application/ld+json":
        try:
            json.loads(script.string or "")
        except ValueError:
            return [f"JSON-LD that does not parse (split by content?): {script.string!r:.200}"]
        return []
    if "xss" in (script.string or "") or "alert(" in (script.string or ""):
        return [f"a script carrying content: {script.string!r:.200}"]
    return []


def _xml_failures(data: bytes, allowed_html: set[str]) -> list[str]:
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as problem:
        return [f"not well-formed XML: {problem}"]
    failures = []
    for element in root.iter():
        local = element.tag.rsplit("}", 1)[-1]
        if "xss" in local.lower():
            failures.append(f"element <{local}> came from content")
        for attribute, value in element.attrib.items():
            name = attribute.rsplit("}", 1)[-1]
            if name.startswith("on") or "xss" in name:
                failures.append(f"attribute {name}= on <{local}>")
            if name in URL_ATTRIBUTES and _unsafe_url(value):
                failures.append(f"unsafe URL {value!r} in <{local} {name}>")
        if local in ("loc", "id", "uri", "link", "guid") and element.text and \
                _unsafe_url(element.text.strip()):
            failures.append(f"unsafe URL {element.text!r} in <{local}>")
        # Escaped HTML that a feed reader renders as HTML: it must itself be inert.
        if element.text and (element.get("type") == "html" or local in ("description", "encoded")):
            failures += [f"in <{local}>: {failure}" for failure in
                         _html_failures(element.text, allowed_html, fragment=True)]
    return failures


def _json_failures(data: bytes) -> list[str]:
    try:
        document = json.loads(data.decode("utf-8"))
    except ValueError as problem:
        return [f"not valid JSON: {problem}"]
    failures = []

    def walk(value, key=None):
        if isinstance(value, dict):
            for inner_key, inner in value.items():
                walk(inner, inner_key)
        elif isinstance(value, list):
            for inner in value:
                walk(inner, key)
        elif isinstance(value, str) and key in ("url", "@id", "href", "sameAs", "image", "link") \
                and _unsafe_url(value):
            failures.append(f"unsafe URL {value!r} under {key!r}")

    walk(document)
    return failures


def _csv_failures(data: bytes) -> list[str]:
    failures = []
    for row in csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")):
        for cell in row:
            if cell[:1] in ("=", "+", "-", "@", "\t", "\r") and \
                    not re.fullmatch(r"-?\d+(\.\d+)?", cell):
                failures.append(f"a cell a spreadsheet would run as a formula: {cell[:60]!r}")
    return failures


def _static_files() -> dict[str, bytes]:
    root = Path(PROJECT_DIR, "static")
    return {"static/" + path.relative_to(root).as_posix(): path.read_bytes()
            for path in root.rglob("*") if path.is_file()}


# Pagefind's index: words and numbers in its binary format, which its own script reads
# as data; and its fragments, each page's text and metadata as JSON (gzipped, after a
# signature), which its interface shows: the browser test below checks it shows it as text.
PAGEFIND_DATA = {".pf_index", ".pf_meta", ".pf_filter", ".pagefind"}
PAGEFIND_SIGNATURE = b"pagefind_dcd"


def _pagefind_failures(path: str, data: bytes) -> list[str]:
    suffix = Path(path).suffix.lower()
    if suffix in PAGEFIND_DATA:
        return []
    if suffix == ".json":
        return _json_failures(data)
    if suffix == ".pf_fragment":
        fragment = gzip.decompress(data)
        if not fragment.startswith(PAGEFIND_SIGNATURE):
            return ["a search fragment without Pagefind's signature"]
        return _json_failures(fragment[len(PAGEFIND_SIGNATURE):])
    # Pagefind's scripts and styles: its own, with nothing of the content in them.
    return [] if b"xss" not in data else ["content in Pagefind's own files"]


def _failures_of(path: str, data: bytes, allowed: set[str]) -> list[str]:
    suffix = Path(path).suffix.lower()
    if path.startswith(search.FOLDER + "/"):
        return _pagefind_failures(path, data)
    if suffix in (".html", ".htm"):
        return _html_failures(data.decode("utf-8"), allowed)
    if suffix in (".xml", ".rss", ".atom", ".svg"):
        return _xml_failures(data, allowed)
    if suffix in (".json", ".jsonld", ".webmanifest"):
        return _json_failures(data)
    if suffix == ".csv":
        return _csv_failures(data)
    if suffix == ".txt":
        return [] if "xss" not in data.decode("utf-8") else ["content in a text file"]
    if data == b"":
        return []
    if path == output.MARKER:
        return [] if data == output.MARKER_TEXT else ["the build marker holds something else"]
    return [f"no parser for {suffix or 'this kind of'} file: add one to tests/test_xss.py"]


def _tree_failures(out: Path) -> list[str]:
    allowed = _template_elements() | MARKDOWN_ELEMENTS | IMPLIED_ELEMENTS
    static = _static_files()
    failures = []
    for file in sorted(out.rglob("*")):
        if not file.is_file():
            continue
        path, data = file.relative_to(out).as_posix(), file.read_bytes()
        if static.get(path) == data:
            continue  # copied unchanged from the project: no content in it
        if b"1337" in data:  # {{ 7*191 }} evaluated
            failures.append(f"{path}: template syntax in content was evaluated")
        failures += [f"{path}: {failure}" for failure in _failures_of(path, data, allowed)]
    return failures


def test_no_output_file_lets_content_become_markup(hostile_build):
    assert _tree_failures(hostile_build) == []


def test_the_walk_fails_a_template_that_trusts_content(tmp_path):
    """The test above can fail: a template marking claim text safe is caught."""
    site = _hostile_site(tmp_path)
    claim = Path(PROJECT_DIR, "templates", "claim.html").read_text(encoding="utf-8")
    assert "{{ summary.claim }}" in claim
    (site / "templates").mkdir()
    (site / "templates" / "claim.html").write_text(
        claim.replace("{{ summary.claim }}", "{{ summary.claim | safe }}"), encoding="utf-8")
    out = tmp_path / "_site"
    assert run_builder("build", "--site", str(site), "--out", str(out), cwd=tmp_path).returncode == 0
    failures = _tree_failures(out)
    assert any(f.startswith("claims/hostile/index.html: element <xss-el>") for f in failures)
    assert any("attribute onerror=" in f for f in failures)


def test_the_payloads_did_reach_the_pages_as_text(hostile_build):
    """Without this, an empty page would pass the test above."""
    claim = BeautifulSoup((hostile_build / "claims/hostile/index.html").read_text(encoding="utf-8"),
                          "html5lib")
    text = claim.get_text()
    for payload in PAYLOADS[:4] + [FORMULAS[0]]:
        assert payload in text
    assert "{{ 7*191 }}" in text
    source = (hostile_build / "sources/hostile/index.html").read_text(encoding="utf-8")
    assert SEED_PASSAGE.split('"')[1] in BeautifulSoup(source, "html5lib").get_text()


def test_unsafe_markdown_links_stay_text(hostile_build):
    page = BeautifulSoup((hostile_build / "hostile-page/index.html").read_text(encoding="utf-8"),
                         "html5lib")
    body = page.find("main").get_text()
    assert "[a](javascript:alert('xss-md-1'))" in body
    assert "<b onmouseover=alert('xss-md-3')>raw</b>" in body
    assert not page.find("main").find_all("img")


def test_spreadsheet_formulas_are_neutralised_not_dropped(hostile_build):
    data = (hostile_build / "data/claims.csv").read_bytes().decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(data, newline="")) for cell in row]
    assert any(cell.startswith("'=HYPERLINK(") or cell.startswith("\t=HYPERLINK(")
               or "HYPERLINK(" in cell for cell in cells)


@pytest.mark.parametrize("markup, expected", [
    ('<p><script>alert(1)</script></p>', "element <script>"),
    ('<p onclick="x">a</p>', "attribute onclick="),
    ('<a href=" JaVa\tScRipt:alert(1)">a</a>', "unsafe URL"),
    ('<img src="data:image/svg+xml,x">', "unsafe URL"),
    ('<xss-el>', "element <xss-el>"),
])
def test_the_checker_itself_catches_what_it_should(markup, expected):
    allowed = {"p", "a", "img"} | IMPLIED_ELEMENTS
    assert any(expected in failure for failure in _html_failures(markup, allowed, fragment=True))
    ld = '<script type="application/ld+json">{"a": "</script><b>x</b>"}</script>'
    assert _html_failures(ld, {"script", "b"} | IMPLIED_ELEMENTS)
    assert _csv_failures(b'=1+1,ok\n') and not _csv_failures(b"'=1+1,-5\n")
    assert _xml_failures(b"<a>&</a>", set())


def test_searching_the_hostile_content_shows_it_as_text(hostile_build, tmp_path):
    """Pagefind keeps each page's text as it reads (fragments hold '<script>' as
    characters); what matters is that its interface, in a browser, never makes it markup."""
    with in_a_real_browser(hostile_build, tmp_path, mount="check") as (browser, root):
        page = browser.new_page()
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(root + "search/?q=xss")
        page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
        page.wait_for_timeout(500)  # images that would fire onerror have had their chance
        shown = page.inner_text(".pagefind-ui__results")
        injected = page.eval_on_selector_all(
            ".pagefind-ui__results xss-el, .pagefind-ui__results [onerror], "
            ".pagefind-ui__results script, .pagefind-ui__results iframe, "
            ".pagefind-ui__results svg", "found => found.length")
        page.close()
    assert '<script>alert("xss-1")</script>' in shown
    assert (injected, dialogs) == (0, [])
