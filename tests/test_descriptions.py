"""How outlets describe people: read where the text ties a description to a person, and
disagreements on whether someone still holds an office flagged."""
import html
import json
from types import SimpleNamespace
import re
from pathlib import Path

import pytest

from builder.analysis import CorpusMemo, analyse
from builder.build import BuildOptions, build, check
from builder.description_views import outlet_descriptions, people_views, unique_anchors
from builder.descriptions import describe_people
from builder.quotations import extract_corpus_described
from conftest import SITES, copy_site, edit, read_html


def described(reports: dict[str, tuple[str, str]]):
    """reports: stem → (outlet, text)."""
    texts = {stem: text for stem, (_, text) in reports.items()}
    _, found, _ = extract_corpus_described(texts)
    return describe_people(found, texts, {stem: outlet for stem, (outlet, _) in reports.items()})


def person(people, name):
    return next(p for p in people if p.name == name)


@pytest.fixture(scope="module")
def seeds_people():
    checked = check(BuildOptions("."))
    return checked.content, analyse(checked.content, checked.anchored).people


def test_the_seeds_disagree_on_whether_trump_is_still_president(seeds_people):
    _, people = seeds_people
    trump = person(people, "Donald Trump")
    assert people[0] is trump  # disagreements come first
    (disagreement,) = trump.disagreements
    assert (disagreement.kind, disagreement.office) == ("former", "president")
    former, serving = disagreement.sides
    assert {d.outlet for d in former} == {"unknown-000", "unknown-004"}
    assert {d.text for d in former} == {"former US President"}
    assert {d.outlet for d in serving} == {"independent", "unknown-002", "unknown-003"}
    # 'his US counterpart' says whose office, not which: no part of the disagreement.
    assert "his US counterpart" not in {d.text for d in serving}


def test_the_seeds_agree_on_healey_zelensky_and_hegseth(seeds_people):
    _, people = seeds_people
    for name in ("John Healey", "Volodymyr Zelensky", "Pete Hegseth"):
        assert person(people, name).disagreements == ()
    assert len(person(people, "John Healey").outlets) == 5
    hegseth = {d.text: d.former for d in person(people, "Pete Hegseth").descriptions}
    assert hegseth["the new US Defence Secretary"] is False  # new is not former


def test_every_description_is_the_exact_text_of_its_source(seeds_people):
    content, people = seeds_people
    texts = {source.stem: source.text for source in content.sources}
    found = [d for p in people for d in p.descriptions]
    assert len(found) >= 20
    assert all(texts[d.source][d.start:d.end] == d.text for d in found)


def test_a_description_after_the_name_and_a_title_alone_are_read():
    people = described({
        "a": ("one", "Pete Hegseth, the former Defence Secretary, arrived. Later the "
                     "defence secretary spoke."),
        "b": ("two", "Defence Secretary Pete Hegseth said little."),
    })
    hegseth = person(people, "Pete Hegseth")
    assert [d.text for d in hegseth.descriptions] == [
        "the former Defence Secretary", "the defence secretary", "Defence Secretary"]
    (disagreement,) = hegseth.disagreements
    assert [[d.outlet for d in side] for side in disagreement.sides] == [["one"], ["two"]]


def test_a_title_keeps_the_body_it_belongs_to_but_not_a_sentence_opener():
    people = described({
        "a": ("one", "Water row\nCoorabin Water chief executive Desmond Szabo said little "
                     "of Coorabin."),
        "b": ("two", "Fuming Water row\nMeanwhile Water chief executive Desmond Szabo left. Fuming Water "
                     "chief executive Desmond Szabo left. Coorabin Water chief executive "
                     "Desmond Szabo spoke after the Coorabin board met."),
    })
    assert [d.text for d in person(people, "Desmond Szabo").descriptions] == [
        "Coorabin Water chief executive", "Water chief executive", "Water chief executive",
        "Coorabin Water chief executive"]


def test_a_title_alone_needs_the_report_to_name_its_holder():
    people = described({
        "a": ("one", "Former US President Donald Trump spoke."),
        "b": ("two", "The US president did not reply."),
        "c": ("three", "Tom Reyes said nothing."),
    })
    assert people == ()  # 'the US president' in b names no one b names: not Trump


def test_offices_of_different_countries_and_time_words_that_are_not_former():
    people = described({
        "a": ("one", "The then US President Ann Lee left. Russian President Ann Lee is another."),
        "b": ("two", "Former US President Ann Lee spoke."),
    })
    lee = person(people, "Ann Lee")
    assert {d.text: d.former for d in lee.descriptions} == {
        "The then US President": False, "Russian President": False,
        "Former US President": True}
    # 'then' says when, not that she no longer holds it; and Russia's office is not the
    # US's, which outlet two, against outlet one, says she held.
    former, country = lee.disagreements
    assert former.kind == "former" and [d.text for d in former.sides[1]] == [
        "The then US President"]
    assert country.kind == "country" and [[d.outlet for d in side] for side in country.sides] \
        == [["one"], ["one", "two"]]


def test_outlets_giving_an_office_of_different_countries_disagree():
    people = described({
        "a": ("one", "US Defence Secretary Tom Hale came."),
        "b": ("two", "UK Defence Secretary Tom Hale left. Defence Secretary Tom Hale spoke."),
    })
    (disagreement,) = person(people, "Tom Hale").disagreements
    assert (disagreement.kind, disagreement.office) == ("country", "defence secretary")
    assert [[d.text for d in side] for side in disagreement.sides] == [
        ["UK Defence Secretary"], ["US Defence Secretary"]]


def test_a_title_joined_by_a_hyphen_keeps_what_it_says():
    people = described({
        "a": ("one", "Ex-President Ann Lee spoke. Vice-President Tom Reyes left."),
        "b": ("two", "President Ann Lee spoke. The president-elect, Tom Reyes, left."),
        "c": ("three", "Tom Reyes, the vice-president, stayed."),
    })
    lee = person(people, "Ann Lee")
    assert [(d.text, d.office, d.former) for d in lee.descriptions] == [
        ("Ex-President", "president", True), ("President", "president", False)]
    assert [d.kind for d in lee.disagreements] == ["former"]
    reyes = person(people, "Tom Reyes")
    # A vice-president and a president-elect are not the president: nothing to compare.
    assert {(d.text, d.office) for d in reyes.descriptions} == {
        ("Vice-President", "vice president"), ("The president-elect", "president-elect"),
        ("the vice-president", "vice president")}
    assert reyes.disagreements == ()


def test_outlets_giving_different_ages_disagree():
    people = described({
        "a": ("one", "Ann Lee, 45, said nothing. Later Ann Lee (45) left."),
        "b": ("two", "Ann Lee, aged 47, spoke."),
        "c": ("three", "Tom Reyes, 30, and Tom Reyes (30) agree."),
    })
    (disagreement,) = person(people, "Ann Lee").disagreements
    assert disagreement.kind == "age"
    assert [[(d.outlet, d.text) for d in side] for side in disagreement.sides] == [
        [("one", "45"), ("one", "45")], [("two", "47")]]
    assert all(p.name != "Tom Reyes" for p in people)  # one outlet: nothing to compare


def test_a_description_links_to_its_words_in_the_report():
    people = described({
        "a": ("one", "The ex-minister Ann Lee spoke."),
        "b": ("two", "Former minister Ann Lee spoke."),
    })
    links = description_links(people, {"a": "The ex-minister Ann Lee spoke.",
                                       "b": "Former minister Ann Lee spoke."})
    assert links == ["/s/sources/a/#:~:text=The%20ex%2Dminister",  # a bare '-' marks a prefix
                     "/s/sources/b/#:~:text=Former%20minister"]


def description_links(people, texts: dict[str, str]) -> list[str]:
    content = SimpleNamespace(config=SimpleNamespace(outlets=()), sources=[
        SimpleNamespace(stem=stem, text=text) for stem, text in texts.items()])
    views = people_views(content, people, "/s/")
    return [words.url for view in views for row in view.outlets for words in row.words]


def test_a_description_said_earlier_of_no_one_links_with_the_words_beside_it():
    texts = {"a": "Former minister quits\nFormer minister Ann Lee spoke.",
             "b": "Minister Ann Lee spoke. Later, minister Ann Lee left."}
    people = described({stem: ("one" if stem == "a" else "two", text)
                        for stem, text in texts.items()})
    # Nothing before it on its line: the word after it tells it from the headline's.
    assert description_links(people, texts) == [
        "/s/sources/a/#:~:text=Former%20minister,-Ann", "/s/sources/b/#:~:text=Minister"]


def test_one_outlet_alone_is_no_comparison():
    people = described({
        "a": ("one", "Former US President Donald Trump spoke."),
        "b": ("one", "US President Donald Trump spoke."),
    })
    assert people == ()


def test_the_memo_keeps_the_descriptions_with_the_groups(tmp_path):
    site = copy_site("shipped", tmp_path)
    memo = CorpusMemo()
    checked = check(BuildOptions(str(site)))
    first = analyse(checked.content, checked.anchored, memo)
    claim = next((site / "content/claims").iterdir())
    edit(claim, "verdict:", "verdict:")  # a save that changes nothing the corpus holds
    again = analyse(checked.content, checked.anchored, memo)
    assert memo.reused and again.people == first.people and first.people


def page_text(path: Path) -> str:
    body = re.sub(r"<(script|style|header)\b.*?</\1>", "", path.read_text(), flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def test_the_people_page_tells_the_disagreement_and_links_each_description(tmp_path):
    out = tmp_path / "_site"
    build(BuildOptions(".", str(out)))
    page = out / "consistency/people/index.html"
    text = page_text(page)
    assert ("Unidentified outlet (report 000) (“former US President”) and Unidentified "
            "outlet (report 004) (“former US President”) call Donald Trump a former "
            "president;") in text
    assert "describe Donald Trump as the serving president." in text
    links = re.findall(r'href="([^"]+)#:~:text=([^"]+)"', page.read_text())
    assert ("/factcheck/sources/000_77b9b0fc3a0f8130/", "former%20US%20President") in links
    people_link = re.search(r'href="([^"]+)">how outlets describe people',
                            (out / "consistency/index.html").read_text())
    assert people_link and people_link[1] == "/factcheck/consistency/people/"
    speaker = (out / "consistency/speakers/donald-trump/index.html").read_text()
    assert 'href="/factcheck/consistency/people/#donald-trump"' in speaker
    assert 'id="donald-trump"' in page.read_text()


def test_a_claims_page_tells_how_outlets_describe_its_claimant(tmp_path):
    out = tmp_path / "_site"
    build(BuildOptions(".", str(out)))
    trump = page_text(out / "claims/ukraine-started-the-war/index.html")
    assert ("How the outlets describe Donald Trump Outlets disagree. Unidentified outlet "
            "(report 000) (“former US President”) and") in trump
    assert re.search(r'<a href="/factcheck/consistency/people/#donald-trump">Every outlet’s '
                     r'words for Donald Trump',
                     (out / "claims/ukraine-started-the-war/index.html").read_text())
    healey = page_text(out / "claims/royal-navy-70-vessels-norway-2024/index.html")
    assert "How the outlets describe" not in healey  # outlets describe him alike


def test_a_claimant_written_by_surname_alone_gets_the_note_on_the_person(tmp_path):
    site = copy_site("shipped", tmp_path)
    edit(site / "content/claims/ukraine-started-the-war.yml", "claimant: Donald Trump",
         "claimant: Mr Trump")
    out = tmp_path / "_site"
    build(BuildOptions(str(site), str(out)))
    trump = page_text(out / "claims/ukraine-started-the-war/index.html")
    assert "Said by Mr Trump" in trump
    assert "How the outlets describe Donald Trump Outlets disagree." in trump


def test_people_json_gives_exact_spans_and_the_disagreement(tmp_path):
    out = tmp_path / "_site"
    build(BuildOptions(".", str(out)))
    people = json.loads((out / "data/people.json").read_text())["people"]
    seeds = {path.stem: path.read_text(encoding="utf-8") for path in Path("seeds").glob("*.txt")}
    spans = [d for p in people for d in p["descriptions"]]
    assert spans and all(seeds[d["source"]][d["start"]:d["end"]] == d["text"] for d in spans)
    (disagreement,) = people[0]["disagreements"]
    assert people[0]["name"] == "Donald Trump" and disagreement["office"] == "president"
    former, serving = disagreement["sides"]
    assert disagreement["kind"] == "former" and {d["source"][:3] for d in former} == {"000", "004"}
    assert all(d["former"] is False for d in serving)


def test_people_whose_names_slug_alike_get_their_own_anchors():
    assert unique_anchors(["zoe-ball", "zoe-ball", "", ""]) == [
        "zoe-ball", "zoe-ball-2", "person", "person-2"]


@pytest.fixture(scope="module")
def shipped_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("shipped") / "_site"
    build(BuildOptions(".", str(out)))
    return out


@pytest.fixture(scope="module")
def tallowmere_site(tmp_path_factory) -> Path:
    """Three reports of a bypass vote: one calls the mayor, Ruth Calloway, a former mayor,
    one gives the engineer, Dev Malhotra, another age; all three call Owen Pryor the
    Transport Secretary."""
    out = tmp_path_factory.mktemp("tallowmere") / "_site"
    build(BuildOptions(str(SITES / "tallowmere"), str(out)))
    return out


def notes_on(out: Path, claim_id: str) -> list[str]:
    """The text of each note on how outlets describe someone, on a claim's page."""
    page = read_html(out, f"claims/{claim_id}/")
    return [" ".join(section.get_text(" ").split())
            for section in page.select("section.described-note")]


def test_a_claims_page_tells_how_outlets_describe_the_people_it_names(shipped_site):
    # A claim of reporters' about what Trump said, and one of Boris Johnson's naming him.
    for claim_id in ("trump-said-ukraine-started-the-war", "zelensky-ratings-not-4-percent"):
        (note,) = notes_on(shipped_site, claim_id)
        assert note.startswith("How the outlets describe Donald Trump The claim names "
                               "Donald Trump. Outlets disagree. Unidentified outlet "
                               "(report 000) (“former US President”) and"), claim_id
    (note,) = notes_on(shipped_site, "us-stepped-up-calls-for-defence-budgets-after-riyadh")
    assert "The passages it quotes name Donald Trump." in note
    # His own claim, whose passages name him too: one note, on him as the claimant.
    (note,) = notes_on(shipped_site, "ukraine-started-the-war")
    assert "name Donald Trump" not in note and "Outlets disagree." in note
    assert notes_on(shipped_site, "royal-navy-70-vessels-norway-2024") == []


def test_a_note_on_someone_other_than_the_claimant_links_to_their_entry(tallowmere_site):
    page = read_html(tallowmere_site, "claims/scheme-shows-what-a-town-can-do/")
    (section,) = page.select("section.described-note")
    assert section.h2["id"] == "described-ruth-calloway"
    assert section.find("a")["href"] == "/tallowmere/consistency/people/#ruth-calloway"
    (note,) = notes_on(tallowmere_site, "scheme-shows-what-a-town-can-do")
    # The passage names Ruth Calloway; Owen Pryor, its claimant, is described alike.
    assert note.startswith("How the outlets describe Ruth Calloway The passages it quotes "
                           "name Ruth Calloway. Outlets disagree. Tallowmere Gazette "
                           "(“Former Mayor”) calls Ruth Calloway a former mayor;")
    # 'Calloway' alone: the corpus knows one person by that surname.
    (note,) = notes_on(tallowmere_site, "calloway-council-approved-the-bypass")
    assert "The claim names Ruth Calloway." in note
    (note,) = notes_on(tallowmere_site, "work-starts-in-june")
    assert note.startswith("How the outlets describe Dev Malhotra Outlets disagree. "
                           "Outlets give Dev Malhotra different ages")


def outlet_record(out: Path, outlet_id: str) -> str:
    """The text of an outlet page's section on how it describes people."""
    heading = read_html(out, f"outlets/{outlet_id}/").find(id="described")
    return " ".join(heading.parent.get_text().split()) if heading else ""


def test_an_outlet_page_tells_what_it_calls_someone_against_the_other_outlets(shipped_site):
    record = outlet_record(shipped_site, "unknown-000")
    assert ("Donald Trump It calls Donald Trump a former president (“former US President”). "
            "Three other outlets describe Donald Trump as the serving president: The "
            "Independent (“The US president”); Unidentified outlet (report 002) (“the US "
            "president”, “President”); Unidentified outlet (report 003) (“The US "
            "president”, “President”). One other outlet also calls Donald Trump a former "
            "president: Unidentified outlet (report 004) (“former US President”).") in record
    # Those it describes as the others do are only named.
    assert ("Nothing else in how it describes John Healey, Tore Sandvik and Volodymyr "
            "Zelensky contradicts another outlet.") in record
    independent = outlet_record(shipped_site, "independent")
    assert "It describes Donald Trump as the serving president (“The US president”)." \
        in independent
    assert "counterpart" not in independent  # 'his US counterpart' takes no side
    assert "Two other outlets call Donald Trump a former president" in independent


def test_an_outlet_pages_descriptions_link_to_their_spot_and_to_the_people_page(shipped_site):
    section = read_html(shipped_site, "outlets/unknown-000/").find(id="described").parent
    links = {a.get_text(): a["href"] for a in section.find_all("a")}
    assert links["Donald Trump"] == "/factcheck/consistency/people/#donald-trump"
    assert links["John Healey"] == "/factcheck/consistency/people/#john-healey"
    flag = section.select_one(".figure-flag a")
    assert (flag.get_text(), flag["href"]) == (
        "former US President", "/factcheck/sources/000_77b9b0fc3a0f8130/#:~:text=former%20US%20President")
    assert links["How every outlet describes each person"] == "/factcheck/consistency/people/"


def test_an_outlet_page_quotes_ages_as_written_and_says_a_year_may_explain_them(
        tallowmere_site):
    record = outlet_record(tallowmere_site, "fenwick")
    assert ("It gives Dev Malhotra’s age as 46 (“46”). A year apart: a birthday between "
            "the reports could explain it. Two other outlets give Dev Malhotra’s age as 45: "
            "Moorside News (“45”); Tallowmere Gazette (“45”).") in record
    assert ("It calls Ruth Calloway a former mayor (“Former Mayor”). Two other outlets "
            "describe Ruth Calloway as the serving mayor") in outlet_record(tallowmere_site,
                                                                           "gazette")
    assert "Nothing else in how it describes Owen Pryor contradicts" in record


def test_an_outlet_page_says_nothing_of_people_where_no_two_outlets_describe_anyone(tmp_path):
    out = tmp_path / "_site"
    build(BuildOptions(str(SITES / "basic"), str(out)))
    assert outlet_record(out, "daily") == ""


def outlet_records(reports: dict[str, tuple[str, str]]):
    people = described(reports)
    content = SimpleNamespace(
        config=SimpleNamespace(outlets=[SimpleNamespace(id=outlet, name=outlet.title())
                                        for outlet, _ in reports.values()]),
        sources=[SimpleNamespace(stem=stem, text=text) for stem, (_, text) in reports.items()])
    return outlet_descriptions(content, people, people_views(content, people, "/s/"), "/s/")


def told(record) -> list[tuple[str, str, list[str]]]:
    return [(person.name, stand.told, [stance.told for stance in stand.others])
            for person in record.disputed for stand in person.stands]


def test_an_outlet_on_no_side_says_so_and_offices_of_different_countries_are_named():
    records = outlet_records({
        "a": ("one", "Former US President Ann Lee spoke. US Defence Secretary Tom Hale came."),
        "b": ("two", "US President Ann Lee spoke. UK Defence Secretary Tom Hale left."),
        "c": ("three", "Tom Hale met his US counterpart, Ann Lee, on Monday. Defence "
                       "Secretary Tom Hale spoke."),
    })
    assert told(records["one"]) == [
        ("Ann Lee", "It calls Ann Lee a former president",
         ["One other outlet describes Ann Lee as the serving president"]),
        ("Tom Hale", "It gives Tom Hale’s office of defence secretary as the US’s",
         ["One other outlet gives Tom Hale’s office of defence secretary as the UK’s"])]
    assert told(records["three"]) == [
        ("Ann Lee", "It takes no side on whether Ann Lee is a former president",
         ["One other outlet calls Ann Lee a former president",
          "One other outlet describes Ann Lee as the serving president"]),
        ("Tom Hale", "It takes no side on whose office of defence secretary Tom Hale holds",
         ["One other outlet gives Tom Hale’s office of defence secretary as the UK’s",
          "One other outlet gives Tom Hale’s office of defence secretary as the US’s"])]
    (lee, _) = records["three"].disputed
    assert [words.text for words in lee.stands[0].words] == ["his US counterpart"]
