"""A build stopped while it writes (Ctrl-C, SIGTERM from CI or a service manager) leaves the
previous site exactly as it was, and no temporary folder behind."""
from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import PROJECT, copy_site, run_builder

CLAIMS = 2000  # enough pages that writing them takes a while on any machine


def _large_site(tmp_path: Path) -> Path:
    site = copy_site("minimal", tmp_path)
    claims = site / "content" / "claims"
    for number in range(CLAIMS):
        (claims / f"generated-{number}.yml").write_text(
            f"claim: Claim number {number} about the bridge.\n"
            f"claimant: Speaker {number}\n"
            "date: 2025-03-03\nverdict: correct\n"
            f"summary: Reasoning number {number}.\n"
            "appearances:\n  - source: alpha\n    quote: will last no more than six weeks\n"
            f"tags: [topic-{number % 40}]\n", encoding="utf-8")
    return site


def _snapshot(folder: Path) -> dict[str, str]:
    return {str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def _leftovers(parent: Path) -> list[str]:
    return sorted(name for name in os.listdir(parent) if ".building-" in name or ".old-" in name)


def _staging_with_files(parent: Path, deadline: float) -> Path | None:
    """The build's staging folder, once it has begun to fill."""
    while time.monotonic() < deadline:
        for name in os.listdir(parent):
            if ".building-" in name:
                staging = parent / name
                try:
                    if any(staging.iterdir()):
                        return staging
                except FileNotFoundError:
                    return None  # finished (or failed) between the two looks
        time.sleep(0.001)
    return None


def _build(site: Path, out: Path) -> subprocess.Popen:
    environment = dict(os.environ, PYTHONPATH=str(PROJECT))
    return subprocess.Popen([sys.executable, "-m", "builder", "build", "--site", str(site),
                             "--out", str(out)], cwd=site.parent, env=environment,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.slow
@pytest.mark.parametrize("sent", [signal.SIGTERM, signal.SIGINT])
def test_a_build_stopped_while_writing_leaves_the_previous_site(tmp_path, sent):
    site = _large_site(tmp_path)
    out = tmp_path / "_site"
    first = run_builder("build", "--site", str(site), "--out", str(out), cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    before = _snapshot(out)
    # The next build would change every claim page, so any mix of old and new would show.
    for claim in (site / "content" / "claims").glob("generated-*.yml"):
        claim.write_text(claim.read_text(encoding="utf-8").replace("Reasoning", "Changed"),
                         encoding="utf-8")

    interrupted = 0
    for delay in (0, 0.02, 0.1):
        build = _build(site, out)
        staging = _staging_with_files(tmp_path, time.monotonic() + 60)
        if staging is not None:
            time.sleep(delay)
            build.send_signal(sent)
        stdout, stderr = build.communicate(timeout=120)
        assert "Traceback" not in stderr, stderr
        assert _leftovers(tmp_path) == []
        if build.returncode == 0:  # it finished first: then the new site is whole
            assert _snapshot(out) != before and len(_snapshot(out)) == len(before)
            out_again = run_builder("build", "--site", str(site), "--out", str(out), cwd=tmp_path)
            assert out_again.returncode == 0
            break
        assert build.returncode == 130, stderr
        assert "interrupted" in stderr
        assert _snapshot(out) == before
        interrupted += 1
    assert interrupted, "no build was caught while writing; make the site larger"


def test_a_failing_build_leaves_the_previous_site_and_no_staging(tmp_path):
    site = copy_site("minimal", tmp_path)
    out = tmp_path / "_site"
    assert run_builder("build", "--site", str(site), "--out", str(out), cwd=tmp_path).returncode == 0
    before = _snapshot(out)
    (site / "content" / "claims" / "bridge-closure.yml").write_text("claim: [\n", encoding="utf-8")
    failed = run_builder("build", "--site", str(site), "--out", str(out), cwd=tmp_path)
    assert failed.returncode == 1 and "nothing was written" in failed.stderr
    assert _snapshot(out) == before and _leftovers(tmp_path) == []


def test_leftovers_of_a_killed_build_are_removed_but_not_those_of_a_running_one(tmp_path):
    site = copy_site("minimal", tmp_path)
    dead = tmp_path / "._site.building-999999999-abc"   # no such process
    alive = tmp_path / f"._site.building-{os.getppid()}-abc"  # pytest's parent: running
    for folder in (dead, alive):
        folder.mkdir()
        (folder / "index.html").write_text("half", encoding="utf-8")
    result = run_builder("build", "--site", str(site), "--out", str(tmp_path / "_site"),
                         cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not dead.exists() and alive.exists()


@pytest.mark.parametrize("out, says", [
    ("{site}", "refusing to replace"),
    ("{site}/content", "refusing to replace"),
    ("{site}/seeds", "refusing to replace"),
    ("{site}/content/claims/built", "refusing to write into"),
    ("{site}/static", "refusing to replace"),
    ("{tmp}", "refusing to replace"),
    ("{tmp}/a-file", "it is a file, not a folder"),
    ("{tmp}/a-file/site", "a-file is a file, not a folder"),
    ("{tmp}/documents", "not an earlier build"),
    ("{tmp}/web", "not an earlier build"),  # an index.html alone is no sign of a build
])
def test_output_folders_that_would_destroy_work_are_refused(tmp_path, out, says):
    site = copy_site("minimal", tmp_path)
    (tmp_path / "a-file").write_text("keep me", encoding="utf-8")
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "letter.txt").write_text("keep me", encoding="utf-8")
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "index.html").write_text("<p>home</p>", encoding="utf-8")
    (tmp_path / "web" / "notes.txt").write_text("keep me", encoding="utf-8")
    before = _snapshot(tmp_path)
    target = out.format(site=site, tmp=tmp_path)
    result = run_builder("build", "--site", str(site), "--out", target, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert says in result.stderr and "Traceback" not in result.stderr
    assert _snapshot(tmp_path) == before
