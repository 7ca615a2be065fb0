"""Writing a site: files unchanged since the previous build are kept, not written again."""
import os

import pytest

from builder import output

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
    assert read_tree(site) == second
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
    assert read_tree(site) == same_size


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
    assert read_tree(site) == second


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
    assert read_tree(site) == FIRST
