"""Where a file an editor's folder holds really is.

A pull request can add a link (`seeds/x.txt → /etc/passwd`) as easily as a file: a build
in CI would publish what the link leads to. So links are followed only within the site's
own folder."""
from __future__ import annotations

import os


def leads_outside(path: str, site_dir: str) -> bool:
    """The path, its links followed, is not inside the site folder, or is inside its
    .git (where a CI checkout may keep credentials)."""
    root = os.path.realpath(site_dir)
    real = os.path.realpath(path)
    return (os.path.commonpath([root, real]) != root
            or os.path.commonpath([os.path.join(root, ".git"), real]) == os.path.join(root, ".git"))


OUTSIDE = ("a link to outside the site folder (or into its .git): links are followed only "
           "within it")


def files_within(root: str, site_dir: str, refused: list[tuple[str, str]],
                 hidden: bool = True) -> list[str]:
    """Every file below root, in order, folders linked in followed (each once, so a
    link back up ends). A folder or file that leads out of the site, and a folder that
    cannot be read, go into `refused` as (path, what to tell the editor) instead.
    `hidden`: whether names starting with '.' count."""
    def unreadable(failure: OSError) -> None:
        refused.append((failure.filename or root,
                        f"cannot read this folder: {failure.strerror or failure}"))

    if not os.path.lexists(root):
        return []  # no such folder: nothing in it
    found, seen = [], set()
    for folder, subfolders, names in os.walk(root, onerror=unreadable, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen or leads_outside(folder, site_dir):
            if real not in seen:
                refused.append((folder, OUTSIDE))
            subfolders[:] = []
            continue
        seen.add(real)
        subfolders[:] = sorted(name for name in subfolders if hidden or not name.startswith("."))
        for name in sorted(names):
            path = os.path.join(folder, name)
            if not hidden and name.startswith("."):
                continue
            if os.path.islink(path) and leads_outside(path, site_dir):
                refused.append((path, OUTSIDE))
            else:
                found.append(path)
    return found
