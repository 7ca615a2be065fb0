"""`python -m benchmarks` (what `make bench` runs): the consistency benchmark.

    .venv/bin/python -m benchmarks [articles]
"""
from __future__ import annotations

import sys

from benchmarks.consistency import main

main(sys.argv[1:])
