"""The analysis stage: the corpus memo hands back the groups of unchanged sources, and
finds them again as soon as anything they are made of changes."""
import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from builder.analysis import CorpusMemo, analyse, corpus_digest
from builder.build import BuildOptions, check
from builder.model import Span
from conftest import copy_site, edit


@pytest.fixture
def site(tmp_path) -> Path:
    return copy_site("shipped", tmp_path)


def analysed(site: Path, memo: CorpusMemo | None = None):
    checked = check(BuildOptions(str(site)))
    return analyse(checked.content, checked.anchored, memo)


def test_a_claim_edit_reuses_the_groups_and_they_are_what_a_fresh_analysis_finds(site):
    memo = CorpusMemo()
    first = analysed(site, memo)
    assert not memo.reused and len(first.groups) >= 5
    claim = site / "content/claims" / sorted(p.name for p in (site / "content/claims").iterdir())[0]
    edit(claim, "verdict: correct", "verdict: mostly-correct")
    second = analysed(site, memo)
    assert memo.reused and second.groups == first.groups
    # Taken from the memo, not found again: the very same objects, but where an editor's
    # decision (content/consistency.yml) is applied anew.
    assert all(new is old for new, old in zip(second.groups, first.groups) if not new.set_apart)
    assert second == analysed(site)


def test_a_seed_edit_finds_the_groups_again(site):
    memo = CorpusMemo()
    first = analysed(site, memo)
    for stem in ("000_77b9b0fc3a0f8130", "001_ca73bd25d97c34db"):
        with (site / f"seeds/{stem}.txt").open("a", encoding="utf-8") as appended:
            appended.write("\nMr Healey said: “Europe must keep up the pressure on Putin.”\n")
    second = analysed(site, memo)
    assert not memo.reused
    assert len(second.groups) == len(first.groups) + 1
    assert second == analysed(site)


def test_the_digest_covers_every_input_of_the_groups(site):
    sources = check(BuildOptions(str(site))).content.sources
    one = sources[0]
    digests = {corpus_digest(sources)}
    for changed in (replace(one, text=one.text + " "), replace(one, outlet="someone-else"),
                    replace(one, stem=one.stem + "x"),
                    replace(one, boilerplate=one.boilerplate + (Span(0, 1),)),
                    # relative dates are counted from it
                    replace(one, published=dt.date(2020, 1, 1))):
        digests.add(corpus_digest((changed,) + tuple(sources[1:])))
    digests.add(corpus_digest(tuple(reversed(sources))))
    assert len(digests) == 7
    # What the groups do not depend on does not change it.
    assert corpus_digest((replace(one, headline="Another"),) + tuple(sources[1:])) in digests
