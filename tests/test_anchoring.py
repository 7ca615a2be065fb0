"""Quote anchoring: typographic differences only, exact spans, closest passage on failure."""
import pytest

from builder.anchoring import SearchableText, anchor_quotes
from builder.errors import Position
from builder.model import Appearance, Claim
from builder.text import normalise_typography

ARTICLE = ("He warned of “jeopardising the peace” – and said: ‘We’re here…’\n"
           "It was   a long\nday — for all.")


@pytest.mark.parametrize("typed, expected", [
    ('"jeopardising the peace"', "“jeopardising the peace”"),          # straight double quotes
    ("'We're here...'", "‘We’re here…’"),                                 # apostrophes, ellipsis
    ("peace\" - and said", "peace” – and said"),                          # en dash as hyphen
    ("day - for all.", "day — for all."),                                 # em dash as hyphen
    ("It was a long day", "It was   a long\nday"),                        # spaces and line breaks
    ("here\u2026\u2019", "here…’"),                                       # already typographic
])
def test_typographic_differences_are_ignored_and_the_span_is_exact(typed, expected):
    located = SearchableText(ARTICLE).locate(typed)
    assert located is not None
    assert ARTICLE[located.span.start:located.span.end] == expected


def test_exact_quotes_are_marked_exact_and_others_normalized():
    text = SearchableText(ARTICLE)
    assert text.locate("jeopardising the peace").match == "exact"
    assert text.locate('"jeopardising the peace"').match == "normalized"


@pytest.mark.parametrize("typed", ["Jeopardising the peace", "jeopardizing the peace",
                                   "It was a long night"])
def test_case_and_wording_are_not_typography(typed):
    assert SearchableText(ARTICLE).locate(typed) is None


def test_normalised_offsets_map_back_to_the_original():
    normalised = normalise_typography(ARTICLE)
    assert normalised.text.startswith('He warned of "jeopardising the peace" - and said: \'We\'re here...\'')
    start = normalised.text.index("here...")
    assert normalised.original_span(start, start + len("here...")) == (
        ARTICLE.index("here…"), ARTICLE.index("here…") + len("here…"))


def _claim(quote: str) -> Claim:
    appearance = Appearance("seed", quote, None, Position("claims/x.yml", 7, 12))
    return Claim("x", "c", "who", None, "v", "s", (appearance,), None, (), None, None, (),
                 Position("claims/x.yml"))


def test_a_missing_quote_is_an_error_at_the_quote_with_the_closest_passage():
    from builder.model import Source
    source = Source("seed", ARTICLE, "o", "h", None, None, None, (), Position("seeds/seed.yml"))
    anchored, problems = anchor_quotes([_claim("jeopardising our peace")], {"seed": source})
    assert anchored == ()
    assert len(problems) == 1
    message = str(problems[0])
    assert message.startswith("claims/x.yml:7:12: quote not found in source 'seed'")
    assert "jeopardising the peace" in message and "% similar, line 1" in message


def _anchored(quote: str):
    from builder.model import Source
    source = Source("seed", ARTICLE + "\nAnd for all.", "o", "h", None, None, None, (),
                    Position("seeds/seed.yml"))
    return anchor_quotes([_claim(quote)], {"seed": source})


@pytest.mark.parametrize("quote, expected", [
    ("eopardising the", "quote cuts the word “jeopardising” (line 1 of the seed)"),
    ("the pea", "quote cuts the word “peace” (line 1 of the seed)"),
    ("ong\nda", "quote cuts the words “long” and “day” (line 2 of the seed)"),
    ("arne", "quote cuts the word “warned” (line 1 of the seed)"),
])
def test_a_quote_cutting_a_word_anchors_with_a_warning(quote, expected):
    anchored, problems = _anchored(quote)
    assert len(anchored) == 1
    assert [(p.is_warning, p.message) for p in problems] == [
        (True, f"{expected}: quote whole words")]


def test_a_quote_found_twice_anchors_to_the_first_with_a_warning():
    anchored, problems = _anchored("for all.")
    assert [a.span.start for a in anchored] == [ARTICLE.index("for all.")]
    assert [str(p) for p in problems] == [
        "claims/x.yml:7:12: warning: quote occurs 2 times in source 'seed'; the first, on "
        "line 3 of the seed, is used: quote more words to pick another"]


def test_a_quote_of_whole_words_found_once_has_no_warning():
    assert _anchored("jeopardising the peace")[1] == []
