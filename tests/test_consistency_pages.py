"""Consistency on the shipped seeds, as readers and aggregators meet it: claim pages,
/consistency/, outlet records and /data/consistency.json."""
import json
import re
from collections import Counter

import pytest
import yaml

from conftest import PROJECT, in_a_real_browser, read_html

RANK = {"wording": 2, "punctuation": 1, "identical": 0}


def seed_text(stem: str) -> str:
    return (PROJECT / "seeds" / f"{stem}.txt").read_bytes().decode("utf-8")


def shown(element) -> str:
    """The text a sighted reader sees: without what only screen readers hear."""
    return "".join(text for text in element.find_all(string=True)
                   if not any("visually-hidden" in parent.get("class", ())
                              for parent in text.parents))


@pytest.fixture(scope="module")
def groups(shipped_build):
    return json.loads((shipped_build / "data/consistency.json").read_text(encoding="utf-8"))["groups"]


def test_consistency_json_spans_are_exact_and_every_group_spans_two_sources(groups):
    assert groups
    for group in groups:
        assert len({v["source"] for v in group["variants"]}) >= 2, group["id"]
        assert (group["speaker"] is None) == (group["speaker_type"] is None), group["id"]
        assert group["speaker_type"] in {None, "person", "organization"}
        for variant in group["variants"]:
            assert seed_text(variant["source"])[variant["start"]:variant["end"]] == variant["text"]


def test_groups_link_the_claims_that_quote_them(groups, shipped_build):
    claims = json.loads((shipped_build / "data/claims.json").read_text())["claims"]
    spans = {c["id"]: {(a["source"], a["start"], a["end"]) for a in c["appearances"]} for c in claims}
    by_id = {g["id"]: g for g in groups}
    three_years = next(g for g in groups
                       if any(v["text"].startswith("Three years ago") for v in g["variants"]))
    assert three_years["classification"] == "punctuation"
    assert "three-years-ago-one-country-invaded-another" in three_years["claims"]
    for group in by_id.values():
        for claim_id in group["claims"]:
            assert any(source == v["source"] and start < v["end"] and v["start"] < end
                       for source, start, end in spans[claim_id] for v in group["variants"])


def test_the_consistency_page_lists_groups_most_divergent_first_with_working_links(shipped_build, groups):
    page = read_html(shipped_build, "consistency/")
    articles = page.select("article.group")
    assert [a["id"] for a in articles] == [g["id"] for g in groups]
    ranks = [RANK[g["classification"]] for g in groups]
    assert ranks == sorted(ranks, reverse=True)
    trump = [a for a in articles if a["data-speaker"] == "Donald Trump"]
    assert trump and all("Donald Trump" in a.select_one(".speaker").get_text() for a in trump)
    for article in articles:
        for link in article.select(".side-source a[href*='#']"):
            path, _, fragment = link["href"].partition("#")
            target = read_html(shipped_build, path.removeprefix("/factcheck/"))
            assert target.find(id=fragment), link["href"]
    uncovered = [a for a, g in zip(articles, groups) if not g["claims"]]
    assert uncovered, "the seeds have quotations no claim covers yet"
    assert all(a.select_one(".candidate") for a in uncovered)
    assert not any(a.select_one(".candidate") for a, g in zip(articles, groups) if g["claims"])
    # Each links to itself: for readers to share, and for editors to find the id that
    # `make claim FROM=` takes.
    assert [a.select_one("a.permalink")["href"] for a in articles] == [
        f"#{g['id']}" for g in groups]


def test_a_claim_page_compares_its_appearances_and_flags_how_the_fact_is_dated(shipped_build):
    page = read_html(shipped_build, "claims/royal-navy-70-vessels-norway-2024/")
    comparison = page.select_one("section.comparison")
    assert comparison.select_one(".classification").get_text() == "Differs in wording"
    flag = comparison.select_one(".figure-flag").get_text(" ", strip=True)
    assert "how the fact is dated" in flag
    # Both may be right: a difference, not a warning that outlets disagree.
    assert "figure-difference" in comparison.select_one(".figure-flag")["class"]
    assert "⚠" not in flag and "disagree" not in flag
    assert "“2024”" in flag and "In the last year" in flag
    pair = comparison.select_one(".pair")
    marked = [shown(m) for m in pair.select("mark.diff-only")]
    assert any("2024" in text for text in marked)


def test_different_days_counted_from_different_reports_are_a_difference_not_a_conflict(
        shipped_build):
    """'Told reporters on Wednesday' and 'said on Tuesday' date two moments, each from its
    own report: shown, but not as outlets disagreeing."""
    flag = read_html(shipped_build, "claims/ukraine-started-the-war/").select_one(".figure-flag")
    assert "figure-difference" in flag["class"]
    text = flag.get_text(" ", strip=True)
    assert "which day" in text and "“Wednesday”" in text and "“Tuesday”" in text
    assert "⚠" not in text and "disagree" not in text


def test_passages_in_their_own_words_are_named_not_printed_again(shipped_build):
    """Both are quoted in full under 'Where it appeared': a pair too different to compare
    word by word says so in one line instead of printing them again."""
    page = read_html(shipped_build, "claims/trump-said-ukraine-started-the-war/")
    comparison = page.select_one("section.comparison")
    reworded = comparison.select("p.pair-reworded")
    assert len(reworded) == 2
    assert all("each put it in their own words" in p.get_text() for p in reworded)
    assert all(not p.select(".diff-text") for p in reworded)
    # The pair left is compared whole, not by a chance likeness of a few words.
    (compared,) = comparison.select("div.pair")
    assert "matching part" not in compared.get_text()
    assert "You should have never started it" in compared.get_text()


def test_a_claim_with_one_appearance_has_no_comparison(shipped_build):
    page = read_html(shipped_build, "claims/uk-150m-military-aid-package/")
    assert page.select_one("section.comparison") is None


def test_outlet_pages_show_their_quotation_record(shipped_build, groups):
    page = read_html(shipped_build, "outlets/independent/")
    cells = [td.get_text() for td in page.select("table.record td")]
    assert len(cells) == 3 and sum(map(int, cells)) > 0
    intro = page.select_one("#record").find_next("p").get_text()
    assert intro.startswith(f"Of its {sum(map(int, cells))} quoted paragraphs that other "
                            "outlets also report")
    shared = [g["id"] for g in groups if "independent" in {v["outlet"] for v in g["variants"]}]
    assert len(shared) > 10  # more than the outlet's page lists
    listed = [a["href"].rpartition("#")[2] for a in page.select("#record ~ .group-list a")]
    assert listed == shared[:10]
    every = read_html(shipped_build, "outlets/independent/quotations/")
    assert [a["href"].rpartition("#")[2] for a in every.select(".group-list a")] == shared


def test_source_pages_mark_quotations_other_outlets_report(shipped_build):
    page = read_html(shipped_build, "sources/002_054fd7566556b1a7/")
    variants = page.select("a.variant")
    assert variants
    assert all(a["href"].startswith("/factcheck/consistency/#") for a in variants)


@pytest.mark.browser
def test_the_filters_show_only_the_chosen_speaker_in_a_real_browser(shipped_build, tmp_path):
    with in_a_real_browser(shipped_build, tmp_path) as (browser, site):
        page = browser.new_page()
        page.goto(site + "consistency/")
        assert page.locator("form.filters").is_visible()
        total = page.locator("article.group").count()
        page.select_option("select[name=speaker]", "Donald Trump")
        visible = page.locator("article.group:visible")
        assert 0 < visible.count() < total
        assert set(visible.evaluate_all("els => els.map(e => e.dataset.speaker)")) == {"Donald Trump"}
        assert page.locator(".shown-count").inner_text() == str(visible.count())


@pytest.mark.browser
def test_without_javascript_the_filters_that_could_not_work_are_not_shown(shipped_build,
                                                                          tmp_path):
    with in_a_real_browser(shipped_build, tmp_path) as (browser, site):
        page = browser.new_context(java_script_enabled=False).new_page()
        page.goto(site + "consistency/")
        assert page.locator("form.filters").is_hidden()
        assert page.locator("article.group:visible").count() == page.locator(
            "article.group").count() > 0


@pytest.mark.browser
def test_in_forced_colours_checked_passages_stay_readable(shipped_build, tmp_path):
    """High-contrast themes give links and highlights system colours; a link inside a
    highlight must not take a colour equal to the highlight's."""
    with in_a_real_browser(shipped_build, tmp_path) as (browser, site):
        page = browser.new_page()
        page.emulate_media(forced_colors="active", color_scheme="dark")
        for path, selector in (("sources/002_054fd7566556b1a7/", "mark.quoted a"),
                               ("consistency/", "mark.diff-only")):
            page.goto(site + path)
            pairs = page.locator(selector).evaluate_all("""els => els.map(e => {
                const mark = e.closest('mark');
                return [getComputedStyle(e).color, getComputedStyle(mark).backgroundColor];
            })""")
            assert pairs, path
            assert all(color != background for color, background in pairs), (path, pairs[:3])


@pytest.mark.browser
def test_an_outlet_filter_shows_its_comparisons_is_kept_in_the_address_and_resets(
        shipped_build, tmp_path):
    with in_a_real_browser(shipped_build, tmp_path) as (browser, site):
        page = browser.new_page()
        page.goto(site + "consistency/")
        total = page.locator("article.group").count()
        assert page.locator("button.show-all").is_hidden()
        page.select_option("select[name=outlet]", "unknown-002")
        assert page.url.endswith("consistency/?outlet=unknown-002")
        pairs = page.locator("article.group:visible .pair:visible")
        assert pairs.count() > 0
        assert all("unknown-002" in outlets.split() for outlets in
                   pairs.evaluate_all("els => els.map(e => e.dataset.outlets)"))
        # A shared or reloaded address shows the same choice.
        page.reload()
        assert page.locator("select[name=outlet]").input_value() == "unknown-002"
        assert 0 < page.locator("article.group:visible").count() < total
        page.focus("button.show-all")
        page.keyboard.press("Enter")
        assert page.locator("article.group:visible").count() == total
        assert page.url.endswith("consistency/") and page.locator("button.show-all").is_hidden()
        # The button hid itself; the keyboard is still in the form, on the first filter.
        assert page.evaluate("document.activeElement.name") == "speaker"


@pytest.mark.browser
def test_a_shared_address_whose_filter_hides_its_group_shows_the_group(shipped_build, tmp_path,
                                                                        groups):
    hidden = next(g for g in groups if g["speaker"] != "Donald Trump")
    with in_a_real_browser(shipped_build, tmp_path) as (browser, site):
        page = browser.new_page()
        page.goto(f"{site}consistency/?speaker=Donald+Trump#{hidden['id']}")
        assert page.locator(f"[id='{hidden['id']}']").is_visible()
        assert page.locator("select[name=speaker]").input_value() == ""


def test_every_id_a_group_has_had_leads_to_it(groups, shipped_build):
    addresses = json.loads((shipped_build / "consistency/addresses.json").read_text("utf-8"))
    page = read_html(shipped_build, "consistency/")
    on_page = {article["id"] for article in page.select("article.group")}
    assert any(group["other_ids"] for group in groups)
    for group in groups:
        assert group["id"] in on_page
        assert addresses[group["id"]] == f"/factcheck/consistency/#{group['id']}"
        for other in group["other_ids"]:
            assert addresses[other] == addresses[group["id"]]
    assert len(addresses) == len(groups) + sum(len(g["other_ids"]) for g in groups)


@pytest.mark.browser
def test_a_link_with_an_earlier_id_is_followed_to_its_group_in_a_real_browser(
        groups, shipped_build, tmp_path):
    group = next(group for group in groups if group["other_ids"])
    with in_a_real_browser(shipped_build, tmp_path) as (browser, site):
        page = browser.new_page()
        page.goto(site + "consistency/#" + group["other_ids"][0])
        page.wait_for_url("**#" + group["id"])
        assert page.evaluate("location.pathname") == "/factcheck/consistency/"
        assert page.locator(f"[id='{group['id']}']").is_visible()
        page.goto(site + "consistency/#no-such-group")  # unknown: the page stays as it is
        page.wait_for_timeout(300)
        assert page.url.endswith("#no-such-group")


@pytest.mark.browser
@pytest.mark.parametrize("path", [
    "", "consistency/", "consistency/speakers/john-healey/", "claims/maximum-pressure-on-putin/",
    "claims/royal-navy-70-vessels-norway-2024/", "sources/002_054fd7566556b1a7/",
    "outlets/", "outlets/independent/", "outlets/independent/quotations/", "methodology/"])
def test_no_page_scrolls_sideways_on_a_phone(shipped_build, tmp_path, path):
    with in_a_real_browser(shipped_build, tmp_path) as (browser, site):
        page = browser.new_page(viewport={"width": 360, "height": 740})
        page.goto(site + path)
        for summary in page.locator("details > summary").all():
            summary.click()  # folded parts too
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path or 'home'} is {width} px wide on a 360 px screen"


@pytest.mark.browser
def test_the_outlets_table_is_a_card_per_outlet_on_a_phone_and_a_table_on_a_desktop(
        shipped_build, tmp_path):
    """On a phone nothing in the table is out of sight to the side: each count is a line
    named by its column's head, and the cells are still a table's to a screen reader."""
    heads = ["Articles", "Claims checked", "Quoted word for word", "Only punctuation differs",
             "Wording differs"]
    with in_a_real_browser(shipped_build, tmp_path) as (browser, site):
        page = browser.new_page(viewport={"width": 360, "height": 740})
        page.goto(site + "outlets/")
        region = page.locator(".table-scroll")
        assert region.evaluate("r => r.scrollWidth <= r.clientWidth"), "the table scrolls"
        first = page.locator(".outlet-index tbody tr").first
        labels = first.locator("td[data-label]").evaluate_all(
            "cells => cells.map(c => getComputedStyle(c, '::before').content)")
        assert labels == [f'"{head}"' for head in heads]
        assert not page.locator(".outlet-index thead").is_visible() or page.locator(
            ".outlet-index thead").bounding_box()["height"] <= 1
        assert page.get_by_role("columnheader", name="Claims checked").count() == 1
        assert page.get_by_role("rowheader", name="The Independent").count() == 1
        assert page.get_by_role("cell").count() >= 5 * 3

        page.set_viewport_size({"width": 1280, "height": 800})
        assert page.locator(".outlet-index thead th").first.bounding_box()["height"] > 1
        box = {cell: first.locator("td").nth(cell).bounding_box() for cell in (0, 1)}
        assert box[0]["y"] == box[1]["y"], "on a desktop the counts stand in one row"
        assert labels != first.locator("td[data-label]").evaluate_all(
            "cells => cells.map(c => getComputedStyle(c, '::before').content)")


def test_a_group_is_headed_by_its_fullest_version_not_a_fragment(shipped_build, groups):
    """'Nato’s front line,' is a fragment one outlet quotes; the heading is the opening of
    the longest version, whose words the group's id is made of too, with no comma the
    quoting sentence left at its end."""
    page = read_html(shipped_build, "consistency/")
    for article, group in zip(page.select("article.group"), groups):
        heading = article.select_one("h2 q").get_text()
        fullest = max(group["variants"], key=lambda v: len(v["text"].split()))
        assert fullest["text"].split()[:3] == heading.split()[:3], group["id"]
        assert not heading.endswith((",", ";", ":")), heading


def test_a_punctuation_difference_is_marked_where_it_is(shipped_build, groups):
    """'since then,' against 'since then': the comma is marked, the words are not, and
    nothing at either end, which is the quoting sentence's."""
    page = read_html(shipped_build, "consistency/")
    group = next(g for g in groups if g["classification"] == "punctuation"
                 and any(v["text"].startswith("Three years ago") for v in g["variants"]))
    article = page.find(id=group["id"])
    marks = [shown(m) for m in article.select(".pair mark.diff-only")]
    assert "," in marks, marks
    # A word is marked only where the other side has it in another case ('One', 'one').
    words = Counter(mark.lower() for mark in marks if any(c.isalnum() for c in mark))
    assert all(count % 2 == 0 for count in words.values()), marks
    for pair in article.select(".pair"):
        for side in pair.select(".diff-text"):
            ends = side.contents[0], side.contents[-1]
            assert all(getattr(end, "name", None) != "mark"
                       or any(c.isalnum() for c in shown(end)) for end in ends), side


def test_a_word_both_sides_have_is_not_marked_when_the_marks_around_it_move():
    """'Europe, alongside the' against 'Europe – alongside, the': the words pair up one
    to one, so the comma and the dash are marked and 'alongside' is not."""
    from builder.comparison_views import _fine_segments
    left, right = _fine_segments("we in Europe, alongside the", "we in Europe – alongside, the",
                                 False, False)
    assert [s.text for s in left if s.changed] == [","]
    assert [s.text for s in right if s.changed] == ["–", ","]
    assert "".join(s.text for s in left) == "we in Europe, alongside the"
    assert "".join(s.text for s in right) == "we in Europe – alongside, the"


def segments_of(left_text: str, right_text: str):
    from builder.comparison_views import _segments
    from builder.consistency import Passage, compare_passages
    (pair,) = compare_passages([Passage("a", "a", left_text, 0, len(left_text)),
                                Passage("b", "b", right_text, 0, len(right_text))]).pairs
    return _segments(pair)


def test_where_one_side_lacks_words_its_text_shows_a_gap_there():
    """'we in Europe, alongside the United States' against 'we in Europe, alongside, we
    argue, the United States': the shorter side has a gap where the words are missing,
    and a lone mark that differs is named for screen readers, which skip punctuation."""
    from builder.comparison_views import as_heard
    left, right = segments_of("we in Europe, alongside the United States need to act",
                              "we in Europe, alongside, we argue, the United States need to act")
    (at,) = [n for n, segment in enumerate(left) if segment.gap]
    assert left[at].text == "" and left[at].other.strip() == "we argue,"
    assert "".join(s.text for s in left[:at]).rstrip().endswith("alongside")
    assert not any(s.gap for s in right)
    assert "we argue" in "".join(s.text for s in right if s.changed)
    # The white space around a difference is not part of it.
    assert all(s.text == s.text.strip() for s in right if s.changed)
    assert as_heard(",") == "a comma" and as_heard(" – , ") == "a dash and a comma"
    assert as_heard("...") == as_heard("…") == "an ellipsis"
    assert as_heard(". , ;") == "a full stop, a comma and a semicolon"
    assert as_heard("we,") == "“we,”" and as_heard("#") == "“#”"


def heard(segments) -> str:
    """A side as a screen reader reads it: each difference's words around its text."""
    read = (" ".join((s.heard_before, s.text, s.heard_after)) if s.changed else s.text
            for s in segments)
    return " ".join(" ".join(read).split())


def test_each_difference_says_in_words_what_happened_with_the_outlets_names():
    """Words only one version has, words in place of the other's, words missing, marks
    alone (named, as screen readers skip them) and letter case (which sounds the same)."""
    from builder.comparison_views import explained, version_names
    left, right = segments_of("we in Europe, alongside the United States need to act",
                              "We in Europe, alongside, we argue, the States needs to act")
    left = [explained(segment, "The Left", "The Right") for segment in left]
    right = [explained(segment, "The Right", "The Left") for segment in right]
    assert heard(left) == (
        "[The Left has “we” where The Right has “We”: a difference of letter case] we in "
        "Europe, alongside [not in The Left: The Right has “we argue,” here] the "
        "[only in The Left:] United [end] States [where The Right has “needs”, The Left has:] "
        "need [end] to act")
    assert heard(right) == (
        "[The Right has “We” where The Left has “we”: a difference of letter case] We in "
        "Europe, alongside [only in The Right:] , we argue, "
        "[end] the [not in The Right: The Left has “United” here] States [where The Left has "
        "“need”, The Right has:] needs [end] to act")
    tooltips = {segment.text: segment.explanation for segment in right if segment.changed}
    assert tooltips == {
        "We": "The Right has “We” where The Left has “we”: a difference of letter case",
        ", we argue,": "Only in The Right, not in The Left",
        "": "Not in The Right: The Left has “United” here",
        "needs": "The Right has “needs” where The Left has “need”"}
    # Two articles of one outlet: 'only in The Times' would say nothing.
    assert version_names("The Times", "The Times") == ("this version", "the other version")


def explained_sides(left_text: str, right_text: str):
    """Both sides' segments, explained as 'The Left' and 'The Right'."""
    from builder.comparison_views import explained
    left, right = segments_of(left_text, right_text)
    return ([explained(segment, "The Left", "The Right") for segment in left],
            [explained(segment, "The Right", "The Left") for segment in right])


def test_differences_apart_only_by_white_space_are_one_mark_with_one_explanation():
    """'We must' against 'we should' is a letter case and a word to the differ, with an
    unchanged space between: read out as two, each in full. One mark says it once."""
    left, right = explained_sides("We must act now", "we should act now")
    assert [(s.text, s.explanation) for s in left if s.changed] == [
        ("We must", "The Left has “We must” where The Right has “we should”")]
    assert [(s.text, s.explanation) for s in right if s.changed] == [
        ("we should", "The Right has “we should” where The Left has “We must”")]
    assert heard(left) == "[where The Right has “we should”, The Left has:] We must [end] act now"
    # What the other side has between them is quoted as it is, not as this side has it.
    left, right = explained_sides("We must act now", "we, should act now")
    assert [s.explanation for s in left if s.changed] == [
        "The Left has “We must” where The Right has “we, should”"]
    left, right = explained_sides("the States – (maintain) because the pressure",
                                  "the States, needs to be maintained, because the pressure")
    assert [s.explanation for s in right if s.changed] == [
        "The Right has “, needs to be maintained,” where The Left has “– (maintain)”"]
    # Words the other side lacks, beside a difference, join it: no gap of their own.
    left, right = explained_sides("We act now", "we really act now")
    assert [(s.text, s.gap, s.explanation) for s in left if s.changed] == [
        ("We", False, "The Left has “We” where The Right has “we really”")]
    assert heard(right) == "[where The Left has “We”, The Right has:] we really [end] act now"
    assert "".join(s.text for s in left) == "We act now"
    assert "".join(s.text for s in right) == "we really act now"


def test_no_two_marks_on_a_page_stand_apart_only_by_white_space(shipped_build):
    """On the seeds' pages: two marks side by side, or with only white space between,
    would be read out as two explanations where one says it."""
    for path in ("consistency/", "claims/maximum-pressure-on-putin/"):
        for row in read_html(shipped_build, path).select(".diff-text"):
            kinds = ["mark" if getattr(part, "name", None) else "space" if not part.strip()
                     else "text" for part in row.contents]
            assert "mark mark" not in " ".join(kinds), row
            assert "mark space mark" not in " ".join(kinds), row


@pytest.mark.parametrize("fragment, read", [
    ("(the States", "“the States”"),  # at an edge, a mark whose partner is not quoted goes
    ("Russian President Vladimir) ", "“Russian President Vladimir”"),
    ("“remains", "“remains”"),
    ("the (United States", "“the (United States)”"),  # among the words: it gets its partner
    ("the States) need,", "“(the States) need,”"),
    ("“Europe (the” States", "““Europe (the)” States”"),  # closed inside what holds it
    ("(he) is", "“(he) is”"),  # paired already: as printed
    ("the States’ own", "“the States’ own”"),  # an apostrophe, not a quotation mark
])
def test_a_quoted_fragment_reads_with_its_brackets_and_quotation_marks_paired(fragment, read):
    from builder.comparison_views import as_heard
    assert as_heard(fragment) == read
    assert re.findall(r"\w+", read) == re.findall(r"\w+", fragment)  # no word lost


def test_what_a_gap_and_a_typography_difference_quote_is_paired():
    from builder.comparison_views import Segment, explained
    gap = explained(Segment("", True, gap=True, other="(the States "), "The Left", "The Right")
    assert gap.explanation == "Not in The Left: The Right has “the States” here"
    assert gap.heard_before == "[not in The Left: The Right has “the States” here]"
    typeset = explained(Segment("“We’re", True, other='"We\'re'), "The Left", "The Right")
    assert typeset.explanation == ("The Left has “We’re” where The Right has “We're”: a "
                                   "difference of typography")
    # Where the marks it would drop are the difference, both are quoted as printed.
    quotes = explained(Segment("“We", True, other='"We'), "The Left", "The Right")
    assert quotes.explanation == ("The Left has ““We” where The Right has “\"We”: a "
                                  "difference of typography")


def paired(text: str) -> bool:
    """Every bracket and curly quotation mark in the text closed, in order."""
    open_now = []
    for char in text:
        if char in "([“":
            open_now.append(char)
        elif char in ")]”" and (not open_now or open_now.pop() != "([“"[")]”".index(char)]):
            return False
    return not open_now


def test_every_explanation_on_the_seeds_pages_reads_paired(shipped_build):
    """Report 000 lacks The Independent's '(Russian President Vladimir)' as the differ
    cuts it: 'Russian President Vladimir)', whose bracket was quoted alone."""
    explanations = [mark["data-explanation"]
                    for path in ("consistency/", "claims/maximum-pressure-on-putin/")
                    for mark in read_html(shipped_build, path).select("[data-explanation]")]
    assert any("“Russian President Vladimir”" in e for e in explanations)
    assert [e for e in explanations if not paired(e)] == []


def accessible_text(snapshot: str) -> tuple[str, list[str]]:
    """A diff row's text as Chromium's accessibility tree gives it to screen readers (the
    row's aria snapshot), and the text of each mark in it."""
    found = yaml.safe_load(snapshot)[0]["paragraph"]
    parts = [found] if isinstance(found, str) else [next(iter(item.values())) for item in found]
    marks = [] if isinstance(found, str) else [item["mark"] for item in found if "mark" in item]
    return " ".join(" ".join(parts).split()), marks


@pytest.mark.browser
def test_a_diff_row_reads_to_a_screen_reader_as_what_each_outlet_has(shipped_build, tmp_path,
                                                                     groups):
    """Healey's 'maximum pressure' in the Independent against report 000, as Chromium
    exposes it: each difference is said with the outlets' names, the gap's caret is
    unheard, and every marked stretch on the page opens with what it is."""
    group = next(g for g in groups if g["id"].startswith("and-our-job-as-defence-ministers"))
    with in_a_real_browser(shipped_build, tmp_path) as (browser, site):
        page = browser.new_page()
        page.goto(site + "consistency/")
        pair = page.locator(f"[id='{group['id']}'] .pair[data-outlets='unknown-000 independent']")
        report_000, independent = (accessible_text(row.aria_snapshot())[0]
                                   for row in pair.locator(".diff-text").all())
        rows = [accessible_text(row.aria_snapshot())
                for row in page.locator(".pair .diff-text").all()]
    expected = [
        "any talks [where Unidentified outlet (report 000) has “. That”, The Independent "
        "has:] , and that [end]",
        "alongside [only in The Independent:] , we argue, to [end] the [not in The "
        "Independent: Unidentified outlet (report 000) has “United” here] States,",
        "[where Unidentified outlet (report 000) has “need”, The Independent has:] needs [end]",
        "pressure on [only in The Independent:] (Russian President Vladimir) [end] Putin"]
    where = [independent.find(part) for part in expected]
    assert -1 not in where and where == sorted(where), independent
    assert ("alongside [not in Unidentified outlet (report 000): The Independent has “we argue, "
            "to” here] the [only in Unidentified outlet (report 000):] United [end]") in report_000
    assert len(rows) > 20
    for text, marks in rows:
        assert "‸" not in text and "differs" not in text, text
        assert all(mark.startswith("[") and "]" in mark for mark in marks), marks


def elements_with(attribute: str, node: dict) -> list[dict]:
    """The elements of a CDP DOM tree (DOM.getDocument) that carry `attribute`."""
    found = [node] if attribute in node.get("attributes", [])[::2] else []
    for child in node.get("children", []):
        found += elements_with(attribute, child)
    return found


def given_to_screen_readers(node: dict, nodes: dict) -> str:
    """All the words Chromium's accessibility tree gives a screen reader of a node and what
    is in it: text, and any description or name of its own (a `title` becomes one). Names
    made from the text inside are not counted again, nor inline text boxes, which repeat
    their text."""
    role = node.get("role", {}).get("value")
    if role == "InlineTextBox":
        return ""
    own = [node.get("description", {}).get("value", "")]
    if role == "StaticText" or not node.get("childIds"):
        own.append(node.get("name", {}).get("value", ""))
    inside = [given_to_screen_readers(nodes[child], nodes) for child in node.get("childIds", [])]
    return " ".join(" ".join(own + inside).split())


def explanations_as_read(page) -> list[tuple[str, str, str]]:
    """For each difference on the page: its explanation (the tooltip), the words hidden
    before its text for screen readers, and all a screen reader is given of it."""
    cdp = page.context.new_cdp_session(page)
    tree = cdp.send("Accessibility.getFullAXTree")["nodes"]
    nodes = {node["nodeId"]: node for node in tree}
    by_element = {node.get("backendDOMNodeId"): node for node in tree}
    marks = page.locator("[data-explanation]")
    hidden = marks.evaluate_all(
        "els => els.map(e => e.querySelector('.visually-hidden').textContent)")
    found = []
    for element, before in zip(elements_with("data-explanation",
                                             cdp.send("DOM.getDocument", {"depth": -1})["root"]),
                               hidden):
        attributes = dict(zip(element["attributes"][::2], element["attributes"][1::2]))
        said = given_to_screen_readers(by_element[element["backendNodeId"]], nodes)
        found.append((attributes["data-explanation"], " ".join(before.split()), said))
    return found


@pytest.mark.browser
def test_each_difference_is_explained_to_a_screen_reader_once_and_shown_on_hover(
        shipped_build, tmp_path):
    """A `title` is also an element's accessible description: a screen reader would say
    the explanation after the hidden words that already say it. Each mark's explanation
    reaches the accessibility tree once, as those words, and a mouse still shows it; so
    does focus, which a screen reader's Tab key moves too."""
    with in_a_real_browser(shipped_build, tmp_path) as (browser, site):
        page = browser.new_page()
        page.goto(site + "consistency/")
        for kind in ("mark.diff-only", ".diff-gap"):
            difference = page.locator(f"{kind}[data-explanation]").first
            difference.hover()
            tooltip = difference.evaluate("e => [getComputedStyle(e, '::after').content, "
                                          "getComputedStyle(e, '::after').display]")
            assert difference.get_attribute("data-explanation") in tooltip[0], tooltip
            assert tooltip[1] != "none", tooltip
        page.keyboard.press("Tab")
        focused = page.locator(".diff-text mark.diff-only[data-explanation]").first
        focused.focus()
        assert focused.get_attribute("data-explanation") in focused.evaluate(
            "e => getComputedStyle(e, '::after').content")
        # With a gap's explanation showing on hover and a mark's on focus: both unheard.
        read = explanations_as_read(page)
    assert len(read) > 40 and any(e.startswith("Not in") for e, _, _ in read)
    for explanation, before, said in read:
        # Said in full before the stretch, or in short ('only in The Times:'), never again.
        in_words = before.casefold().count(explanation.casefold())
        assert said.casefold().count(explanation.casefold()) == in_words, (explanation, said)
        assert said.count(before) == 1, (before, said)
        assert said.startswith(before), (before, said)


def test_the_page_names_lone_marks_and_shows_gaps(shipped_build, groups):
    page = read_html(shipped_build, "consistency/")
    commas = [mark for mark in page.select(".pair mark.diff-only") if shown(mark) == ","]
    assert commas and all("a comma" in mark.select_one(".visually-hidden").get_text()
                          for mark in commas)
    gaps = page.select(".pair .diff-text .diff-gap")
    assert gaps and all(shown(gap) == "" for gap in gaps)
    assert all(gap.get_text().strip().startswith("[not in ") for gap in gaps)
    # The version lists print each outlet's words as they are, with no gap or name.
    for item in page.select("details li"):
        assert not item.select(".diff-gap, mark")


def test_no_group_shows_one_comparison_twice(shipped_build):
    """A fragment compared with another outlet's fragment, and with the same words inside
    that outlet's longer paragraph, reads the same: it is shown once."""
    page = read_html(shipped_build, "consistency/")
    for article in page.select("article.group"):
        shown = [tuple((side.select_one(".side-source a").get_text(),
                        str(side.select_one(".diff-text"))) for side in pair.select(".side"))
                 for pair in article.select(".pair")]
        assert len(shown) == len(set(shown)), article["id"]


@pytest.mark.browser
def test_a_link_to_a_passage_outlines_all_of_it_on_the_article_page(shipped_build, tmp_path):
    """Every 'in the article' link of /consistency/ and every claim's link to its passage:
    the article page outlines the whole passage, however many pieces other highlights cut
    it into."""
    groups = json.loads((shipped_build / "data/consistency.json").read_text("utf-8"))["groups"]
    claims = json.loads((shipped_build / "data/claims.json").read_text("utf-8"))["claims"]
    page_of = read_html(shipped_build, "consistency/")
    claim_pages = {c["id"]: read_html(shipped_build, f"claims/{c['id']}/") for c in claims}
    expected = []  # (link, the passage's words)
    for group in groups:
        article = page_of.find(id=group["id"])
        links = [a["href"] for a in article.select("details li a[href*='#']")]
        expected += zip(links, (v["text"] for v in group["variants"]))
    for claim in claims:
        links = [a["href"] for a in claim_pages[claim["id"]].select("a.spot")]
        expected += zip(links, (a["quote"] for a in claim["appearances"]))
    assert len(expected) > 40
    with in_a_real_browser(shipped_build, tmp_path) as (browser, site):
        page = browser.new_page()
        for link, words in expected:
            page.goto(site.removesuffix("factcheck/") + link.lstrip("/"))
            outlined = page.locator(".followed")
            assert outlined.count() > 0, link
            assert all(style != "none" for style in outlined.evaluate_all(
                "els => els.map(e => getComputedStyle(e).outlineStyle)")), link
            shown = " ".join("".join(outlined.all_text_contents()).split())
            assert " ".join(words.split()) in shown, (link, shown)
