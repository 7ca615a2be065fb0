"""What each marked difference between two versions is, as sighted readers reach it
without a mouse: a tap or the keyboard shows it, as hovering does, and on a phone it
stays on the screen. Screen readers hear it from words hidden in the mark
(test_consistency_pages.py); what is drawn stays unheard."""
import pytest

from conftest import in_a_real_browser

PAGES = ["consistency/", "claims/maximum-pressure-on-putin/"]
DIFFERENCE = ".diff-text [data-explanation]"
HINT = "(← → the other differences here)"


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


def tab_through(page, limit: int = 400) -> list[str]:
    """Every element Tab reaches, once round the page, each as a selector-like key."""
    reached = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        key = page.evaluate("""() => {
            const e = document.activeElement;
            if (e === document.body) return null;
            const all = [...document.querySelectorAll('*')];
            return e.localName + '#' + all.indexOf(e);
        }""")
        if key is None or key in reached:
            return reached
        reached.append(key)
    raise AssertionError(f"Tab went on past {limit} stops")


@pytest.mark.browser
def test_the_keyboard_stops_once_a_passage_and_the_arrows_move_between_differences(
        site_in_chromium):
    """A page with 32 differences in six passages: six Tab stops, not 32. Each shows its
    explanation, with the arrows named where there are more; Escape hides it, focus
    staying put (WCAG 1.4.13)."""
    browser, site = site_in_chromium
    page = browser.new_page(viewport={"width": 360, "height": 740})
    try:
        page.goto(site + "claims/maximum-pressure-on-putin/")
        passages = page.locator(".diff-text:has([data-explanation])")
        firsts = passages.evaluate_all("""els => els.map(p => {
            const all = [...document.querySelectorAll('*')];
            const first = p.querySelector('[data-explanation]');
            return first.localName + '#' + all.indexOf(first);
        })""")
        reached = tab_through(page)
        on_differences = [key for key in reached if key.split("#")[0] in ("mark", "span")]
        assert on_differences == firsts and len(firsts) > 1, (on_differences, firsts)
        assert ("Tap a marked difference or point at it, or reach it with Tab, to see what "
                "differs there.") in page.locator(".comparison > p").first.inner_text()
        assert page.locator(DIFFERENCE).count() > 3 * len(firsts)

        passage = passages.nth(0)
        differences = passage.locator("[data-explanation]")
        last = differences.count() - 1

        def focused_is(n: int) -> bool:
            return differences.nth(n).evaluate("e => e === document.activeElement")

        for _ in range(len(reached)):  # round again, to the first passage's Tab stop
            page.keyboard.press("Tab")
            if focused_is(0):
                break
        said = shown(differences.first)
        assert differences.first.get_attribute("data-explanation") in said and HINT in said
        page.keyboard.press("ArrowRight")
        assert focused_is(1)
        said = shown(differences.nth(1))
        assert differences.nth(1).get_attribute("data-explanation") in said and HINT in said
        assert_on_screen(page, explanation_box(page), said)
        for n in range(2, last + 1):  # each arrow brings the next explanation into view
            page.keyboard.press("ArrowRight")
            assert focused_is(n)
            assert_on_screen(page, explanation_box(page), shown(differences.nth(n)))
        page.keyboard.press("Home")
        page.keyboard.press("End")
        assert focused_is(last)
        page.keyboard.press("ArrowRight")  # no further: it stays
        assert focused_is(last)
        page.keyboard.press("Home")
        assert focused_is(0)
        page.keyboard.press("ArrowRight")
        page.keyboard.press("Escape")
        assert focused_is(1) and shown(differences.nth(1)) == ""
        page.keyboard.press("ArrowRight")
        assert focused_is(2) and shown(differences.nth(2))
        # Out of the passage and back: the Tab stop is where the reader left off.
        page.keyboard.press("Tab")
        assert not passage.evaluate("p => p.contains(document.activeElement)")
        page.keyboard.press("Shift+Tab")
        assert focused_is(2) and shown(differences.nth(2))
    finally:
        page.close()


@pytest.mark.browser
def test_without_javascript_a_tap_shows_it_and_tab_stops_on_each_one(site_in_chromium):
    """Without the script there are no arrows to move by, so every difference is a Tab
    stop of its own: a sighted keyboard reader still reaches each explanation."""
    browser, site = site_in_chromium
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True,
                                  is_mobile=True, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site + "claims/maximum-pressure-on-putin/")
        difference = page.locator(DIFFERENCE).nth(3)
        difference.tap()
        said = shown(difference)
        assert difference.get_attribute("data-explanation") in said and HINT not in said
        assert_on_screen(page, explanation_box(page), said)

        every = page.locator(DIFFERENCE).evaluate_all("""els => els.map(e => {
            const all = [...document.querySelectorAll('*')];
            return e.localName + '#' + all.indexOf(e);
        })""")
        page.locator("h1").click()  # Tab from the top, not from the tapped difference
        reached = tab_through(page)
        on_differences = [key for key in reached if key.split("#")[0] in ("mark", "span")]
        assert on_differences == every and len(every) > 5, (on_differences, every)
        assert "or reach it with Tab" in page.locator(".comparison > p").first.inner_text()
    finally:
        context.close()


@pytest.mark.browser
def test_without_javascript_each_difference_tabbed_to_shows_what_it_is(site_in_chromium):
    browser, site = site_in_chromium
    context = browser.new_context(viewport={"width": 360, "height": 740},
                                  java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site + "claims/maximum-pressure-on-putin/")
        differences = page.locator(DIFFERENCE)
        explained = 0
        for _ in range(200):  # links come between the passages
            page.keyboard.press("Tab")
            difference = page.locator(DIFFERENCE + ":focus")
            if not difference.count():
                continue
            assert difference.evaluate("(e, n) => e === document.querySelectorAll("
                                       f"'{DIFFERENCE}')[n]", explained)
            said = shown(difference)
            assert difference.get_attribute("data-explanation") in said, (explained, said)
            assert_on_screen(page, explanation_box(page), said)
            explained += 1
            if explained == differences.count():
                break
        assert explained == differences.count() > 5, explained
    finally:
        context.close()


@pytest.mark.browser
def test_moving_by_keyboard_brings_each_explanation_into_view(site_in_chromium):
    """Focus scrolls a difference into view, and its margin below the explanation that
    hangs from it: without that, a third of them showed their explanation off the foot
    of a short screen."""
    browser, site = site_in_chromium
    page = browser.new_page(viewport={"width": 360, "height": 560})
    try:
        page.goto(site + "claims/maximum-pressure-on-putin/")
        page.keyboard.press("Tab")
        for passage in page.locator(".diff-text:has([data-explanation])").all():
            differences = passage.locator("[data-explanation]")
            differences.first.focus()
            for n in range(differences.count()):
                assert differences.nth(n).evaluate("e => e === document.activeElement")
                assert_on_screen(page, explanation_box(page), shown(differences.nth(n)))
                page.keyboard.press("ArrowRight")
    finally:
        page.close()


@pytest.mark.browser
def test_escape_hides_an_explanation_shown_on_hover_until_the_pointer_comes_back(
        site_in_chromium):
    """WCAG 1.4.13: what hovering shows can be dismissed without moving the pointer."""
    browser, site = site_in_chromium
    page = browser.new_page(viewport={"width": 1024, "height": 768})
    try:
        page.goto(site + "consistency/")
        difference = page.locator(DIFFERENCE).nth(2)
        difference.hover()
        assert shown(difference)
        page.keyboard.press("Escape")
        assert shown(difference) == ""
        page.mouse.move(0, 0)
        difference.hover()
        assert difference.get_attribute("data-explanation") in shown(difference)
    finally:
        page.close()
