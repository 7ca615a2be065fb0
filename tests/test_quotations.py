"""Quotations: exact spans, one quotation per British multi-paragraph quote, speakers
named only where the article says who speaks."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.quotations import (Quotation, extract_corpus, extract_quotations, paragraphs,
                                spoken_text)

@pytest.fixture(scope="module")
def corpus(texts) -> tuple[Quotation, ...]:
    return extract_corpus(texts)


def _stem(texts, prefix: str) -> str:
    return next(stem for stem in texts if stem.startswith(prefix))


def _find(quotations, prefix: str, starting: str) -> Quotation:
    found = [q for q in quotations if q.source.startswith(prefix) and q.text.startswith(starting)]
    assert len(found) == 1, (prefix, starting, found)
    return found[0]


def test_every_span_is_exactly_its_text(texts, corpus):
    assert corpus
    for quotation in corpus:
        assert texts[quotation.source][quotation.start:quotation.end] == quotation.text
        for part in paragraphs(quotation):
            assert texts[quotation.source][part.start:part.end] == part.text


def test_a_british_quotation_over_four_paragraphs_is_one_quotation(texts, corpus):
    healey = _find(corpus, "000", "Three years ago")
    assert healey.text.endswith("negotiate seriously.")
    assert [p.text[:20] for p in paragraphs(healey)] == [
        "Three years ago, one", "They’ve been fightin", "So whilst all the fo",
        "And our job as defen"]
    assert "\n" not in spoken_text(healey) and "“" not in spoken_text(healey)


def test_apostrophes_are_not_quotation_marks(corpus):
    assert _find(corpus, "000", "Nato’s front line").text == "Nato’s front line,"
    assert _find(corpus, "003", "Ukraine’s voice").text == "Ukraine’s voice"
    assert not any(q.text.startswith(("s front", "t sell", "s voice")) for q in corpus)


def test_a_headline_in_single_quotes_is_a_quotation_nobody_is_said_to_speak(corpus):
    headline = _find(corpus, "000", "One country illegally invaded another")
    assert headline.text == "One country illegally invaded another"
    assert headline.speaker is None


@pytest.mark.parametrize("prefix, starting, speaker", [
    ("000", "jeopardising the peace", "John Healey"),        # lead-in: has cautioned
    ("000", "should never have started", "Donald Trump"),    # Mr Trump’s assertion that
    ("000", "Three years ago", "John Healey"),               # Mr Healey was unequivocal:
    ("000", "living in this disinformation", "Volodymyr Zelensky"),  # prompting him to accuse
    ("001", "jeopardising the peace", "John Healey"),        # ”, the Defence Secretary has said
    ("001", "should never have started", "Donald Trump"),    # The US president has said
    ("001", "This is my first visit", "John Healey"),        # adding: after "also said"
    ("002", "You should have never started it", "Donald Trump"),  # ,” the US president said
    ("002", "I am protecting Ukraine", "Volodymyr Zelensky"),     # ,” he told reporters
    ("002", "I think what President Trump", "Ben Wallace"),       # He posted on X:
    ("002", "Of course Ukraine", "Boris Johnson"),                # Mr Johnson said:
    ("002", "stop being scandalised", "Boris Johnson"),           # He asked when
    ("003", "We’ve seen the calls", "John Healey"),               # Healey said:
    ("003", "certainly not a betrayal", "Pete Hegseth"),
    ("004", "In the middle of everything", "John Healey"),        # “…,” Mr Healey stated. “…”
    # A description no one goes by, going on from the one person who spoke:
    ("003", "The Ukrainians are fighting", "John Healey"),  # the cabinet minister added:
])
def test_speakers_are_attributed_as_the_article_does(corpus, prefix, starting, speaker):
    assert _find(corpus, prefix, starting).speaker == speaker


@pytest.mark.parametrize("prefix, starting", [
    ("002", "They portray such"),            # "The Conservative former minister told": may be new
    ("004", "We know we need to step up"),   # "The Defence Secretary" in a text with two
    ("001", "The A Word"),                   # a documentary's title
])
def test_who_is_not_said_stays_unknown(corpus, prefix, starting):
    assert _find(corpus, prefix, starting).speaker is None


def test_a_title_alone_is_resolved_only_with_the_corpus_that_names_its_holder(texts):
    stem = _stem(texts, "001")
    alone = extract_quotations(stem, texts[stem])
    assert _find(alone, "001", "should never have started").speaker is None


def test_names_are_one_name_within_and_across_sources(corpus):
    healey = {q.speaker for q in corpus if q.speaker and "Healey" in q.speaker}
    assert healey == {"John Healey"}   # "Mr Healey", "Healey", "Defence Secretary John Healey"
    assert {q.speaker for q in corpus if q.speaker and "Trump" in q.speaker} == {"Donald Trump"}


@pytest.mark.parametrize("text, expected", [
    ('He said "straight quotes work" too.', ["straight quotes work"]),
    ("“outer ‘inner’ words”", ["outer ‘inner’ words"]),
    ("Not closed “at all\nNext paragraph.", []),
    ("“First paragraph\n“Second paragraph,” she said.", ["First paragraph\n“Second paragraph,"]),
    ('"First\n\n"Second."', ['First\n\n"Second.']),
    ("We don’t know, it’s Nato’s", []),
    ("‘the Ukrainians’ fight’ was cited", ["the Ukrainians’ fight"]),
    ("a “modestly successful and a “dictator without elections”.", ["dictator without elections"]),
])
def test_marks_pair_by_context(text, expected):
    assert [q.text for q in extract_quotations("s", text)] == expected


def test_he_is_left_unknown_when_two_people_could_be_meant():
    text = ("Mr Smith met Mr Jones on Monday.\n"
            "“We agreed,” he said.")
    assert extract_quotations("s", text)[0].speaker is None


def test_he_is_the_one_person_named_before_him():
    text = ("Mayor John Smith visited the port on Monday.\n"
            "“We agreed,” he said.")
    assert extract_quotations("s", text)[0].speaker == "John Smith"


def test_continuation_paragraphs_carry_the_speaker():
    text = ("Mary Jones said: “We will win.\n"
            "“And we will win again.”\n"
            "Then there was silence.")
    [quotation] = extract_quotations("s", text)
    assert quotation.speaker == "Mary Jones"
    assert len(paragraphs(quotation)) == 2


_TEXT = st.lists(st.sampled_from([
    "“", "”", "‘", "’", '"', "'", "\n", "\n\n", " ", "word", "Mr Smith said", "he said",
    "Nato’s", "don't", "Healey", ",", ".", ":", "–", "(", ")", "s’ ", "It’s", "\u00a0", "…",
]), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_extraction_never_returns_a_span_whose_text_differs_from_the_source(text):
    quotations = extract_quotations("s", text)
    previous_end = 0
    for quotation in quotations:
        assert text[quotation.start:quotation.end] == quotation.text
        assert quotation.text.strip() == quotation.text and quotation.text
        assert quotation.start >= previous_end  # no overlaps, in order
        previous_end = quotation.end
        for part in paragraphs(quotation):
            assert text[part.start:part.end] == part.text and "\n" not in part.text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_any_text_at_all_is_read_without_error_and_spans_hold(text):
    for quotation in extract_quotations("s", text):
        assert text[quotation.start:quotation.end] == quotation.text


def test_names_spelt_with_and_without_accents_are_one_speaker():
    from builder.people import unify_names
    names = unify_names(["Annika Sorensen", "Annika Sørensen", "Sorensen", "Joaquin Ibanez",
                         "Ibáñez", "Joaquín Ibáñez", "Healey", "John Healey"])
    assert names == {"Annika Sorensen": "Annika Sørensen", "Annika Sørensen": "Annika Sørensen",
                     "Sorensen": "Annika Sørensen", "Joaquin Ibanez": "Joaquín Ibáñez",
                     "Ibáñez": "Joaquín Ibáñez", "Joaquín Ibáñez": "Joaquín Ibáñez",
                     "Healey": "John Healey", "John Healey": "John Healey"}
