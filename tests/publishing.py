"""Helpers for the publishing tests: build a fixture site as an editor would, optionally
with extra environment (SOURCE_DATE_EPOCH, PYTHONHASHSEED) for reproducibility checks."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import PROJECT

SITE_URL = "https://example.github.io/publish/"


def build(site: Path, out: Path, *extra: str, cwd: Path = PROJECT, **environment: str) -> Path:
    env = dict(os.environ, PYTHONPATH=str(PROJECT), **environment)
    for name, value in environment.items():
        if value is None:
            env.pop(name)
    result = subprocess.run([sys.executable, "-m", "builder", "build", "--site", str(site),
                             "--out", str(out), *extra], cwd=cwd, capture_output=True,
                            text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    return out
