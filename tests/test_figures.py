"""Figures: what a passage states, canonically, and where outlets disagree on them."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from builder.figures import (AMOUNT, COUNT, DATE, FRACTION, NUMBER, ORDINAL, PERCENT, RELATIVE,
                             YEAR, Figure,
                             _scan, compare_figures, extract_figures)


@pytest.mark.parametrize("passage, kind, value, text", [
    ("sent a new £150m military aid package", AMOUNT, "150000000 GBP", "£150m"),
    ("a $2bn deal", AMOUNT, "2000000000 USD", "$2bn"),
    ("150 million pounds of aid", AMOUNT, "150000000 GBP", "150 million pounds"),
    ("three and a half million pounds to the trial", AMOUNT, "3500000 GBP",
     "three and a half million pounds"),
    ("seventy dollars", AMOUNT, "70 USD", "seventy dollars"),
    ("their 4 hour talks today", AMOUNT, "4 hour", "4 hour"),
    ("after four hours of talks", AMOUNT, "4 hour", "four hours"),
    ("raise spending to 2.5% of GDP", PERCENT, "2.5%", "2.5%"),
    ("around 20% of its territory", PERCENT, "about:20%", "around 20%"),
    ("ratings are not 4%.", PERCENT, "4%", "4%"),
    ("twenty per cent of it", PERCENT, "20%", "twenty per cent"),
    ("visiting Norwegian waters in 2024 alone", YEAR, "year:2024", "2024"),
    ("its pre-2014 borders", YEAR, "year:pre-2014", "pre-2014"),
    ("no general election in the UK from 1935 to 1945.", YEAR, "year:1935-1945",
     "from 1935 to 1945"),
    ("the war of 1914–18", YEAR, "year:1914-1918", "1914–18"),
    ("since the 1990s", YEAR, "year:1990s", "1990s"),
    ("Putin invaded in February 2022, and", DATE, "date:2022-02", "February 2022"),
    ("on 19 February 2025 it said", DATE, "date:2025-02-19", "19 February 2025"),
    ("by May 3, 2021 at the latest", DATE, "date:2021-05-03", "May 3, 2021"),
    ("on the 3rd of March 2024 it", DATE, "date:2024-03-03", "3rd of March 2024"),
    ("an 88th-minute penalty", ORDINAL, "ordinal:88", "88th"),
    ("one and a half million pensioners", COUNT, "count:1500000", "one and a half million"),
    ("for two and a half years", AMOUNT, "2.5 year", "two and a half years"),
    ("came into office last July", DATE, "date:--07", "July"),
    ("the fourth quarter in a row", ORDINAL, "ordinal:4", "fourth"),
    ("in the twenty-third minute", ORDINAL, "ordinal:23", "twenty-third"),
    ("A million and a half people", COUNT, "count:1500000", "million and a half"),
    ("finished 14th in the league", ORDINAL, "ordinal:14", "14th"),
    ("date 2025-02-19 Your support", DATE, "date:2025-02-19", "2025-02-19"),
    ("the US president said on Tuesday.", RELATIVE, "weekday:tuesday", "Tuesday"),
    ("the talks began in March and", DATE, "date:--03", "March"),
    # A share without 'of': after 'by' or a hedge, with no noun after it.
    ("cut spending by a third", FRACTION, "fraction:1/3", "a third"),
    ("cut the risk by almost a quarter, in people", FRACTION, "nearly:fraction:1/4",
     "almost a quarter"),
    # A full stop after a month's name ends the sentence; after an abbreviation, not.
    ("a decision by the end of March.", DATE, "date:--03", "March"),
    ("on 3 May. Then", DATE, "date:--05-03", "3 May"),
    ("signed on Oct. 10, 2024 in", DATE, "date:2024-10-10", "Oct. 10, 2024"),
    ("in Sept. 2024 it", DATE, "date:2024-09", "Sept. 2024"),
    ("fighting since mid-March", DATE, "date:--03", "March"),
    ("half a million people", COUNT, "count:500000", "half a million"),
    ("half a dozen ships", COUNT, "count:6", "half a dozen"),
    ("70 Royal Navy vessels", NUMBER, "count:70", "70"),
    ("2,000 troops", NUMBER, "count:2000", "2,000"),
    ("1.5 million people", NUMBER, "count:1500000", "1.5 million"),
    ("seventy Royal Navy vessels", COUNT, "count:70", "seventy"),
    ("Our two countries lead", COUNT, "count:2", "two"),
    ("two hundred and fifty ships", COUNT, "count:250", "two hundred and fifty"),
    ("Three years ago, one country", RELATIVE, "years-ago:3", "Three years ago"),
    ("a year ago", RELATIVE, "years-ago:1", "a year ago"),
    ("In the last year, 70 Royal Naval vessels", RELATIVE, "relative:past-year",
     "In the last year"),
    ("from Nato headquarters last week", RELATIVE, "relative:last-week", "last week"),
    ("calls from President Trump overnight and", RELATIVE, "relative:overnight",
     "overnight"),
    ("stunned the West last night", RELATIVE, "relative:last-night", "last night"),
    ("in the coming weeks", RELATIVE, "relative:coming-weeks", "in the coming weeks"),
    ("Two-thirds of voters backed it", FRACTION, "fraction:2/3", "Two-thirds"),
    ("three quarters said no", FRACTION, "fraction:3/4", "three quarters"),
    ("cut by a third of its size", FRACTION, "fraction:1/3", "a third"),
    ("one-fifth of the fleet", FRACTION, "fraction:1/5", "one-fifth"),
    ("half of the money", FRACTION, "fraction:1/2", "half"),
    ("half the country", FRACTION, "fraction:1/2", "half"),
    ("one in five adults", FRACTION, "fraction:1/5", "one in five"),
    ("1 in 10 homes", FRACTION, "fraction:1/10", "1 in 10"),
])
def test_each_form_is_read_with_its_canonical_value_and_exact_span(passage, kind, value, text):
    figures = extract_figures(passage)
    assert (kind, value, text) in [(f.kind, f.value, f.text) for f in figures]
    for figure in figures:
        assert passage[figure.start:figure.end] == figure.text


@pytest.mark.parametrize("passage", [
    "one country illegally invaded another",   # "one" is an article here, not a count
    "they would visit one another’s countries",
    "the G7 and F-35 jets, COVID-19",           # codes, not figures
    "Nato’s front line",
    "Theresa May said they would march in May’s name",  # a surname and a verb, no months
    "Ask March and May.",
    "won by a third party",                     # neither a share nor a place
    "nearly a third term",
    "a third party and the fifth column",       # set phrases, no places
    "under this May government",                # a prime minister, not the month
])
def test_words_that_only_look_like_numbers_are_not_figures(passage):
    assert extract_figures(passage) == ()


def test_a_date_is_one_figure_not_a_date_and_a_year():
    assert [f.value for f in extract_figures("invaded in February 2022")] == ["date:2022-02"]


_PIECES = st.sampled_from([
    "70", "seventy", "2024", "£150m", "2.5%", "in the last year", "last week", "on Tuesday",
    "February 2022", "three years ago", "from 1935 to 1945", "pre-2014", "4 hour", "a",
    "the", "ships", "visited", "Norway", ",", ".", "\n", "“", "’", "-", "  ", "one",
    "twenty-five", "US$5", "(", ")", "per cent", "years", "ago", "1990s", "2,000", "G7",
    "in", "March", "May", "mid-", "half", "a million", "dozen", "third", "thirds", "of",
    "quarter", "two-thirds", "five", "about", "nearly", "more than", "over", "up to",
    "some", "almost", "just",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=25).map(" ".join))
def test_only_trying_near_trigger_words_finds_what_trying_everywhere_finds(passage):
    figures = extract_figures(passage)
    assert figures == _scan(passage)
    for figure in figures:
        assert passage[figure.start:figure.end] == figure.text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80))
@example("౦")  # a digit of another script: the fast path once looked for 0-9 only
def test_spans_are_exact_and_in_order_for_any_text(passage):
    figures = extract_figures(passage)
    assert figures == _scan(passage)
    ends = [0] + [f.end for f in figures]
    for figure, previous_end in zip(figures, ends):
        assert previous_end <= figure.start < figure.end
        assert passage[figure.start:figure.end] == figure.text


def _figures(**passages: str) -> dict[str, tuple[Figure, ...]]:
    return {key: extract_figures(text) for key, text in passages.items()}


def test_the_same_count_in_digits_and_in_words_agrees():
    assert compare_figures(_figures(a="70 Royal Navy vessels", b="seventy vessels")) == ()


def test_a_relative_period_against_an_absolute_year_is_a_dating_disagreement():
    found = compare_figures(_figures(
        a="with 70 Royal Navy vessels visiting Norwegian waters in 2024 alone",
        b="In the last year, 70 Royal Naval vessels at different times were here"))
    assert [d.kind for d in found] == ["dating"]
    assert {(s.passage, s.figure.value) for s in found[0].statements} == {
        ("a", "year:2024"), ("b", "relative:past-year")}


def test_dating_a_fact_both_ways_still_disagrees_with_dating_it_relatively_only():
    found = compare_figures(_figures(
        a="In the last year, 70 Royal Naval vessels were here",
        b="I’ve just mentioned in the last year in 2024, 70 Royal Naval vessels"))
    assert [d.kind for d in found] == ["dating"]
    assert [s.figure.value for s in found[0].statements] == ["relative:past-year", "year:2024"]


@pytest.mark.parametrize("a, b, kind", [
    # Each counts from its own report's day, and may date another moment: both may be right.
    ("Mr Healey told reporters on Wednesday", "the US president said on Tuesday", "day"),
    ("the minister said yesterday", "the minister said last week", "day"),
    # No days between two reports make three years four.
    ("Three years ago a man stood up", "Four years ago a man stood up", "relative"),
    ("on Tuesday, three years ago", "on Wednesday, four years ago", "relative"),
])
def test_relative_dates_a_few_days_apart_may_both_be_right_years_apart_may_not(a, b, kind):
    assert [d.kind for d in compare_figures(_figures(a=a, b=b))] == [kind]


@pytest.mark.parametrize("a, b, published, kinds", [
    # Counted from each report's date: 'last month' in November is October.
    ("the review we published last month", "the review published in March",
     ("2025-11-13", "2025-11-12"), ["calendar"]),
    ("the review we published last month", "the review published in October",
     ("2025-11-13", "2025-11-12"), []),
    # A year apart, 'three years ago' and 'four years ago' may be the same year ...
    ("Three years ago a man stood up", "Four years ago a man stood up",
     ("2025-06-03", "2026-06-04"), []),
    # ... a day apart, not.
    ("Three years ago a man stood up", "Four years ago a man stood up",
     ("2025-06-03", "2025-06-04"), ["calendar"]),
    ("in 2024 alone", "in the last year", ("2025-02-19", "2025-02-19"), []),
    # A report of unknown date: as without dates.
    ("in 2024 alone", "in the last year", ("2025-02-19", None), ["dating"]),
    # Days are never counted from a report's date: words may be said long before.
    ("I called on Tuesday", "I called on March 4", ("2025-03-18", "2025-03-18"), ["dating"]),
])
def test_relative_dates_are_counted_from_each_report_s_date(a, b, published, kinds):
    dates = {key: dt.date.fromisoformat(day) if day else None
             for key, day in zip("ab", published)}
    assert [d.kind for d in compare_figures(_figures(a=a, b=b), dates)] == kinds


def test_different_numbers_disagree_and_name_both_sides():
    found = compare_figures(_figures(a="70 ships visited", b="60 ships visited"))
    assert [(d.kind, [s.figure.value for s in d.statements]) for d in found] == [
        ("number", ["count:70", "count:60"])]


@pytest.mark.parametrize("fraction, percentage", [
    ("a third of voters", "33% of voters"), ("a third of voters", "33.3 per cent of voters"),
    ("two-thirds of voters", "67% of voters"), ("half the country", "50% of the country"),
    ("one in five adults", "20% of adults")])
def test_a_fraction_and_the_percentage_it_rounds_to_agree(fraction, percentage):
    assert compare_figures(_figures(a=fraction, b=percentage)) == ()


def test_an_ordinal_before_of_is_not_a_fraction():
    assert FRACTION not in {f.kind for f in extract_figures("the fifth of November plot")}


def test_an_ordinal_after_the_is_a_place_and_after_a_it_is_left_alone():
    """'the third term' is a place; 'a third' is as often a share ('cut by a third')."""
    assert [(f.kind, f.value) for f in extract_figures("she won the third term")] == [
        (ORDINAL, "ordinal:3")]
    assert extract_figures("she won a third term") == ()


def test_a_fraction_and_a_different_share_disagree():
    found = compare_figures(_figures(a="a third of voters", b="40% of voters"))
    assert [(d.kind, [s.figure.text for s in d.statements]) for d in found] == [
        ("percent", ["a third", "40%"])]
    assert [d.kind for d in compare_figures(_figures(a="half of them", b="49% of them"))] == [
        "percent"]


@pytest.mark.parametrize("words", ["one and a half million pensioners",
                                   "a million and a half pensioners"])
def test_a_count_with_a_half_in_words_agrees_with_its_digits(words):
    assert compare_figures({"a": extract_figures(words),
                            "b": extract_figures("1.5 million pensioners")}) == ()


def test_different_places_in_an_order_disagree_and_never_with_a_count():
    def disagreement(a: str, b: str):
        return compare_figures({"a": extract_figures(a), "b": extract_figures(b)})
    (found,) = disagreement("won it with an 88th-minute penalty", "a penalty in the 89th minute")
    assert found.kind == ORDINAL and [s.figure.text for s in found.statements] == ["88th", "89th"]
    assert disagreement("an 88th-minute penalty", "the 88th minute") == ()
    assert disagreement("finished 14th with 40 points", "finished 14th on 40 points") == ()
    assert disagreement("finished 14th", "after 17 games") == ()
    assert [s.figure.text for (found,) in [disagreement("the fourth quarter in a row",
                                                         "the fifth quarter in a row")]
            for s in found.statements] == ["fourth", "fifth"]
    assert disagreement("its fourth quarter of growth", "its 4th quarter") == ()
    assert disagreement("in the twenty-third minute", "in the 23rd minute") == ()
    assert disagreement("a fifth of voters", "the fifth quarter") == ()


def test_different_years_disagree():
    found = compare_figures(_figures(a="since 2022", b="since 2021"))
    assert [d.kind for d in found] == ["year"]


def test_a_passage_that_states_less_disagrees_with_nothing():
    assert compare_figures(_figures(
        a="70 ships visited in 2024 and our two countries lead",
        b="70 ships visited")) == ()


@pytest.mark.parametrize("less, more", [
    ("on 4 March", "on 4 March 2025"),
    ("in March 2025", "on 4 March 2025"),
    ("in 2025", "on 4 March 2025"),
    ("in March", "in March 2025"),
])
def test_a_date_that_says_less_without_contradicting_is_no_disagreement(less, more):
    assert compare_figures(_figures(a=less, b=more)) == ()


@pytest.mark.parametrize("one, other", [
    ("on 4 March", "on 5 March 2025"),
    ("in March", "in April 2025"),
    ("in 2024", "in March 2025"),
])
def test_dates_that_contradict_disagree(one, other):
    assert [d.kind for d in compare_figures(_figures(a=one, b=other))] == ["date"]


def test_a_weekday_against_a_date_is_a_dating_disagreement():
    found = compare_figures(_figures(a="said on Tuesday", b="said on 4 March 2025"))
    assert [(d.kind, [s.figure.text for s in d.statements]) for d in found] == [
        ("dating", ["Tuesday", "4 March 2025"])]


def test_amounts_in_different_units_are_not_compared_as_one_figure():
    assert compare_figures(_figures(a="their 4 hour talks", b="a £4m package")) == ()


@settings(max_examples=100, deadline=None)
@given(st.lists(_PIECES, max_size=20).map(" ".join))
def test_a_passage_never_disagrees_with_itself(passage):
    figures = extract_figures(passage)
    assert compare_figures({"a": figures, "b": figures}) == ()


def test_digits_of_any_script_are_figures():
    assert [(f.value, f.text) for f in extract_figures("sent ٧٠ ships in ٢٠٢٤")] == [
        ("count:70", "٧٠"), ("count:2024", "٢٠٢٤")]


@pytest.mark.parametrize("passage, value, text", [
    ("some 70 Royal Navy vessels", "about:count:70", "some 70"),
    ("around 20 percent of Ukraine", "about:20%", "around 20 percent"),
    ("nearly half of voters", "nearly:fraction:1/2", "nearly half"),
    ("Almost half said no", "nearly:fraction:1/2", "Almost half"),
    ("more than 70 ships", "over:count:70", "more than 70"),
    ("just over half the fleet", "over:fraction:1/2", "just over half"),
    ("up to £150m of aid", "under:150000000 GBP", "up to £150m"),
    ("fewer than seventy ships", "under:count:70", "fewer than seventy"),
])
def test_a_hedge_or_bound_is_part_of_the_figure(passage, value, text):
    assert [(f.value, f.text) for f in extract_figures(passage)] == [(value, text)]


@pytest.mark.parametrize("passage", [
    "over the past year", "half a dozen ships", "about the third of May",
    "a roundabout 70 metres away",  # a word that ends in a hedge is not one
])
def test_hedge_words_elsewhere_are_not_read_as_hedges(passage):
    assert not any(f.value.partition(":")[0] in ("about", "nearly", "over", "under")
                   for f in extract_figures(passage))


def test_one_in_a_million_is_a_share_not_a_count():
    assert [(f.value, f.text) for f in extract_figures("a one in a million chance")] == [
        ("fraction:1/1000000", "one in a million")]


@pytest.mark.parametrize("one, other", [
    ("nearly half of them", "48% of them"),
    ("about 70 ships", "72 ships"),
    ("some 70 ships", "seventy ships"),
    ("more than 70 ships", "75 ships"),
    ("more than 70 ships", "70 ships"),
    ("up to £150m", "£100m"),
    ("around 20% of Ukraine", "a fifth of Ukraine"),
    ("about a third of voters", "30% of voters"),
])
def test_a_hedged_figure_agrees_with_what_it_allows(one, other):
    assert compare_figures(_figures(a=one, b=other)) == ()


@pytest.mark.parametrize("one, other, kind", [
    ("nearly half of them", "40% of them", "percent"),
    ("nearly half of them", "51% of them", "percent"),
    ("about 70 ships", "90 ships", "number"),
    ("about 400 jobs", "some 350 jobs", "number"),
    ("more than 70 ships", "60 ships", "number"),
    ("fewer than 70 ships", "more than 80 ships", "number"),
    ("up to £150m", "£200m", "amount"),
    ("about £4m", "$4m", "amount"),  # another currency is never the same amount
])
def test_a_hedged_figure_disagrees_with_what_it_rules_out(one, other, kind):
    found = compare_figures(_figures(a=one, b=other))
    assert [d.kind for d in found] == [kind]
    assert [s.figure.text for s in found[0].statements] == [
        extract_figures(one)[0].text, extract_figures(other)[0].text]


@pytest.mark.parametrize("value, published, first, last", [
    ("year:1990s", None, "1990-01-01", "1999-12-31"),
    ("year:1935-1945", None, "1935-01-01", "1945-12-31"),
    ("year:pre-2014", None, "0001-01-01", "2013-12-31"),
    ("date:2025-03", None, "2025-03-01", "2025-03-31"),
    ("relative:last-month", "2025-11-13", "2025-10-01", "2025-11-13"),
    ("relative:this-year", "2025-11-13", "2025-01-01", "2025-12-31"),
])
def test_where_a_date_falls(value, published, first, last):
    from builder.datings import spans
    day = dt.date.fromisoformat(published) if published else None
    assert spans(value, day) == [(dt.date.fromisoformat(first), dt.date.fromisoformat(last))]


@pytest.mark.parametrize("value", ["weekday:tuesday", "relative:yesterday", "relative:last-week",
                                   "days-ago:2", "relative:last-month"])
def test_no_relative_date_is_placed_without_its_report_s_date_nor_any_finer_than_a_month(value):
    from builder.datings import spans
    assert spans(value, None) is None
    assert (spans(value, dt.date(2025, 3, 18)) is None) == (value != "relative:last-month")


@pytest.mark.parametrize("text, value", [
    # The word says when or where, not a bound on the figure.
    ("Over two years he made 19 payments", "2 year"),
    ("In all, over three years, he paid", "3 year"),
    ("a dam that sits above 9,000 people", "count:9000"),
    # A bound.
    ("It took over two years", "over:2 year"),
    ("above 9,000 people came", "over:count:9000"),
])
def test_over_and_above_are_a_bound_only_where_they_bound_the_figure(text, value):
    assert extract_figures(text)[0].value == value


@pytest.mark.parametrize("value, published", [
    ("years-ago:3000", "2025-02-19"),          # before the calendar's first year
    ("relative:next-month", "9999-12-20"),     # after its last
])
def test_a_date_off_the_calendar_is_not_placed_and_breaks_nothing(value, published):
    from builder.datings import spans
    assert spans(value, dt.date.fromisoformat(published)) is None


def test_the_coming_months_lie_ahead_and_29_february_falls_in_a_leap_year():
    from builder.datings import spans
    (first, last), = spans("relative:coming-months", dt.date(2025, 11, 10))
    assert first == dt.date(2025, 11, 10) and last > first
    assert spans("date:--02-29", dt.date(2025, 3, 1)) == [(dt.date(2024, 2, 29),) * 2]


def test_in_recent_days_against_yesterday_may_both_be_right():
    assert [d.kind for d in compare_figures(_figures(a="in recent days", b="said yesterday"))] \
        == ["day"]
