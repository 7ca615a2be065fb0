"""What each marked difference between two versions is, as sighted readers reach it
without a mouse: a tap shows it, as hovering does, and on a phone it stays on the
screen. Screen readers hear it from words hidden in the mark
(test_consistency_pages.py); what is drawn stays unheard."""
import pytest

from conftest import in_a_real_browser

PAGES = ["consistency/", "claims/maximum-pressure-on-putin/"]
DIFFERENCE = ".diff-text [data-explanation]"


@pytest.fixture(scope="module")
def site_in_chromium(shipped_build, tmp_path_factory):
    with in_a_real_browser(shipped_build, tmp_path_factory.mktemp("explanations")) as served:
        yield served


def shown(difference) -> str:
    """The text drawn as a difference's explanation; "" where none shows."""
    content = difference.evaluate("e => getComputedStyle(e, '::after').content")
    return "" if content in ("none", "normal") else content


def explanation_box(page) -> dict:
    """Where the focused difference's explanation is drawn, in the viewport's pixels: a
    pseudo-element has no getBoundingClientRect, but the DevTools protocol measures it."""
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.getDocument", {"depth": -1})
        focused = cdp.send("Runtime.evaluate", {"expression": "document.activeElement"})
        node = cdp.send("DOM.requestNode", {"objectId": focused["result"]["objectId"]})
        described = cdp.send("DOM.describeNode", {"nodeId": node["nodeId"], "depth": 1})
        after = next(p for p in described["node"].get("pseudoElements", [])
                     if p["pseudoType"] == "after")
        quad = cdp.send("DOM.getBoxModel", {"backendNodeId": after["backendNodeId"]})
    finally:
        cdp.detach()
    xs, ys = quad["model"]["border"][::2], quad["model"]["border"][1::2]
    return {"left": min(xs), "right": max(xs), "top": min(ys), "bottom": max(ys)}


def assert_on_screen(page, box: dict, what: str) -> None:
    viewport = page.viewport_size
    assert 0 <= box["left"] and box["right"] <= viewport["width"], (what, box, viewport)
    assert 0 <= box["top"] and box["bottom"] <= viewport["height"], (what, box, viewport)


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
def test_a_tapped_difference_shows_what_it_is_on_a_phones_screen(site_in_chromium, path):
    """The difference furthest right, where a tooltip hung from the mark would run off
    a 360 px screen, and a gap, which shows only a caret."""
    browser, site = site_in_chromium
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True,
                                  is_mobile=True)
    try:
        page = context.new_page()
        page.goto(site + path)
        differences = page.locator(DIFFERENCE)
        rights = differences.evaluate_all(
            "els => els.map(e => e.getBoundingClientRect().right)")
        furthest_right = differences.nth(rights.index(max(rights)))
        assert max(rights) > 360 * 3 / 4, max(rights)
        for difference in (furthest_right, page.locator(".diff-text .diff-gap").first):
            difference.evaluate("e => e.scrollIntoView({block: 'center'})")
            difference.tap()
            explanation = difference.get_attribute("data-explanation")
            assert explanation and explanation in shown(difference), shown(difference)
            assert_on_screen(page, explanation_box(page), explanation)
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
def test_every_explanation_stays_inside_a_320_px_screen(site_in_chromium, path):
    browser, site = site_in_chromium
    page = browser.new_page(viewport={"width": 320, "height": 640})
    try:
        page.goto(site + path)
        differences = page.locator(DIFFERENCE)
        assert differences.count() > 5
        for difference in differences.all():
            difference.evaluate("e => { e.focus(); e.scrollIntoView({block: 'center'}); }")
            explanation = difference.get_attribute("data-explanation")
            assert explanation in shown(difference)
            assert_on_screen(page, explanation_box(page), explanation)
    finally:
        page.close()


@pytest.mark.browser
def test_without_javascript_a_tap_still_shows_it(site_in_chromium):
    browser, site = site_in_chromium
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True,
                                  is_mobile=True, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site + "claims/maximum-pressure-on-putin/")
        difference = page.locator(DIFFERENCE).nth(3)
        difference.tap()
        said = shown(difference)
        assert difference.get_attribute("data-explanation") in said
        assert_on_screen(page, explanation_box(page), said)
    finally:
        context.close()
