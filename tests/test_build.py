"""The built fixture site, read as a reader and an aggregator would."""
import json
import re
from pathlib import Path

import pytest

from conftest import SITES, copy_site, read_html, run_builder

BASE = "/basic/"


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("basic") / "_site"
    result = run_builder("build", "--site", str(SITES / "basic"), "--out", str(target))
    assert result.returncode == 0, result.stderr
    summary = re.fullmatch(r"Built (\d+) pages \((\d+) files\) into \S+_site: 3 claims, 2 sources, "
                           r"0 warnings in \d+\.\d\d s\n", result.stdout)
    assert summary, result.stdout
    assert int(summary[1]) == len(list(target.rglob("*.html")))
    assert int(summary[2]) == len([p for p in target.rglob("*") if p.is_file()])
    return target


def test_home_lists_claims_newest_first_with_verdict_counts(out):
    home = read_html(out, "")
    titles = [a.get_text() for a in home.select(".claim-link")]
    assert titles == ["Roe said the harbour work is not done", "The harbour welcomed 40 ships in 2024",
                      "Critics called the figure far too high"]
    counts = {li.select_one(".verdict").get_text(): li.select_one(".count").get_text()
              for li in home.select(".verdict-counts li")}
    assert counts == {"Correct": "1", "Misleading": "1", "Incorrect": "0", "Unverifiable": "1"}


def test_claim_page_says_the_verdict_its_place_and_every_appearance(out):
    page = read_html(out, "claims/harbour-ships/")
    assert page.h1.get_text() == "The harbour welcomed 40 ships in 2024"
    assert page.select_one(".verdict-line .verdict").get_text() == "Correct"
    assert page.select_one(".place").get_text() == "rated 4 of 4, where 4 is best"
    assert page.select_one(".scale-compact .current").get_text(strip=True) == "Correct"
    assert page.select_one(".verdict-description").get_text() == "The claim is accurate."
    appearances = page.select(".appearance")
    assert [a.select_one("mark").get_text() for a in appearances] == [
        "welcomed 40 ships in 2024 alone", "the harbour welcomed 40 ships in the last year"]
    assert appearances[0].blockquote.get_text() == (
        "Minister Jane Roe said the harbour “welcomed 40 ships in 2024 alone” – a record.")
    assert appearances[0].select_one(".spot")["href"] == f"{BASE}sources/daily-harbour/#q-harbour-ships-1"
    assert "The Daily Example" in appearances[0].select_one(".source-line").get_text()
    assert appearances[0].select_one(".note em").get_text() == "2024"
    assert page.select_one(".summary strong").get_text() == "40 ships"
    assert "the weekly" in page.select_one(".consistency-note").get_text()


def test_source_page_highlights_each_quote_with_an_anchor_linked_to_its_claim(out):
    page = read_html(out, "sources/daily-harbour/")
    anchor = page.find(id="q-harbour-ships-1")
    mark = anchor.find_next_sibling("mark")
    assert mark.get_text() == "welcomed 40 ships in 2024 alone"
    assert mark.a["href"] == f"{BASE}claims/harbour-ships/"
    boilerplate = page.select_one("details.boilerplate")
    assert boilerplate.p.get_text() == "Support our journalism: donate today."
    story = " ".join(p.get_text() for p in page.select(".article-text > p"))
    assert "donate" not in story
    assert page.select_one(".source-meta").get_text(" ", strip=True).startswith(
        "Outlet The Daily Example Published 1 March 2025 Author A. Reporter")


def test_every_internal_link_resolves_to_a_built_file(out):
    for html_file in out.rglob("*.html"):
        page = read_html(out, str(html_file.relative_to(out)).replace("index.html", ""))
        for element in page.select("[href], [src]"):
            url = element.get("href") or element.get("src")
            if url.startswith(("http://", "https://", "mailto:")):
                continue
            if url.startswith("#"):
                assert page.find(id=url[1:]), f"{html_file}: no element with id {url}"
                continue
            assert url.startswith(BASE), f"{html_file}: {url} lacks the base path"
            path = url[len(BASE):].split("#")[0]
            target = out / (path + "index.html" if path == "" or path.endswith("/") else path)
            assert target.is_file(), f"{html_file}: broken link {url}"
            fragment = url.partition("#")[2]
            if fragment:
                assert read_html(out, path).find(id=fragment), f"{url}: no element with that id"


def test_tag_outlet_verdict_and_content_pages(out):
    assert [a.get_text() for a in read_html(out, "tags/shipping-figures/").select(".claim-link")] == [
        "The harbour welcomed 40 ships in 2024"]
    outlet = read_html(out, "outlets/weekly/")
    assert outlet.h1.get_text() == "Weekly Example"
    assert [a.get_text() for a in outlet.select(".claim-link")] == [
        "Roe said the harbour work is not done", "The harbour welcomed 40 ships in 2024"]
    assert read_html(out, "verdicts/unverifiable/").select_one(".claim-link").get_text() == \
        "Critics called the figure far too high"
    methodology = read_html(out, "methodology/")
    assert [v.get_text() for v in methodology.select(".scale .verdict")] == [
        "Correct", "Misleading", "Incorrect", "Unverifiable"]
    assert read_html(out, "about/").select_one("article strong").get_text() == "tests"
    assert read_html(out, "404.html").h1.get_text() == "Page not found"
    assert (out / ".nojekyll").is_file()


def test_each_section_s_own_address_is_its_index(out):
    """A reader who shortens /tags/harbour/ to /tags/ lands on every tag, and so on."""
    verdicts = read_html(out, "verdicts/")
    assert [(dt.select_one(".verdict").get_text(), dt.select_one(".count").get_text(),
             dt.find_next_sibling("dd").get_text()) for dt in verdicts.select("dt")] == [
        ("Correct", "1 claim", "The claim is accurate."),
        ("Misleading", "1 claim", "Accurate in part but leaves a false impression."),
        ("Incorrect", "0 claims", "The claim is wrong."),
        ("Unverifiable", "1 claim", "The evidence cannot settle it.")]
    assert verdicts.select_one("dt a")["href"] == f"{BASE}verdicts/correct/"
    tags = read_html(out, "tags/")
    assert [(a.get_text(), a["href"], a.find_next_sibling(class_="count").get_text())
            for a in tags.select(".tag-index a")] == [
        ("Harbour", f"{BASE}tags/harbour/", "(2)"),
        ("Shipping Figures", f"{BASE}tags/shipping-figures/", "(1)")]
    outlets = read_html(out, "outlets/").select(".outlet-index tbody tr")
    rows = [[cell.get_text() for cell in row.select("th, td")] for row in outlets]
    assert rows == [["The Daily Example", "1", "3", "0", "1", "0", ""],
                    ["Weekly Example", "1", "2", "0", "1", "0", ""]]
    # The counts as a bar: its one paragraph quoted by the other differs in punctuation.
    assert [[(bar["class"], bar["style"]) for bar in row.select(".share-bar span")]
            for row in outlets] == [[(["share-punctuation"], "width: 100.0%")]] * 2
    articles = read_html(out, "sources/").select(".article-list li")
    assert [(li.a.get_text(), li.select_one(".meta").get_text()) for li in articles] == [
        ("Harbour breaks record, minister says", "(The Daily Example, 1 March 2025)"),
        ("Roe on the harbour", "(Weekly Example, date unknown)")]
    footer = {a.get_text(): a["href"] for a in read_html(out, "claims/too-high/").select("footer a")}
    assert {name: footer[name] for name in ("Outlets", "Articles", "Tags", "Our verdicts")} == {
        "Outlets": f"{BASE}outlets/", "Articles": f"{BASE}sources/", "Tags": f"{BASE}tags/",
        "Our verdicts": f"{BASE}verdicts/"}
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert all(f"{BASE}{section}/</loc>" in sitemap
               for section in ("outlets", "sources", "tags", "verdicts"))


def test_claims_json_offsets_are_exact_spans_of_the_decoded_seed(out):
    claims = json.loads((out / "data" / "claims.json").read_text(encoding="utf-8"))["claims"]
    assert [c["id"] for c in claims] == ["not-done", "harbour-ships", "too-high"]
    for claim in claims:
        for appearance in claim["appearances"]:
            text = (SITES / "basic" / "seeds" / f"{appearance['source']}.txt").read_bytes().decode("utf-8")
            assert text[appearance["start"]:appearance["end"]] == appearance["quote"]
    not_done = claims[0]["appearances"]
    assert [(a["source"], a["outlet"], a["match"]) for a in not_done] == [
        ("daily-harbour", "daily", "normalized"), ("weekly-roe", "weekly", "exact")]
    assert not_done[0]["quote"] == "“We’re not done… we will build more”"


def test_two_builds_are_byte_identical(out, tmp_path):
    again = tmp_path / "again"
    assert run_builder("build", "--site", str(SITES / "basic"), "--out", str(again)).returncode == 0
    first = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first == second


def test_base_url_override_changes_every_link(tmp_path):
    out = tmp_path / "_site"
    result = run_builder("build", "--site", str(SITES / "basic"), "--out", str(out),
                         "--base-url", "https://someone.github.io/other-repo")
    assert result.returncode == 0, result.stderr
    home = read_html(out, "")
    assert home.select_one(".claim-link")["href"] == "/other-repo/claims/not-done/"
    assert home.select_one("link[rel=canonical]")["href"] == "https://someone.github.io/other-repo/"


def test_a_failed_build_leaves_the_previous_site_untouched(tmp_path):
    site = copy_site("basic", tmp_path)
    out = tmp_path / "_site"
    assert run_builder("build", "--site", str(site), "--out", str(out)).returncode == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    claim = site / "content" / "claims" / "too-high.yml"
    claim.write_text(claim.read_text().replace("verdict: unverifiable", "verdict: nope"))
    result = run_builder("build", "--site", str(site), "--out", str(out))
    assert result.returncode == 1 and "unknown verdict 'nope'" in result.stderr
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["_site", "basic"]


def test_the_output_folder_is_the_current_folder_s_whatever_the_site(tmp_path):
    """As the README says: SITE= alone reads another site and still writes ./_site."""
    site = copy_site("basic", tmp_path)
    here = tmp_path / "here"
    here.mkdir()
    result = run_builder("build", "--site", str(site), cwd=here)
    assert result.returncode == 0, result.stderr
    assert re.match(r"Built \d+ pages \(\d+ files\) into _site: 3 claims", result.stdout)
    assert (here / "_site/index.html").is_file() and not (site / "_site").exists()


def test_check_writes_nothing(tmp_path):
    site = copy_site("basic", tmp_path)
    result = run_builder("check", "--site", str(site), cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("OK: 3 claims, 2 sources, 5 quotes anchored")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["basic"]


def test_a_site_template_overrides_the_project_template_file_by_file(tmp_path):
    site = copy_site("basic", tmp_path)
    (site / "templates").mkdir()
    (site / "templates" / "404.html").write_text(
        '{% extends "base.html" %}{% block main %}<h1>Lost at sea</h1>{% endblock %}')
    out = tmp_path / "_site"
    assert run_builder("build", "--site", str(site), "--out", str(out)).returncode == 0
    assert read_html(out, "404.html").h1.get_text() == "Lost at sea"
    assert read_html(out, "claims/too-high/").h1.get_text() == "Critics called the figure far too high"


def test_a_claim_dated_to_the_month_is_shown_and_published_without_an_invented_day(tmp_path):
    site = copy_site("basic", tmp_path)
    claim = site / "content" / "claims" / "too-high.yml"
    claim.write_text(claim.read_text().replace("date: 2025-01-15", "date: 2025-01"))
    out = tmp_path / "_site"
    assert run_builder("build", "--site", str(site), "--out", str(out)).returncode == 0
    meta = read_html(out, "claims/too-high/").select_one(".claim .meta time")
    assert (meta.get_text(), meta["datetime"]) == ("in January 2025", "2025-01")
    claims = json.loads((out / "data" / "claims.json").read_text())["claims"]
    assert [c["date"] for c in claims if c["id"] == "too-high"] == ["2025-01"]


def test_timings_name_every_stage_and_add_up_to_the_build(tmp_path):
    result = run_builder("build", "--site", str(SITES / "basic"), "--out",
                         str(tmp_path / "_site"), "--timings", "--no-cache")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    total = float(re.search(r"in ([\d.]+) s$", lines[0]).group(1))
    stages = [re.fullmatch(r"  (.+?)\s+([\d.]+) s\s+(\d+)%", line).groups() for line in lines[1:]]
    assert [name for name, _, _ in stages] == [
        "load, validate, anchor", "analyse consistency", "render", "index for search", "write"]
    assert sum(float(seconds) for _, seconds, _ in stages) <= total + 0.02
    assert 80 <= sum(int(share) for _, _, share in stages) <= 101


def test_a_claim_file_may_end_in_yaml_and_editor_backups_are_passed_over(tmp_path):
    """As in other site generators, '.yaml' is YAML too; 'x.yml~' and '.x.yml.swp' are an
    editor's leftovers, not claims, and not worth a warning."""
    site = copy_site("basic", tmp_path)
    claims = site / "content" / "claims"
    (claims / "too-high.yml").rename(claims / "too-high.yaml")
    (claims / "not-done.yml~").write_text("half-saved: [")
    (claims / ".not-done.yml.swp").write_bytes(b"\x00swap")
    (claims / "notes.txt").write_text("to do")
    out = tmp_path / "_site"
    result = run_builder("build", "--site", str(site), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert read_html(out, "claims/too-high/").h1 is not None
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert warnings == [f"{claims / 'notes.txt'}:1:1: warning: ignored: claim files end in "
                        ".yml or .yaml"], warnings


def test_a_claim_file_s_extension_may_be_in_capitals(tmp_path):
    """'x.YML' is what some systems save: a claim like any other, not a file passed over."""
    site = copy_site("basic", tmp_path)
    claims = site / "content" / "claims"
    (claims / "too-high.yml").rename(claims / "too-high.YML")
    (claims / "not-done.yml").rename(claims / "not-done.Yaml")
    out = tmp_path / "_site"
    result = run_builder("build", "--site", str(site), "--out", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "into _site: 3 claims, 2 sources, 0 warnings in" in result.stdout
    assert read_html(out, "claims/too-high/").h1 is not None
    assert read_html(out, "claims/not-done/").h1 is not None


def test_a_claim_file_and_its_capitalised_twin_are_one_id_twice(tmp_path):
    site = copy_site("basic", tmp_path)
    claims = site / "content" / "claims"
    (claims / "too-high.YML").write_bytes((claims / "too-high.yml").read_bytes())
    result = run_builder("check", "--site", str(site), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "basic/content/claims/too-high.yml:1:1: duplicate claim id 'too-high': "
        "basic/content/claims/too-high.YML has the same name")


def test_an_editor_s_page_the_navigation_does_not_name_is_linked_from_every_footer(tmp_path):
    site = copy_site("basic", tmp_path)
    (site / "content/pages/contact-us.md").write_text(
        "---\ntitle: Contact us\ndescription: How to reach the desk.\n---\nWrite to the desk.\n",
        encoding="utf-8")
    out = tmp_path / "_site"
    assert run_builder("build", "--site", str(site), "--out", str(out)).returncode == 0
    for path in ("", "claims/too-high/", "about/", "contact-us/"):
        footer = read_html(out, path).select_one("footer.colophon")
        links = {a.get_text(): a["href"] for a in footer.select("a")}
        assert links["Contact us"] == "/basic/contact-us/", path
        assert "About" not in links and "Methodology" not in links  # the navigation has them
    page = read_html(out, "contact-us/")
    assert page.select_one("main").get_text(" ", strip=True).endswith("Write to the desk.")
    # Its own description, for search results and link previews.
    assert page.select_one('meta[name="description"]')["content"] == "How to reach the desk."
    assert page.select_one('meta[property="og:description"]')["content"] == "How to reach the desk."


def test_every_claim_is_reachable_from_the_text_of_each_article_it_quotes(shipped_build):
    """Where two claims quote one passage, the text links the first and says 'also
    checked' for the other, rather than leaving it reachable only from the list below."""
    claims = json.loads((shipped_build / "data/claims.json").read_text(encoding="utf-8"))
    shared = 0
    for claim in claims["claims"]:
        for appearance in claim["appearances"]:
            text = read_html(shipped_build, f"sources/{appearance['source']}/").select_one(
                ".article-text")
            links = text.select(f"a[href$='/claims/{claim['id']}/']")
            assert links, (claim["id"], appearance["source"])
            shared += any(link.parent.name == "sup" for link in links)
    assert shared >= 3  # the seeds have passages two claims quote


def test_a_claim_whose_only_own_piece_is_a_full_stop_is_still_linked_from_the_text():
    from builder.model import Span
    from builder.passages import Highlight, article_blocks
    text = "He was left out of the talks. Then he spoke."
    words = Highlight(Span(7, 28), "q-a-1", "/claims/a/", "A", "claim")
    with_stop = Highlight(Span(7, 29), "q-b-1", "/claims/b/", "B", "claim")
    (block,) = article_blocks(text, (), (words, with_stop))
    linked = {piece.claim.target_url for piece in block.pieces if piece.claim and not piece.wordless}
    also = {h.target_url for piece in block.pieces for h in piece.also}
    assert linked | also == {"/claims/a/", "/claims/b/"}


def test_a_report_s_subheadings_are_headings_and_its_sentences_and_closing_credit_are_not():
    from builder.passages import article_blocks
    text = ("Talks must not divert attention\n"
            "The minister said the talks were welcome.\n"
            "‘One country illegally invaded another’\n"
            "He was asked: what next?\n"
            "By Anna Berg\n"
            "more of the story, cut at a line break\n"
            "Short, but a clause,\n"
            "Additional reporting by Ola Dahl")
    kinds = [(block.kind, "".join(piece.text for piece in block.pieces))
             for block in article_blocks(text, (), ())]
    assert [line for kind, line in kinds if kind == "heading"] == [
        "Talks must not divert attention", "‘One country illegally invaded another’"]
    assert kinds[-1] == ("story", "Additional reporting by Ola Dahl")


def test_the_seeds_subheadings_are_shown_as_headings_with_their_quotations_still_linked(
        shipped_build):
    page = read_html(shipped_build, "sources/000_77b9b0fc3a0f8130/").select_one(".article-text")
    headings = [h.get_text() for h in page.select("h2.subheading")]
    assert headings == ["‘One country illegally invaded another’",
                        "UK and Norway strengthen military ties",
                        "‘Russia is a threat beyond Ukraine’", "Balancing diplomacy and defence"]
    assert page.select_one("h2.subheading a.variant[href*='/consistency/#three-years-ago']")
    # A report whose first line is the headline the page already shows: no second heading.
    printed = read_html(shipped_build, "sources/002_054fd7566556b1a7/")
    assert printed.select(".article-text h2.subheading") == []
    assert printed.h1.get_text() in printed.select_one(".article-text p").get_text()


def test_every_page_describes_itself_for_search_results_and_share_cards(shipped_build):
    descriptions: dict[str, list[str]] = {}
    for page in shipped_build.rglob("index.html"):
        meta = read_html(shipped_build, str(page.parent.relative_to(shipped_build)) + "/"
                         if page.parent != shipped_build else "")
        content = meta.select_one('meta[name="description"]')["content"]
        assert content, page
        descriptions.setdefault(content, []).append(str(page.relative_to(shipped_build)))
    shared = {text: pages for text, pages in descriptions.items() if len(pages) > 1}
    assert shared == {}
    source = read_html(shipped_build, "sources/002_054fd7566556b1a7/")
    assert source.select_one('meta[name="description"]')["content"].startswith(
        "We must not jeopardise peace, Healey says after Trump blames Ukraine for war — ")


def test_an_outlet_s_bar_splits_its_compared_paragraphs_by_kind():
    from builder.comparison_views import OutletRecord
    from builder.render import _shares
    assert _shares(OutletRecord(12, 2, 5)) == (("identical", 63.2), ("punctuation", 10.5),
                                               ("wording", 26.3))
    assert _shares(None) == () and _shares(OutletRecord(0, 0, 0)) == ()
