"""`new-claim`: a claim file started from a candidate quotation group, or from nothing."""
import json
import re

import pytest
import yaml
from hypothesis import given, strategies as st

from builder.consistency import Passage, QuoteGroup
from builder.scaffold import _quoted, skeleton
from conftest import copy_site, run_builder

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
    assert started["appearances"] == [{"source": v["source"], "quote": v["text"]}
                                      for v in candidate["variants"]]

    # What only the editor can say is missing, each where it goes, and nothing is built.
    checked = run_builder("check", "--site", str(site))
    assert checked.returncode == 1 and "Traceback" not in checked.stderr
    missing = re.findall(r"first-visit\.yml:(\d+):1: '(\w+)' is empty: give it a value",
                         checked.stderr)
    assert sorted(key for _, key in missing) == ["claim", "date", "summary", "verdict"]
    lines = path.read_text(encoding="utf-8").splitlines()
    assert all(lines[int(line) - 1] == f"{key}:" for line, key in missing)

    text = path.read_text(encoding="utf-8")
    for empty, written in FILLED.items():
        text = re.sub(f"^{empty}$", written, text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")
    second = tmp_path / "second"
    built = run_builder("build", "--site", str(site), "--out", str(second))
    assert built.returncode == 0, built.stderr
    claims = json.loads((second / "data/claims.json").read_text(encoding="utf-8"))
    claim = next(c for c in claims["claims"] if c["id"] == "first-visit")
    assert [(a["source"], a["start"], a["end"]) for a in claim["appearances"]] == [
        (v["source"], v["start"], v["end"]) for v in candidate["variants"]]
    group = next(g for g in consistency(second) if g["id"] == candidate["id"])
    assert group["claims"] == ["first-visit"]  # no longer a candidate


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
    assert started == {"claim": None, "claimant": None, "date": None, "verdict": None,
                       "summary": None, "appearances": [{"source": None, "quote": None}]}


def test_an_existing_claim_a_bad_id_or_an_unknown_group_is_refused(tmp_path):
    site = copy_site("shipped", tmp_path)
    claims = site / "content/claims"
    (claims / "2025").mkdir()
    (claims / "2025/taken.yml").write_text("claim: mine\n", encoding="utf-8")
    before = {path: path.read_bytes() for path in claims.rglob("*.yml")}

    taken = run_builder("new-claim", "taken", "--site", str(site))
    assert taken.returncode == 2 and "taken.yml already holds the claim taken" in taken.stderr
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
    assert optional == {field.name for field in CLAIM_FIELDS if not field.required}
    assert yaml.safe_load(started).keys() == {field.name for field in CLAIM_FIELDS
                                              if field.required}


@pytest.mark.parametrize("stem", ["2025-03-03", "1_000", "2025", "no", "on", "null",
                                  "alpha_report", "0x1f"])
def test_a_source_whose_stem_yaml_reads_otherwise_is_written_as_text(stem):
    said = QuoteGroup("every-penny-0a1b2c", None, "identical",
                      (Passage(stem, "a", "Every penny", 0, 11),
                       Passage("other", "b", "Every penny", 0, 11)), (), (), ())
    started = yaml.safe_load(skeleton(said))
    assert [a["source"] for a in started["appearances"]] == [stem, "other"]
