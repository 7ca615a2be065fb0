"""The JSON Schema editors' plugins use must say what the builder enforces."""
import dataclasses
import json
from pathlib import Path

from builder.build import BuildOptions, build, load_content
from builder.claims import APPEARANCE_FIELDS, CLAIM_FIELDS, CORRECTION_FIELDS
from builder.config import load_config
from builder.validate import validate

PROJECT = Path(__file__).parent.parent
SITES = PROJECT / "tests" / "sites"
SCHEMA = json.loads((PROJECT / "docs/schema/claim.schema.json").read_text())


def _agrees(schema: dict, fields) -> None:
    assert set(schema["properties"]) == {field.name for field in fields}
    assert set(schema["required"]) == {field.name for field in fields if field.required}
    assert schema["additionalProperties"] is False


def test_claim_schema_matches_the_loader():
    _agrees(SCHEMA, CLAIM_FIELDS)
    _agrees(SCHEMA["properties"]["appearances"]["items"], APPEARANCE_FIELDS)
    _agrees(SCHEMA["properties"]["corrections"]["items"], CORRECTION_FIELDS)


def _accepted_verdicts(candidates, site: Path = PROJECT) -> set[str]:
    """Which of the candidates the validator takes as a claim's verdict in a site (the
    shipped one unless said): a claim of it is given each in turn, and those with no error
    at 'verdict' are taken."""
    content, _ = load_content(BuildOptions(str(site)))
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


def test_a_site_publishes_the_schema_with_its_own_verdicts(tmp_path):
    """A site with its own rating scale (tests/sites/minimal has three verdicts, two of
    them the shipped scale's) publishes the schema with that scale: a plugin pointed at
    it offers what the build accepts there, and marks the shipped ids it lacks."""
    build(BuildOptions(str(SITES / "minimal"), str(tmp_path / "_site")))
    published = json.loads((tmp_path / "_site/data/claim.schema.json").read_text())
    assert published["properties"].pop("verdict") == {
        "enum": ["correct", "misleading", "incorrect"],
        "description": "A verdict id from this site's rating scale in site.yml, best first: "
                       "correct (Correct); misleading (Misleading); incorrect (Incorrect)."}
    assert _accepted_verdicts({"correct", "misleading", "incorrect", "mixed", "unverifiable"},
                              SITES / "minimal") == {"correct", "misleading", "incorrect"}
    shipped = json.loads((PROJECT / "docs/schema/claim.schema.json").read_text())
    del shipped["properties"]["verdict"]
    assert published == shipped  # the rest is the schema of docs/, as it is
