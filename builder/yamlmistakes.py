"""What an editor got wrong in YAML that does not parse, said where the mistake is.

PyYAML reports where it gave up, in its own terms ("did not find expected key"); an editor
needs where the mistake is, which is often earlier, and what to write instead.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import yaml


@dataclass(frozen=True)
class Mistake:
    line: int  # 1-based, as editors count
    column: int
    message: str


def explain(exc: yaml.MarkedYAMLError, text: str) -> Mistake:
    """For an unclosed quote or bracket, the mistake is where it was opened, often many
    lines before PyYAML gave up."""
    mark, context = exc.problem_mark or exc.context_mark, exc.context_mark
    message = exc.problem or exc.context or "invalid YAML"
    if mark and _char_at(text, mark.line, mark.column) == "\t":
        message = "a tab character cannot indent YAML; use spaces"
    elif (exc.context or "").startswith("expected a single document"):
        message = ("a second YAML document starts here: a file holds one, so remove "
                   "this '---' line or move what follows to a file of its own")
    elif context and exc.problem_mark and context.line < exc.problem_mark.line:
        opened = _unclosed(exc, text)
        reached = f"line {exc.problem_mark.line + 1}, column {exc.problem_mark.column + 1}"
        left_open = None if opened else _quote_left_open(text, exc.problem_mark.line)
        if opened:
            mark, message = context, f"{opened} (YAML reached {reached} looking for it)"
        elif left_open:
            quote = _char_at(text, left_open.line, left_open.column)
            mark, message = left_open, (f"this quoted value's opening {quote} is not closed "
                                        f"on its line: end it with {quote} (YAML reached "
                                        f"{reached} looking for it)")
        else:
            message += f" (in what starts at line {context.line + 1}, column {context.column + 1})"
    elif message.startswith("mapping values are not allowed"):
        misindented = _misindented_key(text, mark)
        if misindented:
            return Mistake(mark.line + 1, misindented[1] + 1, f"invalid YAML: {misindented[0]}")
        message = ("a plain value cannot hold ': ' — put the whole value in double quotes, "
                   "or write it as a block after '|'")
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Mistake(line, column, f"invalid YAML: {message}")


_KEY_LINE = re.compile(r"^([^\S\n]*)(?:-[^\S\n]+)?([^\s:#\"'][^:#\n]*?):(?:[^\S\n]|$)")


def _misindented_key(text: str, mark: yaml.Mark | None) -> tuple[str, int] | None:
    """'    quote: …' one space deeper than the 'source:' above it: YAML reads it as more
    of source's value, and fails at its ': '. Say so, and not that the value needs quotes."""
    if mark is None or mark.line == 0:
        return None
    lines = text.splitlines()
    here, above = _KEY_LINE.match(lines[mark.line]), None
    for line in reversed(lines[:mark.line]):
        above = _KEY_LINE.match(line)
        if above or line.strip():
            break
    if here is None or above is None or not here.group(2).strip().isidentifier():
        return None
    key_column = above.start(2)
    if len(here.group(1)) <= key_column:
        return None
    deeper = len(here.group(1)) - key_column
    return (f"'{here.group(2).strip()}' is indented {deeper} space{'s' if deeper > 1 else ''} "
            f"more than '{above.group(2).strip()}' above it: line the keys up"), here.start(2)


# A value that opens with a quote mark: 'claim: "…', '- "…'.
_QUOTED_VALUE = re.compile(r"""^[^\S\n]*(?:-[^\S\n]+)?(?:[^\s:#"'][^:#\n]*:[^\S\n]+)?(["'])""")


def _quote_left_open(text: str, before_line: int) -> yaml.Mark | None:
    """The first line up to `before_line` whose value opens a quotation mark that the line
    never closes. YAML lets a quoted value run on, so a quote left open swallows lines
    until the next mark of its kind, and the parser fails far below: the editor's mistake
    is here. (A value meant to run over lines is rare in these files and still parses.)"""
    for number, line in enumerate(text.splitlines()[:before_line + 1]):
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


def _unclosed(exc: yaml.MarkedYAMLError, text: str) -> str | None:
    """'the list opened here is never closed: add ']'' when that is what went wrong."""
    context = exc.context_mark
    opener = _char_at(text, context.line, context.column)
    if opener not in _CLOSERS or not (exc.context or "").startswith(
            ("while scanning a quoted scalar", "while parsing a flow")):
        return None
    what, closer = _CLOSERS[opener]
    return f"this {what}'s opening {opener} is never closed: end it with {closer}"




def _char_at(text: str, line: int, column: int) -> str:
    lines = text.splitlines()
    return lines[line][column:column + 1] if line < len(lines) else ""
