"""Problems are values: every stage returns what it could build plus what was wrong."""
from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Position:
    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class TextPlace:
    """Where a text value is written, so that a character of it can be pointed at. The
    lines of a literal block ('|') are the file's, indented; a value on one line written
    as it reads (no escapes, no folding) has its columns; a folded one, each line's.
    Anything else: its start."""

    start: Position
    indent: int | None = None  # a literal block's; its first line is the one after start's
    inline: bool = False       # start is the value's first character, on its one line
    # A value folded from several lines ('>' or plain over lines): where each line's
    # words start in the value, and on which line and column of the file.
    folded: tuple[tuple[int, int, int], ...] = ()

    def at(self, text: str, offset: int) -> Position:
        """The position of text[offset], text being the value."""
        if self.folded:
            begins, line, column = next(part for part in reversed(self.folded)
                                        if part[0] <= offset)
            return Position(self.start.path, line, column + offset - begins)
        if self.indent is not None:
            line_start = text.rfind("\n", 0, offset) + 1
            return Position(self.start.path, self.start.line + 1 + text.count("\n", 0, offset),
                            self.indent + offset - line_start + 1)
        if self.inline:
            return Position(self.start.path, self.start.line, self.start.column + offset)
        return self.start


@dataclass(frozen=True, order=True)
class Problem:
    position: Position
    message: str
    is_warning: bool = False

    def __str__(self) -> str:
        prefix = "warning: " if self.is_warning else ""
        return f"{self.position}: {prefix}{self.message}"


def error(position: Position, message: str) -> Problem:
    return Problem(position, message)


def warning(position: Position, message: str) -> Problem:
    return Problem(position, message, is_warning=True)


def display_path(path: str) -> str:
    """A path as the editor would type it: relative to where they ran the command."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def errors_in(problems) -> list[Problem]:
    return [problem for problem in problems if not problem.is_warning]


class ContentError(Exception):
    """Raised only to stop a build whose content has errors; carries all of them."""

    def __init__(self, problems):
        super().__init__(counted(len(errors_in(problems)), "error"))
        self.problems = sorted(problems)


def counted(number: int, noun: str) -> str:
    """'1 error', '2 errors'."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def brief(text: str, limit: int = 60) -> str:
    """Text quoted back in a message: long enough to recognise, short enough to read."""
    return text if len(text) <= limit else text[:limit - 1] + "…"
