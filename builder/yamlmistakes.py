"""What an editor got wrong in YAML that does not parse, said where the mistake is; and
in YAML that parses, but not as the editor meant (a list item read as text).

PyYAML reports where it gave up, in its own terms ("did not find expected key"); an editor
needs where the mistake is, which is often earlier, and what to write instead.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from .errors import brief


@dataclass(frozen=True)
class Mistake:
    line: int  # 1-based, as editors count
    column: int
    message: str
    # Where the fix is certain (quotes round a value, a space after a colon): the text with
    # it made, line for line, so that the rest of the file can still be read and checked,
    # and where the value mended starts in it (line and column, 1-based).
    mended: str | None = None
    mended_value: tuple[int, int] | None = None


def explain(exc: yaml.MarkedYAMLError, text: str) -> Mistake:
    """The first explanation that fits, tried from the surest."""
    lines = text.splitlines()
    for explanation in (_tab, _second_document, _left_open, _key_without_space,
                        _quotes_closed_early, _reserved_opener, _misindented,
                        _colon_in_value):
        mistake = explanation(exc, text, lines)
        if mistake:
            return mistake
    return _as_reported(exc)


def _tab(exc, text, lines) -> Mistake | None:
    mark = exc.problem_mark or exc.context_mark
    if mark and _char_at(lines, mark.line, mark.column) == "\t":
        return tab_mistake(text, mark.line, mark.column)
    return None


def tab_mistake(text: str, line: int, column: int) -> Mistake:
    """The tab at (line, column), 0-based, outside quoted text, a '|' block or a comment.
    PyYAML without its C part refuses every such tab, and with it some (in indentation):
    refused alike, a file checks the same on every machine. Outside indentation (where
    how deep was meant is not known) a space in its place is the fix, and the rest of the
    file is read with it."""
    lines = text.splitlines()
    before, after = lines[line][:column], lines[line][column + 1:].strip(" \t")
    if not before.strip(" \t"):
        return Mistake(line + 1, column + 1, "invalid YAML: a tab character cannot indent "
                                             "YAML; use spaces")
    allowed = "a tab is allowed only inside quoted text, a '|' block or a comment"
    if not after:
        message = f"{allowed}: delete it"
    elif before.rstrip(" \t")[-1] in ":-,[{?" or after[0] in "#:,]}":
        message = f"{allowed}: use a space here"
    else:
        message = ("a tab in unquoted text: use a space, or put the text in quotes to keep "
                   "the tab")
    mended = _with_lines(text, line, [before + " " + lines[line][column + 1:]])
    return Mistake(line + 1, column + 1, f"invalid YAML: {message}", mended)


def _second_document(exc, text, lines) -> Mistake | None:
    if not (exc.context or "").startswith("expected a single document"):
        return None
    return _at(exc.problem_mark or exc.context_mark,
               "a second YAML document starts here: a file holds one, so remove this '---' "
               "line or move what follows to a file of its own")


def _left_open(exc, text, lines) -> Mistake | None:
    """For an unclosed quote or bracket, the mistake is where it was opened, often many
    lines before PyYAML gave up."""
    context, problem = exc.context_mark, exc.problem_mark
    if not (context and problem and context.line < problem.line):
        return None
    reached = f"YAML reached line {problem.line + 1}, column {problem.column + 1} looking for it"
    opened = _unclosed(exc, lines)
    if opened:
        return _at(context, f"{opened} ({reached})")
    left_open = _quote_left_open(lines, context.line, problem.line)
    if left_open:
        quote = _char_at(lines, left_open.line, left_open.column)
        return _at(left_open, f"this quoted value's opening {quote} is not closed on its "
                              f"line: end it with {quote} ({reached})")
    return None


# 'verdict:correct': a key, then its value with no space between ('url:https://…' too,
# but not a line that is itself an address).
_KEY_WITHOUT_SPACE = re.compile(r"^[ ]*(?:-[ ]+)*([A-Za-z_][\w-]*):(?![\s/]|$)")


def _key_without_space(exc, text, lines) -> Mistake | None:
    """YAML reads 'verdict:correct' as text and fails on a later line (the next key, or
    the end of the file): look from where what it was reading starts."""
    problem = exc.problem_mark
    if problem is None:
        return None
    context = exc.context_mark
    first = (context.line if context and context.line <= problem.line
             else _line_above(lines, problem.line))
    for number in range(first, min(problem.line + 1, len(lines))):
        found = _KEY_WITHOUT_SPACE.match(lines[number])
        if found:
            key, colon = found.group(1), found.end(1)
            value = lines[number][colon + 1:].rstrip()
            return Mistake(number + 1, colon + 1,
                           f"invalid YAML: put a space after the colon, or YAML does not read "
                           f"'{key}' as a key: {key}: {brief(value)}",
                           _with_lines(text, number, [f"{lines[number][:colon + 1]} {value}"]),
                           (number + 1, colon + 3))
    return None


def _line_above(lines: list[str], line: int) -> int:
    """The nearest line above with something on it, or line itself at the top."""
    above = [number for number in range(min(line, len(lines))) if lines[number].strip()]
    return above[-1] if above else line


def _quotes_closed_early(exc, text, lines) -> Mistake | None:
    """"claim: 'It's true'": the apostrophe ends the quoted value, and YAML fails at the
    rest of the line. Also '"He said "no" today"' and '"No," he said'."""
    mark = exc.problem_mark
    found = _VALUE.match(lines[mark.line]) if mark and mark.line < len(lines) else None
    written = lines[mark.line][found.end():].rstrip() if found else ""
    closing = _closing_quote(written) if written[:1] in ("'", '"') else None
    rest = written[closing + 1:] if closing else ""
    if not rest or re.match(r"[ \t]+#|[ \t]*:(?:[ \t]|$)", rest):
        return None  # a comment after the value, or a quoted key
    prefix, meant = lines[mark.line][:found.end()], _meant(written, closing)
    # A value going on over lines is left unread: which lines were meant is not certain.
    alone = _value_end(lines, mark.line, _parent_column(found)) == mark.line
    return Mistake(mark.line + 1, found.end() + closing + 1,
                   "invalid YAML: " + _closed_early(written, closing, meant, prefix.strip()),
                   _with_lines(text, mark.line, [prefix + _quoted(meant)]) if alone else None,
                   (mark.line + 1, found.end() + 1))


def _meant(written: str, closing: int) -> str:
    """The value as meant: up to a last quote mark that ends the line, or all of it (quotes
    and all) when text follows that ('"No," he said')."""
    last = written.rfind(written[0])
    if last > closing and re.fullmatch(r"(?:[ \t]+#.*)?", written[last + 1:]):
        return written[1:last]
    if last == closing and _apostrophe(written, closing):  # 'It's true, never closed
        return written[1:]
    return written


def _apostrophe(written: str, closing: int) -> bool:
    after = written[closing + 1:closing + 2]
    return written[0] == "'" and written[closing - 1].isalnum() and after.isalnum()


def _closed_early(written: str, closing: int, meant: str, prefix: str) -> str:
    """What ended the quoted value, and how to write what was meant."""
    quote, after = written[0], written[closing + 1:]
    if meant == written:
        return (f"the quoted value ends at this {quote}, and more text follows: put the whole "
                f"value in quotes: {prefix} {_quoted(brief(written))}")
    if _apostrophe(written, closing):
        word = _WORD_END.search(written[:closing]).group() + "'" + _WORD.match(after).group()
        said = f"the apostrophe in {word} ends the single-quoted value"
    else:
        said = f"the {quote} before {_WORD.search(after).group()} ends the quoted value early"
    suggestion = _quoted(brief(meant))
    if suggestion[0] == quote:
        return f"{said}: write each {quote} in it twice: {prefix} {suggestion}"
    which = "double" if suggestion[0] == '"' else "single"
    return f"{said}: write the value in {which} quotes instead: {prefix} {suggestion}"


_WORD, _WORD_END = re.compile(r"\w+|\S"), re.compile(r"\w+$")


def _closing_quote(written: str) -> int | None:
    """Where the quoted value opening written ends: '' inside single quotes and a
    backslash escape inside double quotes do not end it."""
    quote, index = written[0], 1
    while index < len(written):
        if quote == '"' and written[index] == "\\":
            index += 2
            continue
        if written[index] == quote:
            if quote == "'" and written[index + 1:index + 2] == "'":
                index += 2
                continue
            return index
        index += 1
    return None


def _reserved_opener(exc, text, lines) -> Mistake | None:
    """'summary: [link](…) says', 'claim: **bold** words', 'note: @someone': what an editor
    meant as text, where YAML reads the first character as syntax. In a list written
    '[a, b]', the item that opens so ('tags: [a, @b]')."""
    mark, context = exc.problem_mark, exc.context_mark
    found = _VALUE.match(lines[mark.line]) if mark and mark.line < len(lines) else None
    if found is None or mark.column < found.end():
        return None  # the parser gave up before the value: some other mistake
    closing = _flow_end(lines[mark.line], found.end())
    if closing is None or closing >= mark.column:  # inside '[…]': an item's mistake, if any
        if context and context.line == mark.line and context.column > found.end():
            return opening_mistake(text, mark.line, context.column)
        return None
    return opening_mistake(text, mark.line, found.end())


def _flow_end(line: str, start: int) -> int | None:
    """Where the list or mapping opening at start closes; -1 if nothing opens there."""
    if line[start:start + 1] not in ("[", "{"):
        return -1
    depth = 0
    for index in range(start, len(line)):
        depth += (line[index] in "[{") - (line[index] in "]}")
        if depth == 0:
            return index
    return None


# What YAML makes of a value opening with each character it gives a meaning; '#' starts a
# comment and quotes a quoted value, each with its own explanation.
_OPENERS = {
    "[": "a list", "{": "a mapping", "]": "the end of a list", "}": "the end of a mapping",
    ",": "a separator between list items", "*": "a reference to another value (an alias)",
    "&": "a name for the value (an anchor)", "!": "a type tag", "|": "a block of lines",
    ">": "a folded block of lines", "@": None, "`": None, "%": None,  # reserved
}
# Only before a space: '-5', '?x' and ':x' are text.
_SPACED_OPENERS = {"-": "a list item", "?": "a key", ":": "the colon after a key"}

# Where a value starts on a line: after 'key: ' or '- ' ('- - x' and '- key: x' too). A key
# opens with none of the characters above ('-' only before a space).
_KEY = r"""(?:(?:-(?! )|[^\s#"'\[\]{},&*!|>%@`:?-])[^#\n]*?|"[^"\n]*"|'[^'\n]*')"""
_VALUE = re.compile(rf"^[ ]*(?:-[ ]+)*(?:(?P<key>{_KEY})[ ]*:[ ]+)?(?=\S)")


def opening_mistake(text: str, line: int, column: int) -> Mistake | None:
    """The value at (line, column), 0-based, opens with a character YAML reserves or
    reads as syntax: say what YAML makes of it, and how to write the value as text."""
    lines = text.splitlines()
    if line >= len(lines):
        return None
    found = _VALUE.match(lines[line])
    in_list = found is not None and column > found.end()  # an item of '[a, b]'
    written = lines[line][column:].rstrip()
    if in_list:
        written = re.match(r"[^,\]}]*", written).group().rstrip()
    opener, after = written[:1], written[1:2]
    if opener in _OPENERS:
        meaning = _OPENERS[opener]
    elif opener in _SPACED_OPENERS and after in ("", " "):
        meaning = _SPACED_OPENERS[opener]
    else:
        return None
    noun, some = ("item", "an item") if in_list else ("value", "a value")
    said = (f"YAML reads {some} that starts with {opener!r} as {meaning}" if meaning
            else f"YAML reserves {opener!r} at the start of {some}")
    before = "" if in_list else lines[line][:column].strip() + " "
    return Mistake(line + 1, column + 1, f"invalid YAML: {said}: put the whole {noun} in "
                                         f"quotes: {before}{_quoted(brief(written))}",
                   _in_double_quotes(text, lines, line, column, len(written) if in_list else None),
                   (line + 1, column + 1))


def _in_double_quotes(text: str, lines: list[str], line: int, column: int,
                      length: int | None) -> str:
    """text with the value at (line, column) in double quotes: an item of '[a, b]', of
    length, or else a value over all its lines."""
    before = lines[line][:column]
    if length is not None:
        item, after = lines[line][column:column + length], lines[line][column + length:]
        return _with_lines(text, line, [f'{before}"{_escaped(item)}"{after}'])
    last = _value_end(lines, line, _parent_column(_VALUE.match(lines[line])))
    body = [_escaped(part) for part in [lines[line][column:], *lines[line + 1:last + 1]]]
    body[-1] = body[-1].rstrip() + '"'
    body[0] = f'{before}"{body[0]}'
    return _with_lines(text, line, body)


def _escaped(text: str) -> str:
    """text as it is written inside double quotes."""
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _parent_column(found: re.Match | None) -> int:
    """The column of the key or '-' a value belongs to; -1 for a value on its own."""
    if found is None:
        return -1
    if found.group("key"):
        return found.start("key")
    return found.group(0).rfind("-")  # the indentation and any '- ' before the value


def _value_end(lines: list[str], line: int, parent: int) -> int:
    """The last line of an unquoted value starting on line: YAML goes on with it on every
    line indented more than its key (or '-'), up to a comment."""
    last = line
    for number in range(line + 1, len(lines)):
        stripped = lines[number].strip()
        if stripped and (len(lines[number]) - len(lines[number].lstrip(" ")) <= parent
                         or stripped.startswith("#")):
            break
        if stripped:
            last = number
    return last


def _with_lines(text: str, first: int, replacements: list[str]) -> str:
    """text with its lines from first on replaced, each keeping its line end."""
    kept = text.splitlines(keepends=True)
    for number, replacement in enumerate(replacements, start=first):
        written = kept[number]
        ending = written[len(written.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")):]
        kept[number] = replacement + ending
    return "".join(kept)


def _quoted(text: str) -> str:
    """text as a YAML quoted value: in double quotes, unless it holds one or a backslash
    (which would start an escape); then in single quotes, each ' in it written twice."""
    if '"' not in text and "\\" not in text:
        return f'"{text}"'
    return "'" + text.replace("'", "''") + "'"


def _misindented(exc, text, lines) -> Mistake | None:
    problem = exc.problem_mark
    return _Indentation().first_mistake(lines, problem.line) if problem else None


@dataclass
class _Run:
    """Keys, or list items, one under another at one indentation."""
    indent: int
    kind: str  # "key" or "item"
    line: int  # the first one's, 0-based
    name: str = ""  # the first key


@dataclass
class _Indentation:
    """Walks the lines as YAML reads its blocks, to find the first whose indentation fits
    nothing above it: a key or '-' out of line with the ones above, or a value on the
    next line (or text going on over lines) not indented under its key. YAML only fails
    on a later line, in its own terms ('did not find expected key')."""

    runs: list[_Run] = field(default_factory=list)
    awaited: tuple | None = None  # (column, what, line): a value due on the lines below
    text: tuple | None = None  # (column, what, line): unquoted text that may go on
    literal: list | None = None  # [column, what, line, first line's indent, its line]: '|', '>'
    unclosed: str | None = None  # the quote mark or bracket of a value going on over lines
    depth: int = 0  # of brackets left open

    def first_mistake(self, lines: list[str], last: int) -> Mistake | None:
        for number, line in enumerate(lines[:last + 1]):
            message, column = self._read(line.rstrip(), number)
            if message:
                return Mistake(number + 1, column + 1, f"invalid YAML: {message}")
        return None

    def _read(self, line: str, number: int) -> tuple[str | None, int]:
        indent = len(line) - len(line.lstrip(" "))
        if self.literal and (not line.strip() or indent > self.literal[0]):
            return self._literal_line(indent, number), indent
        self.literal = None
        if self.unclosed:
            self._skip_unclosed(line)
            return None, 0
        if not line.strip() or line.lstrip().startswith("#") or line in ("---", "..."):
            return None, 0
        kind, name, value_at = _line_kind(line)
        message = self._placed(indent, kind, name, number)
        if message is None and kind != "text":
            self._value_of(line, kind, name, number, value_at)
        return message, indent

    def _placed(self, indent: int, kind: str, name: str, number: int) -> str | None:
        """Why the line at indent cannot be where it is, or None when it can."""
        if self.awaited:
            column, what, line = self.awaited
            self.awaited = None
            if kind == "text" and indent > column:
                self.text = (column, what, line)
                return None
            if indent > column or (kind == "item" and indent == column):
                self.runs.append(_Run(indent, kind, number, name))
                return None
            if kind == "text":
                return (f"this line must be indented more than {what} on line {line + 1} to "
                        f"be its value: indent it to column {column + 3}, or write it on line "
                        f"{line + 1} after {what}")
        if self.text:
            column, what, line = self.text
            if indent > column and kind == "item" and name:
                # '- source: beta' deeper than the text above it: YAML reads it as more of
                # that text and fails at its colon. The mistake is the '-', out of line.
                return _out_of_line(indent, kind, name, self.runs)
            if indent > column and kind != "key":
                return None  # YAML reads it as more of the text
            self.text = None
            if kind == "text" and any(run.indent == indent for run in self.runs):
                # 'claimant Council': as likely a key that lost its colon
                return (f"this line is neither a key (no ':' after one) nor indented under "
                        f"{what} on line {line + 1} to go on with its text: put ':' after the "
                        f"key, or indent the line to column {column + 3}")
            if kind == "text":
                return (f"this line must be indented more than {what} on line {line + 1} to "
                        f"go on with its text: indent it to column {column + 3}, or join it "
                        "to the line above")
        return self._in_run(indent, kind, name, number)

    def _in_run(self, indent: int, kind: str, name: str, number: int) -> str | None:
        left = []
        while self.runs and self.runs[-1].indent > indent:
            left.append(self.runs.pop())
        top = self.runs[-1] if self.runs else None
        if top and top.indent == indent and top.kind == "item" and kind == "key" and \
                len(self.runs) > 1 and self.runs[-2].indent == indent:
            self.runs.pop()  # 'tags:\n- a\nnext: …': a list at its key's indentation ends
            top = self.runs[-1]
        if top is None and kind != "text":
            self.runs.append(_Run(indent, kind, number, name))
        if top is None or (top.indent == indent and top.kind == kind):
            return None
        if not left and kind == "key" and top.kind != "key":
            return None  # under a '-' holding text ('- sourcealpha'): no keys to line up with
        return _out_of_line(indent, kind, name, [*left, *self.runs])

    def _value_of(self, line: str, kind: str, name: str, number: int,
                  value_at: _Columns) -> None:
        """What is due on the lines below the key or '-' that line ends with."""
        if kind == "item" and name:  # '- source: alpha': keys from the key's column on
            self.runs.append(_Run(value_at.key_column, "key", number, name))
        column = value_at.key_column if name else value_at.item_column
        what = f"'{name}:'" if name else "the '-'"
        value = line[value_at.value_column:].strip()
        if not value or value.startswith("#"):
            self.awaited = (column, what, number)
        elif re.fullmatch(r"[|>][-+0-9]*(?:[ \t]+#.*)?", value):
            # An indentation digit ('|2') says where the text is: lines deeper are text.
            given = column + 1 if re.search(r"[0-9]", value.split("#")[0]) else None
            self.literal = [column, what, number, given, number]
        elif value[0] in "'\"":
            self.unclosed = value[0] if _closing_quote(value) is None else None
        elif value[0] in "[{":
            self.depth = _bracket_depth(value)
            self.unclosed = value[0] if self.depth > 0 else None
        else:
            self.text = (column, what, number)

    def _literal_line(self, indent: int, number: int) -> str | None:
        column, what, line, first, first_line = self.literal
        if first is None and indent > column:
            self.literal[3:] = [indent, number]
        elif first is not None and column < indent < first:
            return (f"this line is indented less than line {first_line + 1}, the first of "
                    f"the text of {what} on line {line + 1}, so YAML ends the text above it: "
                    f"indent it to column {first + 1}")
        return None

    def _skip_unclosed(self, line: str) -> None:
        if self.unclosed in "'\"":
            if _closing_quote(self.unclosed + line) is not None:
                self.unclosed = None
            return
        self.depth += _bracket_depth(line)
        if self.depth <= 0:
            self.unclosed = None


def _out_of_line(indent: int, kind: str, name: str, runs: list[_Run]) -> str | None:
    """The key or '-' at indent said against the nearest run of its kind."""
    alike = [run for run in runs if run.kind == kind]
    if not alike:
        return None
    run = min(alike, key=lambda run: abs(run.indent - indent))
    off = indent - run.indent
    if off == 0:
        return None
    spaces = _spaces_off(off)
    if kind == "key":
        return f"'{name}' is indented {spaces} than '{run.name}' above it: line the keys up"
    return (f"this list item is indented {spaces} than the one on line {run.line + 1}: line "
            "the '-' up with it")


def _spaces_off(off: int) -> str:
    """'1 space more', '2 spaces less'."""
    return f"{abs(off)} space{'s' if abs(off) > 1 else ''} {'more' if off > 0 else 'less'}"


@dataclass(frozen=True)
class _Columns:
    item_column: int  # of the line's last '-'
    key_column: int
    value_column: int


_LINE = re.compile(rf"^(?P<indent>[ ]*)(?P<items>(?:-(?:[ ]+|$))*)"
                   rf"(?:(?P<key>{_KEY})[ ]*:(?:[ ]+|$))?")


def _line_kind(line: str) -> tuple[str, str, _Columns]:
    """'item' for a line starting '- ', else 'key' for 'key: …', else 'text'; the first
    key's name, and where things are on the line."""
    found = _LINE.match(line)
    items = found.group("items")
    item_column = found.end("indent") + items.rstrip().rfind("-") if items else found.end("indent")
    key = found.group("key")
    columns = _Columns(item_column, found.start("key") if key else found.end(), found.end())
    kind = "item" if items else "key" if key else "text"
    return kind, (key or "").strip("'\""), columns


def _bracket_depth(text: str) -> int:
    """Brackets opened less those closed, quoted text left out."""
    bare = re.sub(r"'[^']*'|\"(?:[^\"\\]|\\.)*\"", "", text)
    return sum(bare.count(c) for c in "[{") - sum(bare.count(c) for c in "]}")


# A line that opens a list item: '- x', or a '-' alone.
_ITEM_OPENING = re.compile(r"[ ]*-(?:[ ]|$)")


def items_run_on(lines: list[str], line: int, column: int, last: int,
                 value: str) -> list[Mistake]:
    """Lines of the unquoted text from (line, column) to line last, 0-based, that open
    with '- ': YAML reads a line indented deeper than the '-' or key above it as more of
    its text, so '- defence' over '   - ukraine' is one tag, 'defence - ukraine', and
    nothing fails. Such a line under a list item is that item's neighbour indented too
    deep: each is told. Under a key it may be a list begun on the key's line, a Markdown
    list, or prose with a dash at a line's start (quotes keep it): the first is told, as
    one fix mends them all."""
    opening = [(number, len(lines[number]) - len(lines[number].lstrip(" ")))
               for number in range(line + 1, last + 1) if _ITEM_OPENING.match(lines[number])]
    if not opening:
        return []
    shown = brief(" ".join(value.split()))  # on one line, as every message is
    kind, key, columns = _line_kind(lines[line])
    owned = columns.value_column == column  # the value follows its '-' or key on its line
    if owned and kind == "item" and not key:
        dash = columns.item_column
        return [Mistake(number + 1, indent + 1,
                        f"this list item is indented {_spaces_off(indent - dash)} than the "
                        f"one on line {line + 1}, so YAML reads it as more of that item's "
                        f"text: '{shown}'; indent it like the item above: column "
                        f"{dash + 1}")
                for number, indent in opening]
    number, indent = opening[0]
    if owned and key:
        owner = f"the text of '{key}:'"
        fixes = (f"for a list, start it on the line below '{key}:'; to keep the lines as "
                 f"written (a Markdown list), write '{key}: |' with the text below it")
    else:
        owner = "the text"
        fixes = "to keep the lines as written (a Markdown list), write it as a block after '|'"
    return [Mistake(number + 1, indent + 1,
                    f"YAML reads this line as more of {owner} on line {line + 1}, not as a "
                    f"list item: '{shown}'; {fixes}; to mean the dash, put the text "
                    "in quotes")]


def _colon_in_value(exc, text, lines) -> Mistake | None:
    mark = exc.problem_mark
    if not (exc.problem or "").startswith("mapping values are not allowed") or mark is None:
        return None
    return _at(mark, "a plain value cannot hold ': ' — put the whole value in double quotes, "
                     "or write it as a block after '|'")


def _as_reported(exc) -> Mistake:
    """PyYAML's own words, with where what it was reading starts when that is further up."""
    mark, context = exc.problem_mark or exc.context_mark, exc.context_mark
    message = exc.problem or exc.context or "invalid YAML"
    if context and exc.problem_mark and context.line < exc.problem_mark.line:
        message += f" (in what starts at line {context.line + 1}, column {context.column + 1})"
    return _at(mark, message)


def _at(mark, message: str) -> Mistake:
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Mistake(line, column, f"invalid YAML: {message}")


# A value that opens with a quote mark: 'claim: "…', '- "…'.
_QUOTED_VALUE = re.compile(r"""^[^\S\n]*(?:-[^\S\n]+)?(?:[^\s:#"'][^:#\n]*:[^\S\n]+)?(["'])""")


def _quote_left_open(lines: list[str], first: int, last: int) -> yaml.Mark | None:
    """The first line from `first` to `last` whose value opens a quotation mark that the
    line never closes. YAML lets a quoted value run on, so a quote left open swallows lines
    until the next mark of its kind, and the parser fails far below: the editor's mistake
    is here. Lines before what YAML was reading (`first`) were read as meant, a value that
    runs over lines on purpose among them."""
    for number, line in enumerate(lines[first:last + 1], start=first):
        found = _QUOTED_VALUE.match(line)
        if found is None:
            continue
        mark, rest = found.group(1), line[found.end():]
        closed = rest.replace('\\"', "").count('"') if mark == '"' else rest.replace("''", "").count("'")
        if not closed:
            return yaml.Mark("", 0, number, found.start(1), None, None)
    return None


_CLOSERS = {"[": ("list", "]"), "{": ("mapping", "}"), '"': ("quoted value", '"'),
            "'": ("quoted value", "'")}


def _unclosed(exc: yaml.MarkedYAMLError, lines: list[str]) -> str | None:
    """'the list opened here is never closed: add ']'' when that is what went wrong."""
    context = exc.context_mark
    opener = _char_at(lines, context.line, context.column)
    if opener not in _CLOSERS or not (exc.context or "").startswith(
            ("while scanning a quoted scalar", "while parsing a flow")):
        return None
    what, closer = _CLOSERS[opener]
    return f"this {what}'s opening {opener} is never closed: end it with {closer}"


def _char_at(lines: list[str], line: int, column: int) -> str:
    return lines[line][column:column + 1] if line < len(lines) else ""
