"""Declared fields: each wrong kind of value is one plain sentence at the value itself."""
import re

import pytest

from builder.errors import Problem
from builder.schema import Field, brief, is_device_name, is_valid_id, read_record
from builder.yamlfile import parse_yaml

FIELDS = [Field("title", "text", True), Field("when", "date"), Field("link", "url"),
          Field("kind", "id"), Field("tags", "text-list"), Field("extra", "mapping")]


def _problems(text: str) -> list[str]:
    document, problems = parse_yaml(text, "f.yml")
    assert document is not None, problems
    found: list[Problem] = []
    read_record(document, (), FIELDS, found, "a record")
    return [str(problem) for problem in found]


@pytest.mark.parametrize("text, expected", [
    ("title: 42", "f.yml:1:8: 'title' must be text, not a number (42); put it in quotes"),
    ("title: 2025-01-02", "f.yml:1:8: 'title' must be text, not a date (2025-01-02); put it in quotes"),
    ("title: [a]", "f.yml:1:8: 'title' must be text, not a list"),
    ("title: {a: b}", "f.yml:1:8: 'title' must be text, not a mapping"),
    ("title: '  '", "f.yml:1:8: 'title' must not be empty"),
    ('title: "a\\0b"', "f.yml:1:8: 'title' must not contain a NUL character"),
    ("title: x\nwhen: 2025-1-2", "f.yml:2:7: 'when' must be a date written YYYY-MM-DD, not text "
                                 "('2025-1-2') — did you mean 2025-01-02?"),
    # A time of day would be lost: said, not dropped.
    ("title: x\nwhen: 2025-03-04 10:30:00",
     "f.yml:2:7: 'when' must be a date written YYYY-MM-DD, not a date and time "
     "(2025-03-04 10:30:00); leave the time out"),
    ("title: x\nlink: javascript:alert(1)",
     "f.yml:2:7: 'link' must be an absolute http(s) URL, not 'javascript:alert(1)'"),
    ("title: x\nlink: 'data:text/html,<b>'", "f.yml:2:7: 'link' must be an absolute http(s) URL"),
    ("title: x\nlink: https://[x", "f.yml:2:7: 'link' must be an absolute http(s) URL, not 'https://[x'"),
    ("title: x\nlink: 'https://a.example/\"><b>'", "f.yml:2:7: 'link' must be an absolute http(s) URL"),
    ("title: x\nlink: 'https:\\\\evil.example'", "f.yml:2:7: 'link' must be an absolute http(s) URL"),
    ("title: x\nkind: ../etc", "f.yml:2:7: 'kind' '../etc' is not a valid id"),
    ("title: x\nkind: con", "f.yml:2:7: 'kind' 'con' is a reserved name"),
    ("title: x\nkind: lpt9", "f.yml:2:7: 'kind' 'lpt9' is a reserved name"),
    ("title: x\ntags: [a, 3, b]", "f.yml:2:11: 'tags' items must be text, not a number (3)"),
    ("title: x\ntags:\n  - a\n  - ''\n", "f.yml:4:5: 'tags' items must not be empty"),
    ("title: x\ntags: a", "f.yml:2:7: 'tags' must be a list of text, not text ('a')"),
    ("title: x\nextra: [1]", "f.yml:2:8: 'extra' must be a mapping, not a list"),
    ("titel: x", "f.yml:1:1: unknown key 'titel' in a record — did you mean 'title'?"),
    # 'title' is there already: the misspelt key meant something else, or nothing.
    ("title: x\ntitel: y", "f.yml:2:1: unknown key 'titel' in a record; known keys: title, "),
    ("when: 2025-01-02", "f.yml:1:1: missing required key 'title' in a record"),
])
def test_wrong_values_are_errors_at_the_value(text, expected):
    problems = _problems(text)
    assert len(problems) == 1 and problems[0].startswith(expected), problems


def test_a_record_that_is_not_a_mapping_says_what_it_is():
    document, _ = parse_yaml("- a\n- b\n", "f.yml")
    found: list[Problem] = []
    assert read_record(document, (), FIELDS, found, "a claim") is None
    assert [str(p) for p in found] == [
        "f.yml:1:1: a claim must be a mapping of keys to values, not a list"]


def test_long_values_are_quoted_back_briefly():
    problems = _problems("title: x\nkind: " + "x" * 5000 + "!")
    assert len(problems[0]) < 200
    assert brief("abc", 60) == "abc" and len(brief("a" * 100, 60)) == 60


@pytest.mark.parametrize("name", ["con", "CON", "Nul", "com1", "LPT9", "aux.txt"])
def test_windows_device_names_are_recognised_whatever_their_case(name):
    assert is_device_name(name)


@pytest.mark.parametrize("name", ["", "..", "a/b", "a\\b", "/abs", "a b", "A", "a--b", "-a",
                                  "a-", "x" * 81, "a\x00", "index", "nul"])
def test_ids_that_could_leave_their_folder_or_clash_are_invalid(name):
    assert not is_valid_id(name)


def test_words_yaml_reads_as_true_or_false_are_the_text_typed_where_text_is_expected():
    document, problems = parse_yaml("title: No\nkind: true\ntags: [yes, off, x]\n"
                                    "rated: false\n", "f.yml")
    found: list[Problem] = []
    record = read_record(document, (), [*FIELDS, Field("rated", "boolean")], found, "a record")
    assert problems == found == []
    assert record.values == {"title": "No", "kind": "true", "tags": ["yes", "off", "x"],
                             "rated": False}


@pytest.mark.parametrize("written, suggested", [
    ("2025-2", "2025-02"), ("2025/2", "2025-02"), ("2025/02", "2025-02"), ("'2025.2'", "2025-02"),
    ("2/2025", "2025-02"), ("02-2025", "2025-02"), ("February 2025", "2025-02"),
    ("Feb. 2025", "2025-02"), ("2025-02-1", "2025-02-01"), ("2025-2-19", "2025-02-19"),
    ("2025/2/19", "2025-02-19"),
    # No month 13, no 30 February, no month called 'Spring': nothing certain to offer.
    ("2025-13", None), ("13/2025", None), ("2025-2-30", None), ("Spring 2025", None),
    # An unquoted 2025.10 is the number 2025.1 by the time it is read: no guess at it.
    ("2025.10", None),
])
def test_a_claim_date_written_another_way_is_offered_the_one_it_can_only_mean(written, suggested):
    document, problems = parse_yaml(f"said: {written}\n", "f.yml")
    assert document is not None, problems
    found: list[Problem] = []
    read_record(document, (), [Field("said", "claim-date")], found, "a claim")
    assert len(found) == 1
    offered = re.search(r" — did you mean (\S+)\?$", str(found[0]))
    assert (offered and offered.group(1)) == suggested, found[0]


def test_a_month_alone_is_not_offered_where_only_a_whole_date_will_do():
    """A seed's 'published' is a day or 'unknown': '2025-02' would be refused in turn."""
    found: list[Problem] = []
    document, _ = parse_yaml("title: x\nwhen: 2025-2\n", "f.yml")
    read_record(document, (), FIELDS, found, "a record")
    assert [str(problem) for problem in found] == [
        "f.yml:2:7: 'when' must be a date written YYYY-MM-DD, not text ('2025-2')"]
