"""A claim's appearances from one seed, or from two articles of one outlet: the claim page
compares reports, so it must never compare one with itself, nor name two as one."""
from builder.build import BuildOptions, build

from conftest import copy_site, edit, read_html, run_builder

CLAIM = "content/claims/harbour-ships.yml"
WEEKLY_APPEARANCE = ("  - source: weekly-roe\n"
                     "    quote: the harbour welcomed 40 ships in the last year\n")


def _with_appearances(site, *appearances: tuple[str, str]) -> None:
    """The harbour-ships claim with more appearances, each (source, quote), after its own."""
    written = "".join(f"  - source: {source}\n    quote: {quote}\n" for source, quote in appearances)
    edit(site / CLAIM, WEEKLY_APPEARANCE, WEEKLY_APPEARANCE + written)


def _lines_of(site, text: str) -> list[int]:
    """The lines of the claim file holding `text`: where the warnings must point."""
    lines = (site / CLAIM).read_text(encoding="utf-8").splitlines()
    return [number for number, line in enumerate(lines, 1) if text in line]


def test_a_seed_quoted_twice_in_a_claim_is_a_warning_naming_both_appearances(tmp_path):
    site = copy_site("basic", tmp_path)
    _with_appearances(site, ("daily-harbour", "far too high"),
                      ("daily-harbour", "“welcomed 40 ships in 2024 alone”"))
    result = run_builder("check", "--site", str(site), cwd=tmp_path)
    assert result.returncode == 0 and "Traceback" not in result.stderr
    first, third, fourth = _lines_of(site, "- source: daily-harbour")
    warnings = [line for line in result.stderr.splitlines() if "appearance" in line]
    assert warnings == [
        f"basic/{CLAIM}:{third}:13: warning: appearance 3 quotes 'daily-harbour' again, "
        f"as appearance 1 does (line {first}): the claim page compares reports with one "
        "another, not a report with itself; give another seed's passage, or keep one "
        "appearance of this one and quote more of it",
        # With the quotation marks the report puts round it, still the passage of appearance 1.
        f"basic/{CLAIM}:{fourth}:13: warning: appearance 4 repeats appearance 1 "
        f"(line {first}), the same passage of 'daily-harbour': delete one of them"]


def test_a_claim_page_never_compares_a_report_with_itself(tmp_path):
    site = copy_site("basic", tmp_path)
    _with_appearances(site, ("daily-harbour", "far too high"))
    out = tmp_path / "_site"
    report = build(BuildOptions(str(site), str(out)))
    assert any("quotes 'daily-harbour' again" in str(problem) for problem in report.warnings)
    page = read_html(out, "claims/harbour-ships/")
    pairs = page.select(".comparison .pair")
    # Each of the daily's two passages with the weekly's; the daily's with each other, never.
    assert len(pairs) == 2
    for pair in pairs:
        # A pair shown side by side is headed by its sides; one in other words, by two links.
        sides = [side.get_text(" ", strip=True)
                 for side in pair.select(".side-source") or pair.select("a")]
        assert len(sides) == 2 and sides[0] != sides[1], sides


def _second_daily_article(site) -> None:
    (site / "seeds/daily-later.txt").write_text(
        "A week on, Minister Jane Roe repeated that the harbour “welcomed 41 ships in 2024”.\n",
        encoding="utf-8")
    (site / "seeds/daily-later.yml").write_text(
        "outlet: daily\nheadline: Harbour record revised\npublished: 2025-03-08\n",
        encoding="utf-8")


def test_two_articles_of_one_outlet_are_compared_and_told_apart_by_headline(tmp_path):
    """Quoting two of one outlet's reports may be meant (it corrected itself): compared,
    with no warning, but each named by its headline, never "The Daily Example" twice."""
    site = copy_site("basic", tmp_path)
    _second_daily_article(site)
    _with_appearances(site, ("daily-later", "welcomed 41 ships in 2024"))
    out = tmp_path / "_site"
    report = build(BuildOptions(str(site), str(out)))
    assert not [problem for problem in report.warnings if "appearance" in str(problem)]
    comparison = read_html(out, "claims/harbour-ships/").select_one(".comparison")
    headings = [" ".join(heading.get_text(" ", strip=True).split())
                for heading in comparison.select(".side-source")]
    daily_pair = ["The Daily Example · in “Harbour breaks record, minister says” by The Daily Example",
                  "The Daily Example · in “Harbour record revised” by The Daily Example"]
    assert any(headings[index:index + 2] == daily_pair for index in range(0, len(headings), 2))
    assert "Weekly Example · in the article by Weekly Example" in headings
    figures = [item.get_text(" ", strip=True) for item in comparison.select(".figures li")]
    assert figures == ["The Daily Example, “Harbour breaks record, minister says”: “40”, “2024”",
                       "Weekly Example: “40”, “in the last year”",
                       "The Daily Example, “Harbour record revised”: “41”, “2024”"]
    flagged = " ".join(flag.get_text(" ", strip=True) for flag in comparison.select(".figure-flag"))
    assert "The Daily Example, “Harbour record revised”: “41”" in flagged
