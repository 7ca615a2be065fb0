"""Positioned YAML: every value has a line and column, and traps are errors, not surprises."""
import datetime as dt

import pytest
import yaml
from hypothesis import given, strategies as st

from builder import yamlfile
from builder.yamlfile import MAX_FILE_BYTES, parse_yaml, read_text


def test_positions_point_at_keys_and_values():
    document, problems = parse_yaml("claim: x\nappearances:\n  - source: a\n    quote: b\n", "f.yml")
    assert problems == []
    assert (document.at("appearances", 0, "quote").line, document.at("appearances", 0, "quote").column) == (4, 12)
    assert document.key_at("appearances").line == 2


def test_duplicate_keys_are_errors_not_last_one_wins():
    document, problems = parse_yaml("verdict: correct\nclaim: x\nverdict: incorrect\n", "f.yml")
    # The rest of the file is still there to check; the first value is the one kept.
    assert document.value == {"verdict": "correct", "claim": "x"}
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


# Hostile and broken YAML: each a clear error at its position, never an exception.

def _only_error(text: str) -> str:
    document, problems = parse_yaml(text, "f.yml")
    assert document is None or document.failed or "duplicate" in str(problems)
    assert len(problems) == 1, problems
    return str(problems[0])


def test_an_alias_is_reported_where_it_is_used_not_at_its_anchor():
    assert _only_error("a: &x [1]\nb: 2\nc: *x\n") == (
        "f.yml:3:4: YAML aliases (*name) are not allowed: write the value out again")


def test_a_billion_laughs_stops_at_the_first_alias():
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    assert _only_error("\n".join(lines)).startswith("f.yml:2:8: YAML aliases")


@pytest.mark.parametrize("text", ["a: " + "[" * 400_000 + "]" * 400_000,
                                  "a: " + "{x: " * 100_000 + "1" + "}" * 100_000])
def test_a_nesting_bomb_is_an_error_not_a_crash(text):
    # Composing this recursively crashed the interpreter (SIGSEGV), so this test
    # failing may mean pytest itself dies: the point is that it does not.
    assert "nested too deeply" in _only_error(text)


@pytest.mark.parametrize("text, expected", [
    ("a: !!binary aGk=", "f.yml:1:4: YAML tags such as '!!binary' are not allowed"),
    ("a: !!python/object:os.system x", "f.yml:1:4: YAML tags such as '!!python/object:os.system'"),
    ("a: !custom [x]", "f.yml:1:4: YAML tags such as '!custom' are not allowed"),
    ("a: !!set {x, y}", "f.yml:1:4: YAML tags such as '!!set' are not allowed"),
    ("<<: {a: 1}", "f.yml:1:1: YAML merge keys (<<) are not allowed"),
    ("? [a]\n: b\n", "f.yml:1:3: a key must be plain text"),
    ("a: 2025-13-01", "f.yml:1:4: '2025-13-01' is not a real date (month must be in 1..12); "
                      "write it YYYY-MM-DD"),
    ("a: 2025-02-30", "f.yml:1:4: '2025-02-30' is not a real date"),
    ("a: [1\n", "f.yml:1:4: invalid YAML: this list's opening [ is never closed: end it with ]"),
    ("a: {b: 1\n", "f.yml:1:4: invalid YAML: this mapping's opening { is never closed"),
    ("a: 'x\n\nb: c\n", "f.yml:1:4: invalid YAML: this quoted value's opening ' is never "
                         "closed: end it with ' (YAML reached line 4, column 1 looking for it)"),
    # A quote left open with another further down: the parser fails there, far below.
    ('claim: "The UK sent 70\nverdict: x\nsummary: |\n  He said "yes".\nb: 1\n',
     'f.yml:1:8: invalid YAML: this quoted value\'s opening " is not closed on its line: '
     'end it with " (YAML reached line 4'),
    ("- 'x\n- 'y'\n", "f.yml:1:3: invalid YAML: this quoted value's opening ' is not closed"),
    # Space between the closing quote and the text after it (found by hypothesis).
    ("claim: ''  a'", "f.yml:1:9: invalid YAML: the ' before a ends the quoted value early"),
    ("summary: The report: it said so\n", "f.yml:1:20: invalid YAML: a plain value cannot "
                                          "hold ': ' — put the whole value in double quotes"),
    # A key indented one space too far reads as more of the value above it.
    ("appearances:\n  - source: alpha\n     quote: the words\n",
     "f.yml:3:6: invalid YAML: 'quote' is indented 1 space more than 'source' above it: "
     "line the keys up"),
    ("a: b\n---\nc: d\n", "f.yml:2:1: invalid YAML: a second YAML document starts here"),
    ("a:\n  - b\n c: d\n", "f.yml:3:2: invalid YAML: 'c' is indented 1 space more than 'a' "
                          "above it: line the keys up"),
    # Where no explanation fits, PyYAML's words, with where what it was reading starts.
    ("a: b\n- c\n", "f.yml:2:1: invalid YAML: did not find expected key (in what starts at "
                   "line 1, column 1)"),
    ("a: x\x00y", "f.yml:1:5: file contains the invisible character U+0000"),
    ("a: ok\nb: x\x1by", "f.yml:2:5: file contains the invisible character U+001B"),
    ("a: \ud800", "f.yml:1:4: file contains the invisible character U+D800"),
    ("# only a comment\n", "f.yml:1:1: file holds no YAML value"),
])
def test_traps_are_positioned_one_line_errors(text, expected):
    message = _only_error(text)
    assert message.startswith(expected)
    assert "\n" not in message and "<unicode string>" not in message


def test_a_quoted_value_running_over_lines_still_parses():
    document, problems = parse_yaml('a: "one\n  two"\nb: \'it\'\'s\'\n', "f.yml")
    assert problems == [] and document.value == {"a": "one two", "b": "it's"}


def test_an_escaped_control_character_is_a_warning_at_its_value():
    document, problems = parse_yaml('a: ok\nb: "x\\x01"\n', "f.yml")
    assert document.value["b"] == "x\x01"
    assert [str(p) for p in problems] == [
        "f.yml:2:4: warning: text contains the invisible character U+0001 (written as an "
        "escape); remove it unless it is meant"]


def test_long_values_are_shortened_in_messages():
    message = _only_error("a: !!int " + "9" * 5000 + "x")
    assert len(message) < 300


def test_files_are_read_as_utf8_with_the_byte_offset_of_a_bad_byte(tmp_path):
    path = tmp_path / "f.yml"
    path.write_bytes("a: ok\nb: caf".encode() + b"\xe9\n")
    text, problems = read_text(str(path), "f.yml")
    assert text is None and [str(p) for p in problems] == [
        "f.yml:2:7: file is not valid UTF-8: byte 0xe9 at byte offset 12; save it as UTF-8"]


def test_a_bom_is_dropped_from_text_files(tmp_path):
    path = tmp_path / "f.txt"
    path.write_bytes(b"\xef\xbb\xbfHello\r\nworld\r\n")
    assert read_text(str(path), "f.txt") == ("Hello\r\nworld\r\n", [])


def test_files_over_the_limit_are_refused_without_reading_them_whole(tmp_path):
    path = tmp_path / "f.yml"
    path.write_bytes(b"a: " + b"x" * MAX_FILE_BYTES)
    assert [str(p) for p in read_text(str(path), "f.yml")[1]] == [
        "f.yml:1:1: file is larger than 1,000,000 bytes"]


def test_a_pipe_or_folder_is_refused_rather_than_read(tmp_path):
    import os
    os.mkfifo(tmp_path / "pipe.yml")  # opening it to read would wait forever
    (tmp_path / "folder.yml").mkdir()
    for name in ("pipe.yml", "folder.yml"):
        text, problems = read_text(str(tmp_path / name), name)
        assert text is None and str(problems[0]).startswith(f"{name}:1:1: not a regular file")


@pytest.mark.parametrize("written, exact", [
    ("a: plain [x](y) é\n", True),
    ("a: \"quoted é [x](y)\"\n", True),
    ("a: 'single [x](y)'\n", True),
    ("a: |\n  line one\n    indented [x](y)\n", True),
    ("a: |-  # a comment\r\n\r\n  after a blank line [x](y)\r\n", True),
    ("a: \"escaped\\u00e9 [x](y)\"\n", False),   # the columns are no longer the value's
    ("a: >\n  folded\n  [x](y)\n", True),                # each folded line has its place
    ("a: plain\n  continued [x](y)\n", True),
    ("a: >\n  folded\n    more indented [x](y)\n", False),  # kept as lines: not folded
    ("a: |2\n    explicit [x](y)\n", False),
])
def test_a_character_of_a_text_value_is_placed_where_the_file_has_it(written, exact):
    document, problems = parse_yaml(written, "f.yml")
    assert not problems
    value = document.value["a"]
    position = document.text_at("a").at(value, value.index("[x]"))
    line = written.splitlines()[position.line - 1]
    if exact:
        assert line[position.column - 1:].startswith("[x](y)"), position
    else:  # where the value starts, never a wrong spot inside it
        assert position == document.at("a")


@given(st.lists(st.lists(st.sampled_from(["word", "[x](y)", "é", "a-b", "x.y"]), min_size=1,
                         max_size=4), min_size=2, max_size=5),
       st.sampled_from([">", ">-", ""]), st.booleans())
def test_every_character_of_a_folded_value_is_placed_exactly_or_at_its_start(
        lines, style, blank_between):
    separator = "\n\n" if blank_between and style else "\n"
    lines = [["Said"] + lines[0]] + lines[1:]  # a plain value cannot open with '['
    body = separator.join("  " + " ".join(words) for words in lines)
    written = f"a: {style}\n{body}\n" if style else f"a: {body.strip()}\n"
    document, problems = parse_yaml(written, "f.yml")
    assert not problems
    value, place = document.value["a"], document.text_at("a")
    file_lines = written.splitlines()
    for offset, character in enumerate(value):
        position = place.at(value, offset)
        if character.strip() and position != document.at("a"):
            assert file_lines[position.line - 1][position.column - 1] == character


def test_text_cut_short_by_a_comment_is_a_warning_where_the_comment_starts():
    """YAML ends unquoted text at ' #': the editor is told, at the '#', and a comment
    after a one-word value or after quoted text (meant as a comment) is left alone."""
    document, problems = parse_yaml(
        "claim: UK is the biggest #1 donor\n"
        "verdict: correct   # the best there is\n"
        "note: \"quoted\" # said of the quotes\n"
        "summary: Aid rose\n  by 5% #thanks to the pledge\n", "c.yml")
    assert document.value["claim"] == "UK is the biggest"
    assert [(p.position.line, p.position.column, p.is_warning) for p in problems] == [
        (1, 26, True), (5, 9, True)]
    assert "'#1 donor'" in problems[0].message and "quotes" in problems[0].message


@pytest.mark.parametrize("text, expected", [
    ("summary: [link](https://x.org) says so\n",
     "f.yml:1:10: invalid YAML: YAML reads a value that starts with '[' as a list: put the "
     "whole value in quotes: summary: \"[link](https://x.org) says so\""),
    ("summary: **Bold** words\n",
     "f.yml:1:10: invalid YAML: YAML reads a value that starts with '*' as a reference to "
     "another value (an alias): put the whole value in quotes: summary: \"**Bold** words\""),
    ("tags:\n  - *word* said\n",
     "f.yml:2:5: invalid YAML: YAML reads a value that starts with '*' as a reference to "
     "another value (an alias): put the whole value in quotes: - \"*word* said\""),
    # An alias to no anchor is text too, and so is an anchor nothing refers to.
    ("note: *word\n", "f.yml:1:7: invalid YAML: YAML reads a value that starts with '*' as a "
                      "reference to another value (an alias): put the whole value in quotes: "
                      "note: \"*word\""),
    ("note: &copy 2025\n", "f.yml:1:7: invalid YAML: YAML reads a value that starts with '&' "
                           "as a name for the value (an anchor): put the whole value in "
                           "quotes: note: \"&copy 2025\""),
    # On text a '!' is no type asked for: the editor's exclamation mark.
    ("note: !Important news\n", "f.yml:1:7: invalid YAML: YAML reads a value that starts "
                                "with '!' as a type tag: put the whole value in quotes: "
                                "note: \"!Important news\""),
    ("note: `code` here\n", "f.yml:1:7: invalid YAML: YAML reserves '`' at the start of a "
                            "value: put the whole value in quotes: note: \"`code` here\""),
    ("note: @someone said\n", "f.yml:1:7: invalid YAML: YAML reserves '@' at the start of a "
                              "value: put the whole value in quotes: note: \"@someone said\""),
    ("note: %d of them\n", "f.yml:1:7: invalid YAML: YAML reserves '%' at the start of a "
                           "value: put the whole value in quotes: note: \"%d of them\""),
    ("note: - not a list\n", "f.yml:1:7: invalid YAML: YAML reads a value that starts with "
                             "'-' as a list item: put the whole value in quotes: "
                             "note: \"- not a list\""),
    # In a list written '[a, b]', the item.
    ("tags: [a, @b, c]\n", "f.yml:1:11: invalid YAML: YAML reserves '@' at the start of an "
                           "item: put the whole item in quotes: \"@b\""),
    ("tags: [a, *b]\n", "f.yml:1:11: invalid YAML: YAML reads an item that starts with '*' as "
                        "a reference to another value (an alias): put the whole item in "
                        "quotes: \"*b\""),
    # A double quote or backslash inside: single quotes need no escapes.
    ('note: [sic] "x" \\ y\n', "f.yml:1:7: invalid YAML: YAML reads a value that starts with "
                               "'[' as a list: put the whole value in quotes: "
                               "note: '[sic] \"x\" \\ y'"),
])
def test_a_value_opening_with_a_character_yaml_reserves_is_told_to_be_quoted(text, expected):
    assert _only_error(text) == expected


def test_values_that_only_look_reserved_are_text_or_what_they_say():
    document, problems = parse_yaml("a: -5\nb: ?x\nc: [x, y]\nd: x [y] *z* &w\n", "f.yml")
    assert problems == []
    assert document.value == {"a": -5, "b": "?x", "c": ["x", "y"], "d": "x [y] *z* &w"}


@pytest.mark.parametrize("text, expected", [
    ("claim: 'It's true'\n", "f.yml:1:11: invalid YAML: the apostrophe in It's ends the "
                             "single-quoted value: write the value in double quotes instead: "
                             "claim: \"It's true\""),
    ("claim: 'It's true\n", "f.yml:1:11: invalid YAML: the apostrophe in It's ends the "
                            "single-quoted value: write the value in double quotes instead: "
                            "claim: \"It's true\""),
    ("- 'the council's bridge'  # a comment\n",
     "f.yml:1:15: invalid YAML: the apostrophe in council's ends the single-quoted value: "
     "write the value in double quotes instead: - \"the council's bridge\""),
    ("claim: 'It's \"true\"'\n", "f.yml:1:11: invalid YAML: the apostrophe in It's ends the "
                                 "single-quoted value: write each ' in it twice: "
                                 "claim: 'It''s \"true\"'"),
    ('claim: "He said "no" today"\n', "f.yml:1:17: invalid YAML: the \" before no ends the "
                                      "quoted value early: write the value in single quotes "
                                      "instead: claim: 'He said \"no\" today'"),
    ('quote: "No," he said\n', "f.yml:1:12: invalid YAML: the quoted value ends at this \", "
                               "and more text follows: put the whole value in quotes: "
                               "quote: '\"No,\" he said'"),
])
def test_a_quoted_value_ended_by_a_quote_mark_inside_it_says_how_to_write_it(text, expected):
    assert _only_error(text) == expected


def test_quoted_values_followed_by_a_comment_or_used_as_keys_are_fine():
    document, problems = parse_yaml("'a': 'x' # c\n\"b\": \"it''s\"\nc: 'it''s'\n", "f.yml")
    assert problems == [] and document.value == {"a": "x", "b": "it''s", "c": "it's"}


@pytest.mark.parametrize("text, expected", [
    # YAML reads the line as text and fails on the next one, or at the end of the file.
    ("claim: x\nverdict:correct\nsummary: y\n",
     "f.yml:2:8: invalid YAML: put a space after the colon, or YAML does not read 'verdict' "
     "as a key: verdict: correct"),
    ("claim: x\nverdict:correct\n",
     "f.yml:2:8: invalid YAML: put a space after the colon, or YAML does not read 'verdict' "
     "as a key: verdict: correct"),
    ("appearances:\n  - source:alpha\n    quote: the words\n",
     "f.yml:2:11: invalid YAML: put a space after the colon, or YAML does not read 'source' "
     "as a key: source: alpha"),
    ("claim: x\nurl:https://example.org/a\nnote: y\n",
     "f.yml:2:4: invalid YAML: put a space after the colon, or YAML does not read 'url' as a "
     "key: url: https://example.org/a"),
])
def test_a_key_without_a_space_after_its_colon_is_reported_on_its_own_line(text, expected):
    assert _only_error(text) == expected


APPEARANCE = "appearances:\n  - source: alpha\n"


@pytest.mark.parametrize("text, expected", [
    # A value on the next line must be indented under its key.
    (APPEARANCE + "    quote:\n    will last\n    note: x\n",
     "f.yml:4:5: invalid YAML: this line must be indented more than 'quote:' on line 3 to be "
     "its value: indent it to column 7, or write it on line 3 after 'quote:'"),
    (APPEARANCE + "    quote:\n   will last\n",
     "f.yml:4:4: invalid YAML: this line must be indented more than 'quote:' on line 3 to be "
     "its value: indent it to column 7, or write it on line 3 after 'quote:'"),
    ("claim: x\nclaimant:\nCouncil spokesperson\n",
     "f.yml:3:1: invalid YAML: this line must be indented more than 'claimant:' on line 2 to "
     "be its value: indent it to column 3, or write it on line 2 after 'claimant:'"),
    # So must text going on over lines.
    (APPEARANCE + "    quote: will last no more\n   than six weeks\n",
     "f.yml:4:4: invalid YAML: this line must be indented more than 'quote:' on line 3 to go "
     "on with its text: indent it to column 7, or join it to the line above"),
    # Lined up with the keys, it may as well be a key that lost its colon.
    ("claim: x\nclaimant Council spokesperson\ndate: 2025-02-19\n",
     "f.yml:2:1: invalid YAML: this line is neither a key (no ':' after one) nor indented "
     "under 'claim:' on line 1 to go on with its text: put ':' after the key, or indent the "
     "line to column 3"),
    ("summary: |\n  The council said\n gives the limit\n",
     "f.yml:3:2: invalid YAML: this line is indented less than line 2, the first of the text "
     "of 'summary:' on line 1, so YAML ends the text above it: indent it to column 3"),
    # Keys and list items line up with the ones above them.
    (APPEARANCE + "   quote: will last\n",
     "f.yml:3:4: invalid YAML: 'quote' is indented 1 space less than 'source' above it: line "
     "the keys up"),
    (APPEARANCE + "    quote: will last\n   - source: beta\n     quote: x\n",
     "f.yml:4:4: invalid YAML: this list item is indented 1 space more than the one on line "
     "2: line the '-' up with it"),
    ("tags:\n  - transport\n - council\n",
     "f.yml:3:2: invalid YAML: this list item is indented 1 space less than the one on line "
     "2: line the '-' up with it"),
    # Deeper than the text above it, an item is read as more of that text, and YAML fails
    # at its colon: the '-' is the mistake, not the colon.
    (APPEARANCE + "    quote: will last\n      - source: beta\n        quote: x\n",
     "f.yml:4:7: invalid YAML: this list item is indented 4 spaces more than the one on line "
     "2: line the '-' up with it"),
])
def test_a_line_out_of_line_with_the_ones_above_is_the_error_not_where_yaml_gave_up(
        text, expected):
    assert _only_error(text) == expected


def test_lines_yaml_reads_as_meant_are_no_indentation_mistake():
    """A list at its key's indentation, blocks of text, values running over lines: the
    mistake is found after them all, not in them."""
    text = ("tags:\n- a\n- b\nsummary: |2\n    deeper\n  less\nnote: >\n  one\n\n  two\n"
            "quote: \"runs\n  on\"\nlist: [a,\n  b]\nplain: runs\n  on\n")
    document, problems = parse_yaml(text, "f.yml")
    assert problems == [] and document.value["tags"] == ["a", "b"]
    assert _only_error(text + "last:\nvalue\n").startswith(
        "f.yml:18:1: invalid YAML: this line must be indented more than 'last:' on line 17")


def test_a_mistake_whose_fix_is_certain_leaves_the_rest_of_the_file_read():
    """Quotes round a value, a space after a colon: the fix is made in a copy and the copy
    read on, so that one run reports the whole file. The values mended are left out, as
    values in error are, and not called missing."""
    document, problems = parse_yaml(
        "claim: 'It's true'\nclaimant: **Council**\nverdict:correct\n"
        "summary: [a](b) c\n  more\ntags: [a, @b, c]\ndate: 2025-02-30\nnote: x\n", "f.yml")
    assert [(p.position.line, p.position.column) for p in problems] == [
        (1, 11), (2, 11), (3, 8), (4, 10), (6, 11), (7, 7)]
    assert document.value == {"claim": None, "claimant": None, "verdict": None,
                              "summary": None, "tags": ["a", None, "c"], "date": None,
                              "note": "x"}
    assert {("claim",), ("claimant",), ("verdict",), ("summary",), ("tags", 1)} <= document.failed
    assert document.at("note").line == 8


def test_a_mistake_without_a_certain_fix_ends_the_reading_there():
    document, problems = parse_yaml("claim: [link](x) y\nquote:\nwill last\nnote: *x\n", "f.yml")
    assert document is None
    assert [(p.position.line, p.position.column) for p in problems] == [(1, 8), (3, 1)]


SPACE_HERE = ("invalid YAML: a tab is allowed only inside quoted text, a '|' block or a "
              "comment: ")


@pytest.mark.parametrize("loader", ["CSafeLoader", "SafeLoader"])
@pytest.mark.parametrize("text, expected", [
    ("claim:\tText\n", [f"f.yml:1:7: {SPACE_HERE}use a space here"]),
    ("claim\t: Text\n", [f"f.yml:1:6: {SPACE_HERE}use a space here"]),
    ("tags: [a,\tb]\n", [f"f.yml:1:10: {SPACE_HERE}use a space here"]),
    ("claim: Text\t\nnote:\tx\n", [f"f.yml:1:12: {SPACE_HERE}delete it",
                                  f"f.yml:2:6: {SPACE_HERE}use a space here"]),
    ("claimant: Council\tspokesperson\n",
     ["f.yml:1:18: invalid YAML: a tab in unquoted text: use a space, or put the text in "
      "quotes to keep the tab"]),
    ("a:\n\tb: 1\n", ["f.yml:2:1: invalid YAML: a tab character cannot indent YAML; use spaces"]),
    # Kept: in quotes, in a block of text, in a comment.
    ('a: "x\ty"\nb: |\n  x\ty\nc: x # a\tcomment\n', []),
])
def test_a_tab_outside_quoted_text_is_refused_alike_by_either_yaml_reader(
        monkeypatch, loader, text, expected):
    """PyYAML's C part reads a tab after a colon as a space, its Python part refuses it:
    a file must check the same wherever it is checked."""
    if not hasattr(yaml, loader):
        pytest.skip(f"PyYAML has no {loader} here")
    monkeypatch.setattr(yamlfile, "_Loader", getattr(yaml, loader))
    problems = [str(problem) for problem in parse_yaml(text, "f.yml")[1]]
    assert [problem for problem in problems if ": warning: " not in problem] == expected


def test_a_value_opening_with_a_hash_is_a_warning_that_it_is_empty():
    """'claim: #1 donor' is a comment after an empty key; 'verdict: # to do' is meant so."""
    document, problems = parse_yaml("claim: #1 donor\nverdict: # to do\n", "f.yml")
    assert document.value == {"claim": None, "verdict": None}
    assert [str(p) for p in problems] == [
        "f.yml:1:8: warning: the value is empty: YAML reads '#1 donor' as a comment; put the "
        "whole text in quotes to keep it"]


RUN_ON_INTO_TEXT = ("YAML reads this line as more of the text of 'note:' on line {line}, not as "
                    "a list item: '{value}'; for a list, start it on the line below 'note:'; to "
                    "keep the lines as written (a Markdown list), write 'note: |' with the text "
                    "below it; to mean the dash, put the text in quotes")


@pytest.mark.parametrize("loader", ["CSafeLoader", "SafeLoader"])
@pytest.mark.parametrize("text, value, expected", [
    # One space too deep, a list item is more of the one above: one tag, not two.
    ("tags:\n  - defence\n   - ukraine\n", {"tags": ["defence - ukraine"]},
     ["f.yml:3:4: warning: this list item is indented 1 space more than the one on line 2, "
      "so YAML reads it as more of that item's text: 'defence - ukraine'; indent it like the "
      "item above: column 3"]),
    # Each item run on is told: each needs moving.
    ("tags:\n- defence\n    - ukraine\n    -\n", {"tags": ["defence - ukraine -"]},
     ["f.yml:3:5: warning: this list item is indented 4 spaces more than the one on line 2, "
      "so YAML reads it as more of that item's text: 'defence - ukraine -'; indent it like "
      "the item above: column 1",
      "f.yml:4:5: warning: this list item is indented 4 spaces more than the one on line 2, "
      "so YAML reads it as more of that item's text: 'defence - ukraine -'; indent it like "
      "the item above: column 1"]),
    # Under a key, once: one fix mends every line.
    (APPEARANCE + "    quote: x\n    note: first\n     - second\n     - third\n",
     {"appearances": [{"source": "alpha", "quote": "x", "note": "first - second - third"}]},
     ["f.yml:5:6: warning: " + RUN_ON_INTO_TEXT.format(line=4, value="first - second - third")]),
    ("note: Three things\r\n\r\n  - one\r\n", {"note": "Three things\n- one"},
     ["f.yml:3:3: warning: " + RUN_ON_INTO_TEXT.format(line=1, value="Three things - one")]),
    ("note:\n  first\n  - second\n", {"note": "first - second"},
     ["f.yml:3:3: warning: YAML reads this line as more of the text on line 2, not as a list "
      "item: 'first - second'; to keep the lines as written (a Markdown list), write it as a "
      "block after '|'; to mean the dash, put the text in quotes"]),
])
def test_a_list_item_read_as_more_of_the_text_above_is_a_warning_at_its_dash(
        monkeypatch, loader, text, value, expected):
    """YAML reads a line indented deeper than the '-' or key above it as more of its
    unquoted text, '- ' and all, and fails at nothing: the editor would never know."""
    if not hasattr(yaml, loader):
        pytest.skip(f"PyYAML has no {loader} here")
    monkeypatch.setattr(yamlfile, "_Loader", getattr(yaml, loader))
    document, problems = parse_yaml(text, "f.yml")
    assert document.value == value
    assert [str(problem) for problem in problems] == expected


@pytest.mark.parametrize("text", [
    "summary: The figure\n  rose by\n  -5 per cent\n  — as the report says -\n  twice\n",
    "summary: \"A quoted text\n  - with a dash\"\n",
    "summary: 'A quoted text\n  - with a dash'\n",
    "summary: |\n  Three things:\n  - one\n   - two\n",
    "summary: >\n  Folded\n  - with a dash\n",
    "tags:\n  - defence\n  - ukraine\n",
    "tags: [defence,\n  ukraine]\n",
    "note: text  # a comment\n  # - not text\n",
])
def test_text_over_lines_and_lists_lined_up_are_not_told(text):
    assert parse_yaml(text, "f.yml")[1] == []
