"""Every error kind, with its message and position, all reported in one run."""
import re
import shutil
from pathlib import Path

import pytest

from builder.errors import ContentError
from conftest import PROJECT, copy_site, run_builder


def _errors(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if ":" in line]


def test_the_invalid_fixture_reports_every_problem_in_one_run():
    result = run_builder("check", "--site", "tests/sites/invalid")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    prefix = "tests/sites/invalid/content/claims/"
    assert _errors(result) == [
        f"{prefix}bad-refs.yml:1:1: duplicate claim id 'bad-refs': {prefix}2025/bad-refs.yml has the same name",
        f"{prefix}bad-refs.yml:4:10: unknown verdict 'corect' — did you mean 'correct'? "
        "(known in site.yml: correct, misleading, incorrect, unverifiable)",
        f"{prefix}bad-refs.yml:7:13: unknown source 'daily-harbor' — did you mean 'daily-harbour'? "
        "(known in seeds/: daily-harbour, weekly-roe)",
        f"{prefix}bad-refs.yml:10:12: quote not found in source 'weekly-roe'; the closest passage "
        "(98% similar, line 1 of the seed) is: “the harbour welcomed 40 ships in the last year”",
        f"{prefix}typo-key.yml:4:1: unknown key 'verdit' in a claim — did you mean 'verdict'?",
    ]
    assert result.stderr.rstrip().endswith("\n5 errors")


@pytest.mark.parametrize("file, old, new, expected", [
    ("site.yml", "title: Basic Check", "titel: Basic Check",
     "site.yml:1:1: unknown key 'titel' in site.yml — did you mean 'title'?"),
    ("site.yml", "base_url: https://example.github.io/basic/", "base_url: example.org/basic",
     "site.yml:3:11: 'base_url' must be an absolute http(s) URL, not 'example.org/basic'"),
    ("site.yml", "  - {id: correct,", "  - {id: Correct!,",
     "site.yml:11:10: 'id' 'Correct!' is not a valid id"),
    ("content/claims/too-high.yml", "date: 2025-01-15", "date: 15/01/2025",
     "content/claims/too-high.yml:3:7: 'date' must be a date written YYYY-MM-DD"),
    ("content/claims/too-high.yml", "claimant: Unnamed critics", "claimant: 42",
     "content/claims/too-high.yml:2:11: 'claimant' must be text, not a number (42); put it in quotes"),
    ("content/claims/too-high.yml", "verdict: unverifiable", "verdict: unverifable",
     "content/claims/too-high.yml:4:10: unknown verdict 'unverifable' — did you mean 'unverifiable'?"),
    ("content/claims/too-high.yml", "summary: The report", "summry: The report",
     "content/claims/too-high.yml:5:1: unknown key 'summry' in a claim — did you mean 'summary'?"),
    ("seeds/weekly-roe.yml", "outlet: weekly", "outlet: weakly",
     "seeds/weekly-roe.yml:1:9: unknown outlet 'weakly' — did you mean 'weekly'?"),
    ("seeds/daily-harbour.yml", "donate today.", "donate now.",
     "seeds/daily-harbour.yml:7:5: boilerplate passage not found in the article"),
    ("content/claims/too-high.yml", "quote: far too high", "quote: far too low",
     "content/claims/too-high.yml:8:12: quote not found in source 'daily-harbour'; the closest passage"),
])
def test_each_error_kind_has_its_message_and_position(tmp_path, file, old, new, expected):
    site = copy_site("basic", tmp_path)
    path = site / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = run_builder("check", "--site", str(site), cwd=tmp_path)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    shown = f"basic/{expected}"
    assert any(line.startswith(shown) for line in result.stderr.splitlines()), result.stderr


def _edit(site, file: str, old: str, new: str) -> None:
    path = site / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_broken_site_yml_does_not_hide_the_claims_and_seeds_errors(tmp_path):
    site = copy_site("basic", tmp_path)
    _edit(site, "site.yml", "title: Basic Check", "titel: Basic Check")
    _edit(site, "content/claims/too-high.yml", "verdict: unverifiable", "verdict: unverifable")
    _edit(site, "seeds/weekly-roe.yml", "outlet: weekly", "outlet: weakly")
    result = run_builder("check", "--site", str(site), cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert [line.split(" — ")[0] for line in _errors(result)] == [
        "basic/content/claims/too-high.yml:4:10: unknown verdict 'unverifable'",
        "basic/seeds/weekly-roe.yml:1:9: unknown outlet 'weakly'",
        "basic/site.yml:1:1: unknown key 'titel' in site.yml"]


@pytest.mark.parametrize("break_site_yml, says", [
    (lambda config: _edit(config.parent, "site.yml", "title: Basic Check", "title: [Basic Check"),
     "basic/site.yml:1:8: invalid YAML: this list's opening [ is never closed: end it with ] "
     "(YAML reached line 2, column 12 looking for it)"),
    (lambda config: config.unlink(),
     "basic/site.yml:1:1: site.yml is missing: the site folder needs one (title, base_url, "
     "outlets, verdicts …) beside content/ and seeds/"),
    (lambda config: _edit(config.parent, "site.yml", "title: Basic Check", "titel: Basic Check"),
     "basic/site.yml:1:1: unknown key 'titel' in site.yml — did you mean 'title'?"),
], ids=["not YAML", "missing", "incomplete"])
def test_what_needs_no_site_yml_is_checked_beside_its_errors(tmp_path, break_site_yml, says):
    """A tag in error, a link shown as plain text, a set-apart entry that fits no group:
    none of them needs site.yml, and an editor who broke it hears of them in the same run,
    not one fix later."""
    site = copy_site("basic", tmp_path)
    break_site_yml(site / "site.yml")
    _edit(site, "content/claims/harbour-ships.yml", "tags: [Harbour,", "tags: [harbour, Harbour,")
    _edit(site, "content/claims/too-high.yml", "summary: The report does not name the critics.",
          "summary: See [the report][nope].")
    set_apart_no_such_group(site)
    result = run_builder("check", "--site", str(site), cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "basic/content/claims/harbour-ships.yml:14:17: tag 'Harbour' and tag 'harbour' "
        "(basic/content/claims/harbour-ships.yml:14:8) both become /tags/harbour/; spell them "
        "the same",
        "basic/content/claims/not-done.yml:11:8: tag 'Harbour' and tag 'harbour' "
        "(basic/content/claims/harbour-ships.yml:14:8) both become /tags/harbour/; spell them "
        "the same",
        "basic/content/claims/too-high.yml:5:14: warning: link '[the report][nope]' would be "
        "shown as plain text: no line '[nope]: address' in this text defines it",
        "basic/content/consistency.yml:2:12: warning: no quotation group 'no-such-group' on "
        "/consistency/",
        says, "3 errors"]


def test_ids_site_yml_cannot_give_are_not_called_unknown(tmp_path):
    site = copy_site("basic", tmp_path)
    _edit(site, "site.yml", "  - {id: unverifiable,", "  - {idd: unverifiable,")
    _edit(site, "site.yml", "  daily: {name: The Daily Example,", "  Daily!: {name: The Daily Example,")
    result = run_builder("check", "--site", str(site), cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    errors = _errors(result)
    assert len(errors) == 2, errors  # no claim's verdict, no seed's outlet, called unknown
    assert errors[0].startswith("basic/site.yml:8:3: outlet id 'Daily!' is not a valid id")
    assert errors[1].startswith("basic/site.yml:14:6: unknown key 'idd' in a verdict")


def test_a_seed_without_sidecar_and_a_sidecar_without_seed(tmp_path):
    site = copy_site("basic", tmp_path)
    (site / "seeds" / "orphan.txt").write_text("Some text.\n", encoding="utf-8")
    shutil.copy(site / "seeds" / "weekly-roe.yml", site / "seeds" / "lonely.yml")
    result = run_builder("check", "--site", str(site), cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert "basic/seeds/lonely.yml:1:1: sidecar has no article: basic/seeds/lonely.txt is missing" in lines
    assert any(line.startswith("basic/seeds/orphan.txt:1:1: article has no sidecar") for line in lines)


@pytest.mark.parametrize("template, expected", [
    ('{% extends "base.html" %}\n{% block main %}{% if %}{% endblock %}',
     "basic/templates/404.html:2:1: template error: Expected an expression"),
    ('{% extends "base.html" %}{% block main %}\n{{ nosuch.attr }}{% endblock %}',
     "basic/templates/404.html:2:1: template error: 'nosuch' is undefined"),
    # Python's own errors in what a template runs are the template's too.
    ('{% extends "base.html" %}{% block main %}\n\n{{ "Updated " + 1 }}{% endblock %}',
     "basic/templates/404.html:3:1: template error: can only concatenate str"),
    ('{% extends "base.html" %}{% block main %}\n{{ 1 // 0 }}{% endblock %}',
     "basic/templates/404.html:2:1: template error: integer division or modulo by zero"),
    ('<!-- caf\xe9 -->\n<p>Not found</p>'.encode("latin-1"),
     "basic/templates/404.html:1:9: template is not UTF-8 text: byte 0xe9 cannot be read"),
])
def test_a_broken_site_template_is_a_positioned_content_error(tmp_path, template, expected):
    site = copy_site("basic", tmp_path)
    (site / "templates").mkdir()
    page = site / "templates" / "404.html"
    page.write_bytes(template) if isinstance(template, bytes) else page.write_text(template)
    result = run_builder("build", "--site", str(site), "--out", str(tmp_path / "_site"), cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0].startswith(expected), result.stderr
    assert not (tmp_path / "_site").exists()


def test_an_appearance_in_error_still_has_its_source_checked(tmp_path):
    site = copy_site("basic", tmp_path)
    _edit(site, "content/claims/too-high.yml",
          "  - source: daily-harbour\n    quote: far too high",
          "  - source: daily-harbor\n    quote: 42\n  - source: weekly-rose")
    result = run_builder("check", "--site", str(site), cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    claim = "basic/content/claims/too-high.yml"
    assert [line.split(" — ")[0].split(";")[0] for line in _errors(result)] == [
        f"{claim}:7:13: unknown source 'daily-harbor'",
        f"{claim}:8:12: 'quote' must be text, not a number (42)",
        f"{claim}:9:5: missing required key 'quote' in an appearance",
        f"{claim}:9:13: unknown source 'weekly-rose'"]


def test_check_finds_a_template_that_does_not_parse_with_the_content_errors(tmp_path):
    """`check` says what `build` would: a broken template and a broken claim in one run."""
    site = copy_site("basic", tmp_path)
    (site / "templates").mkdir()
    (site / "templates" / "claim.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n{% if %}{% endif %}{% endblock %}')
    _edit(site, "content/claims/too-high.yml", "verdict: unverifiable", "verdict: unverifyable")
    result = run_builder("check", "--site", str(site), cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert any(line.startswith("basic/templates/claim.html:3:1: template error: Expected an "
                               "expression") for line in lines), lines
    assert any("unknown verdict 'unverifyable'" in line for line in lines), lines


def test_a_misspelt_sidecar_key_hides_no_other_error(tmp_path):
    """A sidecar's unknown key, its unknown outlet and a claim's quote not in that article:
    all three in one run, not one after another."""
    site = copy_site("basic", tmp_path)
    _edit(site, "seeds/daily-harbour.yml", "outlet: ", "autor: A\noutlet: x")
    _edit(site, "content/claims/too-high.yml", "quote: far too high", "quote: far too hihg")
    result = run_builder("check", "--site", str(site), cwd=tmp_path)
    assert result.returncode == 1
    text = result.stderr
    assert "basic/seeds/daily-harbour.yml:1:1: unknown key 'autor'" in text, text
    assert "unknown outlet 'x" in text, text
    assert "quote not found in source 'daily-harbour'" in text, text


def test_likely_slips_are_warnings_at_their_lines(tmp_path):
    """A claim dated in the future, a correction before the review was published, an
    appearance listed twice: each probably a slip, none an error."""
    site = copy_site("basic", tmp_path)
    for old, new in (("date: 2025-03-01", "date: 2205-03-01"),
                     ("published: 2025-03-03", "published: 2205-03-03"),
                     ("updated: 2025-03-04", "updated: 2205-03-04"),
                     ("tags: [Harbour]",
                      "  - source: weekly-roe\n    quote: We're not done...  we will build more.\n"
                      "tags: [Harbour]\ncorrections:\n  - date: 2205-03-02\n    text: A typo.")):
        _edit(site, "content/claims/not-done.yml", old, new)
    result = run_builder("check", "--site", str(site), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    claim = "basic/content/claims/not-done.yml"
    assert f"{claim}:3:7: warning: the claim's date (2205-03-01) is in the future: is the year " \
           "right?" in lines, lines
    assert f"{claim}:12:12: warning: the same source and quote as appearance 2" in lines, lines
    assert f"{claim}:15:11: warning: correction dated 2205-03-02, before the review was " \
           "published (2205-03-03)" in lines, lines


def test_a_link_the_page_would_show_as_plain_text_is_a_warning_at_its_address(tmp_path):
    site = copy_site("basic", tmp_path)
    _edit(site, "content/claims/not-done.yml",
          "summary: The quote is accurate but the reports differ in punctuation.",
          "summary: See [the minutes](htp://council.example/minutes) and [x](javascript:go).")
    page = site / "content/pages/about.md"
    page.write_text("---\ntitle: About\n---\nHello.\n\nWrite to [us](mailt:desk@example.org).\n",
                    encoding="utf-8")
    result = run_builder("check", "--site", str(site), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert ("basic/content/claims/not-done.yml:5:28: warning: link to "
            "'htp://council.example/minutes' would be shown as plain text: links go to http, "
            "https, mailto or a path on this site — did you mean "
            "'http://council.example/minutes'?") in lines, lines
    assert any(line.startswith("basic/content/claims/not-done.yml:5:67: warning: link to "
                               "'javascript:go' would be shown as plain text") for line in lines)
    assert all(_written_at(tmp_path, line) for line in lines), lines
    assert any(line.startswith("basic/content/pages/about.md:6:15: warning: link to "
                               "'mailt:desk@example.org'") and "did you mean 'mailto:" in line
               for line in lines), lines


def _written_at(folder, line: str) -> bool:
    """Whether a link warning's line and column are where the file has the link's address."""
    found = re.match(r"(.+?):(\d+):(\d+): warning: link to '([^']+)'", line)
    path, number, column, target = found.groups()
    text = (folder / path).read_text(encoding="utf-8").splitlines()[int(number) - 1]
    return text[int(column) - 1:].startswith(target)


def test_paths_from_inside_the_site_read_as_the_editor_types_them(tmp_path):
    site = copy_site("basic", tmp_path)
    _edit(site, "content/claims/too-high.yml", "verdict: unverifiable", "verdict: nope")
    result = run_builder("check", "--site", ".", cwd=site)
    assert result.stderr.startswith("content/claims/too-high.yml:4:10: unknown verdict 'nope'")


def test_a_link_to_no_page_of_the_site_is_a_warning_at_its_text(tmp_path):
    """As Zola does: a claim or page linking to a claim, tag or page the build did not
    make is told, at the text; links that work, and links elsewhere, are not."""
    site = copy_site("basic", tmp_path)
    _edit(site, "content/claims/not-done.yml",
          "summary: The quote is accurate but the reports differ in punctuation.",
          "summary: See [a](../no-such-claim/), [b](../too-high/), [c](/basic/tags/typo/), "
          "[d](https://example.github.io/basic/verdicts/correct/), [e](/basic/feed.xml) "
          "and [f](https://elsewhere.example/gone/).")
    page = site / "content/pages/about.md"
    page.write_text("---\ntitle: About\n---\nHello.\n\nSee [the method](../methodology/) and "
                    "[this](../nothing-here/#part).\n", encoding="utf-8")
    out = tmp_path / "_site"
    result = run_builder("build", "--site", str(site), "--out", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "leads to no page" in line]
    assert warnings == [
        "basic/content/claims/not-done.yml:5:18: warning: link to '../no-such-claim/' leads "
        "to no page of this site (/basic/claims/no-such-claim/)",
        "basic/content/claims/not-done.yml:5:61: warning: link to '/basic/tags/typo/' leads "
        "to no page of this site (/basic/tags/typo/) — did you mean '/basic/tags/'?",
        "basic/content/pages/about.md:6:46: warning: link to '../nothing-here/#part' leads to "
        "no page of this site (/basic/nothing-here/)",
    ], result.stderr
    assert all(_written_at(tmp_path, line) for line in warnings)
    assert (out / "claims/not-done/index.html").is_file()  # a warning: the site is built


def test_reference_links_are_checked_at_their_address_and_an_undefined_one_where_used(
        tmp_path):
    """'[text][label]' with '[label]: address' is a link as '[text](address)' is: its
    address is checked where it is written. A named label nothing defines leaves the
    link as typed on the page; a bare '[text]' is ordinary prose ('[sic]')."""
    site = copy_site("basic", tmp_path)
    _edit(site, "content/claims/not-done.yml",
          "summary: The quote is accurate but the reports differ in punctuation.",
          "summary: |\n  See [the other][other], [too high][], [harbour ships] [sic] and "
          "[a report][nope].\n\n  [other]: ../no-such-claim/\n  [too high]: ../too-high/"
          "\n  [Harbour  Ships]:\n    <../harbour-shipz/>")
    page = site / "content/pages/about.md"
    page.write_text("---\ntitle: About\n---\nSee [the method][].\n\n"
                    "[the method]: ../methodolgy/#scale\n", encoding="utf-8")
    result = run_builder("check", "--site", str(site), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "basic/content/claims/not-done.yml:6:67: warning: link '[a report][nope]' would be "
        "shown as plain text: no line '[nope]: address' in this text defines it",
        "basic/content/claims/not-done.yml:8:12: warning: link to '../no-such-claim/' leads "
        "to no page of this site (/basic/claims/no-such-claim/)",
        "basic/content/claims/not-done.yml:11:5: warning: link to '../harbour-shipz/' leads "
        "to no page of this site (/basic/claims/harbour-shipz/) — did you mean "
        "'../harbour-ships/'?",
        "basic/content/pages/about.md:6:15: warning: link to '../methodolgy/#scale' leads to "
        "no page of this site (/basic/methodolgy/) — did you mean '../methodology/#scale'?",
    ], result.stderr
    for line, written in zip(result.stderr.splitlines(), ["[a report][nope]",
                                                          "../no-such-claim/",
                                                          "<../harbour-shipz/>",
                                                          "../methodolgy/#scale"]):
        path, number, column = line.split(":")[:3]
        text = (tmp_path / path).read_text(encoding="utf-8").splitlines()[int(number) - 1]
        assert text[int(column) - 1:].startswith(written), line


def test_a_reference_link_in_a_note_is_told_it_shows_as_typed_where_it_is_written(tmp_path):
    site = copy_site("basic", tmp_path)
    _edit(site, "content/claims/harbour-ships.yml", "note: Dated to *2024*.",
          "note: Dated to [2024][y].")
    result = run_builder("check", "--site", str(site), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "basic/content/claims/harbour-ships.yml:10:20: warning: link '[2024][y]' would be "
        "shown as plain text: a note or correction is shown as one paragraph, which reads no "
        "'[label]: address' lines; write '[text](address)'"]


def test_a_claim_s_error_comes_with_every_warning_a_build_would_give_in_the_same_run(
        tmp_path):
    """Links to no page and set-apart entries that fit no group are found on the part of
    the site that builds, the claim in error's own links included; links to the pages
    the claim in error will make once mended (its own, its tags') lead somewhere."""
    site = copy_site("basic", tmp_path)
    _edit(site, "content/claims/too-high.yml", "verdict: unverifiable",
          "verdict: unverifable")
    _edit(site, "content/claims/too-high.yml", "summary: The report does not name the critics.",
          "summary: See [a](../no-such-claim/), [b](../not-done/#nowhere) and "
          "[c](/basic/tags/critics/).\ntags: [Critics]")
    _edit(site, "content/claims/not-done.yml",
          "summary: The quote is accurate but the reports differ in punctuation.",
          "summary: See [a](../too-high/#anything), [b](/basic/tags/critics/) and "
          "[c](../nor-this/).")
    set_apart_no_such_group(site)
    result = run_builder("check", "--site", str(site), cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "basic/content/claims/not-done.yml:5:76: warning: link to '../nor-this/' leads to no "
        "page of this site (/basic/claims/nor-this/)",
        "basic/content/claims/too-high.yml:4:10: unknown verdict 'unverifable' — did you mean "
        "'unverifiable'? (known in site.yml: correct, misleading, incorrect, unverifiable)",
        "basic/content/claims/too-high.yml:5:18: warning: link to '../no-such-claim/' leads "
        "to no page of this site (/basic/claims/no-such-claim/)",
        "basic/content/claims/too-high.yml:5:42: warning: link to '../not-done/#nowhere' "
        "leads to no '#nowhere' on /basic/claims/not-done/",
        "basic/content/consistency.yml:2:12: warning: no quotation group 'no-such-group' on "
        "/consistency/",
        "1 error"]
    assert all(_written_at(tmp_path, line) for line in result.stderr.splitlines()
               if ": warning: link to" in line)
    # As the preview tells them, over the page.
    from builder.serve import SiteBuilder
    assert SiteBuilder(str(site)).build().problems == tuple(
        line.replace("basic/", f"{site}/", 1) for line in result.stderr.splitlines()[:-1])


def test_with_a_seed_unread_a_set_apart_entry_is_told_it_fits_no_group_and_why_it_may(
        tmp_path):
    """The group it names may be one the unread seed is in, or the id may be misspelt: the
    editor hears of it now, told that the seed may be why; and every other file's
    warnings come in the same run."""
    site = copy_site("basic", tmp_path)
    (site / "content/consistency.yml").write_text(
        "set_apart:\n  - group: no-such-group\n    source: daily-harbour\n"
        "    reason: Said elsewhere.\n", encoding="utf-8")
    (site / "seeds/weekly-roe.yml").write_text("outlet: [weekly\n", encoding="utf-8")
    _edit(site, "content/claims/too-high.yml", "summary: The report does not name the critics.",
          "summary: See [a](../no-such-claim/).")
    result = run_builder("check", "--site", str(site), cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert [line.split(": ")[0] for line in result.stderr.splitlines()] == [
        "basic/content/claims/too-high.yml:5:18", "basic/content/consistency.yml:2:12",
        "basic/seeds/weekly-roe.yml:1:9", "1 error"], result.stderr
    assert result.stderr.splitlines()[1].endswith(
        "warning: no quotation group 'no-such-group' on /consistency/; but seed 'weekly-roe' "
        "could not be read and may be in that group: check again once it is mended")


def test_a_claim_s_error_comes_with_static_s_and_a_page_template_s_errors_and_the_links(
        tmp_path):
    """What only rendering finds is told with the content's errors, not after them: a
    file of static/ that cannot be published, a template that fails on a page."""
    site = copy_site("basic", tmp_path)
    _edit(site, "content/claims/too-high.yml", "verdict: unverifiable", "verdict: unverifable")
    _edit(site, "content/claims/not-done.yml",
          "summary: The quote is accurate but the reports differ in punctuation.",
          "summary: See [a](../no-such-claim/).")
    (site / "static").mkdir()
    (site / "static/extra.css").symlink_to(tmp_path)
    result = run_builder("check", "--site", str(site), cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert [line.split(": ")[0] for line in result.stderr.splitlines()] == [
        "basic/content/claims/not-done.yml:5:18", "basic/content/claims/too-high.yml:4:10",
        "basic/static/extra.css:1:1", "2 errors"], result.stderr
    (site / "static/extra.css").unlink()
    (site / "templates").mkdir()
    page = (PROJECT / "templates/page.html").read_text(encoding="utf-8")
    assert "{{ page.title }}" in page
    (site / "templates/page.html").write_text(page.replace("{{ page.title }}",
                                                           "{{ page.no_such_part }}"))
    result = run_builder("check", "--site", str(site), cwd=tmp_path)
    assert "Traceback" not in result.stderr
    assert any(line.startswith("basic/templates/page.html:") and "no_such_part" in line
               for line in result.stderr.splitlines()), result.stderr


def test_if_the_warnings_beside_errors_cannot_be_worked_out_one_line_says_so(
        tmp_path, monkeypatch, capsys):
    """The last safety net: a bug met on the part of a site that builds costs the editor
    neither the errors nor a word of what was not checked, and prints no traceback."""
    from builder import build as pipeline

    def broken_analysis(*arguments):
        raise KeyError("a bug")

    site = copy_site("basic", tmp_path)
    _edit(site, "content/claims/too-high.yml", "verdict: unverifiable", "verdict: unverifable")
    monkeypatch.setattr(pipeline, "analyse", broken_analysis)
    monkeypatch.chdir(tmp_path)  # paths as the editor types them: basic/…
    with pytest.raises(ContentError) as stopped:
        pipeline.make_site(pipeline.BuildOptions("basic"))
    told = [str(problem) for problem in stopped.value.problems]
    assert told == [
        "basic/content/claims/too-high.yml:4:10: unknown verdict 'unverifable' — did you "
        "mean 'unverifiable'? (known in site.yml: correct, misleading, incorrect, unverifiable)",
        "basic/site.yml:1:1: warning: the links and content/consistency.yml could not be "
        "checked beside these errors (an internal error in the builder: KeyError: 'a bug'; "
        "please report it); they will be once the errors are fixed"]
    assert "Traceback" not in capsys.readouterr().err


def test_a_claim_file_copied_from_another_is_told_it_duplicates_it(tmp_path):
    """The same claim text, or summary, and a passage both quote (however typed): the
    later file in order is told, with where the other is."""
    site = copy_site("basic", tmp_path)
    claims = site / "content/claims"
    copied = (claims / "not-done.yml").read_text(encoding="utf-8")
    (claims / "2025").mkdir()
    (claims / "2025/roe-not-done.yml").write_text(
        copied.replace("quote: We're not done... we will build more.",
                       "quote: \"We’re  not done… we will build more.\""), encoding="utf-8")
    result = run_builder("check", "--site", str(site), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "basic/content/claims/not-done.yml:1:8: warning: duplicates claim 'roe-not-done' "
        "(basic/content/claims/2025/roe-not-done.yml:1:8), or that one this: the same claim "
        "and summary, quoting the same passage of 'daily-harbour'; make each its own claim, "
        "or delete one"]


@pytest.mark.parametrize("claim, quote", [
    # Another claim made in the same words of the same report.
    ("Roe promised more building", "We're not done... we will build more."),
    # The same claim, checked again in words of other reports.
    ("Roe said the harbour work is not done", "the harbour welcomed 40 ships"),
])
def test_claims_alike_in_one_way_only_are_not_copies(tmp_path, claim, quote):
    site = copy_site("basic", tmp_path)
    (site / "content/claims/roe-again.yml").write_text(
        f"claim: {claim}\nclaimant: Jane Roe\ndate: 2025-03-01\nverdict: misleading\n"
        "summary: Its own reasoning.\n"
        f"appearances:\n  - source: weekly-roe\n    quote: {quote}\n", encoding="utf-8")
    result = run_builder("check", "--site", str(site), cwd=tmp_path)
    assert result.returncode == 0 and result.stderr == "", result.stderr


def test_a_link_from_the_domain_root_to_a_page_of_the_site_says_to_write_the_base_path(
        tmp_path):
    """Under /basic/, '/methodology/' leads off the site; '/elsewhere/' may be another
    site on the domain and is left alone."""
    site = copy_site("basic", tmp_path)
    page = site / "content/pages/about.md"
    page.write_text("---\ntitle: About\n---\nSee [the method](/methodology/), "
                    "[ships](/claims/harbour-ships/#why) and [other](/elsewhere/).\n",
                    encoding="utf-8")
    result = run_builder("check", "--site", str(site), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "leads outside" in line]
    assert warnings == [
        "basic/content/pages/about.md:4:18: warning: link to '/methodology/' leads outside "
        "the site, which is published under /basic/: write '/basic/methodology/', or a link "
        "relative to this page",
        "basic/content/pages/about.md:4:42: warning: link to '/claims/harbour-ships/#why' "
        "leads outside the site, which is published under /basic/: write "
        "'/basic/claims/harbour-ships/#why', or a link relative to this page"]


def test_a_misspelt_link_is_offered_the_page_it_nearly_names_as_the_editor_wrote_it(tmp_path):
    site = copy_site("basic", tmp_path)
    _edit(site, "content/claims/not-done.yml",
          "summary: The quote is accurate but the reports differ in punctuation.",
          "summary: See [a](../harbour-ship/) and [b](/basic/tags/shiping-figures/) and "
          "[c](../harbour-ship/#harbour-ship).")
    result = run_builder("build", "--site", str(site), "--out", str(tmp_path / "_site"),
                         cwd=tmp_path)
    warnings = [line for line in result.stderr.splitlines() if "leads to no page" in line]
    assert [line.split(" — ")[-1] for line in warnings] == [
        "did you mean '../harbour-ships/'?", "did you mean '/basic/tags/shipping-figures/'?",
        # the address is mended, not the #part after it
        "did you mean '../harbour-ships/#harbour-ship'?"]


def test_a_link_to_a_part_of_a_page_that_is_not_there_is_a_warning(tmp_path):
    """A fragment must name an id on the page it leads to; on /consistency/, a group's
    id (or an id it had before) counts wherever its group is, as the page's script
    finds it."""
    site = copy_site("basic", tmp_path)
    _edit(site, "content/claims/not-done.yml",
          "summary: The quote is accurate but the reports differ in punctuation.",
          "summary: See [a](../too-high/#reasoning), [b](../too-high/#reasonning), "
          "[c](#where), [d](#nowhere) and "
          "[e](../../consistency/#were-not-done-we-will-build-c78b57) and "
          "[f](../../consistency/#were-not-done-gone-000000).")
    result = run_builder("build", "--site", str(site), "--out", str(tmp_path / "_site"),
                         cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    warnings = [line.split(": warning: ")[1] for line in result.stderr.splitlines()
                if "leads to no '#" in line]
    assert warnings == [
        "link to '../too-high/#reasonning' leads to no '#reasonning' on /basic/claims/too-high/",
        "link to '#nowhere' leads to no '#nowhere' on /basic/claims/not-done/",
        "link to '../../consistency/#were-not-done-gone-000000' leads to no "
        "'#were-not-done-gone-000000' on /basic/consistency/",
    ], result.stderr


def test_a_sidecar_s_bad_date_does_not_hide_its_unknown_outlet(tmp_path):
    site = copy_site("basic", tmp_path)
    _edit(site, "seeds/weekly-roe.yml", "outlet: weekly", "outlet: nobody")
    _edit(site, "seeds/weekly-roe.yml", "published: unknown", "published: 2025-13-01")
    result = run_builder("check", "--site", str(site), cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "basic/seeds/weekly-roe.yml:1:9: unknown outlet 'nobody' (known in site.yml outlets: "
        "daily, weekly)",
        "basic/seeds/weekly-roe.yml:3:12: '2025-13-01' is not a real date (month must be in "
        "1..12); write it YYYY-MM-DD",
        "2 errors"]


@pytest.mark.parametrize("old, new, expected", [
    ("date: 2025-01-15", "date: 2025-02-30", ":3:7: '2025-02-30' is not a real date"),
    ("source: daily-harbour", "source: nosuch", ":7:13: unknown source 'nosuch'"),
    ("claim: ", "claim: !!binary aGVsbG8= #", ":1:8: YAML tags such as '!!binary'"),
])
def test_a_claim_s_error_brings_no_follow_on_claimreview_error(tmp_path, old, new, expected):
    """Its own error says what is wrong; 'ClaimReview: … is missing' at 1:1 would not."""
    site = copy_site("basic", tmp_path)
    _edit(site, "content/claims/too-high.yml", old, new)
    result = run_builder("check", "--site", str(site), cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and lines[1] == "1 error", lines
    assert lines[0].startswith("basic/content/claims/too-high.yml" + expected), lines


def test_check_reports_a_link_to_no_page_as_a_build_would_and_writes_no_site(tmp_path):
    site = copy_site("basic", tmp_path)
    _edit(site, "content/claims/not-done.yml",
          "summary: The quote is accurate but the reports differ in punctuation.",
          "summary: See [a](../no-such-claim/).")
    checked = run_builder("check", "--site", str(site), cwd=tmp_path)
    built = run_builder("build", "--site", str(site), "--out", str(tmp_path / "out"),
                        cwd=tmp_path)
    assert checked.returncode == built.returncode == 0
    warning = "basic/content/claims/not-done.yml:5:18: warning: link to '../no-such-claim/'"
    assert checked.stderr.startswith(warning) and built.stderr.startswith(warning)
    assert checked.stderr == built.stderr
    assert not (tmp_path / "_site").exists() and not (site / "_site").exists()


@pytest.mark.parametrize("language, warned", [("English", True), ("en GB", True),
                                               ("en", False), ("en-GB", False),
                                               ("zh-Hant", False)])
def test_a_language_that_is_not_a_language_tag_is_a_warning(tmp_path, language, warned):
    site = copy_site("basic", tmp_path)
    _edit(site, "site.yml", "language: en-GB", f"language: {language}")
    result = run_builder("check", "--site", str(site), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    expected = (f"basic/site.yml:4:11: warning: 'language' is '{language}', which browsers, "
                "screen readers and search engines cannot read")
    assert result.stderr.startswith(expected) == warned, result.stderr


@pytest.mark.parametrize("claim_date, correction, warned", [
    ("2025-03-01", "2025-02-28", True), ("2025-03-01", "2025-03-01", False),
    ("2025-03", "2025-03-02", False),   # a month-only claim date: any day of it may be later
    ("2025-03", "2025-02-27", True)])
def test_a_correction_dated_before_the_claim_was_made_is_a_warning(
        tmp_path, claim_date, correction, warned):
    site = copy_site("basic", tmp_path)
    _edit(site, "content/claims/not-done.yml", "date: 2025-03-01", f"date: {claim_date}")
    _edit(site, "content/claims/not-done.yml", "published: 2025-03-03\n", "")
    _edit(site, "content/claims/not-done.yml", "tags: [Harbour]",
          f"tags: [Harbour]\ncorrections:\n  - date: {correction}\n    text: A typo.")
    result = run_builder("check", "--site", str(site), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    found = [line for line in result.stderr.splitlines() if "before the claim was made" in line]
    assert found == ([f"basic/content/claims/not-done.yml:13:11: warning: correction dated "
                      f"{correction}, before the claim was made ({claim_date})"] if warned else [])


def test_boilerplate_found_twice_or_over_a_checked_quote_is_a_warning_saying_what_readers_see(
        tmp_path):
    site = copy_site("basic", tmp_path)
    seed = site / "seeds/daily-harbour.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\nSupport our journalism: donate today.\n",
                    encoding="utf-8")
    _edit(site, "seeds/daily-harbour.yml", '  - "Support our journalism: donate today."',
          '  - "Support our journalism: donate today."\n  - figure was “far too high”')
    result = run_builder("check", "--site", str(site), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert ("basic/seeds/daily-harbour.yml:7:5: warning: boilerplate passage occurs 2 times in "
            "the article; the first, on line 3, is hidden: give more of the passage to pick "
            "another") in result.stderr
    assert ("basic/content/claims/too-high.yml:8:12: warning: quote lies in a passage "
            "daily-harbour.yml marks as boilerplate, which readers see folded away as not part "
            "of the report") in result.stderr


def test_every_wrong_item_of_a_list_is_reported_and_quotes_are_checked_despite_a_broken_config(
        tmp_path):
    site = copy_site("basic", tmp_path)
    _edit(site, "content/claims/too-high.yml", "quote: far too high", "quote: far too highx")
    claim = site / "content/claims/too-high.yml"
    claim.write_text(claim.read_text(encoding="utf-8") + "tags: [Norway, 2025, yes, null]\n",
                     encoding="utf-8")
    config = site / "site.yml"
    config.write_text(config.read_text(encoding="utf-8") + "funding: [\n", encoding="utf-8")
    result = run_builder("check", "--site", str(site), cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("basic/")]
    expected = [
        "basic/content/claims/too-high.yml:8:12: quote not found in source 'daily-harbour'",
        "basic/content/claims/too-high.yml:9:16: 'tags' items must be text, not a number",
        "basic/content/claims/too-high.yml:9:27: 'tags' items must not be empty",
        "basic/site.yml:"]
    assert len(lines) == len(expected), result.stderr
    assert all(line.startswith(start) for line, start in zip(lines, expected)), result.stderr
    assert "invalid YAML" in lines[-1]


def test_a_link_warning_in_a_folded_summary_points_at_the_line_the_link_is_on(tmp_path):
    site = copy_site("basic", tmp_path)
    _edit(site, "content/claims/not-done.yml",
          "summary: The quote is accurate but the reports differ in punctuation.",
          "summary: >-\n  The quote is accurate but\n  see [a](../no-such-claim/) here.\n\n"
          "  And [b](../nor-this/).")
    result = run_builder("check", "--site", str(site), cwd=tmp_path)
    warnings = [line.split(": warning: ")[0] for line in result.stderr.splitlines()
                if "leads to no page" in line]
    assert warnings == ["basic/content/claims/not-done.yml:7:11",
                        "basic/content/claims/not-done.yml:9:11"], result.stderr


def test_positions_in_a_value_folded_from_lines_are_never_guessed():
    """More indented lines keep their line breaks when folded: no columns, only the
    value's start, rather than a wrong column."""
    from builder.yamlfile import parse_yaml
    document, _ = parse_yaml("summary: >\n  one\n    two indented\n  three\n", "f.yml")
    place = document.text_at("summary")
    assert place.folded == ()
    assert str(place.at(document.value["summary"], 5)) == "f.yml:1:10"


def set_apart_no_such_group(site: Path) -> None:
    """A consistency.yml entry that fits no quotation group: a warning only the analysis
    can give."""
    (site / "content/consistency.yml").write_text(
        "set_apart:\n  - group: no-such-group\n    source: weekly-roe\n"
        "    reason: Said elsewhere.\n", encoding="utf-8")
