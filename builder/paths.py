"""Where a file an editor's folder holds really is.

A pull request can add a link (`seeds/x.txt → /etc/passwd`) as easily as a file: a build
in CI would publish what the link leads to. So links are followed only within the site's
own folder."""
from __future__ import annotations

import os


def leads_outside(path: str, site_dir: str) -> bool:
    """The path, its links followed, is not inside the site folder."""
    root = os.path.realpath(site_dir)
    return os.path.commonpath([root, os.path.realpath(path)]) != root


OUTSIDE = "a link to outside the site folder: links are followed only within it"
