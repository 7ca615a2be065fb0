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


def explained(page) -> list[int]:
    """Which differences on the page show their explanation, by their place among all."""
    return page.locator(DIFFERENCE).evaluate_all("""els => els
        .map((e, n) => [n, getComputedStyle(e, '::after').content])
        .filter(([n, content]) => !['none', 'normal'].includes(content))
        .map(([n]) => n)""")


def luminance(css_colour: str) -> float:
    red, green, blue = (float(part) / 255 for part in
                        css_colour.split("(")[1].split(")")[0].replace(",", " ").split()[:3])
    return sum(weight * (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
               for weight, c in zip((0.2126, 0.7152, 0.0722), (red, green, blue)))


def ring(difference) -> dict:
    """The outline drawn round a difference, and the opaque colour of the page behind it."""
    return difference.evaluate("""e => {
        const style = getComputedStyle(e);
        let behind = e.parentElement;
        while (getComputedStyle(behind).backgroundColor.match(/^rgba\\(.*, 0\\)$|transparent/))
            behind = behind.parentElement;
        return {style: style.outlineStyle, width: parseFloat(style.outlineWidth),
                colour: style.outlineColor,
                page: getComputedStyle(behind).backgroundColor};
    }""")


def contrast(first: str, second: str) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.browser
@pytest.mark.parametrize("javascript", [True, False], ids=["script", "no-script"])
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_tapped_difference_is_ringed_as_the_one_explained(site_in_chromium, theme,
                                                            javascript):
    """The explanation hangs from the passage's left edge, not from the mark: a ring on
    the tapped mark says which one it explains (WCAG 2.4.7; 3:1 on the page, 1.4.11)."""
    browser, site = site_in_chromium
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True,
                                  is_mobile=True, color_scheme=theme,
                                  java_script_enabled=javascript)
    try:
        page = context.new_page()
        page.goto(site + "claims/maximum-pressure-on-putin/")
        differences = page.locator(DIFFERENCE)
        for n in (4, 1):
            differences.nth(n).evaluate("e => e.scrollIntoView({block: 'center'})")
            differences.nth(n).tap()
            assert explained(page) == [n]
            drawn = ring(differences.nth(n))
            assert drawn["style"] == "solid" and drawn["width"] >= 2, drawn
            assert contrast(drawn["colour"], drawn["page"]) >= 3, drawn
            others = [ring(differences.nth(other)) for other in (0, 2, 3, 4) if other != n]
            assert all(other["style"] == "none" for other in others), others
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_one_explanation_at_a_time_the_latest_reached(site_in_chromium, theme):
    """Pointing at one difference while the keyboard is on another drew both, one over
    the other where they shared a passage: the one reached last shows, and the other
    comes back when the pointer leaves."""
    browser, site = site_in_chromium
    context = browser.new_context(viewport={"width": 1024, "height": 768}, color_scheme=theme)
    try:
        page = context.new_page()
        page.goto(site + "claims/maximum-pressure-on-putin/")
        differences = page.locator(DIFFERENCE)
        first_passage = page.locator(".diff-text:has([data-explanation])").first
        in_first = first_passage.locator("[data-explanation]").count()
        assert in_first > 2
        for _ in range(100):
            page.keyboard.press("Tab")
            if differences.first.evaluate("e => e === document.activeElement"):
                break
        assert explained(page) == [0]
        differences.nth(2).hover()  # the same passage: the two would overlap
        assert explained(page) == [2]
        # Both ringed, the keyboard's dashed: which one the explanation belongs to.
        assert ring(differences.nth(2))["style"] == "solid"
        assert ring(differences.nth(0))["style"] == "dashed"
        page.keyboard.press("ArrowRight")
        assert explained(page) == [1]
        differences.nth(in_first + 1).hover()  # another passage
        assert explained(page) == [in_first + 1]
        page.mouse.move(0, 0)
        assert explained(page) == [1]
        assert ring(differences.nth(1))["style"] == "solid"
        page.keyboard.press("Escape")
        assert explained(page) == []
        differences.nth(3).hover()
        assert explained(page) == [3]
        page.mouse.move(0, 0)
        assert explained(page) == []  # dismissed stays dismissed till reached again
        page.keyboard.press("ArrowRight")
        assert explained(page) == [2]
    finally:
        context.close()


@pytest.mark.browser
def test_without_javascript_one_explanation_at_a_time(site_in_chromium):
    """Without the script the page cannot know which came last: the keyboard's focus
    wins over the pointer, and the pointer over a clicked difference."""
    browser, site = site_in_chromium
    context = browser.new_context(viewport={"width": 1024, "height": 768},
                                  java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site + "claims/maximum-pressure-on-putin/")
        differences = page.locator(DIFFERENCE)
        differences.nth(1).click()
        differences.nth(2).hover()
        assert explained(page) == [2]
        page.mouse.move(0, 0)
        assert explained(page) == [1]
        page.keyboard.press("Tab")
        differences.nth(1).hover()
        assert explained(page) == [2]
    finally:
        context.close()


@pytest.mark.browser
def test_a_difference_under_an_explanation_can_still_be_tapped(site_in_chromium):
    """An explanation covers the lines below its difference; on a touch screen, where
    nothing hovers, a tap there goes through to the difference it covers."""
    browser, site = site_in_chromium
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True,
                                  is_mobile=True)
    try:
        page = context.new_page()
        page.goto(site + "claims/maximum-pressure-on-putin/")
        differences = page.locator(DIFFERENCE)
        for n in range(differences.count()):
            differences.nth(n).evaluate("e => e.scrollIntoView({block: 'center'})")
            differences.nth(n).tap()
            box = explanation_box(page)
            centres = differences.evaluate_all("""els => els.map(e => {
                const r = e.getBoundingClientRect();
                return [(r.left + r.right) / 2, (r.top + r.bottom) / 2];
            })""")
            covered = [other for other, (x, y) in enumerate(centres) if other != n
                       and box["left"] < x < box["right"] and box["top"] < y < box["bottom"]]
            if covered:
                x, y = centres[covered[0]]
                page.touchscreen.tap(x, y)
                assert explained(page) == [covered[0]], (n, covered)
                return
        pytest.fail("no explanation covers another difference: nothing tested")
    finally:
        context.close()


@pytest.mark.browser
def test_a_page_scrolled_under_a_resting_pointer_leaves_the_keyboards_explanation(
        site_in_chromium):
    """An arrow key scrolls the next difference into view; a difference that the page
    brings under a pointer resting there was not reached by the reader."""
    browser, site = site_in_chromium
    page = browser.new_page(viewport={"width": 360, "height": 560})
    try:
        page.goto(site + "claims/maximum-pressure-on-putin/")
        differences = page.locator(DIFFERENCE)
        differences.first.focus()
        assert explained(page) == [0]
        target = differences.count() // 2
        differences.nth(target).evaluate("e => e.scrollIntoView({block: 'center'})")
        x, y = differences.nth(target).evaluate("""e => {
            const line = e.getClientRects()[0];  // a mark over two lines has a hole
            return [line.left + line.width / 2, line.top + line.height / 2];
        }""")
        page.mouse.move(x, y + 150)
        assert explained(page) == [0], "the pointer came to rest on a difference"
        page.evaluate("() => window.scrollBy(0, -150)")
        page.wait_for_function(f"document.querySelectorAll('{DIFFERENCE}')[{target}]"
                               ".matches(':hover')")
        assert explained(page) == [0]
    finally:
        page.close()
