"""Corpora unlike the seeds, checked against keys written with them: who said each
quotation, which quotations are one utterance, how outlets differ, and which figures
disagree. `larkspur` is British copy (curly and straight quotes, quotations over two
paragraphs, Cllr and Ms); `harlan` is American wire copy (Sen., Dr., attribution after
the quotation, 'according to', figures written three ways); `coorabin` is Australian,
with a live blog, organisations that 'said', and two people who share a surname."""
from __future__ import annotations

from pathlib import Path

import pytest

from builder.analysis import quotation_groups
from builder.consistency import QuoteGroup
from builder.quotations import extract_corpus
from builder.sources import load_sources

SITES = Path(__file__).parent / "sites"


def _sources(site: str):
    sources, problems = load_sources(str(SITES / site / "seeds"), site)
    assert not problems
    return sources


@pytest.fixture(scope="module")
def larkspur() -> tuple[QuoteGroup, ...]:
    return quotation_groups(_sources("larkspur"))


@pytest.fixture(scope="module")
def harlan() -> tuple[QuoteGroup, ...]:
    return quotation_groups(_sources("harlan"))


def _group(groups, words: str) -> QuoteGroup:
    """The one group with a variant that says these words."""
    found = [g for g in groups if any(words in v.text for v in g.variants)]
    assert len(found) == 1, [g.id for g in found]
    return found[0]


def _summary(group: QuoteGroup) -> tuple[str | None, str, set[str]]:
    return group.speaker, group.classification, {v.source.split("_")[0] for v in group.variants}


@pytest.mark.parametrize("words, speaker, classification, outlets", [
    ("Nobody on this council came into politics", "David Patel", "wording",
     {"echo", "courier", "wessex", "ledger"}),
    ("The review we published", "Jane Okafor", "wording",
     {"echo", "courier", "wessex", "ledger"}),
    ("right up until the papers", "Siobhan Kerr", "wording", {"echo", "courier", "wessex",
                                                              "ledger"}),
    ("We are not ruling anything out", "Siobhan Kerr", "punctuation", {"echo", "ledger"}),
    ("listen to a picket line", "Siobhan Kerr", "identical", {"courier", "ledger"}),
    ("forty minutes away", "Margaret Doyle", "punctuation",
     {"echo", "courier", "wessex", "ledger"}),
    ("in a spreadsheet, not on a ward", "Tom Briggs", "wording",
     {"echo", "courier", "wessex", "ledger"}),
    ("We did not take this lightly", "David Patel", "wording", {"courier", "wessex", "ledger"}),
    ("monitor outcomes closely", "Helen Marsh", "wording",
     {"echo", "courier", "wessex", "ledger"}),
    ("the hardest of my time in office", "David Patel", "identical", {"wessex", "ledger"}),
    ("Not one penny of this", "Jane Okafor", None, {"wessex", "ledger"}),
    ("ring-fenced for care at home", "David Patel", "identical", {"echo", "courier"}),
    # A nurse who asked not to be named, and a placard: no speaker, never a guess.
    ("We found out from Facebook", None, "wording", {"courier", "ledger"}),
    ("Save Larkspur", None, "identical", {"echo", "ledger"}),
])
def test_british_copy_groups_as_the_key_says(larkspur, words, speaker, classification,
                                               outlets):
    found_speaker, found_classification, found_outlets = _summary(_group(larkspur, words))
    assert (found_speaker, found_outlets) == (speaker, outlets)
    if classification is not None:
        assert found_classification == classification


def test_a_council_figure_the_outlets_give_differently_is_flagged(larkspur):
    group = _group(larkspur, "Nobody on this council came into politics")
    flagged = {(d.kind, s.figure.text) for d in group.figure_disagreements for s in d.statements}
    assert {("amount", "£4.2m"), ("amount", "£4m")} <= flagged


def test_one_speakers_words_never_join_anothers_group(larkspur):
    patel = _group(larkspur, "We did not take this lightly")
    assert not any("opposition benches" in v.text for v in patel.variants)


def test_a_pronoun_after_two_men_names_neither():
    texts = {source.stem: source.text for source in _sources("larkspur")}
    quotations = extract_corpus(texts)
    lightly = [q for q in quotations if q.source == "ledger_larkspur"
               and q.text.startswith("We did not take this lightly")]
    assert [q.speaker for q in lightly] == [None]


@pytest.mark.parametrize("words, speaker, classification, outlets", [
    ("did not fall down because of bad luck", "Tom Reyes", "wording",
     {"aw", "ledger", "courier"}),
    ("Nobody in this room gets to say", "Tom Reyes", "punctuation", {"aw", "courier"}),
    ("The secretary says she will hold people accountable", "Tom Reyes", "identical",
     {"ledger", "dispatch"}),
    ("rebuild this bridge better than it was", "Maria Alvarez", "wording",
     {"aw", "ledger", "courier", "dispatch"}),
    ("The federal government will commit", "Maria Alvarez", "wording",
     {"aw", "ledger", "courier"}),
    ("Ohio families deserve answers", "Ken Whitfield", "identical", {"aw", "dispatch"}),
    ("who in your department read those reports", "Ken Whitfield", "identical",
     {"aw", "ledger"}),
    ("The crack in the gusset plate", "Priya Natarajan", "wording",
     {"aw", "ledger", "courier"}),
    ("It was a maintenance failure", "Priya Natarajan", "punctuation",
     {"aw", "ledger", "courier", "dispatch"}),
    ("The money was there and nobody asked for it", "Priya Natarajan", "identical",
     {"aw", "courier"}),
    ("had been growing for at least two years", "Priya Natarajan", "identical",
     {"aw", "dispatch"}),
    ("I felt the deck drop out from under me", "Darnell Hughes", "identical",
     {"aw", "ledger", "courier"}),
    ("I called the county", "Darnell Hughes", "wording", {"aw", "ledger", "courier"}),
    ("has cooperated fully with federal investigators", "Kyle Brandt", "identical",
     {"ledger", "courier"}),
])
def test_american_wire_copy_groups_as_the_key_says(harlan, words, speaker, classification,
                                                    outlets):
    assert _summary(_group(harlan, words)) == (speaker, classification, outlets)


def test_feet_given_differently_are_flagged_and_numbers_in_words_agree(harlan):
    crack = _group(harlan, "The crack in the gusset plate")
    assert [(d.kind, sorted(s.figure.text for s in d.statements))
            for d in crack.figure_disagreements] == [("amount", ["47 feet", "47 feet", "50 feet"])]


@pytest.mark.parametrize("words", [
    "The federal government will commit",   # $1.2 billion, $1.2bn, 1.2 billion dollars
    "I don't know how long I hung there",   # 10 minutes, ten minutes
])
def test_one_figure_written_differently_is_no_disagreement(harlan, words):
    assert _group(harlan, words).figure_disagreements == ()


def test_a_weekday_against_the_date_is_a_difference_of_dating(harlan):
    """The witness's 'Tuesday' is the one before the bridge fell, two weeks before the
    reports: a weekday is never counted from a report's date, so it stays a difference
    in how the fact is dated, both of which may be right."""
    called = _group(harlan, "I called the county")
    assert [(d.kind, sorted(s.figure.text for s in d.statements))
            for d in called.figure_disagreements] == [("dating", ["March 4", "Tuesday"])]


def test_last_month_in_a_november_report_disagrees_with_march(larkspur):
    """Counted from its report's date (13 November), 'the review we published last month'
    is October; the other outlets say March."""
    review = _group(larkspur, "The review we published")
    assert [(d.kind, sorted(s.figure.text for s in d.statements))
            for d in review.figure_disagreements] == [("calendar", ["March", "March", "last month"])]


def test_she_after_two_women_names_neither():
    quotations = extract_corpus({s.stem: s.text for s in _sources("harlan")})
    paperwork = [q for q in quotations if "nobody waits on paperwork" in q.text]
    assert [q.speaker for q in paperwork] == [None]


@pytest.mark.parametrize("site, people", [
    ("larkspur", {"Jane Okafor", "David Patel", "Siobhan Kerr", "Tom Briggs", "Margaret Doyle",
                  "Helen Marsh"}),
    ("harlan", {"Tom Reyes", "Priya Natarajan", "Darnell Hughes", "Maria Alvarez",
                "Ken Whitfield", "Kyle Brandt", "Carla Simmons", "Dennis Kowalczyk",
                "Marcus Bell"}),
])
def test_every_speaker_is_a_person_the_key_names(site, people):
    """Not a county whose records are cited, nor anyone by another spelling."""
    quotations = extract_corpus({s.stem: s.text for s in _sources(site)})
    assert {q.speaker for q in quotations if not q.organisation} - {None} == people


COORABIN_PEOPLE = {"Ailsa Brennock", "Lachlan Brennock", "Anthony Kovac", "Marcus Feldane",
                   "Jenny Tolhurst", "Lena Voskuil", "Desmond Szabo", "Naomi Achterberg",
                   "Helen Quaid", "Grace Odum"}


def test_bodies_that_said_something_speak_as_bodies_never_as_people():
    """Treasury, a council, a broker, a department, a water authority: each speaks as
    the body the text names, and none is taken for a person. The surname the minister
    and an irrigator share stays a surname where the text does not say which of them is
    meant (the live blog's bare 'Brennock')."""
    quotations = extract_corpus({s.stem: s.text for s in _sources("coorabin")})
    people = {q.speaker for q in quotations if not q.organisation} - {None}
    assert people <= COORABIN_PEOPLE | {"Brennock"}
    bodies = sorted((q.speaker, q.text.split()[:3]) for q in quotations if q.organisation)
    assert bodies == [
        ("Coorabin Water", ["The", "authority", "has"]),
        ("Department of Water and Environment", ["Storage", "at", "Coorabin"]),
        ("Department of Water and Environment", ["drawn", "down", "to"]),
        ("Harcourt Lane Securities", ["the", "largest", "single"]),
        ("Treasury", ["will", "put", "further"]),
        ("Treasury", ["will", "put", "further"]),
        ("Wandarra Shire Council", ["not", "been", "consulted"]),
    ]


def test_a_group_only_bodies_speak_is_the_bodys():
    group = _group(quotation_groups(_sources("coorabin")), "drawn down to 40")
    assert group.speaker == "Department of Water and Environment"
    assert len({v.source for v in group.variants}) == 2


@pytest.fixture(scope="module")
def coorabin() -> tuple[QuoteGroup, ...]:
    return quotation_groups(_sources("coorabin"))


@pytest.mark.parametrize("words, kind, flagged", [
    ("I was briefed on the revised estimate", "date", ["14 April", "14 April", "4 April"]),
    ("already spent $430 million", "amount", ["$340 million", "$430 million"]),
    # Both reports are dated, a day apart: no day makes three years four.
    ("a man from the department", "calendar", ["Four years ago", "Three years ago"]),
])
def test_figures_outlets_really_give_differently_are_flagged(coorabin, words, kind, flagged):
    group = _group(coorabin, words)
    assert [(d.kind, sorted(s.figure.text for s in d.statements))
            for d in group.figure_disagreements] == [(kind, flagged)]


@pytest.mark.parametrize("words", [
    "The original budget was a fantasy figure",   # $2.5 billion, $2.5bn; 9,000, nine thousand
    "We are confident the",                       # 2.5 billion dollar, $2.5bn
])
def test_figures_written_three_ways_agree(coorabin, words):
    assert _group(coorabin, words).figure_disagreements == ()


@pytest.mark.parametrize("source, words, speaker", [
    # She is 'she' in the lead; he is 'Mr' where she is not.
    ("apress_coorabin", "The original budget was a fantasy figure", "Ailsa Brennock"),
    ("apress_coorabin", "Four years ago a man from the department", "Lachlan Brennock"),
    # He is 'chairman of the Wandarra Irrigators’ Council'; she is 'Ms' where he is not.
    ("chronicle_coorabin", "We’ve already lost nine family farms", "Lachlan Brennock"),
    ("chronicle_coorabin", "The original budget was a fantasy figure", "Ailsa Brennock"),
])
def test_ms_and_mr_tell_two_people_of_one_surname_apart(source, words, speaker):
    quotations = extract_corpus({s.stem: s.text for s in _sources("coorabin")})
    assert [q.speaker for q in quotations
            if q.source == source and q.text.startswith(words)] == [speaker]



def test_a_surname_two_speakers_share_joins_the_group_its_words_belong_to(coorabin):
    """The live blog's bare 'Brennock' could be either: the name neither keeps its
    quotation out of a group nor decides one. Its words are Ailsa Brennock's statement,
    which three other outlets quote; the two Brennocks' groups stay apart."""
    budget = _group(coorabin, "The original budget was a fantasy figure")
    assert budget.speaker == "Ailsa Brennock"
    assert "live_coorabin" in {v.source for v in budget.variants}
    farms = _group(coorabin, "lost nine family farms")
    assert farms.speaker == "Lachlan Brennock"
    assert not {(v.source, v.start) for v in farms.variants} & {
        (v.source, v.start) for v in budget.variants}


@pytest.mark.parametrize("source, words, speaker", [
    ("aw_bridge_hearing", "had been growing for at least two years",   # her written testimony
     "Priya Natarajan"),
    ("courier_harlan_hearing", "The money was there", None),   # 'Both Alvarez and Natarajan'
    ("ledger_alvarez_grilled", "routine", None),               # 'Muskingum County records'
])
def test_american_wire_speakers_of_single_quotations(source, words, speaker):
    quotations = extract_corpus({s.stem: s.text for s in _sources("harlan")})
    assert [q.speaker for q in quotations
            if q.source == source and q.text.startswith(words)] == [speaker]


CALDERMOUTH_PEOPLE = {"Rosalind Okonjo-Barr", "Tobias Achterfeld", "Eleanor Pryce-Whitcombe",
                      "Henrik van der Molen", "Joaquín Ibáñez", "Alasdair McCrindle",
                      "Helena Ó Súilleabháin", "Luka Perić", "Niklas Brandvold",
                      "Annika Sørensen", "Rupert Anand-Lowe", "Cecily Marchbank"}


def test_court_and_club_speakers_are_people_named_without_their_titles():
    """Not 'Judge Eleanor …' or 'Skipper Luka …', not '… KC', never the club, the
    judgment or an unnamed official; and one spelling, with its accents, per person."""
    quotations = extract_corpus({s.stem: s.text for s in _sources("caldermouth")})
    speakers = {q.speaker for q in quotations if not q.organisation} - {None}
    assert speakers <= CALDERMOUTH_PEOPLE
    assert {"Rosalind Okonjo-Barr", "Joaquín Ibáñez", "Annika Sørensen"} <= speakers
    # The company's statement is the company's, by the full name the reports give it
    # ('Veltmoor said', 'the company said'); the club's and the judgment's nobody's.
    assert {q.speaker for q in quotations if q.organisation} == {"Veltmoor Leisure Group"}
    # 'It added that it “…”' after the company's statement goes on with the company's words.
    (added,) = [q for q in quotations if q.text.startswith("continues to cooperate")]
    assert (added.speaker, added.organisation) == ("Veltmoor Leisure Group", True)


@pytest.mark.parametrize("words, speaker, outlets", [
    ("This is a case about a man", "Rosalind Okonjo-Barr", {"cpa", "gn", "ledger", "post"}),
    ("We took a £12.4 million write-down", "Annika Sørensen", {"cpa", "ledger"}),
    ("You must decide this case on the evidence", "Eleanor Pryce-Whitcombe", {"cpa", "post"}),
    ("I never took a penny", "Henrik van der Molen", {"cpa", "gn", "post"}),
    # The agency names him only as a witness who 'gave evidence', then 'Ibanez … said'.
    ("I signed the papers on 14 August", "Joaquín Ibáñez", {"cpa", "post"}),
    # The Ledger prints her answer as 'A: …' after 'Ms Sørensen answered questions'.
    ("Caldermouth Athletic is not for sale", "Annika Sørensen", {"gn", "ledger"}),
])
def test_one_person_written_several_ways_is_one_speaker_of_one_group(words, speaker, outlets):
    group = _group(quotation_groups(_sources("caldermouth")), words)
    assert (group.speaker, {v.source.split("_")[0] for v in group.variants}) == (
        speaker, outlets)


# corbridge: a football match and its press conferences in four outlets (wire, broadsheet,
# tabloid, live blog): roles for titles ('Ashbourne boss Serrano', 'Striker Danny Okoro'),
# interviews 'told Mersland Sport', a live blog's topic labels, and descriptions
# ('the Welshman', 'the 45-year-old') where no name is.
CORBRIDGE_PEOPLE = {"Tiago Serrano", "Gareth Lomax", "Danny Okoro", "Mark Feeney",
                    "Sam Whitlock", "Joan Pryor"}


@pytest.fixture(scope="module")
def corbridge_quotations():
    return extract_corpus({s.stem: s.text for s in _sources("corbridge")})


def test_sports_speakers_are_the_people_the_key_names_and_bodies_only_the_police(
        corbridge_quotations):
    people = {q.speaker for q in corbridge_quotations if not q.organisation} - {None}
    assert people == CORBRIDGE_PEOPLE
    assert {q.speaker for q in corbridge_quotations if q.organisation} == {"Mersland Police"}


@pytest.mark.parametrize("source, words, speaker", [
    ("npa_match", "I felt the contact", "Danny Okoro"),         # 'Okoro … told Mersland Sport:'
    ("clarion_lomax", "I felt the contact", "Danny Okoro"),     # 'He insisted:' after Okoro
    ("star_live", "For me it was never a penalty", "Gareth Lomax"),  # 'spoken to …, and he'
    ("npa_match", "We will see tomorrow", "Tiago Serrano"),     # 'Asked …, Serrano said:'
    ("clarion_lomax", "I’m not allowed to talk", "Gareth Lomax"),  # not 'Fuming Lomax'
    ("sentinel_serrano", "quicker than the defender", "Tiago Serrano"),  # 'Okoro, he said,'
    ("star_live", "Danny is a special boy", None),             # 'On Okoro:' is a topic
    ("sentinel_serrano", "For me it was never a penalty", None),  # 'the Welshman said'
    ("star_live", "Serrano should be gone", None),             # a fan, unnamed
])
def test_sports_copy_speakers_as_the_key_gives_them(corbridge_quotations, source, words,
                                                     speaker):
    (quotation,) = [q for q in corbridge_quotations if q.source == source and words in q.text]
    assert (quotation.speaker, quotation.organisation) == (speaker, False)


def test_the_same_answer_in_four_outlets_is_one_group_with_its_speaker():
    group = _group(quotation_groups(_sources("corbridge")), "We will see tomorrow")
    assert _summary(group) == ("Tiago Serrano", "wording",
                               {"clarion", "npa", "sentinel", "star"})


def test_a_reworded_answer_joins_its_group_and_its_different_figure_is_flagged():
    """The tabloid's 'I don’t read the papers. Five months ago …' against the others'
    'I don’t read the newspapers. Four months ago …': too many words changed for shared
    trigrams to show it, most of them said in order."""
    group = _group(quotation_groups(_sources("corbridge")), "Five months ago")
    assert {v.source.split("_")[0] for v in group.variants} == {"clarion", "sentinel", "star"}
    (flag,) = group.figure_disagreements
    assert sorted(s.figure.text for s in flag.statements) == [
        "Five months ago", "Four months ago", "Four months ago"]


# meridian: a radio interview with a Chancellor in four outlets (the broadcaster's partial
# transcript, a wire story, a broadsheet analysis quoting fragments, a tabloid live page):
# two women and two men, so that 'she' is tested against people of both genders, some of
# whom only another outlet calls Mr or Ms.
@pytest.fixture(scope="module")
def meridian_quotations():
    return extract_corpus({s.stem: s.text for s in _sources("meridian")})


@pytest.mark.parametrize("source, words, speaker", [
    # 'the Chancellor said' after the presenter's words: a title, never a body.
    ("apa_marwood", "the numbers simply don’t add up", None),
    ("apa_marwood", "They do add up, and the Office", "Helen Marwood"),
    # 'she' on the live page: not the man named just before ('Mr Okafor', 'Mr Ashdown'
    # in the wire copy), and the one woman when she is named ('Ms Marwood').
    # 'The 46-year-old, however, insists': the page gives 'Helen Marwood, 46,'.
    ("beacon_live", "The Prime Minister and I speak every day", "Helen Marwood"),
    ("beacon_live", "I left the Institute seven years ago", None),
    ("beacon_live", "We’ll look at everything in the round", "Helen Marwood"),
    ("review_analysis", "I don’t accept the £22bn", "Daniel Okafor"),
    # 'Ms Marwood’s response was …: it had “…”, she said': the one whose response it is.
    ("review_analysis", "been wrong before", "Helen Marwood"),
    # 'Asked by presenter Tom Ashdown whether …, she replied:': not him, and nobody
    # further back either (the one she is might be described without a name).
    ("apa_marwood", "No. I have been very clear", None),
])
def test_she_and_titles_in_interview_copy(meridian_quotations, source, words, speaker):
    (quotation,) = [q for q in meridian_quotations if q.source == source and words in q.text]
    assert (quotation.speaker, quotation.organisation) == (speaker, False)


def test_bodies_in_interview_copy_are_the_treasury_and_the_think_tank(meridian_quotations):
    assert {q.speaker for q in meridian_quotations if q.organisation} == {"Treasury", "CPF"}
    # The presenter speaks in the transcript's turns only.
    assert {q.speaker for q in meridian_quotations if not q.organisation} - {None} == {
        "Helen Marwood", "Ruth Ellery", "Daniel Okafor", "Tom Ashdown"}


def test_she_is_the_woman_another_outlet_calls_ms_not_the_man_it_calls_mr():
    """harlan: 'Asked by Whitfield whether …, Natarajan was unequivocal. “…” she said.'
    Only other outlets call him Sen. or Mr Whitfield."""
    quotations = extract_corpus({s.stem: s.text for s in _sources("harlan")})
    (quotation,) = [q for q in quotations if "This was not a design failure" in q.text
                    and q.source.startswith("ledger")]
    assert quotation.speaker == "Priya Natarajan"


def test_among_groups_that_differ_in_wording_those_with_a_figure_disagreement_come_first():
    groups = quotation_groups(_sources("meridian"))
    wording = [g for g in groups if g.classification == "wording"]
    flagged = [any(d.kind not in ("dating", "day") for d in g.figure_disagreements)
               for g in wording]
    assert True in flagged and False in flagged
    assert flagged == sorted(flagged, reverse=True)  # every flagged one before the rest
    first = wording[:flagged.count(True)]
    assert any("£20bn" in v.text for g in first for v in g.variants)  # against £22bn
    assert any("fifth quarter" in v.text for g in first for v in g.variants)  # and 'fourth'


def test_the_transcript_is_quoted_by_the_outlets_and_shows_where_they_misquote_it():
    """The broadcaster's transcript has no quotation marks: its turns are the record the
    other outlets quote, and where the live page says 'seven years ago' for the
    transcript's 'eight years ago', the group shows the disagreement."""
    groups = quotation_groups(_sources("meridian"))
    group = _group(groups, "I left the Institute eight years ago")
    assert _summary(group) == ("Helen Marwood", "wording", {"beacon", "meridian", "review"})
    (calendar,) = [d for d in group.figure_disagreements if d.kind == "calendar"]
    assert sorted((s.passage.split("@")[0], s.figure.text) for s in calendar.statements) == [
        ("beacon_live", "seven years ago"), ("meridian_transcript", "eight years ago")]
    # The presenter's words, quoted by the wire copy with no speaker, are his.
    assert _group(groups, "the numbers simply don’t add up").speaker == "Tom Ashdown"
