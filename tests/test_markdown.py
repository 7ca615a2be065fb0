"""Editors' Markdown: raw HTML is text, and only http, https, mailto and relative links
become links, whatever spelling tricks hide another scheme."""
import re

import pytest
from bs4 import BeautifulSoup

from builder.markdown import Markdown

UNSAFE = re.compile(r"^(javascript|data|vbscript|file):", re.IGNORECASE)


def _parsed(markdown: str) -> BeautifulSoup:
    return BeautifulSoup(Markdown().block(markdown), "html5lib")


def _urls(soup) -> list[str]:
    return [element.get(name) for element in soup.find_all(True)
            for name in ("href", "src") if element.get(name) is not None]


@pytest.mark.parametrize("markdown", [
    "[a](javascript:alert(1))",
    "[a](JaVaScRiPt:alert(1))",
    "[a](JAVASCRIPT:alert(1))",
    "[a](javascript&#58;alert(1))",
    "[a](javascript&colon;alert(1))",
    "[a](&#106;avascript:alert(1))",
    "[a](&#x6A;&#x61;vascript:alert(1))",
    "[a](<javascript:alert(1)>)",
    "[a]( javascript:alert(1))",
    "[a](\tjavascript:alert(1))",
    "[a](data:text/html;base64,PHNjcmlwdD4=)",
    "[a](DATA:text/html,x)",
    "[a](vbscript:msgbox(1))",
    "[a](file:///etc/passwd)",
    "[a](//evil.example/)",
    "<javascript:alert(1)>",
    "<JavaScript:alert(1)>",
    "<data:text/html,x>",
    "[a][r]\n\n[r]: javascript:alert(1)",
    "[a][r]\n\n[r]: <data:text/html,x>",
    "[r]\n\n[r]: JAVASCRIPT:alert(1) 'title'",
    "![a](javascript:alert(1))",
    "![a](data:image/svg+xml;base64,PHN2Zz4=)",
    "![a][r]\n\n[r]: data:image/png;base64,AAAA",
])
def test_unsafe_links_stay_text(markdown):
    soup = _parsed(markdown)
    assert not soup.find_all(["a", "img"]), str(soup)


@pytest.mark.parametrize("markdown", [
    "[a](java&#x09;script:alert(1))",   # a tab the browser would drop: encoded here, so inert
    "[a](java%09script:alert(1))",
    "[a](%6Aavascript:alert(1))",
    "[a](jav\x00ascript:alert(1))",
    "[a](/\\evil.example)",
    "[a](java\\\nscript:alert(1))",
])
def test_what_does_become_a_link_is_relative_and_harmless(markdown):
    for url in _urls(_parsed(markdown)):
        compact = re.sub(r"[\x00-\x20]", "", url)
        assert not UNSAFE.match(compact) and not compact.startswith(("//", "\\\\", "/\\"))
        assert "\t" not in url and "\\" not in url


@pytest.mark.parametrize("markdown, url", [
    ("[a](https://example.org/x?y=1&z=2)", "https://example.org/x?y=1&z=2"),
    ("[a](HTTP://example.org/)", "HTTP://example.org/"),
    ("[a](mailto:desk@example.org)", "mailto:desk@example.org"),
    ("[a](/about/)", "/about/"),
    ("[a](../methodology/#scale)", "../methodology/#scale"),
    ("<https://example.org/>", "https://example.org/"),
    ("[a][r]\n\n[r]: https://example.org/ref", "https://example.org/ref"),
    ("![a](https://example.org/i.png)", "https://example.org/i.png"),
])
def test_safe_links_work(markdown, url):
    assert _urls(_parsed(markdown)) == [url]


@pytest.mark.parametrize("markdown", [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<a href='javascript:alert(1)'>x</a>",
    "<!-- a comment --><div onclick=x>y</div>",
    "<svg><script>alert(1)</script></svg>",
    "<style>body{}</style>",
    "<iframe src=https://example.org></iframe>",
    "```\n</code><script>alert(1)</script>\n```",
    "`</code><script>alert(1)</script>`",
    '[a](https://example.org "x\\" onmouseover=alert(1) y=\\"")',
])
def test_raw_html_is_text(markdown):
    soup = _parsed(markdown)
    assert not soup.find_all(["script", "img", "svg", "style", "iframe", "div"])
    assert not any(name.startswith("on") for element in soup.find_all(True)
                   for name in element.attrs)


def test_inline_markdown_makes_no_block_and_no_unsafe_link():
    html = Markdown().inline("*a* [b](javascript:x) <i>c</i>")
    assert html == "<em>a</em> [b](javascript:x) &lt;i&gt;c&lt;/i&gt;"


def test_a_preview_keeps_the_markdown_of_the_last_build_only():
    from builder.markdown import Markdown
    markdown = Markdown()
    first = markdown.block("One *summary*.")
    markdown.next_build()
    assert markdown.block("One *summary*.") is first  # asked again: kept
    markdown.block("An edited *summary*.")
    markdown.next_build()
    markdown.next_build()  # two builds that asked for neither
    assert len(markdown._done) + len(markdown._before) == 0


# Where the links are: what `make check` points at

REFERENCES = """See [one][first], [Second][] and [third], not `[code][x]` nor \\[a\\]\\[b\\].

> [FIRST]:
>   </claims/a b/> "title"

- [second]: ../second/

[third]: javascript:alert(1)
"""


def test_reference_definitions_are_link_targets_at_their_address():
    from builder.markdown import link_targets
    text = REFERENCES + "\nAnd [x](../inline/)."
    found = [(text[offset - 2:offset + 1], target) for offset, target in link_targets(text)]
    # Each at its address's first character: the next line's, in <angle brackets> or not.
    assert found == [("  <", "/claims/a b/"), (": .", "../second/"),
                     (": j", "javascript:alert(1)"), ("](.", "../inline/")]


def test_a_named_reference_no_definition_gives_is_told_where_it_is_written():
    from builder.markdown import undefined_references
    text = ("Intro.\n\n> As [he said][speech] and [the report][] show; [sic] is no link, "
            "nor `[a][b]`,\n> nor [x](../y/).\n\n[speach]: ../speech/\n")
    assert undefined_references(text) == [
        (text.index("[he said]"), "link '[he said][speech]' would be shown as plain text: no "
                                  "line '[speech]: address' in this text defines it — did you "
                                  "mean '[speach]'?"),
        (text.index("[the report]"), "link '[the report][]' would be shown as plain text: no "
                                     "line '[the report]: address' in this text defines it")]
    assert undefined_references(REFERENCES) == []   # defined, even unsafely: told otherwise


def test_an_address_holding_parentheses_in_pairs_is_read_whole():
    """As CommonMark reads it: a warning quoting 'javascript:alert(1' would misquote it."""
    from builder.markdown import link_targets, unsafe_links
    text = "[w](https://en.wikipedia.org/wiki/Bias_(statistics)) [j](javascript:alert(1))."
    assert [target for _, target in link_targets(text)] == [
        "https://en.wikipedia.org/wiki/Bias_(statistics)", "javascript:alert(1)"]
    assert unsafe_links(text) == [(text.index("javascript"), "link to 'javascript:alert(1)' "
                                   "would be shown as plain text: links go to http, https, "
                                   "mailto or a path on this site")]


def test_in_a_text_shown_as_one_paragraph_named_references_and_definitions_are_told():
    """A note or a correction is rendered inline: no '[label]: address' line is read, so
    every named reference, defined or not, shows as typed, and so does the definition."""
    from builder.markdown import link_targets, undefined_references
    text = "As [the report][r] says, and [sic].\n\n[r]: ../report/"
    assert Markdown().inline(text) == text   # as typed, brackets and all
    assert link_targets(text, inline=True) == []
    assert undefined_references(text, inline=True) == [
        (3, "link '[the report][r]' would be shown as plain text: a note or correction is "
            "shown as one paragraph, which reads no '[label]: address' lines; write "
            "'[text](address)'"),
        (text.index("../"), "'[r]: ../report/' would be shown as plain text: a note or "
                            "correction is shown as one paragraph, which reads no '[label]: "
                            "address' lines; write '[text](../report/)'")]
