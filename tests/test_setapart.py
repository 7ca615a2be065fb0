"""content/consistency.yml: editors set apart a quotation the analysis grouped by its
words but which was said on another occasion."""
from __future__ import annotations

import json

import pytest

from builder.consistency import group_quotations
from builder.errors import Position
from builder.model import SetApart
from builder.quotations import Quotation
from builder.setapart import apply_set_apart
from conftest import copy_site, read_html, run_builder

WORDS = "Russia is a threat well beyond Ukraine and we must keep up the pressure on Putin"
HERE = Position("content/consistency.yml", 3, 12)


def _groups(*sources: str, text: str = WORDS):
    quotations = [Quotation(source, 0, len(text), text, "John Healey") for source in sources]
    return group_quotations(quotations, {source: source for source in sources})


def _decision(group: str, source: str) -> SetApart:
    return SetApart(group, source, "Said a week earlier, in Brussels.", HERE, HERE)


def test_a_source_set_apart_leaves_its_group_with_the_reason_shown():
    (group,) = _groups("a", "b", "c")
    (kept,), problems = apply_set_apart((group,), [_decision(group.id, "c")])
    assert problems == []
    assert kept.id == group.id and {v.source for v in kept.variants} == {"a", "b"}
    assert all("c" not in (pair.left.source, pair.right.source) for pair in kept.pairs)
    assert kept.set_apart == (("c", "Said a week earlier, in Brussels.", "John Healey"),)


def test_the_speaker_is_agreed_again_from_the_variants_left():
    # Only 'c' names him: set apart, the words are nobody's the remaining reports name.
    quotations = [Quotation("a", 0, len(WORDS), WORDS, None),
                  Quotation("b", 0, len(WORDS), WORDS, None),
                  Quotation("c", 0, len(WORDS), WORDS, "John Healey")]
    (group,) = group_quotations(quotations, {s: s for s in "abc"})
    assert (group.speaker, group.speaker_type) == ("John Healey", "person")
    (kept,), _ = apply_set_apart((group,), [_decision(group.id, "c")])
    assert (kept.id, kept.speaker, kept.speaker_type) == (group.id, None, None)
    assert [(piece.source, piece.speaker) for piece in kept.set_apart] == [("c", "John Healey")]


def test_a_body_speaks_once_the_only_person_named_is_set_apart():
    said_by = {"a": ("Ministry of Defence", True), "b": ("Ministry of Defence", True),
               "c": ("John Healey", False)}
    quotations = [Quotation(s, 0, len(WORDS), WORDS, *said_by[s]) for s in "abc"]
    (group,) = group_quotations(quotations, {s: s for s in "abc"})
    assert (group.speaker, group.speaker_type) == ("John Healey", "person")
    (kept,), _ = apply_set_apart((group,), [_decision(group.id, "c")])
    assert (kept.speaker, kept.speaker_type) == ("Ministry of Defence", "organization")
    assert [piece.speaker for piece in kept.set_apart] == ["John Healey"]


def test_a_group_left_with_one_source_is_no_longer_listed():
    (group,) = _groups("a", "b")
    assert apply_set_apart((group,), [_decision(group.id, "b")]) == ((), [])


def test_the_classification_is_the_remaining_pairs_most_divergent():
    reworded = WORDS.replace("keep up", "maintain")
    quotations = [Quotation("a", 0, len(WORDS), WORDS, "John Healey"),
                  Quotation("b", 0, len(WORDS), WORDS, "John Healey"),
                  Quotation("c", 0, len(reworded), reworded, "John Healey")]
    (group,) = group_quotations(quotations, {s: s for s in "abc"})
    assert group.classification == "wording"
    (kept,), _ = apply_set_apart((group,), [_decision(group.id, "c")])
    assert kept.classification == "identical"


def test_a_group_is_found_by_an_id_it_had_before():
    (group,) = _groups("a", "b", "c")
    group = group.__class__(**{**group.__dict__, "other_ids": ("an-earlier-id-123456",)})
    (kept,), problems = apply_set_apart((group,), [_decision("an-earlier-id-123456", "c")])
    assert problems == [] and {v.source for v in kept.variants} == {"a", "b"}


def test_a_decision_that_fits_no_group_is_a_warning_and_changes_nothing():
    (group,) = _groups("a", "b", "c")
    misspelt = group.id[:-1] + ("0" if group.id[-1] != "0" else "1")
    groups, problems = apply_set_apart((group,), [_decision(misspelt, "c"),
                                                  _decision(group.id, "z")])
    assert groups == (group,)
    assert [(p.is_warning, p.message) for p in problems] == [
        (True, f"no quotation group '{misspelt}' on /consistency/; did you mean {group.id}?"),
        (True, f"group '{group.id}' has no quotation from 'z' (it quotes a, b, c)")]


def _shipped_with(tmp_path, text: str):
    site = copy_site("shipped", tmp_path)
    (site / "content/consistency.yml").write_text(text, encoding="utf-8")
    return site


def test_the_shipped_site_sets_apart_what_was_said_in_brussels(shipped_build):
    groups = json.loads((shipped_build / "data/consistency.json").read_text())["groups"]
    group = next(g for g in groups if g["id"] == "and-this-time-when-our-partnership-b92cae")
    assert "003_23741e95d5d05c55" not in {v["source"] for v in group["variants"]}
    assert [d["source"] for d in group["set_apart"]] == ["003_23741e95d5d05c55"]
    assert "Brussels" in group["set_apart"][0]["reason"]
    note = read_html(shipped_build, "consistency/").find(id=group["id"]).select_one(".set-apart")
    assert "Brussels" in note.get_text() and note.select_one("a[href$='/sources/003_23741e95d5d05c55/']")
    # Report 003's record no longer counts a quotation of another occasion as misquoted.
    outlet = read_html(shipped_build, "outlets/unknown-003/").get_text(" ", strip=True)
    assert "None of its quotations is reported by another outlet" in outlet


@pytest.mark.parametrize("text, expected", [
    ("set_apart:\n  - group: some-group\n    source: nowhere\n    reason: Elsewhere.\n",
     "content/consistency.yml:3:13: unknown source 'nowhere'"),
    ("set_apart:\n  - group: some-group\n    source: 003_23741e95d5d05c55\n",
     "content/consistency.yml:2:5: missing required key 'reason' in an entry of set_apart"),
    ("set_apart:\n  - {group: a-b, source: 003_23741e95d5d05c55, reason: x}\n"
     "  - {group: a-b, source: 003_23741e95d5d05c55, reason: y}\n",
     "content/consistency.yml:3:26: entry 1 already sets this source apart from this group"),
    ("set_aprat: []\n", "content/consistency.yml:1:1: unknown key 'set_aprat'"),
])
def test_mistakes_in_the_file_are_errors_at_their_place(tmp_path, text, expected):
    site = _shipped_with(tmp_path, text)
    result = run_builder("check", "--site", str(site), cwd=site)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    # Beside the error, the warnings that some group is in no corpus: told in the same run.
    errors = [line for line in result.stderr.splitlines() if ": warning: no quotation group "
              not in line]
    assert errors[0].startswith(expected) and errors[1:] == ["1 error"], result.stderr


def test_an_entry_with_an_empty_reason_still_has_its_source_checked(tmp_path):
    site = _shipped_with(tmp_path, 'set_apart:\n  - group: a-b\n    source: nowhere\n'
                                   '    reason: ""\n')
    result = run_builder("check", "--site", str(site), cwd=site)
    assert result.returncode == 1
    assert [line for line in result.stderr.splitlines() if "consistency.yml" in line] == [
        "content/consistency.yml:3:13: unknown source 'nowhere' (known in seeds/: "
        "000_77b9b0fc3a0f8130, 001_ca73bd25d97c34db, 002_054fd7566556b1a7, "
        "003_23741e95d5d05c55, 004_1fac5000c2349fc7)",
        "content/consistency.yml:4:13: 'reason' must not be empty"]


def test_a_group_id_the_seeds_no_longer_give_is_a_warning_at_its_line(tmp_path):
    site = _shipped_with(tmp_path, "set_apart:\n  - group: and-this-time-when-our-partnership-b92cae\n"
                                   "    source: 003_23741e95d5d05c55\n    reason: x\n"
                                   "  - group: and-this-time-when-our-partnership-b92cea\n"
                                   "    source: 003_23741e95d5d05c55\n    reason: y\n")
    result = run_builder("build", "--site", str(site), "--out", str(tmp_path / "out"), cwd=site)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "content/consistency.yml:5:12: warning: no quotation group "
        "'and-this-time-when-our-partnership-b92cea' on /consistency/; did you mean "
        "and-this-time-when-our-partnership-b92cae?"]


def test_a_claim_started_from_a_group_leaves_out_what_was_set_apart(tmp_path):
    site = copy_site("shipped", tmp_path)
    made = run_builder("new-claim", "partnership", "--from",
                       "and-this-time-when-our-partnership-b92cae", "--site", str(site))
    assert made.returncode == 0, made.stderr
    started = (site / "content/claims/partnership.yml").read_text(encoding="utf-8")
    assert "source: 000_77b9b0fc3a0f8130" in started
    assert "003_23741e95d5d05c55" not in started


def test_figures_are_compared_again_without_the_source_set_apart():
    text = "We have rebuilt {} houses in the valley since the floods and will build more"
    quotations = [Quotation(s, 0, len(text.format(n)), text.format(n), "Ola Nordmann")
                  for s, n in (("a", 70), ("b", 70), ("c", 60))]
    (group,) = group_quotations(quotations, {s: s for s in "abc"})
    assert group.figure_disagreements
    (kept,), _ = apply_set_apart((group,), [_decision(group.id, "c")])
    assert kept.figure_disagreements == ()


def test_an_empty_or_commented_file_sets_nothing_apart(tmp_path):
    site = _shipped_with(tmp_path, "# Nothing set apart yet.\n\n")
    result = run_builder("check", "--site", str(site), cwd=site)
    assert result.returncode == 0, result.stderr


def test_entries_after_a_group_is_gone_or_its_source_set_apart_say_nothing_more():
    (group,) = _groups("a", "b")
    earlier = group.__class__(**{**group.__dict__, "other_ids": ("an-earlier-id-123456",)})
    groups, problems = apply_set_apart((earlier,), [_decision(group.id, "b"),
                                                    _decision("an-earlier-id-123456", "b"),
                                                    _decision(group.id, "a")])
    assert (groups, problems) == ((), [])


def test_the_page_says_whom_the_set_apart_report_credits_where_the_group_names_nobody(
        tmp_path):
    """meridian: only the agency's report names Ruth Ellery as saying the Chancellor 'has
    boxed herself in'; the other two outlets quote her words unnamed."""
    site = copy_site("meridian", tmp_path)
    (site / "content").mkdir()
    (site / "content/consistency.yml").write_text(
        "set_apart:\n  - group: the-chancellor-has-boxed-herself-in-1d46e7\n"
        "    source: apa_marwood\n    reason: Said on another programme.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_builder("build", "--site", str(site), "--out", str(out), "--no-cache")
    assert result.returncode == 0, result.stderr
    (group,) = [g for g in json.loads((out / "data/consistency.json").read_text())["groups"]
                if g["id"] == "the-chancellor-has-boxed-herself-in-1d46e7"]
    assert (group["speaker"], group["speaker_type"]) == (None, None)
    # The open data keeps its format: no speaker beside the source and reason.
    assert group["set_apart"] == [{"source": "apa_marwood",
                                   "reason": "Said on another programme."}]
    note = read_html(out, "consistency/").find(id=group["id"]).select_one(".set-apart")
    assert "which it credits to Ruth Ellery" in note.get_text()


def test_the_others_stay_grouped_when_the_report_set_apart_linked_them():
    # The first report's quotation is the one the others were each found alike with.
    (group,) = _groups("a", "b", "c")
    assert all("a" in (pair.left.source, pair.right.source) for pair in group.pairs)
    (kept,), problems = apply_set_apart((group,), [_decision(group.id, "a")])
    assert problems == []
    assert [v.source for v in kept.variants] == ["b", "c"]
    assert [(pair.left.source, pair.right.source, pair.classification)
            for pair in kept.pairs] == [("b", "c", "identical")]


def test_two_halves_only_the_report_set_apart_quoted_whole_are_no_longer_grouped():
    first = "Russia is a threat well beyond Ukraine to every country of the alliance."
    second = "We must keep up the pressure on Putin with sanctions and military aid."
    whole = f"{first} {second}"
    quotations = [Quotation("a", 0, len(first), first, "John Healey"),
                  Quotation("b", 0, len(whole), whole, "John Healey"),
                  Quotation("c", 0, len(second), second, "John Healey")]
    (group,) = group_quotations(quotations, {s: s for s in "abc"})
    assert {v.source for v in group.variants} == {"a", "b", "c"}
    assert apply_set_apart((group,), [_decision(group.id, "b")]) == ((), [])
