"""Broken and hostile input, one case at a time, through the real command line.

Each case edits one thing in a copy of tests/sites/minimal (a valid site) and expects
`python -m builder check` to fail with exit status 1, no traceback, and an error line
`path:line:column: message` at exactly the right place.
"""
from __future__ import annotations

import os
import re
import shutil
import signal
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from conftest import copy_site, run_builder

CLAIM = "content/claims/bridge-closure.yml"
OTHER_CLAIM = "content/claims/repair-budget.yml"
SIDECAR = "seeds/alpha.yml"
ARTICLE = "seeds/alpha.txt"
PAGE = "content/pages/about.md"


@dataclass(frozen=True)
class Case:
    name: str
    edit: Callable[[Path], None]
    expected: str  # the start of one error line, its path relative to the site's parent


def replace(file: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(site: Path) -> None:
        path = site / file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {file}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return edit


def write(file: str, content: str | bytes) -> Callable[[Path], None]:
    def edit(site: Path) -> None:
        path = site / file
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return edit


def append(file: str, content: str) -> Callable[[Path], None]:
    def edit(site: Path) -> None:
        path = site / file
        path.write_text(path.read_text(encoding="utf-8") + content, encoding="utf-8")
    return edit


def remove(name: str) -> Callable[[Path], None]:
    def edit(site: Path) -> None:
        path = site / name
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    return edit


def copy(source: str, target: str) -> Callable[[Path], None]:
    def edit(site: Path) -> None:
        (site / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(site / source, site / target)
    return edit


def both(*edits: Callable[[Path], None]) -> Callable[[Path], None]:
    def edit(site: Path) -> None:
        for one in edits:
            one(site)
    return edit


def nested(depth: int) -> str:
    return "claim: x\nsummary: " + "[" * depth + "]" * depth + "\n"


CLAIM_TEXT = "claim: The harbour bridge will close for six weeks at most."

CASES = [
    # --- YAML itself --------------------------------------------------------------------
    Case("duplicate key", append(CLAIM, "verdict: incorrect\n"),
         f"{CLAIM}:11:1: duplicate key 'verdict' (first set on line 4); a later value would "
         "silently win"),
    Case("alias", both(replace(CLAIM, "claimant: Council", "claimant: &who Council"),
                       replace(CLAIM, "summary: The council's", "summary: *who\nx: The council's")),
         f"{CLAIM}:5:10: YAML aliases (*name) are not allowed: write the value out again"),
    Case("alias bomb", write(SIDECAR, "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
                                      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                                      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"),
         f"{SIDECAR}:2:8: YAML aliases (*name) are not allowed"),
    Case("merge key", append(CLAIM, "<<: {claim: x}\n"),
         f"{CLAIM}:11:1: YAML merge keys (<<) are not allowed"),
    Case("nesting bomb", write(CLAIM, nested(100_000)),
         f"{CLAIM}:2:29: value is nested too deeply or is too large (more than 20 levels"),
    Case("explicit python tag", replace(CLAIM, "claimant: Council spokesperson",
                                        "claimant: !!python/object/apply:os.system [ls]"),
         f"{CLAIM}:2:11: YAML tags such as '!!python/object/apply:os.system' are not allowed"),
    Case("binary tag", replace(CLAIM, "claimant: Council spokesperson", "claimant: !!binary aGk="),
         f"{CLAIM}:2:11: YAML tags such as '!!binary' are not allowed; write a plain value"),
    Case("file over 1 MB", write(CLAIM, "claim: " + "x" * 1_000_001 + "\n"),
         f"{CLAIM}:1:1: file is larger than 1,000,000 bytes"),
    Case("empty file", write(CLAIM, ""), f"{CLAIM}:1:1: file is empty"),
    Case("only comments", write(CLAIM, "# to be written\n"), f"{CLAIM}:1:1: file holds no YAML value"),
    Case("tab indent", replace(CLAIM, "  - source: alpha\n    quote:", "  - source: alpha\n\tquote:"),
         f"{CLAIM}:8:1: invalid YAML: a tab character cannot indent YAML; use spaces"),
    Case("tab after a colon",
         replace(CLAIM, "claimant: Council spokesperson", "claimant:\tCouncil spokesperson"),
         f"{CLAIM}:2:10: invalid YAML: a tab is allowed only inside quoted text, a '|' block "
         "or a comment: use a space here"),
    Case("unclosed quote", replace(CLAIM, "claimant: Council spokesperson", 'claimant: "Council'),
         f"{CLAIM}:2:11: invalid YAML: this quoted value's opening \" is never closed: end it "
         "with \" (YAML reached line 11, column 1 looking for it)"),
    Case("unclosed bracket", replace(CLAIM, "tags: [transport, council]", "tags: [transport, council"),
         f"{CLAIM}:10:7: invalid YAML: this list's opening [ is never closed: end it with ] "
         "(YAML reached line 11, column 1 looking for it)"),
    Case("two documents", append(CLAIM, "---\nclaim: another\n"),
         f"{CLAIM}:11:1: invalid YAML: a second YAML document starts here: a file holds "
         "one, so remove this '---' line"),
    Case("not UTF-8", write(CLAIM, "claim: x\nclaimant: Caf".encode() + b"\xe9 owner\n"),
         f"{CLAIM}:2:14: file is not valid UTF-8: byte 0xe9 at byte offset 22; save it as UTF-8"),
    Case("NUL byte in YAML", write(CLAIM, b"claim: x\nclaimant: a\x00b\n"),
         f"{CLAIM}:2:12: file contains the invisible character U+0000"),
    Case("escaped NUL", replace(CLAIM, "claimant: Council spokesperson", 'claimant: "a\\0b"'),
         f"{CLAIM}:2:11: 'claimant' must not contain a NUL character"),
    Case("very long line", replace(CLAIM, CLAIM_TEXT, 'claim: "' + "x" * 300_000 + '" and more'),
         f"{CLAIM}:1:300009: invalid YAML: the quoted value ends at this \", and more text "
         "follows: put the whole value in quotes: claim: '\"xxxxxxxxx"),
    # A value opening with a character YAML reserves: Markdown links, emphasis, handles.
    Case("link at the start of a value",
         replace(CLAIM, "summary: The council's own statement",
                 "summary: [The council's own statement](https://council.example/)"),
         f"{CLAIM}:5:10: invalid YAML: YAML reads a value that starts with '[' as a list: put "
         "the whole value in quotes: summary: \"[The council's own statement]"
         "(https://council.example/) giv…\""),
    Case("bold at the start of a value",
         replace(CLAIM, "claimant: Council spokesperson", "claimant: **Council** spokesperson"),
         f"{CLAIM}:2:11: invalid YAML: YAML reads a value that starts with '*' as a reference "
         "to another value (an alias): put the whole value in quotes: "
         "claimant: \"**Council** spokesperson\""),
    Case("handle at the start of a value",
         replace(CLAIM, "claimant: Council spokesperson", "claimant: @CouncilPress"),
         f"{CLAIM}:2:11: invalid YAML: YAML reserves '@' at the start of a value: put the "
         "whole value in quotes: claimant: \"@CouncilPress\""),
    Case("apostrophe in single quotes",
         replace(CLAIM, CLAIM_TEXT, "claim: 'The bridge won't close for long'"),
         f"{CLAIM}:1:23: invalid YAML: the apostrophe in won't ends the single-quoted value: "
         "write the value in double quotes instead: claim: \"The bridge won't close for long\""),
    Case("no space after a colon", replace(CLAIM, "verdict: correct", "verdict:correct"),
         f"{CLAIM}:4:8: invalid YAML: put a space after the colon, or YAML does not read "
         "'verdict' as a key: verdict: correct"),
    Case("value on the next line not indented",
         replace(CLAIM, "    quote: will last", "    quote:\n  will last"),
         f"{CLAIM}:9:3: invalid YAML: this line must be indented more than 'quote:' on line 8 "
         "to be its value: indent it to column 7, or write it on line 8 after 'quote:'"),
    Case("list item out of line",
         replace(CLAIM, "    note: Reported by the Daily Example.\n",
                 "    note: Reported by the Daily Example.\n   - source: alpha\n"
                 "     quote: no more than six weeks\n"),
         f"{CLAIM}:10:4: invalid YAML: this list item is indented 1 space more than the one on "
         "line 7: line the '-' up with it"),
    Case("list item deeper than the text above it",
         replace(CLAIM, "    note: Reported by the Daily Example.\n",
                 "    note: Reported by the Daily Example.\n      - source: alpha\n"
                 "        quote: no more than six weeks\n"),
         f"{CLAIM}:10:7: invalid YAML: this list item is indented 4 spaces more than the one on "
         "line 7: line the '-' up with it"),
    # --- wrong shapes and kinds ------------------------------------------------------------
    Case("claim file is a list", write(CLAIM, "- claim: x\n- claimant: y\n"),
         f"{CLAIM}:1:1: a claim must be a mapping of keys to values, not a list"),
    Case("number for text", replace(CLAIM, "claimant: Council spokesperson", "claimant: 42"),
         f"{CLAIM}:2:11: 'claimant' must be text, not a number (42); put it in quotes"),
    # 'yes' is the word typed, not YAML's true: it names no verdict.
    Case("boolean verdict", replace(CLAIM, "verdict: correct", "verdict: yes"),
         f"{CLAIM}:4:10: unknown verdict 'yes' (known in site.yml: correct, misleading, "
         "incorrect)"),
    Case("list for text", replace(CLAIM, "claimant: Council spokesperson", "claimant: [a, b]"),
         f"{CLAIM}:2:11: 'claimant' must be text, not a list"),
    Case("mapping for list", replace(CLAIM, "tags: [transport, council]", "tags: {a: b}"),
         f"{CLAIM}:10:7: 'tags' must be a list of text, not a mapping"),
    Case("bad tag item", replace(CLAIM, "tags: [transport, council]", "tags: [transport, 12]"),
         f"{CLAIM}:10:19: 'tags' items must be text, not a number (12)"),
    Case("impossible date", replace(CLAIM, "date: 2025-03-03", "date: 2025-13-01"),
         f"{CLAIM}:3:7: '2025-13-01' is not a real date (month must be in 1..12); write it YYYY-MM-DD"),
    Case("date in words", replace(CLAIM, "date: 2025-03-03", "date: 3 March 2025"),
         f"{CLAIM}:3:7: 'date' must be a date written YYYY-MM-DD (or YYYY-MM, YYYY when only "
         "the month or year is known), not text ('3 March 2025') — did you mean 2025-03-03?"),
    Case("date day first", replace(CLAIM, "date: 2025-03-03", "date: 19/02/2025"),
         f"{CLAIM}:3:7: 'date' must be a date written YYYY-MM-DD (or YYYY-MM, YYYY when only "
         "the month or year is known), not text ('19/02/2025') — did you mean 2025-02-19?"),
    Case("date not zero-padded", replace(CLAIM, "date: 2025-03-03", "date: 2025-2-19"),
         f"{CLAIM}:3:7: 'date' must be a date written YYYY-MM-DD (or YYYY-MM, YYYY when only "
         "the month or year is known), not text ('2025-2-19') — did you mean 2025-02-19?"),
    Case("month not zero-padded", replace(CLAIM, "date: 2025-03-03", "date: 2025-2"),
         f"{CLAIM}:3:7: 'date' must be a date written YYYY-MM-DD (or YYYY-MM, YYYY when only "
         "the month or year is known), not text ('2025-2') — did you mean 2025-02?"),
    Case("sidecar date with slashes", replace(SIDECAR, "published: 2025-03-03",
                                              "published: 2025/3/3"),
         f"{SIDECAR}:3:12: 'published' must be a date written YYYY-MM-DD or 'unknown', not "
         "text ('2025/3/3') — did you mean 2025-03-03?"),
    Case("verdict written as its label", replace(CLAIM, "verdict: correct", "verdict: Correct"),
         f"{CLAIM}:4:10: unknown verdict 'Correct' — did you mean 'correct'?"),
    Case("unknown key", replace(CLAIM, "verdict: correct", "verdit: correct"),
         f"{CLAIM}:4:1: unknown key 'verdit' in a claim — did you mean 'verdict'?"),
    Case("missing key", replace(CLAIM, "summary: The council's own statement gives the limit of "
                                       "**six weeks**.\n", ""),
         f"{CLAIM}:1:1: missing required key 'summary' in a claim"),
    Case("no appearances", replace(CLAIM, "appearances:\n  - source: alpha\n    quote: will last no "
                                          "more than six weeks\n    note: Reported by the Daily "
                                          "Example.\n", "appearances: []\n"),
         f"{CLAIM}:6:14: 'appearances' must list at least one source and quote"),
    Case("appearance is text", replace(CLAIM, "  - source: alpha\n    quote: will last no more than "
                                              "six weeks\n    note: Reported by the Daily Example.",
                                       "  - alpha"),
         f"{CLAIM}:7:5: an appearance must be a mapping of keys to values, not text ('alpha')"),
    Case("updated before published", append(OTHER_CLAIM, "updated: 2025-03-01\n"),
         f"{OTHER_CLAIM}:11:10: 'updated' (2025-03-01) is before 'published' (2025-03-06)"),
    # --- references ------------------------------------------------------------------------
    Case("unknown verdict", replace(CLAIM, "verdict: correct", "verdict: corect"),
         f"{CLAIM}:4:10: unknown verdict 'corect' — did you mean 'correct'?"),
    Case("unknown source", replace(CLAIM, "source: alpha", "source: alfa"),
         f"{CLAIM}:7:13: unknown source 'alfa' — did you mean 'alpha'?"),
    Case("quote not in the article", replace(CLAIM, "no more than six weeks", "no more than ten weeks"),
         f"{CLAIM}:8:12: quote not found in source 'alpha'; the closest passage"),
    Case("claimant type misspelt", replace(CLAIM, "claimant: ", "claimant_type: organisaton\nclaimant: "),
         f"{CLAIM}:2:16: 'claimant_type' is a person or an organization, not 'organisaton' — "
         "did you mean 'organisation'?"),
    Case("quote from another source", replace(OTHER_CLAIM, "source: beta", "source: alpha"),
         f"{OTHER_CLAIM}:8:12: quote not found in source 'alpha', but word for word in "
         "source 'beta': is the source wrong?"),
    Case("quote in other capitals", replace(CLAIM, "no more than six weeks", "No More than six weeks"),
         f"{CLAIM}:8:12: quote not found in source 'alpha': the article has it with other "
         "capitals: “will last no more than six weeks”"),
    Case("quote with an invisible character", replace(CLAIM, "no more than six weeks",
                                                      "no more\u200b than six weeks"),
         f"{CLAIM}:8:12: quote not found in source 'alpha': the quote has U+200B (ZERO WIDTH "
         "SPACE, column 18 of the quote), which the article does not"),
    Case("unknown outlet", replace(SIDECAR, "outlet: daily", "outlet: dialy"),
         f"{SIDECAR}:1:9: unknown outlet 'dialy' — did you mean 'daily'?"),
    Case("boilerplate not in the article", replace(SIDECAR, "Subscribe now", "Subscribe today"),
         f"{SIDECAR}:7:5: boilerplate passage not found in the article; closest"),
    # --- names that would leave _site/ or clash ------------------------------------------------
    Case("claim file name with spaces", copy(CLAIM, "content/claims/Bridge Closure.yml"),
         "content/claims/Bridge Closure.yml:1:1: claim file name 'Bridge Closure' is not a valid id: "
         "use lowercase letters, digits and single hyphens (at most 80 characters): rename it "
         "bridge-closure.yml"),
    Case("claim file name with dots", copy(CLAIM, "content/claims/x..y.yml"),
         "content/claims/x..y.yml:1:1: claim file name 'x..y' is not a valid id"),
    Case("claim file name reserved", copy(CLAIM, "content/claims/con.yml"),
         "content/claims/con.yml:1:1: claim file name 'con' is a reserved name"),
    Case("duplicate claim id", copy(CLAIM, "content/claims/2025/bridge-closure.yml"),
         f"{CLAIM}:1:1: duplicate claim id 'bridge-closure'"),
    Case("seed name with spaces", both(copy(ARTICLE, "seeds/al pha.txt"), copy(SIDECAR, "seeds/al pha.yml")),
         "seeds/al pha.txt:1:1: seed name 'al pha' is not allowed: use letters, digits, hyphens"),
    Case("seed name reserved", both(copy(ARTICLE, "seeds/AUX.txt"), copy(SIDECAR, "seeds/AUX.yml")),
         "seeds/AUX.txt:1:1: seed name 'AUX' is reserved on Windows"),
    Case("seeds differing in case", both(copy(ARTICLE, "seeds/Alpha.txt"), copy(SIDECAR, "seeds/Alpha.yml")),
         "seeds/alpha.txt:1:1: seed 'alpha' and seed 'Alpha' (minimal/seeds/Alpha.txt) differ only in case"),
    Case("tags clash", replace(CLAIM, "tags: [transport, council]", "tags: [transport, Council]"),
         f"{OTHER_CLAIM}:9:8: tag 'council' and tag 'Council' (minimal/{CLAIM}:10:19) both become "
         "/tags/council/; spell them the same"),
    Case("tag without a slug", replace(CLAIM, "tags: [transport, council]", "tags: [transport, '%%']"),
         f"{CLAIM}:10:19: tag '%%' has no letters or digits a URL can use (a-z, 0-9)"),
    Case("tag leaving the folder", replace(CLAIM, "tags: [transport, council]", "tags: [transport, ../..]"),
         f"{CLAIM}:10:19: tag '../..' has no letters or digits a URL can use"),
    Case("tag reserved", replace(CLAIM, "tags: [transport, council]", "tags: [transport, NUL]"),
         f"{CLAIM}:10:19: tag 'NUL' would become /tags/nul/, a name Windows reserves"),
    Case("tag twice", replace(CLAIM, "tags: [transport, council]", "tags: [council, council]"),
         f"{CLAIM}:10:17: tag 'council' is listed twice"),
    Case("outlet id leaving the folder", replace("site.yml", "  daily:", "  ../daily:"),
         "site.yml:10:3: outlet id '../daily' is not a valid id"),
    Case("outlet id with backslash", replace("site.yml", "  daily:", "  'a\\b':"),
         "site.yml:10:3: outlet id 'a\\\\b' is not a valid id"),
    # --- seeds -------------------------------------------------------------------------------
    Case("article without sidecar", remove(SIDECAR),
         "seeds/alpha.txt:1:1: article has no sidecar: create minimal/seeds/alpha.yml"),
    Case("sidecar without article", remove(ARTICLE),
         "seeds/alpha.yml:1:1: sidecar has no article: minimal/seeds/alpha.txt is missing"),
    Case("empty article", write(ARTICLE, "\n  \n"), "seeds/alpha.txt:1:1: article is empty"),
    Case("NUL in article", write(ARTICLE, "Subscribe now for unlimited access.\nThe bridge\x00 will\n"),
         "seeds/alpha.txt:2:11: file contains the invisible character U+0000"),
    Case("article not UTF-8", write(ARTICLE, b"Subscribe now for unlimited access.\n\xff\xfe\n"),
         "seeds/alpha.txt:2:1: file is not valid UTF-8: byte 0xff at byte offset 36"),
    Case("sidecar is a list", write(SIDECAR, "- outlet: daily\n"),
         f"{SIDECAR}:1:1: a seed sidecar must be a mapping of keys to values, not a list"),
    Case("sidecar date in words", replace(SIDECAR, "published: 2025-03-03", "published: yesterday"),
         f"{SIDECAR}:3:12: 'published' must be a date written YYYY-MM-DD or 'unknown'"),
    Case("sidecar javascript URL", replace(SIDECAR, "url: https://daily.example/bridge",
                                           "url: javascript:alert(1)"),
         f"{SIDECAR}:4:6: 'url' must be an absolute http(s) URL, not 'javascript:alert(1)'"),
    Case("no seeds folder", remove("seeds"),
         "seeds:1:1: no seeds/ folder: put the articles there as <stem>.txt"),
    # --- site.yml ----------------------------------------------------------------------------
    Case("no site.yml", remove("site.yml"), "site.yml:1:1: site.yml is missing"),
    Case("outlets as a list", replace("site.yml", "outlets:\n", "outlets: [daily, weekly]\nold_outlets:\n"),
         "site.yml:9:10: 'outlets' must be a mapping, not a list"),
    Case("duplicate verdict id", replace("site.yml", "  - id: incorrect", "  - id: correct"),
         "site.yml:22:9: duplicate verdict id 'correct' (first at line 16)"),
    Case("javascript base_url", replace("site.yml", "base_url: https://example.org/check/",
                                        "base_url: javascript:alert(1)//"),
         "site.yml:4:11: 'base_url' must be an absolute http(s) URL"),
    Case("data publisher url", replace("site.yml", "  url: https://example.org/\n",
                                       "  url: 'data:text/html,<script>alert(1)</script>'\n"),
         "site.yml:8:8: 'url' must be an absolute http(s) URL, not 'data:text/html,<script>"),
    # --- pages -------------------------------------------------------------------------------
    Case("page without front matter", write(PAGE, "About us\n"),
         f"{PAGE}:1:1: a page starts with front matter"),
    Case("page front matter not closed", write(PAGE, "---\ntitle: About\n\nAbout us\n"),
         f"{PAGE}:1:1: front matter is not closed by a line '---'"),
    Case("page without title", write(PAGE, "---\ndescription: x\n---\nAbout us\n"),
         f"{PAGE}:2:1: missing required key 'title' in page front matter"),
    Case("page front matter duplicate", write(PAGE, "---\ntitle: About\ntitle: Again\n---\nx\n"),
         f"{PAGE}:3:1: duplicate key 'title' (first set on line 2)"),
    Case("page with control character", write(PAGE, "---\ntitle: About\n---\nHello \x1b[31m\n"),
         f"{PAGE}:4:7: file contains the invisible character U+001B"),
    Case("page file name", copy(PAGE, "content/pages/About Us.md"),
         "content/pages/About Us.md:1:1: page file name 'About Us' is not a valid id"),
    Case("page named as a section", copy(PAGE, "content/pages/consistency.md"),
         "content/pages/consistency.md:1:1: 'consistency' is a section the builder writes "
         "(/consistency/): give the page another name"),
    Case("page named as another section", copy(PAGE, "content/pages/verdicts.md"),
         "content/pages/verdicts.md:1:1: 'verdicts' is a section the builder writes"),
]


def _check(site: Path):
    return run_builder("check", "--site", site.name, cwd=site.parent)


def _error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines()
            if re.match(r"\S.*:\d+:\d+: ", line) and ": warning: " not in line]


def test_there_are_many_cases_each_named_once():
    names = [case.name for case in CASES]
    assert len(names) >= 40 and len(set(names)) == len(names)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_bad_input_is_one_clear_positioned_error(tmp_path, case):
    site = copy_site("minimal", tmp_path)
    case.edit(site)
    result = _check(site)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output and "internal error" not in output
    expected = f"minimal/{case.expected}"
    assert any(line.startswith(expected) for line in _error_lines(result)), output[-3000:]
    # A check writes nothing, ever: saying so after errors would suggest it might have.
    assert re.search(r"\n\d+ errors?$", result.stderr.rstrip())


def test_the_fixture_itself_is_valid(tmp_path):
    result = _check(copy_site("minimal", tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


@pytest.mark.parametrize("names", [
    ("boolean verdict", "updated before published", "unknown outlet", "page without title",
     "claim file name reserved", "seed name reserved"),
    # A broken site.yml stops cross-references, not the checks of each file on its own.
    ("javascript base_url", "NUL in article", "claim file is a list", "page file name"),
])
def test_several_bad_files_are_all_reported_in_one_run(tmp_path, names):
    site = copy_site("minimal", tmp_path)
    chosen = [case for case in CASES if case.name in names]
    assert len(chosen) == len(names)
    for case in chosen:
        case.edit(site)
    result = _check(site)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = _error_lines(result)
    for case in chosen:
        assert any(line.startswith(f"minimal/{case.expected}") for line in lines), case.name
    count = int(re.search(r"(\d+) errors?$", result.stderr.rstrip()).group(1))
    assert count == len(lines) >= len(chosen)


def test_every_problem_of_one_claim_file_is_reported_in_one_run(tmp_path):
    """An impossible date, a wrong type or a duplicate key no longer hides the claim's
    other problems, the cross-checks against the site included; and none is reported
    twice (a value in error is not 'missing' as well)."""
    site = copy_site("minimal", tmp_path)
    write(CLAIM, "claim: The bridge will close\n"
                 "claimant: Someone\n"
                 "date: 2025-13-01\n"
                 "verdict: nope\n"
                 "summary: 5\n"
                 "appearances:\n"
                 "  - source: alpha\n"
                 "    quote: this passage is not in the article at all\n"
                 "tags: [a, a]\n"
                 "claimant: Someone else\n")(site)
    result = _check(site)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    positions = [line.split(": ", 1)[0].rsplit(":", 2)[1:] for line in _error_lines(result)]
    assert positions == [["3", "7"], ["4", "10"], ["5", "10"], ["8", "12"], ["9", "11"],
                         ["10", "1"]], result.stderr
    assert "missing" not in result.stderr


def test_a_key_left_blank_is_empty_not_missing(tmp_path):
    site = copy_site("minimal", tmp_path)
    replace(CLAIM, "verdict: correct", "verdict:")(site)
    lines = _error_lines(_check(site))
    assert lines == [f"minimal/{CLAIM}:4:1: 'verdict' is empty: give it a value"]


def test_a_broken_seed_gives_its_own_error_not_follow_on_ones_in_claims_citing_it(tmp_path):
    site = copy_site("minimal", tmp_path)
    replace(SIDECAR, "headline: Harbour bridge", "headline: [Harbour bridge]\nx: ")(site)
    result = _check(site)
    assert result.returncode == 1
    assert _error_lines(result) == [
        f"minimal/{SIDECAR}:2:11: 'headline' must be text, not a list",
        f"minimal/{SIDECAR}:3:1: unknown key 'x' in a seed sidecar; known keys: outlet, "
        "headline, published, url, author, boilerplate"]


def test_a_bom_and_crlf_line_ends_are_accepted_everywhere(tmp_path):
    site = copy_site("minimal", tmp_path)
    for path in [*site.rglob("*.yml"), *site.rglob("*.txt"), *site.rglob("*.md")]:
        text = path.read_text(encoding="utf-8").replace("\n", "\r\n")
        path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    result = _check(site)
    assert result.returncode == 0, result.stderr
    assert "3 quotes anchored" in result.stdout


def test_an_escaped_control_character_is_a_warning_not_an_error(tmp_path):
    site = copy_site("minimal", tmp_path)
    replace(CLAIM, "claimant: Council spokesperson", 'claimant: "Council\\x07 spokesperson"')(site)
    result = _check(site)
    assert result.returncode == 0, result.stderr
    assert (f"minimal/{CLAIM}:2:11: warning: text contains the invisible character U+0007"
            in result.stderr)


def test_a_list_item_indented_into_the_one_above_is_a_warning_at_its_dash(tmp_path):
    """'- transport' over '   - council' is one tag, 'transport - council', to YAML: the
    build goes on, and the editor is told where and how to line the item up."""
    site = copy_site("minimal", tmp_path)
    replace(CLAIM, "tags: [transport, council]", "tags:\n  - transport\n   - council")(site)
    result = _check(site)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"minimal/{CLAIM}:12:4: warning: this list item is indented 1 space more than the one "
        "on line 11, so YAML reads it as more of that item's text: 'transport - council'; "
        "indent it like the item above: column 3"]


def test_a_missing_site_folder_is_bad_command_line_use(tmp_path):
    result = run_builder("check", "--site", "nowhere", cwd=tmp_path)
    assert result.returncode == 2
    assert "--site nowhere: no such folder" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("arguments", [(), ("frobnicate",), ("build", "--nonsense"),
                                       ("serve", "--port", "eighty"), ("serve", "--port", "99999"),
                                       ("build", "--base-url", "javascript:alert(1)//"),
                                       # appended to, it would put the query in every link
                                       ("build", "--base-url", "https://x.org/repo/?q=1"),
                                       ("build", "--base-url", "https://x.org/repo/#top")])
def test_bad_command_lines_exit_2(tmp_path, arguments):
    result = run_builder(*arguments, cwd=tmp_path)
    assert result.returncode == 2 and "usage:" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_internal_bug_says_so_and_exits_3(tmp_path, monkeypatch, capsys):
    import builder.__main__ as command_line

    def broken(options):
        raise RuntimeError("a bug in the builder")

    monkeypatch.setattr(command_line, "make_site", broken)
    site = copy_site("minimal", tmp_path)
    handler = signal.getsignal(signal.SIGTERM)  # main() installs its own
    try:
        assert command_line.main(["check", "--site", str(site)]) == 3
    finally:
        signal.signal(signal.SIGTERM, handler)
    stderr = capsys.readouterr().err
    assert "RuntimeError: a bug in the builder" in stderr
    assert "this is a bug, not a problem with your content" in stderr
    assert "please report it" in stderr


def test_claims_in_a_linked_folder_are_read_and_a_folder_linked_back_up_ends(tmp_path):
    site = copy_site("minimal", tmp_path)
    claims = site / "content/claims"
    elsewhere = site / "shared"
    elsewhere.mkdir()
    shutil.move(claims / "bridge-closure.yml", elsewhere / "bridge-closure.yml")
    (claims / "2025").symlink_to(elsewhere)
    (elsewhere / "again").symlink_to(claims)  # a loop: followed once
    result = run_builder("check", "--site", str(site))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: 3 claims"), result.stdout


def test_links_out_of_the_site_folder_are_not_followed_so_ci_publishes_nothing_else(tmp_path):
    """A pull request could add seeds/x.txt → /etc/passwd as easily as a file."""
    site = copy_site("minimal", tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("The password is swordfish.\n", encoding="utf-8")
    seed = next((site / "seeds").glob("*.txt"))
    seed.unlink()
    seed.symlink_to(secret)
    outside = tmp_path / "outside-claims"
    outside.mkdir()
    (site / "content/claims/more").symlink_to(outside)
    (site / "content/claims/one.yml").symlink_to(secret)
    (site / "content/pages/secret.md").symlink_to(secret)
    (site / "content/consistency.yml").symlink_to(secret)
    (site / "templates").mkdir(exist_ok=True)
    (site / "templates/404.html").symlink_to(secret)
    result = run_builder("build", "--site", str(site), "--out", str(tmp_path / "_site"))
    assert result.returncode == 1 and "swordfish" not in result.stderr + result.stdout
    links = [line for line in result.stderr.splitlines() if "links are followed only" in line]
    assert sorted(line.split(":", 1)[0].rsplit("/", 2)[-2:] for line in links) == [
        ["claims", "more"], ["claims", "one.yml"], ["content", "consistency.yml"],
        ["pages", "secret.md"], ["seeds", seed.name], ["templates", "404.html"]]
    assert not (tmp_path / "_site").exists()


@pytest.mark.parametrize("place", ["site.yml", "static/secret.txt"])
def test_a_config_or_static_file_linked_from_outside_the_site_is_refused(tmp_path, place):
    site = copy_site("minimal", tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("The password is swordfish.\n", encoding="utf-8")
    (site / place).parent.mkdir(exist_ok=True)
    (site / place).unlink(missing_ok=True)
    (site / place).symlink_to(secret)
    result = run_builder("build", "--site", str(site), "--out", str(tmp_path / "_site"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "swordfish" not in result.stderr + result.stdout
    assert re.search(rf"{re.escape(place)}:1:1: a link to outside the site folder", result.stderr)
    assert not (tmp_path / "_site").exists()


def test_claims_that_are_not_a_folder_or_cannot_be_read_are_errors_not_an_empty_site(tmp_path):
    site = copy_site("minimal", tmp_path)
    out = tmp_path / "_site"
    assert run_builder("build", "--site", str(site), "--out", str(out)).returncode == 0
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    shutil.rmtree(site / "content/claims")
    (site / "content/claims").symlink_to(tmp_path / "nowhere")
    result = run_builder("build", "--site", str(site), "--out", str(out))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert re.search(r"content/claims:1:1: content/claims is not a folder", result.stderr)
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before


def test_a_folder_of_claims_that_cannot_be_read_is_an_error(tmp_path, monkeypatch):
    """As a user without permission would meet it (root reads every folder, so the
    refusal is made by hand here)."""
    from builder import claims
    real_walk = claims.os.walk

    def walk(top, onerror=None, followlinks=False):
        for folder, subfolders, files in real_walk(top, onerror=onerror,
                                                   followlinks=followlinks):
            if folder.endswith("locked"):
                onerror(PermissionError(13, "Permission denied", folder))
                subfolders[:] = []
                continue
            yield folder, subfolders, files
    monkeypatch.setattr(claims.os, "walk", walk)
    site = copy_site("minimal", tmp_path)
    (site / "content/claims/locked").mkdir()
    loaded, problems = claims.load_claims(str(site / "content/claims"), "content/claims")
    assert [str(p) for p in problems if not p.is_warning] == [
        "content/claims/locked:1:1: cannot read this folder of claims: Permission denied"]


@pytest.mark.parametrize("place, says", [
    ("static/pipe", "static/pipe:1:1: not a plain file"),
    ("templates/pipe.html", "templates/pipe.html:1:1: not a plain file"),
])
def test_a_pipe_where_a_file_should_be_is_an_error_not_a_build_that_hangs(tmp_path, place, says):
    site = copy_site("minimal", tmp_path)
    (site / place).parent.mkdir(exist_ok=True)
    os.mkfifo(site / place)
    (site / "seeds/.#alpha.txt").symlink_to("user@host.1:0")  # an editor's lock: ignored
    result = run_builder("build", "--site", str(site), "--out", str(tmp_path / "_site"),
                         timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert says in result.stderr and ".#alpha" not in result.stderr


@pytest.mark.parametrize("make", ["static-folder", "template-include", "git-config"])
def test_links_out_of_the_site_are_refused_however_they_are_reached(tmp_path, make):
    """static/ itself a link, an include through a folder linked into templates/, and a
    seed linked into the site's .git (where a CI checkout may keep a token)."""
    site = copy_site("minimal", tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("The password is swordfish.\n", encoding="utf-8")
    if make == "static-folder":
        (site / "static").symlink_to(outside)
    elif make == "template-include":
        (site / "templates").mkdir()
        (site / "templates/evil").symlink_to(outside)
        (site / "templates/404.html").write_text(
            '{% extends "base.html" %}{% block main %}{% include "evil/secret.txt" %}'
            '{% endblock %}', encoding="utf-8")
    else:
        (site / ".git").mkdir()
        (site / ".git/config").write_text("token = swordfish\n", encoding="utf-8")
        seed = next((site / "seeds").glob("*.txt"))
        seed.unlink()
        seed.symlink_to(site / ".git/config")
    result = run_builder("build", "--site", str(site), "--out", str(tmp_path / "_site"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "swordfish" not in result.stderr + result.stdout
    assert "links are followed only within it" in result.stderr
    assert not (tmp_path / "_site").exists()


def test_a_static_folder_linked_in_from_inside_the_site_is_published(tmp_path):
    site = copy_site("minimal", tmp_path)
    (site / "assets/img").mkdir(parents=True)
    (site / "assets/img/logo.svg").write_text("<svg/>", encoding="utf-8")
    (site / "static").mkdir(exist_ok=True)
    (site / "static/img").symlink_to(site / "assets/img")
    out = tmp_path / "_site"
    result = run_builder("build", "--site", str(site), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert (out / "static/img/logo.svg").read_text(encoding="utf-8") == "<svg/>"


@pytest.mark.parametrize("tags, expected", [
    ("tags:\n  - council\n  -\n  - council", ["12:4: 'tags' items must not be empty",
                                               "13:5: tag 'council' is listed twice"]),
    ("tags: [council, '', council]", ["10:17: 'tags' items must not be empty",
                                      "10:21: tag 'council' is listed twice"]),
])
def test_an_empty_tag_hides_no_tag_listed_twice(tmp_path, tags, expected):
    site = copy_site("minimal", tmp_path)
    replace(CLAIM, "tags: [transport, council]", tags)(site)
    assert _error_lines(_check(site)) == [f"minimal/{CLAIM}:{line}" for line in expected]


def test_a_value_to_put_in_quotes_hides_none_of_the_file_s_other_problems(tmp_path):
    """Each mistake whose fix is certain is reported, and the file read on as if fixed:
    its other errors, the quote checked against the article among them, come in the same
    run."""
    site = copy_site("minimal", tmp_path)
    write(CLAIM, "claim: 'The bridge won't close for long'\n"
                 "claimant: @CouncilPress\n"
                 "date: 2025-13-01\n"
                 "verdict:correct\n"
                 "summary: [The statement](https://council.example/) gives the limit\n"
                 "  of **six weeks**.\n"
                 "appearances:\n"
                 "  - source: alpha\n"
                 "    quote: this passage is not in the article at all\n"
                 "tags: [council, @council, council]\n")(site)
    lines = _error_lines(_check(site))
    assert [line.split(": ", 2)[:2] for line in lines] == [
        [f"minimal/{CLAIM}:1:23", "invalid YAML"], [f"minimal/{CLAIM}:2:11", "invalid YAML"],
        [f"minimal/{CLAIM}:3:7", "'2025-13-01' is not a real date (month must be in 1..12)"
                                 "; write it YYYY-MM-DD"],
        [f"minimal/{CLAIM}:4:8", "invalid YAML"], [f"minimal/{CLAIM}:5:10", "invalid YAML"],
        [f"minimal/{CLAIM}:9:12", "quote not found in source 'alpha'; the closest passage "
                                  "(49% similar, line 3 of the seed) is"],
        [f"minimal/{CLAIM}:10:17", "invalid YAML"],
        [f"minimal/{CLAIM}:10:29", "tag 'council' is listed twice"]], lines
    assert lines[-2] == (f"minimal/{CLAIM}:10:17: invalid YAML: YAML reserves '@' at the start "
                         "of an item: put the whole item in quotes: \"@council\"")


def test_a_rating_scale_of_true_and_false_is_read_as_written(tmp_path):
    """'true' and 'false' are common verdict ids: unquoted, they are the words typed."""
    site = copy_site("minimal", tmp_path)
    replace("site.yml", "  - id: correct", "  - id: true")(site)
    replace("site.yml", "  - id: incorrect", "  - id: false")(site)
    for claim in (site / "content/claims").glob("*.yml"):
        text = claim.read_text(encoding="utf-8")
        text = text.replace("verdict: correct", "verdict: true")
        claim.write_text(text.replace("verdict: incorrect", "verdict: false"), encoding="utf-8")
    result = _check(site)
    assert result.returncode == 0 and result.stderr == "", result.stderr
