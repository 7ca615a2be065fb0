"""The JSON Schema editors' plugins use must say what the builder enforces."""
import json
from pathlib import Path

from builder.claims import APPEARANCE_FIELDS, CLAIM_FIELDS, CORRECTION_FIELDS

SCHEMA = json.loads((Path(__file__).parent.parent / "docs/schema/claim.schema.json").read_text())


def _agrees(schema: dict, fields) -> None:
    assert set(schema["properties"]) == {field.name for field in fields}
    assert set(schema["required"]) == {field.name for field in fields if field.required}
    assert schema["additionalProperties"] is False


def test_claim_schema_matches_the_loader():
    _agrees(SCHEMA, CLAIM_FIELDS)
    _agrees(SCHEMA["properties"]["appearances"]["items"], APPEARANCE_FIELDS)
    _agrees(SCHEMA["properties"]["corrections"]["items"], CORRECTION_FIELDS)
