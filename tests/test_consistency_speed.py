"""Extraction and grouping grow with the corpus, not with its square.

A smaller run of benchmarks/consistency.py: each size in a fresh interpreter, so one
size's heap does not slow the other. The process's CPU time is compared, best of three,
as the measure least disturbed by whatever else the machine is doing (other test runs
share its cores); a quadratic step would still show as a ratio near 4.
"""
from __future__ import annotations

import pytest

from benchmarks.consistency import time_isolated

pytestmark = pytest.mark.slow


def test_doubling_the_corpus_at_most_doubles_the_time():
    small = time_isolated(250)
    large = time_isolated(500)
    assert large.quotations >= 1.9 * small.quotations  # the corpus really doubled
    assert large.groups >= 1.8 * small.groups
    ratio = large.cpu_best / small.cpu_best
    assert ratio <= 2.3, f"{small} → {large}: ratio {ratio:.2f}"


def test_a_helper_process_changes_nothing(monkeypatch):
    """A corpus large enough to be shared with a forked helper gives exactly what one
    process alone gives."""
    from benchmarks.consistency import corpus
    from builder.consistency import group_quotations
    from builder.quotations import extract_corpus

    texts = corpus(300)
    outlets = {stem: stem for stem in texts}
    shared = extract_corpus(texts)
    shared_groups = group_quotations(shared, outlets)
    monkeypatch.setenv("BUILDER_NO_FORK", "1")
    alone = extract_corpus(texts)
    assert shared == alone
    assert shared_groups == group_quotations(alone, outlets)
