"""The JSON Schema editors' plugins use must say what the builder enforces."""
import dataclasses
import json
from pathlib import Path

from builder.build import BuildOptions, load_content
from builder.claims import APPEARANCE_FIELDS, CLAIM_FIELDS, CORRECTION_FIELDS
from builder.config import load_config
from builder.validate import validate

PROJECT = Path(__file__).parent.parent
SCHEMA = json.loads((PROJECT / "docs/schema/claim.schema.json").read_text())


def _agrees(schema: dict, fields) -> None:
    assert set(schema["properties"]) == {field.name for field in fields}
    assert set(schema["required"]) == {field.name for field in fields if field.required}
    assert schema["additionalProperties"] is False


def test_claim_schema_matches_the_loader():
    _agrees(SCHEMA, CLAIM_FIELDS)
    _agrees(SCHEMA["properties"]["appearances"]["items"], APPEARANCE_FIELDS)
    _agrees(SCHEMA["properties"]["corrections"]["items"], CORRECTION_FIELDS)


def _accepted_verdicts(candidates) -> set[str]:
    """Which of the candidates the validator takes as a claim's verdict in the shipped site:
    a claim of it is given each in turn, and those with no error at 'verdict' are taken."""
    content, _ = load_content(BuildOptions(str(PROJECT)))
    claim = content.claims[0]
    accepted = set()
    for candidate in candidates:
        tried = dataclasses.replace(content, claims=(dataclasses.replace(claim, verdict=candidate),))
        refused = [problem for problem in validate(tried)
                   if not problem.is_warning and problem.position == claim.positions["verdict"]]
        if not refused:
            accepted.add(candidate)
    return accepted


def test_the_schema_lists_the_verdicts_the_shipped_site_accepts():
    """Editors' plugins complete and flag 'verdict' from the schema's list, so the list must
    be the rating scale the validator checks against, no more and no less."""
    listed = SCHEMA["properties"]["verdict"]["enum"]
    config, _ = load_config(str(PROJECT), "")
    assert listed == [verdict.id for verdict in config.verdicts]  # best first, as site.yml
    near_misses = {"corect", "Correct", "true", "unverified"}
    assert _accepted_verdicts(set(listed) | near_misses) == set(listed)
