"""Colours as readers meet them, in Chromium, in the light theme and the dark one: every
visible piece of text on every kind of page against what is behind it, and every outline
that shows focus or a followed passage against the page around it (WCAG 2.2 AA: 1.4.3
text, 1.4.11 non-text contrast, 2.4.7 focus visible)."""
import pytest

from conftest import in_a_real_browser

# One page of each kind, with the parts that carry their own colours: every verdict's
# badge (the methodology page's scale), diff marks, gaps and figure flags (consistency,
# the claim), checked and compared passages with one followed (the article).
PAGES = {
    "home": "",
    "claim": "claims/maximum-pressure-on-putin/",
    "claim-with-flags": "claims/royal-navy-70-vessels-norway-2024/",
    "source": "sources/000_77b9b0fc3a0f8130/#q-maximum-pressure-on-putin-1",
    "outlet": "outlets/independent/",
    "outlet-quotations": "outlets/independent/quotations/",
    "consistency": "consistency/",
    "speaker": "consistency/speakers/john-healey/",
    "tag": "tags/nato/",
    "verdict": "verdicts/mixed/",
    "methodology": "methodology/",
    "about": "about/",
    "corrections": "corrections/",
    "404": "404.html",
    "search": "search/?q=Trump",
}
# What a page shows only once its script has fetched it: measured when it is there.
SHOWN_LATER = {"search/?q=Trump": ".pagefind-ui__result-link"}

# Runs in the page: the pairs of colours readers see, as [what, selector, ratio, needed].
CONTRASTS = """() => {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const paint = canvas.getContext('2d', {willReadFrequently: true});
  // Any CSS colour as [r, g, b, alpha]: the canvas reads every syntax the browser does.
  const rgba = (css) => {
    paint.clearRect(0, 0, 1, 1);
    paint.fillStyle = '#000';
    paint.fillStyle = css;
    paint.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = paint.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a / 255];
  };
  const over = (top, below) => top.slice(0, 3).map(
    (channel, n) => channel * top[3] + below[n] * (1 - top[3])).concat([1]);
  // What shows behind an element: its own background and its ancestors', stacked up to
  // the first opaque one (the page's, at the latest).
  const behind = (element) => {
    const layers = [];
    for (let node = element; node; node = node.parentElement) {
      const colour = rgba(getComputedStyle(node).backgroundColor);
      if (colour[3] > 0) layers.push(colour);
      if (colour[3] >= 1) break;
    }
    return layers.reverse().reduce((below, top) => over(top, below), [255, 255, 255, 1]);
  };
  const luminance = ([r, g, b]) => [r, g, b].map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }).reduce((sum, c, n) => sum + c * [0.2126, 0.7152, 0.0722][n], 0);
  const ratio = (a, b) => {
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (light + 0.05) / (dark + 0.05);
  };
  const selector = (element) => {
    const names = [];
    for (let node = element; node && node !== document.body && names.length < 4;
         node = node.parentElement) {
      names.unshift(node.localName + (node.id ? '#' + node.id : '') +
                    [...node.classList].map((name) => '.' + name).join(''));
    }
    return names.join(' > ');
  };
  // Hidden from sight on purpose: visually hidden text (clipped) and the skip link
  // until it has focus (off the screen).
  const unseen = (element) => {
    if (!element.checkVisibility({opacityProperty: true, visibilityProperty: true})) return true;
    for (let node = element; node; node = node.parentElement) {
      if (getComputedStyle(node).clipPath !== 'none') return true;
    }
    return element.getBoundingClientRect().right <= 0;
  };
  const large = (style) => {
    const size = parseFloat(style.fontSize);
    return size >= 24 || (size >= 18.66 && parseInt(style.fontWeight, 10) >= 700);
  };
  const found = [];
  const text = (what, element, style) => {
    const background = behind(element);
    found.push([what, selector(element),
                ratio(over(rgba(style.color), background), background), large(style) ? 3 : 4.5]);
  };
  document.querySelectorAll('details').forEach((details) => { details.open = true; });
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const holders = new Set();
  while (walker.nextNode()) {
    if (walker.currentNode.data.trim()) holders.add(walker.currentNode.parentElement);
  }
  for (const element of holders) {
    if (!unseen(element)) text('text', element, getComputedStyle(element));
  }
  // Text the stylesheet writes (the caret of a gap), and what form controls show.
  for (const element of document.body.querySelectorAll('*')) {
    if (unseen(element)) continue;
    for (const pseudo of ['::before', '::after']) {
      const style = getComputedStyle(element, pseudo);
      if (!['none', 'normal', '""'].includes(style.content) && style.clipPath === 'none') {
        text('text ' + pseudo, element, style);
      }
    }
    if (element.matches('select, button')) text('control', element, getComputedStyle(element));
  }
  // An outline is drawn around the element, on the background of the first ancestor
  // whose box holds the whole ring (a chip's own colour is inside the ring, not under it).
  const underRing = (element, style) => {
    const reach = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
    const ring = element.getBoundingClientRect();
    for (let node = element.parentElement; node; node = node.parentElement) {
      const box = node.getBoundingClientRect();
      if (box.left <= ring.left - reach && box.right >= ring.right + reach &&
          box.top <= ring.top - reach && box.bottom >= ring.bottom + reach) return behind(node);
    }
    return behind(document.documentElement);
  };
  const outline = (what, element) => {
    const style = getComputedStyle(element);
    if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) === 0) {
      found.push([what + ' (none shown)', selector(element), 0, 3]);
      return;
    }
    const background = underRing(element, style);
    found.push([what, selector(element),
                ratio(over(rgba(style.outlineColor), background), background), 3]);
  };
  // What focus shows is read on its own background: a difference's explanation.
  const shownOnFocus = (element) => {
    const style = getComputedStyle(element, '::after');
    if (['none', 'normal'].includes(style.content)) return;
    const background = over(rgba(style.backgroundColor), behind(element));
    found.push(['text shown on focus', selector(element),
                ratio(over(rgba(style.color), background), background), large(style) ? 3 : 4.5]);
  };
  for (const element of document.querySelectorAll(
      'a[href], summary, select, button, [tabindex="0"]')) {
    if (unseen(element)) continue;
    element.focus();
    outline('focus outline', element);
    shownOnFocus(element);
  }
  document.activeElement.blur();
  document.querySelectorAll('.followed').forEach((piece) => outline('followed outline', piece));
  // The underline that, with the colour, tells a marked stretch from the rest.
  for (const mark of document.querySelectorAll('mark')) {
    const style = getComputedStyle(mark);
    if (unseen(mark) || !style.textDecorationLine.includes('underline')) continue;
    found.push(['underline of a mark', selector(mark),
                ratio(rgba(style.textDecorationColor), behind(mark)), 3]);
  }
  return found;
}"""


@pytest.fixture(scope="module")
def site_in_chromium(shipped_build, tmp_path_factory):
    with in_a_real_browser(shipped_build, tmp_path_factory.mktemp("contrast")) as served:
        yield served


def contrasts(site_in_chromium, path: str, theme: str) -> list:
    browser, site = site_in_chromium
    context = browser.new_context(color_scheme=theme, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(site + path)
        if path in SHOWN_LATER:
            page.wait_for_selector(SHOWN_LATER[path], timeout=15000)
        page.keyboard.press("Tab")  # focus from the keyboard, so :focus-visible applies
        return page.evaluate(CONTRASTS)
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("kind", list(PAGES))
def test_every_colour_pair_meets_wcag_aa(site_in_chromium, kind, theme):
    found = contrasts(site_in_chromium, PAGES[kind], theme)
    kinds = {what.split(" ")[0] for what, *_ in found}
    assert {"text", "focus"} <= kinds, f"{kind}: nothing measured ({kinds})"
    if kind in ("claim", "consistency"):  # pages with differences, each explained on focus
        assert any(what == "text shown on focus" for what, *_ in found), kind
    failures = sorted({(round(ratio, 2), needed, what, where)
                       for what, where, ratio, needed in found if ratio < needed})
    assert not failures, f"{kind} in the {theme} theme:\n" + "\n".join(
        f"  {ratio}:1 < {needed}:1  {what}  {where}" for ratio, needed, what, where in failures)


@pytest.mark.browser
def test_each_theme_is_the_one_asked_for(site_in_chromium):
    """Guards the test above: the dark theme is measured as dark, not the light one twice."""
    browser, site = site_in_chromium
    brightness = {}
    for theme in ("light", "dark"):
        context = browser.new_context(color_scheme=theme)
        page = context.new_page()
        page.goto(site)
        brightness[theme] = page.evaluate("""() => {
            const style = getComputedStyle(document.documentElement);
            const sum = (css) => css.match(/[\\d.]+/g).slice(0, 3).reduce((a, b) => a + +b, 0);
            return {page: sum(style.backgroundColor), text: sum(style.color)};
        }""")
        context.close()
    assert brightness["light"]["page"] > brightness["light"]["text"], brightness
    assert brightness["dark"]["page"] < brightness["dark"]["text"], brightness
