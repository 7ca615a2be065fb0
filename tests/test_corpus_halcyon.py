"""`halcyon`: a clinical-trial result (a twice-yearly cholesterol injection) in four outlets,
a wire story (bpa), a broadsheet feature (herald), a tabloid (pulse) and a specialist trade
weekly (cpw, straight quotes), checked against a key written with the articles.

Health copy unlike the other corpora: percentages and relative risks ('23%', '23 per
cent', 'almost a quarter'), sample sizes, a price, money in digits and in words, dates as
weekdays, day and month, 'last month'; titles Professor, Prof, Dr, 'chief executive',
'chief medical officer'; an agency's spokeswoman and a company's statement; quotations
over two paragraphs (British style), partial quotations, one quotation reworded, and a
'she' after a second woman is named in between (ambiguous: nobody).

KEY holds the truth for every quotation and utterance. Where the builder does not yet
get it, the entry is listed in NOT_YET with the reason, and left out of the tests (no
test asserts the wrong behaviour); drop an entry from NOT_YET once the builder gets it.
"""
from __future__ import annotations

import pytest

from builder.analysis import quotation_groups
from builder.consistency import QuoteGroup
from builder.figures import BOTH_MAY_BE_RIGHT
from builder.quotations import extract_corpus
from builder.sources import load_sources

from conftest import SITES, run_builder

SITE = SITES / "halcyon"

SALVESEN, CALLANDER, MEHROTRA = "Ingrid Salvesen", "Rhys Callander", "Anand Mehrotra"
REDFERN, POLLARD = "Caroline Redfern", "Dennis Pollard"
# A body goes by the full name its article gives it, not by initials given in brackets
# ('An MSA spokeswoman') or its first word ('Halverin said').
MSA = frozenset({"Medicines Standards Agency"})
HALVERIN = frozenset({"Halverin Therapeutics"})

# --- the key ----------------------------------------------------------------------------
# Every quotation: (source, its first words) → the person who speaks it, a frozenset of
# a body's acceptable names, or None where the text does not say who.
KEY_SPEAKERS: dict[tuple[str, str], str | frozenset[str] | None] = {
    ("bpa_halcyon", "This is the first time"): SALVESEN,
    ("bpa_halcyon", "We followed 1,204"): SALVESEN,          # lead-in sentence, 2 paragraphs
    ("bpa_halcyon", "For patients who cannot"): SALVESEN,    # 'She added:'
    ("bpa_halcyon", "A 23% relative reduction"): CALLANDER,  # '…,” he said.'
    ("bpa_halcyon", "That is worthwhile"): CALLANDER,        # second half of a split quote
    ("bpa_halcyon", "We need to know"): CALLANDER,           # 'Dr Callander added:'
    ("bpa_halcyon", "We filed our application"): MEHROTRA,   # not the chief executive named
    ("bpa_halcyon", "A list price"): MEHROTRA,
    ("bpa_halcyon", "We will assess"): MSA,                  # 'A spokeswoman for the agency'
    ("bpa_halcyon", "Heart and circulatory"): REDFERN,       # 'Its chief executive, …, said:'
    ("bpa_halcyon", "When Ingrid rang me"): REDFERN,         # 'Ingrid' inside the quotation
    ("bpa_halcyon", "I had my heart attack"): POLLARD,
    ("bpa_halcyon", "I’d have a hundred"): POLLARD,          # 'He added:'
    ("herald_halcyon", "the first time"): SALVESEN,          # partial quotations
    ("herald_halcyon", "not just to lower"): SALVESEN,
    ("herald_halcyon", "a genuine step change"): SALVESEN,   # ', she said,'
    ("herald_halcyon", "We cut the risk"): SALVESEN,         # 'She told the Herald …:'
    ("herald_halcyon", "A relative reduction of 23"): CALLANDER,  # the reworded one
    ("herald_halcyon", "In absolute terms, though"): CALLANDER,
    ("herald_halcyon", "fair for a medicine"): MEHROTRA,
    ("herald_halcyon", "We need to know"): CALLANDER,        # 'Dr Callander was unpersuaded.'
    ("herald_halcyon", "We will assess"): MSA,
    ("herald_halcyon", "Heart and circulatory"): REDFERN,    # lead-in sentence, 2 paragraphs
    ("herald_halcyon", "When Ingrid rang me"): REDFERN,
    ("pulse_jab", "This is the first time ever"): SALVESEN,  # 'Lead researcher Prof …'
    ("pulse_jab", "We followed 1,402"): SALVESEN,
    ("pulse_jab", "We cut the risk"): SALVESEN,              # 'the professor added'
    ("pulse_jab", "a genuine step change"): SALVESEN,
    ("pulse_jab", "I had my heart attack"): POLLARD,         # 'The retired bus driver said:'
    ("pulse_jab", "felt like a party"): None,                # 'One research nurse'
    ("pulse_jab", "Results like these"): REDFERN,            # '…,” said Caroline Redfern, …'
    # 'The charity first backed Prof Salvesen’s work …, when she was …' comes between:
    # 'she' may be either woman.
    ("pulse_jab", "It would have been easy"): None,
    ("pulse_jab", "not a miracle"): CALLANDER,               # 'heart doctor Rhys Callander'
    ("pulse_jab", "We need to know"): CALLANDER,
    ("pulse_jab", "We filed our application"): MEHROTRA,     # 'Halverin boss Dr …'
    ("pulse_jab", "We will assess"): MSA,                    # 'A spokeswoman for the watchdog'
    ("cpw_halcyon", "We followed 1,204"): SALVESEN,  # '…," chief investigator Professor … told'
    ("cpw_halcyon", "For patients who cannot"): SALVESEN,
    ("cpw_halcyon", "A 23% relative reduction"): CALLANDER,
    ("cpw_halcyon", "That is worthwhile"): CALLANDER,
    ("cpw_halcyon", "We need to know"): CALLANDER,           # 'He also called for …:'
    ("cpw_halcyon", "The price will decide this"): None,     # 'one NHS commissioner said'
    ("cpw_halcyon", "We filed our application"): MEHROTRA,
    ("cpw_halcyon", "A list price"): MEHROTRA,
    ("cpw_halcyon", "We will assess"): MSA,                  # 'An MSA spokeswoman said:'
    ("cpw_halcyon", "We are grateful"): HALVERIN,            # 'Halverin said in a statement:'
    ("cpw_halcyon", "support early and sustained"): None,    # 'the authors concluded'
    ("cpw_halcyon", "paid off"): REDFERN,
    ("cpw_halcyon", "Results like these"): REDFERN,
    ("cpw_halcyon", "When Ingrid rang me"): REDFERN,
}

# Every utterance more than one outlet quotes: words one variant says → its speaker (a
# person's name or a body's names), every outlet that quotes it, and the figure
# disagreements that are real as (kind, sorted figure texts); None: none is real.
KEY_UTTERANCES: dict[str, tuple[str | frozenset[str], set[str],
                                tuple[str, list[str]] | None]] = {
    "This is the first time a": (SALVESEN, {"bpa", "herald", "pulse"}, None),
    # The tabloid's 1,402 against 1,204: real. 23% and 23 per cent: the same.
    "We followed 1,204": (SALVESEN, {"bpa", "cpw", "pulse"},
                          ("number", ["1,204", "1,204", "1,402"])),
    "Men and women, older": (SALVESEN, {"bpa", "herald"}, None),
    "For patients who cannot": (SALVESEN, {"bpa", "cpw", "herald", "pulse"}, None),
    "We cut the risk": (SALVESEN, {"herald", "pulse"}, None),  # nearly/almost a quarter
    # Reworded by the broadsheet; the tabloid's 'not a miracle'. 38 and thirty-eight.
    "A 23% relative reduction": (CALLANDER, {"bpa", "cpw", "herald", "pulse"}, None),
    "We need to know": (CALLANDER, {"bpa", "cpw", "herald", "pulse"}, None),  # ten and 10
    # 'on 2 September', 'in September', and 'last month' in a report of 21 October.
    "We filed our application": (MEHROTRA, {"bpa", "cpw", "pulse"}, None),
    "A list price": (MEHROTRA, {"bpa", "cpw", "herald"}, None),
    # The trade weekly's 'end of May' against 'end of March': real.
    "We will assess": (MSA, {"bpa", "cpw", "herald", "pulse"}, ("date", ["March", "March", "May"])),
    # £3.5 million, £3.5m, 'three and a half million pounds': the same.
    "Results like these": (REDFERN, {"bpa", "cpw", "herald", "pulse"}, None),
    # 'on Friday' in a report of Tuesday 14 October is 10 October (a difference of
    # dating at most, never a disagreement).
    "When Ingrid rang me": (REDFERN, {"bpa", "cpw", "herald"}, None),
    "I had my heart attack": (POLLARD, {"bpa", "pulse"}, None),  # 'a hundred' and '100'
}

# Where the builder does not (yet) give what the key says: left out of the tests below.
NOT_YET_SPEAKERS = {
    # Wrong speakers.
    # Speakers missed.
    ("pulse_jab", "I had my heart attack"): "None: 'The retired bus driver said:'",
}
NOT_YET_OUTLETS = {
    # (utterance, outlet) the builder leaves out of the utterance's group.
    ("A 23% relative reduction", "pulse"): "'not a miracle': one content word",
}
NOT_YET_FIGURES: dict[str, str] = {}


# --- reading ----------------------------------------------------------------------------

def _sources():
    sources, problems = load_sources(str(SITE / "seeds"), "halcyon")
    assert not problems
    return sources


@pytest.fixture(scope="module")
def quotations():
    return extract_corpus({s.stem: s.text for s in _sources()})


@pytest.fixture(scope="module")
def groups() -> tuple[QuoteGroup, ...]:
    return quotation_groups(_sources())


def _group(groups, words: str) -> QuoteGroup:
    """The one group with a variant that says these words."""
    found = [g for g in groups if any(words in v.text for v in g.variants)]
    assert len(found) == 1, [g.id for g in found]
    return found[0]


def _outlets(group: QuoteGroup) -> set[str]:
    return {v.source.split("_")[0] for v in group.variants}


def _right(speaker, found: str | None, organisation: bool) -> bool:
    if isinstance(speaker, frozenset):
        return organisation and found in speaker
    return not organisation and found == speaker


# --- the key itself ---------------------------------------------------------------------

def test_the_key_names_every_quotation_once(quotations):
    """Each key entry is exactly one quotation, and every quotation has an entry."""
    for source, words in KEY_SPEAKERS:
        assert len([q for q in quotations if q.source == source
                    and q.text.startswith(words)]) == 1, (source, words)
    assert len(quotations) == len(KEY_SPEAKERS)
    assert set(NOT_YET_SPEAKERS) <= set(KEY_SPEAKERS)
    assert {u for u, _ in NOT_YET_OUTLETS} | set(NOT_YET_FIGURES) <= set(KEY_UTTERANCES)


# --- speakers ---------------------------------------------------------------------------

@pytest.mark.parametrize("source, words", [k for k in KEY_SPEAKERS if k not in NOT_YET_SPEAKERS])
def test_each_quotation_is_spoken_by_whom_the_key_says(quotations, source, words):
    (quotation,) = [q for q in quotations if q.source == source and q.text.startswith(words)]
    assert _right(KEY_SPEAKERS[source, words], quotation.speaker, quotation.organisation), (
        quotation.speaker, quotation.organisation)


def test_speakers_are_the_five_people_and_the_agency(quotations):
    """Never the company's chief executive (named, silent), a byline's 'Dr Tom Ferriby',
    the university or the journal; the agency under its name or its initials."""
    people = {q.speaker for q in quotations if not q.organisation} - {None}
    assert people == {SALVESEN, CALLANDER, MEHROTRA, REDFERN, POLLARD}
    assert {q.speaker for q in quotations if q.organisation} <= MSA | HALVERIN


def test_nobody_named_is_credited_with_an_unnamed_nurses_or_the_papers_words(quotations):
    for source, words in [("pulse_jab", "felt like a party"),
                          ("cpw_halcyon", "support early and sustained")]:
        (quotation,) = [q for q in quotations if q.source == source and q.text.startswith(words)]
        assert quotation.speaker is None


# --- groups -----------------------------------------------------------------------------

@pytest.mark.parametrize("words", list(KEY_UTTERANCES))
def test_each_utterance_is_one_group_with_its_speaker(groups, words):
    speaker, outlets, _ = KEY_UTTERANCES[words]
    group = _group(groups, words)
    expected = {o for o in outlets if (words, o) not in NOT_YET_OUTLETS}
    assert _outlets(group) >= expected
    assert _outlets(group) <= outlets
    organisation = group.speaker_type == "organization"
    assert _right(speaker, group.speaker, organisation), (group.speaker, group.speaker_type)


@pytest.mark.parametrize("words", [w for w in KEY_UTTERANCES if w not in NOT_YET_FIGURES])
def test_only_the_real_figure_disagreements_are_flagged(groups, words):
    _, _, real = KEY_UTTERANCES[words]
    group = _group(groups, words)
    flagged = [(d.kind, sorted(s.figure.text.rstrip(".") for s in d.statements))
               for d in group.figure_disagreements if d.kind not in BOTH_MAY_BE_RIGHT]
    assert flagged == ([] if real is None else [real])


@pytest.mark.parametrize("words, classification", [
    ("Men and women, older", "identical"),
    ("For patients who cannot", "identical"),   # partial quotations compared with their part
    ("A list price", "identical"),
    ("We need to know what it does over ten", "wording"),  # 'ten years' and '10 years'
    ("We cut the risk", "wording"),             # 'nearly' against 'almost'
    ("We followed 1,204", "wording"),
    ("We filed our application", "wording"),
])
def test_classifications(groups, words, classification):
    assert _group(groups, words).classification == classification


def test_no_group_mixes_two_speakers_words(groups, quotations):
    """Callander's caution and Salvesen's claims share words ('23', 'three years',
    'heart attack or stroke'), Redfern's and the agency's none: still, every quotation in
    a group is, by the key, one speaker's or nobody's."""
    def key_speaker(variant):
        (quotation,) = [q for q in quotations if q.source == variant.source
                        and q.start <= variant.start and variant.end <= q.end]
        (speaker,) = [s for (source, words), s in KEY_SPEAKERS.items()
                      if source == quotation.source and quotation.text.startswith(words)]
        return speaker
    for group in groups:
        assert len({key_speaker(v) for v in group.variants} - {None}) == 1, group.id


def test_a_quotation_over_two_paragraphs_split_differently_keeps_its_speaker(groups):
    """The wire gives Pollard's words as two sentences then one; the tabloid as one then
    two: compared a paragraph at a time, every paragraph's group is his."""
    for words in ("I had my heart attack", "I’d have 100"):
        group = _group(groups, words)
        assert (group.speaker, _outlets(group)) == (POLLARD, {"bpa", "pulse"})
        assert group.figure_disagreements == ()


# --- the built site ---------------------------------------------------------------------

def test_the_built_page_flags_the_real_disagreements(tmp_path):
    out = tmp_path / "out"
    result = run_builder("build", "--site", str(SITE), "--out", str(out), "--no-cache")
    assert result.returncode == 0, result.stderr
    page = (out / "consistency" / "index.html").read_text(encoding="utf-8")
    assert "1,402" in page and "Outlets disagree on numbers" in page
    assert "Outlets disagree on dates" in page
    assert (out / "data" / "consistency.json").is_file()
