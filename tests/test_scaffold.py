"""`new-claim`: a claim file started from a candidate quotation group, or from nothing."""
import json
import re

import pytest
import yaml
from hypothesis import given, strategies as st

from builder.consistency import Passage, QuoteGroup
from builder.scaffold import _quoted, skeleton
from conftest import copy_site, read_html, run_builder

FILLED = {"claim:": "claim: Healey had never visited Norway before",
          "date:": "date: 2025-02-19",
          "verdict:": "verdict: correct",
          "summary:": "summary: He says so himself, in both reports."}


def consistency(out):
    return json.loads((out / "data/consistency.json").read_text(encoding="utf-8"))["groups"]


def test_a_claim_started_from_a_candidate_quotes_it_exactly_once_filled_in(tmp_path):
    site = copy_site("shipped", tmp_path)
    first = tmp_path / "first"
    assert run_builder("build", "--site", str(site), "--out", str(first)).returncode == 0
    candidate = next(g for g in consistency(first) if not g["claims"])

    made = run_builder("new-claim", "first-visit", "--from", candidate["id"], "--site", str(site))
    assert made.returncode == 0, made.stderr
    path = site / "content/claims/first-visit.yml"
    assert "first-visit.yml" in made.stdout and path.exists()
    assert made.stdout.rstrip().endswith(f"then `make check SITE={site}`")
    started = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert started["claimant"] == candidate["speaker"]
    # One appearance a report: the paragraphs one report splits the quotation into, as one.
    spans: dict[str, tuple[int, int]] = {}
    for variant in candidate["variants"]:
        start, end = spans.get(variant["source"], (variant["start"], variant["end"]))
        spans[variant["source"]] = (min(start, variant["start"]), max(end, variant["end"]))
    assert (len(candidate["variants"]), len(spans)) == (3, 2)
    assert started["appearances"] == [{"source": stem, "quote": _seed(site, stem)[start:end]}
                                      for stem, (start, end) in spans.items()]

    # What only the editor can say is missing, each where it goes. It starts as a draft:
    # told, but stopping no build, and not published.
    checked = run_builder("check", "--site", str(site))
    assert checked.returncode == 0 and "Traceback" not in checked.stderr
    missing = re.findall(r"first-visit\.yml:(\d+):1: warning: '(\w+)' is empty: give it a "
                         r"value \(in a draft: not published", checked.stderr)
    assert sorted(key for _, key in missing) == ["claim", "date", "summary", "verdict"]
    lines = path.read_text(encoding="utf-8").splitlines()
    assert all(lines[int(line) - 1] == f"{key}:" for line, key in missing)

    text = path.read_text(encoding="utf-8")
    for empty, written in FILLED.items():
        text = re.sub(f"^{empty}$", written, text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")
    drafted = run_builder("build", "--site", str(site), "--out", str(tmp_path / "drafted"))
    assert drafted.returncode == 0 and "(1 draft left out" in drafted.stdout
    assert not (tmp_path / "drafted/claims/first-visit").exists()
    path.write_text(re.sub(r"^draft: true.*\n", "", text, flags=re.M), encoding="utf-8")
    second = tmp_path / "second"
    built = run_builder("build", "--site", str(site), "--out", str(second))
    assert built.returncode == 0, built.stderr
    claims = json.loads((second / "data/claims.json").read_text(encoding="utf-8"))
    claim = next(c for c in claims["claims"] if c["id"] == "first-visit")
    assert [(a["source"], a["start"], a["end"]) for a in claim["appearances"]] == [
        (stem, start, end) for stem, (start, end) in spans.items()]
    # Each outlet compared with the other, never with itself.
    compared = read_html(second, "claims/first-visit/").select(".comparison .pair")
    assert [pair["data-outlets"] for pair in compared] == ["unknown-000 independent"]
    group = next(g for g in consistency(second) if g["id"] == candidate["id"])
    assert group["claims"] == ["first-visit"]  # no longer a candidate


def _seed(site, stem: str) -> str:
    with open(site / "seeds" / f"{stem}.txt", encoding="utf-8-sig", newline="") as seed:
        return seed.read()


def test_a_claim_can_be_started_from_an_id_an_earlier_build_gave_the_group(tmp_path, shipped_build):
    site = copy_site("shipped", tmp_path)
    group = next(g for g in consistency(shipped_build) if g["other_ids"])
    made = run_builder("new-claim", "earlier", "--from", group["other_ids"][0], "--site", str(site))
    assert made.returncode == 0, made.stderr
    text = (site / "content/claims/earlier.yml").read_text(encoding="utf-8")
    assert text.startswith(f"# Started from the quotation group {group['id']} on /consistency/.")


def test_a_claim_started_from_nothing_has_every_key_to_fill(tmp_path):
    site = copy_site("minimal", tmp_path)
    made = run_builder("new-claim", "blank", "--site", str(site))
    assert made.returncode == 0, made.stderr
    started = yaml.safe_load((site / "content/claims/blank.yml").read_text(encoding="utf-8"))
    assert started == {"draft": True, "claim": None, "claimant": None, "date": None,
                       "verdict": None, "summary": None,
                       "appearances": [{"source": None, "quote": None}]}


def test_an_existing_claim_a_bad_id_or_an_unknown_group_is_refused(tmp_path):
    site = copy_site("shipped", tmp_path)
    claims = site / "content/claims"
    (claims / "2025").mkdir()
    (claims / "2025/taken.yml").write_text("claim: mine\nformer_ids: [was-taken]\n",
                                           encoding="utf-8")
    before = {path: path.read_bytes() for path in claims.rglob("*.yml")}

    taken = run_builder("new-claim", "taken", "--site", str(site))
    assert taken.returncode == 2 and "taken.yml already holds the claim taken" in taken.stderr
    renamed = run_builder("new-claim", "was-taken", "--site", str(site))
    assert renamed.returncode == 2
    assert "was-taken is a former id of the claim taken (" in renamed.stderr
    bad = run_builder("new-claim", "Not An Id", "--site", str(site))
    assert bad.returncode == 2 and "is not a valid id" in bad.stderr
    unknown = run_builder("new-claim", "fresh", "--from", "this-is-my-first-visit",
                          "--site", str(site))
    assert unknown.returncode == 2
    assert re.search(r"no quotation group this-is-my-first-visit in the seeds; did you mean "
                     r"this-is-my-first-visit-to-[0-9a-f]{6}\?", unknown.stderr)
    assert {path: path.read_bytes() for path in claims.rglob("*.yml")} == before


def test_broken_seeds_are_reported_not_guessed_from(tmp_path):
    site = copy_site("shipped", tmp_path)
    sidecar = next((site / "seeds").glob("*.yml"))
    sidecar.write_text("outlet: [unclosed\n", encoding="utf-8")
    made = run_builder("new-claim", "fresh", "--from", "anything", "--site", str(site))
    assert made.returncode == 1 and "Traceback" not in made.stderr
    assert re.search(rf"{sidecar.name}:\d+:\d+: ", made.stderr)
    assert not (site / "content/claims/fresh.yml").exists()


@given(st.text(st.characters(exclude_categories=("Cs",))))
def test_a_quoted_passage_reads_back_exactly(text):
    assert yaml.safe_load(f"quote: {_quoted(text)}") == {"quote": text}


def test_a_claim_started_from_a_body_s_words_says_the_claimant_is_an_organization():
    passage = Passage("a", "a", "The levy is fair", 10, 26)
    said = QuoteGroup("the-levy-is-fair-0a1b2c", "Treasury", "identical", (passage,), (), (), (),
                      "organization")
    started = yaml.safe_load(skeleton(said))
    assert (started["claimant"], started["claimant_type"]) == ("Treasury", "organization")
    person = yaml.safe_load(skeleton(QuoteGroup(said.id, "Tom Lee", "identical", (passage,),
                                                (), (), (), "person")))
    assert person["claimant"] == "Tom Lee" and "claimant_type" not in person


def test_a_claim_started_from_nothing_shows_every_optional_key_commented_out():
    from builder.claims import CLAIM_FIELDS
    started = skeleton(None)
    optional = {line[2:].split(":")[0] for line in started.splitlines()
                if re.match(r"# [a-z_]+:", line)}
    # It starts as a draft: that optional key is set.
    assert optional == {field.name for field in CLAIM_FIELDS if not field.required} - {"draft"}
    assert yaml.safe_load(started).keys() == {field.name for field in CLAIM_FIELDS
                                              if field.required} | {"draft"}


@pytest.mark.parametrize("stem", ["2025-03-03", "1_000", "2025", "no", "on", "null",
                                  "alpha_report", "0x1f"])
def test_a_source_whose_stem_yaml_reads_otherwise_is_written_as_text(stem):
    said = QuoteGroup("every-penny-0a1b2c", None, "identical",
                      (Passage(stem, "a", "Every penny", 0, 11),
                       Passage("other", "b", "Every penny", 0, 11)), (), (), ())
    started = yaml.safe_load(skeleton(said))
    assert [a["source"] for a in started["appearances"]] == [stem, "other"]


def _appearances_written(started: str) -> list[str]:
    lines = started.splitlines()
    return lines[lines.index("appearances:") + 1:lines.index("# Optional (see docs/formats.md):")]


def test_a_claim_started_from_a_group_quotes_each_outlet_once_the_fullest_report():
    """A headline's few words, or an outlet's second report, beside its fullest passage
    would have the claim page compare the outlet with itself."""
    said = QuoteGroup("every-penny-0a1b2c", None, "identical", (
        Passage("daily-1", "daily", "Every penny", 0, 11),
        Passage("daily-1", "daily", "Every penny counts", 40, 58),
        Passage("daily-2", "daily", "Every penny counts now", 0, 22),
        Passage("weekly", "weekly", "Every penny counts", 5, 23)), (), (), ())
    assert _appearances_written(skeleton(said)) == [
        "  - source: daily-2", '    quote: "Every penny counts now"',
        "  - source: weekly", '    quote: "Every penny counts"',
        "  # Other reports of an outlet quoted above, left out so that the claim page",
        "  # compares outlets, not an outlet with itself (swap one in to quote it instead):",
        "  # - source: daily-1", '  #   quote: "Every penny counts"']


def test_a_quotation_one_outlet_quotes_in_two_reports_says_there_is_nothing_to_compare():
    said = QuoteGroup("every-penny-0a1b2c", None, "identical", (
        Passage("daily-1", "daily", "Every penny counts", 0, 18),
        Passage("daily-2", "daily", "Every penny counts", 0, 18)), (), (), ())
    written = _appearances_written(skeleton(said))
    assert written[:2] == ["  - source: daily-1", '    quote: "Every penny counts"']
    assert written[-1] == ("  # Only daily reports these words: the claim page will have no "
                           "other outlet's version to compare.")
    assert yaml.safe_load(skeleton(said))["appearances"] == [
        {"source": "daily-1", "quote": "Every penny counts"}]


def test_paragraphs_of_one_quotation_in_a_row_are_quoted_as_one_passage():
    text = "He said: “Every penny counts.\n\n“We will not waste one.”\n\nThen: “Every penny.”"
    first, second = text.index("Every"), text.index("We will")
    last = text.rindex("Every")
    said = QuoteGroup("every-penny-0a1b2c", None, "identical", (
        Passage("daily", "daily", "Every penny counts.", first, first + 19),
        Passage("daily", "daily", "We will not waste one.", second, second + 22),
        Passage("daily", "daily", "Every penny.", last, last + 12),
        Passage("weekly", "weekly", "Every penny counts. We will not waste one.", 0, 42)),
        (), (), ())
    started = yaml.safe_load(skeleton(said, {"daily": text}))
    assert started["appearances"] == [
        {"source": "daily", "quote": "Every penny counts.\n\n“We will not waste one."},
        {"source": "weekly", "quote": "Every penny counts. We will not waste one."}]
