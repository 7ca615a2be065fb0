"""Byte-identical output, whatever the machine, the moment, the hash seed or the folder."""
from pathlib import Path

import pytest

from conftest import PROJECT, SITES, copy_site
from publishing import build


def tree(root: Path) -> dict[str, bytes]:
    """Every file below root, dotfiles included, by relative path."""
    return {path.relative_to(root).as_posix(): path.read_bytes()
            for path in sorted(root.rglob("*")) if path.is_file()}


def assert_same_tree(first: Path, second: Path) -> None:
    a, b = tree(first), tree(second)
    assert sorted(a) == sorted(b)
    assert [path for path in a if a[path] != b[path]] == []


# Everything that differs between two machines or two moments, short of the content.
MACHINE_A = dict(PYTHONHASHSEED="1", SOURCE_DATE_EPOCH="0", TZ="UTC", LC_ALL="C.UTF-8")
MACHINE_B = dict(PYTHONHASHSEED="4242", SOURCE_DATE_EPOCH="1999999999", TZ="Pacific/Kiritimati",
                 LC_ALL="C")


@pytest.mark.parametrize("site", [SITES / "publish", PROJECT], ids=["publish", "shipped"])
def test_two_builds_on_different_machines_and_days_are_byte_identical(tmp_path, site):
    first = build(site, tmp_path / "one" / "_site", **MACHINE_A)
    second = build(site, tmp_path / "two" / "elsewhere", cwd=tmp_path, **MACHINE_B)
    assert_same_tree(first, second)


def test_a_copy_of_the_site_in_another_folder_builds_the_same(tmp_path):
    copy = copy_site("publish", tmp_path)
    first = build(SITES / "publish", tmp_path / "a")
    second = build(copy, tmp_path / "b")
    assert_same_tree(first, second)


def test_no_output_names_a_folder_of_this_machine(tmp_path):
    out = build(SITES / "publish", tmp_path / "_site")
    for path, content in tree(out).items():
        for folder in (str(tmp_path), str(PROJECT)):
            assert folder.encode() not in content, path


def test_the_file_system_order_does_not_matter(tmp_path):
    """Claims in sub-folders and files created in reverse order build like the original."""
    copy = copy_site("publish", tmp_path)
    claims = copy / "content/claims"
    for index, path in enumerate(sorted(claims.iterdir(), reverse=True)):
        folder = claims / f"batch-{index}"
        folder.mkdir()
        path.rename(folder / path.name)
    assert_same_tree(build(SITES / "publish", tmp_path / "a"), build(copy, tmp_path / "b"))
