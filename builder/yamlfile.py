"""YAML loading that remembers where every key and value came from.

PyYAML's constructors forget positions and silently keep the last of two equal keys, so
we compose the node graph ourselves and build plain values with a position table beside.
Aliases are refused outright: they buy editors nothing and make "billion laughs" possible.
A first pass over the parser's events (iterative, in C) refuses aliases at the alias and
deep nesting before composing, whose recursion crashes the interpreter on a "[[[[…" bomb.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Mapping

import yaml

from .errors import Position, Problem, TextPlace, brief, error, errors_in, warning
from .yamlmistakes import Mistake, explain, items_run_on, opening_mistake, tab_mistake

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 20
MAX_NODES = 50_000
MAX_MENDS = 20  # mistakes mended in one file, to read on, before the rest is left unread

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR_TAG = "tag:yaml.org,2002:str"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_BOOL_TAG = "tag:yaml.org,2002:bool"
_NULL_TAG = "tag:yaml.org,2002:null"
# The tags plain YAML resolves to by itself; an explicit other tag (!!binary, !!python/…,
# !custom) asks for a type editors never need.
_PLAIN_TAGS = {f"tag:yaml.org,2002:{name}"
               for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}
# C0 controls other than tab, line feed and carriage return, DEL, C1 controls, surrogates
# and the two non-characters: invisible in an editor, and each makes the feed or sitemap
# invalid XML (a surrogate cannot even be written out as UTF-8).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

KeyPath = tuple


@dataclass(frozen=True)
class YamlDocument:
    path: str
    value: object
    value_positions: Mapping[KeyPath, tuple[int, int]] = field(repr=False, compare=False)
    key_positions: Mapping[KeyPath, tuple[int, int]] = field(repr=False, compare=False)
    # Values that could not be read (an impossible date, a tag): None in `value`, their
    # errors already reported, so later checks do not call them missing as well.
    failed: frozenset = field(default=frozenset(), repr=False, compare=False)
    text_places: Mapping[KeyPath, TextPlace] = field(default_factory=dict, repr=False,
                                                     compare=False)
    # Unquoted words YAML reads as true or false ('yes', 'No', 'on'), as written: where
    # text is expected they are the text the editor typed ('verdict: true').
    true_false_words: Mapping[KeyPath, str] = field(default_factory=dict, repr=False,
                                                    compare=False)

    def at(self, *keypath) -> Position:
        """Where the value at keypath starts (or its nearest parent, when it is missing)."""
        return self._position(self.value_positions, keypath)

    def text_at(self, *keypath) -> TextPlace:
        """Where the text value at keypath is written, to point at a character of it."""
        return self.text_places.get(keypath) or TextPlace(self.at(*keypath))

    def key_at(self, *keypath) -> Position:
        if keypath in self.key_positions:
            return self._position(self.key_positions, keypath)
        return self.at(*keypath)

    def _position(self, table, keypath) -> Position:
        while keypath not in table and keypath:
            keypath = keypath[:-1]
        line, column = table.get(keypath, (1, 1))
        return Position(self.path, line, column)


def read_text(path: str, shown_as: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 file contents (BOM dropped, CRLF kept), or the reason not."""
    if os.path.exists(path) and not os.path.isfile(path):  # a pipe would block the build
        return None, [error(Position(shown_as), "not a regular file (a folder, a pipe or a "
                                                "device?); content files are plain text")]
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return None, [error(Position(shown_as), f"cannot read file: {exc.strerror}")]
    if len(raw) > MAX_FILE_BYTES:
        return None, [error(Position(shown_as), f"file is larger than {MAX_FILE_BYTES:,} bytes")]
    text, problems = decode_utf8(raw, shown_as)
    if text is None:
        return None, problems
    text = text.removeprefix("\ufeff")
    control = control_character(text, shown_as)
    return (None, [control]) if control else (text, [])


def control_character(text: str, shown_as: str) -> Problem | None:
    """The first control character in text, as an error at its line and column."""
    found = _CONTROL.search(text)
    if found is None:
        return None
    line, column = line_column(text, found.start())
    return error(Position(shown_as, line, column),
                 f"file contains the invisible character U+{ord(found.group()):04X}, which is "
                 "not allowed in text; delete it (was the file saved as plain text?)")


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def decode_utf8(raw: bytes, shown_as: str) -> tuple[str | None, list[Problem]]:
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        message = (f"file is not valid UTF-8: byte 0x{raw[exc.start]:02x} at byte offset "
                   f"{exc.start}; save it as UTF-8")
        return None, [error(Position(shown_as, line, column), message)]


def load_yaml(path: str, shown_as: str) -> tuple[YamlDocument | None, list[Problem]]:
    text, problems = read_text(path, shown_as)
    if text is None:
        return None, problems
    return parse_yaml(text, shown_as)


def parse_yaml(text: str, shown_as: str) -> tuple[YamlDocument | None, list[Problem]]:
    text = text.removeprefix("\ufeff")
    if not text.strip():
        return None, [error(Position(shown_as), "file is empty")]
    root, problems, text, mended = _compose_mending(text, shown_as)
    if root is None:
        return None, problems or [error(Position(shown_as), "file holds no YAML value")]
    builder = _ValueBuilder(shown_as, text, mended)
    value = builder.build(root, (), 0)
    problems += builder.problems
    if builder.aborted or (errors_in(problems) and not isinstance(value, dict)):
        return None, problems
    # With a value in error, the rest is still checked, so that one run reports it all.
    document = YamlDocument(shown_as, value, builder.value_positions, builder.key_positions,
                            frozenset(builder.failed), builder.text_places,
                            builder.true_false_words)
    return document, problems


def _compose_mending(text: str, shown_as: str) -> tuple[object, list[Problem], str, frozenset]:
    """The node graph of text, with the mistakes met on the way. One whose fix is certain
    (quotes round a value, a space after a colon) is made in a copy, line for line, and
    the copy read on, so that one run reports the rest of the file too; where the values
    mended start is given, for them to be left out."""
    problems: list[Problem] = []
    mended: set[tuple[int, int]] = set()
    while True:
        root, problem, mistake = _compose(text, shown_as)
        if problem is None:
            return root, problems, text, frozenset(mended)
        if problem in problems:  # the mend did not take: say it once
            return None, problems, text, frozenset(mended)
        problems.append(problem)
        if mistake is None or mistake.mended is None or len(problems) > MAX_MENDS:
            return None, problems, text, frozenset(mended)
        text = mistake.mended
        if mistake.mended_value:
            mended.add(mistake.mended_value)


def _compose(text: str, shown_as: str) -> tuple[object, Problem | None, Mistake | None]:
    """The node graph of text, or the first reason there is none (with its mend, if any)."""
    problem = control_character(text, shown_as)
    if problem:
        return None, problem, None
    try:
        mistake = _shape_mistake(text) or _tab_outside_text(text)
        if mistake is None:
            return yaml.compose(text, Loader=_Loader), None, None
    except yaml.MarkedYAMLError as exc:
        mistake = explain(exc, text)
    except yaml.reader.ReaderError as exc:
        line, column = line_column(text, min(exc.position, len(text)))
        return None, error(Position(shown_as, line, column),
                           f"invalid YAML: the character U+{exc.character:04X} is not "
                           "allowed"), None
    except yaml.YAMLError as exc:
        return None, error(Position(shown_as), f"invalid YAML: {_one_line(str(exc))}"), None
    return (None, error(Position(shown_as, mistake.line, mistake.column), mistake.message),
            mistake)


def _shape_mistake(text: str) -> Mistake | None:
    """Aliases, anchors and nesting too deep or too large, found in the event stream before
    composing."""
    depth = events = 0
    anchors: dict = {}
    for event in yaml.parse(text, Loader=_Loader):
        events += 1
        if isinstance(event, yaml.AliasEvent):
            if event.anchor not in anchors:  # '*word*' meant as emphasis, not a reference
                return _opening_mistake(text, event)
            return _event_mistake(event, "YAML aliases (*name) are not allowed: write the "
                                         "value out again")
        if getattr(event, "anchor", None):
            anchors.setdefault(event.anchor, event)
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        if depth > MAX_DEPTH or events > 2 * MAX_NODES:
            return _event_mistake(event, _TOO_BIG)
    # Named but never referred to: 'summary: &copy 2025' drops '&copy' without a word.
    unused = next(iter(anchors.values()), None)
    if isinstance(unused, yaml.ScalarEvent):
        return _opening_mistake(text, unused)
    if unused:
        return _event_mistake(unused, f"YAML anchors (&name) are not allowed: remove "
                                      f"'&{unused.anchor}'")
    return None


def _tab_outside_text(text: str) -> Mistake | None:
    """The first tab outside quoted text, a '|' or '>' block and comments. PyYAML's C part
    reads one after a colon as a space, its Python part refuses it: refused here too,
    a file checks the same with either."""
    if "\t" not in text:
        return None
    kept = [(event.start_mark.index, event.end_mark.index)
            for event in yaml.parse(text, Loader=_Loader)
            if isinstance(event, yaml.ScalarEvent) and event.style]
    line_start = 0
    for line, written in enumerate(text.splitlines(keepends=True)):  # YAML's line breaks
        for column in (found.start() for found in re.finditer("\t", written)):
            offset = line_start + column
            if not any(start <= offset < end for start, end in kept) and \
                    not _in_comment(written[:column]):
                return tab_mistake(text, line, column)
        line_start += len(written)
    return None


def _in_comment(before: str) -> bool:
    """Whether what comes before a place on its line opens a comment: a '#' after a space
    or at the start, outside quotes. A tab in a comment is nobody's business."""
    unquoted = _QUOTED_TEXT.sub(lambda quoted: "x" * len(quoted.group()), before)
    return re.search(r"(?:^|[ \t])#", unquoted) is not None


_QUOTED_TEXT = re.compile(r"'[^']*'|\"(?:[^\"\\]|\\.)*\"")


def _opening_mistake(text: str, event) -> Mistake:
    mark = event.start_mark
    mistake = opening_mistake(text, mark.line, mark.column)
    # None: not written where the event says; refused all the same
    return mistake or _event_mistake(event, "YAML anchors and aliases (&name, *name) are "
                                            "not allowed")


def _event_mistake(event, message: str) -> Mistake:
    mark = event.start_mark
    return Mistake(mark.line + 1, mark.column + 1, message)


_TOO_BIG = (f"value is nested too deeply or is too large "
            f"(more than {MAX_DEPTH} levels or {MAX_NODES:,} values)")


def _one_line(message: str) -> str:
    """PyYAML adds '  in "<unicode string>", line …' on lines of its own; we give positions."""
    return message.splitlines()[0].strip() if message.strip() else "invalid YAML"


class _ValueBuilder:
    def __init__(self, shown_as: str, text: str, mended: frozenset = frozenset()):
        self.shown_as = shown_as
        self.text = text
        self.lines: list[str] | None = None  # of text, split when first needed
        self.mended = mended  # where values mended to read on start: left out
        self.text_places: dict = {}
        self.true_false_words: dict = {}
        self.problems: list[Problem] = []
        self.value_positions: dict = {}
        self.key_positions: dict = {}
        self.seen_nodes: set[int] = set()
        self.failed: set = set()
        self.aborted = False
        self.scalars = yaml.constructor.SafeConstructor()

    def build(self, node, keypath, depth):
        if self.aborted:
            return None
        self.value_positions[keypath] = _line_column(node)
        if id(node) in self.seen_nodes:
            self.aborted = True
            return self._fail(node, "YAML anchors and aliases (&name, *name) are not allowed")
        self.seen_nodes.add(id(node))
        if depth > MAX_DEPTH or len(self.seen_nodes) > MAX_NODES:
            self.aborted = True
            return self._fail(node, _TOO_BIG)
        if node.tag not in _PLAIN_TAGS:
            self.failed.add(keypath)
            return self._fail(node, self._tag_refused(node))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, keypath, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, keypath + (i,), depth + 1) for i, item in enumerate(node.value)]
        if _line_column(node) in self.mended:
            self.failed.add(keypath)  # in error already: neither read nor called missing
            return None
        before = len(self.problems)
        value = self._scalar(node)
        if node.tag == _STR_TAG:
            self.text_places[keypath] = self._text_place(node)
        elif node.tag == _BOOL_TAG:
            self.true_false_words[keypath] = node.value
        if errors_in(self.problems[before:]):
            self.failed.add(keypath)
        return value

    def _tag_refused(self, node) -> str:
        """'!!binary' asks for a type; '!Important news' is text that opens with '!'."""
        shown = node.tag.replace("tag:yaml.org,2002:", "!!")
        opening = (opening_mistake(self.text, node.start_mark.line, node.start_mark.column)
                   if isinstance(node, yaml.ScalarNode) and not shown.startswith("!!") else None)
        return opening.message if opening else (f"YAML tags such as '{shown}' are not "
                                                "allowed; write a plain value")

    def _mapping(self, node, keypath, depth):
        result: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                return self._fail(key_node, "YAML merge keys (<<) are not allowed")
            if not isinstance(key_node, yaml.ScalarNode):
                return self._fail(key_node, "a key must be plain text")
            key = key_node.value
            if key in result:
                first = self.key_positions[keypath + (key,)][0]
                self._fail(key_node, f"duplicate key '{key}' (first set on line {first}); "
                                     "a later value would silently win")
                continue
            self.key_positions[keypath + (key,)] = _line_column(key_node)
            result[key] = self.build(value_node, keypath + (key,), depth + 1)
        return result

    def _scalar(self, node):
        if node.tag == _STR_TAG:
            # A double-quoted escape ("\x01") is deliberate, so only a warning: the outputs
            # replace what they cannot carry. NUL is refused where text is read (schema).
            found = _CONTROL.search(node.value)
            if found and found.group() != "\0":
                line, column = _line_column(node)
                self.problems.append(warning(
                    Position(self.shown_as, line, column),
                    f"text contains the invisible character U+{ord(found.group()):04X} "
                    "(written as an escape); remove it unless it is meant"))
            if not node.style:  # plain ('' from the C loader, None from the Python one)
                self._comment_cuts(node)
                self._items_run_on(node)
            return node.value
        if node.tag == _NULL_TAG and node.value == "":
            self._comment_empties(node)
        try:
            value = self.scalars.construct_object(node, deep=True)
        except (ValueError, OverflowError, yaml.YAMLError) as exc:
            reason = getattr(exc, "problem", None) or _one_line(str(exc))
            if node.tag == _TIMESTAMP_TAG:
                return self._fail(node, f"'{brief(node.value)}' is not a real date ({reason}); "
                                        "write it YYYY-MM-DD")
            kind = node.tag.rpartition(":")[2]
            return self._fail(node, f"cannot read '{brief(node.value)}' as {kind} "
                                    f"({brief(reason, 80)}); put it in quotes if it is text")
        return value

    def _comment_cuts(self, node) -> None:
        """'claim: the biggest #1 donor': YAML ends unquoted text at ' #' and drops the
        rest as a comment. Said of text of several words, or where one space comes before
        the '#'; 'verdict: correct   # best' is a comment meant."""
        end = node.end_mark
        comment = _COMMENT_AFTER.match(self.text, end.index)
        if comment is None or (" " not in node.value and comment.group(1) != " "):
            return
        self.problems.append(warning(
            Position(self.shown_as, end.line + 1, end.column + len(comment.group(1)) + 1),
            f"the text stops before '#{brief(comment.group(2), 30)}': YAML reads ' #' and "
            "what follows as a comment; put the whole text in quotes to keep it"))

    def _items_run_on(self, node) -> None:
        """'- defence' over '   - ukraine': one tag, 'defence - ukraine', read without a
        word from YAML. A warning, as a comment cutting text is: the file may mean it."""
        start, end = node.start_mark, node.end_mark
        if start.line == end.line:
            return
        if self.lines is None:
            self.lines = self.text.splitlines()
        self.problems += [warning(Position(self.shown_as, mistake.line, mistake.column),
                                  mistake.message)
                          for mistake in items_run_on(self.lines, start.line, start.column,
                                                      end.line, node.value)]

    def _comment_empties(self, node) -> None:
        """'claim: #1 donor': a value opening with '#' is a comment, and the key empty.
        Said where the '#' touches the word after it; 'verdict: # to do' is a comment meant."""
        comment = _COMMENT_AFTER.match(self.text, node.end_mark.index)
        if comment is None or comment.group(1) != " " or not comment.group(2)[:1].strip():
            return
        end = node.end_mark
        self.problems.append(warning(
            Position(self.shown_as, end.line + 1, end.column + 2),
            f"the value is empty: YAML reads '#{brief(comment.group(2).rstrip(), 30)}' as a "
            "comment; put the whole text in quotes to keep it"))

    def _text_place(self, node) -> TextPlace:
        start = Position(self.shown_as, *_line_column(node))
        if node.style == "|":
            body = self.text[node.start_mark.index:node.end_mark.index]
            header, _, lines = body.partition("\n")
            first = next((line for line in lines.split("\n") if line.strip()), None)
            if first is None or any(c.isdigit() for c in header.split("#")[0]):
                return TextPlace(start)  # nothing to point at, or an explicit indentation
            return TextPlace(start, indent=len(first) - len(first.lstrip(" ")))
        plain = not node.style  # None from PyYAML's own parser, "" from libyaml's
        if node.start_mark.line != node.end_mark.line and (plain or node.style == ">"):
            return TextPlace(start, folded=self._folded_lines(node, plain))
        if node.start_mark.line != node.end_mark.line or not (plain or node.style in "'\""):
            return TextPlace(start)
        written = self.text[node.start_mark.index:node.end_mark.index]
        if plain:
            return TextPlace(start, inline=written == node.value)
        if written[1:-1] != node.value:  # escapes or doubled quotes: columns shifted
            return TextPlace(start)
        return TextPlace(Position(start.path, start.line, start.column + 1), inline=True)

    def _folded_lines(self, node, plain: bool) -> tuple[tuple[int, int, int], ...]:
        """For a value folded from several lines, (offset in the value, line, column) of
        each line's words; () where folding them again does not give the value (more
        indented lines, escapes), so that no position is ever wrong."""
        first_line = node.start_mark.line + (0 if plain else 1)
        lines = self.text[node.start_mark.index:node.end_mark.index].split("\n")
        if not plain:
            lines = lines[1:]  # the '>' header
        parts, folded, blank = [], "", False
        for number, line in enumerate(lines, start=first_line):
            words = line.strip(" ")
            if not words:
                blank = True
                continue
            column = (node.start_mark.column if plain and number == node.start_mark.line
                      else len(line) - len(line.lstrip(" ")))
            if folded:
                folded += "\n" if blank else " "
            parts.append((len(folded), number + 1, column + 1))
            folded, blank = folded + words, False
        return tuple(parts) if folded == node.value.rstrip("\n") else ()

    def _fail(self, node, message):
        line, column = _line_column(node)
        self.problems.append(error(Position(self.shown_as, line, column), message))
        return None


_COMMENT_AFTER = re.compile(r"([ \t]+)#([^\n]*)")


def _line_column(node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1
