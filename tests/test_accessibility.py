"""Every kind of page of the shipped site passes axe-core's WCAG 2.2 A and AA rules, and
its best practices, in Chromium: in the light and the dark theme, on a phone's width and
a desktop's."""
import pytest

from conftest import in_a_real_browser

RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                                               "wcag22aa", "best-practice"]},
         "resultTypes": ["violations"]}


@pytest.fixture(scope="module")
def served(shipped_build, tmp_path_factory):
    with in_a_real_browser(shipped_build, tmp_path_factory.mktemp("axe")) as browser_and_root:
        yield browser_and_root


def _kinds_of_page(site) -> list[str]:
    """One page of each kind the shipped site has, by its address."""
    def first(folder: str) -> str:
        return min(path.parent.relative_to(site).as_posix()
                   for path in (site / folder).glob("*/index.html")) + "/"
    compared = {path.parent.name: 'class="comparison"' in path.read_text(encoding="utf-8")
                for path in (site / "claims").glob("*/index.html")}
    # A claim its outlets' passages are compared on, and one reported by a single outlet.
    claims = [f"claims/{min(c for c, alike in compared.items() if alike is which)}/"
              for which in (True, False)]
    outlet = first("outlets")
    return ["", *claims, first("sources"), outlet,
            outlet + "claims/", outlet + "quotations/", "consistency/", "consistency/people/",
            first("consistency/speakers"), first("tags"), first("verdicts"), "about/",
            "methodology/", "corrections/", "search/?q=healey", "404.html", "outlets/",
            "sources/", "tags/", "verdicts/"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
def test_every_kind_of_page_passes_the_wcag_rules(served, shipped_build, scheme, width):
    from axe_playwright_python.sync_playwright import Axe
    browser, root = served
    axe = Axe()
    page = browser.new_page(viewport={"width": width, "height": 800}, color_scheme=scheme)
    found = []
    checked = _kinds_of_page(shipped_build)
    assert len(set(checked)) == len(checked) == 21
    for address in checked:
        response = page.goto(root + address)
        assert response.ok or address == "404.html", address
        if address.startswith("search/"):  # the results, not only the box
            page.wait_for_selector(".pagefind-ui__result-link")
        for violation in axe.run(page, options=RULES).response["violations"]:
            node = violation["nodes"][0]
            found.append(f"/{address}: {violation['id']} ({violation['impact']}), "
                         f"{len(violation['nodes'])}× e.g. {node['target']}: "
                         f"{node.get('failureSummary', '')}")
    page.close()
    assert not found, "\n".join(found)
