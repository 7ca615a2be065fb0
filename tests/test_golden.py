"""Golden output: the fixture site's whole built tree is pinned, so any drift in HTML,
feeds or data shows up as a reviewable diff. After an intended change, regenerate with
`UPDATE_GOLDEN=1 make test PYTEST_ARGS=tests/test_golden.py` and review the diff."""
import os
import shutil
from pathlib import Path

from conftest import SITES, run_builder

GOLDEN = Path(__file__).parent / "golden" / "basic"


# static/ is copied verbatim from the project; pagefind/ is the search index Pagefind
# writes (test_search.py checks what it finds): neither is the builder's own output.
NOT_PINNED = ("static", "pagefind")


def _tree(root: Path) -> dict[str, bytes]:
    """Every file the builder generates."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and p.relative_to(root).parts[0] not in NOT_PINNED}


def test_the_fixture_site_builds_exactly_the_golden_tree(tmp_path):
    out = tmp_path / "_site"
    result = run_builder("build", "--site", str(SITES / "basic"), "--out", str(out))
    assert result.returncode == 0, result.stderr
    if os.environ.get("UPDATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        shutil.copytree(out, GOLDEN, ignore=lambda folder, names: list(NOT_PINNED)
                        if Path(folder) == out else [])
    built, golden = _tree(out), _tree(GOLDEN)
    assert sorted(built) == sorted(golden), "files added or removed"
    drifted = [path for path in built if built[path] != golden[path]]
    assert not drifted, f"output drifted from tests/golden/basic in: {drifted}"
