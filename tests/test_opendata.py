"""/data/claims.csv read with the csv module as a spreadsheet would; claimreview.json as JSON."""
import csv
import io
import json
from pathlib import Path

import pytest

from builder.opendata import CSV_COLUMNS, neutralise
from conftest import SITES, copy_site
from publishing import SITE_URL, build


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    return build(SITES / "publish", tmp_path_factory.mktemp("publish") / "_site")


def read_csv(out: Path) -> list[dict]:
    raw = (out / "data/claims.csv").read_bytes()
    assert raw.startswith("\ufeff".encode("utf-8")), "spreadsheets need the BOM to see UTF-8"
    text = raw.decode("utf-8-sig")
    assert "\r\n" in text
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_one_row_per_claim_in_the_order_of_claims_json(out):
    rows = read_csv(out)
    claims = json.loads((out / "data/claims.json").read_text(encoding="utf-8"))["claims"]
    assert [row["id"] for row in rows] == [claim["id"] for claim in claims]
    assert list(rows[0]) == list(CSV_COLUMNS)


def test_a_row_says_what_the_claim_page_says(out):
    row = next(row for row in read_csv(out) if row["id"] == "budget-doubled")
    assert row == {
        "id": "budget-doubled", "url": SITE_URL + "claims/budget-doubled/",
        "claim": "The repair budget is twice what was spent last time", "claimant": "Ana Ruiz",
        "date": "2025-03-03", "verdict": "mostly-correct", "verdict_label": "Mostly correct",
        "rating": "3", "best_rating": "4", "worst_rating": "1",
        "summary": "The £4 million figure is in both reports; the earlier spend is not.",
        "tags": "Bridge | Budget", "published": "2025-03-06", "updated": "2025-03-09",
        "corrections": "2025-03-10: We wrongly named the Gazette as the only source. | "
                       "2025-03-08: An earlier version gave the budget as £4.5 million.",
        "sources": "courier-bridge | gazette-ferries",
        "outlets": "Courier <Evening> & Sons | The Harbour Gazette",
        # One per source, in order: the courier's is not known.
        "source_urls": " | https://gazette.example/ferries",
    }


@pytest.mark.parametrize("cell, safe", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1", "'+1"), ("-2", "'-2"),
    ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("plain", "plain"), ("a=b", "a=b"), (3, 3),
])
def test_cells_a_spreadsheet_would_run_are_neutralised(cell, safe):
    assert neutralise(cell) == safe


def test_formula_like_content_reaches_the_csv_inert(tmp_path):
    site = copy_site("publish", tmp_path)
    claim = site / "content/claims/visitors.yml"
    claim.write_text(claim.read_text(encoding="utf-8")
                     .replace('claim: "10,000 visitors a week will stay away"',
                              'claim: "=cmd|\' /C calc\'!A0"')
                     .replace("claimant: Critics", 'claimant: "@critics"'), encoding="utf-8")
    row = next(row for row in read_csv(build(site, tmp_path / "_site")) if row["id"] == "visitors")
    assert (row["claim"], row["claimant"]) == ("'=cmd|' /C calc'!A0", "'@critics")
    data = json.loads((tmp_path / "_site/data/claims.json").read_text(encoding="utf-8"))
    assert data["claims"][0]["claim"] == "=cmd|' /C calc'!A0"  # JSON keeps the exact text


def test_claimreview_json_lists_every_claim_review(out):
    reviews = json.loads((out / "data/claimreview.json").read_text(encoding="utf-8"))
    assert [review["url"] for review in reviews] == [row["url"] for row in read_csv(out)]
    assert {review["@type"] for review in reviews} == {"ClaimReview"}


def test_data_docs_describe_every_csv_column():
    docs = (Path(__file__).parent.parent / "docs/data.md").read_text(encoding="utf-8")
    for column in CSV_COLUMNS:
        assert f"`{column}`" in docs, column


def test_json_files_are_laid_out_a_record_a_line():
    from builder.data import to_json

    value = {"claims": [{"id": "a", "x": [1, 2], "q": "“é”"}, {"id": "b"}], "n": 1, "empty": []}
    text = to_json(value).decode("utf-8")
    assert json.loads(text) == value
    assert text.splitlines() == [
        "{", '  "claims": [', '    {"id": "a", "x": [1, 2], "q": "“é”"},', '    {"id": "b"}',
        "  ],", '  "n": 1,', '  "empty": []', "}"]
    assert to_json([{"a": 1}], levels=1).decode("utf-8") == '[\n  {"a": 1}\n]\n'
