"""Positioned YAML: every value has a line and column, and traps are errors, not surprises."""
import datetime as dt

from builder.yamlfile import parse_yaml


def test_positions_point_at_keys_and_values():
    document, problems = parse_yaml("claim: x\nappearances:\n  - source: a\n    quote: b\n", "f.yml")
    assert problems == []
    assert (document.at("appearances", 0, "quote").line, document.at("appearances", 0, "quote").column) == (4, 12)
    assert document.key_at("appearances").line == 2


def test_duplicate_keys_are_errors_not_last_one_wins():
    document, problems = parse_yaml("verdict: correct\nclaim: x\nverdict: incorrect\n", "f.yml")
    assert document is None
    assert [str(p) for p in problems] == [
        "f.yml:3:1: duplicate key 'verdict' (first set on line 1); a later value would silently win"]


def test_dates_tabs_and_empty_files():
    document, _ = parse_yaml("date: 2025-02-19\n", "f.yml")
    assert document.value["date"] == dt.date(2025, 2, 19)
    assert str(parse_yaml("a:\n\t- b\n", "f.yml")[1][0]).startswith("f.yml:2:1: invalid YAML: a tab")
    assert str(parse_yaml("  \n", "f.yml")[1][0]) == "f.yml:1:1: file is empty"


def test_bom_and_crlf_are_accepted():
    document, problems = parse_yaml("\ufeffa: 1\r\nb: two\r\n", "f.yml")
    assert problems == [] and document.value == {"a": 1, "b": "two"}
    assert document.at("b").line == 2
