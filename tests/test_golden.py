"""Golden output: the fixture sites' whole built trees are pinned, so any drift in HTML,
feeds or data shows up as a reviewable diff. basic is a small site of two reports;
tallowmere, three reports whose outlets describe people differently (the people page, the
outlet pages' records, the notes on claim pages). After an intended change, regenerate with
`UPDATE_GOLDEN=1 make test PYTEST_ARGS=tests/test_golden.py` and review the diff."""
import os
import shutil
from pathlib import Path

import pytest

from conftest import SITES, run_builder

GOLDEN = Path(__file__).parent / "golden"


# static/ is copied verbatim from the project; pagefind/ is the search index Pagefind
# writes (test_search.py checks what it finds): neither is the builder's own output.
NOT_PINNED = ("static", "pagefind")


def _tree(root: Path) -> dict[str, bytes]:
    """Every file the builder generates."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and p.relative_to(root).parts[0] not in NOT_PINNED}


@pytest.mark.parametrize("site", ["basic", "tallowmere"])
def test_the_fixture_site_builds_exactly_the_golden_tree(site, tmp_path):
    golden = GOLDEN / site
    out = tmp_path / "_site"
    result = run_builder("build", "--site", str(SITES / site), "--out", str(out))
    assert result.returncode == 0, result.stderr
    if os.environ.get("UPDATE_GOLDEN"):
        shutil.rmtree(golden, ignore_errors=True)
        shutil.copytree(out, golden, ignore=lambda folder, names: list(NOT_PINNED)
                        if Path(folder) == out else [])
    built, pinned = _tree(out), _tree(golden)
    assert sorted(built) == sorted(pinned), "files added or removed"
    drifted = [path for path in built if built[path] != pinned[path]]
    assert not drifted, f"output drifted from tests/golden/{site} in: {drifted}"
