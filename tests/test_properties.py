"""Any input gives a result or positioned errors, never an exception: YAML loading and field
checking, the quote normaliser, anchoring, and the Markdown renderer."""
from __future__ import annotations

import re
import string

from hypothesis import HealthCheck, given, settings, strategies as st

from builder.anchoring import SearchableText
from builder.claims import CLAIM_FIELDS
from builder.config import SITE_FIELDS
from builder.errors import Problem
from builder.markdown import Markdown
from builder.schema import read_record
from builder.sources import SIDECAR_FIELDS
from builder.text import normalise_quote, normalise_typography
from builder.yamlfile import parse_yaml

SETTINGS = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

# Pieces YAML gives meaning to, so generated text reaches the parser's odd corners
# (flow and block collections, anchors, tags, quotes, escapes, documents, tabs, BOMs).
YAML_PIECES = [
    "a", "claim", "date", "tags", "verdict", "appearances", "source", "quote", ":", ": ", "- ",
    "-", "[", "]", "{", "}", ",", "&x", "*x", "!!binary", "!x", "!!str", "<<", "? ", "|",
    ">-", "'", '"', "\\x01", "\\0", "\\u2028", "#", "---", "...", "\n", "  ", "\t", "\r\n",
    "\ufeff", "~", "null", "true", "yes", "2025-02-30", "2025-13-01", "1e999", "0x1F",
    "12:30:00", ".nan", "%YAML 1.1", "\x00", "\x85", "\u2028", "é", "🙂",
]
yaml_like = st.lists(st.sampled_from(YAML_PIECES), max_size=40).map("".join)
any_text = st.text(max_size=200)


def _positioned(problems: list[Problem]) -> None:
    for problem in problems:
        assert problem.position.line >= 1 and problem.position.column >= 1
        assert "\n" not in problem.message and problem.message


@SETTINGS
@given(st.one_of(yaml_like, any_text))
def test_yaml_loading_never_raises(text):
    document, problems = parse_yaml(text, "f.yml")
    _positioned(problems)
    if document is None:
        assert any(not problem.is_warning for problem in problems)


@SETTINGS
@given(st.one_of(yaml_like, any_text), st.sampled_from([CLAIM_FIELDS, SITE_FIELDS, SIDECAR_FIELDS]))
def test_field_checking_never_raises(text, fields):
    document, problems = parse_yaml(text, "f.yml")
    if document is not None:
        read_record(document, (), fields, problems, "a record")
    _positioned(problems)


values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), any_text,
              st.dates()),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.text(max_size=10), inner, max_size=4)),
    max_leaves=12)


@SETTINGS
@given(st.dictionaries(st.sampled_from([f.name for f in CLAIM_FIELDS] + ["extra"]), values))
def test_any_shape_of_claim_is_checked_without_raising(mapping):
    import yaml
    text = yaml.safe_dump(mapping, allow_unicode=True)
    document, problems = parse_yaml(text, "f.yml")
    if document is not None:
        read_record(document, (), CLAIM_FIELDS, problems, "a claim")
    _positioned(problems)


typographic = st.text(alphabet=st.sampled_from(
    list(string.ascii_letters[:6]) + [" ", "\n", "\t", "\r", "'", '"', "-", ".",
                                      "\u2018", "\u2019", "\u201c", "\u201d", "\u2013",
                                      "\u2014", "\u2026", "\u00a0", "\u2009", "\u00ab", "\u00bb"]),
    max_size=80)


@SETTINGS
@given(st.one_of(typographic, any_text))
def test_the_normaliser_maps_every_character_back_into_the_original(text):
    normalised = normalise_typography(text)
    assert len(normalised.starts) == len(normalised.ends) == len(normalised.text)
    for start, end in zip(normalised.starts, normalised.ends):
        assert 0 <= start < end <= len(text)
    assert list(normalised.starts) == sorted(normalised.starts)
    for start in range(len(normalised.text) + 1):
        for end in (start, len(normalised.text)):
            low, high = normalised.original_span(start, end)
            assert 0 <= low <= high <= len(text)
    assert normalise_quote(normalised.text) == normalise_quote(text)


@SETTINGS
@given(st.one_of(typographic, any_text), st.one_of(typographic, any_text))
def test_anchoring_finds_an_exact_span_or_nothing_and_never_raises(text, quote):
    searchable = SearchableText(text)
    located = searchable.locate(quote)
    if located is not None:
        span = located.span
        assert 0 <= span.start <= span.end <= len(text)
        found = text[span.start:span.end]
        if located.match == "exact":
            assert found == quote.strip()
        else:
            assert normalise_quote(found) == normalise_quote(quote)
        assert located.occurrences >= 1
    if text and quote.strip():
        closest = searchable.closest(quote)
        assert 0 <= closest.similarity <= 100 and closest.line >= 1
        assert closest.text in text


@SETTINGS
@given(st.one_of(typographic, any_text), st.integers(0, 60), st.integers(1, 40))
def test_any_passage_cut_from_a_text_is_found_again(text, start, length):
    passage = text[start:start + length]
    if not passage.strip():
        return
    located = SearchableText(text).locate(passage)
    assert located is not None
    assert normalise_quote(text[located.span.start:located.span.end]) == normalise_quote(passage)


MARKDOWN_PIECES = ["[", "]", "(", ")", "<", ">", "!", "*", "`", "\n", " ", "\t", "&#x09;",
                   "&#106;", "javascript:", "JaVaScRiPt:", "data:", "http://", "[r]: ",
                   "//", "\\", "\x00", "%0a", "a", "onerror=", '"', "'", "[", "http://[",
                   "mailto:", "&colon;"]
markdown_like = st.lists(st.sampled_from(MARKDOWN_PIECES), max_size=30).map("".join)
UNSAFE_URL = re.compile(r"""(?:href|src)="\s*(?:javascript|data|vbscript):""", re.IGNORECASE)


@SETTINGS
@given(st.one_of(markdown_like, any_text))
def test_markdown_never_raises_and_never_links_an_unsafe_scheme(text):
    markdown = Markdown()
    for html in (markdown.block(text), markdown.inline(text)):
        assert not UNSAFE_URL.search(html)
        assert "<script" not in html.lower()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(yaml_like, any_text, st.binary(max_size=200)),
       st.sampled_from(["content/claims/bridge-closure.yml", "seeds/alpha.yml", "seeds/alpha.txt",
                        "site.yml", "content/pages/about.md"]))
def test_the_whole_check_gives_a_result_or_content_errors_never_an_exception(content, file):
    import shutil
    import tempfile
    from pathlib import Path

    from builder.build import BuildOptions, check
    from builder.errors import ContentError
    from conftest import SITES

    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "minimal"
        shutil.copytree(SITES / "minimal", site)
        target = site / file
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
        try:
            checked = check(BuildOptions(str(site)))
        except ContentError as failure:
            assert any(not problem.is_warning for problem in failure.problems)
            _positioned(failure.problems)
        else:
            _positioned(list(checked.problems))
