"""The preview's file memo: unchanged files are not parsed again, and nothing an editor
changes, or a warning they were given, is ever lost to it."""
import os
from pathlib import Path

import pytest

from builder.build import BuildOptions, check
from builder.errors import ContentError
from builder.filememo import FileMemo
from conftest import copy_site


@pytest.fixture
def site(tmp_path) -> Path:
    return copy_site("minimal", tmp_path)


def checked(site: Path, memo: FileMemo):
    return check(BuildOptions(str(site)), memo)


def claim_of(result, claim_id: str):
    return next(claim for claim in result.content.claims if claim.id == claim_id)


def test_unchanged_files_are_taken_from_the_memo_and_give_the_same_site(site):
    memo = FileMemo()
    first = checked(site, memo)
    assert memo.reused == 0
    second = checked(site, memo)
    assert memo.reused == 3 + 2 + 1  # every claim file, every seed and the templates
    assert claim_of(second, "cost-doubled") is claim_of(first, "cost-doubled")
    assert second.content == check(BuildOptions(str(site))).content


def test_an_edit_is_seen_even_when_size_and_time_do_not_change(site):
    memo = FileMemo()
    checked(site, memo)
    path = site / "content/claims/cost-doubled.yml"
    stat = path.stat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("verdict: misleading", "verdict: incorrect "), encoding="utf-8")
    assert path.stat().st_size == stat.st_size
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert claim_of(checked(site, memo), "cost-doubled").verdict == "incorrect"
    assert memo.reused == 5  # all but the claim edited


def test_warnings_of_a_remembered_file_are_given_again(site):
    memo = FileMemo()
    path = site / "content/claims/cost-doubled.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "claim: The repair cost doubled.",
        "claim: The repair cost of the old harbour bridge has doubled, said the critics at the meeting."),
        encoding="utf-8")
    warned = [str(p) for p in checked(site, memo).problems if p.is_warning]
    assert any("search engines show at most 75" in w for w in warned)
    assert [str(p) for p in checked(site, memo).problems if p.is_warning] == warned
    assert memo.reused == 6  # every file and the templates


def test_errors_come_back_until_fixed_and_deleted_files_are_forgotten(site):
    memo = FileMemo()
    checked(site, memo)
    path = site / "content/claims/cost-doubled.yml"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("verdict: misleading", "verdict: [misleading"), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ContentError) as failure:
            checked(site, memo)
        assert any("cost-doubled.yml:4:10: invalid YAML: this list" in str(p) for p in failure.value.problems)
    path.write_text(good, encoding="utf-8")
    assert claim_of(checked(site, memo), "cost-doubled").verdict == "misleading"
    path.unlink()
    assert "cost-doubled" not in {c.id for c in checked(site, memo).content.claims}
    assert len(memo) == 2 + 2 + 1  # the other claims, the seeds and the templates
