"""Consistency: which quotations are one utterance, and how alike outlets quote it."""
from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from builder.consistency import (Passage, QuoteGroup, compare_passages, group_quotations,
                                 link_claims, outlet_record)
from builder.grouping import WHEN, content_words
from builder.diffing import DiffOp, classify, spelled_out, word_diff, word_keys, words
from builder.quotations import Quotation, extract_corpus

@pytest.fixture(scope="module")
def groups(texts) -> tuple[QuoteGroup, ...]:
    return group_quotations(extract_corpus(texts), {stem: stem for stem in texts})


def _group(groups, *phrases: str) -> QuoteGroup:
    found = [g for g in groups
             if all(any(p in v.text for v in g.variants) for p in phrases)]
    assert len(found) == 1, (phrases, [g.id for g in found])
    return found[0]


def _sources(group: QuoteGroup) -> set[str]:
    return {v.source[:3] for v in group.variants}


# --- the seeds --------------------------------------------------------------------------

@pytest.mark.parametrize("phrases, classification, sources", [
    (("Three years ago, one country illegally invaded another",), "punctuation",
     {"000", "001", "002"}),
    (("continuing to step up the military aid", "maximum pressure on"), "wording",
     {"000", "001", "002"}),
    (("70 Royal Naval vessels at different times were here",), "wording", {"000", "001"}),
    (("because this is Nato’s front line", "Norway’s border with Russia"), "punctuation",
     {"000", "001"}),
])
def test_healey_is_grouped_across_outlets_with_the_right_classification(
        groups, phrases, classification, sources):
    group = _group(groups, *phrases)
    assert group.classification == classification
    assert sources <= _sources(group)
    assert group.speaker == "John Healey"


def test_trump_is_grouped_though_one_outlet_words_it_differently(groups):
    group = _group(groups, "You should have never started it")
    assert [v.text for v in group.variants if v.source[:3] in ("000", "001")] == [
        "should never have started", "should never have started"]
    assert group.classification == "wording"
    assert group.speaker == "Donald Trump"
    wording = [p for p in group.pairs if p.classification == "wording"]
    assert wording and all(p.partial for p in wording)


def test_parts_of_a_split_quotation_join_the_whole_it_came_from(groups):
    group = _group(groups, "They’ve been fighting for their future")
    starts = [v.text[:12] for v in group.variants if v.source.startswith("000")]
    assert "They’ve been" in starts and "So whilst al" in starts
    assert any(v.source.startswith("002") and "So whilst" in v.text for v in group.variants)


def test_the_seventy_vessels_are_dated_differently(groups):
    group = _group(groups, "70 Royal Naval vessels at different times were here")
    [dating] = [d for d in group.figure_disagreements if d.kind == "dating"]
    assert {s.figure.value for s in dating.statements} == {"relative:past-year", "year:2024"}


def test_groups_span_two_sources_have_unique_stable_ids_and_a_fixed_order(texts, groups):
    assert all(len({v.source for v in g.variants}) >= 2 for g in groups)
    ids = [g.id for g in groups]
    assert len(set(ids)) == len(ids)
    rank = {"wording": 0, "punctuation": 1, "identical": 2}
    assert [(rank[g.classification], g.id) for g in groups] == sorted(
        (rank[g.classification], g.id) for g in groups)
    again = group_quotations(extract_corpus(dict(reversed(list(texts.items())))),
                             {stem: stem for stem in texts})
    assert [g.id for g in again] == ids
    assert _group(groups, "Three years ago").id.startswith("three-years-ago-one-country-")


def test_every_pair_joins_two_variants_of_its_group_from_different_sources(groups):
    for group in groups:
        assert group.pairs
        for pair in group.pairs:
            assert pair.left in group.variants and pair.right in group.variants
            assert pair.left.source != pair.right.source


def test_variant_spans_are_exact(texts, groups):
    for group in groups:
        for variant in group.variants:
            assert texts[variant.source][variant.start:variant.end] == variant.text


def test_outlet_record_counts_each_quoted_paragraph_once(groups):
    record = outlet_record(groups)
    assert set(record) >= {"000_77b9b0fc3a0f8130", "001_ca73bd25d97c34db"}
    grouped = {}
    for group in groups:
        for variant in group.variants:
            grouped[variant.outlet] = grouped.get(variant.outlet, 0) + 1
    for outlet, counts in record.items():
        assert set(counts) == {"identical", "punctuation", "wording"}
        assert 0 < sum(counts.values()) <= grouped[outlet]
    assert record["003_23741e95d5d05c55"]["wording"] >= 1  # "remains a threat…"


def test_a_fragment_quoted_alike_does_not_make_a_reworded_paragraph_count_as_identical():
    """Outlet a's paragraph is reworded against c's; b quotes a few of its words exactly.
    Compared whole, a's paragraph differs in wording: that is its record."""
    a = ("And our job as defence ministers is to make sure that Europe, alongside the "
         "United States, need to maintain maximum pressure on Putin")
    c = ("And our job as defence ministers is to make sure that Europe alongside, we argue, "
         "to the States, needs to be maintained maximum pressure on Putin")
    b = "maximum pressure on Putin"
    quoted = [_quotation("a", a, "John Healey"), _quotation("b", b, "John Healey"),
              _quotation("c", c, "John Healey")]
    (group,) = group_quotations(quoted, {s: s for s in "abc"})
    assert any(pair.partial for pair in group.pairs)  # b was compared with part of a
    record = outlet_record([group])
    assert record["a"] == {"identical": 0, "punctuation": 0, "wording": 1}
    assert record["b"]["identical"] == 1  # all of b was compared, and matches


def test_claims_link_to_the_groups_their_appearances_overlap(texts, groups):
    group = _group(groups, "70 Royal Naval vessels at different times were here")
    variant = next(v for v in group.variants if v.source.startswith("000"))
    linked = link_claims(groups, {
        "navy": [(variant.source, variant.start + 5, variant.start + 30)],
        "elsewhere": [(variant.source, variant.end + 2000, variant.end + 2010)],
        "other-source": [("nowhere", variant.start, variant.end)],
    })
    assert set(linked) == {g.id for g in groups}
    assert linked[group.id] == ("navy",)
    assert all("elsewhere" not in claims and "other-source" not in claims
               for claims in linked.values())


# --- one claim's appearances ------------------------------------------------------------

def _passage(source: str, text: str) -> Passage:
    return Passage(source, source.upper(), text, 100, 100 + len(text))


def test_a_claims_appearances_are_compared_pair_by_pair():
    comparison = compare_passages([
        _passage("a", "70 Royal Navy vessels visiting Norwegian waters in 2024 alone"),
        _passage("b", "70 Royal Navy vessels, visiting Norwegian waters in 2024 alone"),
        _passage("c", "In the last year, 70 Royal Naval vessels at different times were here"),
    ])
    assert [(p.left.source, p.right.source, p.classification) for p in comparison.pairs] == [
        ("a", "b", "punctuation"), ("a", "c", "wording"), ("b", "c", "wording")]
    assert comparison.classification == "wording"
    assert [d.kind for d in comparison.figure_disagreements] == ["dating"]
    assert all(comparison.passages[i].text[f.start - 100:f.end - 100] == f.text
               for i, figures in enumerate(comparison.figures) for f in figures)


def test_identical_appearances_are_identical():
    comparison = compare_passages([_passage("a", "It’s Nato’s front line"),
                                   _passage("b", "It’s Nato’s  front\nline")])
    assert comparison.classification == "identical"
    # Typography is printed, so it is a difference, if a lesser one than words.
    assert compare_passages([_passage("a", "It’s Nato’s front line"),
                             _passage("b", "It's Nato's front line")]
                            ).classification == "punctuation"
    # The punctuation at either end belongs to the sentence quoting it, not the speaker.
    assert compare_passages([_passage("a", "jeopardising the peace."),
                             _passage("b", "jeopardising the peace")]
                            ).classification == "identical"
    assert compare_passages([_passage("a", "x")]).classification == "identical"


@pytest.mark.parametrize("short, long, changes", [
    # Matched by letters alone, the window took in "Russia" (and "We") at its edge.
    ("remains a threat well beyond Ukraine",
     "And this time, this region reminds us that Russia is a threat well beyond Ukraine and "
     "reminds us that Russian aggression is not confined to Ukraine.",
     [("replaced", "remains ", "is ")]),
    ("We could’ve met in Oslo, we could’ve met in the bilateral meeting conference rooms "
     "that governments have, but we wanted to be here in Finnmark.",
     "This is my first visit to Norway. We could have met in Oslo, we could have met in the "
     "bilateral meeting conference rooms that governments have, but we wanted to be here in "
     "Finnmark.",
     [("replaced", "could’ve ", "could have "), ("replaced", "could’ve ", "could have ")]),
    ("should never have started", "You should have never started it. You could have made a deal,",
     [("added", "", "have "), ("removed", "have ", "")]),
])
def test_a_partial_quote_is_compared_with_the_words_it_answers(short, long, changes):
    [pair] = compare_passages([_passage("a", short), _passage("b", long)]).pairs
    assert pair.partial
    assert [(op.kind, op.left, op.right) for op in pair.diff if op.kind != "same"] == changes


# --- grouping, on made-up quotations ----------------------------------------------------

def _quotation(source: str, text: str, speaker: str | None = None) -> Quotation:
    return Quotation(source, 0, len(text), text, speaker)


def _grouped(*quotations: Quotation) -> list[set[str]]:
    outlets = {q.source: q.source for q in quotations}
    return [{v.source for v in g.variants} for g in group_quotations(quotations, outlets)]


LONG_A = ("We will keep supporting the farmers of the northern valleys through the winter, "
          "because their harvest failed after the floods of the spring")
LONG_B = ("The new bridge across the estuary will open next summer and carry trains to the "
          "coast for the first time since the line closed")


def test_a_fragment_in_one_utterance_joins_it():
    assert _grouped(_quotation("a", LONG_A), _quotation("b", "farmers of the northern valleys"),
                    _quotation("c", LONG_B)) == [{"a", "b"}]


def test_a_fragment_in_two_utterances_bridges_neither():
    both = "the first time since the line closed"
    a = _quotation("a", LONG_A + ", for the first time since the line closed")
    b = _quotation("b", LONG_B)
    groups = _grouped(a, b, _quotation("c", both))
    assert {"a", "b"} not in groups and not any({"a", "b"} <= g for g in groups)


def test_two_word_fragments_join_only_their_own_kind():
    groups = _grouped(_quotation("a", LONG_A, "Ann Lee"), _quotation("b", LONG_B, "Bo Ray"),
                      _quotation("c", "failed after", None), _quotation("d", "failed after"))
    assert groups == [{"c", "d"}]


def test_a_fuller_variant_changes_the_id_but_the_old_one_still_names_the_group():
    part = "farmers of the northern valleys through the winter, because their harvest failed"
    before = group_quotations([_quotation("a", part, "Ann Lee"), _quotation("b", part, "Ann Lee")],
                              {"a": "a", "b": "b"})
    after = group_quotations([_quotation("a", part, "Ann Lee"), _quotation("b", part, "Ann Lee"),
                              _quotation("c", LONG_A, "Ann Lee")], {"a": "a", "b": "b", "c": "c"})
    (old,), (new,) = before, after
    assert new.id.startswith("we-will-keep-supporting") and old.id.startswith("farmers-of")
    assert old.id in new.other_ids and new.id not in new.other_ids


_FULL = ("We stand with Ukraine. Putin launched this illegal war and he must lose it, "
         "whatever the cost to him. Our support will never waver.")


def test_a_quotation_with_a_sentence_left_out_joins_the_full_one():
    elided = "We stand with Ukraine … Our support will never waver."
    assert _grouped(_quotation("a", _FULL, "Ann Lee"), _quotation("b", elided, "Ann Lee")) == [
        {"a", "b"}]


def test_words_said_in_order_but_far_apart_are_not_an_elision():
    spread = ("We stand by the farmers of the valleys, who lost their harvests, their barns "
              "and their herds in the floods of the spring and the storms of the summer, and "
              "who ask what the ministry will do for them before the winter comes to Ukraine "
              "and the roads close. Our support will never waver.")
    elided = "We stand with Ukraine … Our support will never waver."
    assert _grouped(_quotation("a", spread, "Ann Lee"), _quotation("b", elided, "Ann Lee")) == []


def test_a_short_quotation_with_one_word_changed_still_groups():
    # Six content words, one changed in the middle: most trigrams differ.
    assert _grouped(
        _quotation("a", "will put further pressure on the state's triple-A credit rating"),
        _quotation("b", "will put further pressure on the state’s AAA credit rating")) == [
        {"a", "b"}]


_RELATIVE = ("A 23% relative reduction sounds dramatic, but in absolute terms it means about "
             "one heart attack or stroke prevented for every 38 people treated")


def test_a_fragment_reworded_in_another_order_joins_its_speakers_quotation():
    """'a relative reduction of 23 per cent' shares no trigram of content words with 'a 23%
    relative reduction': the words, close together, and the speaker decide."""
    reworded = "A relative reduction of 23 per cent sounds dramatic,"
    assert _grouped(_quotation("a", _RELATIVE, "Rhys Callander"),
                    _quotation("b", reworded, "Rhys Callander")) == [{"a", "b"}]
    # Nobody named, or someone else: the words alone are too few to say it is the same.
    assert _grouped(_quotation("a", _RELATIVE, "Rhys Callander"),
                    _quotation("b", reworded)) == []
    assert _grouped(_quotation("a", _RELATIVE, "Rhys Callander"),
                    _quotation("b", reworded, "Ann Lee")) == []


def test_a_reworded_fragment_needs_its_words_close_together():
    spread = ("A relative calm returned after the reduction in shelling, and 23 towns now "
              "have power; it sounds odd, but the mood is not dramatic")
    assert _grouped(_quotation("a", spread, "Rhys Callander"),
                    _quotation("b", "A relative reduction of 23 per cent sounds dramatic",
                               "Rhys Callander")) == []


def test_a_fragment_placed_by_its_trigrams_is_not_also_placed_by_its_words():
    """Its words also said close together, in another order, in another of its speaker's
    quotations: that is no second target keeping it from its own group."""
    fragment = "farmers of the northern valleys"
    other = "The northern valleys need roads, the farmers say, before they need bridges or rail"
    groups = _grouped(_quotation("a", LONG_A, "Ann Lee"), _quotation("b", fragment, "Ann Lee"),
                      _quotation("c", other, "Ann Lee"))
    assert groups == [{"a", "b"}]


def test_a_reworded_part_is_compared_with_the_words_it_answers_not_beyond():
    [pair] = compare_passages([_passage("a", "A relative reduction of 23 per cent sounds dramatic,"),
                               _passage("b", _RELATIVE)]).pairs
    assert pair.partial
    assert pair.diff[-1].right.rstrip(", ") == "sounds dramatic"
    assert "absolute" not in "".join(op.right for op in pair.diff)


@pytest.mark.parametrize("dated, changed", [
    ("on 10 October", ("Friday", "10 October")), ("on October 10th", ("Friday", "October 10th")),
    ("yesterday", ("on Friday", "yesterday")), ("on 10 May", ("Friday", "10 May"))])
def test_a_quotation_dated_another_way_is_still_one_utterance(dated, changed):
    """Each outlet dates what was said from its own day: 'on Friday' in one report is
    'on 10 October' in another."""
    groups = group_quotations(
        [_quotation("a", "When Ingrid rang me on Friday to tell me, I cried."),
         _quotation("b", f"When Ingrid rang me {dated} to tell me, I cried.")],
        {"a": "a", "b": "b"})
    assert [{v.source for v in g.variants} for g in groups] == [{"a", "b"}]
    (pair,) = groups[0].pairs
    assert [(op.left.strip(), op.right.strip()) for op in pair.diff if op.kind != "same"] == [
        changed]


def test_only_the_time_is_taken_as_written_any_way():
    """'may' and 'march' are months only beside a day of the month; other words stay."""
    assert content_words(tuple("we may march on friday 10 may and in march".split())) == (
        "march", WHEN, WHEN, "march")
    assert content_words(tuple("the 10 ships sailed in may".split())) == ("10", "ships",
                                                                          "sailed")


def test_different_words_around_a_time_are_still_different_utterances():
    assert _grouped(_quotation("a", "We will open the new bridge on Friday, on time."),
                    _quotation("b", "Protesters blocked the old road on 10 October, again.")
                    ) == []


def test_per_cent_and_the_percent_sign_are_one_utterance():
    assert _grouped(
        _quotation("a", "Storage at Coorabin will be drawn down to 40 per cent during "
                        "construction."),
        _quotation("b", "drawn down to 40% during construction")) == [{"a", "b"}]


@pytest.mark.parametrize("contracted, spelled", [
    ("We’re not going anywhere,", "We are not going anywhere."),
    ("He's all talk and no delivery.", "He is all talk and no delivery."),
    ("We can’t and won’t pay it.", "We cannot and will not pay it."),
])
def test_a_short_quotation_and_its_contractions_spelled_out_are_one_utterance(
        contracted, spelled):
    groups = group_quotations([_quotation("a", contracted, "Kemi Badenoch"),
                               _quotation("b", spelled, "Kemi Badenoch")], {"a": "a", "b": "b"})
    assert [(g.classification, {v.source for v in g.variants}) for g in groups] == [
        ("wording", {"a", "b"})]


def test_a_possessive_is_not_a_contraction():
    assert _grouped(_quotation("a", "Nato’s front line"), _quotation("b", "Nato is front line")
                    ) == []


def test_differently_named_speakers_never_share_an_utterance():
    assert _grouped(_quotation("a", LONG_A, "Ann Lee"), _quotation("b", LONG_A, "Bo Ray")) == []
    assert _grouped(_quotation("a", LONG_A, "Ann Lee"), _quotation("b", LONG_A, "Bo Lee")) == []



_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9)


def _retyped(text: str, data) -> str:
    """The same words with punctuation, case and typography changed."""
    out = []
    for word in text.split(" "):
        word = data.draw(st.sampled_from([word, word.upper(), word.capitalize()]))
        mark = data.draw(st.sampled_from(["", ",", " –", "…", ";", ":"]))
        out.append(word + mark)
    quote = data.draw(st.sampled_from([("“", "”"), ('"', '"'), ("", ".")]))
    return quote[0] + data.draw(st.sampled_from([" ", "  ", "\u00a0"])).join(out) + quote[1]


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORD, min_size=1, max_size=30), st.data())
def test_a_passage_always_groups_with_a_retyped_copy_of_itself(words_, data):
    text = " ".join(words_)
    copy = _retyped(text, data)
    groups = group_quotations([_quotation("a", text), _quotation("b", copy)],
                              {"a": "A", "b": "B"})
    assert len(groups) == 1 and {v.source for v in groups[0].variants} == {"a", "b"}
    assert groups[0].classification in ("identical", "punctuation")


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORD, min_size=1, max_size=30), st.data())
def test_a_passage_never_groups_with_an_unrelated_one_of_the_same_length(words_, data):
    other = data.draw(st.lists(_WORD.map(str.upper).map(lambda w: w + "q"),
                               min_size=len(words_), max_size=len(words_)))
    text, unrelated = " ".join(words_), " ".join(other).lower()
    assume(not set(word_keys(text)) & set(word_keys(unrelated)))
    assert _grouped(_quotation("a", text), _quotation("b", unrelated)) == []


# --- diffing ----------------------------------------------------------------------------

@pytest.mark.parametrize("a, b, expected", [
    ("it’s Nato’s  “front line”…", "it’s Nato’s\n“front line”…", "identical"),
    ("it’s Nato’s “front line”…", "it's Nato's \"front line\"...", "punctuation"),
    ("alongside – we argue – the States", "alongside — we argue — the States", "punctuation"),
    ("since then, the Ukrainians", "since then the Ukrainians", "punctuation"),
    ("Since then the Ukrainians", "since then the ukrainians", "punctuation"),
    ("need to maintain", "needs to be maintained", "wording"),
])
def test_classify(a, b, expected):
    assert classify(a, b) == expected
    assert classify(b, a) == expected


def test_word_diff_shows_words_as_written():
    ops = word_diff("alongside the United States, need to maintain.",
                    "alongside, we argue, the States – (maintain)")
    assert [op.kind for op in ops] == ["same", "added", "same", "removed", "same", "removed",
                                       "same"]
    assert DiffOp("added", "", "we argue, ") in ops
    assert DiffOp("removed", "United ", "") in ops


_ANY_TEXT = st.text(alphabet=st.sampled_from(list("ab cD’'“”\"–—…,.\n\u00a0ßİ9")), max_size=40)


@settings(max_examples=300, deadline=None)
@given(_ANY_TEXT, _ANY_TEXT)
def test_word_diff_ops_join_back_into_both_texts(a, b):
    ops = word_diff(a, b)
    assert "".join(op.left for op in ops) == a
    assert "".join(op.right for op in ops) == b
    assert all(op.kind == "same" for op in ops) == (word_keys(a) == word_keys(b))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_word_keys_are_one_per_word(text):
    assert word_keys(text) == tuple(w.key for w in words(text))


@pytest.mark.parametrize("text, spoken", [
    ("We’re here", "we are here"), ("I'd say I’m fine", "i would say i am fine"),
    ("They didn't, won't, can’t", "they did not will not cannot"),
    ("It’s what’s next", "it is what is next"), ("Let's go", "let us go"),
    ("He’s been told she'd gone", "he has been told she had gone"),
    ("It’s made of what I'd need", "it is made of what i would need"),
    ("Nato’s front line", "natos front line"),   # a noun's ’s is its possessive
    ("O'Brien and D’Souza", "obrien and dsouza"), ("no marks at all", "no marks at all"),
])
def test_contractions_are_spelled_out_and_nothing_else_changes(text, spoken):
    assert " ".join(spelled_out(text, word_keys(text))) == spoken


def test_a_body_and_the_person_speaking_for_it_do_not_keep_a_quotation_apart():
    """'The Treasury said' and 'Treasury spokesman Tom Lee said' may quote one statement:
    the group is the person's. Two people's names keep quotations apart; a body's never
    does, as a body speaks through people."""
    words = "The levy ensures that energy companies pay their fair share of the windfall"
    body = Quotation("a", 0, len(words), words, "Treasury", organisation=True)
    (group,) = group_quotations([body, _quotation("b", words, "Tom Lee")], {"a": "a", "b": "b"})
    assert (group.speaker, [v.source for v in group.variants]) == ("Tom Lee", ["a", "b"])
    assert group.speaker_type == "person"


def test_a_group_no_person_speaks_is_the_body_most_variants_name():
    words = "The levy ensures that energy companies pay their fair share of the windfall"
    quoted = [Quotation(source, 0, len(words), words, "Treasury", organisation=True)
              for source in "ab"] + [_quotation("c", words)]
    (group,) = group_quotations(quoted, {s: s for s in "abc"})
    assert (group.speaker, group.speaker_type) == ("Treasury", "organization")
    assert len(group.variants) == 3


def test_a_surname_two_speakers_share_does_not_keep_a_quotation_from_their_group():
    """'Brennock' may be Ailsa or Lachlan Brennock: the words put it with Ailsa's."""
    words = "The original budget was a fantasy figure dreamt up by the previous government"
    other = "We have already lost nine family farms in this valley and will lose more"
    quoted = [_quotation("a", words, "Ailsa Brennock"), _quotation("b", words, "Ailsa Brennock"),
              _quotation("c", other, "Lachlan Brennock"), _quotation("d", other, "Lachlan Brennock"),
              _quotation("e", words, "Brennock")]
    groups = group_quotations(quoted, {s: s for s in "abcde"})
    assert sorted((g.speaker, sorted(v.source for v in g.variants)) for g in groups) == [
        ("Ailsa Brennock", ["a", "b", "e"]), ("Lachlan Brennock", ["c", "d"])]


def test_a_group_no_one_is_named_for_has_no_speaker_type():
    words = "The levy ensures that energy companies pay their fair share of the windfall"
    (group,) = group_quotations([_quotation(s, words) for s in "ab"], {s: s for s in "ab"})
    assert (group.speaker, group.speaker_type) == (None, None)


def test_passages_in_their_own_words_are_not_compared_word_by_word():
    """A claim's appearances may be reporters' own sentences: with too few words in
    common, the pair is wording, shown whole, with no 'matching part'."""
    (pair,) = compare_passages([
        _passage("a", "However, neither Ukraine nor its European allies were invited to "
                      "participate, raising concerns over their exclusion from the talks."),
        _passage("b", "Mr Zelensky was notably excluded from recent US-Russia discussions"),
    ]).pairs
    assert (pair.classification, pair.reworded, pair.partial) == ("wording", True, False)
    assert [(op.left, op.right) for op in pair.diff] == [(pair.left.text, pair.right.text)]


def test_a_chance_likeness_of_a_few_words_is_not_taken_for_the_part_quoted():
    """Two reporters' sentences that share 'the US president said' and a quotation: the
    shorter is not 'part' of the longer, and both are compared whole."""
    (pair,) = compare_passages([
        _passage("a", "The US president has previously said that Ukraine “should never have "
                      "started” the war."),
        _passage("b", "“You should have never started it. You could have made a deal,” the US "
                      "president said on Tuesday when asked about the talks in Riyadh."),
    ]).pairs
    assert (pair.reworded, pair.partial) == (False, False)
    assert "".join(op.right for op in pair.diff) == pair.right.text


def test_a_part_quoted_with_a_word_changed_is_still_compared_word_by_word():
    (pair,) = compare_passages([
        _passage("a", "That means continuing to step up the military aid that we in Europe "
                      "need to maintain, and maximum pressure on Putin."),
        _passage("b", "continuing to step up the military aid that we in Europe must maintain"),
    ]).pairs
    assert (pair.classification, pair.reworded, pair.partial) == ("wording", False, True)
