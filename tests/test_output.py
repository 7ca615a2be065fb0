"""Writing a site: files unchanged since the previous build are kept, not written again."""
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from builder import output
from builder.output import MARKER, MARKER_TEXT

FIRST = {"index.html": b"<p>home</p>", "claims/a/index.html": b"<p>a</p>",
         "claims/b/index.html": b"<p>b</p>", "data/claims.json": b"[]"}


def read_tree(root):
    found = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            with open(path, "rb") as handle:
                found[os.path.relpath(path, root).replace(os.sep, "/")] = handle.read()
    return found


def built(files):
    """What a build writes for these files: them, and the mark of a build."""
    return {**files, output.MARKER: output.MARKER_TEXT}


def inode(root, path):
    return os.stat(os.path.join(root, *path.split("/"))).st_ino


def test_a_rebuild_keeps_unchanged_files_and_writes_changed_ones(tmp_path):
    site = tmp_path / "_site"
    output.write_site(FIRST, str(site))
    before = {path: inode(site, path) for path in FIRST}
    second = dict(FIRST, **{"claims/b/index.html": b"<p>b, corrected</p>",
                            "claims/c/index.html": b"<p>c</p>"})
    del second["data/claims.json"]
    output.write_site(second, str(site))
    assert read_tree(site) == built(second)
    assert inode(site, "index.html") == before["index.html"]
    assert inode(site, "claims/a/index.html") == before["claims/a/index.html"]
    assert inode(site, "claims/b/index.html") != before["claims/b/index.html"]
    # Nothing is left of the previous site, and a kept file is no longer shared with it.
    assert sorted(os.listdir(tmp_path)) == ["_site"]
    assert os.stat(site / "index.html").st_nlink == 1


def test_a_file_of_the_same_size_but_other_bytes_is_written(tmp_path):
    site = tmp_path / "_site"
    output.write_site(FIRST, str(site))
    same_size = dict(FIRST, **{"claims/a/index.html": b"<p>A</p>"})
    output.write_site(same_size, str(site))
    assert read_tree(site) == built(same_size)


def test_a_symbolic_link_in_the_previous_site_is_not_followed(tmp_path):
    site = tmp_path / "_site"
    output.write_site(FIRST, str(site))
    elsewhere = tmp_path / "elsewhere.html"
    elsewhere.write_bytes(b"<p>a</p>")
    os.remove(site / "claims/a/index.html")
    os.symlink(elsewhere, site / "claims/a/index.html")
    output.write_site(FIRST, str(site))
    written = site / "claims/a/index.html"
    assert not written.is_symlink() and written.read_bytes() == b"<p>a</p>"
    assert os.stat(written).st_ino != os.stat(elsewhere).st_ino


def test_without_hard_links_every_file_is_written(tmp_path, monkeypatch):
    site = tmp_path / "_site"
    output.write_site(FIRST, str(site))

    def refuse(*arguments, **options):
        raise OSError("operation not permitted")

    monkeypatch.setattr(os, "link", refuse)
    second = dict(FIRST, **{"index.html": b"<p>home, again</p>"})
    output.write_site(second, str(site))
    assert read_tree(site) == built(second)


@pytest.mark.parametrize("previous", [None, "missing"])
def test_a_first_build_writes_everything(tmp_path, previous):
    root = tmp_path / "staging"
    output.write_tree(FIRST, str(root), None if previous is None else str(tmp_path / previous))
    assert read_tree(root) == FIRST


def test_a_pipe_in_the_previous_site_is_not_opened(tmp_path):
    site = tmp_path / "_site"
    output.write_site(FIRST, str(site))
    os.remove(site / "index.html")
    os.mkfifo(site / "index.html")  # opening it to read would wait for a writer forever
    output.write_site(FIRST, str(site))
    assert read_tree(site) == built(FIRST)


def test_the_site_folder_is_readable_by_others_as_the_umask_allows(tmp_path):
    """A web server serving the site runs as another user: it needs the folder's mode
    to be the usual one, not the staging folder's owner-only 0700."""
    previous = os.umask(0o022)
    try:
        output.write_site(FIRST, str(tmp_path / "_site"))
    finally:
        os.umask(previous)
    assert os.stat(tmp_path / "_site").st_mode & 0o777 == 0o755
    assert os.stat(tmp_path / "_site" / "claims").st_mode & 0o777 == 0o755


def test_only_a_folder_a_build_wrote_is_taken_for_an_earlier_build(tmp_path):
    site = tmp_path / "_site"
    output.write_site(FIRST, str(site))
    output.check_output_dir(str(site), str(tmp_path / "project"))  # its own: replaced
    web = tmp_path / "web"
    web.mkdir()
    (web / "index.html").write_text("<p>someone else's</p>", encoding="utf-8")
    (web / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(output.UnsafeOutput, match="not an earlier build"):
        output.check_output_dir(str(web), str(tmp_path / "project"))
    # A build made before the mark existed is still known by what every build holds.
    older = tmp_path / "older"
    for name in ("index.html", ".nojekyll", "sitemap.xml", "robots.txt", "data/claims.json"):
        (older / name).parent.mkdir(parents=True, exist_ok=True)
        (older / name).write_text("", encoding="utf-8")
    output.check_output_dir(str(older), str(tmp_path / "project"))


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_clean_removes_only_a_folder_a_build_wrote(tmp_path):
    """`make clean OUT=docs` must not take a folder of the editors' own with it."""
    shutil.copy(Path(__file__).resolve().parent.parent / "Makefile", tmp_path / "Makefile")
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "todo.txt").write_text("keep me\n", encoding="utf-8")
    built = tmp_path / "built"
    built.mkdir()
    (built / MARKER).write_bytes(MARKER_TEXT)
    (built / "index.html").write_text("<p>old</p>\n", encoding="utf-8")
    said = {out: subprocess.run(["make", "--no-print-directory", "clean", f"OUT={out}"],
                                cwd=tmp_path, capture_output=True, text=True,
                                check=True).stdout
            for out in ("notes", "built", "never-made")}
    assert (notes / "todo.txt").read_text(encoding="utf-8") == "keep me\n"
    assert "kept notes: not a build" in said["notes"]
    assert not built.exists() and "kept" not in said["built"] + said["never-made"]
