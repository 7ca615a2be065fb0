"""The JSON Schema editors' YAML plugins check claim files against, with this site's
verdicts. docs/schema/claim.schema.json lists the shipped site.yml's rating scale; a site
with its own publishes the same schema with its scale, so that a plugin pointed at it
offers the verdicts the build accepts and marks any other."""
from __future__ import annotations

import json
import os

from .model import Verdict
from .render import PROJECT_DIR

CLAIM_SCHEMA_PATH = "data/claim.schema.json"
SHIPPED_SCHEMA = os.path.join(PROJECT_DIR, "docs", "schema", "claim.schema.json")


def claim_schema(verdicts: tuple[Verdict, ...]) -> bytes:
    with open(SHIPPED_SCHEMA, encoding="utf-8") as handle:
        schema = json.load(handle)
    scale = "; ".join(f"{verdict.id} ({verdict.label})" for verdict in verdicts)
    schema["properties"]["verdict"] = {
        "enum": [verdict.id for verdict in verdicts],
        "description": f"A verdict id from this site's rating scale in site.yml, best "
                       f"first: {scale}."}
    return (json.dumps(schema, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
