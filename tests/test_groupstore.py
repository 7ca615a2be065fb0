"""Quotation groups kept on disk: a later build with the same seeds and the same code
takes them from there, writes the very same site, and a cache that is stale, garbled or
unwritable never changes a build's outcome."""
from pathlib import Path

import pytest

import builder.analysis
from builder import groupstore
from builder.build import BuildOptions, build
from builder.groupstore import GroupStore
from conftest import copy_site, run_builder


@pytest.fixture
def site(tmp_path) -> Path:
    return copy_site("shipped", tmp_path)


def site_files(out: Path) -> dict[str, bytes]:
    return {str(path.relative_to(out)): path.read_bytes()
            for path in sorted(out.rglob("*")) if path.is_file()}


def entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("groups-*.pickle"))


def built(site: Path, out: Path, cache: Path | None):
    return build(BuildOptions(str(site), str(out), cache_dir=str(cache) if cache else None))


def counting_extractions(monkeypatch) -> list[int]:
    """How many times the corpus is read for quotations, from now on."""
    calls = []
    real = builder.analysis.extract_corpus_described

    def extract(texts):
        calls.append(len(texts))
        return real(texts)
    monkeypatch.setattr(builder.analysis, "extract_corpus_described", extract)
    return calls


def test_a_second_build_takes_the_groups_from_the_cache_and_writes_the_same_site(
        site, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    calls = counting_extractions(monkeypatch)
    built(site, tmp_path / "first", cache)
    assert len(calls) == 1 and len(entries(cache)) == 1
    report = built(site, tmp_path / "second", cache)
    assert len(calls) == 1, "the corpus was read again"
    assert [name for name, _ in report.stages][1] == (
        "analyse consistency (quotation groups from the cache)")
    built(site, tmp_path / "uncached", None)
    assert len(calls) == 2
    assert site_files(tmp_path / "second") == site_files(tmp_path / "uncached")
    assert site_files(tmp_path / "first") == site_files(tmp_path / "uncached")


def test_an_edited_seed_is_read_again_and_its_new_quotation_shown(site, tmp_path,
                                                                     monkeypatch):
    cache = tmp_path / "cache"
    built(site, tmp_path / "before", cache)
    calls = counting_extractions(monkeypatch)
    seed = sorted((site / "seeds").glob("*.txt"))[0]
    seed.write_text(seed.read_text(encoding="utf-8") + "\n\nJohn Healey said: \u201cWe will "
                    "stand by Norway whatever comes next, and say so today.\u201d\n",
                    encoding="utf-8")
    built(site, tmp_path / "after", cache)
    assert len(calls) == 1
    assert "stand by Norway whatever comes next" in (
        tmp_path / "after" / "sources" / seed.stem / "index.html").read_text(encoding="utf-8")
    built(site, tmp_path / "uncached", None)
    assert site_files(tmp_path / "after") == site_files(tmp_path / "uncached")
    assert len(entries(cache)) == 2  # both corpora: going back to the first is quick too


def test_a_garbled_or_cut_entry_is_ignored_and_replaced(site, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    built(site, tmp_path / "first", cache)
    [entry] = entries(cache)
    whole = entry.read_bytes()
    for damaged in (b"not a pickle at all", whole[:len(whole) // 2], b""):
        entry.write_bytes(damaged)
        calls = counting_extractions(monkeypatch)
        built(site, tmp_path / "again", cache)
        assert len(calls) == 1
        assert site_files(tmp_path / "again") == site_files(tmp_path / "first")
        assert entry.read_bytes() == whole


def test_a_cache_that_cannot_be_written_does_not_fail_the_build(site, tmp_path):
    in_the_way = tmp_path / "cache"
    in_the_way.write_text("a file, not a folder")
    report = built(site, tmp_path / "out", in_the_way)
    assert report.pages > 10 and in_the_way.read_text() == "a file, not a folder"


def test_other_code_never_reads_an_entry(tmp_path, monkeypatch):
    store = GroupStore(str(tmp_path))
    assert store.save(b"corpus", ("groups",)) and store.load(b"corpus") == ("groups",)
    assert store.load(b"another corpus") is None
    monkeypatch.setattr(groupstore, "code_digest", lambda: b"the builder, edited")
    assert GroupStore(str(tmp_path)).load(b"corpus") is None


def test_the_code_digest_follows_the_builder_source(tmp_path, monkeypatch):
    before = groupstore.code_digest()
    assert groupstore.code_digest() == before
    package = tmp_path / "builder"
    package.mkdir()
    (package / "groupstore.py").write_text("# another builder")
    monkeypatch.setattr(groupstore, "__file__", str(package / "groupstore.py"))
    assert groupstore.code_digest() != before


def test_only_the_newest_entries_are_kept(tmp_path):
    store = GroupStore(str(tmp_path))
    for n in range(groupstore.KEPT + 3):
        assert store.save(f"corpus {n}".encode(), (n,))
    assert len(entries(tmp_path)) == groupstore.KEPT
    assert store.load(b"corpus 0") is None
    assert store.load(f"corpus {groupstore.KEPT + 2}".encode()) == (groupstore.KEPT + 2,)
    assert not list(tmp_path.glob(".writing-*"))


def test_the_command_line_keeps_its_cache_in_the_site_unless_told_otherwise(site, tmp_path):
    environment = {"BUILDER_CACHE_DIR": ""}
    result = run_builder("build", "--site", str(site), "--out", str(tmp_path / "a"),
                         "--no-cache", env_overrides=environment)
    assert result.returncode == 0, result.stderr
    assert not (site / ".cache").exists()
    result = run_builder("build", "--site", str(site), "--out", str(tmp_path / "b"),
                         "--timings", env_overrides=environment)
    assert result.returncode == 0, result.stderr
    assert len(entries(site / ".cache")) == 1
    result = run_builder("build", "--site", str(site), "--out", str(tmp_path / "c"),
                         "--timings", env_overrides=environment)
    assert "quotation groups from the cache" in result.stdout
    assert site_files(tmp_path / "c") == site_files(tmp_path / "a")
    elsewhere = tmp_path / "elsewhere"
    result = run_builder("build", "--site", str(site), "--out", str(tmp_path / "d"),
                         "--cache-dir", str(elsewhere), env_overrides=environment)
    assert result.returncode == 0 and len(entries(elsewhere)) == 1


def test_the_preview_takes_the_groups_a_build_left_and_serves_the_same_site(site, tmp_path):
    from builder.serve import SiteBuilder
    cache = tmp_path / "cache"
    built(site, tmp_path / "out", cache)
    preview = SiteBuilder(str(site), str(cache))
    outcome = preview.build()
    assert outcome.files is not None and preview.memo.reused
    uncached = SiteBuilder(str(site)).build()
    assert outcome.files == uncached.files
